"""Mail goes to the outbox table first; it is sent after the commit, and after the response.

``OutboxEmailBackend`` is ``EMAIL_BACKEND``: whoever sends mail (the request
notifications of ``personal_requests.notifications``, Wagtail's moderation e-mails,
password resets) stores the message in the same transaction as the change that
caused it. After the commit it is handed to ``OUTBOX_DELIVERY_BACKEND`` (SMTP):
during a request only after the response has been sent (a response closer,
``OutboxDeliveryMiddleware``), elsewhere at once. A message that the mail
server took is deleted; one that failed stays queued with its error and is
retried by ``manage.py send_outbox`` (cron). So a visitor's page never waits
for, or fails because of, the mail server, and nothing is lost.
"""

import contextvars
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

#: Ids queued during the current request, delivered after its response (None outside a request).
_pending = contextvars.ContextVar("outbox_pending", default=None)

#: How long one sender may hold a message before another may try it.
LOCK_SECONDS = 120


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        with transaction.atomic():
            rows = [OutboxMessage.from_email_message(message) for message in email_messages]
            for row in rows:
                row.save()
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: _after_commit(ids))
        return len(ids)


def _after_commit(ids):
    pending = _pending.get()
    if pending is not None:
        pending.extend(ids)
    else:
        deliver(ids)


class OutboxDeliveryMiddleware:
    """Delivers the mail queued by a request after its response went out (response closer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _pending.set([])
        try:
            response = self.get_response(request)
        finally:
            ids = _pending.get()
            _pending.reset(token)
        if ids:
            # Django calls the closers from response.close(), which the WSGI server calls after the
            # last byte was written; the test client does the same.
            response._resource_closers.append(lambda: deliver(ids))
        return response


def _claim(queryset, now):
    """Mark the given messages as taken by this sender; returns the ids actually claimed."""
    claimed = []
    for pk in list(queryset.values_list("pk", flat=True)):
        taken = (
            OutboxMessage.objects.filter(pk=pk)
            .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
            .update(locked_until=now + timedelta(seconds=LOCK_SECONDS))
        )
        if taken:
            claimed.append(pk)
    return claimed


def deliver(ids=None, limit=None):
    """Send queued messages (the given ids, or all); returns (sent, failed). Never raises.

    After the first failure the remaining messages are left queued (not counted as failed).
    """
    try:
        now = timezone.now()
        queryset = OutboxMessage.objects.all()
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
        if limit:
            queryset = queryset[:limit]
        claimed = _claim(queryset, now)
    except Exception as error:  # the database itself may be the problem
        logger.warning("Outbox not readable: %s", type(error).__name__)
        return 0, len(ids or [])
    sent = failed = 0
    connection = None
    for message in OutboxMessage.objects.filter(pk__in=claimed):
        if failed:
            # The server failed once in this run: leave the rest for the next run instead of
            # waiting one timeout per message.
            OutboxMessage.objects.filter(pk=message.pk).update(locked_until=None)
            continue
        try:
            if connection is None:
                # The SMTP backend reads EMAIL_TIMEOUT: a hanging server costs that long, once.
                connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
            connection.send_messages([message.to_email_message(connection)])
        except Exception as error:
            failed += 1
            OutboxMessage.objects.filter(pk=message.pk).update(
                attempts=message.attempts + 1,
                last_attempt_at=timezone.now(),
                last_error=f"{type(error).__name__}: {error}"[:200],
                locked_until=None,
            )
            logger.warning("E-mail %s not sent, stays in the outbox: %s", message.pk, type(error).__name__)
        else:
            sent += 1
            message.delete()
    return sent, failed


def oldest_pending_age():
    """Seconds since the oldest queued message was created, or None."""
    oldest = OutboxMessage.objects.order_by("created_at").values_list("created_at", flat=True).first()
    return (timezone.now() - oldest).total_seconds() if oldest else None
