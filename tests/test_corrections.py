"""Corrections and update notes: added by an editor on the story form, shown to readers on the
page, in structured data, feeds and exports, listed on /corrections/, retracted never deleted."""

import json
from datetime import timedelta
from io import StringIO

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.corrections import add_correction
from stories.models import Correction, CorrectionKind, Story
from tests.admin_forms import form_data, inline_data
from tests.factories import StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db

WRONG = "An earlier version of this story misstated the grant's amount: it is $40 million."


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def reporter(django_user_model):
    user = django_user_model.objects.create_user("cub", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Reporter"))
    return user


def published_story(**kwargs):
    story = StoryFactory(
        published=True,
        published_at=timezone.now() - timedelta(hours=2),
        body="The grant is $14 million.\n\nIt opens in May.",
        **kwargs,
    )
    StoryOrganizationFactory(story=story)
    return story


def save_story_form(client, story, **changes):
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = client.get(url)
    data = {**form_data(page.context["adminform"].form), **inline_data(page), **changes}
    data["_continue"] = "1"
    return client.post(url, data)


def json_ld(response) -> dict:
    tree = html.fromstring(response.content)
    [article] = [
        json.loads(s.text)
        for s in tree.xpath('//script[@type="application/ld+json"]')
        if json.loads(s.text)["@type"] == "NewsArticle"
    ]
    return article


def test_an_editor_corrects_a_published_story_and_readers_see_it_everywhere(
    client, editor, tmp_path
):
    story = published_story(headline="Grants for rural utilities")
    client.force_login(editor)
    response = save_story_form(
        client, story, **{"corrections-0-kind": "correction", "corrections-0-text": WRONG}
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    correction = Correction.objects.get(story=story)
    story.refresh_from_db()
    assert story.revised_at == correction.published_at
    assert correction.revision is not None
    assert correction.created_by == editor

    client.logout()
    page = client.get(story.get_absolute_url())
    tree = html.fromstring(page.content)
    [box] = tree.xpath('//section[contains(@class, "corrections-above")]')
    assert "misstated the grant" in box.text_content()
    # Above the body: the box comes before the first paragraph of the text.
    body = tree.xpath('//div[@class="body"]')[0]
    assert list(tree.iter()).index(box) < list(tree.iter()).index(body)
    article = json_ld(page)
    assert article["correction"] == [
        {"@type": "CorrectionComment", "text": WRONG,
         "datePublished": article["dateModified"]}
    ]  # fmt: skip
    assert article["dateModified"] != article["datePublished"]

    atom = feedparser.parse(client.get("/feeds/latest.atom").content)
    assert atom.entries[0].updated_parsed != atom.entries[0].published_parsed
    jsonfeed = client.get("/feeds/latest.json").json()
    assert jsonfeed["items"][0]["date_modified"] == article["dateModified"]

    listing = client.get(reverse("stories:corrections"))
    assert WRONG.replace("'", "&#x27;") in listing.content.decode()
    feed = feedparser.parse(client.get("/feeds/corrections.rss").content)
    assert not feed.bozo
    assert feed.entries[0].title == "Correction: Grants for rural utilities"
    assert feed.entries[0].link.endswith(f"#correction-{correction.pk}")

    path = tmp_path / "export.ndjson"
    call_command("export_stories", "--format", "ndjson", "--output", str(path), stdout=StringIO())
    document = json.loads(path.read_text().splitlines()[0])
    [note] = [d for d in document["descriptions"] if d["role"] == "correction"]
    assert note["value"].endswith(WRONG)


def test_an_update_note_goes_below_the_body(client, editor):
    story = published_story()
    add_correction(story, kind=CorrectionKind.UPDATE, text="The deadline moved to June.", by=editor)
    tree = html.fromstring(client.get(story.get_absolute_url()).content)
    [box] = tree.xpath('//section[contains(@class, "corrections-below")]')
    body = tree.xpath('//div[@class="body"]')[0]
    assert list(tree.iter()).index(body) < list(tree.iter()).index(box)
    assert "deadline moved" in box.text_content()


def test_a_typo_fix_keeps_date_modified_unless_the_editor_says_so(client, editor):
    story = published_story()
    client.force_login(editor)
    typo = save_story_form(client, story, body="The grant is $14 million.\n\nIt opens in May!")
    assert typo.status_code == 302
    story.refresh_from_db()
    assert story.revised_at is None
    marked = save_story_form(client, story, body="The grant is $14 million.\n\nIt opens on May 1.",
                             mark_updated="on")  # fmt: skip
    assert marked.status_code == 302
    story.refresh_from_db()
    assert story.revised_at is not None


def test_reporters_cannot_add_notes(client, reporter):
    story = published_story()
    with pytest.raises(PermissionDenied):
        add_correction(story, kind="correction", text="No.", by=reporter)
    client.force_login(reporter)
    page = client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert b"corrections-0-text" not in page.content
    assert not Correction.objects.exists()


def test_a_note_is_retracted_with_a_reason_never_deleted(client, editor):
    story = published_story()
    correction = add_correction(story, kind="clarification", text="It is a loan.", by=editor)
    client.force_login(editor)
    url = reverse("admin:stories_correction_change", args=[correction.pk])
    assert client.post(url, {"retraction_note": ""}).status_code == 200  # re-shown: say why
    assert client.post(url, {"retraction_note": "It is a grant after all."}).status_code == 302
    correction.refresh_from_db()
    assert correction.is_retracted
    delete = reverse("admin:stories_correction_delete", args=[correction.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Correction.objects.filter(pk=correction.pk).exists()
    client.logout()
    page = client.get(story.get_absolute_url()).content.decode()
    assert "retracted" in page and "It is a grant after all." in page
    assert "correction" not in json_ld(client.get(story.get_absolute_url()))


def test_notes_survive_the_ninjs_round_trip(tmp_path, editor):
    story = published_story()
    add_correction(story, kind="correction", text="Wrong date: it was Tuesday.", by=editor)
    retracted = add_correction(story, kind="update", text="A second round.", by=editor)
    from stories.corrections import retract_correction

    retract_correction(retracted, note="Announced too early.", by=editor)
    path = tmp_path / "backup.ndjson"
    call_command("export_stories", "--format", "ndjson", "--output", str(path), stdout=StringIO())
    Correction.objects.all().delete()
    Story.objects.all().delete()
    call_command("import_stories", "--format", "ninjs", str(path), stdout=StringIO())
    again = tmp_path / "again.ndjson"
    call_command("export_stories", "--format", "ndjson", "--output", str(again), stdout=StringIO())
    assert again.read_text() == path.read_text()
    assert Correction.objects.get(kind="update").retraction_note == "Announced too early."


def test_the_story_form_lists_the_notes_already_made(client, editor):
    story = published_story()
    add_correction(story, kind=CorrectionKind.CORRECTION, text=WRONG, by=editor)
    client.force_login(editor)
    page = client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert page.status_code == 200
    tree = html.fromstring(page.content)
    # the saved note, read-only, above the blank one
    assert WRONG in tree.xpath("string(//*[contains(@class, 'corrections')])")
    assert tree.xpath("//input[@name='corrections-INITIAL_FORMS']/@value") == ["1"]
