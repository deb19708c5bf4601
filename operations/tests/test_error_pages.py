"""Error pages 404, 403, 500, 503 in all seven languages, from the URL's language prefix.

Protects: the right language, ``lang``/``dir`` (right to left for Arabic and
Farsi), a way back home and to the search; the 500 and 503 pages render with
no database query and no cache call; a logged-in reader of the wrong group
gets the same layout (network's refusal); a database error raised by a view
becomes the 503 page (middleware) and one raised elsewhere too (handler500).
"""

import logging
import sys

import pytest
from django.db import OperationalError
from django.test import RequestFactory, override_settings

from network.models import WorkingGroupPage
from operations import errors

LANGUAGES = {
    "de": (
        "ltr",
        "Seite nicht gefunden",
        "Etwas ist schiefgegangen",
        "Vorübergehend nicht erreichbar",
        "Kein Zugang",
    ),
    "en": ("ltr", "Page not found", "Something went wrong", "Temporarily unavailable", "No access"),
    "ar": ("rtl", "الصفحة غير موجودة", "حدث خطأ ما", "غير متاح مؤقتًا", "الدخول غير مسموح"),
    "fa": ("rtl", "صفحه پیدا نشد", "مشکلی پیش آمد", "موقتاً در دسترس نیست", "دسترسی ندارید"),
    "uk": ("ltr", "Сторінку не знайдено", "Щось пішло не так", "Тимчасово недоступно", "Немає доступу"),
    "ru": ("ltr", "Страница не найдена", "Что-то пошло не так", "Временно недоступно", "Нет доступа"),
    "tr": ("ltr", "Sayfa bulunamadı", "Bir şeyler ters gitti", "Geçici olarak kullanılamıyor", "Erişim yok"),
}


def assert_error_page(html, language, title):
    direction = LANGUAGES[language][0]
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f"<h1>{title}</h1>" in html
    assert f'href="/{language}/" rel="home"' in html
    assert f'action="/{language}/suche/"' in html
    assert 'name="robots" content="noindex"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_404_in_the_language_of_the_url(client, language):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), language, LANGUAGES[language][1])


@pytest.mark.django_db
def test_404_outside_a_language_prefix_is_german(client):
    response = client.get("/documents/999999/nichts.pdf")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), "de", LANGUAGES["de"][1])


# Django's plain RedisCache at a closed port: any cache call would raise.
BROKEN_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}


@pytest.mark.parametrize("language", list(LANGUAGES))
@override_settings(CACHES=BROKEN_CACHE)
def test_500_and_503_render_without_database_and_cache(language):
    # No django_db mark: any database access here raises (pytest-django blocks it).
    request = RequestFactory().get(f"/{language}/irgendwo/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        server_error = errors.server_error(request)
    unavailable = errors.service_unavailable(request, OperationalError("down"))
    assert server_error.status_code == 500
    assert_error_page(server_error.content.decode(), language, LANGUAGES[language][2])
    assert "boom" not in server_error.content.decode()
    assert unavailable.status_code == 503
    assert unavailable["Retry-After"] == "30"
    assert_error_page(unavailable.content.decode(), language, LANGUAGES[language][3])


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_403_in_the_language_of_the_url(language):
    response = errors.permission_denied(RequestFactory().get(f"/{language}/admin-only/"))
    assert response.status_code == 403
    assert_error_page(response.content.decode(), language, LANGUAGES[language][4])


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "ar", "fa"])
def test_wrong_group_refusal_has_the_same_layout(client, users, language):
    page = next(
        p
        for p in WorkingGroupPage.objects.filter(locale__language_code=language)
        if p.get_view_restrictions()
    )
    client.force_login(users["mitglied"])
    response = client.get(page.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert_error_page(html, language, LANGUAGES[language][4])
    assert page.title not in html
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_database_error_in_a_view_becomes_the_503(client, monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    # Wagtail's serve view asks the database for the site first.
    monkeypatch.setattr("wagtail.models.Site.find_for_request", database_gone)
    response = client.get("/ru/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert_error_page(html, "ru", LANGUAGES["ru"][3])
    assert "Connection refused" not in html


def test_database_error_outside_a_view_becomes_the_503_without_traceback_in_the_log():
    request = RequestFactory().get("/tr/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = errors.server_error(request)
        record = logging.LogRecord(
            "django.request", logging.ERROR, "", 0, "Service Unavailable", (), sys.exc_info()
        )
    assert response.status_code == 503
    assert_error_page(response.content.decode(), "tr", LANGUAGES["tr"][3])
    assert errors.DatabaseUnavailableLogFilter().filter(record) is True
    assert record.exc_info is None
    assert record.levelname == "WARNING"
