"""Public search URLs, under the language prefix: /<lang>/suche/ and its suggestions."""

from django.urls import path

from . import views

app_name = "portal_search"

urlpatterns = [
    path("suche/", views.search_view, name="search"),
    path("suche/vorschlaege/", views.suggest_view, name="suggest"),
]
