"""The guide's part in the kernel's roles (portal/roles.py)."""

from wagtail import hooks


@hooks.register("portal_member_section_types")
def guide_sections():
    """Network members draft guide pages under the fields of action."""
    from home.models import GuideIndexPage

    return [GuideIndexPage]


@hooks.register("register_admin_urls")
def easy_read_admin_urls():
    """The readability panel's endpoint (home/easy_read.py); Wagtail requires admin access."""
    from django.urls import path

    from home.easy_read import analyse_view

    return [path("easy-read/analyse/", analyse_view, name="home_easy_read_analyse")]
