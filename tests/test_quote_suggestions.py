"""suggest_organizations --json lists the quotes of each story, parsed back from its output."""

import io
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

The agency also published its report, “Rivers of Tomorrow,” and a map.

“Nobody told us,” one resident said.

ORGANIZATIONS IN THIS STORY
"""


def suggest_json(*args) -> list[dict]:
    out = StringIO()
    call_command("suggest_organizations", *map(str, args), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_quotes_with_speakers_offsets_paragraphs_and_cues(tmp_path):
    OrganizationFactory(name="Office of River Works", kind="agency")
    path = tmp_path / "lock.txt"
    path.write_text(STORY, encoding="utf-8")
    [result] = suggest_json(path)
    first, second, third = result["quotes"]  # the report's title is no quote
    assert first == {
        "text": "The lock will carry ships for a century,",
        "start": first["start"],
        "end": first["end"],
        "paragraph": 2,
        "speaker": {
            "name": "Dana Whitfield",
            "title": "Director",
            "organization": "Office of River Works",
            "kind": "person",
        },
        "cue": "said",
    }
    assert second["text"] == "It is ready."
    assert second["speaker"]["name"] == "Dana Whitfield"
    assert (third["text"], third["speaker"], third["cue"]) == ("Nobody told us,", None, "said")
    # Offsets as the mentions': in the story's text (headline, source line, body).
    text = "\n\n".join(
        [
            "Harbor board opens the river lock",
            "Dana Whitfield, Director of the Office of River Works",
            *STORY.split("ORGANIZATIONS IN THIS STORY")[1].strip().split("\n\n"),
        ]
    )
    for quote in result["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    [office] = result["organizations"]
    mention = office["mentions"][0]
    assert text[mention["start"] : mention["end"]] == mention["text"]


def test_raw_text_on_standard_input_has_quotes_too(monkeypatch):
    raw = "The board met.\n\n“We are ready,” said Jane Doe, the chair of the board.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw.encode()), "utf-8"))
    [result] = suggest_json("-")
    [quote] = result["quotes"]
    assert raw[quote["start"] : quote["end"]] == "We are ready,"
    assert quote["paragraph"] == 2
    assert quote["speaker"]["name"] == "Jane Doe"
