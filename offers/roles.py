"""Model permissions of the portal's groups on organisations and offers (idempotent).

Members get add/change/delete on offers and change on organisations; the
policy in ``offers.permissions`` narrows them to their own organisations.
Publishing stays with the integration management.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from portal.roles import MANAGERS, MEMBERS

MEMBER_PERMS = ["add_offer", "change_offer", "delete_offer", "change_organisation"]


def grant_offer_permissions():
    from .models import Offer, Organisation, OrganisationMembership

    types = ContentType.objects.get_for_models(Offer, Organisation, OrganisationMembership).values()
    every = Permission.objects.filter(content_type__in=types)
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    managers.permissions.add(*every)
    members.permissions.add(*every.filter(codename__in=MEMBER_PERMS))
    return {"managers": managers, "members": members}
