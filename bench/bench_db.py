"""A fresh PostgreSQL database for a bench script (its name must start with ``beckum_bench``)."""

import sys
from urllib.parse import urlparse


def recreate_postgres(url):
    """Drop and create the database ``url`` names; refuse anything that is not a bench database."""
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL: only PostgreSQL or nothing (SQLite under /tmp).")
    name = parsed.path.lstrip("/")
    if not name.startswith("beckum_bench"):
        sys.exit(f"Refusing database {name!r}: a bench database's name starts with 'beckum_bench'.")
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()
