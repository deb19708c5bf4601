"""Load the network demo content (idempotent): news, events, members-only areas,
working groups with private documents, request forms and the mediator pool.

Restricted pages get their view restriction as soon as they are created
(``network.restrictions``), before ``synchronize_tree`` aliases them into the
other locales, so every alias is restricted too.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from home.demo.translate import translate_page
from home.models import HomePage
from network.models import (
    EventIndexPage,
    EventPage,
    InternalPage,
    NetworkAreaPage,
    NewsIndexPage,
    NewsPage,
    WorkingGroupPage,
)
from network.models.events import BERLIN
from network.restrictions import ensure_page_restriction, private_collection
from personal_requests.models import PoolMember, PoolMemberLanguage, RequestFormPage
from portal.roles import MANAGERS, MEMBERS, WORKING_GROUPS

from . import content


class NetworkDemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        self.created = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def child(self, parent, model, slug, fields, translations=None):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, locale=self.german, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        page = model.objects.get(pk=page.pk)
        for code, data in (translations or {}).items():
            if code != settings.LANGUAGE_CODE and code in self.locales:
                translate_page(page, self.locales[code], data)
        return page

    def load(self):
        home = HomePage.objects.filter(locale=self.german).first()
        if home is None:
            return
        for name in [MANAGERS, MEMBERS, *WORKING_GROUPS]:
            Group.objects.get_or_create(name=name)
        self.news(home)
        self.events(home)
        self.areas(home)
        self.request_forms(home)
        self.pool()
        for code, locale in self.locales.items():
            if code != self.german.language_code:
                synchronize_tree(self.german, locale)
        # Repair restrictions on every run (in every locale), in case one was removed by hand.
        for page in list(NetworkAreaPage.objects.all()) + list(WorkingGroupPage.objects.all()):
            ensure_page_restriction(page)
        self.log(f"Network demo content: {self.created} pages created.")

    @staticmethod
    def translations(data, keys):
        return {
            code: {k: v for k, v in data[code].items() if k in keys}
            for code in ("en", "ar", "fa", "uk", "ru", "tr")
            if code in data
        }

    def news(self, home):
        data = content.NEWS_INDEX
        index = self.child(
            home, NewsIndexPage, data["slug"], data["de"], self.translations(data, ["slug", "title", "intro"])
        )
        keys = ["title", "teaser", "content"]
        for item in content.NEWS:
            page = self.child(
                index,
                NewsPage,
                item["slug"],
                {**item["de"], "date": item["date"]},
                self.translations(item, keys),
            )
            self.link_organisations(page, item.get("organisations", []))

    def link_organisations(self, page, names):
        """Relate demo organisations of the offers app, when it has loaded them."""
        if not names or page.related_organisations.exists():
            return
        try:
            from offers.models import Organisation
        except ImportError:
            return
        organisations = [
            org
            for name in names
            for org in Organisation.objects.filter(locale=self.german, name__icontains=name)[:1]
        ]
        if organisations:
            page.related_organisations.set(organisations)
            page.save_revision().publish()

    def events(self, home):
        data = content.EVENT_INDEX
        index = self.child(
            home,
            EventIndexPage,
            data["slug"],
            data["de"],
            self.translations(data, ["slug", "title", "intro"]),
        )
        keys = ["title", "location", "organiser", "description", "registration"]
        for item in content.EVENTS:
            fields = {
                **item["de"],
                "start": datetime.datetime(*item["start"], tzinfo=BERLIN),
                "end": datetime.datetime(*item["end"], tzinfo=BERLIN),
                "recurrence": item.get("recurrence", ""),
                "recurrence_interval": item.get("recurrence_interval", 1),
                "recurrence_until": item.get("recurrence_until"),
            }
            self.child(index, EventPage, item["slug"], fields, self.translations(item, keys))

    def internal_pages(self, parent, children):
        for item in children:
            fields = {k: item[k] for k in ("title", "kind", "date", "content")}
            self.child(parent, InternalPage, item["slug"], fields)

    def areas(self, home):
        data = content.NETWORK_AREA
        area = self.child(
            home, NetworkAreaPage, data["slug"], {k: data[k] for k in ("title", "intro", "content")}
        )
        self.internal_pages(area, data["children"])
        for wg in content.WORKING_GROUPS:
            group = Group.objects.get(name=WORKING_GROUPS[wg["group_index"]])
            # Named like the group: portal.roles gives the group its permissions on it.
            collection = private_collection(group.name, [group.name, MANAGERS])
            fields = {k: wg[k] for k in ("title", "mandate", "network_needs", "manager_role", "done_when")}
            page = self.child(
                area, WorkingGroupPage, wg["slug"], {**fields, "group": group, "collection": collection}
            )
            self.internal_pages(page, wg["children"])
            self.documents(collection, wg["documents"])

    def documents(self, collection, documents):
        Document = get_document_model()
        for title, filename, text in documents:
            if Document.objects.filter(collection=collection, title=title).exists():
                continue
            document = Document(title=title, collection=collection)
            document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
            document.save()

    def request_forms(self, home):
        for item in content.REQUEST_FORMS:
            self.child(
                home,
                RequestFormPage,
                item["slug"],
                {**item["de"], "kind": item["kind"]},
                self.translations(item, ["slug", "title", "intro"]),
            )

    def pool(self):
        for data in content.POOL_MEMBERS:
            if PoolMember.objects.filter(name=data["name"]).exists():
                continue
            member = PoolMember(
                **{k: v for k, v in data.items() if k != "languages"},
                is_example=True,
            )
            member.languages = [
                PoolMemberLanguage(language=lang, level=level) for lang, level in data["languages"]
            ]
            member.save()
