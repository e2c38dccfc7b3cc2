"""The two newsroom groups and what they may do. Superusers may do everything anyway."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LINKS = [f"{action}_{model}" for action in ("add", "change", "delete", "view")
         for model in ("storyorganization", "storyperson")]  # fmt: skip
REPORTER = {
    "stories": ["add_story", "change_story", "view_story", *LINKS],
    "people": ["view_organization", "view_organizationalias", "view_person", "view_role",
               "add_person", "add_role"],
    "taggit": ["view_tag", "add_tag"],
}  # fmt: skip
EDITOR = {
    "stories": ["add_story", "change_story", "delete_story", "view_story", "publish_story",
                "review_story", *LINKS],
    "people": [f"{action}_{model}" for action in ("add", "change", "delete", "view")
               for model in ("organization", "organizationalias", "person", "role")],
    "taggit": ["add_tag", "change_tag", "delete_tag", "view_tag"],
}  # fmt: skip


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in (("Reporter", REPORTER), ("Editor", EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in grants.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Reporter", "Editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_editorial_workflow"),
        ("people", "0002_registry_stamp"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
