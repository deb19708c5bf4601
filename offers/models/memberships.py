"""Which network member belongs to which organisation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationMembership(models.Model):
    """A network member may edit the offers and the profile of their organisations.

    The membership points at one locale version of the organisation; it counts
    for every translation (they share the ``translation_key``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        help_text=_("The network member."),
    )
    organisation = models.ForeignKey(
        "offers.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("The organisation they work for or volunteer with."),
    )

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"
