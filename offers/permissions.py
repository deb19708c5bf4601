"""Organisation-scoped permissions: one policy used by every admin path.

A network member holds the model permissions (e.g. ``change_offer``) through
the "Netzwerkmitglieder" group, but may use them only on the offers and the
profiles of the organisations they belong to (``OrganisationMembership``).
The integration management group and superusers are not restricted.

The policy answers both questions Wagtail asks: "may this user do X with this
instance?" (edit, delete, history, preview...) and "which instances may this
user do X with?" (listings, choosers). ``offers.admin_views`` makes every
snippet view and the bulk actions ask it.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from portal.models import TownRole
from portal.roles import MANAGERS, TRANSLATOR_PREFIX, is_manager
from portal.sites import for_sites

_CACHE_ATTR = "_offers_organisation_keys"


def is_unrestricted(user):
    cached = getattr(user, "_offers_is_manager", None)
    if cached is None:
        cached = is_manager(user)
        user._offers_is_manager = cached
    return cached


def organisation_keys(user):
    """translation_keys of the user's organisations (one query, cached on the user object)."""
    keys = getattr(user, _CACHE_ATTR, None)
    if keys is None:
        from offers.models import OrganisationMembership

        keys = set(
            OrganisationMembership.objects.filter(user_id=user.pk).values_list(
                "organisation__translation_key", flat=True
            )
        )
        setattr(user, _CACHE_ATTR, keys)
    return keys


def organisation_ids(user):
    """Primary keys of every locale version of the user's organisations (cached on the user object)."""
    ids = getattr(user, "_offers_organisation_ids", None)
    if ids is None:
        from offers.models import Organisation

        ids = list(
            Organisation.objects.filter(translation_key__in=organisation_keys(user)).values_list(
                "pk", flat=True
            )
        )
        user._offers_organisation_ids = ids
    return ids


def translator_languages(user):
    """Language codes the user translates into (groups "Übersetzung <code>"), cached on the user."""
    codes = getattr(user, "_offers_translator_languages", None)
    if codes is None:
        names = user.groups.filter(name__startswith=TRANSLATOR_PREFIX).values_list("name", flat=True)
        codes = {name.removeprefix(TRANSLATOR_PREFIX) for name in names}
        codes.discard(settings.LANGUAGE_CODE)  # the German source is never a translation
        user._offers_translator_languages = codes
    return codes


def managed_towns(user):
    """Site ids of the towns whose management ``user`` belongs to (``portal.sites``), cached on the user."""
    towns = getattr(user, "_offers_managed_towns", None)
    if towns is None:
        towns = set(
            TownRole.objects.filter(group__user=user, kind=TownRole.MANAGERS).values_list(
                "site_id", flat=True
            )
        )
        user._offers_managed_towns = towns
    return towns


def forget_cached_scope(user):
    cached = (
        _CACHE_ATTR,
        "_offers_organisation_ids",
        "_offers_is_manager",
        "_offers_translator_languages",
        "_offers_managed_towns",
    )
    for attr in cached:
        if hasattr(user, attr):
            delattr(user, attr)


class OrganisationScopedPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the organisations the user belongs to.

    ``organisation_path`` is the lookup from the model to its organisation:
    ``"organisation__"`` for offers (a foreign key ``organisation``), ``""`` for
    organisations themselves.
    """

    def __init__(self, model, organisation_path="", auth_model=None):
        super().__init__(model, auth_model=auth_model)
        self.organisation_path = organisation_path

    def scope(self, user, queryset):
        """Only the rows ``user`` may touch."""
        if is_unrestricted(user):
            return queryset
        if not user.is_authenticated:
            return queryset.none()
        # Plain column filters, so that the admin search backend can apply them too.
        if self.organisation_path:
            own = Q(organisation_id__in=organisation_ids(user))
        else:
            own = Q(translation_key__in=organisation_keys(user))
        # Translators reach every item in their own languages (their group holds
        # only the change permission: they translate, never add or delete).
        languages = translator_languages(user)
        if languages:
            own |= Q(locale__language_code__in=languages)
        towns = managed_towns(user)
        if towns:  # a town's management: everything of the organisations serving its towns
            own |= Q(pk__in=for_sites(self.model._default_manager.all(), towns).values("pk"))
        return queryset.filter(own)

    def owns(self, user, instance):
        if is_unrestricted(user):
            return True
        if not user.is_authenticated:
            return False
        languages = translator_languages(user)
        if languages and instance.locale_id and instance.locale.language_code in languages:
            return True
        towns = managed_towns(user)
        if (
            towns
            and instance.pk
            and for_sites(self.model._default_manager.filter(pk=instance.pk), towns).exists()
        ):
            return True
        if self.organisation_path:
            field = self.organisation_path.rstrip("_")
            if getattr(instance, f"{field}_id", None) is None:  # an offer still being created
                return True
            key = getattr(instance, field).translation_key
        else:
            key = instance.translation_key
        return key in organisation_keys(user)

    # Instance-level answers ---------------------------------------------------
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.owns(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.owns(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user, self.model._default_manager.all())

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        owner = getattr(instance, self.organisation_path.rstrip("_")) if self.organisation_path else instance
        key = owner.translation_key
        managers = Group.objects.filter(name=MANAGERS)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__in=managers)
            | Q(organisation_memberships__organisation__translation_key=key)
        ).distinct()
