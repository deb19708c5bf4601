"""The public search page and its suggestions endpoint (both GET only, no session, no cookie)."""

import math
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from portal.pages import language_dict, locale_page, switcher_entry
from portal.sites import current_site, for_request, site_languages, town_home

from .highlight import highlight, snippet
from .query import FEW_RESULTS, GERMAN_RESULTS, PER_PAGE, reader_translation_keys, search, suggestions
from .registry import type_for_key
from .text import MAX_QUERY_LENGTH, clean_query

MAX_PAGE = 100
# Page types of higher apps, by label: search sits below them (README, "Architecture").
OFFER_FINDER_MODEL = "offers.OfferFinderPage"
TOPIC_MODEL = "home.GuideIndexPage"


def search_url(code, query=""):
    with translation.override(code):
        url = reverse("portal_search:search")
    return f"{url}?{urlencode({'q': query})}" if query else url


def language_context(request, code, query):
    """The base template's ``language``: the switcher keeps the query in every language."""
    switcher = [
        switcher_entry(other, name, search_url(other, query), other == code, True)
        for other, name in site_languages(request)
    ]
    return language_dict(code, switcher, canonical=request.build_absolute_uri(search_url(code)))


def site_chrome(request, locale):
    """Navigation and footer from the town's home page of the locale (the same helper as every page)."""
    site = current_site(request)
    home = (
        town_home(site, locale)
        if site is not None
        else Page.objects.live().filter(depth=2, locale=locale).specific().first()
    )
    if home is None:
        return {"home": None, "nav": [], "footer_pages": []}
    chrome = home.site_chrome(request)
    chrome.pop("language", None)
    return chrome


def _page_number(value):
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def resolve_urls(hits, request):
    """Set ``hit.url`` by the registry (one query per type); drop hits without a URL."""
    by_model = {}
    for hit in hits:
        by_model.setdefault(hit.model, []).append(hit)
    for model_key, group in by_model.items():
        search_type = type_for_key(model_key)
        ids = [h.object_id for h in group]
        urls = search_type.urls(search_type.model, ids, request) if search_type else {}
        for hit in group:
            hit.url = urls.get(hit.object_id) or ""
    return [hit for hit in hits if hit.url]


def link_german_hits_to_aliases(hits, locale, request):
    """German pages link to their alias in the reader's locale (the reader's navigation stays)."""
    keys = [hit.translation_key for hit in hits if hit.translation_key]
    if not keys:
        return
    aliases = (
        for_request(Page.objects.live(), request)
        .public()
        .filter(locale=locale, translation_key__in=keys, alias_of__isnull=False)
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key")
    )
    by_key = {page.translation_key: page.get_url(request=request) for page in aliases}
    for hit in hits:
        if hit.translation_key in by_key and by_key[hit.translation_key]:
            hit.url = by_key[hit.translation_key]


def decorate(hits, terms, language):
    for hit in hits:
        hit.title_html = highlight(hit.title, terms, language)
        hit.snippet = snippet(hit.text, terms, language)
    return hits


def offer_finder(locale, request=None):
    """The town's offer finder page of the locale (or the German one), if the offers app provides one."""
    try:
        model = apps.get_model(OFFER_FINDER_MODEL)
    except LookupError:
        return None
    return locale_page(model, locale, site=current_site(request))


def pagination(query, number, total):
    pages = max(1, math.ceil(total / PER_PAGE))
    if pages == 1:
        return None

    def link(n):
        return f"?{urlencode({'q': query, 'page': n})}"

    window = range(max(1, number - 2), min(pages, number + 2) + 1)
    return {
        "number": number,
        "pages": pages,
        "previous": link(number - 1) if number > 1 else None,
        "next": link(number + 1) if number < pages else None,
        "links": [{"number": n, "url": link(n), "current": n == number} for n in window],
    }


@require_GET
def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    locale = Locale.get_active()
    code = locale.language_code
    number = _page_number(request.GET.get("page"))
    context = {
        **site_chrome(request, locale),
        "language": language_context(request, code, query),
        "query": query,
        "search_query": query,
        "truncated": len(" ".join(str(raw).split())) > MAX_QUERY_LENGTH,
        "max_length": MAX_QUERY_LENGTH,
    }
    if query:
        site = current_site(request)
        results = search(query, locale, (number - 1) * PER_PAGE, PER_PAGE, site=site)
        hits = decorate(resolve_urls(results.hits, request), results.terms, code)
        german_hits = []
        few = code != settings.LANGUAGE_CODE and results.total < FEW_RESULTS and number == 1
        german = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() if few else None
        if german:
            extra = search(query, german, 0, GERMAN_RESULTS, reader_translation_keys(locale), site=site)
            german_hits = resolve_urls(extra.hits, request)
            link_german_hits_to_aliases(german_hits, locale, request)
            decorate(german_hits, extra.terms, german.language_code)
        context.update(
            {
                "results": results,
                "hits": hits,
                "total": results.total,
                "offset": (number - 1) * PER_PAGE,
                "german_hits": german_hits,
                "pagination": pagination(query, number, results.total),
            }
        )
        if not results.total and not german_hits:
            context["topics"] = [p for p in context["nav"] if p.specific_class is apps.get_model(TOPIC_MODEL)]
            context["offer_finder"] = offer_finder(locale, request)
    return render(request, "search/search.html", context)


@require_GET
def suggest_view(request):
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    hits = (
        resolve_urls(suggestions(query, locale, site=current_site(request)), request)
        if len(query) >= 2
        else []
    )
    response = JsonResponse(
        {
            "query": query,
            "suggestions": [{"title": h.title, "url": h.url, "type": str(h.type_label)} for h in hits],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "public, max-age=60"
    return response
