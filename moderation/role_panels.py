"""Admin home panels for network members, translators and working-group members (issue 13).

Every role finds its work on the dashboard instead of an empty page:

* network member: the offers of their organisations with review dates (stale first), their
  drafts and submissions with the workflow state and the manager's comment when changes were
  requested, and the news and events they wrote;
* translator: in their languages, what is sent back, in progress, outdated or missing, each
  with a link straight into the translation editor;
* working-group member: the latest pages and documents of their group's area.

Each panel lists only what the person may open: their own organisation (``offers.permissions``),
their own languages (``portal.roles.translator_locales``), their own groups' areas filtered by
``network.readers.readable_pages``. A fixed number of queries per panel.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import CollectionViewRestriction, Page, WorkflowState

from portal.roles import MEMBERS, WORKING_GROUPS, is_manager, town_manager, translator_locales

from . import coverage
from .panels import LIST_LIMIT, DashboardPanel, edit_url_for, months_before, review_months

STATE_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: _("waiting for approval"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("changes requested"),
    WorkflowState.STATUS_APPROVED: _("approved"),
    WorkflowState.STATUS_CANCELLED: _("withdrawn"),
}


def _group_names(user):
    return {g.name for g in user.groups.all()}


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


class MemberOffersPanel(DashboardPanel):
    """The offers of the member's organisations, least recently reviewed first."""

    name = "member_offers"
    template_name = "moderation/panels/member_offers.html"
    order = 95

    def get_panel_data(self, request):
        from offers.models import Offer
        from offers.permissions import organisation_keys

        keys = organisation_keys(request.user)
        cutoff = months_before(timezone.localdate(), review_months())
        offers = (
            Offer.objects.filter(
                organisation__translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
            )
            .select_related("organisation")
            # Drafts not yet published first (the member's open work), then the longest unreviewed.
            .order_by(F("live").asc(), F("last_reviewed").asc(nulls_first=True), "title", "pk")
        )
        items = [
            {
                "title": offer.title,
                "organisation": offer.organisation.name,
                "url": edit_url_for(offer),
                "last_reviewed": offer.last_reviewed,
                "stale": offer.last_reviewed is None or offer.last_reviewed < cutoff,
                "live": offer.live,
                "draft": offer.has_unpublished_changes,
            }
            for offer in offers[: LIST_LIMIT * 2]
        ]
        return {"items": items, "months": review_months()}


class MemberWorkPanel(DashboardPanel):
    """The member's submissions with their state and comment, drafts, and news and events."""

    name = "member_work"
    template_name = "moderation/panels/member_work.html"
    order = 96

    def get_panel_data(self, request):
        user = request.user
        states = (
            WorkflowState.objects.filter(requested_by=user)
            .select_related("current_task_state__finished_by")
            .prefetch_related("content_object")
            .order_by("-created_at")[:LIST_LIMIT]
        )
        submissions = []
        for state in states:
            obj = state.content_object
            if obj is None:
                continue
            task_state = state.current_task_state
            needs_changes = state.status == WorkflowState.STATUS_NEEDS_CHANGES
            submissions.append(
                {
                    "title": str(obj),
                    "url": edit_url_for(obj),
                    "state": STATE_LABELS.get(state.status, state.get_status_display()),
                    "status": state.status,
                    "comment": task_state.comment if needs_changes and task_state else "",
                    "at": state.created_at,
                }
            )
        in_workflow = {
            str(s.object_id) for s in states if s.status in (s.STATUS_IN_PROGRESS, s.STATUS_NEEDS_CHANGES)
        }
        drafts = [
            {"title": page.title, "url": edit_url_for(page), "live": page.live}
            for page in Page.objects.filter(owner=user, has_unpublished_changes=True).order_by(
                "-latest_revision_created_at"
            )[:LIST_LIMIT]
            if str(page.pk) not in in_workflow
        ]
        written = []
        kinds = [
            (m, label)
            for m, label in (
                (_model("network.NewsPage"), _("news")),
                (_model("network.EventPage"), _("event")),
            )
            if m
        ]
        if kinds:
            pages = (
                Page.objects.type(*[m for m, _label in kinds])
                .filter(owner=user)
                .select_related("content_type")
                .order_by("-latest_revision_created_at")[:LIST_LIMIT]
            )
            labels = {m._meta.model_name: label for m, label in kinds}
            written = [
                {
                    "title": page.title,
                    "url": edit_url_for(page),
                    "kind": labels.get(page.content_type.model, ""),
                    "live": page.live,
                    "draft": page.has_unpublished_changes,
                }
                for page in pages
            ]
        return {"submissions": submissions, "drafts": drafts, "written": written}


class TranslatorPanel(DashboardPanel):
    """Sent back, in progress, outdated and missing translations in the translator's languages."""

    name = "translator_work"
    template_name = "moderation/panels/translator_work.html"
    order = 95

    def get_panel_data(self, request):
        codes = sorted(translator_locales(request.user))
        rows = coverage.coverage_rows(locales=codes)
        groups = {
            "sent_back": [r for r in rows if r.sent_back],
            "in_progress": [r for r in rows if r.status == coverage.IN_PROGRESS and not r.sent_back],
            "outdated": [r for r in rows if r.status == coverage.OUTDATED],
            "missing": [r for r in rows if r.status == coverage.MISSING],
        }
        sections = [
            {"key": key, "label": label, "count": len(groups[key]), "rows": groups[key][:LIST_LIMIT]}
            for key, label in (
                ("sent_back", _("Sent back with changes requested")),
                ("in_progress", _("Started, not yet submitted")),
                ("outdated", _("Outdated: the German text changed")),
                ("missing", _("Missing: not started yet (the integration management starts translations)")),
            )
        ]
        return {"languages": codes, "sections": sections}


class WorkingGroupPanel(DashboardPanel):
    """The latest pages and documents of the user's working groups."""

    name = "working_group_latest"
    template_name = "moderation/panels/working_group.html"
    order = 97

    def get_panel_data(self, request):
        from django.db.models import Q
        from wagtail.documents import get_document_model

        from network.readers import readable_pages

        user = request.user
        groups = [g for g in user.groups.all() if g.name in WORKING_GROUPS]
        areas = Page.objects.filter(
            view_restrictions__restriction_type="groups",
            view_restrictions__groups__in=groups,
            locale__language_code=settings.LANGUAGE_CODE,
        ).distinct()
        inside = Q(pk__in=[])
        for area in areas:
            inside |= Q(path__startswith=area.path)
        pages = readable_pages(
            user,
            Page.objects.filter(inside, alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE),
        ).order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")
        collections = CollectionViewRestriction.objects.filter(
            restriction_type="groups", groups__in=groups
        ).values_list("collection__path", flat=True)
        in_collections = Q(pk__in=[])
        for path in collections:
            in_collections |= Q(collection__path__startswith=path)
        documents = get_document_model().objects.filter(in_collections).order_by("-created_at")
        return {
            "groups": [g.name for g in groups],
            "pages": [
                {"title": p.title, "url": edit_url_for(p), "at": p.latest_revision_created_at, "live": p.live}
                for p in pages[:LIST_LIMIT]
            ],
            "documents": [
                {
                    "title": d.title,
                    "url": edit_url_for_document(d),
                    "at": d.created_at,
                }
                for d in documents[:LIST_LIMIT]
            ],
        }


def edit_url_for_document(document):
    from django.urls import reverse

    return reverse("wagtaildocs:edit", args=[document.pk])


def role_panels(user):
    """The panels of ``user``'s roles (the management keeps its own dashboard)."""
    if is_manager(user) or town_manager(user):
        return []
    panels = []
    names = _group_names(user)
    from offers.permissions import organisation_keys

    if MEMBERS in names or organisation_keys(user):
        panels += [MemberOffersPanel(), MemberWorkPanel()]
    if names & set(WORKING_GROUPS):
        panels.append(WorkingGroupPanel())
    if translator_locales(user):
        panels.append(TranslatorPanel())
    return panels
