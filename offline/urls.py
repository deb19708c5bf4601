"""Offline reading: ``root_urlpatterns`` at the site root, ``urlpatterns`` under the language prefix."""

from django.urls import path

from . import views

app_name = "offline"

root_urlpatterns = [path("sw.js", views.service_worker, name="offline_service_worker")]

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("offline/", views.offline_page, name="page"),
    path("offline/section/<int:page_id>.json", views.section, name="section"),
]
