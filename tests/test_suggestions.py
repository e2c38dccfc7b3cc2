"""The engine as the site uses it: built from the registry, rebuilt when it changes, behind the
suggest_organizations and evaluate_tagging commands and the importer."""

import io
import json
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from people import suggestions
from people.models import OrganizationAlias, RegistryStamp
from stories.models import Origin, Story
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
REGRESSIONS = Path(__file__).parent / "tagging_regressions"


@pytest.fixture
def registry(starter_registry_loaded):
    """The starter registry (loaded once for the module)."""


def suggest_json(*args) -> list[dict]:
    out = StringIO()
    call_command("suggest_organizations", *map(str, args), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_sample_story(registry, sample_story_path):
    [result] = suggest_json(sample_story_path)
    assert result["file"] == str(sample_story_path)
    organizations = [o["name"] for o in result["organizations"]]
    assert organizations[:2] == ["Department of State", "C5+1"]
    # The starter registry knows Uzbekistan's foreign ministry: the title implies it, and it is
    # offered apart, since the text names only its minister.
    [ministry] = result["implied"]
    assert (ministry["name"], ministry["kind"]) == (
        "Ministry of Foreign Affairs of Uzbekistan",
        "ministry",
    )
    assert {m["text"] for m in ministry["mentions"]} == {"Uzbekistan Foreign Minister"}
    state = result["organizations"][0]
    assert (state["slug"], state["kind"], state["reason"]) == (
        "department-of-state", "agency", "name",
    )  # fmt: skip
    assert {m["text"] for m in state["mentions"]} == {"Department of State"}
    assert result["candidates"] == []
    countries = [c["name"] for c in result["countries"]]
    assert countries[:2] == ["United States", "Uzbekistan"]
    assert {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"} <= set(countries)
    assert "United States" not in organizations
    people = {p["name"]: p for p in result["people"]}
    assert {"Christopher Landau", "Bakhtiyor Saidov", "Marco Rubio", "Thomas Pigott"} <= set(people)
    assert {m["text"] for m in people["Marco Rubio"]["mentions"]} == {"Secretary Rubio"}
    assert people["Thomas Pigott"]["known"] is True


def test_offsets_point_into_the_text_read_from_stdin(registry, monkeypatch):
    text = "Officials from the EPA and Kyrgyzstan’s Ministry of Widget Safety met."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))
    [result] = suggest_json("-")
    epa = result["organizations"][0]["mentions"][0]
    assert text[epa["start"] : epa["end"]] == "EPA"
    candidate = result["candidates"][0]
    assert text[candidate["start"] : candidate["end"]] == "Ministry of Widget Safety"


def test_korea_alone_is_south_korea_and_north_korea_is_named_so(registry, monkeypatch):
    text = "Korea joined the fusion project. North Korea did not."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))
    [result] = suggest_json("-")
    assert [c["name"] for c in result["countries"]] == ["South Korea", "North Korea"]


def test_the_engine_is_rebuilt_when_the_registry_changes_in_any_process():
    org = OrganizationFactory(name="Bureau of Widget Safety")
    first = suggestions.current_index()
    assert suggestions.current_index() is first  # built once while nothing changes
    assert suggestions.suggest("The BWS said").organizations == []
    OrganizationAlias.objects.create(organization=org, name="BWS")
    assert [s.entry.name for s in suggestions.suggest("The BWS said").organizations] == [
        "Bureau of Widget Safety"
    ]
    # Another process changed the registry: only the shared stamp says so.
    rebuilt = suggestions.current_index()
    RegistryStamp.objects.filter(pk=1).update(version=uuid.uuid4())
    assert suggestions.current_index() is not rebuilt


def test_the_index_costs_one_query_when_nothing_changed(registry, django_assert_num_queries):
    suggestions.current_index()
    with django_assert_num_queries(1):
        suggestions.suggest("The State Department and the EPA")


def test_imported_stories_get_their_organizations_from_the_engine(registry, sample_story_path):
    out = StringIO()
    call_command("import_stories", str(sample_story_path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["organizations"][:2] == ["Department of State", "C5+1"]
    story = Story.objects.get()
    links = list(story.story_organizations.select_related("organization"))
    assert [link.organization.name for link in links] == report["organizations"]
    assert {link.origin for link in links} == {Origin.IMPORTED}
    assert [link.position for link in links] == list(range(len(links)))
    people = set(story.people.values_list("full_name", flat=True))
    assert {"Thomas Pigott", "Christopher Landau", "Marco Rubio"} <= people


def test_the_source_organization_comes_first(registry, tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(
        "NATO and EU talk cables\n\nWebp x1\nJane Roe, Spokesperson for the Department of "
        "State | Official Website\n\nNATO and EU talk cables\n\nORGANIZATIONS IN THIS STORY\n\n"
        "NATO and the European Union met the Department of State.\n\nORGANIZATIONS IN THIS STORY\n"
    )
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())[0]["organizations"] == [
        "Department of State", "North Atlantic Treaty Organization", "European Union",
    ]  # fmt: skip


def test_an_organization_in_the_source_slot_is_the_source(registry, tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(
        "Banks get simpler rules\n\nWebp x2\nFederal Deposit Insurance Corporation | FDIC.gov\n\n"
        "Banks get simpler rules\n\nORGANIZATIONS IN THIS STORY\n\nThe Fed agreed.\n\n"
        "ORGANIZATIONS IN THIS STORY\n"
    )
    out = StringIO()
    call_command("import_stories", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["organizations"] == ["Federal Deposit Insurance Corporation", "Federal Reserve"]
    assert report["caption"] is None
    assert Story.objects.get().source_attribution == "Federal Deposit Insurance Corporation"


def test_the_regression_stories_still_pass(registry):
    out = StringIO()
    call_command("evaluate_tagging", str(REGRESSIONS), "--json", "-v", stdout=out)
    report = json.loads(out.getvalue())
    assert report["stories"] >= 25
    scores = report["scores"]
    for category in ("registry", "candidates", "countries", "people"):
        assert scores[category]["precision"] >= 0.95, (category, report["misses"])
    for category in ("organizations", "countries", "people"):
        assert scores[category]["recall"] >= 0.95, (category, report["misses"])


def test_the_corpus_labels_are_complete():
    for path in sorted(REGRESSIONS.glob("*.txt")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(labels) == {"organizations", "organization_mentions", "countries", "people"}
        text = path.read_text(encoding="utf-8")
        for name, surface_forms in labels["organization_mentions"].items():
            assert name in labels["organizations"], (path.name, name)
            for form in surface_forms:
                assert form in text, (path.name, form)
