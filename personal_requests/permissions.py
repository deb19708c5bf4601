"""Admin access to personal data: the integration management and superusers only.

A Django model permission could be granted to any group by mistake in the
group editor; this policy ignores model permissions and asks for membership
in the Integrationsmanagement group. Nobody may add records in the admin:
they come from the public forms.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.roles import MANAGERS, is_manager


class ManagersOnlyPolicy(BasePermissionPolicy):
    def __init__(self, model, allow_add=False):
        super().__init__(model)
        self.allow_add = allow_add

    def user_has_permission(self, user, action):
        if action == "add" and not self.allow_add:
            return False
        return is_manager(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=MANAGERS), is_active=True)
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
