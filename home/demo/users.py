"""One demo user per role. Demo only: the passwords are printed and in the README."""

from django.contrib.auth import get_user_model

from home.roles import MANAGERS, MEMBERS, WORKING_GROUPS, setup_roles, translator_group_name

DEMO_USERS = [
    # role, username, password, groups, superuser
    ("site administrator", "admin", "beckum-admin", [], True),
    ("integration manager", "manager", "beckum-manager", [MANAGERS], False),
    ("network member", "mitglied", "beckum-mitglied", [MEMBERS], False),
    ("working-group member", "ag-mitglied", "beckum-ag", [MEMBERS, WORKING_GROUPS[0]], False),
    ("translator (Arabic)", "uebersetzer", "beckum-uebersetzer", [translator_group_name("ar")], False),
]


def create_demo_users():
    """Create missing demo users; existing users keep their password and data."""
    groups = setup_roles()
    User = get_user_model()
    created = []
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
        created.append((role, username, password))
    return created
