"""The public answer, under the language prefix: POST /<lang>/rueckmeldung/."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [path("rueckmeldung/", views.submit, name="submit")]
