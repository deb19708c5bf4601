"""Template helpers for text that reads right in every locale (issue 14).

- ``lang_attrs``: ``lang``/``dir`` for a fragment whose content language differs
  from the one around it (a German alias page in the Farsi menu, a German
  offer shown as fallback...): WCAG 3.1.2.
- ``bidi`` / ``bidi_lines``: isolate Latin names, addresses, postcodes, phone
  numbers inside Arabic and Farsi text (``<bdi>``), so that "Anders Ackern e.V."
  does not read ".Anders Ackern e.V" and "59269 Beckum" not "Beckum 59269".
- ``date_range`` / ``isodatetime``: dates and times with the locale's format
  modules (cms/formats/), ``datetime`` attributes without microseconds.
- ``meta_description``: a description for every page type.
- ``breadcrumb_trail``: the ancestors between the start page and the page.
"""

import datetime

from django import template
from django.conf import settings
from django.template.defaultfilters import striptags, truncatechars
from django.utils import dateformat, formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.pages import text_direction

register = template.Library()


def text_dir(code):
    try:
        return text_direction(code)
    except KeyError:
        return "ltr"


def content_language(obj):
    """The language an object's text is written in, as shown in the reader's locale.

    - offers and organisations from ``offers.queries.with_fallback`` carry ``is_fallback``;
    - a page that is an alias in another locale shows the German original (the trees are
      synchronised from the German source, see portal/pages.py);
    - anything else is in the reader's language (it was listed from the reader's tree).
    """
    fallback = getattr(obj, "is_fallback", None)
    if fallback is not None:
        return settings.LANGUAGE_CODE if fallback else get_language()
    if getattr(obj, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    return get_language()


@register.filter
def lang_attrs(obj, around=None):
    """`` lang="de" dir="ltr"`` when ``obj``'s text is not in the language around it (else "")."""
    code = content_language(obj)
    around = around or get_language()
    if not code or code == around:
        return ""
    return format_html(' lang="{}" dir="{}"', code, text_dir(code))


@register.filter
def reader_lang_attrs(around):
    """`` lang="ar" dir="rtl"`` for an interface string inside text of another language (else "").

    ``around`` is a language code or an object whose text language ``content_language`` knows:
    the heading "In plain language" in the reader's language above a German fallback summary.
    """
    code = get_language()
    around = around if isinstance(around, str) else content_language(around)
    if not code or code == around:
        return ""
    return format_html(' lang="{}" dir="{}"', code, text_dir(code))


@register.filter
def bidi(value):
    """The value in its own ``<bdi>``: a Latin name or number keeps its order in RTL text."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def bidi_lines(value):
    """Each line of an address in its own ``<bdi>``, joined with ``<br>``."""
    if not value:
        return ""
    lines = [line.strip() for line in str(value).splitlines() if line.strip()]
    return mark_safe("<br>".join(f"<bdi>{conditional_escape(line)}</bdi>" for line in lines))  # noqa: S308 (escaped)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def isodatetime(value):
    """A valid HTML ``datetime`` value: ISO 8601 without microseconds (the Nu checker refuses six digits)."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _format(value, name):
    return dateformat.format(value, formats.get_format(name))


def _range_pattern(name, default):
    """``DATETIME_RANGE_SAME_DAY`` / ``DATETIME_RANGE`` from the first format module that has it."""
    for module in formats.get_format_modules(get_language()):
        pattern = getattr(module, name, None)
        if pattern:
            return pattern
    return default


def list_separator():
    """``LIST_SEPARATOR`` of the language's format module: "، " in Arabic and Farsi, else ", "."""
    return _range_pattern("LIST_SEPARATOR", ", ")


@register.filter
def join_list(values):
    """Join display labels with the language's comma (escaped)."""
    separator = conditional_escape(list_separator())
    return mark_safe(separator.join(conditional_escape(v) for v in values))  # noqa: S308 (escaped)


@register.simple_tag
def comma():
    return list_separator()


@register.simple_tag
def date_range(start, end=None):
    """``<time>`` elements for an event: one day with two times, or two dates with times."""
    start = _local(start)
    end = _local(end) if end else None
    tag = '<time datetime="{}">{}</time>'
    first = format_html(tag, isodatetime(start), _format(start, "DATETIME_FORMAT"))
    if end is None:
        return first
    if end.date() == start.date():
        # The first <time> holds the date and the start time: {date} comes before {start} in every pattern.
        pattern = _range_pattern("DATETIME_RANGE_SAME_DAY", "{date}, {start}–{end}")
        return mark_safe(  # noqa: S308 (every part escaped)
            pattern.format(
                date=format_html('<time datetime="{}">{}', isodatetime(start), _format(start, "DATE_FORMAT")),
                start=format_html("{}</time>", _format(start, "TIME_FORMAT")),
                end=format_html(tag, isodatetime(end), _format(end, "TIME_FORMAT")),
            )
        )
    pattern = _range_pattern("DATETIME_RANGE", "{start} – {end}")
    second = format_html(tag, isodatetime(end), _format(end, "DATETIME_FORMAT"))
    return mark_safe(pattern.format(start=first, end=second))  # noqa: S308 (both parts escaped)


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's search description, else its intro, teaser or summary, else the portal's own."""
    page = context.get("page")
    offer = context.get("offer")
    candidates = []
    if offer is not None:
        candidates.append(getattr(offer, "summary", ""))
    if page is not None:
        for name in ("search_description", "intro", "teaser", "summary"):
            candidates.append(getattr(page, name, ""))
    for text in candidates:
        text = " ".join(striptags(str(text or "")).split())
        if text:
            return truncatechars(text, 160)
    return _("Information for newcomers in Beckum: guide, offers, contacts and events in seven languages.")


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The live ancestors of ``page`` below the start page, top first (one query; kept per version)."""
    from wagtail.models import Page

    from portal.version_memo import remember

    if page is None or page.depth <= 3:
        return []

    def ancestors():
        return tuple(
            Page.objects.ancestor_of(page)
            .filter(depth__gt=2)
            .live()
            .order_by("depth")
            .only("id", "title", "depth", "path", "url_path", "alias_of_id", "locale_id")
        )

    return remember(context.get("request"), ("breadcrumbs", page.pk), ancestors)
