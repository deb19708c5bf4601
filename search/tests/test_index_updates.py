"""The index follows the content: publish, unpublish, scheduled expiry, delete, update_index, demo load.

Protects the promptness promise of issue 6: a change is searchable (or gone)
right after it happens, without a manual rebuild.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.models import SearchEntry
from search.registry import active_types

pytestmark = pytest.mark.django_db

WORD = "Quokkakurs"


def entries(page):
    return SearchEntry.objects.filter(object_id=page.pk, model=page._meta.label_lower)


def test_demo_load_ends_with_a_populated_index():
    from home.models import GuidePage

    assert {t.model_label for t in active_types()} >= {"home.GuidePage", "home.GuideIndexPage"}

    live = GuidePage.objects.live().filter(alias_of__isnull=True)
    assert live.count() > 20
    assert SearchEntry.objects.filter(model="home.guidepage").count() == live.count()
    assert SearchEntry.objects.filter(locale__language_code="uk", model="home.guidepage").count() == 3
    # Aliases are not indexed: the German original stands for them.
    aliases = GuidePage.objects.filter(alias_of__isnull=False)
    assert not SearchEntry.objects.filter(model="home.guidepage", object_id__in=aliases.values("pk")).exists()


def test_publish_indexes_and_unpublish_removes(client, make_page):
    page = make_page(f"{WORD} neu")
    assert entries(page).exists()
    assert WORD in client.get("/de/suche/", {"q": WORD}).content.decode()
    page.unpublish()
    assert not entries(page).exists()


def test_republishing_updates_the_text(make_page):
    page = make_page(f"{WORD} alt")
    page.title = "Wombatkurs neu"
    page.save_revision().publish()
    entry = entries(page).get()
    assert entry.title == "Wombatkurs neu"
    assert " wombatkur" in entry.title_norm


def test_scheduled_expiry_removes_the_page(make_page):
    page = make_page(f"{WORD} läuft ab")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save(update_fields=["expire_at"])
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live
    assert not entries(page).exists()


def test_delete_removes_the_entry(make_page):
    page = make_page(f"{WORD} weg")
    pk = page.pk
    page.delete()
    assert not SearchEntry.objects.filter(object_id=pk, model="home.guidepage").exists()


def test_update_index_rebuilds_the_public_index():
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("update_index", stdout=out)
    assert "Search:" in out.getvalue()
    assert SearchEntry.objects.filter(model="home.guidepage", locale__language_code="ar").exists()


def test_rebuild_drops_entries_of_content_that_went_away(make_page):
    page = make_page(f"{WORD} verschwindet")
    # Bypass the signals: the page goes away behind the index's back.
    type(page).objects.filter(pk=page.pk).update(live=False)
    call_command("rebuild_search_text", stdout=io.StringIO())
    assert not entries(page).exists()


def test_translation_is_indexed_in_its_own_locale():
    from home.models import GuidePage

    page = GuidePage.objects.get(locale__language_code="uk", slug="sprach-und-integrationskurse")
    entry = entries(page).get()
    assert entry.language == "uk"
    assert " курс" in entry.body_norm or " курс" in entry.title_norm
