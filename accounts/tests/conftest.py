"""These tests compare the admin's messages with the browser's language (``Accept-Language``).

The demo users have German (the translator Arabic) as their admin language since issue 13;
here their profiles follow the browser again, as before.
"""

import pytest


@pytest.fixture(autouse=True)
def admin_follows_the_browser(db):
    from wagtail.users.models import UserProfile

    UserProfile.objects.exclude(preferred_language="").update(preferred_language="")
