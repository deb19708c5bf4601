"""Translation coverage: for each locale, the status of every German page, news item, event, offer
and organisation.

Statuses, in the order a translation passes through them:

* *missing*: the locale has no own version (nothing, or only an alias showing the German text);
* *in progress*: a translation was started (wagtail-localize "Translate") or sent back with
  "Request changes", and is not approved yet; ``share`` is the part of its strings translated;
* *waiting for approval*: a translator submitted it, the integration management has not decided;
* *outdated*: approved once, but the German source was published after the translation was last
  synced: for translations managed by wagtail-localize, the source's
  ``TranslationSource.last_updated_at`` is older than the German ``last_published_at``; for a
  translation made by hand, its latest revision is older than the German publication;
* *current*: approved and not behind the German source.

The queries do not depend on the number of objects: a fixed number per content kind.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.admin_urls import admin_edit_url

from .models import PendingTranslation

MISSING = "missing"
IN_PROGRESS = "in_progress"
WAITING = "waiting"
OUTDATED = "outdated"
CURRENT = "current"
UP_TO_DATE = CURRENT  # the name before issue 13
STATUS_LABELS = {
    MISSING: _("missing"),
    IN_PROGRESS: _("in progress"),
    WAITING: _("waiting for approval"),
    OUTDATED: _("outdated"),
    CURRENT: _("current"),
}
KIND_LABELS = {
    "page": _("page"),
    "news": _("news"),
    "event": _("event"),
    "offer": _("offer"),
    "organisation": _("organisation"),
}
# Page types with a kind of their own (app label, model name): kind.
PAGE_KINDS = {("network", "newspage"): "news", ("network", "eventpage"): "event"}


@dataclass
class CoverageRow:
    locale: str
    kind: str
    title: str
    status: str
    source_edit_url: str
    translation_edit_url: str
    share: int | None = None  # percent of strings translated, for "in progress"
    sent_back: bool = False  # "in progress" because the management requested changes

    @property
    def status_label(self):
        if self.status == IN_PROGRESS and self.share is not None:
            return _("in progress (%(share)s %% translated)") % {"share": self.share}
        return STATUS_LABELS[self.status]

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


@dataclass
class Source:
    key: object
    title: str
    published_at: object
    edit_url: str
    kind: str = "page"


def _snippet_edit_url(model, pk):
    return admin_edit_url(model, pk)


def _page_kinds():
    kinds = {}
    for (app_label, model), kind in PAGE_KINDS.items():
        try:
            kinds[ContentType.objects.get_by_natural_key(app_label, model).pk] = kind  # cached
        except ContentType.DoesNotExist:
            continue
    return kinds


def _page_sources(german):
    kinds = _page_kinds()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=german, depth__gte=2, alias_of__isnull=True)
        .order_by("path")
        .values_list("translation_key", "title", "last_published_at", "pk", "content_type_id")
    )
    return [
        Source(key, title, published, admin_edit_url(Page, pk), kinds.get(ct, "page"))
        for key, title, published, pk, ct in pages
    ]


def _page_targets(keys, german):
    rows = (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale=german)
        .values_list("translation_key", "locale_id", "pk", "latest_revision_created_at")
    )
    return {(key, locale): (pk, changed) for key, locale, pk, changed in rows}


def _workflow_states(model, targets):
    """{target pk as str: WorkflowState status} of the active workflows on ``targets`` (one query)."""
    if not targets:
        return {}
    base = Page if model is None else model
    content_type = ContentType.objects.get_for_model(base, for_concrete_model=True)
    rows = (
        WorkflowState.objects.active()
        .filter(base_content_type=content_type, object_id__in=[str(pk) for pk, _changed in targets.values()])
        .values_list("object_id", "status")
    )
    return dict(rows)


def _shares(keys):
    """{(translation_key, locale id): percent of the source's strings translated} (two queries)."""
    totals = dict(
        StringSegment.objects.filter(source__object_id__in=keys)
        .values("source__object_id")
        .annotate(n=Count("id"))
        .values_list("source__object_id", "n")
    )
    done = (
        StringTranslation.objects.filter(context__object_id__in=keys)
        .values("context__object_id", "locale_id")
        .annotate(n=Count("id"))
        .values_list("context__object_id", "locale_id", "n")
    )
    return {
        (key, locale): round(100 * min(n, totals[key]) / totals[key])
        for key, locale, n in done
        if totals.get(key)
    }


def _pending(keys):
    return set(
        PendingTranslation.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"
        )
    )


def offer_model():
    try:
        return apps.get_model("offers", "Offer")
    except LookupError:
        return None


def organisation_model():
    try:
        return apps.get_model("offers", "Organisation")
    except LookupError:
        return None


def _snippet_sources(model, german, kind):
    objects = model.objects.filter(locale=german)
    if hasattr(model, "live"):
        objects = objects.filter(live=True)
    return [
        Source(
            obj.translation_key,
            str(obj),
            getattr(obj, "last_published_at", None),
            _snippet_edit_url(model, obj.pk),
            kind,
        )
        for obj in objects.order_by("pk")
    ]


def _snippet_targets(model, keys, german):
    rows = model.objects.filter(translation_key__in=keys).exclude(locale=german)
    result = {}
    for obj in rows.select_related("latest_revision") if hasattr(model, "latest_revision") else rows:
        revision = getattr(obj, "latest_revision", None)
        result[(obj.translation_key, obj.locale_id)] = (obj.pk, revision.created_at if revision else None)
    return result


def _synced_at(keys):
    """{(translation_key, target locale id): when the source was last synced}."""
    rows = Translation.objects.filter(source__object_id__in=keys, enabled=True).values_list(
        "source__object_id", "target_locale_id", "source__last_updated_at"
    )
    return {(key, locale): synced for key, locale, synced in rows}


def _status(source, target, synced, workflow_status, pending):
    if target is None:
        return MISSING
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return WAITING
    if pending or workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return IN_PROGRESS
    if source.published_at is None:
        return CURRENT
    changed_after = synced if synced is not None else target[1]
    if changed_after is None or changed_after < source.published_at:
        return OUTDATED
    return CURRENT


@dataclass
class Kind:
    sources: list
    targets: dict
    synced: dict
    workflows: dict
    shares: dict
    pending: set
    model: object = None


def _kind(sources, targets, model):
    keys = [s.key for s in sources]
    return Kind(
        sources,
        targets,
        _synced_at(keys),
        _workflow_states(model, targets),
        _shares(keys),
        _pending(keys),
        model,
    )


def coverage_rows(locales=None):
    """Every (locale, page, news item, event, offer or organisation) with its status.

    ``locales``: language codes to report on (default: every locale but German).
    """
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    targets_locales = Locale.objects.exclude(pk=german.pk).order_by("language_code")
    if locales is not None:
        targets_locales = targets_locales.filter(language_code__in=locales)
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    targets_locales = sorted(
        targets_locales, key=lambda loc: order.index(loc.language_code) if loc.language_code in order else 99
    )

    kinds = []
    sources = _page_sources(german)
    kinds.append(_kind(sources, _page_targets([s.key for s in sources], german), None))
    for model, kind in ((offer_model(), "offer"), (organisation_model(), "organisation")):
        if model is not None:
            sources = _snippet_sources(model, german, kind)
            kinds.append(_kind(sources, _snippet_targets(model, [s.key for s in sources], german), model))

    rows = []
    for locale in targets_locales:
        for kind in kinds:
            for source in kind.sources:
                key = (source.key, locale.pk)
                target = kind.targets.get(key)
                if target is None:
                    target_url = ""
                elif kind.model is None:
                    target_url = admin_edit_url(Page, target[0])
                else:
                    target_url = _snippet_edit_url(kind.model, target[0])
                workflow_status = kind.workflows.get(str(target[0])) if target else None
                status = _status(source, target, kind.synced.get(key), workflow_status, key in kind.pending)
                rows.append(
                    CoverageRow(
                        locale=locale.language_code,
                        kind=source.kind,
                        title=source.title,
                        status=status,
                        source_edit_url=source.edit_url,
                        translation_edit_url=target_url,
                        share=kind.shares.get(key, 0) if status == IN_PROGRESS else None,
                        sent_back=workflow_status == WorkflowState.STATUS_NEEDS_CHANGES,
                    )
                )
    return rows


def summary(rows):
    """{language code: {status: count}} in the order of the rows."""
    result = {}
    for row in rows:
        counts = result.setdefault(row.locale, dict.fromkeys(STATUS_LABELS, 0))
        counts[row.status] += 1
    return result
