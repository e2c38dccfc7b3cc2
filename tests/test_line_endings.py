"""Line endings: a browser posts a textarea's text with CRLF; stored text always uses "\n".

A save without edits must change nothing (no revision, no "Updated", no version bump), and a
story's paragraphs must survive any number of saves.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from stories.models import Story
from tests.admin_forms import form_data, inline_data
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

THREE_PARAGRAPHS = "First, the news.\n\nSecond, a quote.\n\nThird, the background."


def posted_as_a_browser(editor_client, story, **changes):
    """The change form's values as a browser posts them: textarea text with CRLF endings."""
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = editor_client.get(url)
    data = {**form_data(page.context["adminform"].form), **inline_data(page)}
    data.update(changes)
    for name in ("body", "dek"):
        data[name] = data.get(name, "").replace("\n", "\r\n")
    return editor_client.post(url, data)


def test_a_save_without_edits_changes_nothing(editor_client):
    story = StoryFactory(
        published=True, body=THREE_PARAGRAPHS, dek="One line.\nAnother.", source_role=None
    )
    story.tags.add("energy")
    before = (story.version, story.updated_at)

    response = posted_as_a_browser(editor_client, story)

    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.version, story.updated_at) == before
    assert story.revised_at is None  # readers see no "Updated"
    assert story.body == THREE_PARAGRAPHS and len(story.paragraphs) == 3
    assert not Version.objects.get_for_object(story).exists()
    history = editor_client.get(reverse("admin:stories_story_history", args=[story.pk]))
    assert "Changed" not in history.content.decode()
    page = editor_client.get(story.get_absolute_url()).content.decode()
    assert "Updated" not in page and page.count("<p>Second, a quote.</p>") == 1


def test_an_edit_posted_with_crlf_is_stored_with_lf(editor_client):
    story = StoryFactory(body=THREE_PARAGRAPHS, source_role=None)
    edited = THREE_PARAGRAPHS + "\n\nFourth, a correction."

    posted_as_a_browser(editor_client, story, body=edited)

    story.refresh_from_db()
    assert "\r" not in story.body
    assert story.paragraphs[-1] == "Fourth, a correction." and len(story.paragraphs) == 4
    assert story.version == 2


def test_the_model_normalizes_text_written_by_any_path():
    story = StoryFactory(body="One.\r\n\r\nTwo.\rThree.", image_caption="A\r\ncaption")
    story.refresh_from_db()
    assert story.body == "One.\n\nTwo.\nThree." and story.image_caption == "A\ncaption"
    assert story.paragraphs == ["One.", "Two.\nThree."]


def test_paragraphs_split_a_body_saved_with_crlf_before_the_fix():
    story = StoryFactory()
    Story.objects.filter(pk=story.pk).update(body="One.\r\n\r\nTwo.\r\n\r\nThree.")
    story.refresh_from_db()
    assert story.paragraphs == ["One.", "Two.", "Three."]


def test_the_data_migration_repairs_stories_saved_with_crlf():
    damaged = StoryFactory(published=True)
    clean = StoryFactory(body="Untouched.\n\nStill.")
    Story.objects.filter(pk=damaged.pk).update(
        body="One.\r\n\r\nTwo.\r\rThree.", dek="A\r\ndek", image_caption="A\rcaption"
    )
    clean_updated = Story.objects.get(pk=clean.pk).updated_at
    migration = importlib.import_module("stories.migrations.0010_normalize_line_endings")

    migration.normalize_line_endings(apps, None)

    damaged.refresh_from_db()
    assert damaged.body == "One.\n\nTwo.\n\nThree." and damaged.paragraphs[2] == "Three."
    assert (damaged.dek, damaged.image_caption) == ("A\ndek", "A\ncaption")
    assert Story.objects.get(pk=clean.pk).updated_at == clean_updated
    assert damaged.published_at <= timezone.now()


def test_importers_store_lf_whatever_the_file_used(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    release = (
        "Harbor authority opens a new ferry terminal\r\n\r\n"
        "The harbor authority said the terminal opens on Monday.\r\n\r\n"
        "Ferries will leave every twenty minutes.\r\n"
    )
    (tmp_path / "ferry.txt").write_bytes(release.encode())
    call_command("import_stories", str(tmp_path / "ferry.txt"), stdout=StringIO())
    story = Story.objects.get(headline="Harbor authority opens a new ferry terminal")
    assert "\r" not in story.body and len(story.paragraphs) == 2

    ninjs = tmp_path / "story.ndjson"
    call_command("export_stories", "--format", "ndjson", "--status", "all",
                 "--output", str(ninjs), stderr=StringIO())  # fmt: skip
    ninjs.write_text(ninjs.read_text().replace("\\n", "\\r\\n"))
    Story.objects.all().delete()
    call_command("import_stories", "--format", "ninjs", str(ninjs), stdout=StringIO())
    restored = Story.objects.get()
    assert "\r" not in restored.body and len(restored.paragraphs) == 2
