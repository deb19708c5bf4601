"""Load the demo content from ``home/demo_content/`` (idempotent).

Pages that already exist (same slug under the same parent) are left as they
are, so running the loader again keeps every edit made since.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import synchronize_tree

from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage

from .translate import translate_page

CONTENT_DIR = Path(__file__).resolve().parent.parent / "demo_content"
# "slug": a translation may give its own (the frame pages do); otherwise it keeps the German one.
PAGE_FIELDS = ("slug", "title", "intro", "search_description", "easy_read", "body")


def read_json(name):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def site_data():
    data = read_json("site.json")
    standard = CONTENT_DIR / "standard_pages.json"
    if standard.exists() and not data.get("standard_pages"):
        data["standard_pages"] = json.loads(standard.read_text(encoding="utf-8"))
    return data


def guide_data():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CONTENT_DIR / "pages").glob("*.json"))]


def _fields(model, data):
    fields = {k: v for k, v in data.items() if k in PAGE_FIELDS and hasattr(model, k)}
    if "body" in fields:
        # Store the stream in Wagtail's current format (list items with ids):
        # wagtail-localize only extracts list items stored that way.
        stream_block = model._meta.get_field("body").stream_block
        value = stream_block.to_python(fields["body"])
        list(value)  # bind every block; unbound blocks would be saved as raw data unchanged
        fields["body"] = stream_block.get_prep_value(value)
    return fields


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        self.created = 0
        self.translated = 0
        self.untranslated_strings = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def child(self, parent, model, slug, translations, extra=None):
        """Get or create the German child page, then its translations."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            existing = existing.specific
            if model is GuidePage:
                self.add_easy_read(existing, translations)
            return existing
        page = model(slug=slug, locale=self.german, **_fields(model, translations["de"]), **(extra or {}))
        page.show_in_menus = model in (GuideIndexPage, StandardPage)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        page = model.objects.get(pk=page.pk)
        self.translate(page, translations)
        return page

    def add_easy_read(self, page, translations):
        """Give a guide page of an older installation its demo summary in plain language (issue 15).

        Only when no revision of the page has ever had the field: a summary an editor wrote,
        changed or removed since is kept. The translations get just the new string.
        """
        summary = translations["de"].get("easy_read")
        if not summary or page.easy_read or page.revisions.filter(content__has_key="easy_read").exists():
            return
        page.easy_read = summary
        page.save_revision().publish()
        self.log(f"Summary in plain language added: {page.slug}")
        translated = set(
            GuidePage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
            .exclude(locale=self.german)
            .values_list("locale__language_code", flat=True)
        )  # aliases follow the German page by themselves
        for code, data in translations.items():
            if code in translated and code in self.locales and data.get("easy_read"):
                translate_page(
                    page, self.locales[code], {"easy_read": data["easy_read"]}, only=("easy_read",)
                )

    def translate(self, page, translations):
        for code, data in translations.items():
            if code == settings.LANGUAGE_CODE or code not in self.locales:
                continue
            fields = {k: v for k, v in data.items() if k in PAGE_FIELDS and hasattr(type(page), k)}
            self.untranslated_strings += translate_page(page, self.locales[code], fields)
            self.translated += 1

    def follow_host_and_port(self):
        """``make run HOST=... PORT=...`` passes SITE_HOSTNAME/SITE_PORT: the default Site follows them.

        Canonical links, hreflang, the sitemap and the feeds are built from the Site, so
        a server on another port must not keep linking to the port of an earlier run.
        """
        hostname, port = os.environ.get("SITE_HOSTNAME"), os.environ.get("SITE_PORT")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or not (hostname or port):
            return
        changed = False
        if hostname and site.hostname != hostname:
            site.hostname, changed = hostname, True
        if port and site.port != int(port):
            site.port, changed = int(port), True
        if changed:
            site.save()
            self.log(f"Site address: {site.hostname}:{site.port}")

    def home(self, data):
        home = HomePage.objects.filter(locale=self.german).first()
        if home is not None:
            self.follow_host_and_port()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(slug="start", locale=self.german, **_fields(HomePage, data["home"]["de"]))
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
            site = Site.objects.filter(is_default_site=True).first()
            old_root = site.root_page if site else None
            hostname = os.environ.get("SITE_HOSTNAME", "127.0.0.1")
            port = int(os.environ.get("SITE_PORT", "8000"))
            if site:
                site.root_page = home
                site.site_name = settings.WAGTAIL_SITE_NAME
                site.hostname, site.port = hostname, port
                site.save()
            else:
                Site.objects.create(
                    hostname=hostname,
                    port=port,
                    root_page=home,
                    is_default_site=True,
                    site_name=settings.WAGTAIL_SITE_NAME,
                )
            # Wagtail's "Welcome to your new Wagtail site!" placeholder.
            if old_root and old_root.specific_class is Page and old_root.pk != home.pk:
                old_root.delete()
            home = HomePage.objects.get(pk=home.pk)
            self.translate(home, data["home"])
        return home

    def load(self):
        # No outer transaction: wagtail-localize publishes translations in
        # on_commit callbacks from revision objects it holds in memory; deferred
        # to one final commit they would overwrite the tree's child counts.
        data = site_data()
        home = self.home(data)
        sections = {}
        for section in data["sections"]:
            sections[section["code"]] = self.child(
                home,
                GuideIndexPage,
                section["slug"],
                section["translations"],
                extra={"field_of_action": section["code"]},
            )
        for page in guide_data():
            self.child(sections[page["section"]], GuidePage, page["slug"], page["translations"])
        for page in data.get("standard_pages", []):
            self.child(home, StandardPage, page["slug"], page["translations"])
        self.sync_trees()
        self.log(
            f"Demo content: {self.created} pages created, {self.translated} translations, "
            f"{self.untranslated_strings} strings left in German."
        )
        return home

    def sync_trees(self):
        """Alias every untranslated German page into each other locale."""
        for code, locale in self.locales.items():
            if code != self.german.language_code:
                synchronize_tree(self.german, locale)
