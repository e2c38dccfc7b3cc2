"""A GIN index on the search vector, on PostgreSQL (SQLite searches without one)."""

from django.db import migrations

INDEX = "stories_story_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON stories_story USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("stories", "0005_search_vector")]
    operations = [migrations.RunPython(create_index, drop_index)]
