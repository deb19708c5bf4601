"""Per-page language context: fallback notice, hreflang alternates, switcher.

With wagtail-localize's synchronised trees, a page that is not yet translated
exists in the other locales as an *alias* of the German page. Such an alias is
shown with a notice in the reader's language, its content marked ``lang="de"``
and a canonical link to the German original.
"""

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page


def text_direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def locale_page(model, locale, site=None):
    """The live public page of ``model`` in ``locale``, else in the default language (or None).

    The one rule for "the offer finder of a locale" (offers, search); ``site``: of that town.
    """
    from portal.sites import for_site

    pages = for_site(model.objects.live().public(), site)
    return (
        pages.filter(locale=locale).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def switcher_entry(code, name, url, current, translated):
    """One entry of the language switcher in ``base.html``."""
    return {
        "code": code,
        "name": name,
        "url": url,
        "current": current,
        "translated": translated,
        "dir": text_direction(code),
    }


def language_dict(current, switcher, canonical, source=None, alternates=(), x_default=None):
    """The ``language`` of the base template: reader's and content's language, switcher, links."""
    source = source or current
    return {
        "code": current,
        "fallback": source != current,
        "content_lang": source,
        "content_dir": text_direction(source),
        "source_name": settings.LANGUAGE_NAMES.get(source),
        "reader_name": settings.LANGUAGE_NAMES.get(current),
        "alternates": list(alternates),
        "x_default": x_default,
        "switcher": switcher,
        "canonical": canonical,
    }


def locale_homes(page):
    """The home page of every locale, keyed by language code (one query)."""
    from portal.chrome_cache import home_key

    homes = Page.objects.filter(depth=2, translation_key=home_key(page)).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


class TranslatedPageMixin:
    """Mixed into every public page type; gives templates ``language``."""

    def language_versions(self):
        """The live version of this page in every locale, keyed by language code (one query).

        ``translation_pending``: a translation was started but not approved yet, so the live
        version still shows the German text (``moderation.pending``).
        """
        from portal.pending import pending_exists

        pages = (
            Page.objects.filter(translation_key=self.translation_key)
            .live()
            .select_related("locale")
            .annotate(translation_pending=pending_exists())
        )
        return {p.locale.language_code: p for p in pages}

    def own_language(self, versions):
        """This page's language code, read from ``versions`` to spare a query for ``self.locale``."""
        for page in versions.values():
            if page.pk == self.pk:
                return page.locale.language_code
        return self.locale.language_code  # a draft shown in preview is not among the live versions

    def language_context(self, request, homes=None, versions=None):
        """Switcher entries, hreflang alternates, fallback and canonical (two queries)."""
        if homes is None:
            homes = locale_homes(self)
        if versions is None:
            versions = self.language_versions()
        original = None
        if self.alias_of_id:
            original = next((p for p in versions.values() if p.pk == self.alias_of_id), None)
        elif any(p.pk == self.pk and getattr(p, "translation_pending", False) for p in versions.values()):
            original = versions.get(settings.LANGUAGE_CODE)  # started, not approved: the German text
        fallback = original is not None and original.locale_id != self.locale_id
        current = self.own_language(versions)

        from portal.sites import site_languages

        alternates, switcher = [], []
        for code, name in site_languages(request):
            version = versions.get(code)
            translated = (
                version is not None
                and not version.alias_of_id
                and not getattr(version, "translation_pending", False)
            )
            if translated:
                alternates.append({"code": code, "url": version.get_full_url(request)})
            if code == current:
                url = self.get_url(request)
            elif translated:
                url = version.get_url(request)
            elif code in homes:
                url = homes[code].get_url(request)
            else:
                url = None
            if url:
                switcher.append(switcher_entry(code, name, url, code == current, translated))
        return language_dict(
            current,
            switcher,
            canonical=(original if fallback else self).get_full_url(request),
            source=original.locale.language_code if fallback else current,
            alternates=alternates,
            x_default=next((a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None),
        )

    def site_chrome(self, request):
        """Navigation and footer of the reader's locale: a fixed number of queries."""
        from portal.chrome_cache import cached_menu, homes_and_versions
        from portal.visibility import public_pages  # one query, whatever the number of restrictions

        homes, versions = homes_and_versions(self, request)
        for version in versions.values():
            if version.pk == self.pk:
                self.locale = version.locale  # read with the versions: spares a query later
        home = homes.get(self.own_language(versions))

        def menu():
            nav, footer = [], []
            if home is not None:
                for child in public_pages(home.get_children().live().in_menu()):
                    (footer if child.specific_class.__name__ == "StandardPage" else nav).append(child)
            return nav, footer

        nav, footer = cached_menu(home, request, menu) if home is not None else ([], [])
        return {
            "home": home,
            "nav": nav,
            "footer_pages": footer,
            "language": self.language_context(request, homes=homes, versions=versions),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.site_chrome(request))
        return context
