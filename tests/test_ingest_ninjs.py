"""ninjs from other systems: the IPTC's own 3.1 and 2.2 examples, pretty-printed single
documents, arrays and NDJSON, with only `uri` required and a warning for each default."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stories.models import Story
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "standards" / "ninjs" / "examples"


def import_ninjs(path) -> list[dict]:
    out = StringIO()
    call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def examples():
    if not EXAMPLES.exists():
        pytest.skip("the IPTC examples are not beside this checkout")
    return EXAMPLES


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_the_iptc_examples_import_with_their_organisations_and_people(examples, version):
    italy = OrganizationFactory(name="Italy", slug="italy", kind="country")
    [simple] = import_ninjs(examples / version / "004_simple_text_article.json")
    assert simple["status"] == "created" and simple["errors"] == []
    assert simple["headline"] == "Captain of wrecked cruise ship on trial in Italy"
    assert [w["message"] for w in simple["warnings"]] == [
        "no firstCreated: its versionCreated is used"
    ]
    [complex_] = import_ninjs(examples / version / "005_complex_text_article.json")
    assert complex_["status"] == "created"
    story = Story.objects.get(pk=complex_["story"]["id"])
    assert [o.name for o in story.organizations.all()] == ["Costa Crociere SpA", italy.name]
    assert [p.full_name for p in story.people.all()] == ["Francesco Schettino"]
    assert story.status == "draft"
    assert story.source_attribution == "Paulo Santalucia and Frances d'Emilio"
    # The HTML body's <p> elements are the paragraphs.
    assert len(story.paragraphs) == 4
    assert story.paragraphs[2].startswith("His lawyer, Domenico Pepe")
    # Foreign uris (Wikidata) never become our slugs.
    assert not story.people.filter(slug__icontains="q4421821").exists()

    # Imported again: the same stories, updated.
    assert import_ninjs(examples / version / "005_complex_text_article.json")[0]["status"] == (
        "updated"
    )
    assert Story.objects.count() == 2


def test_pretty_arrays_ndjson_and_defaults(tmp_path):
    documents = [
        {"uri": "urn:partner:1", "headlines": [{"role": "main", "value": "Ferries run late"}],
         "bodies": [{"role": "main", "contentType": "text/plain",
                     "value": "Night ferries sail an hour later.\n\nTickets stay valid."}],
         "firstCreated": "2026-11-20T08:00:00Z", "versionCreated": "2026-11-20T09:00:00Z",
         "subjects": [{"name": "Transport"}], "pubStatus": "usable"},
        {"uri": "urn:partner:2", "headlines": [{"role": "main", "value": "Pier closed"}],
         "versionCreated": "2026-11-21T08:00:00+01:00"},
    ]  # fmt: skip
    ndjson = tmp_path / "partner.ndjson"
    ndjson.write_text("\n".join(json.dumps(d) for d in documents) + "\n")
    reports = import_ninjs(ndjson)
    assert [r["status"] for r in reports] == ["created", "created"]
    assert [w["message"] for w in reports[0]["warnings"]] == [
        "its pubStatus is 'usable': imported as a draft for an editor to publish"
    ]
    assert [w["message"] for w in reports[1]["warnings"]] == [
        "no body: the story has a headline only",
        "no firstCreated: its versionCreated is used",
    ]
    ferries = Story.objects.get(headline="Ferries run late")
    assert ferries.paragraphs == ["Night ferries sail an hour later.", "Tickets stay valid."]
    assert list(ferries.tags.names()) == ["Transport"]

    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(documents, indent=2))
    assert [r["status"] for r in import_ninjs(pretty)] == ["updated", "updated"]
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"uri": "urn:partner:3", "headline": "Old 1.x style"}, indent=4))
    [report] = import_ninjs(single)
    assert report["status"] == "created"
    assert Story.objects.count() == 3


def test_a_document_without_a_uri_is_refused_with_its_line(tmp_path):
    path = tmp_path / "partner.ndjson"
    path.write_text(
        json.dumps({"uri": "urn:a", "headlines": [{"role": "main", "value": "Kept"}]})
        + "\n"
        + json.dumps({"headlines": [{"role": "main", "value": "No uri"}]})
        + "\n"
    )
    out = StringIO()
    with pytest.raises(CommandError, match=r"1 file\(s\) refused"):
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    reports = json.loads(out.getvalue())
    assert reports[1]["errors"][0]["text"] == (
        f"{path}, line 2: expected a ninjs document with a uri (the one required field)"
    )
    assert list(Story.objects.values_list("headline", flat=True)) == ["Kept"]


@pytest.mark.parametrize("shape", ["one line", "pretty array", "NDJSON"])
def test_the_iptc_examples_in_every_shape(examples, tmp_path, shape):
    OrganizationFactory(name="Italy", slug="italy", kind="country")
    documents = [
        json.loads((examples / version / name).read_text())
        for version in ("3.1", "2.2")
        for name in ("004_simple_text_article.json", "005_complex_text_article.json")
    ]
    path = tmp_path / ("examples.ndjson" if shape == "NDJSON" else "examples.json")
    if shape == "one line":
        path.write_text(json.dumps(documents[1]))
    elif shape == "pretty array":
        path.write_text(json.dumps(documents, indent=2))
    else:
        path.write_text("".join(json.dumps(d) + "\n" for d in documents))
    reports = import_ninjs(path)
    assert all(r["errors"] == [] for r in reports)
    assert all(
        [w["message"] for w in r["warnings"]] == ["no firstCreated: its versionCreated is used"]
        for r in reports
    )
    complex_ = Story.objects.get(pk=reports[0 if shape == "one line" else 1]["story"]["id"])
    assert [o.name for o in complex_.organizations.all()] == ["Costa Crociere SpA", "Italy"]
    assert [p.full_name for p in complex_.people.all()] == ["Francesco Schettino"]
