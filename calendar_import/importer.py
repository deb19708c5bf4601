"""Turning a feed's occurrences into event-page drafts in the approval workflow.

Per occurrence, keyed by (feed, UID, RECURRENCE-ID) in ``ImportedEvent``:

* new → a draft ``network.EventPage`` below the feed's event list, submitted into the
  approval workflow by the import user; nothing is published before a manager approves;
* changed in the feed (content hash of the fields we set) → a new revision of the page,
  the running workflow is cancelled and started again with that revision; a live page
  stays as it was until the manager approves the change;
* changed in the feed, but an editor saved the page after the import → left alone and
  reported as "edited by hand, not overwritten";
* ``STATUS:CANCELLED`` → the page is unpublished (with its translations), its workflow
  cancelled, and the page kept as a draft for the record (decision: README, "Calendar import");
* an occurrence of the coming months that is no longer in the feed → reported only;
* the page was deleted in the admin → not created again.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from network.models import EventPage

from .ical import FeedError, fetch, parse, setting
from .models import REPORT_KEYS, ImportedEvent

logger = logging.getLogger(__name__)

IMPORT_USERNAME = "kalenderimport"


def import_user():
    """The account the drafts are written and submitted by: it cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=IMPORT_USERNAME, defaults={"is_active": False, "first_name": "Kalenderimport"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class ImportProblem(Exception):
    pass


def unique_slug(index, title, start):
    base = (slugify(title)[:60].strip("-") or "termin") + start.strftime("-%Y-%m-%d")
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def submit(page, user):
    """(Re)start the approval workflow on the page's latest revision."""
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise ImportProblem(_("The event list has no approval workflow; the draft was not submitted."))
    workflow.start(page, user)


class FeedImport:
    """One run over one feed; ``report`` is what the command prints and the admin shows."""

    def __init__(self, feed, now=None, user=None):
        self.feed = feed
        self.now = now or timezone.now()
        self.user = user or import_user()
        self.report = {"counts": dict.fromkeys(REPORT_KEYS, 0), "items": [], "failed": False}

    # --- the report -------------------------------------------------------------------
    def note(self, kind, occurrence_or_record=None, message=""):
        self.report["counts"][kind] += 1
        if kind == "unchanged" and not message:
            return  # counted, not listed
        item = {"kind": kind, "message": message}
        if occurrence_or_record is not None:
            title = getattr(occurrence_or_record, "title", None)
            if title is None and occurrence_or_record.page_id:
                title = occurrence_or_record.page.title
            item["title"] = title or occurrence_or_record.uid
            item["start"] = date_format(
                timezone.localtime(occurrence_or_record.start), "SHORT_DATETIME_FORMAT"
            )
        self.report["items"].append(item)

    # --- the run ----------------------------------------------------------------------
    def run(self):
        feed = self.feed
        try:
            occurrences, problems = parse(fetch(feed.url), self.now)
        except FeedError as error:
            self.report["failed"] = True
            self.note("errors", message=str(error))
            return self.finish()
        for problem in problems:
            self.note("errors", message=problem)

        records = {(r.uid, r.recurrence_id): r for r in feed.imported_events.select_related("page")}
        seen = set()
        for occurrence in occurrences:
            key = (occurrence.uid, occurrence.recurrence_id)
            if key in seen:
                continue
            seen.add(key)
            try:
                with transaction.atomic():
                    self.sync(occurrence, records.get(key))
            except Exception as error:  # noqa: BLE001  (one broken event must not stop the feed)
                logger.exception("calendar import: %s %s", feed.url, occurrence.uid)
                self.note("errors", occurrence, str(error)[:300])

        horizon = self.now + _months(setting("CALENDAR_IMPORT_MONTHS", 3))
        for key, record in records.items():
            if (
                key not in seen
                and not record.cancelled
                and record.page_id
                and self.now <= record.start <= horizon
            ):
                self.note("removed", record, _("Check whether it was cancelled; the event was not changed."))
        return self.finish()

    def finish(self):
        self.feed.last_run = self.now
        self.feed.last_report = self.report
        self.feed.save(update_fields=["last_run", "last_report"])
        return self.report

    def sync(self, occurrence, record):
        feed = self.feed
        field = occurrence.field_of_action(feed.field_of_action)
        fields = occurrence.page_fields(feed.organisation.name, _fallback_location(feed.organisation))
        content_hash = occurrence.content_hash(fields, field)

        if occurrence.cancelled:
            if record is None or record.page is None:
                return  # never imported: nothing to cancel
            if record.cancelled:
                self.note("unchanged", occurrence)
                return
            self.cancel(record, occurrence)
            record.cancelled, record.content_hash, record.start = True, content_hash, occurrence.start
            record.save(update_fields=["cancelled", "content_hash", "start", "updated_at"])
            return

        if record is None:
            page, revision = self.create(fields)
            ImportedEvent.objects.create(
                feed=feed,
                uid=occurrence.uid,
                recurrence_id=occurrence.recurrence_id,
                page=page,
                revision=revision,
                start=occurrence.start,
                content_hash=content_hash,
                sequence=occurrence.sequence,
                field_of_action=field,
            )
            self.note("created", occurrence)
            return
        if record.page is None:
            self.note(
                "unchanged", occurrence, _("The event was deleted in the admin and is not imported again.")
            )
            return
        if record.content_hash == content_hash and not record.cancelled:
            self.note("unchanged", occurrence)
            return
        if record.edited_by_hand():
            self.note(
                "kept",
                occurrence,
                _("Changed in the feed, but edited by hand in the admin: not overwritten."),
            )
            return
        record.revision = self.update(record.page, fields)
        record.content_hash, record.start, record.sequence = (
            content_hash,
            occurrence.start,
            occurrence.sequence,
        )
        record.field_of_action, record.cancelled = field, False
        record.save()
        self.note("updated", occurrence)

    def create(self, fields):
        index = self.feed.event_index
        page = EventPage(
            slug=unique_slug(index, fields["title"], fields["start"]),
            live=False,
            has_unpublished_changes=True,
            owner=self.user,
            locale_id=index.locale_id,
            **fields,
        )
        index.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=False)
        log(instance=page, action="wagtail.create", user=self.user, revision=revision, content_changed=True)
        submit(page, self.user)
        return page, revision

    def update(self, page, fields):
        draft = page.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(draft, name, value)
        revision = draft.save_revision(user=self.user, log_action=True)
        submit(draft, self.user)
        return revision

    def cancel(self, record, occurrence):
        page = record.page
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=self.user)
        message = ""
        if page.live:
            # The import user holds no page permissions: the cancellation in the feed is the reason.
            for translation in [*page.get_translations().live().specific(), page]:
                UnpublishPageAction(translation, user=self.user, log_action=True).execute(
                    skip_permission_checks=True
                )
            message = _("The event was unpublished.")
        if record.edited_by_hand():
            message = f"{message} {_('It had been edited by hand.')}".strip()
        self.note("cancelled", occurrence, message)


def _months(months):
    from dateutil.relativedelta import relativedelta

    return relativedelta(months=months)


def _fallback_location(organisation):
    address = ", ".join(line.strip() for line in (organisation.address or "").splitlines() if line.strip())
    return address or organisation.name


def import_feeds(feeds, now=None):
    """Import each feed on its own; returns [(feed, report)]. A failing feed never stops the others."""
    user = import_user()
    results = []
    for feed in feeds:
        try:
            report = FeedImport(feed, now=now, user=user).run()
        except Exception as error:  # noqa: BLE001  (the last line of defence for the other feeds)
            logger.exception("calendar import failed: %s", feed.url)
            report = {"counts": dict.fromkeys(REPORT_KEYS, 0), "items": [], "failed": True}
            report["counts"]["errors"] = 1
            report["items"].append({"kind": "errors", "message": str(error)[:300]})
            feed.last_run, feed.last_report = now or timezone.now(), report
            feed.save(update_fields=["last_run", "last_report"])
        results.append((feed, report))
    return results
