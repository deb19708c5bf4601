"""Helpers of the test toolkit that tests import directly (fixtures: the root ``conftest.py``)."""


def set_admin_language(user, code):
    """Set the admin language (Wagtail's user profile) of ``user``; returns the user."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save(update_fields=["preferred_language"])
    return user
