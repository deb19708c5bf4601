"""The kernel's models: translations waiting for their first approval (issue 13), towns (issue 16)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class PendingTranslation(models.Model):
    """A translation that was started but not approved yet: its live version still shows the German text.

    wagtail-localize's "Translate" publishes the new target at once with every
    untranslated string in German (an alias page becomes a page of its own).
    Until the integration management approves a translation of it, readers get
    the German text *as German*: the fallback notice and ``lang="de"``
    (set and cleared by ``moderation.pending``; read through ``portal.pending``).
    Keyed like translations themselves: the translation key of the object and
    the target locale.
    """

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation waiting for its first approval")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "locale"], name="unique_pending_translation")
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"


@register_setting(icon="site")
class TownSettings(BaseSiteSetting):
    """A town's name, logo, contact and languages (issue 16): one per Wagtail site.

    Read through ``portal.sites.town_settings`` (cached per site). The defaults are Beckum's,
    the installation's first town; a site without stored settings shows its own site name.
    """

    name = models.CharField(_("town"), max_length=80, default="Beckum", help_text=_("For example Beckum."))
    operator = models.CharField(
        _("operator"),
        max_length=120,
        blank=True,
        default="Stadt Beckum",
        help_text=_("Who runs the portal, for example Stadt Beckum."),
    )
    network_name = models.CharField(
        _("network name"),
        max_length=120,
        blank=True,
        default="Netzwerk Integration",
        help_text=_("The network taking part, for example Netzwerk Integration. May be empty."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Without a logo the town's name is shown."),
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Street and number, postcode and town."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        help_text=_("Language codes the town offers, separated by commas, e.g. de,en,uk. Empty: all."),
    )

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")

    def __str__(self):
        return self.name

    def language_codes(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        known = {code for code, _name in settings.LANGUAGES}
        unknown = [code for code in self.language_codes() if code not in known]
        if unknown:
            raise ValidationError(
                {"languages": _("Unknown language code: %(codes)s") % {"codes": ", ".join(unknown)}}
            )
        if self.language_codes() and settings.LANGUAGE_CODE not in self.language_codes():
            raise ValidationError({"languages": _("German, the source language, must be offered.")})

    # Texts of the page frame -----------------------------------------------------------
    def portal_title(self):
        """ "Integration portal <town>": the catalogue's own wording for this town when it has one."""
        specific = f"Integration portal {self.name}"
        translated = gettext(specific)
        if translated != specific:
            return translated
        return gettext("Integration portal %(town)s") % {"town": self.name}

    def service_line(self):
        """The footer's "A service of ..." line (the catalogue's own wording for the town if it has one)."""
        if not self.operator:
            return ""
        network = self.network_name
        specific = f"A service of the {self.operator} integration management and the {network}."
        translated = gettext(specific) if network else specific
        if network and translated != specific:
            return translated
        if network:
            return gettext("A service of the %(operator)s integration management and the %(network)s.") % {
                "operator": self.operator,
                "network": network,
            }
        return gettext("A service of the %(operator)s integration management.") % {"operator": self.operator}


class TownRole(models.Model):
    """A group whose permissions reach one town only (``manage.py setup_roles --town <host>``)."""

    MANAGERS = "managers"
    MEMBERS = "members"
    KINDS = [(MANAGERS, _("integration management of the town")), (MEMBERS, _("network members of the town"))]

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="town_role")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="town_roles")
    kind = models.CharField(max_length=20, choices=KINDS)

    class Meta:
        verbose_name = _("town role")
        verbose_name_plural = _("town roles")

    def __str__(self):
        return f"{self.group} ({self.site})"
