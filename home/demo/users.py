"""One demo user per role. Demo only: the passwords are printed and in the README.

Each user can do exactly what the role table in ``moderation/README.md`` says;
``moderation/tests/test_permission_matrix.py`` checks it.
"""

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
# The demo network members' organisations are given by one owner only, the offers app
# (``offers/demo/memberships.py``, which also prints them): what ``make run`` prints is what they edit.

# Admin language of the demo users, whatever the browser sends (Account -> Language changes it):
# German, and a translator's own language where Wagtail's admin is translated into it.
DEMO_ADMIN_LANGUAGE = {"uebersetzer": "ar"}


def admin_language(username):
    from django.conf import settings
    from wagtail.admin.localization import get_available_admin_languages

    wanted = DEMO_ADMIN_LANGUAGE.get(username, settings.LANGUAGE_CODE)
    available = {code for code, _name in get_available_admin_languages()}
    return wanted if wanted in available else settings.LANGUAGE_CODE


def _set_admin_language(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:  # a language the user chose stays
        profile.preferred_language = admin_language(user.get_username())
        profile.save(update_fields=["preferred_language"])


def print_demo_users(stdout, users=None):
    """The demo accounts as ``make run`` prints them, then the ``after_demo_users`` hooks.

    The hooks print the two-factor codes and the members' organisations; they are idempotent.
    """
    from wagtail import hooks

    if users is None:
        users = [(role, name, password) for role, name, password, *_ in DEMO_USERS]
    stdout.write("\nDemo users (demo only, never on a public server):")
    for role, username, password in users:
        stdout.write(f"  {role:<32} {username:<14} {password}")
    for fn in hooks.get_hooks("after_demo_users"):
        fn(stdout)


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
    for user in users.values():
        _set_admin_language(user)
    return created
