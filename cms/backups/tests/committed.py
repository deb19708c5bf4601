"""Database access without pytest-django's rolled-back transaction, for the backup round trips.

pg_dump reads through its own connection and sees committed data only, and a
restore replaces the whole database, so these tests cannot run inside a
transaction. ``transactional_db`` would empty every table afterwards (and the
demo content is loaded once per session), so instead a module imports this
``_django_db_helper``: the ``django_db`` marker still makes pytest-django set up
the test database, but the test runs in autocommit mode. Each such test must
leave the committed data as it found it (it restores what it backed up).
"""

import pytest


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield
