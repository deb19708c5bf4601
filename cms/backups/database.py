"""The database part of a backup, with each vendor's own tools.

PostgreSQL: ``pg_dump --format=custom`` writes the dump; ``pg_restore`` turns
it back into SQL, which ``psql`` runs in ONE transaction after dropping every
table of the schema, so a failed restore leaves the database as it was.
pg_dump sees committed data only (it is a separate connection).

SQLite: the backup API of the sqlite3 module copies the live database page by
page (consistent even while the site writes), and copies it back into the
live connection on restore.
"""

import os
import sqlite3
import subprocess

from django.db import connection

#: File name of the dump inside the archive, per vendor.
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}

#: Drops every table, sequence and view of the current schema (run before the dump's SQL).
PG_WIPE_SQL = """
DO $wipe$
DECLARE r record;
BEGIN
  FOR r IN SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() LOOP
    EXECUTE format('DROP VIEW IF EXISTS %I CASCADE', r.table_name);
  END LOOP;
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT sequence_name FROM information_schema.sequences
           WHERE sequence_schema = current_schema() LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', r.sequence_name);
  END LOOP;
END
$wipe$;
"""


class DatabaseToolError(RuntimeError):
    """pg_dump, pg_restore or psql failed; the message carries their error output."""


def vendor():
    return connection.vendor


def supported():
    return connection.vendor in DUMP_NAMES


def dump_name():
    return DUMP_NAMES[connection.vendor]


def table_count():
    return len(connection.introspection.table_names())


def server_version():
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        return str(connection.pg_version)
    return sqlite3.sqlite_version


def dump(path):
    """Write the whole database to ``path``."""
    if connection.vendor == "postgresql":
        _pg_dump(path)
    else:
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()


def restore(path):
    """Replace the whole database by the dump at ``path``."""
    if connection.vendor == "postgresql":
        connection.close()  # hold no locks while psql drops the tables
        _pg_restore(path)
    else:
        source = sqlite3.connect(path)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    connection.close()


def wipe():
    """Drop every table (what a lost database looks like). Used by the tests and nothing else."""
    connection.ensure_connection()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_WIPE_SQL)
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for name in connection.introspection.table_names(include_views=True):
                cursor.execute(f'DROP TABLE IF EXISTS "{name}"')
            cursor.execute("PRAGMA foreign_keys = ON")


def _pg_command(program, parameters):
    """Command line and environment of a PostgreSQL client program for the configured database."""
    args, env = connection.client.settings_to_cmd_args_env(connection.settings_dict, parameters)
    args[0] = program
    env = {**os.environ, **(env or {})}
    # A statement timeout meant for web requests must not cut a dump or a restore short.
    env["PGOPTIONS"] = (env.get("PGOPTIONS", "") + " -c statement_timeout=0").strip()
    return args, env


def _run(args, env, **kwargs):
    try:
        result = subprocess.run(args, env=env, capture_output=True, check=False, **kwargs)  # noqa: S603
    except FileNotFoundError as error:
        raise DatabaseToolError(
            f"{args[0]} is not installed. Install the PostgreSQL client programs "
            "(Debian: apt-get install postgresql-client-15)."
        ) from error
    if result.returncode != 0:
        raise DatabaseToolError(f"{args[0]} failed: {result.stderr.decode(errors='replace').strip()}")
    return result


def _pg_dump(path):
    args, env = _pg_command("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", f"--file={path}"])
    _run(args, env)


def _pg_restore(path):
    """pg_restore → SQL → psql in a single transaction, after dropping every table."""
    sql_args, env = _pg_command("pg_restore", ["--no-owner", "--no-privileges", "--file=-"])
    sql_args = sql_args[:-1] + [str(path)]  # pg_restore reads the dump file, writes SQL to stdout
    psql_args, _ = _pg_command(
        "psql",
        [
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
            "--command=SET lock_timeout = '30s'",
            f"--command={PG_WIPE_SQL}",
            "--file=-",
        ],
    )
    try:
        producer = subprocess.Popen(sql_args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # noqa: S603
    except FileNotFoundError as error:
        raise DatabaseToolError("pg_restore is not installed (Debian: postgresql-client-15).") from error
    try:
        consumer = subprocess.run(  # noqa: S603
            psql_args, env=env, stdin=producer.stdout, capture_output=True, check=False
        )
    finally:
        producer.stdout.close()
        producer_err = producer.stderr.read()
        producer.wait()
    if producer.returncode != 0:
        raise DatabaseToolError(f"pg_restore failed: {producer_err.decode(errors='replace').strip()}")
    if consumer.returncode != 0:
        raise DatabaseToolError(
            "psql failed, the database was left unchanged: "
            + consumer.stderr.decode(errors="replace").strip()
        )
