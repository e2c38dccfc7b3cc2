"""Editors and Reporters confirm and correct the quotes of the stories they edit."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = ["change_storyquote", "view_storyquote"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ("Editor", "Reporter"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="stories", codename__in=GRANTS)
        )


class Migration(migrations.Migration):
    dependencies = [("stories", "0017_story_quotes")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
