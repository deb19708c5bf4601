"""Translation coverage: for each locale, which pages and offers are up to date, outdated or missing.

A translation is *outdated* when the German source was published after the
translation was last synced with it: for translations managed by
wagtail-localize, the source's ``TranslationSource.last_updated_at`` (set
whenever the source content is extracted again, i.e. on every sync) is older
than the German ``last_published_at``; for a translation made by hand, its
latest revision is older than the German publication. It is *missing* when the
locale has no own version (nothing, or only an alias showing the German text).

The queries do not depend on the number of pages: three per content kind and
one for the locales.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from portal.admin_urls import admin_edit_url

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
MISSING = "missing"
STATUS_LABELS = {UP_TO_DATE: _("up to date"), OUTDATED: _("outdated"), MISSING: _("missing")}
KIND_LABELS = {"page": _("page"), "offer": _("offer")}


@dataclass
class CoverageRow:
    locale: str
    kind: str
    title: str
    status: str
    source_edit_url: str
    translation_edit_url: str

    @property
    def status_label(self):
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


def _snippet_edit_url(model, pk):
    return admin_edit_url(model, pk)


def _page_sources(german):
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=german, depth__gte=2, alias_of__isnull=True)
        .order_by("path")
        .values_list("translation_key", "title", "last_published_at", "pk")
    )
    return [Source(key, title, published, admin_edit_url(Page, pk)) for key, title, published, pk in pages]


def _page_targets(keys, german):
    rows = (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale=german)
        .values_list("translation_key", "locale_id", "pk", "latest_revision_created_at")
    )
    return {(key, locale): (pk, changed) for key, locale, pk, changed in rows}


def offer_model():
    try:
        return apps.get_model("offers", "Offer")
    except LookupError:
        return None


def _snippet_sources(model, german):
    objects = model.objects.filter(locale=german)
    if hasattr(model, "live"):
        objects = objects.filter(live=True)
    return [
        Source(
            obj.translation_key,
            str(obj),
            getattr(obj, "last_published_at", None),
            _snippet_edit_url(model, obj.pk),
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


def _status(source, target, synced):
    if target is None:
        return MISSING
    if source.published_at is None:
        return UP_TO_DATE
    changed_after = synced if synced is not None else target[1]
    if changed_after is None or changed_after < source.published_at:
        return OUTDATED
    return UP_TO_DATE


def coverage_rows():
    """Every (locale, page or offer) with its status, German first-level order."""
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = [loc for loc in Locale.objects.exclude(pk=german.pk).order_by("language_code")]
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales.sort(key=lambda loc: order.index(loc.language_code) if loc.language_code in order else 99)

    kinds = []
    sources = _page_sources(german)
    keys = [s.key for s in sources]
    kinds.append(("page", sources, _page_targets(keys, german), _synced_at(keys), None))
    model = offer_model()
    if model is not None:
        sources = _snippet_sources(model, german)
        keys = [s.key for s in sources]
        kinds.append(("offer", sources, _snippet_targets(model, keys, german), _synced_at(keys), model))

    rows = []
    for locale in locales:
        for kind, sources, targets, synced, snippet_model in kinds:
            for source in sources:
                target = targets.get((source.key, locale.pk))
                if target is None:
                    target_url = ""
                elif snippet_model is None:
                    target_url = admin_edit_url(Page, target[0])
                else:
                    target_url = _snippet_edit_url(snippet_model, target[0])
                rows.append(
                    CoverageRow(
                        locale=locale.language_code,
                        kind=kind,
                        title=source.title,
                        status=_status(source, target, synced.get((source.key, locale.pk))),
                        source_edit_url=source.edit_url,
                        translation_edit_url=target_url,
                    )
                )
    return rows


def summary(rows):
    """{language code: {status: count}} in the order of the rows."""
    result = {}
    for row in rows:
        counts = result.setdefault(row.locale, {UP_TO_DATE: 0, OUTDATED: 0, MISSING: 0})
        counts[row.status] += 1
    return result
