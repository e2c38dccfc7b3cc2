"""evaluate_tagging: each figure scored apart, both label formats, misses with -v."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from people.models import Organization
from people.names import name_key
from stories.evaluation import GoldOrganization
from tests.factories import OrganizationAliasFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

STORY = """Harbor board and a museum sign a river pact

Webp ev1
Dana Whitfield, Director of the Office of River Works | Harbor news

Harbor board and a museum sign a river pact

ORGANIZATIONS IN THIS STORY

The Office of River Works and the Tidewater Harbor Council signed a pact
with the ORW board in Kenya on Tuesday.

Director Dana Whitfield said the Quarry Lane Institute would help. The Blue Fern Agency
was not named by anyone.

ORGANIZATIONS IN THIS STORY
"""


def write_story(directory: Path, name: str, labels: dict, text: str = STORY) -> None:
    (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    (directory / f"{name}.json").write_text(json.dumps(labels), encoding="utf-8")


def evaluate(directory: Path, *extra: str) -> dict:
    out = StringIO()
    call_command("evaluate_tagging", str(directory), "--json", *extra, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def registry():
    works = OrganizationFactory(name="Office of River Works", kind="agency")
    OrganizationAliasFactory(organization=works, name="ORW")
    OrganizationFactory(name="Kenya", kind="country", country="KE")
    OrganizationFactory(name="Blue Fern Agency", kind="agency")


NEW_LABELS = {
    "source": {
        "name": "Dana Whitfield",
        "title": "Director",
        "organization": "Office of River Works",
    },
    "organizations": [
        {
            "name": "River Works Office",
            "also": ["ORW"],
            "kind": "agency",
            "country": "KE",
            "parent": None,
            "mentions": ["Office of River Works", "ORW"],
        },
        {
            "name": "Tidewater Harbor Council",
            "also": [],
            "kind": "museum",
            "country": "KE",
            "parent": None,
            "mentions": ["Tidewater Harbor Council"],
        },
        {
            "name": "Quarry Lane Institute",
            "also": [],
            "kind": "university",
            "country": "KE",
            "parent": None,
            "mentions": ["Quarry Lane Institute"],
        },
    ],
    "countries": ["Kenya"],
    "people": [{"name": "Dana Whitfield", "title": "Director", "organization": "ORW"}],
    "quotes": [],
}


def test_new_labels_are_scored_figure_by_figure(registry, tmp_path):
    write_story(tmp_path, "river", NEW_LABELS)
    report = evaluate(tmp_path)
    scores = report["scores"]
    assert report["stories"] == 1
    # The registry's "Office of River Works" is the gold "River Works Office" through "ORW";
    # "Blue Fern Agency" is named but not an organization of the story.
    assert (scores["registry"]["tp"], scores["registry"]["fp"]) == (1, 1)
    assert scores["registry"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    # Two gold organizations the registry lacks, both found as candidates.
    assert scores["candidates"]["lacking"] == {"gold": 2, "found": 2}
    assert scores["candidates"]["precision"] == 1.0
    assert scores["organizations"]["recall"] == 1.0
    assert (scores["countries"]["precision"], scores["countries"]["recall"]) == (1.0, 1.0)
    assert scores["people"]["tp"] == 1
    assert scores["mentions"]["fn"] == 0
    assert scores["source"] == {"person": 1, "title": 1, "organization": 1, "all": 1, "of": 1}
    assert scores["kinds"]["museum"] == {"gold": 1, "registry": 0, "found": 1}
    assert "misses" not in report


def test_misses_are_listed_with_v(registry, tmp_path):
    labels = {**NEW_LABELS, "countries": ["Kenya", "Tanzania"]}
    labels["source"] = {**NEW_LABELS["source"], "title": "Chief Director"}
    write_story(tmp_path, "river", labels)
    report = evaluate(tmp_path, "-v")
    misses = {(m["category"], m["kind"], m["name"]) for m in report["misses"]}
    assert ("countries", "missed", "Tanzania") in misses
    assert ("registry", "extra", "Blue Fern Agency") in misses
    assert ("source", "title", "'Director', expected 'Chief Director'") in misses
    assert report["scores"]["source"]["all"] == 0

    out = StringIO()
    call_command("evaluate_tagging", str(tmp_path), "-v", stdout=out)
    text = out.getvalue()
    assert "river.txt: countries missed: Tanzania" in text
    assert "source line                all right 0/1" in text


def test_the_older_label_format_is_read(registry, tmp_path):
    old = {
        "organizations": ["Office of River Works", "Tidewater Harbor Council"],
        "organization_mentions": {"Office of River Works": ["ORW"]},
        "countries": ["Kenya"],
        "people": [{"name": "Dana Whitfield", "title": "Director", "organization": None}],
    }
    write_story(tmp_path, "old", old)
    scores = evaluate(tmp_path)["scores"]
    assert scores["organizations"]["recall"] == 1.0
    assert scores["source"]["of"] == 0  # the older format does not label the source line
    assert scores["kinds"]["agency"]["gold"] == 1  # a kind taken from the registry


def test_a_broken_label_file_is_refused(tmp_path):
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(CommandError, match="x.json: expected the story's labels as JSON"):
        evaluate(tmp_path)


def with_organization(name: str, kind: str, mention: str, parent: str | None = None) -> dict:
    """NEW_LABELS with one more gold organization, of Kenya, mentioned once."""
    organization = {"name": name, "also": [], "kind": kind, "country": "KE", "parent": parent,
                    "mentions": [mention]}  # fmt: skip
    return {**NEW_LABELS, "organizations": [*NEW_LABELS["organizations"], organization]}


def test_a_part_named_before_its_body_is_the_bodys_part(registry, tmp_path):
    text = STORY.replace(
        "The Blue Fern Agency\nwas not named by anyone.",
        "The Steering Board of the Office of River Works met.",
    )
    labels = with_organization(
        "Steering Board of the Office of River Works", "other", "Steering Board",
        parent="River Works Office",
    )  # fmt: skip
    write_story(tmp_path, "river", labels, text)
    scores = evaluate(tmp_path)["scores"]
    # the engine's candidate "Steering Board", part of the Office of River Works, is that one
    assert scores["candidates"]["lacking"] == {"gold": 3, "found": 3}
    assert scores["candidates"]["precision"] == 1.0


def test_a_part_of_a_registry_body_with_a_qualifier_is_the_labelled_part(registry, tmp_path):
    works = Organization.objects.get(name="Office of River Works")
    works.name = "Office of River Works (Harborland)"  # told from a namesake elsewhere
    works.save()
    OrganizationAliasFactory(organization=works, name="Office of River Works")
    text = STORY.replace(
        "The Blue Fern Agency\nwas not named by anyone.",
        "The Board of the Office of River Works met.",
    )
    labels = with_organization(
        "Board of the Office of River Works", "other", "Board", parent="River Works Office"
    )
    write_story(tmp_path, "river", labels, text)
    scores = evaluate(tmp_path)["scores"]
    # the candidate "Board" of the registry's "Office of River Works (Harborland)" is the label
    assert scores["candidates"]["lacking"] == {"gold": 3, "found": 3}
    assert scores["candidates"]["precision"] == 1.0


def test_a_registry_name_with_a_qualifier_is_the_body_a_label_names_without_it(tmp_path):
    OrganizationFactory(name="Quarry Lane Institute (Kenya)", kind="university", country="KE")
    OrganizationFactory(name="Kenya", kind="country", country="KE")
    text = STORY.replace("Quarry Lane Institute", "Quarry Lane Institute (Kenya)")
    labels = {
        **NEW_LABELS,
        "organizations": [o for o in NEW_LABELS["organizations"] if o["kind"] == "university"],
    }
    write_story(tmp_path, "river", labels, text)
    scores = evaluate(tmp_path)["scores"]
    assert scores["registry"]["precision"] == 1.0
    assert scores["candidates"]["lacking"]["gold"] == 0  # the registry has it, qualified


@pytest.mark.parametrize(
    ("kind", "registry_country", "counted"),
    [
        ("agency", "TZ", False),  # another country's body of that name: wrong
        ("agency", "KE", True),
        ("agency", "", True),  # a body of no country (a multilateral): not compared
        ("company", "TZ", True),  # a company's country is where its head office is said to be
    ],
)
def test_a_body_of_another_country_sharing_the_name_is_no_match(
    tmp_path, kind, registry_country, counted
):
    OrganizationFactory(name="Quarry Lane Institute", kind=kind, country=registry_country)
    OrganizationFactory(name="Kenya", kind="country", country="KE")
    labels = {
        **NEW_LABELS,
        "organizations": [
            {**o, "kind": kind} for o in NEW_LABELS["organizations"] if o["kind"] == "university"
        ],
    }
    write_story(tmp_path, "river", labels)
    report = evaluate(tmp_path, "-v")
    scores = report["scores"]
    assert (scores["registry"]["tp"], scores["registry"]["fp"]) == (counted, not counted)
    assert scores["mentions"]["tp"] == counted
    misses = {(m["category"], m["kind"], m["name"]) for m in report.get("misses", [])}
    assert (("registry", "extra", "Quarry Lane Institute") in misses) is not counted


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "mention"),
    [
        # a company named without its legal forms
        ("Quarry Lane Robotics, a startup, built the pumps.", "Quarry Lane Robotics Co., Ltd.",
         "company", "Quarry Lane Robotics"),
        # without the last of two legal forms
        ("Quarry Lane Trust Company, a custodian, held the funds.",
         "Quarry Lane Trust Company, LLC", "company", "Quarry Lane Trust Company"),
        # a country's government, whatever its style: the engine's "Government of Kenya"
        ("The Kenyan government paid for the pumps.", "Government of the Republic of Kenya",
         "country", "Kenyan government"),
    ],
)  # fmt: skip
def test_a_candidate_is_the_labelled_organization_it_names(
    registry, tmp_path, sentence, name, kind, mention
):
    text = STORY.replace("The Blue Fern Agency\nwas not named by anyone.", sentence)
    write_story(tmp_path, "river", with_organization(name, kind, mention), text)
    scores = evaluate(tmp_path)["scores"]
    assert scores["candidates"]["precision"] == 1.0
    assert scores["organizations"]["recall"] == 1.0


def test_a_subcommittee_is_also_named_with_its_committees_name():
    label = GoldOrganization(
        "Subcommittee on Health", kind="legislature", parent="House Energy and Commerce Committee"
    )
    assert name_key("House Energy and Commerce Subcommittee on Health") in label.keys
    assert name_key("House Energy and Commerce Committee on Health") not in label.keys


@pytest.mark.parametrize(
    ("title", "right"),
    [
        ("River Works Director", 1),  # the body's name written before the title
        ("Director of the Office of River Works", 1),  # or after it
        ("Director of the Office and Chair of the Harbor Board", 0),  # a second role
        ("Chief Director", 0),  # another title
    ],
)
def test_a_labelled_title_holding_its_body_is_the_title_read_with_the_body_apart(
    registry, tmp_path, title, right
):
    labels = json.loads(json.dumps(NEW_LABELS))
    labels["source"] = {**NEW_LABELS["source"], "title": title}
    write_story(tmp_path, "river", labels)
    # read: "Director" at the Office of River Works
    assert evaluate(tmp_path)["scores"]["source"]["title"] == right
