"""Give a usable slug to any story, organization or person whose slug no URL can hold.

Before the ninjs importer checked them, a document could store a slug such as "bad slug!", and
every page linking to that row then failed. New slugs are made from the row's name.
"""

import re

from django.db import migrations
from django.utils.text import slugify

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def repair(apps, schema_editor):
    for app, model, text_field in (
        ("stories", "Story", "headline"),
        ("people", "Organization", "name"),
        ("people", "Person", "full_name"),
    ):
        Model = apps.get_model(app, model)
        max_length = Model._meta.get_field("slug").max_length
        for row in Model.objects.only("pk", "slug", text_field).iterator():
            if SLUG.fullmatch(row.slug or "") and len(row.slug) <= max_length:
                continue
            base = (slugify(getattr(row, text_field)) or "item")[: max_length - 12].strip("-")
            slug, n = base or "item", 2
            while Model.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            Model.objects.filter(pk=row.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0009_export_permission"),
        ("people", "0002_registry_stamp"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
