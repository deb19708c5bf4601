"""Shared fixtures: the demo content is loaded once per test session.

Loading it outside the per-test transactions lets wagtail-localize publish its
translations (it does so in on_commit callbacks); each test then runs in a
transaction that is rolled back, so the tree is the same for every test.
"""

import io
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

_FRESH_DEMO = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        if connection.vendor == "sqlite":  # a copy of the fresh build, for test_demo_snapshot.py
            path = Path(tempfile.mkdtemp(prefix="beckum-fresh-demo-")) / "db.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as copy:
                connection.connection.backup(copy)
            copy.close()
            _FRESH_DEMO["path"] = path


@pytest.fixture
def fresh_demo_database(django_db_setup):
    """A file copy of the test database right after the session's demo load (SQLite runs only)."""
    if "path" not in _FRESH_DEMO:
        pytest.skip("the copy is made on SQLite; this runs in the SQLite pass of .ci/run")
    return _FRESH_DEMO["path"]


@pytest.fixture(autouse=True)
def _clear_cache():
    from portal import version_memo

    cache.clear()
    version_memo.forget()  # what the page cache's content version kept in this process
    yield
    cache.clear()
    version_memo.forget()


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


# --- The admin's language ----------------------------------------------------------
@pytest.fixture
def admin_language(db):
    """``admin_language(user_or_users, code)``: the admin speaks ``code`` to these users."""
    from portal.testing import set_admin_language

    def set_language(users, code):
        for user in users if isinstance(users, list | tuple | set) or hasattr(users, "model") else [users]:
            set_admin_language(user, code)

    return set_language


# --- One user per role, logged in on demand -----------------------------------------
ROLES = ["anonymous", "mitglied", "ag-mitglied", "ag2-mitglied", "manager"]


@pytest.fixture
def role_users(users):
    """{role: user or None}; ``ag2-mitglied`` is a member of the second working group."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import MEMBERS, WORKING_GROUPS

    user, _ = get_user_model().objects.get_or_create(
        username="ag2-mitglied", defaults={"email": "ag2@beckum.example"}
    )
    user.groups.add(Group.objects.get(name=MEMBERS), Group.objects.get(name=WORKING_GROUPS[1]))
    return {
        "anonymous": None,
        **{name: users[name] for name in ROLES[1:-1] if name in users},
        "ag2-mitglied": user,
        "manager": users["manager"],
    }


@pytest.fixture
def client_for(client, role_users):
    def make(role):
        client.logout()
        if role_users[role] is not None:
            client.force_login(role_users[role])
        return client

    return make


# --- Two-factor login in tests (accounts/README.md) ---------------------------------
# ``client.force_login(user)`` skips the password; here it also skips the second
# factor: the session is marked as verified with the user's authenticator (the demo
# loader gives admin and manager one; a user who must have one gets one here). Tests
# of the real flow (password -> code -> admin) use ``client.post`` on the login and
# code forms, or ``force_login(user, verified=False)``: accounts/tests/test_two_factor.py.
@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None, verified=True):
        original(self, user, backend or "django.contrib.auth.backends.ModelBackend")
        if verified:
            from accounts.testing import mark_session_verified

            mark_session_verified(self, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


# --- Real-browser tests (accounts, cms, moderation) ------------------------------------
@pytest.fixture
def live_url(db):
    """Django served by a thread of this process, in the test's transaction (no flush afterwards)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    # The server thread shares the test's connection (SQLite in memory and PostgreSQL alike):
    # it sees the test's data and everything it writes is rolled back with the test.
    # Its request handling must not close the shared connection (that would end the test's
    # transaction): Django's test case only protects in-memory SQLite this way.
    shared, kept = {}, []
    for conn in connections.all():
        shared[conn.alias] = conn
        conn.inc_thread_sharing()
        if conn.vendor != "sqlite":
            kept.append((conn, conn.close, conn.close_if_unusable_or_obsolete))
            conn.close = conn.close_if_unusable_or_obsolete = lambda: None
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn, close, close_if_unusable in kept:
        conn.close, conn.close_if_unusable_or_obsolete = close, close_if_unusable
    for conn in shared.values():
        conn.dec_thread_sharing()
