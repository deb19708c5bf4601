# ruff: noqa: E501  (translated page texts read better unbroken)
"""Load organisations and offers from ``offers/demo_content/`` (idempotent).

German first, then the English and Arabic translations through
wagtail-localize; then the offer finder and the organisation directory under
the German home page, translated into every locale (they are the portal's frame).
Records that already exist (same slug in the German locale) are kept as they are.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from home.demo.translate import translate_page
from home.models import HomePage
from offers.hours import hours_from_weekdays
from offers.models import Offer, OfferFinderPage, Organisation, OrganisationDirectoryPage
from offers.roles import grant_offer_permissions

from .translate import translate_snippet

CONTENT_DIR = Path(__file__).resolve().parent.parent / "demo_content"

ORGANISATION_TEXT = ("name", "description")
OFFER_TEXT = ("title", "summary", "description", "fee_note", "registration_how", "schedule", "contact_person")

PAGES = [
    (
        OfferFinderPage,
        "angebote",
        {
            "de": {
                "title": "Angebote finden",
                "intro": (
                    "Sprachkurse, Beratung, Treffpunkte und mehr in Beckum. Wählen Sie aus, was Sie suchen."
                ),
            },
            "en": {
                "slug": "offers",
                "title": "Find offers",
                "intro": (
                    "Language courses, advice, meeting places and more in Beckum. Choose what you need."
                ),
            },
            "ar": {
                "slug": "العروض",
                "title": "ابحث عن العروض",
                "intro": "دورات لغة واستشارات وأماكن لقاء والمزيد في بيكوم. اختر ما تحتاجه.",
            },
            "fa": {
                "slug": "خدمات",
                "title": "پیدا کردن خدمات",
                "intro": "کلاس‌های زبان، مشاوره، محل‌های دیدار و خدمات دیگر در بکوم. انتخاب کنید دنبال چه هستید.",
            },
            "uk": {
                "slug": "пропозиції",
                "title": "Знайти пропозиції",
                "intro": "Мовні курси, консультації, місця зустрічей та інше в Беккумі. Оберіть, що вам потрібно.",
            },
            "ru": {
                "slug": "предложения",
                "title": "Найти предложения",
                "intro": "Языковые курсы, консультации, места встреч и многое другое в Беккуме. Выберите, что вам нужно.",
            },
            "tr": {
                "slug": "hizmetler",
                "title": "Hizmet bul",
                "intro": "Beckum’da dil kursları, danışmanlık, buluşma yerleri ve daha fazlası. Ne aradığınızı seçin.",
            },
        },
    ),
    (
        OrganisationDirectoryPage,
        "akteure",
        {
            "de": {
                "title": "Wer hilft? Organisationen in Beckum",
                "intro": (
                    "Die Akteurslandkarte: Verwaltung, Verbände, Vereine und Initiativen mit ihren Angeboten."
                ),
            },
            "en": {
                "slug": "organisations",
                "title": "Who helps? Organisations in Beckum",
                "intro": (
                    "The actor map: administration, associations, clubs and initiatives with their offers."
                ),
            },
            "ar": {
                "slug": "المنظمات",
                "title": "من يساعد؟ المنظمات في بيكوم",
                "intro": "خريطة الجهات الفاعلة: الإدارة والجمعيات والمبادرات مع عروضها.",
            },
            "fa": {
                "slug": "سازمان-ها",
                "title": "چه کسی کمک می‌کند؟ سازمان‌ها در بکوم",
                "intro": "نقشه فعالان: اداره‌ها، انجمن‌ها، باشگاه‌ها و گروه‌های داوطلب با خدماتشان.",
            },
            "uk": {
                "slug": "організації",
                "title": "Хто допомагає? Організації в Беккумі",
                "intro": "Карта учасників: адміністрація, спілки, об’єднання та ініціативи з їхніми пропозиціями.",
            },
            "ru": {
                "slug": "организации",
                "title": "Кто помогает? Организации в Беккуме",
                "intro": "Карта участников: администрация, союзы, объединения и инициативы с их предложениями.",
            },
            "tr": {
                "slug": "kuruluşlar",
                "title": "Kim yardım ediyor? Beckum’daki kuruluşlar",
                "intro": "Aktör haritası: idare, dernekler, kulüpler ve girişimler, sundukları hizmetlerle birlikte.",
            },
        },
    ),
]


def read_json(name, directory=CONTENT_DIR):
    path = Path(directory) / name
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def demo_hours(rows):
    """The demo format (``{"days", "opens", "closes"}`` or ``{"date", "closed"/"opens"/"closes"}``) as StreamField rows."""
    result = []
    for row in rows or []:
        if "date" in row:
            value = {"date": row["date"], "closed": bool(row.get("closed"))}
            value.update({"opens": row.get("opens"), "closes": row.get("closes")})
            result.append({"type": "exception", "value": value})
        else:
            result.append({"type": "times", "value": {k: row[k] for k in ("days", "opens", "closes")}})
    return result


def offer_hours(data):
    """``hours`` of an offer; older files give ``weekdays`` + ``time_start``/``time_end``."""
    if "hours" in data:
        return demo_hours(data["hours"])
    return hours_from_weekdays(data.get("weekdays"), data.get("time_start"), data.get("time_end"))


def _decimal(value):
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.000001"))


class OfferDemoLoader:
    def __init__(self, stdout=None, directory=CONTENT_DIR):
        self.stdout = stdout
        self.directory = directory
        self.german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        self.counts = {"organisations": 0, "offers": 0, "translations": 0, "pages": 0}

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def load(self):
        grant_offer_permissions()
        organisations = {}
        for data in read_json("organisations.json", self.directory):
            organisations[data["key"]] = self.organisation(data)
        for data in read_json("offers.json", self.directory):
            organisation = organisations.get(data["organisation"])
            if organisation is None:
                self.log(f"  offer {data['key']}: unknown organisation {data['organisation']!r}, skipped")
                continue
            self.offer(data, organisation)
        self.pages()
        self.log(
            "Offers: {organisations} organisations, {offers} offers, {translations} translations, "
            "{pages} pages created.".format(**self.counts)
        )

    # -- snippets -----------------------------------------------------------------
    def organisation(self, data):
        existing = Organisation.objects.filter(locale=self.german, slug=data["key"]).first()
        if existing:
            return existing
        german = data["translations"]["de"]
        organisation = Organisation(
            locale=self.german,
            slug=data["key"],
            kind=data["kind"],
            staff=data.get("staff", "paid"),
            fields_of_action=data.get("fields", []),
            address=data.get("address", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            website=data.get("website", ""),
            opening_hours=demo_hours(data.get("hours")),
            is_example=data.get("is_example", False),
            **{name: german.get(name, "") for name in ORGANISATION_TEXT},
        )
        self.publish(organisation)
        self.counts["organisations"] += 1
        self.translate(organisation, data["translations"], ORGANISATION_TEXT)
        return organisation

    def offer(self, data, organisation):
        existing = Offer.objects.filter(locale=self.german, slug=data["key"]).first()
        if existing:
            return existing
        german = data["translations"]["de"]
        offer = Offer(
            locale=self.german,
            slug=data["key"],
            organisation=organisation,
            kind=data["kind"],
            fields_of_action=data.get("fields", []),
            target_groups=data.get("target_groups", []),
            languages=data.get("languages", []),
            is_free=data.get("free", True),
            childcare=data.get("childcare", False),
            women_only=data.get("women_only", False),
            barrier_free=data.get("barrier_free", False),
            registration_required=data.get("registration_required", False),
            address=data.get("address", ""),
            latitude=_decimal(data.get("lat")),
            longitude=_decimal(data.get("lng")),
            opening_hours=offer_hours(data),
            hours_are_weekly=data.get("weekly", True),
            contact_phone=data.get("contact_phone", ""),
            contact_email=data.get("contact_email", ""),
            valid_from=_date(data.get("valid_from")) or datetime.date(2026, 1, 1),
            valid_until=_date(data.get("valid_until")),
            last_reviewed=_date(data.get("last_reviewed")),
            is_example=data.get("is_example", False),
            **{name: german.get(name) or "" for name in OFFER_TEXT},
        )
        self.publish(offer)
        self.counts["offers"] += 1
        self.translate(offer, data["translations"], OFFER_TEXT)
        return offer

    @staticmethod
    def publish(instance):
        instance.save()
        instance.save_revision().publish()

    def translate(self, instance, translations, text_fields):
        for code, text in translations.items():
            locale = self.locales.get(code)
            if code == settings.LANGUAGE_CODE or locale is None:
                continue
            if (
                type(instance)
                .objects.filter(translation_key=instance.translation_key, locale=locale)
                .exists()
            ):
                continue
            try:
                translate_snippet(instance, locale, {name: text.get(name) or "" for name in text_fields})
            except Exception as error:  # noqa: BLE001 - demo data: report and go on
                self.log(f"  {instance} ({code}): not translated ({error})")
                continue
            self.counts["translations"] += 1

    # -- pages --------------------------------------------------------------------
    def pages(self):
        home = HomePage.objects.filter(locale=self.german).first()
        if home is None:
            return
        created = False
        for model, slug, translations in PAGES:
            if home.get_children().filter(slug=slug).exists():
                continue
            page = model(slug=slug, locale=self.german, show_in_menus=True, **translations["de"])
            home.add_child(instance=page)
            page.save_revision().publish()
            page = model.objects.get(pk=page.pk)
            for code, fields in translations.items():
                if code != settings.LANGUAGE_CODE and code in self.locales:
                    translate_page(page, self.locales[code], fields)
            self.counts["pages"] += 1
            created = True
        if created:
            for code, locale in self.locales.items():
                if code != settings.LANGUAGE_CODE:
                    synchronize_tree(self.german, locale)
