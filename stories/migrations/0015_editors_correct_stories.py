"""Editors add, retract and see corrections; Reporters see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = ["add_correction", "change_correction", "view_correction"]
REPORTER = ["view_correction"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editor", EDITOR), ("Reporter", REPORTER)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("stories", "0014_corrections")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
