"""Keep view restrictions where they belong, in every locale.

Wagtail copies a page's view restriction to an alias only when the alias is
created, and wagtail-localize copies it to a translation only when the
translation is published. A restriction added later to the German page would
leave the other locales' versions public. So:

* restricted page types get their GROUPS restriction whenever they are saved
  (``ensure_page_restriction``), in every locale;
* any restriction saved on a page is copied to all its locale versions
  (``propagate_restriction``). Removing one is not propagated: a page stays
  restricted in the other locales until an editor removes it there (fail safe).
"""

import threading

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

_state = threading.local()


def restrict(obj, group_names):
    """The one rule: exactly one GROUPS restriction on ``obj`` (a page or a collection), naming
    exactly ``group_names`` (created if missing); other restrictions on ``obj`` are removed."""
    restrictions = list(obj.view_restrictions.order_by("pk"))
    restriction = restrictions[0] if restrictions else None
    for extra in restrictions[1:]:
        extra.delete()
    if restriction is None:
        model = CollectionViewRestriction if isinstance(obj, Collection) else PageViewRestriction
        field = "collection" if isinstance(obj, Collection) else "page"
        restriction = model(**{field: obj})
    if restriction.pk is None or restriction.restriction_type != BaseViewRestriction.GROUPS:
        restriction.restriction_type = BaseViewRestriction.GROUPS
        restriction.save()
    groups = [Group.objects.get_or_create(name=name)[0] for name in group_names]
    if set(restriction.groups.all()) != set(groups):
        restriction.groups.set(groups)
    return restriction


restrict_page = restrict
restrict_collection = restrict


def ensure_page_restriction(page):
    names = page.required_group_names()
    if names:
        restrict_page(page, names)


def private_collection(name, group_names):
    """A child of the root collection, restricted to ``group_names``."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restrict_collection(collection, group_names)
    return collection


def propagate_restriction(restriction):
    """Copy ``restriction`` to every other locale version (aliases, translations) of its page."""
    if getattr(_state, "busy", False):
        return
    _state.busy = True
    try:
        page = restriction.page
        groups = list(restriction.groups.all())
        others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        for other in others:
            copy = other.view_restrictions.filter(restriction_type=restriction.restriction_type).first()
            if copy is None:
                copy = PageViewRestriction.objects.create(
                    page=other, restriction_type=restriction.restriction_type, password=restriction.password
                )
            elif copy.password != restriction.password:
                copy.password = restriction.password
                copy.save()
            if (
                restriction.restriction_type == BaseViewRestriction.GROUPS
                and groups
                and set(copy.groups.all()) != set(groups)
            ):
                copy.groups.set(groups)
    finally:
        _state.busy = False


def _on_restriction_saved(sender, instance, **kwargs):
    # A GROUPS restriction is saved before its groups are set: wait for m2m_changed,
    # or its empty group list would be copied over the other locales' groups.
    if instance.restriction_type != BaseViewRestriction.GROUPS:
        propagate_restriction(instance)


def _on_restriction_groups_changed(sender, instance, action, **kwargs):
    if (
        action in ("post_add", "post_remove", "post_clear")
        and isinstance(instance, PageViewRestriction)
        and instance.groups.exists()
    ):
        propagate_restriction(instance)


def _on_page_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    ensure_page_restriction(instance)


def connect():
    from network.models.areas import NetworkAreaPage, WorkingGroupPage

    post_save.connect(
        _on_restriction_saved, sender=PageViewRestriction, dispatch_uid="network_restriction_saved"
    )
    m2m_changed.connect(
        _on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="network_restriction_groups",
    )
    for model in (NetworkAreaPage, WorkingGroupPage):
        post_save.connect(_on_page_saved, sender=model, dispatch_uid=f"network_restrict_{model.__name__}")
