"""Who must use a second factor and who may manage other people's accounts."""

from django.conf import settings
from django.db.models import Q


def second_factor_required(user):
    """Superusers, the groups in ``TWO_FACTOR_REQUIRED_GROUPS`` (Integrationsmanagement) and a town's
    management (``portal.models.TownRole``, issue 16: they publish too)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    groups = getattr(settings, "TWO_FACTOR_REQUIRED_GROUPS", [])
    return user.groups.filter(Q(name__in=groups) | Q(town_role__kind="managers")).exists()


def may_manage_accounts(user):
    """The integration management and superusers see lockouts and reset second factors."""
    from portal.roles import is_manager

    return is_manager(user)
