"""Trigram similarity over organization names and aliases ("did you mean" in search), on
PostgreSQL: the pg_trgm extension and GIN trigram indexes. SQLite needs neither."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "people_organization_name_trgm": "people_organization",
    "people_organizationalias_name_trgm": "people_organizationalias",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index, table in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (name gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_web_addresses_are_http")]
    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
