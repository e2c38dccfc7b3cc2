"""Feeds and exports: standards, streaming, safety, access, and the lossless ninjs round trip."""

import csv
import io
import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import feedparser
import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from stories.exporters import EXPORTERS, Selection, select_stories
from stories.models import ExportToken, Origin, Story, StoryStatus
from tests.conftest import require_shared
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db
STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards"


def archive(n=6):
    """A varied archive: statuses, organizations (kinds, origins), people with titles, tags."""
    agency = OrganizationFactory(name="Agency of Things", kind="agency")
    company = OrganizationFactory(name="Acme = Trading", kind="company")
    rubio = PersonFactory(full_name="Marco Rubio", slug="marco-rubio")
    pigott = PersonFactory(full_name="Thomas Pigott", nickname="Tommy", slug="thomas-pigott")
    spokesperson = RoleFactory(person=pigott, title="Principal Deputy Spokesperson",
                               organization=agency)  # fmt: skip
    secretary = RoleFactory(person=rubio, title="Secretary of State", organization=agency)
    statuses = [StoryStatus.PUBLISHED, StoryStatus.DRAFT, StoryStatus.IN_REVIEW,
                StoryStatus.UNPUBLISHED, StoryStatus.ARCHIVED, StoryStatus.PUBLISHED]  # fmt: skip
    stories = []
    for i in range(n):
        status = statuses[i % len(statuses)]
        story = StoryFactory(
            headline=f"Story {i}: “quotes” & <tags>", slug=f"archive-story-{i}",
            dek="A dek." if i % 2 else "", body=f"Paragraph one of {i}.\n\nParagraph two.",
            status=status, published_at=timezone.now() - timedelta(days=i)
            if status != StoryStatus.DRAFT else None,
            source_role=spokesperson, source_attribution='Thomas "Tommy" Pigott, Spokesperson',
            source_label="Official Website", source_url="https://example.gov/release",
            image_asset_id=f"asset{i}", image_format="webp", image_alt="Alt text",
        )  # fmt: skip
        StoryOrganizationFactory(
            story=story, organization=agency, position=0, origin=Origin.IMPORTED
        )
        StoryOrganizationFactory(story=story, organization=company, position=1, origin=Origin.TYPED)
        StoryPersonFactory(story=story, person=rubio, role=secretary, origin=Origin.SUGGESTED)
        story.tags.add("diplomacy", f"topic {i % 3}")
        stories.append(story)
    return stories


def run_export(*args) -> bytes:
    out = io.BytesIO()

    class Stdout:
        buffer = out

    import sys

    saved = sys.stdout
    sys.stdout = Stdout()
    try:
        call_command("export_stories", *args, stderr=StringIO())
    finally:
        sys.stdout = saved
    return out.getvalue()


def ninjs_validator():
    require_shared(STANDARDS, "the shared standards")
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource

    schema = json.loads((STANDARDS / "ninjs" / "ninjs-schema_3.1.json").read_text())
    geojson = json.loads((STANDARDS / "ninjs" / "GeoJSON-schema.json").read_text())

    def no_network(uri):
        raise NoSuchResource(ref=uri)

    registry = Registry(retrieve=no_network).with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson)
    )
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def test_every_ninjs_document_validates_against_the_schema_with_formats():
    archive()
    validator = ninjs_validator()
    documents = [
        json.loads(line)
        for line in run_export("--format", "ndjson", "--status", "all").splitlines()
    ]
    assert len(documents) == 6
    for document in documents:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == []
    first = next(d for d in documents if d["altIds"][0]["value"] == "archive-story-0")
    assert first["headlines"] == [{"role": "main", "value": "Story 0: “quotes” & <tags>"}]
    assert first["pubStatus"] == "usable"
    assert [o["name"] for o in first["organisations"]] == ["Agency of Things", "Acme = Trading"]
    assert first["organisations"][0]["literal"] == "kind=agency;origin=imported"
    assert first["people"][0]["literal"] == "Secretary of State | Agency of Things"
    assert first["infoSources"][0] == {
        "name": 'Thomas "Tommy" Pigott', "role": "source",
        "uri": "http://testserver/people/thomas-pigott/",
        "literal": "Principal Deputy Spokesperson | Agency of Things",
    }  # fmt: skip
    assert "<p>Paragraph one of 0.</p>" in first["bodies"][1]["value"]
    assert {s["name"] for s in first["subjects"]} == {"diplomacy", "topic 0"}


def test_partner_exports_hold_only_public_stories():
    stories = archive()
    StoryFactory(status=StoryStatus.PUBLISHED, published_at=timezone.now() + timedelta(hours=1),
                 headline="Scheduled, not yet")  # fmt: skip
    lines = run_export("--format", "ndjson").splitlines()
    slugs = {json.loads(line)["altIds"][0]["value"] for line in lines}
    assert slugs == {s.slug for s in stories if s.is_public}


def test_filters():
    stories = archive()
    other = OrganizationFactory(name="Other Office", slug="other-office")
    StoryOrganizationFactory(story=stories[5], organization=other)
    assert run_export("--format", "ndjson", "--organization", "other-office").count(b"\n") == 1
    assert run_export("--format", "ndjson", "--tag", "topic-0").count(b"\n") == 1
    assert run_export("--format", "ndjson", "--person", "marco-rubio").count(b"\n") == 2
    today = timezone.localdate().isoformat()
    assert run_export("--format", "ndjson", "--since", today).count(b"\n") == 1
    assert run_export("--format", "ndjson", "--status", "draft").count(b"\n") == 1
    with pytest.raises(CommandError, match="expected a date"):
        run_export("--format", "ndjson", "--since", "yesterday")
    with pytest.raises(CommandError, match="--status"):
        run_export("--format", "ndjson", "--status", "secret")


def test_csv_has_a_header_and_neutralizes_formulas():
    stories = archive()
    Story.objects.filter(pk=stories[0].pk).update(headline='=HYPERLINK("http://x")', dek="+1")
    text = run_export("--format", "csv", "--status", "all").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6
    row = next(r for r in rows if r["slug"] == "archive-story-0")
    assert row["headline"] == '\'=HYPERLINK("http://x")'
    assert row["dek"] == "'+1"
    assert row["organizations"] == "Agency of Things; Acme = Trading"
    assert row["tags"] == "diplomacy; topic 0"
    assert row["source_title"] == "Principal Deputy Spokesperson"


def test_feed_exports_and_json_feed_schema():
    archive()
    rss = feedparser.parse(run_export("--format", "rss"))
    atom = feedparser.parse(run_export("--format", "atom"))
    for feed in (rss, atom):
        assert not feed.bozo and len(feed.entries) == 2
        assert "<p>Paragraph one of" in feed.entries[0].content[0].value
    document = json.loads(run_export("--format", "jsonfeed"))
    assert len(document["items"]) == 2
    validate_jsonfeed(document)


def validate_jsonfeed(document):
    require_shared(STANDARDS, "the shared standards")
    from jsonschema import FormatChecker, validators

    schema = json.loads((STANDARDS / "jsonfeed" / "schema-v1.1.json").read_text())
    validator = validators.validator_for(schema)(schema, format_checker=FormatChecker())
    assert [e.message for e in validator.iter_errors(document)] == []


@pytest.mark.parametrize("path", ["/feeds/latest.json", "/feeds/organizations/{org}.json"])
def test_json_feeds_validate(client, path):
    stories = archive()
    organization = stories[0].organizations.first()
    response = client.get(path.format(org=organization.slug))
    assert response["Content-Type"] == "application/feed+json"
    document = response.json()
    validate_jsonfeed(document)
    assert document["items"][0]["authors"][0]["name"].startswith("Thomas Pigott, Principal")
    assert "diplomacy" in document["items"][0]["tags"]


def test_rss_carries_full_content_and_a_fifty_item_feed_is_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    agency = OrganizationFactory()
    for i in range(50):
        story = StoryFactory(published=True, slug=f"feed-{i}", headline=f"Feed {i}")
        StoryOrganizationFactory(story=story, organization=agency)
        story.tags.add("t")
    # Stories, organizations, tags, and the next scheduled story once per page generation.
    with django_assert_max_num_queries(4):
        response = client.get("/feeds/latest.rss?limit=50")
    feed = feedparser.parse(response.content)
    assert len(feed.entries) == 50
    assert b"<content:encoded>" in response.content


def test_a_failed_export_leaves_no_file_and_fails(tmp_path, monkeypatch):
    archive()
    target = tmp_path / "out.ndjson"
    target.write_text("the previous export\n")

    def broken(stories):
        yield b'{"first": 1}\n'
        raise OSError("disk full")

    monkeypatch.setitem(EXPORTERS, "ndjson", EXPORTERS["ndjson"].__class__(
        "ndjson", "application/x-ndjson", "ndjson", broken))  # fmt: skip
    with pytest.raises(OSError, match="disk full"):
        call_command("export_stories", "--format", "ndjson", "--output", str(target),
                     stderr=StringIO())  # fmt: skip
    assert target.read_text() == "the previous export\n"
    assert list(tmp_path.iterdir()) == [target]


def test_an_export_to_a_file_reports_one_line(tmp_path):
    archive()
    target = tmp_path / "stories.json"
    err = StringIO()
    call_command("export_stories", "--format", "ninjs", "--status", "all", "--output",
                 str(target), stderr=err)  # fmt: skip
    assert len(json.loads(target.read_text())) == 6
    assert err.getvalue().startswith(f"Exported 6 stories as ninjs to {target}")


# --- HTTP and admin ----------------------------------------------------------------------------


def test_http_exports_are_for_staff_with_the_permission(client, django_user_model):
    archive()
    url = reverse("stories:export", kwargs={"format": "ndjson"})
    assert client.get(url).status_code == 403
    clerk = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    assert client.get(url).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="export_story"))
    response = client.get(url + "?status=all")
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content).count(b"\n") == 6
    client.logout()
    token, key = ExportToken.issue(clerk, "partner sync")
    by_token = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert by_token.status_code == 200
    assert "attachment" in by_token["Content-Disposition"]
    assert client.get(url, HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    token.revoked_at = timezone.now()
    token.save()
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 403
    assert client.get(reverse("stories:export", kwargs={"format": "pdf"})).status_code == 404


def test_admin_exports_the_selected_stories(editor_client):
    stories = archive()
    changelist = reverse("admin:stories_story_changelist")
    data = {"action": "export_selected", "_selected_action": [stories[0].pk, stories[1].pk]}
    page = editor_client.post(changelist, data)
    assert "Export 2 stories" in page.content.decode()
    download = editor_client.post(changelist, {**data, "export_format": "csv"})
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 2


# --- import back ------------------------------------------------------------------------------


def export_then_import_into_an_empty_newsroom(path: Path) -> None:
    """Export every public story as NDJSON to `path`, empty the newsroom, import `path` back."""
    from people.models import Organization, Person

    call_command("export_stories", "--format", "ndjson", "--output", str(path), stderr=StringIO())
    Story.objects.all().delete()
    Person.objects.all().delete()
    Organization.objects.all().delete()
    call_command("import_stories", "--format", "ninjs", str(path), stdout=StringIO())


@pytest.mark.parametrize("format", ["ndjson", "ninjs"])
def test_round_trip_export_empty_import_export_gives_the_same_documents(tmp_path, format):
    archive()
    first = tmp_path / f"first.{format}"
    call_command("export_stories", "--format", format, "--status", "all", "--output", str(first),
                 stderr=StringIO())  # fmt: skip
    from people.models import Organization, Person

    Story.objects.all().delete()
    Person.objects.all().delete()
    Organization.objects.all().delete()
    out = StringIO()
    call_command("import_stories", "--format", "ninjs", str(first), "--json", stdout=out)
    assert {r["status"] for r in json.loads(out.getvalue())} == {"created"}
    second = tmp_path / f"second.{format}"
    call_command("export_stories", "--format", format, "--status", "all", "--output", str(second),
                 stderr=StringIO())  # fmt: skip
    assert second.read_text() == first.read_text()
    assert Story.objects.count() == 6


@pytest.mark.parametrize("full_name", ["Mrs. Laura Gutierrez", "Dr. Ada King Jr.", "Sen. Ann Lee"])
def test_a_source_named_with_an_honorific_comes_back_with_the_same_name(tmp_path, full_name):
    person = PersonFactory(full_name=full_name, nickname="Lulu")
    role = RoleFactory(person=person, title="Spokesperson", organization=OrganizationFactory())
    StoryFactory(source_role=role, status=StoryStatus.PUBLISHED, published_at=timezone.now())
    export_then_import_into_an_empty_newsroom(tmp_path / "first.ndjson")
    restored = Story.objects.select_related("source_role__person").get().source_role.person
    assert (restored.full_name, restored.nickname) == (full_name, "Lulu")


def test_a_malformed_line_is_refused_with_its_number_and_the_rest_loads(tmp_path):
    archive(2)
    good = run_export("--format", "ndjson", "--status", "all").splitlines()
    bad_kind = json.loads(good[1])
    bad_kind["organisations"][0]["literal"] = "kind=castle;origin=typed"
    bad_kind["altIds"][0]["value"] = "a-new-slug"
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(good[0] + b"\n{not json\n" + json.dumps(bad_kind).encode() + b"\n")
    Story.objects.all().delete()
    out = StringIO()
    with pytest.raises(CommandError, match=r"2 file\(s\) refused"):
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    reports = json.loads(out.getvalue())
    assert [(r["line"], r["status"]) for r in reports] == [
        (1, "created"),
        (2, "refused"),
        (3, "refused"),
    ]
    assert reports[1]["errors"][0]["text"].startswith(f"{path}, line 2: expected one JSON object")
    assert "kind in" in reports[2]["errors"][0]["text"]
    first_slug = json.loads(good[0])["altIds"][0]["value"]
    assert list(Story.objects.values_list("slug", flat=True)) == [first_slug]


def test_selection_reads_in_chunks():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stories.exporters.records import story_records

    archive()
    stories = select_stories(Selection(statuses=("all",)))
    read = {}
    for chunk in (2, 3, 6):
        with CaptureQueriesContext(connection) as queries:
            read[chunk] = [record.slug for record in story_records(stories, chunk=chunk)]
        read[chunk, "queries"] = len(queries)
    assert read[2] == read[3] == read[6] and len(read[6]) == 6  # the same stories, in order
    # One streamed query for the stories, four more per chunk (organizations, people, tags,
    # quotes).
    assert read[2, "queries"] - read[3, "queries"] == 4
    assert read[3, "queries"] - read[6, "queries"] == 4


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"organisations": "Agency"}, "organisations as a list of objects"),
        ({"headlines": []}, "headlines with a 'main' headline"),
        ({"firstCreated": "yesterday"}, "firstCreated as a date and time with a time zone"),
        ({"version": "v2"}, "version as a number"),
        ({"altIds": [{"role": "status", "value": "lost"}]}, "a status among"),
    ],
)
def test_a_refused_document_says_what_was_expected_and_writes_nothing(tmp_path, change, expected):
    archive(1)
    document = json.loads(run_export("--format", "ndjson", "--status", "all").splitlines()[0])
    Story.objects.all().delete()
    path = tmp_path / "one.ndjson"
    path.write_text(json.dumps({**document, **change}) + "\n")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["errors"][0]["text"].startswith(f"{path}, line 1: expected {expected}")
    assert not Story.objects.exists()


def test_a_slug_no_url_can_hold_is_refused_and_the_site_keeps_serving(tmp_path, client):
    """One document with `uri` ending in "bad slug!" once took every public page down."""
    archive(1)
    document = json.loads(run_export("--format", "ndjson", "--status", "all").splitlines()[0])
    Story.objects.all().delete()
    document["altIds"] = [a for a in document["altIds"] if a["role"] != "slug"]
    document["uri"] = "https://news.example.org/stories/bad slug!"
    document["organisations"][0]["uri"] = "https://news.example.org/organizations/no way/"
    path = tmp_path / "hostile.ndjson"
    path.write_text(json.dumps(document) + "\n")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["errors"][0]["text"].startswith(f"{path}, line 1: expected a story slug")
    assert "'bad slug!'" in report["errors"][0]["text"]
    assert not Story.objects.exists()

    # The same document with a usable story slug: the organization's unusable slug is not kept.
    document["uri"] = "https://news.example.org/stories/a-good-slug"
    path.write_text(json.dumps(document) + "\n")
    call_command("import_stories", "--format", "ninjs", str(path), stdout=StringIO())
    story = Story.objects.get(slug="a-good-slug")
    assert all(" " not in o.slug for o in story.organizations.all())
    for url in ("/", story.get_absolute_url(), "/feeds/latest.rss", "/sitemap-stories.xml"):
        assert client.get(url).status_code == 200, url


def test_the_migration_repairs_slugs_stored_before_the_check():
    from importlib import import_module

    from django.apps import apps

    story = StoryFactory(headline="Stored with a broken slug", published=True)
    Story.objects.filter(pk=story.pk).update(slug="bad slug!")
    import_module("stories.migrations.0010_repair_invalid_slugs").repair(apps, None)
    story.refresh_from_db()
    assert story.slug == "stored-with-a-broken-slug"
