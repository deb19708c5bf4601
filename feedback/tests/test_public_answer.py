"""A reader answers "Did this page help you?" without JavaScript, account, cookie or CSRF token.

Protects: one row per answer with nothing personal in it (nor in the cache); the pages with
the form stay in the full-page cache and an answer does not make them stale; the rate limit
per client address (behind trusted proxies too) and the honeypot; only a live public page,
event or offer of the reader's locale can receive an answer (restricted, draft, expired,
other locale, other page type: 404); bad input gets a message in the reader's language with
the comment kept (Arabic: lang/dir right).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from feedback.models import Feedback
from home.factories import GuidePageFactory
from offers.factories import OfferFactory
from offers.models import OfferFinderPage
from offers.queries import public_offers
from operations.models import ContentVersion

from .conftest import GUIDE_URL, OFFER_URL

pytestmark = pytest.mark.django_db

CLIENT_ADDRESS = "203.0.113.77"


@pytest.fixture
def reader():
    """An anonymous reader whose POSTs are checked for CSRF as in production."""
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=CLIENT_ADDRESS)


def answer(reader, kind, target, language="de", **data):
    headers = {key: data.pop(key) for key in list(data) if key.startswith("HTTP_")}
    return reader.post(f"/{language}/rueckmeldung/", {"kind": kind, "target": target, **data}, **headers)


def html(response):
    return response.content.decode()


# --- the form on the three kinds of page ----------------------------------------------
def test_form_on_guide_offer_and_event_pages_without_csrf_token(reader, guide, offer, event):
    for url, kind, pk in [
        (GUIDE_URL, "page", guide.pk),
        (OFFER_URL, "offer", offer.pk),
        (event.url, "page", event.pk),
    ]:
        page = html(reader.get(url))
        assert 'action="/de/rueckmeldung/"' in page, url
        assert f'name="kind" value="{kind}"' in page and f'name="target" value="{pk}"' in page, url
        assert "Hat Ihnen diese Seite geholfen?" in page
        assert 'name="helpful" value="yes"' in page and 'name="helpful" value="no"' in page
        assert "csrfmiddlewaretoken" not in page
    assert not reader.cookies  # no cookie for anonymous readers


def test_no_form_in_the_print_view(reader):
    assert 'name="helpful"' in html(reader.get(OFFER_URL))  # positive control
    assert 'name="helpful"' not in html(reader.get(OFFER_URL + "?print=1"))


# --- answering ----------------------------------------------------------------------
@pytest.mark.parametrize(("value", "helpful"), [("yes", True), ("no", False)])
def test_an_answer_stores_one_row_and_nothing_personal(reader, guide, value, helpful):
    response = answer(
        reader,
        "page",
        guide.pk,
        helpful=value,
        comment="Die Seite erklärt gut, was nach dem Kursabbruch passiert.",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 9) Testtelefon",
    )
    assert response.status_code == 303
    assert response["Location"] == f"{GUIDE_URL}?feedback=thanks#feedback"
    row = Feedback.objects.get()
    assert (row.kind, row.page_id, row.offer_id, row.language, row.helpful) == (
        "page",
        guide.pk,
        None,
        "de",
        helpful,
    )
    assert row.comment == "Die Seite erklärt gut, was nach dem Kursabbruch passiert."
    stored = {f.attname for f in Feedback._meta.concrete_fields}
    assert stored == {"id", "kind", "page_id", "offer_id", "language", "helpful", "comment", "created"}
    values = " ".join(str(v) for v in Feedback.objects.values_list(*stored).get())
    assert CLIENT_ADDRESS not in values and "Testtelefon" not in values
    # The rate limit's counters hold a keyed hash, never the address.
    assert cache._cache, "positive control: the rate limit counted the answer"
    assert not any(CLIENT_ADDRESS in str(key) for key in cache._cache)
    assert not reader.cookies


def test_thank_you_in_the_forms_place_is_cacheable(reader, settings):
    settings.PAGE_CACHE_ENABLED = True
    thanks_url = f"{GUIDE_URL}?feedback=thanks"
    first, second = reader.get(thanks_url), reader.get(thanks_url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    page = html(second)
    assert "Danke für Ihre Antwort." in page and 'name="helpful"' not in page
    assert "feedback=thanks" not in page.split('rel="canonical"')[1].split(">")[0]  # canonical ignores it
    assert 'name="helpful"' in html(reader.get(GUIDE_URL))  # positive control: the form


def test_an_offer_and_an_event_take_answers_in_arabic(reader, offer, event, arabic):
    # A new German offer without an Arabic version: Arabic readers get the German one.
    cafe = OfferFactory(title="Frauencafé im Stadtteilzentrum", slug="frauencafe-stadtteilzentrum")
    assert public_offers(arabic).filter(pk=cafe.pk, is_fallback=True).exists()
    cafe_url = OfferFinderPage.objects.get(locale=arabic).url + f"{cafe.slug}/"
    assert f'name="target" value="{cafe.pk}"' in html(reader.get(cafe_url))
    response = answer(reader, "offer", cafe.pk, language="ar", helpful="no")
    assert response.status_code == 303
    assert response["Location"] == f"{cafe_url}?feedback=thanks#feedback"
    # The German course has an Arabic version: Arabic readers see (and answer on) that one only.
    assert answer(reader, "offer", offer.pk, language="ar", helpful="no").status_code == 404
    arabic_offer = offer.get_translation(arabic)
    assert answer(reader, "offer", arabic_offer.pk, language="ar", helpful="yes").status_code == 303
    arabic_event = event.get_translation(arabic)
    response = answer(reader, "page", arabic_event.pk, language="ar", helpful="yes")
    assert response.status_code == 303 and response["Location"].startswith(arabic_event.url)
    assert sorted(Feedback.objects.values_list("kind", "offer_id", "page_id", "language", "helpful")) == [
        ("offer", arabic_offer.pk, None, "ar", True),
        ("offer", cafe.pk, None, "ar", False),
        ("page", None, arabic_event.pk, "ar", True),
    ]


# --- the page cache -------------------------------------------------------------------
def test_pages_with_the_form_stay_cached_and_an_answer_does_not_make_them_stale(reader, settings, guide):
    settings.PAGE_CACHE_ENABLED = True
    for url in (GUIDE_URL, OFFER_URL):
        first, second = reader.get(url), reader.get(url)
        assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit", url
        assert 'name="helpful"' in html(second) and "csrfmiddlewaretoken" not in html(second)
        assert "public" in second["Cache-Control"]
    version = ContentVersion.objects.get().version
    assert answer(reader, "page", guide.pk, helpful="no", comment="Zu schwer").status_code == 303
    assert ContentVersion.objects.get().version == version
    assert reader.get(GUIDE_URL)["X-Page-Cache"] == "hit"
    guide.save_revision().publish()  # positive control: a real change makes it stale
    assert reader.get(GUIDE_URL)["X-Page-Cache"] == "miss"


# --- abuse: rate limit and honeypot ------------------------------------------------------
def test_rate_limit_per_address_and_per_page(reader, settings, guide, offer):
    settings.FEEDBACK_TARGET_RATE_LIMIT = (2, 3600)
    settings.FEEDBACK_RATE_LIMIT = (3, 3600)
    assert answer(reader, "page", guide.pk, helpful="yes").status_code == 303
    assert answer(reader, "page", guide.pk, helpful="yes").status_code == 303
    refused = answer(reader, "page", guide.pk, helpful="no", comment="Mein Kommentar bleibt erhalten")
    assert refused.status_code == 429
    assert "zu viele Antworten" in html(refused) and "Mein Kommentar bleibt erhalten" in html(refused)
    assert "no-store" in refused["Cache-Control"]
    assert answer(reader, "offer", offer.pk, helpful="no").status_code == 303  # another target: allowed
    assert answer(reader, "offer", offer.pk, helpful="no").status_code == 429  # 3 in all: used up
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.20")
    assert answer(other, "page", guide.pk, helpful="yes").status_code == 303  # another address
    assert Feedback.objects.count() == 4


def test_rate_limit_counts_the_address_the_trusted_proxy_reports(settings, guide):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_LIMIT = (1, 3600)
    proxy = Client(enforce_csrf_checks=True, REMOTE_ADDR="127.0.0.1")
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert answer(proxy, "page", guide.pk, helpful="yes", **first).status_code == 303
    assert answer(proxy, "page", guide.pk, helpful="yes", **first).status_code == 429
    # A forged entry left of the proxy's own changes nothing; another client behind the proxy may answer.
    forged = {"HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.5"}
    assert answer(proxy, "page", guide.pk, helpful="yes", **forged).status_code == 429
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert answer(proxy, "page", guide.pk, helpful="yes", **second).status_code == 303


def test_honeypot_answers_are_not_stored(reader, guide):
    response = answer(
        reader, "page", guide.pk, helpful="yes", comment="Billig kaufen", website="http://spam.example"
    )
    assert response.status_code == 303  # the robot learns nothing
    assert not Feedback.objects.exists()
    assert answer(reader, "page", guide.pk, helpful="yes", website="").status_code == 303  # positive control
    assert Feedback.objects.count() == 1


# --- only public targets of the reader's locale -------------------------------------------
def test_restricted_page_refused_and_shows_no_form(reader, client, users, guide):
    assert answer(reader, "page", guide.pk, helpful="yes").status_code == 303  # positive control
    PageViewRestriction.objects.create(page=guide.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    response = answer(reader, "page", guide.pk, helpful="no", comment="geheim")
    assert response.status_code == 404
    assert guide.title not in html(response)
    assert Feedback.objects.count() == 1
    client.force_login(users["manager"])  # who may read the page sees no form there
    page = html(client.get(GUIDE_URL))
    assert guide.title in page and 'name="helpful"' not in page


def test_draft_expired_and_unknown_targets_are_refused(reader, guide, offer):
    draft = GuidePageFactory(parent=guide.get_parent(), title="Entwurf Wohnungssuche", live=False)
    home = Page.objects.get(depth=2, locale__language_code="de")
    refused = [
        ("page", draft.pk, "de"),  # draft
        ("page", home.pk, "de"),  # a page type without the form
        ("page", guide.pk, "ar"),  # the German page, posted to the Arabic site
        ("page", 999999, "de"),
        ("page", "x", "de"),
        ("poll", guide.pk, "de"),
    ]
    for kind, pk, language in refused:
        assert answer(reader, kind, pk, language=language, helpful="yes").status_code == 404, (
            kind,
            pk,
            language,
        )
    offer.valid_until = offer.valid_from
    offer.save(update_fields=["valid_until"])
    assert answer(reader, "offer", offer.pk, helpful="yes").status_code == 404  # expired
    guide.unpublish()
    assert answer(reader, "page", guide.pk, helpful="yes").status_code == 404  # unpublished
    assert not Feedback.objects.exists()


def test_get_is_not_allowed(reader):
    assert reader.get("/de/rueckmeldung/").status_code == 405


# --- bad input, in the reader's language -----------------------------------------------------
def test_missing_answer_in_arabic_keeps_the_comment(reader, guide, arabic):
    arabic_guide = guide.get_translation(arabic)
    response = answer(reader, "page", arabic_guide.pk, language="ar", comment="الصفحة مفيدة لكن طويلة")
    assert response.status_code == 400
    page = html(response)
    assert '<html lang="ar" dir="rtl">' in page
    assert "من فضلك اختر «نعم» أو «لا»." in page
    assert "الصفحة مفيدة لكن طويلة</textarea>" in page
    assert "هل ساعدتك هذه الصفحة؟" in page and 'value="yes">نعم</button>' in page
    assert f'href="{arabic_guide.url}"' in page  # back to the page
    assert "no-store" in response["Cache-Control"]
    assert not Feedback.objects.exists()


def test_comment_too_long_is_refused_with_its_length(reader, guide, arabic):
    arabic_guide = guide.get_translation(arabic)
    long_comment = "ا" * 612
    response = answer(reader, "page", arabic_guide.pk, language="ar", helpful="no", comment=long_comment)
    assert response.status_code == 400
    page = html(response)
    assert "تعليقك طويل جدًا: الحد الأقصى 500 حرفًا، وفيه 612." in page
    assert long_comment + "</textarea>" in page and 'aria-invalid="true"' in page
    assert not Feedback.objects.exists()
    assert (
        answer(reader, "page", arabic_guide.pk, language="ar", helpful="no", comment="ا" * 500).status_code
        == 303
    )


def test_the_form_costs_no_query(rf, guide, offer, django_assert_num_queries):
    from django.template.loader import render_to_string

    request = rf.get(GUIDE_URL)
    guide.get_view_restrictions = lambda: []  # read once per request by the page cache's mark_page
    with django_assert_num_queries(0):
        page_form = render_to_string("feedback/form.html", {"feedback_object": guide}, request)
        offer_form = render_to_string("feedback/form.html", {"feedback_object": offer}, request)
    assert f'name="target" value="{guide.pk}"' in page_form and 'value="page"' in page_form
    assert f'name="target" value="{offer.pk}"' in offer_form and 'value="offer"' in offer_form
