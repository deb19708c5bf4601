"""Issue 18: the glossary, the translated frame, the corrected demo content, the language-quality report.

Protects: every frame page (menu, footer, home page action links) is live in all
seven locales with its own slug, title and introduction, and no German link
text is left in the menu or footer; home page teasers in German are marked;
translations are checked against the glossary at submit; machine translation
follows the glossary (DeepL glossary request, LibreTranslate correction, both
against mock servers on 127.0.0.1); spelling variants are search synonyms; the
demo content breaks no glossary rule; the report and the glossary are for the
integration management only.
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.strings import StringValue

from glossary.checks import all_violations, check_pair, rules
from glossary.frame import german_frame_pages, untranslated_frame_pages
from glossary.machine_translators import GlossaryDeepLTranslator, follow_glossary
from glossary.models import GlossaryTerm
from home.models import GuidePage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
FRAME_SLUGS = {
    "angebote",
    "akteure",
    "impressum",
    "datenschutz",
    "barrierefreiheit",
    "sprachmittlung-anfragen",
    "patenschaft",
    "neuigkeiten",
    "termine",
}


def login(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


# --- 1. The frame in all seven languages ---------------------------------------------------


def test_every_frame_page_is_live_and_translated_in_all_seven_locales(client):
    pages = german_frame_pages()
    assert {p.slug for p in pages} >= FRAME_SLUGS, "the menu, footer and home page links are all frame pages"
    for german in pages:
        german = german.specific
        for code in LANGUAGES:
            version = german.get_translation(Locale.objects.get(language_code=code)).specific
            assert version.live, (german.slug, code)
            assert version.alias_of_id is None, f"{german.slug} is only an alias in {code}"
            if code != settings.LANGUAGE_CODE and german.slug in FRAME_SLUGS:
                assert version.slug != german.slug, f"{german.slug}: no {code} slug"
                assert version.title != german.title, (german.slug, code)
                assert version.intro and version.intro != german.intro, (german.slug, code)
            assert client.get(version.url).status_code == 200, version.url
    assert untranslated_frame_pages() == {code: [] for code in LANGUAGES if code != settings.LANGUAGE_CODE}


def test_a_german_slug_in_another_locale_redirects_to_the_translation(client):
    response = client.get("/en/angebote/")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/offers/")


def _links(body, opening, closing):
    block = re.search(rf"{opening}(.*?){closing}", body, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", block, re.S)]


@pytest.mark.parametrize("code", ["fa", "uk", "ru", "tr"])
def test_menu_footer_and_home_links_carry_no_german_text(client, code):
    german_titles = {p.title for p in german_frame_pages()} - {"Beckum"}
    for url in [f"/{code}/", GuidePage.objects.get(locale__language_code=code, slug="kursabbruch").url]:
        body = client.get(url).content.decode()
        nav = _links(body, '<nav class="main-nav"', "</nav>")
        footer = _links(body, '<footer class="site-footer"', "</footer>")
        assert len(nav) >= 9 and len(footer) == 3, (nav, footer)
        assert not german_titles & set(nav + footer), (url, german_titles & set(nav + footer))
    # The home page's action links (request forms): translated titles, no German ones.
    home = client.get(f"/{code}/").content.decode()
    for slug in ("sprachmittlung-anfragen", "patenschaft"):
        german = Page.objects.get(locale__language_code="de", slug=slug)
        translated = german.get_translation(Locale.objects.get(language_code=code))
        assert f'href="{translated.url}">{translated.title}</a>' in home
        assert f">{german.title}</a>" not in home


def test_home_teasers_show_german_marked_where_no_translation_exists(client):
    uk = client.get("/uk/").content.decode()
    assert uk.count('<li class="card" lang="de" dir="ltr">') >= 3, "news and events in German are marked"
    assert "card__fallback" in uk
    en = client.get("/en/").content.decode()
    assert 'lang="de"' not in re.search(r'id="home-news-heading".*?</section>', en, re.S).group(0)
    assert "card__fallback" not in re.search(r'id="home-news-heading".*?</section>', en, re.S).group(0)


def test_fallback_notice_reads_as_a_sentence(client):
    page = GuidePage.objects.get(locale__language_code="uk", slug="kursabbruch")
    body = client.get(page.url).content.decode()
    notice = re.search(r'<aside class="notice notice--fallback"[^>]*>(.*?)</aside>', body, re.S).group(1)
    assert "Цієї сторінки ще немає українською" in notice
    assert "(Українська)" not in notice and "(Німецька)" not in notice


# --- 2. The glossary -------------------------------------------------------------------------


def test_seeded_terms_and_reviewers_choices():
    terms = {t.german: {r.language: r for r in t.renderings.all()} for t in GlossaryTerm.objects.all()}
    for german in ["Jobcenter", "Ausländerbehörde", "Integrationskurs", "Patenschaft", "Kaution", "Beratung"]:
        assert german in terms
    assert {"Angebot", "Stadt Beckum", "Beckum"} <= set(terms)
    assert terms["Patenschaft"]["ar"].preferred == "المرافقة التطوعية"
    assert terms["Jobcenter"]["ar"].with_brackets == "الجوب سنتر (Jobcenter)"
    assert terms["Kaution"]["ar"].preferred == "مبلغ التأمين"
    assert terms["Integration"]["tr"].preferred == "uyum" and terms["Angebot"]["tr"].preferred == "hizmet"
    assert terms["Angebot"]["fa"].preferred == "خدمات"
    assert terms["Beratung"]["en"].preferred == "advice"
    assert terms["Beckum"]["uk"].preferred == terms["Beckum"]["ru"].preferred == "Беккум"


def test_check_flags_avoided_renderings_and_missing_german_terms():
    bad = check_pair("Das Jobcenter hilft.", "يساعدك مركز العمل.", "ar")
    assert [(v.kind, v.found) for v in bad] == [("avoid", "مركز العمل"), ("missing_german", "")]
    missing = check_pair("Das Jobcenter hilft.", "يساعدك الجوب سنتر.", "ar")
    assert [v.kind for v in missing] == ["missing_german"]
    assert check_pair("Das Jobcenter hilft.", "يساعدك الجوب سنتر (Jobcenter).", "ar") == []
    # "counselling" is right for psychosocial support only.
    assert check_pair("Beratung im Büro", "Counselling at the office", "en")
    assert check_pair("Psychosoziale Beratung", "Psychosocial counselling", "en") == []
    assert check_pair("Stadt Beckum", "місто Бекум", "uk")[0].found == "Бекум"


def test_demo_content_has_no_glossary_violation():
    assert rules()["ar"], "the glossary is loaded"
    found = all_violations()
    assert found == {}, [(str(t.get_target_instance()), [v.message for v in f]) for t, f in found.items()]


@pytest.fixture
def arabic_with_a_jobcenter_string():
    """An Arabic page translation and its first translated string whose German source names the Jobcenter."""
    page = GuidePage.objects.get(locale__language_code="ar", slug="arbeit-und-ausbildung")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    segments = translation.source.stringsegment_set.select_related("string")
    segment = next(s for s in segments if "Jobcenter" in s.string.data)
    return page, translation, segment


def translated(page, segment):
    return StringTranslation.objects.filter(
        translation_of=segment.string, locale=page.locale, context=segment.context
    )


def test_glossary_violation_is_flagged_at_submit(client, arabic_with_a_jobcenter_string):
    page, translation, segment = arabic_with_a_jobcenter_string
    login(client, "uebersetzer")
    url = reverse("moderation:submit_translation", args=[translation.pk])
    clean = [str(m) for m in get_messages(client.post(url).wsgi_request)]
    assert clean and not [m for m in clean if "مركز العمل" in m], "the demo translation passes"
    # Take it back out of the workflow, then submit a translation using a rendering to avoid.
    page.refresh_from_db()
    page.current_workflow_state.cancel(user=page.owner)
    translated(page, segment).update(data="يساعدك مركز العمل في البحث عن عمل.")
    flagged = [str(m) for m in get_messages(client.post(url).wsgi_request)]
    assert [m for m in flagged if "مركز العمل" in m and "الجوب سنتر" in m], flagged
    assert any("Jobcenter" in m for m in flagged), "the missing German term is flagged too"


# --- Machine translation through mock servers on 127.0.0.1 -------------------------------------


class MockTranslator:
    """A local HTTP server answering like LibreTranslate and DeepL with the renderings to avoid."""

    CANNED = "يساعدك مركز العمل. الكفالة مهمة."

    def __init__(self):
        self.requests = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                owner.requests.append((self.path, body))
                if self.path == "/translate":
                    payload = {"translatedText": [owner.CANNED for _q in json.loads(body)["q"]]}
                elif self.path == "/v2/glossaries":
                    payload = {"glossary_id": "g-123"}
                else:
                    texts = parse_qs(body)["text"]
                    payload = {"translations": [{"text": owner.CANNED} for _t in texts]}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def mock_translator():
    server = MockTranslator()
    yield server
    server.close()


def test_libretranslate_draft_follows_the_glossary(client, mock_translator, arabic_with_a_jobcenter_string):
    page, translation, segment = arabic_with_a_jobcenter_string
    StringTranslation.objects.filter(locale=page.locale, context__object=translation.source.object).delete()
    libre = {
        "CLASS": "glossary.machine_translators.GlossaryLibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": mock_translator.url, "API_KEY": "", "TIMEOUT": 5},
    }
    login(client, "uebersetzer")
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=libre):
        client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"})
    assert mock_translator.requests and mock_translator.requests[0][0] == "/translate"
    draft = translated(page, segment).get()
    assert draft.data.startswith("يساعدك الجوب سنتر (Jobcenter).")
    assert "مركز العمل" not in draft.data
    # "Kaution" is not in this German string: the ambiguous word is left for the translator (and the check).
    assert "الكفالة" in draft.data


def test_deepl_request_carries_the_glossary(mock_translator):
    translator = GlossaryDeepLTranslator({"AUTH_KEY": "secret", "API_BASE": f"{mock_translator.url}/v2"})
    german, arabic = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="ar")
    source = StringValue("Das Jobcenter hilft. Die Kaution ist wichtig.")
    result = translator.translate(german, arabic, [source])
    paths = [path for path, _body in mock_translator.requests]
    assert paths == ["/v2/glossaries", "/v2/translate"]
    glossary = parse_qs(mock_translator.requests[0][1])
    assert glossary["source_lang"] == ["de"] and glossary["target_lang"] == ["ar"]
    assert glossary["entries_format"] == ["tsv"]
    entries = dict(line.split("\t") for line in glossary["entries"][0].split("\n"))
    assert entries["Jobcenter"] == "الجوب سنتر (Jobcenter)"
    assert entries["Patenschaft"] == "المرافقة التطوعية"
    assert entries["Kaution"] == "مبلغ التأمين (Kaution)"
    assert parse_qs(mock_translator.requests[1][1])["glossary_id"] == ["g-123"]
    assert result[source].data == "يساعدك الجوب سنتر (Jobcenter). مبلغ التأمين (Kaution) مهمة."
    # The glossary is created once per glossary state.
    translator.translate(german, arabic, [source])
    assert [p for p, _b in mock_translator.requests].count("/v2/glossaries") == 1


def test_follow_glossary_keeps_suffixes_and_adds_the_german_term():
    assert follow_glossary("Angebote finden", "Teklifleri bul", "tr") == "Hizmetleri bul" or (
        follow_glossary("Angebote finden", "Teklifleri bul", "tr") == "hizmetleri bul"
    )
    assert follow_glossary("Stadt Beckum", "місто Бекум", "uk") == "місто Беккум"


# --- Search synonyms ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["uk", "ru"])
def test_both_spellings_of_beckum_find_the_same_pages(client, code):
    from search.tests.conftest import result_titles

    with_double = result_titles(client.get(f"/{code}/suche/", {"q": "Беккум"}))
    with_single = result_titles(client.get(f"/{code}/suche/", {"q": "Бекум"}))
    assert len(with_double) >= 3
    assert with_double == with_single


# --- 4. Report and admin: the integration management only -------------------------------------


def test_language_quality_report_is_for_managers_only(client):
    url = reverse("glossary_report")
    login(client, "mitglied")
    assert client.get(url).status_code in (302, 403)
    login(client, "uebersetzer")
    assert client.get(url).status_code in (302, 403)
    login(client, "manager")
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for code in LANGUAGES[1:]:
        assert re.search(
            rf'<tr data-locale="{code}">.*?<td class="violations">0</td>\s*<td class="untranslated">0</td>',
            body,
            re.S,
        ), code


def test_report_lists_a_violation_and_an_untranslated_frame_page(client, arabic_with_a_jobcenter_string):
    page, _translation, segment = arabic_with_a_jobcenter_string
    translated(page, segment).update(data="يساعدك مركز العمل.")
    german = Page.objects.get(locale__language_code="de", slug="impressum")
    imprint = german.get_translation(Locale.objects.get(language_code="tr"))
    Page.objects.filter(pk=imprint.pk).update(live=False)
    login(client, "manager")
    body = client.get(reverse("glossary_report")).content.decode()
    assert re.search(r'<tr data-locale="ar">.*?<td class="violations">[1-9]', body, re.S)
    assert re.search(r'<tr data-locale="tr">.*?<td class="untranslated">1</td>', body, re.S)
    assert "مركز العمل" in body


def test_glossary_admin_is_for_managers_only(client):
    index = reverse("wagtailsnippets_glossary_glossaryterm:list")
    login(client, "mitglied")
    assert client.get(index).status_code in (302, 403)
    login(client, "manager")
    response = client.get(index)
    assert response.status_code == 200 and "Jobcenter" in response.content.decode()
    term = GlossaryTerm.objects.get(german="Kaution")
    edit = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    assert client.get(edit).status_code == 200
    login(client, "mitglied")
    assert client.get(edit).status_code in (302, 403)


def test_translation_editor_shows_the_glossary_warnings(client, arabic_with_a_jobcenter_string):
    page, _translation, segment = arabic_with_a_jobcenter_string
    login(client, "uebersetzer")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(edit)
    assert response.status_code == 200 and "js-translation-editor" in response.content.decode()
    assert "مركز العمل" not in response.content.decode().split("js-translation-editor")[0]
    translated(page, segment).update(data="يساعدك مركز العمل.")
    response = client.get(edit)
    assert "مركز العمل" in response.content.decode().split("js-translation-editor")[0]


def test_interface_strings_follow_the_glossary():
    """The gettext catalogues too: each msgstr against the German one of the same msgid."""
    import polib

    german = {e.msgid: e.msgstr for e in polib.pofile(settings.LOCALE_PATHS[0] / "de/LC_MESSAGES/django.po")}
    checked, found = 0, []
    for code in LANGUAGES[1:]:
        for entry in polib.pofile(settings.LOCALE_PATHS[0] / f"{code}/LC_MESSAGES/django.po"):
            if entry.msgid in german and entry.msgstr:
                checked += 1
                found += [(code, entry.msgstr) for _v in check_pair(german[entry.msgid], entry.msgstr, code)]
    assert checked > 1000 and found == []
    assert check_pair("Integrationskurs", "Entegrasyon kursu", "tr"), "the check does find the old wording"


def test_an_older_installation_gets_its_frame_translated(django_capture_on_commit_callbacks):
    """Loaded before issue 18, the events index was an alias in Ukrainian: the demo hook translates it."""
    from wagtail_localize.synctree import synchronize_tree

    from glossary.frame import complete_demo_frame

    german = Page.objects.get(locale__language_code="de", slug="termine")
    ukrainian = Locale.objects.get(language_code="uk")
    german.get_translation(ukrainian).delete()
    synchronize_tree(german.locale, ukrainian)
    assert german.get_translation(ukrainian).alias_of_id == german.pk
    with django_capture_on_commit_callbacks(execute=True):
        complete_demo_frame()
    version = german.get_translation(ukrainian)
    assert version.alias_of_id is None and version.live
    assert (version.slug, version.title) == ("події", "Події")
