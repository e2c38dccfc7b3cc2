"""The issue's check, as written: a source pointed at a feed served locally with 50 items whose
pages are realistic releases naming organizations of the starter registry → 50 drafts with
organizations suggested, once; the same feed again → nothing new; 5 items changed and 5 new →
5 updated, 5 created, shown in the admin as the source's last run; garbage (an HTML page,
truncated XML, a 500, a timeout, a redirect loop) → the error on the source, nothing else
touched, and the worker's task ends normally."""

import json
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from lxml import html

from people.models import Organization
from stories.ingest.models import IngestedItem, IngestSource
from stories.ingest.tasks import ingest_source
from stories.models import Origin, Story, StoryOrganization, StoryStatus
from tests import feed_server
from tests.feed_server import serve_releases as serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    state = feed_server.FeedServer()
    httpd = feed_server.start(state)
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def starter(starter_registry_loaded):
    """The starter registry, loaded once for the module."""


def ingest(*args) -> dict:
    out = StringIO()
    call_command("ingest", *args, "--once", "--json", stdout=out)
    return json.loads(out.getvalue())


def snapshot() -> list:
    stories = Story.objects.order_by("pk").values_list("pk", "headline", "body", "version")
    links = StoryOrganization.objects.order_by("pk").values_list("pk", "story_id", "position")
    items = IngestedItem.objects.order_by("pk").values_list("pk", "content_hash", "story_id")
    return [list(stories), list(links), list(items)]


def test_fifty_realistic_releases_then_changes_then_garbage(
    server, starter, editor_client, settings
):
    speaks_for = Organization.objects.get(name="Department of State")
    releases = serve(server, range(50))
    url = server.url("/news/rss.xml")

    started = time.perf_counter()
    first = ingest("--feed", url, "--name", "Agency news", "--organization", speaks_for.slug)
    elapsed = time.perf_counter() - started
    print(f"\n50 realistic releases, feed to drafts (pages fetched): {elapsed:.2f} s")  # noqa: T201

    assert (first["seen"], first["created"], first["updated"], first["duplicates"]) == (
        50, 50, 0, 0
    )  # fmt: skip
    assert first["errors"] == []
    assert Story.objects.filter(status=StoryStatus.DRAFT).count() == 50
    for n, reported in enumerate(first["stories"]):
        assert reported["headline"] == releases[n]["headline"]
        assert reported["organizations"][0] == "Department of State"
        assert releases[n]["expected"] <= set(reported["organizations"]), reported
    assert not StoryOrganization.objects.exclude(origin=Origin.INGESTED).exists()

    # Again: nothing new, nothing changed.
    again = ingest("--feed", url)
    assert (again["seen"], again["created"], again["updated"], again["unchanged"]) == (
        50, 0, 0, 50
    )  # fmt: skip
    assert Story.objects.count() == 50

    # Five changed, five new.
    changed = frozenset({4, 17, 23, 38, 49})
    releases = serve(server, range(55), changed=changed)
    third = ingest("--feed", url)
    assert (third["seen"], third["created"], third["updated"], third["duplicates"]) == (
        55, 5, 5, 0
    )  # fmt: skip
    assert third["errors"] == []
    assert Story.objects.count() == 55
    assert {s["headline"] for s in third["stories"]} == {
        releases[n]["headline"] for n in (*changed, 50, 51, 52, 53, 54)
    }
    assert Story.objects.get(headline=releases[23]["headline"]).body.endswith(
        "The deadline was extended by two weeks."
    )

    source = IngestSource.objects.get(name="Agency news")
    page = editor_client.get(reverse("admin:stories_ingestsource_change", args=[source.pk]))
    last_run = {
        " ".join(row.xpath(".//label")[0].text_content().split()).rstrip(":"): " ".join(
            row.xpath(".//div[@class='readonly']")[0].text_content().split()
        )
        for row in html.fromstring(page.content.decode()).xpath(
            "//fieldset[.//h2[text()='Last run']]//div[contains(@class, 'form-row')]"
        )
    }
    assert {k: last_run[k] for k in ("Last seen", "Last created", "Last updated")} == {
        "Last seen": "55", "Last created": "5", "Last updated": "5",
    }  # fmt: skip
    assert last_run["Errors of the last run"] == "None", last_run

    # Garbage: the error on the source, nothing else touched, the worker's task ends normally.
    before = snapshot()
    feed = feed_server.rss([{"guid": "g", "title": "t", "link": "l", "summary": "s"}] * 3)
    garbage = {
        "an HTML page": (
            feed_server.Route(feed_server.page("Our news", ["Read our news."]),
                              content_type="text/html"),
            "not an RSS or Atom feed",
        ),
        "truncated XML": (
            feed_server.Route(server.routes["/news/rss.xml"].body[:-900]),
            "the feed is cut off before its end",
        ),
        "a 500": (feed_server.Route(b"oops", status=500, content_type="text/plain"), "HTTP 500"),
        "a timeout": (feed_server.Route(feed, delay=2), "no answer within 0.5 s"),
        "a redirect loop": (
            feed_server.Route(status=302, location="/news/rss.xml"), "too many redirects"
        ),
    }  # fmt: skip
    settings.INGEST_TIMEOUT_SECONDS = 0.5
    for what, (route, expected) in garbage.items():
        server.routes["/news/rss.xml"] = route
        IngestSource.objects.filter(pk=source.pk).update(next_run_at=None)
        queued = ingest_source.enqueue(source.pk)
        result = DBTaskResult.objects.get(id=queued.id)
        result.claim("test-worker")
        result.set_successful(ingest_source.call(source.pk))  # raises if the run crashed
        outcome = result.return_value
        assert (outcome["seen"], outcome["created"], outcome["updated"]) == (0, 0, 0), what
        [error] = outcome["errors"]
        assert expected in error, (what, error)
        source.refresh_from_db()
        assert source.last_errors == [error] and source.claimed_until is None, what
        assert snapshot() == before, what

    # The feed comes back whole: nothing new, the source's errors cleared.
    releases = serve(server, range(55), changed=changed)
    IngestSource.objects.filter(pk=source.pk).update(next_run_at=None)
    report = ingest("--feed", url)
    assert (report["created"], report["updated"], report["errors"]) == (0, 0, [])
    assert snapshot() == before
