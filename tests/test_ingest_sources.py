"""The webhook (POST /ingest/<source>/ with a bearer token), the drop folder, and the same
release from two sources linked as a duplicate instead of created twice."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from stories.ingest.models import IngestedItem, IngestSource, SourceKind
from stories.models import Story
from tests import feed_server
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

RELEASE = """Harbour dues frozen for small fishing boats

Webp harbourdues2026
Ada Quill, Spokesperson for the Ministry of Harbours | Official Website

Harbour dues frozen for small fishing boats

ORGANIZATIONS IN THIS STORY

The Ministry of Harbours will keep the dues paid by boats under twelve metres at this year's
level until the end of next year, after talks with the Coastal Survey Agency.

Owners who paid the higher rate in October will have the difference returned by the end of
January, the ministry said, and no form has to be filled in to receive it.

ORGANIZATIONS IN THIS STORY
"""

NINJS = {
    "uri": "https://partner.example.org/items/7781",
    "headlines": [{"role": "main", "value": "Lighthouse keepers return to Cape Morrow"}],
    "bodies": [
        {
            "role": "main",
            "contentType": "text/html",
            "value": "<p>The Coastal Survey Agency will staff the Cape Morrow light again from "
            "March, forty years after it was automated.</p><p>Three keepers will live on site "
            "and run a visitor centre with the Ministry of Harbours.</p>",
        }
    ],
}


@pytest.fixture
def registry():
    return [
        OrganizationFactory(name="Ministry of Harbours", slug="ministry-of-harbours"),
        OrganizationFactory(name="Coastal Survey Agency", slug="coastal-survey-agency"),
    ]


@pytest.fixture
def webhook(registry):
    source = IngestSource(
        name="Partner wire", slug="partner-wire", kind=SourceKind.WEBHOOK, organization=registry[1]
    )
    token = source.issue_token()
    source.save()
    return source, token


def post(client, token, body, content_type="text/plain; charset=utf-8", slug="partner-wire"):
    return client.post(
        f"/ingest/{slug}/", body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def test_webhook_plain_text_release_becomes_a_draft_once(client, webhook):
    _, token = webhook
    response = post(client, token, RELEASE.encode())
    assert response.status_code == 201
    report = response.json()
    assert (report["created"], report["errors"]) == (1, [])
    [story] = report["stories"]
    assert story["headline"] == "Harbour dues frozen for small fishing boats"
    assert story["status"] == "draft"
    assert set(story["organizations"]) == {"Ministry of Harbours", "Coastal Survey Agency"}

    again = post(client, token, RELEASE.encode())
    assert again.status_code == 200 and again.json()["created"] == 0
    assert Story.objects.count() == 1
    source = IngestSource.objects.get(slug="partner-wire")
    assert (source.last_seen, source.last_created) == (1, 0)


def test_webhook_ninjs_from_another_system(client, webhook):
    _, token = webhook
    response = post(client, token, json.dumps(NINJS), content_type="application/json")
    assert response.status_code == 201
    story = Story.objects.get()
    assert story.headline == "Lighthouse keepers return to Cape Morrow"
    assert story.paragraphs[1].startswith("Three keepers will live on site")
    assert story.source_url == NINJS["uri"]
    assert [o.name for o in story.organizations.all()][0] == "Coastal Survey Agency"


@pytest.mark.parametrize("authorization", ["Bearer wrong", "", "Basic abc"])
def test_webhook_refuses_a_wrong_token(client, webhook, authorization):
    response = client.post(
        "/ingest/partner-wire/", RELEASE, content_type="text/plain",
        HTTP_AUTHORIZATION=authorization,
    )  # fmt: skip
    assert response.status_code == 403
    assert not Story.objects.exists()


def test_webhook_refuses_other_sources_and_methods(client, webhook, registry):
    _, token = webhook
    IngestSource.objects.create(name="Feed", slug="feed", url="http://127.0.0.1:9/feed.xml")
    assert post(client, token, RELEASE, slug="feed").status_code == 403
    assert client.get("/ingest/partner-wire/").status_code == 405
    assert post(client, token, RELEASE, slug="nobody").status_code == 403


def test_webhook_is_csrf_exempt_and_size_limited(webhook):
    from django.test import Client

    _, token = webhook
    csrf_client = Client(enforce_csrf_checks=True)
    assert post(csrf_client, token, RELEASE.encode()).status_code == 201
    huge = RELEASE.encode() + b"More text. " * 120_000
    response = post(csrf_client, token, huge)
    assert response.status_code == 413
    assert "at most 1024 KB" in response.json()["error"]


def test_webhook_refuses_what_it_cannot_read_and_writes_nothing(client, webhook):
    _, token = webhook
    response = post(client, token, b"{not json", content_type="application/json")
    assert response.status_code == 400
    assert "expected a ninjs document" in response.json()["error"]
    response = post(client, token, json.dumps({"headlines": []}), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == (
        "partner-wire webhook, line 1: expected a ninjs document with a uri (the one required "
        "field)"
    )
    assert not Story.objects.exists()


def test_drop_folder_ingests_files_and_moves_them(tmp_path, registry):
    (tmp_path / "harbour.txt").write_text(RELEASE)
    (tmp_path / "lighthouse.json").write_text(json.dumps(NINJS, indent=2))
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "notes.doc").write_text("not for us")
    IngestSource.objects.create(
        name="Drop", slug="drop", kind=SourceKind.FOLDER, folder=str(tmp_path)
    )
    out = StringIO()
    call_command("ingest", "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert (report["seen"], report["created"]) == (3, 2)
    assert len(report["errors"]) == 1 and "broken.txt" in report["errors"][0]
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [
        "harbour.txt", "lighthouse.json"
    ]  # fmt: skip
    assert [p.name for p in (tmp_path / "refused").iterdir()] == ["broken.txt"]
    assert (tmp_path / "notes.doc").exists()
    assert Story.objects.count() == 2


def test_a_missing_folder_is_an_error_on_the_source(tmp_path):
    IngestSource.objects.create(
        name="Drop", slug="drop", kind=SourceKind.FOLDER, folder=str(tmp_path / "absent")
    )
    call_command("ingest", stdout=StringIO(), stderr=StringIO())
    assert IngestSource.objects.get().last_errors == [
        f"{tmp_path / 'absent'}: not a folder on this server"
    ]


def test_the_same_release_from_two_sources_is_linked_not_created_twice(client, webhook, registry):
    """One feed carries the release; a partner then posts it again with a line of its own."""
    state = feed_server.FeedServer()
    httpd = feed_server.start(state)
    try:
        paragraphs = RELEASE.split("ORGANIZATIONS IN THIS STORY")[1].strip().split("\n\n")
        html = "".join(f"<p>{p}</p>" for p in paragraphs)
        state.routes["/feed.xml"] = feed_server.Route(
            feed_server.rss([{
                "guid": "harbour-dues", "title": "Harbour dues frozen for small fishing boats",
                "link": "https://harbours.example.org/dues", "content": html,
            }])
        )  # fmt: skip
        out = StringIO()
        call_command("ingest", "--feed", state.url("/feed.xml"), "--once", "--json", stdout=out)
        assert json.loads(out.getvalue())["created"] == 1
    finally:
        httpd.shutdown()
        httpd.server_close()
    original = Story.objects.get()

    _, token = webhook
    reposted = RELEASE.replace(
        "no form has to be filled in to receive it.",
        "no form has to be filled in to receive it. (Sent by the partner wire.)",
    )
    report = post(client, token, reposted.encode()).json()
    assert (report["created"], report["duplicates"]) == (0, 1)
    assert Story.objects.count() == 1
    item = IngestedItem.objects.get(source__slug="partner-wire")
    assert item.duplicate_of == original and item.story is None
    assert item.similarity >= 0.8

    # A different release from the same partner is not a duplicate.
    other = (
        RELEASE.replace("Harbour dues frozen", "Ferry timetable changes")
        .replace("dues paid by boats", "ferries that sail at night")
        .split("ORGANIZATIONS IN THIS STORY")
    )
    other[1] = "\n\nThe night ferries to the islands will sail an hour later from Monday.\n\n"
    assert post(client, token, "ORGANIZATIONS IN THIS STORY".join(other)).json()["created"] == 1
    assert Story.objects.count() == 2


def test_duplicates_are_shown_to_the_editor(editor_client, webhook):
    """The item list in the admin says which story an item repeats."""
    _, token = webhook
    source = IngestSource.objects.create(name="Second wire", slug="second", kind=SourceKind.WEBHOOK)
    second = source.issue_token()
    source.save()
    post(editor_client, token, RELEASE)
    post(editor_client, second, RELEASE, slug="second")
    response = editor_client.get("/admin/stories/ingesteditem/?duplicate=yes")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Second wire" in content
    assert "Harbour dues frozen for small fishing boats" in content
