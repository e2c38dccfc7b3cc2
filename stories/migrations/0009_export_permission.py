"""Editors may export stories."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    config = apps.get_app_config("stories")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="stories", codename="export_story")
    for group in Group.objects.filter(name="Editor"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("stories", "0008_export_tokens")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
