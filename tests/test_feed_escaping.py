"""Plain text in feeds is escaped as each format demands: RSS <description> and Atom
<summary type="html"> are HTML, so a `<script>` typed in a dek or a first paragraph (or in an
organization's name, for the channel description) must arrive there as text, never as markup."""

import html
import io
import json
import sys
from io import StringIO

import feedparser
import pytest
from django.core.management import call_command
from lxml import etree

from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert("dek")</script> & <img src=x onerror=alert(1)>'
HOSTILE_NAME = "<script>alert('org')</script> Agency"


@pytest.fixture
def hostile_story():
    organization = OrganizationFactory(name=HOSTILE_NAME, slug="hostile-agency")
    person = PersonFactory(full_name="Jane Roe", slug="jane-roe")
    story = StoryFactory(
        published=True, headline="A plain headline", dek=HOSTILE,
        source_role=RoleFactory(person=person, organization=organization),
    )  # fmt: skip
    StoryOrganizationFactory(story=story, organization=organization)
    story.tags.add("diplomacy")
    no_dek = StoryFactory(published=True, headline="Another", dek="", body=f"{HOSTILE}\n\nTwo.")
    no_dek.tags.add("diplomacy")
    return story


def as_html_text(fragment: str) -> str:
    """What a feed reader shows for an HTML fragment: no element may hide in it."""
    assert "<" not in fragment, f"live markup in an HTML field: {fragment!r}"
    return html.unescape(fragment)


def check_rss(content: bytes, channel_text: str | None = None) -> None:
    channel = etree.fromstring(content).find("channel")
    descriptions = [item.findtext("description") for item in channel.findall("item")]
    assert sorted(as_html_text(d) for d in descriptions) == sorted([HOSTILE, HOSTILE])
    if channel_text:
        assert as_html_text(channel.findtext("description")) == channel_text
    parsed = feedparser.parse(content)
    assert not parsed.bozo
    assert all(html.unescape(entry.summary) == HOSTILE for entry in parsed.entries)


def check_atom(content: bytes, channel_text: str | None = None) -> None:
    root = etree.fromstring(content)
    summaries = root.findall(f"{ATOM}entry/{ATOM}summary")
    assert [s.get("type") for s in summaries] == ["html", "html"]
    assert [as_html_text(s.text) for s in summaries] == [HOSTILE, HOSTILE]
    if channel_text:
        subtitle = root.find(f"{ATOM}subtitle")
        assert subtitle.get("type", "text") == "text" and subtitle.text == channel_text
    parsed = feedparser.parse(content)
    assert not parsed.bozo
    assert all(html.unescape(entry.summary) == HOSTILE for entry in parsed.entries)


def check_json(content: bytes, channel_text: str | None = None) -> None:
    document = json.loads(content)
    items = document["items"]
    # JSON Feed: `summary` is plain text, `content_html` is HTML.
    assert sorted(item["summary"] for item in items) == [HOSTILE, HOSTILE]
    assert all("<script" not in item["content_html"] for item in items)
    if channel_text:
        assert document["description"] == channel_text


CHANNELS = {
    "latest": ("/feeds/latest", None),
    "organization": ("/feeds/organizations/hostile-agency", f"Stories about {HOSTILE_NAME}."),
    "person": ("/feeds/people/jane-roe", None),
    "tag": ("/feeds/tags/diplomacy", None),
}


@pytest.mark.parametrize("listing", list(CHANNELS))
@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_script_in_a_dek_or_first_paragraph_arrives_escaped_in_every_feed(
    client, hostile_story, listing, kind
):
    if listing == "person":  # only the first story quotes Jane Roe: give the second a source too
        second = hostile_story.__class__.objects.exclude(pk=hostile_story.pk).get()
        second.source_role = hostile_story.source_role
        second.save()
    if listing == "organization":
        second = hostile_story.__class__.objects.exclude(pk=hostile_story.pk).get()
        StoryOrganizationFactory(story=second, organization=hostile_story.organizations.get())
    base, channel_text = CHANNELS[listing]
    response = client.get(f"{base}.{kind}")
    assert response.status_code == 200
    {"rss": check_rss, "atom": check_atom, "json": check_json}[kind](response.content, channel_text)


def run_export(*args) -> bytes:
    out = io.BytesIO()

    class Stdout:
        buffer = out

    saved, sys.stdout = sys.stdout, Stdout()
    try:
        call_command("export_stories", *args, stderr=StringIO())
    finally:
        sys.stdout = saved
    return out.getvalue()


@pytest.mark.parametrize("kind", ["rss", "atom", "jsonfeed"])
def test_script_arrives_escaped_in_the_feed_exports(hostile_story, kind):
    check = {"rss": check_rss, "atom": check_atom, "jsonfeed": check_json}[kind]
    check(run_export("--format", kind))
