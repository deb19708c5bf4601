"""The page privacy dialog (``/admin/pages/<id>/privacy/``), for the integration management only.

Wagtail lets everyone with publish rights on a page change its privacy; a
working group publishes in its own area, so a member could open the area to
everybody. And because Wagtail judges an alias by its original page, removing
the German restriction opens every alias of it — in up to six more
languages — at once.

So this view, which takes the place of Wagtail's (``cms/urls.py``):

* refuses everyone but the integration management and administrators (403);
* runs Wagtail's own view once inside a transaction that is rolled back, to
  learn which pages in which languages would become public or readable by more
  people (the effect is measured, not predicted: aliases, propagation to the
  other locales and inherited restrictions are all counted as they happen);
* if any page would become more visible, shows that list and asks for
  confirmation (a second POST with ``confirm=1``) before changing anything;
* then runs Wagtail's view for real (Wagtail logs ``wagtail.view_restriction.*``),
  writes a ``network.privacy_opened`` entry with the pages and languages to the
  audit log, and e-mails the integration management.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.page_privacy import set_privacy as wagtail_set_privacy
from wagtail.log_actions import log
from wagtail.models import BaseViewRestriction, Page

from network.admin_page_guard import refusal
from portal.admin_urls import admin_edit_url
from portal.roles import is_manager, manager_addresses

LOG_ACTION = "network.privacy_opened"


def _describe(restriction):
    return (
        restriction.restriction_type,
        frozenset(g.pk for g in restriction.groups.all()),
        restriction.password,
    )


def _implies(stronger, weaker):
    """Everyone who passes ``stronger`` also passes ``weaker``."""
    s_type, s_groups, s_password = stronger
    w_type, w_groups, w_password = weaker
    if s_type == BaseViewRestriction.GROUPS:
        if w_type == BaseViewRestriction.GROUPS:
            return bool(s_groups) and s_groups <= w_groups
        return w_type == BaseViewRestriction.LOGIN
    if s_type == w_type == BaseViewRestriction.PASSWORD:
        return s_password == w_password
    return s_type == w_type == BaseViewRestriction.LOGIN


def _more_visible(before, after):
    return any(not any(_implies(a, b) for a in after) for b in before)


def affected_pages(page):
    """Every page whose readers a privacy change on ``page`` can change, in every locale."""
    subtree = page.get_descendants(inclusive=True)
    keys = subtree.values("translation_key")
    return Page.objects.filter(Q(translation_key__in=keys) | Q(alias_of__in=subtree)).select_related("locale")


def _snapshot(pages):
    return {p.pk: [_describe(r) for r in p.get_view_restrictions().prefetch_related("groups")] for p in pages}


@dataclass
class Effect:
    opened: list = field(default_factory=list)  # pages that become public
    widened: list = field(default_factory=list)  # pages that more people may read (still restricted)

    @property
    def any(self):
        return bool(self.opened or self.widened)

    @staticmethod
    def languages(pages):
        return sorted({p.locale.language_code for p in pages})

    def summary(self):
        names = settings.LANGUAGE_NAMES
        lines = []
        for pages, text in (
            (self.opened, _("Pages that become public: %(pages)s. Languages (%(count)s): %(names)s.")),
            (
                self.widened,
                _("Pages that more people may read: %(pages)s. Languages (%(count)s): %(names)s."),
            ),
        ):
            if pages:
                codes = self.languages(pages)
                lines.append(
                    text
                    % {
                        "pages": len(pages),
                        "count": len(codes),
                        "names": ", ".join(str(names.get(c, c)) for c in codes),
                    }
                )
        return lines


def _effect(before, after, pages):
    effect = Effect()
    for p in pages:
        if _more_visible(before[p.pk], after[p.pk]):
            (effect.widened if after[p.pk] else effect.opened).append(p)
    return effect


def _run_wagtail_view(request, page_id, pages):
    before = _snapshot(pages)
    response = wagtail_set_privacy(request, page_id)
    return response, _effect(before, _snapshot(pages), pages)


def _notify_managers(request, page, effect):
    recipients = manager_addresses()
    if not recipients:
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_edit_url(Page, page.pk)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Privacy of a page changed: more people can read it")
        body = "\n".join(
            [
                _("%(user)s changed who may read “%(title)s”.")
                % {"user": request.user.get_username(), "title": page.title},
                *effect.summary(),
                "",
                url,
            ]
        )
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))


def _confirmation(request, page, effect):
    return render_modal_workflow(
        request,
        "network/admin/confirm_privacy.html",
        None,
        {
            "page": page,
            "effect": effect,
            "summary": effect.summary(),
            "items": sorted(
                [(p.locale.language_code, p.title, True) for p in effect.opened]
                + [(p.locale.language_code, p.title, False) for p in effect.widened]
            ),
            "action_url": reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            "fields": [
                (k, v) for k, values in request.POST.lists() for v in values if k != "csrfmiddlewaretoken"
            ],
        },
        json_data={"step": "set_privacy"},
    )


@require_admin_access
def set_privacy(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not is_manager(request.user):
        return refusal(request, _("Only the integration management may change who can read a page."))
    if request.method != "POST":
        return wagtail_set_privacy(request, page_id)
    form = PageViewRestrictionForm(
        request.POST, private_page_options=page.specific_deferred.private_page_options
    )
    if not form.is_valid():
        return wagtail_set_privacy(request, page_id)  # shows the form with its errors
    pages = list(affected_pages(page))

    if request.POST.get("confirm") != "1":
        with transaction.atomic():
            _response, effect = _run_wagtail_view(request, page_id, pages)
            transaction.set_rollback(True)
        if effect.any:
            return _confirmation(request, page, effect)

    with transaction.atomic():
        response, effect = _run_wagtail_view(request, page_id, pages)
        if effect.any:
            log(
                instance=page,
                action=LOG_ACTION,
                user=request.user,
                data={
                    "opened": [p.pk for p in effect.opened],
                    "widened": [p.pk for p in effect.widened],
                    "languages": Effect.languages(effect.opened + effect.widened),
                },
            )
            _notify_managers(request, page, effect)
    return response
