"""The admin speaks English in these tests, so that messages can be compared whatever the catalogues say."""

import pytest


@pytest.fixture(autouse=True)
def english_admin(db):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    for user in get_user_model().objects.all():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save(update_fields=["preferred_language"])


@pytest.fixture
def client():
    """Messages outside the admin's own language switch follow the browser: English."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
