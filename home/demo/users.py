"""One demo user per role. Demo only: the passwords are printed and in the README.

Each user can do exactly what the role table in ``moderation/README.md`` says;
``moderation/tests/test_permission_matrix.py`` checks it.
"""

from django.apps import apps
from django.contrib.auth import get_user_model

from portal.roles import MANAGERS, MEMBERS, WORKING_GROUPS, setup_roles, translator_group_name

DEMO_USERS = [
    # role, username, password, groups, superuser
    ("site administrator", "admin", "beckum-admin", [], True),
    ("integration manager", "manager", "beckum-manager", [MANAGERS], False),
    ("network member", "mitglied", "beckum-mitglied", [MEMBERS], False),
    ("working-group member", "ag-mitglied", "beckum-ag", [MEMBERS, WORKING_GROUPS[0]], False),
    ("translator (Arabic)", "uebersetzer", "beckum-uebersetzer", [translator_group_name("ar")], False),
]
# Demo network members work for the first demo organisation (when the offers app provides them).
ORGANISATION_MEMBERS = ["mitglied", "ag-mitglied"]


def _demo_memberships(users):
    try:
        membership_model = apps.get_model("offers", "OrganisationMembership")
        organisation_model = apps.get_model("offers", "Organisation")
    except LookupError:
        return
    organisation = organisation_model.objects.filter(locale__language_code="de").order_by("pk").first()
    if organisation is None:
        return
    for username in ORGANISATION_MEMBERS:
        user = users[username]
        if not membership_model.objects.filter(user=user).exists():
            membership_model.objects.create(user=user, organisation=organisation)


def create_demo_users():
    """Create missing demo users; existing users keep their password and data."""
    groups = setup_roles()
    User = get_user_model()
    created, users = [], {}
    for role, username, password, group_names, superuser in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@beckum.example",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if was_created:
            user.set_password(password)
            user.save()
        user.groups.add(*[groups[name] for name in group_names])
        users[username] = user
        created.append((role, username, password))
    _demo_memberships(users)
    return created
