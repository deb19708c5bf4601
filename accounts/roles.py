"""Who must use a second factor and who may manage other people's accounts."""

from django.conf import settings


def second_factor_required(user):
    """Superusers and the groups in ``TWO_FACTOR_REQUIRED_GROUPS`` (Integrationsmanagement)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    groups = getattr(settings, "TWO_FACTOR_REQUIRED_GROUPS", [])
    return user.groups.filter(name__in=groups).exists()


def may_manage_accounts(user):
    """The integration management and superusers see lockouts and reset second factors."""
    from portal.roles import is_manager

    return is_manager(user)
