"""Public URLs of the guide, under the language prefix: /<lang>/einfache-sprache/."""

from django.urls import path

from . import easy_read

app_name = "easy_read"

urlpatterns = [path("einfache-sprache/", easy_read.listing_view, name="list")]
