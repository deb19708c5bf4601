"""Shared fixtures: the demo content is loaded once per test session.

Loading it outside the per-test transactions lets wagtail-localize publish its
translations (it does so in on_commit callbacks); each test then runs in a
transaction that is rolled back, so the tree is the same for every test.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {u.username: u for u in User.objects.all()}
