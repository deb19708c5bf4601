"""Plain language on guide pages (issue 15, item 3): editor panel, endpoint, summary, listing.

Scenarios protected:
- the page editor shows the readability of the German draft with long sentences and words
  marked (the latest revision, also without JavaScript), with our own static script;
- only who may edit the page (or add one under the parent) may call the analysis endpoint;
- a summary in plain language is rendered first on the page, in a box headed in the reader's
  language, the German fallback marked ``lang="de"``;
- ``/<lang>/einfache-sprache/`` lists exactly the public, live pages that have a summary, in
  a constant number of queries;
- the demo loader gives an existing installation the demo summaries once, and keeps edits.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.models import GuideIndexPage, GuidePage
from home.readability import analyse_text

pytestmark = pytest.mark.django_db

SUMMARY_PAGES = {
    "sprach-und-integrationskurse",
    "kursabbruch",
    "muelltrennung-und-ruhezeiten",
    "kontakt-mit-behoerden",
    "arztbesuch",
}
LONG = (
    "Die Integrationskursverordnung regelt die Teilnahmeberechtigung von Zuwanderinnen und "
    "Zuwanderern, die sich dauerhaft im Bundesgebiet aufhalten, sowie die Verpflichtung zur "
    "Teilnahme bei besonderer Integrationsbedürftigkeit und vieles mehr."
)


def german(slug):
    return GuidePage.objects.get(locale__language_code="de", slug=slug)


def in_locale(page, code):
    return GuidePage.objects.get(translation_key=page.translation_key, locale__language_code=code)


def analyse_url():
    return reverse("home_easy_read_analyse")


# --- The editor -------------------------------------------------------------------------
def test_demo_guide_pages_carry_their_summaries():
    with_summary = set(
        GuidePage.objects.filter(locale__language_code="de")
        .exclude(easy_read="")
        .values_list("slug", flat=True)
    )
    assert with_summary == SUMMARY_PAGES
    arabic = in_locale(german("kursabbruch"), "ar")
    assert arabic.alias_of_id is None and "الجوب سنتر (Jobcenter)" in arabic.easy_read


def test_editor_panel_shows_the_latest_draft_with_marks(client_for):
    page = german("sprach-und-integrationskurse")
    page.intro = LONG
    page.save_revision()  # a draft: the live page keeps its intro
    response = client_for("manager").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    panel = body[body.index("data-easy-read-panel") :]
    assert 'data-param-name="page"' in panel and f'data-param-value="{page.pk}"' in panel
    assert "home/js/readability.js" in body  # our static script, no inline code
    assert "<mark>Integrationskursverordnung</mark>" in panel
    assert "Zuwanderinnen und Zuwanderern" in panel  # the long sentence is listed
    assert re.search(r'data-count="long-sentences">\d+<', panel)
    # Both analyses: the page text and the summary in plain language.
    assert panel.count('data-score="wstf"') == 2
    assert GuidePage.objects.get(pk=page.pk).intro != LONG


def test_panel_is_not_shown_on_translations(client_for):
    page = in_locale(german("sprach-und-integrationskurse"), "en")
    response = client_for("manager").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (200, 302)
    assert b"data-easy-read-panel" not in response.content


def test_panel_on_the_create_view_posts_the_parent(client_for):
    parent = GuideIndexPage.objects.get(locale__language_code="de", field_of_action="sprache")
    url = reverse("wagtailadmin_pages:add", args=["home", "guidepage", parent.pk])
    body = client_for("manager").get(url).content.decode()
    assert 'data-param-name="parent"' in body and f'data-param-value="{parent.pk}"' in body


# --- The endpoint -----------------------------------------------------------------------
def test_endpoint_analyses_the_posted_text(client_for):
    page = german("sprach-und-integrationskurse")
    response = client_for("manager").post(
        analyse_url(),
        {"page": page.pk, "text": LONG, "summary": "Der Kurs ist kostenlos. Sie lernen Deutsch."},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<mark>Integrationsbedürftigkeit</mark>" in body
    assert 'data-count="long-sentences">1<' in body
    expected = [analyse_text(LONG), analyse_text("Der Kurs ist kostenlos. Sie lernen Deutsch.")]
    shown = [
        v.replace(",", ".") for v in re.findall(r'data-score="wstf">([\d.,]+)', body)
    ]  # "15,6" in German
    assert shown == [str(a.wiener_sachtextformel) for a in expected]


def test_endpoint_permissions(client, client_for, users):
    guide = german("kontakt-mit-behoerden")
    imprint = Page.objects.get(locale__language_code="de", slug="impressum")
    data = {"text": LONG}
    # The permission API says who may edit what; the endpoint follows it.
    assert guide.permissions_for_user(users["mitglied"]).can_edit()
    assert not imprint.permissions_for_user(users["mitglied"]).can_edit()
    assert not guide.permissions_for_user(users["uebersetzer"]).can_edit()

    anonymous = client_for("anonymous").post(analyse_url(), {"page": guide.pk, **data})
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    member = client_for("mitglied")
    assert member.post(analyse_url(), {"page": guide.pk, **data}).status_code == 200  # positive control
    assert member.post(analyse_url(), {"page": imprint.pk, **data}).status_code == 403
    assert member.post(analyse_url(), {"page": 999999, **data}).status_code == 403
    assert member.post(analyse_url(), {"text": LONG}).status_code == 400
    assert member.get(analyse_url(), {"page": guide.pk}).status_code == 405

    client.logout()
    client.force_login(users["uebersetzer"])
    assert client.post(analyse_url(), {"page": guide.pk, **data}).status_code == 403
    section = guide.get_parent()
    assert client.post(analyse_url(), {"parent": section.pk, **data}).status_code == 403

    assert client_for("manager").post(analyse_url(), {"parent": section.pk, **data}).status_code == 200


# --- The public page --------------------------------------------------------------------
def test_summary_comes_first_in_german(client):
    page = german("sprach-und-integrationskurse")
    body = client.get(page.url).content.decode()
    article = body[body.index("<article") :]
    h1, box, lead = article.index("<h1>"), article.index('class="easy-read"'), article.index('class="lead"')
    assert h1 < box < lead
    assert re.search(r'<h2 id="easy-read-title">In einfacher Sprache</h2>', article)
    assert "<p>In Beckum gibt es viele Deutsch-Kurse.</p>" in article
    assert reverse("easy_read:list") in article


def test_summary_in_arabic_translation(client):
    page = in_locale(german("sprach-und-integrationskurse"), "ar")
    body = client.get(page.url).content.decode()
    assert re.search(r'<article class="content" lang="ar" dir="rtl">', body)
    assert '<h2 id="easy-read-title">بلغة بسيطة</h2>' in body  # the reader's language all around
    assert "دورة الاندماج لها جزءان." in body


def test_german_summary_on_a_fallback_page_is_marked(client):
    page = in_locale(german("kursabbruch"), "fa")  # not translated into Farsi: an alias
    assert page.alias_of_id
    body = client.get(page.url).content.decode()
    assert '<article class="content" lang="de" dir="ltr">' in body
    assert '<h2 id="easy-read-title" lang="fa" dir="rtl">به زبان ساده</h2>' in body
    assert "Hören Sie nicht einfach auf." in body


def test_page_without_summary_has_no_box(client):
    body = client.get(german("wohnungssuche").url).content.decode()
    assert 'class="easy-read"' not in body and "In einfacher Sprache" not in body


def test_guide_index_marks_pages_with_a_summary(client):
    section = GuideIndexPage.objects.get(locale__language_code="de", field_of_action="sprache")
    body = client.get(section.url).content.decode()
    cards = re.findall(r'<li class="card".*?</li>', body, re.S)
    marked = [c for c in cards if "badge--easy-read" in c]
    assert len(marked) == 2 and len(cards) > 2  # Sprach- und Integrationskurse, Kursabbruch
    assert reverse("easy_read:list") in body


# --- The listing ------------------------------------------------------------------------
def listing(client, code="de"):
    with translation.override(code):
        url = reverse("easy_read:list")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def titles(body):
    return set(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body))


def test_listing_shows_exactly_the_pages_with_a_summary(client):
    body = listing(client)
    expected = {german(slug).title for slug in SUMMARY_PAGES}
    assert titles(body) == expected
    assert german("wohnungssuche").title not in body
    assert "<h2" in body and "Sprache</h2>" in body  # grouped by field of action
    assert "csrfmiddlewaretoken" not in body and not client.cookies  # cacheable


def test_listing_leaves_out_restricted_and_draft_summaries(client):
    section = GuideIndexPage.objects.get(locale__language_code="de", field_of_action="wohnen")
    public = section.add_child(
        instance=GuidePage(
            title="Öffentlich einfach", slug="oeffentlich-einfach", easy_read="Das ist leicht."
        )
    )
    restricted = section.add_child(
        instance=GuidePage(title="Geheim einfach", slug="geheim-einfach", easy_read="Das ist geheim.")
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = german("wohnungssuche")
    draft.easy_read = "Entwurf in einfacher Sprache."
    draft.save_revision()
    body = listing(client)
    assert "Öffentlich einfach" in titles(body)  # positive control
    assert "Geheim einfach" not in body and "Das ist geheim." not in body
    assert "Entwurf in einfacher Sprache." not in body and draft.title not in titles(body)
    assert public.live


def test_listing_in_farsi_marks_german_summaries(client):
    body = listing(client, "fa")
    assert "<h1>صفحه‌ها به زبان ساده</h1>" in body
    fallback = in_locale(german("kursabbruch"), "fa")
    translated = in_locale(german("sprach-und-integrationskurse"), "fa")
    assert re.search(
        rf'<article class="easy-read" lang="de" dir="ltr">\s*<h3><a href="{re.escape(fallback.url)}">', body
    )
    assert re.search(rf'<article class="easy-read">\s*<h3><a href="{re.escape(translated.url)}">', body)


def test_listing_query_count_does_not_grow_with_pages(client):
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        listing(client)
    section = GuideIndexPage.objects.get(locale__language_code="de", field_of_action="gesundheit")
    for n in range(4):
        section.add_child(
            instance=GuidePage(title=f"Einfach {n}", slug=f"einfach-{n}", easy_read="Kurz und klar.")
        )
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        body = listing(client)
    assert {f"Einfach {n}" for n in range(4)} <= titles(body)
    assert len(after) == len(before) <= 12, [q["sql"][:120] for q in after.captured_queries]


# --- The demo loader --------------------------------------------------------------------
def test_loader_adds_demo_summaries_to_an_older_installation_once():
    from home.demo.loader import DemoLoader, guide_data

    page = german("arztbesuch")
    data = next(p for p in guide_data() if p["slug"] == "arztbesuch")["translations"]
    # As before the field existed: no summary, no revision that knows the field.
    GuidePage.objects.filter(translation_key=page.translation_key).update(easy_read="")
    for revision in page.revisions.all():
        revision.content.pop("easy_read", None)
        revision.save(update_fields=["content"])
    page.refresh_from_db()
    loader = DemoLoader()
    loader.add_easy_read(page, data)
    page.refresh_from_db()
    assert page.easy_read == data["de"]["easy_read"]
    arabic = in_locale(page, "ar")
    assert arabic.easy_read == data["ar"]["easy_read"]
    assert arabic.title == data["ar"]["title"]  # the rest of the translation is kept
    assert in_locale(page, "fa").easy_read == data["de"]["easy_read"]  # the alias follows

    # An editor removes it: the next run keeps the page as it is.
    page.easy_read = ""
    page.save_revision().publish()
    loader.add_easy_read(GuidePage.objects.get(pk=page.pk), data)
    assert GuidePage.objects.get(pk=page.pk).easy_read == ""
