"""The moderation app has no public URLs; its admin views are registered in wagtail_hooks."""

from django.urls import path

from . import document_release_admin, views

urlpatterns = []

admin_urlpatterns = [
    path("coverage/", views.coverage_report, name="coverage"),
    path("translations/<int:translation_id>/submit/", views.submit_translation, name="submit_translation"),
    path("documents/<int:document_id>/release/", document_release_admin.release, name="release_document"),
]
