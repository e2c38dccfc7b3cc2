"""Importers under fire: whatever is in a file, it is imported or refused as
`file, line N: expected …` — never a traceback — and a refused file never stops the batch."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from people.models import Organization, Person, Role
from stories.models import Story, StoryOrganization
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

STORY = """\
{headline}

{image}
{source}

{headline}

ORGANIZATIONS IN THIS STORY

The Bureau of Widget Safety met manufacturers on Monday.

ORGANIZATIONS IN THIS STORY
"""
GOOD = {
    "headline": "Widget makers meet regulators on safety rules",
    "image": "Webp abc123",
    "source": "Ann Poe, Director of the Bureau of Widget Safety | Official Website",
}


def story_text(**changes) -> str:
    return STORY.format(**{**GOOD, **changes})


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Story, Organization, Person, Role, StoryOrganization)
    }


def import_batch(*paths, fmt: str = "text") -> tuple[list[dict], str]:
    """Run import_stories on `paths`; (JSON reports, stderr). It must fail: a file is refused."""
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="refused"):
        call_command(
            "import_stories", "--format", fmt, *map(str, paths), "--json", stdout=out, stderr=err
        )
    return json.loads(out.getvalue()), err.getvalue()


LONG = "x" * 320


@pytest.mark.parametrize(
    ("changes", "line", "expected"),
    [
        ({"source": f"Ann Poe, Director | {'Official Website ' * 20}"}, 4,
         "a source label of at most 300 characters"),
        ({"image": f"Webp {'a' * 150}"}, 3, "an image asset id of at most 100 characters"),
        ({"source": f"{'A long caption of a photograph, ' * 20}taken on Monday | Photo"}, 4,
         "an image caption of at most 500 characters"),
        ({"source": f"Ann Poe, {'Principal Deputy Spokesperson ' * 12}for the Bureau | Site"}, 4,
         "a title of at most 300 characters"),
        ({"source": f"Ann Poe, Director of the {'Very ' * 70}Big Bureau | Site"}, 4,
         "an organization name of at most 300 characters"),
        ({"source": f"{'Ann Poe, Director of the Bureau, ' * 16} | Site"}, 4,
         "an attribution of at most 500 characters"),
    ],
)  # fmt: skip
def test_a_too_long_field_refuses_its_file_and_the_batch_goes_on(tmp_path, changes, line, expected):
    OrganizationFactory(name="Bureau of Widget Safety")
    bad = tmp_path / "a-bad.txt"
    bad.write_text(story_text(**changes, headline="A refused release"))
    good = tmp_path / "b-good.txt"
    good.write_text(story_text())
    before = snapshot()
    reports, err = import_batch(bad, good)
    assert [r["status"] for r in reports] == ["refused", "created"]
    assert reports[0]["errors"][0]["text"].startswith(f"{bad}, line {line}: expected {expected}")
    assert "Traceback" not in err
    assert list(Story.objects.values_list("headline", flat=True)) == [GOOD["headline"]]
    assert snapshot()["Person"] == before["Person"] + [Person.objects.get().pk]


def test_any_exception_escaping_the_parser_refuses_that_file_only(tmp_path, monkeypatch):
    """A parser bug (e.g. a source line it cannot take apart) costs one file, not the batch."""
    from stories.importers import plaintext

    real = plaintext.parse_attribution

    def fragile(text, **kwargs):
        if "Jr." in text:
            raise ValueError("too many values to unpack")
        return real(text, **kwargs)

    monkeypatch.setattr(plaintext, "parse_attribution", fragile)
    bad = tmp_path / "a-suffix.txt"
    bad.write_text(story_text(headline="Suffix release", source="Joseph Roe, Jr. | Official Site"))
    good = tmp_path / "b-good.txt"
    good.write_text(story_text())
    reports, err = import_batch(bad, good)
    assert [r["status"] for r in reports] == ["refused", "created"]
    assert reports[0]["errors"][0]["text"].startswith(f"{bad}: expected a file the importer")
    assert "ValueError" in reports[0]["errors"][0]["text"]
    assert Story.objects.get().headline == GOOD["headline"]


def test_a_refused_file_in_the_middle_of_a_batch_does_not_stop_it_without_json(tmp_path):
    paths = []
    for n, changes in enumerate([{}, {"image": f"Webp {'b' * 101}"}, {}]):
        path = tmp_path / f"{n}.txt"
        path.write_text(story_text(**{"headline": f"Release number {n} of three", **changes}))
        paths.append(path)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"2 created, 1 refused\. 1 file\(s\) refused"):
        call_command("import_stories", *map(str, paths), stdout=out, stderr=err)
    assert f"{paths[1]}, line 3: expected an image asset id" in err.getvalue()
    assert Story.objects.count() == 2


# --- ninjs -----------------------------------------------------------------------------------


def document(**changes) -> dict:
    doc = {
        "uri": "http://testserver/stories/a-restored-story/",
        "altIds": [{"role": "slug", "value": "a-restored-story"}],
        "version": 2,
        "headlines": [{"role": "main", "value": "A restored story"}],
        "descriptions": [{"role": "summary", "value": "A dek."}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": "Text."}],
        "subjects": [{"name": "diplomacy", "rel": "tag"}],
        "organisations": [{"name": "Bureau of Widget Safety", "literal": "kind=agency"}],
        "firstCreated": "2026-11-01T09:00:00+00:00",
        "versionCreated": "2026-11-01T09:00:00+00:00",
    }
    return {**doc, **changes}


def good_line(n: int) -> str:
    return json.dumps(
        document(
            altIds=[{"role": "slug", "value": f"good-{n}"}],
            headlines=[{"role": "main", "value": f"Good story {n}"}],
        )
    )


NINJS_LINES = {
    "non-UTF-8": (b'{"headlines": "Caf\xe9"}', "one JSON object per line"),
    "deep nesting": (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "at most 64 levels"),
    "huge integer": (
        json.dumps(document()).replace('"version": 2', '"version": ' + "9" * 5000).encode(),
        "a number of at most 20 digits",
    ),
    "version out of range": (json.dumps(document(version=10**15)).encode(), "version as a number"),
    "Infinity": (json.dumps(document()).replace('"version": 2', '"version": Infinity').encode(),
                 "a number, found Infinity"),
    "NaN": (json.dumps(document()).replace('"version": 2', '"version": NaN').encode(),
            "a number, found NaN"),
    "impossible date": (json.dumps(document(firstCreated="2026-02-31T09:00:00+00:00")).encode(),
                        "firstCreated as a date and time"),
    "long headline": (
        json.dumps(document(headlines=[{"role": "main", "value": "H" * 400}])).encode(),
        "a main headline of at most 300 characters",
    ),
    "list headline": (json.dumps(document(headlines=[{"role": "main", "value": ["a"]}])).encode(),
                      "headlines with a 'main' headline"),
    "list dek": (json.dumps(document(descriptions=[{"role": "summary", "value": ["a"]}])).encode(),
                 "descriptions 'summary' as text"),
    "list organisation name": (
        json.dumps(document(organisations=[{"name": ["Bureau"]}])).encode(),
        "organisations 'name' as text",
    ),
    "long organisation name": (
        json.dumps(document(organisations=[{"name": "B" * 400}])).encode(),
        "organisations 'name' of at most 300 characters",
    ),
    "list tag": (json.dumps(document(subjects=[{"name": ["t"], "rel": "tag"}])).encode(),
                 "subjects 'name' as text"),
    "object version": (json.dumps(document(version={"n": 1})).encode(), "version as a number"),
    "list slug": (json.dumps(document(altIds=[{"role": "slug", "value": ["x"]}])).encode(),
                  "altIds 'slug' as text"),
    "list byline": (json.dumps(document(by=["Ann"])).encode(), "by as text"),
    "list person": (json.dumps(document(people=[{"name": {"first": "Ann"}}])).encode(),
                    "people 'name' as text"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(NINJS_LINES))
def test_a_hostile_ninjs_line_is_refused_with_its_number_and_the_rest_loads(tmp_path, case):
    raw, expected = NINJS_LINES[case]
    path = tmp_path / "backup.ndjson"
    path.write_bytes(good_line(1).encode() + b"\n" + raw + b"\n" + good_line(3).encode() + b"\n")
    reports, err = import_batch(path, fmt="ninjs")
    assert [(r["line"], r["status"]) for r in reports] == [
        (1, "created"), (2, "refused"), (3, "created")
    ]  # fmt: skip
    text = reports[1]["errors"][0]["text"]
    assert text.startswith(f"{path}, line 2: expected"), text
    assert expected in text
    assert sorted(Story.objects.values_list("slug", flat=True)) == ["good-1", "good-3"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" + b"\xff\xfe" + b"]", "line 1: expected UTF-8 text, found byte 0xFF"),
        (b"[" * 100_000 + b"]" * 100_000, "line 1: expected JSON nested at most 64 levels"),
        (b'[\n{"version": 1},\n{"version": NaN}]', "line 3: expected a number, found NaN"),
    ],
)
def test_a_hostile_ninjs_array_is_refused_and_the_next_file_loads(tmp_path, content, expected):
    bad = tmp_path / "a-backup.json"
    bad.write_bytes(content)
    good = tmp_path / "b-backup.ndjson"
    good.write_text(good_line(1) + "\n")
    reports, err = import_batch(bad, good, fmt="ninjs")
    assert [r["status"] for r in reports] == ["refused", "created"]
    assert reports[0]["errors"][0]["text"].startswith(f"{bad}, {expected}")


def test_any_exception_loading_a_ninjs_document_refuses_that_document_only(tmp_path, monkeypatch):
    from stories.importers import ninjs

    real = ninjs._organization

    def fragile(name, slug, kind):
        if name == "Fragile Agency":
            raise KeyError("kind")
        return real(name, slug, kind)

    monkeypatch.setattr(ninjs, "_organization", fragile)
    path = tmp_path / "backup.ndjson"
    fragile_line = json.dumps(document(organisations=[{"name": "Fragile Agency"}]))
    path.write_text(good_line(1) + "\n" + fragile_line + "\n" + good_line(3) + "\n")
    reports, _ = import_batch(path, fmt="ninjs")
    assert [r["status"] for r in reports] == ["created", "refused", "created"]
    assert reports[1]["errors"][0]["text"].startswith(
        f"{path}, line 2: expected a file the importer can read (it failed with KeyError"
    )
    assert not Organization.objects.filter(name="Fragile Agency").exists()


def test_a_ninjs_file_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    from stories.importers import ninjs

    monkeypatch.setattr(ninjs, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.ndjson"
    big.write_text("\n".join(good_line(n) for n in range(20)) + "\n")
    reports, _ = import_batch(big, fmt="ninjs")
    assert [r["status"] for r in reports] == ["refused"]
    assert reports[0]["errors"][0]["text"].startswith(f"{big}: expected a ninjs file of at most")
    assert not Story.objects.exists()


def test_a_tag_longer_than_the_column_is_refused_on_every_database(tmp_path):
    path = tmp_path / "tags.ndjson"
    long_tag = json.dumps(document(subjects=[{"name": "t" * 500, "rel": "tag"}]))
    path.write_text(long_tag + "\n" + good_line(2) + "\n")
    reports, _ = import_batch(path, fmt="ninjs")
    assert [r["status"] for r in reports] == ["refused", "created"]
    assert "subjects 'name' of at most 100 characters" in reports[0]["errors"][0]["text"]
    assert list(Story.objects.values_list("slug", flat=True)) == ["good-2"]


def test_the_plain_text_limits_are_the_columns():
    from stories.importers.plaintext import MAX_HEADLINE, MAX_LENGTHS

    def column(model, name):
        return model._meta.get_field(name).max_length

    assert MAX_HEADLINE == column(Story, "headline")
    assert MAX_LENGTHS == {
        "an image asset id": column(Story, "image_asset_id"),
        "a source label": column(Story, "source_label"),
        "an image caption": column(Story, "image_caption"),
        "an attribution": column(Story, "source_attribution"),
        "a person's name": column(Person, "full_name"),
        "a nickname": column(Person, "nickname"),
        "a title": column(Role, "title"),
        "an organization name": column(Organization, "name"),
    }
