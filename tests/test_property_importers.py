"""Importers under fire: generated input never crashes the plain-text importer, the ninjs
importer or load_registry; a refused file changes nothing and does not stop the batch; an
accepted ninjs document round-trips (export → import → export gives the same document).

Hypothesis generates random bytes and text, valid documents with random edits, and random
JSON. The `ci` profile (the default here, see tests/conftest.py) keeps the examples few; run
`HYPOTHESIS_PROFILE=fuzz pytest tests/test_property_importers.py` for a longer hunt.
"""

import csv
import io
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from people.models import Organization, OrganizationAlias, Person, Role
from people.registry import RegistryError, load_registry, read_registry_file
from stories.models import Story, StoryOrganization, StoryPerson
from tests.factories import StoryFactory, StoryOrganizationFactory, StoryPersonFactory

MODELS = (Story, StoryOrganization, StoryPerson, Organization, OrganizationAlias, Person, Role)

RELEASE = """Grid grants reopen for rural utilities

Webp k3v9q2m7x1p8d5r0t6w4y2b9n1hs
Jane Roe, Deputy Secretary of the Office of Grid Grants | Official Website

Grid grants reopen for rural utilities

ORGANIZATIONS IN THIS STORY

The Office of Grid Grants said on Tuesday that small utilities can apply again.

“Small utilities keep the lights on,” Deputy Secretary Roe said.

ORGANIZATIONS IN THIS STORY
"""
GOOD_RELEASE = RELEASE.replace("Grid grants reopen", "A second round opens")


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


# --- strategies -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=20,
)  # fmt: skip


@st.composite
def edited(draw, text: str) -> str:
    """`text` with a few random edits: insertions, deletions, duplicated or swapped lines."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        n = draw(st.integers(0, len(lines) - 1))
        match draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "swap"])):
            case "insert":
                lines.insert(n, draw(st.text(max_size=400)))
            case "delete":
                del lines[n]
                lines = lines or [""]
            case "duplicate":
                lines.insert(n, lines[n])
            case "replace":
                line = lines[n]
                at = draw(st.integers(0, len(line)))
                lines[n] = line[:at] + draw(st.text(min_size=1, max_size=40)) + line[at + 1 :]
            case "swap":
                m = draw(st.integers(0, len(lines) - 1))
                lines[n], lines[m] = lines[m], lines[n]
    return "\n".join(lines)


@st.composite
def edited_json(draw, document: dict) -> dict:
    """`document` with one to three values, anywhere inside it, replaced by random JSON."""
    document = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 3))):
        node = document
        while keys := list(node) if isinstance(node, dict) else list(range(len(node))):
            key = draw(st.sampled_from(keys))
            if not isinstance(node[key], dict | list) or draw(st.booleans()):
                node[key] = draw(json_values)
                break
            node = node[key]
    return document


release_files = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda t: t.encode()),
    edited(RELEASE).map(lambda t: t.encode()),
    edited(RELEASE).map(lambda t: t.encode("utf-16")),
)


# --- plain text ---------------------------------------------------------------------------


class PlainTextImporterTests(TestCase):
    @given(data=release_files)
    def test_a_refused_release_changes_nothing_and_the_batch_goes_on(self, data):
        with tempfile.TemporaryDirectory() as folder:
            hostile, good = Path(folder, "a-hostile.txt"), Path(folder, "b-good.txt")
            hostile.write_bytes(data)
            good.write_text(GOOD_RELEASE)
            before = row_counts()
            out, err = StringIO(), StringIO()
            try:
                call_command("import_stories", folder, "--json", stdout=out, stderr=err)
            except CommandError as error:
                assert "refused" in str(error)
            reports = {Path(r["file"]).name: r for r in json.loads(out.getvalue())}
        assert reports["b-good.txt"]["status"] == "created"  # the file after it still loads
        hostile_report = reports["a-hostile.txt"]
        if hostile_report["status"] == "refused":
            (error,) = hostile_report["errors"]
            assert error["text"].startswith(str(hostile)) and "expected" in error["text"]
            assert row_counts()["Story"] == before["Story"] + 1  # only the good one
        else:
            story = Story.objects.get(slug=hostile_report["story"]["slug"])
            assert story.headline == hostile_report["headline"]


# --- ninjs --------------------------------------------------------------------------------


def export_documents(folder: str, *args: str) -> list[dict]:
    path = Path(folder, "export.ndjson")
    call_command("export_stories", "--format", "ndjson", "--status", "all", *args,
                 "--output", str(path), stderr=StringIO())  # fmt: skip
    return [json.loads(line) for line in path.read_text().splitlines()]


def import_lines(folder: str, lines: list[str]) -> list[dict]:
    path = Path(folder, "import.ndjson")
    path.write_text("".join(line + "\n" for line in lines))
    out = StringIO()
    try:
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out,
                     stderr=StringIO())  # fmt: skip
    except CommandError as error:
        assert "refused" in str(error)
    return json.loads(out.getvalue())


def a_valid_document(folder: str) -> dict:
    story = StoryFactory(published=True, slug="the-template", dek="A dek.")
    story.tags.add("grants")
    StoryOrganizationFactory(story=story)
    StoryPersonFactory(story=story)
    (document,) = export_documents(folder)
    story.delete()
    return document


def _comparable(document: dict) -> dict:
    return {key: value for key, value in document.items() if key not in ("versionCreated",)}


class NinjsImporterTests(TestCase):
    def check(self, line: str) -> None:
        """Import a good document, `line`, and another good one, in one NDJSON file: the good
        ones always load; the line is refused with nothing written, or it round-trips."""
        with tempfile.TemporaryDirectory() as folder:
            template = a_valid_document(folder)
            good = []
            for slug in ("good-before", "good-after"):
                document = json.loads(json.dumps(template))
                document["uri"] = document["uri"].replace("the-template", slug)
                document["altIds"] = [a for a in document["altIds"] if a["role"] != "slug"]
                good.append(json.dumps(document))
            before = row_counts()
            reports = import_lines(folder, [good[0], line, good[1]])
            assert [reports[0]["status"], reports[-1]["status"]] == ["created", "created"]
            if len(reports) == 2:
                return  # a blank line: nothing to import
            hostile = reports[1]
            if hostile["status"] == "refused":
                assert hostile["errors"] and "expected" in hostile["errors"][0]["text"]
                self.assertEqual(row_counts()["Story"], before["Story"] + 2)
                return
            slug = hostile["story"]["slug"]
            (exported,) = [d for d in export_documents(folder) if d["uri"].endswith(f"/{slug}/")]
            (again,) = import_lines(folder, [json.dumps(exported)])
            assert again["status"] in ("updated", "unchanged"), again
            (exported_again,) = [
                d for d in export_documents(folder) if d["uri"].endswith(f"/{slug}/")
            ]
            assert _comparable(exported_again) == _comparable(exported)

    @given(document=json_values)
    def test_random_json(self, document):
        self.check(json.dumps(document))

    @given(text=st.text(max_size=300))
    def test_random_text(self, text):
        self.check(text.replace("\n", " ").replace("\r", " ") or "{}")

    @given(data=st.data())
    def test_edited_documents(self, data):
        with tempfile.TemporaryDirectory() as folder:
            document = a_valid_document(folder)
        self.check(json.dumps(data.draw(edited_json(document))))


# --- the registry -----------------------------------------------------------------------------

VALID_REGISTRY = {
    "organizations": [
        {"name": "Office of Grid Grants", "kind": "agency", "aliases": ["OGG"],
         "country": "US", "website": "https://grants.example.org/", "description": "Grants."},
    ],
    "people": [
        {"name": "Jane Roe", "nickname": "Janie",
         "roles": [{"title": "Deputy Secretary", "organization": "Office of Grid Grants",
                    "started_on": "2025-01-21"}]},
    ],
}  # fmt: skip


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


registry_files = st.one_of(
    json_values.map(lambda v: ("json", json.dumps(v))),
    edited_json(VALID_REGISTRY).map(lambda v: ("json", json.dumps(v))),
    st.text(max_size=500).map(lambda t: ("json", t)),
    st.lists(st.lists(st.text(max_size=30), max_size=7), max_size=5).map(
        lambda rows: ("csv", csv_text([["name", "kind", "aliases", "website"], *rows]))
    ),
    st.text(max_size=500).map(lambda t: ("csv", t)),
)


class RegistryTests(TestCase):
    @given(file=registry_files)
    def test_a_refused_registry_file_changes_nothing(self, file):
        suffix, text = file
        before = row_counts()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, f"registry.{suffix}")
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            try:
                load_registry(read_registry_file(path), source=path.name)
            except RegistryError as error:
                assert path.name in str(error) and "expected" in str(error)
                self.assertEqual(row_counts(), before)
                return
        # Accepted: loading it again changes nothing (idempotent).
        after = row_counts()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, f"registry.{suffix}")
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            load_registry(read_registry_file(path), source=path.name)
        self.assertEqual(row_counts(), after)
