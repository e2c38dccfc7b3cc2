"""The same release from two sources, as the editor sees it: the story form says which other
source sent it (with links), the story list marks and filters such stories, and an editor
who finds it is not the same release dismisses the link, after which that source's item
becomes a story of its own."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from lxml import html

from stories.ingest.ingesting import run_source
from stories.ingest.models import IngestedItem, IngestSource
from stories.models import Story
from tests import feed_server
from tests.factories import OrganizationFactory, StoryFactory
from tests.test_ingest import feed_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    state = feed_server.FeedServer()
    httpd = feed_server.start(state)
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def copied(server):
    """The ministry's feed and a wire that carries the same two releases under its own GUIDs."""
    OrganizationFactory(name="Ministry of Harbours")
    OrganizationFactory(name="Coastal Survey Agency")
    body = feed_server.rss(feed_items(server, 2))
    server.routes["/ministry.xml"] = feed_server.Route(body, etag='"m1"')
    server.routes["/wire.xml"] = feed_server.Route(
        body.replace(b"urn:release:", b"urn:wire:"), etag='"w1"'
    )
    ministry = IngestSource.objects.create(
        name="Ministry", slug="ministry", url=server.url("/ministry.xml")
    )
    wire = IngestSource.objects.create(
        name="Harbour Wire", slug="wire", url=server.url("/wire.xml")
    )
    assert run_source(ministry).created == 2
    assert run_source(wire).duplicates == 2
    return ministry, wire


def member(django_user_model, group: str) -> Client:
    user = django_user_model.objects.create_user(group.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def test_the_story_form_names_the_other_source_with_links(copied, django_user_model):
    _, wire = copied
    story = Story.objects.get(headline="Release 0: harbour works")
    item = IngestedItem.objects.get(source=wire, key="urn:wire:0")
    editor = member(django_user_model, "Editor")

    page = editor.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    notice = html.fromstring(page).get_element_by_id("duplicates")
    text = " ".join(notice.text_content().split())
    assert "The same release also arrived from another source" in text
    assert "“Release 0: harbour works” from Harbour Wire, 100% the same text" in text
    links = {a.text_content(): a.get("href") for a in notice.iter("a")}
    assert links["the original"] == item.url
    assert links["the ingested item"] == reverse(
        "admin:stories_ingesteditem_change", args=[item.pk]
    )
    assert notice.xpath(".//button[@name='item']/@value") == [str(item.pk)]

    # A story nobody else sent has no notice.
    alone = StoryFactory(headline="Only here")
    page = editor.get(reverse("admin:stories_story_change", args=[alone.pk])).content.decode()
    assert 'id="duplicates"' not in page


def test_the_story_list_marks_and_filters_stories_with_copies(copied, django_user_model):
    StoryFactory(headline="Only here")
    editor = member(django_user_model, "Editor")
    changelist = reverse("admin:stories_story_changelist")

    page = html.fromstring(editor.get(changelist, {"copies": "yes"}).content.decode())
    assert headlines(page) == {"Release 0: harbour works", "Release 1: harbour works"}
    markers = page.xpath("//td[@class='field-copies']/a[@class='copies']")
    assert [marker.text_content() for marker in markers] == ["1 ⧉"] * 2

    page = html.fromstring(editor.get(changelist, {"copies": "no"}).content.decode())
    assert headlines(page) == {"Only here"}


def headlines(page) -> set[str]:
    return {a.text_content() for a in page.xpath("//th[@class='field-headline']/a")}


def test_dismissing_the_link_makes_the_copy_a_story_of_its_own(copied, django_user_model):
    _, wire = copied
    story = Story.objects.get(headline="Release 1: harbour works")
    item = IngestedItem.objects.get(source=wire, key="urn:wire:1")
    editor = member(django_user_model, "Editor")
    dismiss = reverse("admin:stories_story_dismiss_duplicate", args=[story.pk])

    response = editor.post(dismiss, {"item": item.pk}, follow=True)
    page = response.content.decode()
    assert "is no longer linked to this story; it becomes a story of its own at its feed" in page
    assert 'id="duplicates"' not in page
    item.refresh_from_db()
    assert item.duplicate_of is None and item.story is None

    # The wire's next run reads the feed in full (no 304) and makes the copy its own story;
    # the other copy stays linked.
    report = run_source(IngestSource.objects.get(pk=wire.pk))
    assert (report.created, report.duplicates) == (1, 1)
    item.refresh_from_db()
    assert item.story is not None and item.story != story
    assert Story.objects.filter(headline="Release 1: harbour works").count() == 2

    # Dismissing again (a second tab) changes nothing.
    response = editor.post(dismiss, {"item": item.pk}, follow=True)
    assert "That link was dismissed already." in response.content.decode()


def test_who_may_not_edit_the_story_may_not_dismiss(copied, django_user_model):
    _, wire = copied
    story = Story.objects.get(headline="Release 0: harbour works")
    item = IngestedItem.objects.get(source=wire, key="urn:wire:0")
    reporter = member(django_user_model, "Reporter")  # not their story
    dismiss = reverse("admin:stories_story_dismiss_duplicate", args=[story.pk])
    assert reporter.post(dismiss, {"item": item.pk}).status_code == 403
    page = reporter.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    assert 'id="duplicates"' in page and 'name="item"' not in page  # seen, not dismissable
    item.refresh_from_db()
    assert item.duplicate_of == story
