"""The admin speaks English in these tests, so that messages can be compared whatever the catalogues say."""

import pytest


@pytest.fixture(autouse=True)
def english_admin(admin_language, users):
    admin_language(list(users.values()), "en")


@pytest.fixture
def client():
    """Messages outside the admin's own language switch follow the browser: English."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
