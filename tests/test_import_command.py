"""`manage.py import_stories`: reports, idempotency, refusals that change nothing."""

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from people.models import Organization, OrganizationAlias, Person, Role
from stories.models import Origin, Story, StoryOrganization, StoryStatus
from stories.publishing import publish_story
from tests.factories import OrganizationFactory, StoryOrganizationFactory, StoryPersonFactory

pytestmark = pytest.mark.django_db

STORY = """\
Widget makers meet regulators on safety rules

Webp abc123
Ann Poe, Director of the Bureau of Widget Safety | https://widgets.example.gov/news/1

Widget makers meet regulators on safety rules

ORGANIZATIONS IN THIS STORY

The Bureau of Widget Safety met manufacturers on Monday.

“We listened,” Director Poe said.

ORGANIZATIONS IN THIS STORY
"""


def run_import(*args) -> list[dict]:
    out = StringIO()
    call_command("import_stories", *map(str, args), "--json", stdout=out)
    return json.loads(out.getvalue())


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Story, Organization, Person, Role, StoryOrganization)
    }


def test_the_sample_is_reported_field_by_field(sample_story_path):
    [report] = run_import(sample_story_path)
    assert report["status"] == "created"
    assert report["headline"] == (
        "U.S. and Uzbekistan officials meet to strengthen economic ties "
        "and discuss critical minerals"
    )
    assert report["image"] == {"format": "webp", "asset_id": "e16l2sc6x5qdmh3jlwtpw95528yk"}
    assert report["source"] == {
        "name": "Thomas Pigott",
        "nickname": "Tommy",
        "title": "Principal Deputy Spokesperson",
        "organization": "Department of State",
        "label": "Official Website",
        "url": None,
    }
    assert report["paragraphs"] == 4
    assert report["organizations"][0] == "Department of State"
    assert report["errors"] == []
    story = Story.objects.get(pk=report["story"]["id"])
    assert report["story"]["slug"] == story.slug
    assert report["story"]["url"].endswith(story.get_absolute_url())
    assert "Secretary Rubio’s inaugural" in story.body
    assert "“Deputy Secretary of State" in story.body
    assert story.status == StoryStatus.DRAFT


def test_importing_the_same_file_twice_leaves_one_story(sample_story_path):
    first = run_import(sample_story_path)[0]
    second = run_import(sample_story_path)[0]
    assert (first["status"], second["status"]) == ("created", "unchanged")
    assert first["story"]["id"] == second["story"]["id"]
    assert Story.objects.count() == 1
    assert Person.objects.count() == Role.objects.count() == 1


def test_a_changed_file_updates_the_same_story_and_keeps_the_editors_choices(tmp_path):
    path = tmp_path / "widgets.txt"
    path.write_text(STORY)
    [first] = run_import(path)
    story = Story.objects.get()
    typed = StoryOrganizationFactory(story=story, position=5).organization
    story.status, story.published_at = StoryStatus.PUBLISHED, datetime(2026, 1, 5, tzinfo=UTC)
    story.save()

    path.write_text(STORY.replace("on Monday", "on Tuesday"))
    [second] = run_import(path)

    assert second["status"] == "updated"
    story.refresh_from_db()
    assert "on Tuesday" in story.body
    assert story.version == 2
    assert story.status == StoryStatus.PUBLISHED  # re-importing does not unpublish
    assert typed in story.organizations.all()
    assert Story.objects.count() == 1


def test_source_is_resolved_through_aliases(tmp_path):
    state = OrganizationFactory(name="Department of State", slug="state")
    OrganizationAlias.objects.create(organization=state, name="State Department")
    path = tmp_path / "s.txt"
    path.write_text(
        STORY.replace(
            "Director of the Bureau of Widget Safety", "Spokesperson for the State Department"
        )
    )
    [report] = run_import(path)
    assert report["source"]["organization"] == "Department of State"
    assert Organization.objects.count() == 1
    link = StoryOrganization.objects.get()
    assert (link.organization, link.origin) == (state, Origin.IMPORTED)


def test_new_registry_entries_are_created_and_reported(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text(STORY)
    [report] = run_import(path)
    bureau = Organization.objects.get(name="Bureau of Widget Safety")
    assert bureau.kind == "agency"
    assert report["source"]["url"] == "https://widgets.example.gov/news/1"
    assert Story.objects.get().source_url == "https://widgets.example.gov/news/1"
    texts = [w["text"] for w in report["warnings"]]
    assert f"{path}, line 4: new person 'Ann Poe'" in texts


def test_publish_and_published_at(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text(STORY)
    out = StringIO()
    call_command(
        "import_stories", str(path), "--publish", "--published-at", "2026-03-02T09:30+01:00",
        stdout=out,
    )  # fmt: skip
    story = Story.objects.get()
    assert story.status == StoryStatus.PUBLISHED
    assert story.published_at == datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    assert Story.objects.public().get() == story


def test_a_bad_published_at_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="expected an ISO 8601 date and time, got 'soon'"):
        call_command("import_stories", str(tmp_path), "--published-at", "soon")


def test_dry_run_reports_and_changes_nothing(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text(STORY)
    [report] = run_import(path, "--dry-run")
    assert report["status"] == "created"
    assert report["dry_run"] is True
    assert report["source"]["name"] == "Ann Poe"
    assert snapshot() == {name: [] for name in snapshot()}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "line 1: expected a headline on line 1, found an empty file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "line 3: expected UTF-8 text, found binary data (a NUL byte)",
        ),
        (b"Caf\xe9 au lait\n\nBody\n", "line 1: expected UTF-8 text, found byte 0xE9"),
        (b"Webp abc\n\nBody text.\n", "line 1: expected a headline on line 1, found an image line"),
    ],
)
def test_refused_files_change_nothing_and_fail_the_command(tmp_path, data, expected):
    good = tmp_path / "a-good.txt"
    good.write_text(STORY)
    run_import(good)
    before = snapshot()
    bad = tmp_path / "b-bad.txt"
    bad.write_bytes(data)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"1 file\(s\) refused"):
        call_command("import_stories", str(bad), stdout=out, stderr=err)
    assert f"{bad}, {expected}" in err.getvalue()
    assert snapshot() == before


def test_a_directory_means_every_txt_inside_and_json_lists_refusals(tmp_path):
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "two.txt").write_text(STORY.replace("Widget makers", "Gadget makers", 2))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("not a story")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_stories", str(tmp_path), "--json", stdout=out)
    reports = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(out.getvalue())}
    assert set(reports) == {"one.txt", "two.txt", "empty.txt"}
    assert reports["empty.txt"]["status"] == "refused"
    assert reports["empty.txt"]["errors"][0]["line"] == 1
    assert reports["one.txt"]["status"] == reports["two.txt"]["status"] == "created"
    assert Story.objects.count() == 2


def test_a_failure_while_saving_rolls_the_whole_file_back(tmp_path, monkeypatch):
    path = tmp_path / "w.txt"
    path.write_text(STORY)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("stories.importers.loader._attach_imported", broken)
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 file\(s\) refused"):
        call_command("import_stories", str(path), stdout=StringIO(), stderr=err)
    assert f"{path}: expected a file the importer can read (it failed with RuntimeError" in (
        err.getvalue()
    )
    assert snapshot() == {name: [] for name in snapshot()}


def test_a_number_of_workers_below_one_is_refused(tmp_path):
    with pytest.raises(CommandError, match="--workers takes a number of processes, 1 or more"):
        call_command("import_stories", str(tmp_path), "--workers", "0", stdout=StringIO())


def test_a_reimport_replaces_the_tags_an_earlier_import_gave_until_an_editor_acts(tmp_path):
    """The engine's tags on a story nobody has touched follow the release; an editor's stay."""
    OrganizationFactory(name="Widget Trade Council", slug="council")
    path = tmp_path / "widgets.txt"
    path.write_text(STORY.replace("met manufacturers", "met the Widget Trade Council"))
    run_import(path)
    story = Story.objects.get()
    assert "Widget Trade Council" in {o.name for o in story.organizations.all()}
    typed = StoryOrganizationFactory(story=story, position=5).organization

    path.write_text(STORY)  # the corrected release no longer names the council
    [report] = run_import(path)

    assert report["status"] == "updated"
    assert {o.name for o in story.organizations.all()} == {"Bureau of Widget Safety", typed.name}


def test_tags_the_engine_no_longer_gives_go_on_an_unchanged_release_nobody_touched(tmp_path):
    path = tmp_path / "widgets.txt"
    path.write_text(STORY)
    run_import(path)
    story = Story.objects.get()
    # What an older engine read into the same text: an organization it does not name.
    misread = StoryOrganizationFactory(story=story, position=3, origin=Origin.IMPORTED)
    person = StoryPersonFactory(story=story, position=3, origin=Origin.IMPORTED).person

    [report] = run_import(path)

    assert report["status"] == "updated"
    assert misread.organization not in story.organizations.all()
    assert person not in story.people.all()
    assert [o.name for o in story.organizations.all()] == ["Bureau of Widget Safety"]
    assert run_import(path)[0]["status"] == "unchanged"


def test_once_an_editor_has_acted_a_reimport_only_adds(tmp_path, django_user_model):
    path = tmp_path / "widgets.txt"
    path.write_text(STORY)
    run_import(path)
    story = Story.objects.get()
    kept = StoryOrganizationFactory(story=story, position=3, origin=Origin.IMPORTED).organization
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    publish_story(story, by=editor)

    assert run_import(path)[0]["status"] == "unchanged"
    path.write_text(STORY.replace("on Monday", "on Tuesday"))
    assert run_import(path)[0]["status"] == "updated"

    assert kept in story.organizations.all()
