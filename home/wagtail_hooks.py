"""The guide's part in the kernel's roles (portal/roles.py)."""

from wagtail import hooks


@hooks.register("portal_member_section_types")
def guide_sections():
    """Network members draft guide pages under the fields of action."""
    from home.models import GuideIndexPage

    return [GuideIndexPage]
