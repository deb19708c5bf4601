"""The mail outbox and the queue of search-index writes that could not be made."""

import base64

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One e-mail waiting to be sent: exactly what the e-mail holds, nothing more.

    Rows are deleted as soon as the mail server accepted the message; unsent
    rows older than ``PERSONAL_DATA_RETENTION_DAYS`` are deleted by
    ``purge_personal_data`` like the requests themselves.
    """

    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(blank=True)
    from_email = models.CharField(max_length=254)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    alternatives = models.JSONField(default=list)
    attachments = models.JSONField(default=list)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    #: Claimed by one sender until then (after-response delivery and the cron job never send twice).
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("queued e-mail")
        verbose_name_plural = _("queued e-mails")

    def __str__(self):
        return self.subject

    @classmethod
    def from_email_message(cls, message):
        attachments = []
        for attachment in message.attachments:
            if not isinstance(attachment, tuple):
                raise ValueError("The outbox keeps (filename, content, mimetype) attachments only.")
            filename, content, mimetype = attachment
            raw = content.encode() if isinstance(content, str) else bytes(content)
            attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
        return cls(
            subject=str(message.subject),
            body=str(message.body),
            from_email=str(message.from_email),
            to=[str(a) for a in message.to],
            cc=[str(a) for a in message.cc],
            bcc=[str(a) for a in message.bcc],
            reply_to=[str(a) for a in message.reply_to],
            headers={str(k): str(v) for k, v in (message.extra_headers or {}).items()},
            alternatives=[
                [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
            ],
            attachments=attachments,
        )

    def to_email_message(self, connection=None):
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
            connection=connection,
        )
        for content, mimetype in self.alternatives:
            message.attach_alternative(content, mimetype)
        for filename, content, mimetype in self.attachments:
            message.attach(filename, base64.b64decode(content), mimetype)
        return message


class PendingIndexUpdate(models.Model):
    """A search-index write that failed (cluster down or hanging); ``retry_search_index`` redoes it.

    ``target`` is ``wagtail`` (the admin's index of Wagtail's backend) or
    ``portal`` (the public per-language indexes of ``search.elastic``).
    Only keys are kept, never content: the retry reads the object again.
    """

    TARGETS = [("wagtail", "wagtail"), ("portal", "portal")]
    ACTIONS = [("index", "index"), ("delete", "delete")]

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    target = models.CharField(max_length=10, choices=TARGETS)
    action = models.CharField(max_length=10, choices=ACTIONS)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "model", "object_id"], name="one_pending_update_per_object"
            )
        ]

    def __str__(self):
        return f"{self.target} {self.action} {self.model}:{self.object_id}"


class ContentVersion(models.Model):
    """One row: the site-wide version of everything anonymous readers can see (operations/page_cache.py).

    Every change of public content bumps it inside the same transaction; the full-page
    cache puts it into every key, so no page rendered before a change is served after it,
    in any process, whichever cache backend is configured and even after Redis was down.
    """

    version = models.BigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"content version {self.version}"
