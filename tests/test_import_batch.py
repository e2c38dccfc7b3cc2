"""Importing many files at once (stories.importers.batch) gives exactly what importing them one
after another gives, in a number of queries that does not grow with the number of files."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from reversion.models import Version

from people import suggestions
from people.matching import AliasIndex
from people.models import Organization, Person, Role
from stories.importers import scanning
from stories.management.commands.import_stories import Command, _story_files
from stories.models import Story
from tests.factories import PersonFactory, RoleFactory, StoryFactory

pytestmark = pytest.mark.django_db

DEV = Path(__file__).parent / "tagging_corpus" / "dev"

RELEASE = """\
{headline}

Webp {asset}
{source} | Official Website

{headline}

ORGANIZATIONS IN THIS STORY

The Department of State and the Department of Energy met on Monday in Washington.

“We agreed on the next steps,” {speaker} said. The Environmental Protection Agency joined.

ORGANIZATIONS IN THIS STORY
"""

LONG = "Department of Energy announces a long programme of grid upgrades across nine states and"


@pytest.fixture
def releases(tmp_path) -> Path:
    """Realistic releases (the dev corpus) with, among them: a file the importer refuses, two
    headlines whose slugs collide, the same release twice, and new people and organizations."""
    folder = tmp_path / "releases"
    folder.mkdir()
    for path in sorted(DEV.glob("*.txt"))[:24]:
        shutil.copy(path, folder / path.name)
    (folder / "m-refused.txt").write_bytes(b"")
    for name, month in [("l-long-1.txt", "March"), ("l-long-2.txt", "April")]:
        (folder / name).write_text(
            RELEASE.format(
                headline=f"{LONG} {month}",
                asset=f"long{month}",
                source="Jane Quill, Director of the Office of Grid Renewal",
                speaker="Director Quill",
            )
        )
    (folder / "n-new-person.txt").write_text(
        RELEASE.format(
            headline="Energy office names a new deputy for storage",
            asset="storage1",
            source="Rhea Storage-Okafor, Deputy Director of the Office of Grid Renewal",
            speaker="Deputy Director Storage-Okafor",
        )
    )
    # Parsed as it would be after l-long-1 added the Office of Grid Renewal to the registry:
    # "Director" at that office, not a title "Office of Grid Renewal Director".
    (folder / "p-known-since-l-long-1.txt").write_text(
        RELEASE.format(
            headline="Grid office opens a second storage site",
            asset="storage2",
            source="Ola Ray, Office of Grid Renewal Director",
            speaker="Director Ray",
        )
    )
    first = sorted(DEV.glob("*.txt"))[0]
    shutil.copy(first, folder / "zz-the-same-release-again.txt")
    return folder


@pytest.fixture
def newsroom(starter_registry_loaded):
    """The starter registry (loaded once for the module), a story an editor typed before its
    release came in, and a story holding the slug a release would take."""
    person = PersonFactory(full_name="Jane Quill")
    RoleFactory(person=person, title="Director", organization=None)
    typed_from = sorted(DEV.glob("*.txt"))[3].read_text().splitlines()[0]
    # typed in capitals: the release takes it over all the same
    StoryFactory(headline=typed_from.upper(), slug="typed-by-an-editor", import_key=None)
    StoryFactory(headline="Something else", slug="energy-office-names-a-new-deputy-for-storage")


def one_by_one(paths: list[Path]) -> list[dict]:
    """The per-file path: load_story for each file in turn, in one run (one engine)."""
    command = Command()
    with suggestions.batch():
        return [command._import_one(p, publish=False, at=None, dry_run=False) for p in paths]


def in_bulk(paths: list[Path], workers: int = 1) -> list[dict]:
    command = Command()
    with suggestions.batch():
        return command._import_many(paths, workers)


def in_bulk_with_workers(paths: list[Path]) -> list[dict]:
    """The engine's scans and quotes in two worker processes (see stories.importers.scanning)."""
    return in_bulk(paths, workers=2)


def stories_state() -> list:
    """Everything an import writes, by natural keys (primary keys differ between runs)."""
    state = []
    for story in Story.objects.order_by("slug"):
        role = story.source_role
        versions = [
            (
                v.revision.comment,
                [
                    (
                        w.content_type.model,
                        w.object_repr,
                        {
                            k: w.field_dict[k]
                            for k in ("headline", "slug", "status", "version", "body", "position",
                                      "origin", "import_key", "source_attribution")
                            if k in w.field_dict
                        },
                    )
                    for w in v.revision.version_set.order_by("pk")
                ],
            )
            for v in Version.objects.get_for_object(story).order_by("pk")
        ]  # fmt: skip
        state.append(
            {
                "story": (
                    story.slug,
                    story.headline,
                    story.import_key,
                    story.status,
                    story.version,
                    story.body,
                    story.image_asset_id,
                    story.source_label,
                    story.source_attribution,
                    story.source_url,
                ),  # fmt: skip
                "source": role
                and (
                    role.person.full_name,
                    role.person.nickname,
                    role.title,
                    role.organization and role.organization.name,
                ),  # fmt: skip
                "organizations": [
                    (link.organization.name, link.position, link.origin)
                    for link in story.story_organizations.order_by("position", "pk")
                ],
                "people": [
                    (
                        link.person.full_name,
                        link.role and link.role.title,
                        link.position,
                        link.origin,
                    )
                    for link in story.story_people.order_by("position", "pk")
                ],  # fmt: skip
                "quotes": [
                    (
                        q.position,
                        q.paragraph,
                        q.start,
                        q.end,
                        q.text,
                        q.speaker_kind,
                        q.speaker_name,
                        q.speaker_title,
                        q.speaker_person and q.speaker_person.full_name,
                        q.speaker_organization and q.speaker_organization.name,
                        q.origin,
                    )
                    for q in story.quotes.order_by("position", "pk")
                ],  # fmt: skip
                "revisions": versions,
            }
        )
    registry = (
        sorted(Organization.objects.values_list("name", "slug", "kind")),
        sorted(Person.objects.values_list("full_name", "slug", "nickname")),
        sorted(
            (r.person.full_name, r.title, r.organization.name if r.organization else "")
            for r in Role.objects.select_related("person", "organization")
        ),
    )
    return [state, registry]


def comparable(reports: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "story"} | {"slug": (r["story"] or {}).get("slug")}
            for r in reports]  # fmt: skip


def run_twice(import_files, paths, changed: Path, change) -> tuple:
    """Import `paths`, then again after `change` to one file: reports and state each time."""
    first = import_files(paths)
    after_first = stories_state()
    change(changed)
    again = import_files(paths)
    return comparable(first), after_first, comparable(again), stories_state()


def test_the_batch_writes_what_one_by_one_writes(releases, newsroom, monkeypatch):
    monkeypatch.setattr(scanning, "SMALLEST_BATCH", 2)  # workers for these 30 files too
    scans_here = []
    find = AliasIndex.find
    monkeypatch.setattr(
        AliasIndex, "find", lambda index, text: scans_here.append(1) or find(index, text)
    )
    paths = _story_files([str(releases)])
    changed = releases / "l-long-2.txt"
    original = changed.read_text()

    def change(path):
        path.write_text(original.replace("met on Monday", "met on Tuesday"))

    results, scans = {}, {}
    for name, import_files in [
        ("one by one", one_by_one),
        ("in bulk", in_bulk),
        ("in bulk with workers", in_bulk_with_workers),
    ]:
        scans_here.clear()
        changed.write_text(original)
        with transaction.atomic():
            results[name] = run_twice(import_files, paths, changed, change)
            transaction.set_rollback(True)
        scans[name] = len(scans_here)

    expected = results["one by one"]
    first = expected[0]
    statuses = [r["status"] for r in first]
    # The set covers what the batch must get right.
    assert statuses.count("refused") == 1
    assert first[statuses.index("refused")]["file"].endswith("m-refused.txt")
    assert "updated" in statuses  # the typed story, taken over
    assert statuses[-1] == "unchanged"  # the same release again
    slugs = [r["slug"] for r in first]
    assert "energy-office-names-a-new-deputy-for-storage-2" in slugs
    long_slugs = [r["slug"] for r in first if r["file"].split("/")[-1].startswith("l-long")]
    assert long_slugs[1] == long_slugs[0] + "-2"
    reparsed = next(r for r in first if r["file"].endswith("p-known-since-l-long-1.txt"))
    assert (reparsed["source"]["title"], reparsed["source"]["organization"]) == (
        "Director",
        "Office of Grid Renewal",
    )
    assert any("new person 'Rhea Storage-Okafor'" in w["text"] for r in first
               for w in r["warnings"])  # fmt: skip
    again = {r["file"].split("/")[-1]: r["status"] for r in expected[2]}
    assert again.pop("l-long-2.txt") == "updated"
    assert again.pop("m-refused.txt") == "refused"
    assert set(again.values()) == {"unchanged"}
    # The workers scanned the first import's new releases: this process scanned only the second
    # import's (which finds them there already) and a few more.
    assert scans["in bulk with workers"] <= scans["in bulk"] - len(paths) // 2
    # And the batch gives exactly the same, with workers or without: reports, stories, links,
    # quotes, history, registry.
    for got in (results["in bulk"], results["in bulk with workers"]):
        assert got[0] == expected[0]
        for ours, theirs in zip(got[1][0], expected[1][0], strict=True):
            assert ours == theirs
        assert got[1][1] == expected[1][1]
        assert got[2] == expected[2]
        assert got[3] == expected[3]


def test_the_command_imports_a_folder_in_bulk_and_reports_the_refused_file(releases, newsroom):
    out, err = StringIO(), StringIO()
    with pytest.raises(Exception, match="1 file\\(s\\) refused"):
        call_command("import_stories", str(releases), "--json", stdout=out, stderr=err)
    reports = json.loads(out.getvalue())
    refused = [r for r in reports if r["status"] == "refused"]
    assert [r["file"].split("/")[-1] for r in refused] == ["m-refused.txt"]
    assert refused[0]["errors"][0]["text"].startswith(str(releases / "m-refused.txt"))
    created = [r for r in reports if r["status"] == "created"]
    assert Story.objects.filter(slug__in=[r["story"]["slug"] for r in created]).count() == len(
        created
    )
    # Each new story's history holds its import.
    story = Story.objects.get(slug=created[0]["story"]["slug"])
    [version] = Version.objects.get_for_object(story)
    assert version.revision.comment == f"Imported from {Path(created[0]['file']).name}"
    assert version.serialized_data == serializers.serialize("json", [story])  # as reversion's
    links = {v.object_repr for v in version.revision.version_set.all()}
    assert {link.organization.name for link in story.story_organizations.all()} <= links


def releases_of(tmp_path, count: int, *, first: int) -> Path:
    """`count` releases; every other one quotes someone the registry does not know yet."""
    folder = tmp_path / f"n{count}"
    folder.mkdir()
    for n in range(first, first + count):
        surname = "".join(chr(ord("a") + int(digit)) for digit in str(n)).capitalize()
        person = "Jane Quill" if n % 2 else f"Ola {surname}-Ray"
        (folder / f"release-{n:03d}.txt").write_text(
            RELEASE.format(
                headline=f"Grid office and partners agree plan number {n}",
                asset=f"grid{n}",
                source=f"{person}, Director of the Office of Grid Renewal",
                speaker=f"Director {person.split()[-1]}",
            )
        )
    return folder


def test_the_queries_do_not_grow_with_the_number_of_releases(
    tmp_path, newsroom, django_assert_max_num_queries
):
    call_command("import_stories", str(releases_of(tmp_path, 1, first=1)), stdout=StringIO())
    # The source's organization exists from now on; what is left is per chunk of stories,
    # new people and roles included (on SQLite an INSERT of many rows is cut in pieces of
    # 999 values: one more INSERT of stories per 33).
    with django_assert_max_num_queries(36):
        call_command("import_stories", str(releases_of(tmp_path, 10, first=10)), stdout=StringIO())
    with django_assert_max_num_queries(36):
        call_command("import_stories", str(releases_of(tmp_path, 50, first=100)), stdout=StringIO())
    assert Story.objects.filter(import_key__startswith="txt:grid-office").count() == 61
    assert Person.objects.filter(full_name__endswith="-Ray").count() == 30


def one_release_after_another(releases: list[tuple[str, str]]) -> list:
    from stories.admin.imports import import_release

    with suggestions.batch():  # one engine for the run, as the command's
        return [import_release(name, text) for name, text in releases]


def test_the_admin_imports_many_releases_as_one_by_one_would(newsroom):
    from stories.admin.imports import import_releases

    releases = [(p.name, p.read_text()) for p in sorted(DEV.glob("*.txt"))[:8]]
    releases.insert(3, ("broken.txt", "\n\n\n"))
    states = {}
    for name, run in [
        ("one by one", lambda: one_release_after_another(releases)),
        ("in bulk", lambda: import_releases(releases)),
    ]:
        with transaction.atomic():
            done = run()
            states[name] = (
                [(p.name, p.error and str(p.error), p.result and p.result.status) for p in done],
                stories_state(),
            )
            transaction.set_rollback(True)
    assert states["in bulk"][0] == states["one by one"][0]
    for ours, theirs in zip(states["in bulk"][1][0], states["one by one"][1][0], strict=True):
        assert ours == theirs
    assert states["in bulk"][1] == states["one by one"][1]
    assert states["in bulk"][0][3] == (
        "broken.txt",
        "broken.txt, line 1: expected a headline on line 1, found only blank lines",
        None,
    )


def test_a_chunk_the_database_refuses_is_loaded_file_by_file(releases, newsroom, monkeypatch):
    """A value the database refuses, or a slug another process took meanwhile: the chunk's
    bulk write is undone whole, and every file of it is loaded on its own instead."""
    from django.db import IntegrityError

    from stories.importers import batch

    def refuse(items, origin):
        raise IntegrityError("UNIQUE constraint failed: stories_story.slug")

    paths = _story_files([str(releases)])
    with transaction.atomic():
        expected = comparable(one_by_one(paths)), stories_state()
        transaction.set_rollback(True)
    monkeypatch.setattr(batch, "_link", refuse)
    got = comparable(in_bulk(paths)), stories_state()
    assert got[0] == expected[0]
    assert got[1] == expected[1]
    assert (
        Story.objects.filter(import_key__isnull=False).count() == len(paths) - 2
    )  # refused, again


def test_a_file_the_parser_fails_on_in_a_worker_is_refused_and_the_others_load(
    releases, newsroom, monkeypatch
):
    monkeypatch.setattr(scanning, "SMALLEST_BATCH", 2)  # parsed in worker processes
    real = scanning.read_story_file

    def failing(path, **kwargs):
        if path.name == "l-long-2.txt":
            raise ValueError("the parser tripped")
        return real(path, **kwargs)

    monkeypatch.setattr(scanning, "read_story_file", failing)  # before the workers are forked
    reports = in_bulk(_story_files([str(releases)]), workers=2)
    refused = {r["file"].split("/")[-1]: r for r in reports if r["status"] == "refused"}
    assert sorted(refused) == ["l-long-2.txt", "m-refused.txt"]
    assert (
        "it failed with ValueError: the parser tripped"
        in refused["l-long-2.txt"]["errors"][0]["text"]
    )
    loaded = [r for r in reports if r["status"] != "refused"]
    assert len(loaded) == len(reports) - 2 and all(r["story"]["id"] for r in loaded)
