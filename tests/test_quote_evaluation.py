"""evaluate_tagging scores quotes: found texts, speaker precision and recall, misses with -v."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

STORY = """Harbor board opens the river lock

Webp ev1
Dana Whitfield, Director of the Office of River Works | Harbor news

Harbor board opens the river lock

ORGANIZATIONS IN THIS STORY

The Office of River Works opened the lock on Tuesday.

“The lock will carry ships for a century,” said Director Dana Whitfield. “It is ready.”

Mayor Carl Jensen called the lock “a gift to the city” and left. “We waited long,” he said.

“The board welcomes the opening,” the office said.

ORGANIZATIONS IN THIS STORY
"""

LABELS = {
    "source": {"name": "Dana Whitfield", "title": "Director", "organization": None},
    "organizations": [
        {
            "name": "Office of River Works",
            "also": ["ORW"],
            "kind": "agency",
            "country": None,
            "parent": None,
            "mentions": ["Office of River Works"],
        }
    ],
    "countries": [],
    "people": [{"name": "Dana Whitfield", "title": "Director", "organization": None}],
    "quotes": [
        {"text": "The lock will carry ships for a century,", "speaker": "Dana Whitfield",
         "speaker_kind": "person"},
        {"text": "It is ready.", "speaker": "Dana Whitfield", "speaker_kind": "person"},
        {"text": "a gift to the city", "speaker": "Carl Jensen", "speaker_kind": "person"},
        {"text": "We waited long,", "speaker": "Ada Jensen", "speaker_kind": "person"},
        {"text": "The board welcomes the opening,", "speaker": "ORW",
         "speaker_kind": "organization"},
        {"text": "A quote the story lacks.", "speaker": None, "speaker_kind": None},
    ],
}  # fmt: skip


@pytest.fixture
def corpus(tmp_path):
    OrganizationFactory(name="Office of River Works", kind="agency")
    (tmp_path / "lock.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "lock.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return tmp_path


def test_quotes_and_their_speakers_are_scored(corpus):
    out = StringIO()
    call_command("evaluate_tagging", str(corpus), "--json", "-v", stdout=out)
    report = json.loads(out.getvalue())
    quotes = report["scores"]["quotes"]
    assert (quotes["gold"], quotes["found"], quotes["extra"]) == (6, 5, 0)
    # Five quotes given a speaker; "he" is Carl Jensen, not the gold's (wrong) Ada Jensen.
    assert (quotes["right"], quotes["with_speaker"], quotes["gold_with_speaker"]) == (4, 5, 5)
    assert quotes["speaker_precision"] == 0.8
    assert quotes["speaker_recall"] == 0.8
    misses = {(m["category"], m["kind"], m["name"]) for m in report["misses"]}
    assert ("quotes", "missed", "'A quote the story lacks.'") in misses
    assert (
        "quotes",
        "speaker",
        "'We waited long,': 'Carl Jensen', expected 'Ada Jensen'",
    ) in misses


def test_the_text_report_prints_the_quote_figures(corpus):
    out = StringIO()
    call_command("evaluate_tagging", str(corpus), "-v", stdout=out)
    text = out.getvalue()
    assert "quotes found               recall 0.833 (5/6), 0 not in the labels" in text
    assert "quote speakers             precision 0.800 (4/5)  recall 0.800 (4/5)" in text
    assert "lock.txt: quotes missed: 'A quote the story lacks.'" in text


def test_an_organization_speaker_under_its_registry_name_is_the_labels(tmp_path):
    """The engine names the speaker as the registry does ("Office of River Works of Tuvalu");
    the label as the story does ("Office of River Works", with its country)."""
    OrganizationFactory(name="Tuvalu", kind="country", country="TV")
    OrganizationFactory(name="Office of River Works of Tuvalu", kind="agency", country="TV")
    labels = {
        **LABELS,
        "organizations": [{**LABELS["organizations"][0], "country": "TV"}],
        "quotes": [{"text": "The board welcomes the opening,", "speaker": "Office of River Works",
                    "speaker_kind": "organization"}],
    }  # fmt: skip
    text = STORY.replace("The Office of River Works opened", "The Office of River Works of "
                         "Tuvalu opened")  # fmt: skip
    (tmp_path / "lock.txt").write_text(text, encoding="utf-8")
    (tmp_path / "lock.json").write_text(json.dumps(labels), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_tagging", str(tmp_path), "--json", stdout=out)
    assert json.loads(out.getvalue())["scores"]["quotes"]["right"] == 1
