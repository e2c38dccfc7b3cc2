"""Repair stories saved through the admin before line endings were normalized.

Browsers post textarea text with CRLF; those saves stored "\r\n\r\n" between paragraphs, which
the story page and the exports then showed as one paragraph. Rewrite every text field with "\n".
"""

from django.db import migrations
from django.db.models import Q

TEXT_FIELDS = (
    "headline", "dek", "body", "image_alt", "image_credit", "image_caption",
    "source_attribution", "source_label", "review_note",
)  # fmt: skip


def normalize_line_endings(apps, schema_editor):
    Story = apps.get_model("stories", "Story")
    damaged = Q()
    for name in TEXT_FIELDS:
        damaged |= Q(**{f"{name}__contains": "\r"})
    for story in Story.objects.filter(damaged).only("pk", *TEXT_FIELDS).iterator(chunk_size=200):
        repaired = {
            name: getattr(story, name).replace("\r\n", "\n").replace("\r", "\n")
            for name in TEXT_FIELDS
            if "\r" in getattr(story, name)
        }
        # update(): no auto_now, so the repair is not an edit readers or editors would see.
        Story.objects.filter(pk=story.pk).update(**repaired)


class Migration(migrations.Migration):
    dependencies = [("stories", "0009_export_permission")]

    operations = [migrations.RunPython(normalize_line_endings, migrations.RunPython.noop)]
