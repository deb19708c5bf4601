"""GIN index on the search vector, on PostgreSQL only.

The column exists everywhere (NULL outside PostgreSQL); a GIN index cannot be
created on SQLite, so it is not declared in the model's Meta and is created
here only when the database is PostgreSQL.
"""

from django.db import migrations

INDEX = "portal_search_entry_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portal_search_searchentry USING gin (vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_search_entry")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
