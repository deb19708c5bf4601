"""Requests for a language mediator or a mentorship (the public form pages: ``form_page.py``).

Submissions are personal data: they are not indexed for search, not pages,
not snippets (no chooser), and are visible in the admin only to the
integration management (``personal_requests.permissions.ManagersOnlyPolicy``). They are
deleted after ``PERSONAL_DATA_RETENTION_DAYS`` by ``purge_personal_data``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from network.choices import (
    APPOINTMENT_KINDS,
    LANGUAGES,
    MENTORSHIP_ROLES,
    REQUEST_STATUSES,
)


class BaseRequest(models.Model):
    """Fields every submission has: contact, reader's language, handling status."""

    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    site_language = models.CharField(
        _("language of the form"), max_length=8, editable=False, help_text=_("Answer in this language.")
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=REQUEST_STATUSES, default="new")
    notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only the integration management sees this.")
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class MediatorRequest(BaseRequest):
    """A request for a language mediator for one appointment."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    appointment_kind = models.CharField(_("kind of appointment"), max_length=20, choices=APPOINTMENT_KINDS)
    no_legal_consequences = models.BooleanField(
        _("confirmed: no legal consequences"),
        default=False,
        help_text=_("The person confirmed that the appointment has no legal consequences."),
    )
    pool_member = models.ForeignKey(
        "personal_requests.PoolMember",
        verbose_name=_("language mediator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        help_text=_("Who takes the appointment."),
    )

    class Meta(BaseRequest.Meta):
        db_table = "network_mediatorrequest"  # the table kept its name when the model left network
        verbose_name = _("language-mediator request")
        verbose_name_plural = _("language-mediator requests")

    def __str__(self):
        return f"{self.get_language_display()} · {self.date:%d.%m.%Y} · {self.get_appointment_kind_display()}"

    def matching_pool_members(self):
        from .pool import PoolMember

        return PoolMember.objects.speaking(self.language)


class MentorshipRequest(BaseRequest):
    """Someone asks for a mentor (Patenschaft) or offers to become one."""

    role = models.CharField(_("request"), max_length=8, choices=MENTORSHIP_ROLES)
    languages = models.CharField(_("languages"), max_length=200, help_text=_("Languages you speak."))
    interests = models.TextField(
        _("interests"),
        max_length=1000,
        help_text=_("What would you like to do together, or where do you need support?"),
    )

    class Meta(BaseRequest.Meta):
        db_table = "network_mentorshiprequest"  # the table kept its name when the model left network
        verbose_name = _("mentorship request")
        verbose_name_plural = _("mentorship requests")

    def __str__(self):
        return (
            f"{self.get_role_display()} · {self.created_at:%d.%m.%Y}"
            if self.created_at
            else self.get_role_display()
        )
