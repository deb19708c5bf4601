"""Easy German (issue 15, item 3): the editor's readability endpoint and the public listing.

- ``analyse_view`` (admin, POST): the readability panel's JavaScript posts the German text
  of the form being edited and gets the panel's result HTML back. Only a user who may edit
  the page (or add a page under the parent, in the create view) may call it: the analysis
  is cheap but it is not a public service.
- ``listing_view`` (public, ``/<lang>/einfache-sprache/``): every guide page of the reader's
  language that carries a summary in easy German, grouped by field of action, each with its
  summary. A newcomer who reads little German finds all easy texts in one place; it works
  without JavaScript, sets no cookie (the page cache keeps it) and costs the same number of
  queries whatever the number of pages.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page

from home.models import GuideIndexPage, GuidePage, HomePage
from home.readability import MAX_TEXT_LENGTH, analyse_text
from portal.pages import language_dict, switcher_entry
from portal.visibility import public_pages


def _allowed(request):
    """True when the user may edit the posted page (or add a page under the posted parent)."""
    page_id, parent_id = request.POST.get("page"), request.POST.get("parent")
    try:
        page = Page.objects.filter(pk=int(page_id or parent_id)).first()
    except (TypeError, ValueError):
        return None
    if page is None:
        return False
    permissions = page.permissions_for_user(request.user)
    return permissions.can_edit() if page_id else permissions.can_add_subpage()


@require_POST
def analyse_view(request):
    allowed = _allowed(request)
    if allowed is None:
        return HttpResponseBadRequest("page or parent required")
    if not allowed:
        # A plain 403 for the script (the admin would turn PermissionDenied into a redirect).
        return HttpResponseForbidden("not allowed to edit this page")
    text = request.POST.get("text", "")[:MAX_TEXT_LENGTH]
    summary = request.POST.get("summary", "")[:MAX_TEXT_LENGTH]
    analysis = {"page": analyse_text(text), "summary": analyse_text(summary) if summary.strip() else None}
    return render(request, "home/admin/readability_result.html", {"analysis": analysis})


def listing_url(code):
    with translation.override(code):
        return reverse("easy_read:list")


def _sections(pages):
    """[(field of action, [pages])] in tree order (one query for the sections)."""
    parents = {
        p.path: p
        for p in GuideIndexPage.objects.filter(path__in={page.path[: -GuidePage.steplen] for page in pages})
    }
    grouped = {}
    for page in pages:
        parent = parents.get(page.path[: -GuidePage.steplen])
        if parent is not None:
            grouped.setdefault(parent.path, (parent, []))[1].append(page)
    return [grouped[path] for path in sorted(grouped)]


@require_GET
def listing_view(request):
    code = translation.get_language()
    locale = Locale.objects.filter(language_code=code).first()
    home = HomePage.objects.live().filter(locale=locale).first() if locale else None
    chrome = home.site_chrome(request) if home else {"home": None, "nav": [], "footer_pages": []}
    chrome.pop("language", None)
    pages = []
    if locale is not None:
        pages = list(
            public_pages(GuidePage.objects.live().filter(locale=locale).exclude(easy_read="")).order_by(
                "path"
            )
        )
    switcher = [
        switcher_entry(other, name, listing_url(other), other == code, True)
        for other, name in settings.LANGUAGES
    ]
    context = {
        **chrome,
        "language": language_dict(code, switcher, canonical=request.build_absolute_uri(listing_url(code))),
        "sections": _sections(pages),
    }
    return render(request, "home/easy_read_list.html", context)
