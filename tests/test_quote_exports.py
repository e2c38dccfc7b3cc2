"""Quotes in the exports (ninjs, CSV) and in the story page's JSON-LD."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import html

from stories.models import Story, StoryQuote
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)
from tests.test_exports import (
    export_then_import_into_an_empty_newsroom,
    ninjs_validator,
    run_export,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    agency = OrganizationFactory(name="River Works Agency", slug="river-works-agency")
    dana = PersonFactory(full_name="Dana Whitfield", slug="dana-whitfield")
    role = RoleFactory(person=dana, title="Director", organization=agency)
    story = StoryFactory(
        published=True,
        slug="the-lock-opens",
        headline="The lock opens",
        body="“It is ready,” said Dana Whitfield.\n\n“We welcome it,” the agency said.\n\n“Ok.”",
    )
    StoryOrganizationFactory(story=story, organization=agency)
    StoryPersonFactory(story=story, person=dana, role=role)
    quotes = [
        {"paragraph": 1, "start": 1, "end": 13, "text": "It is ready,", "speaker_kind": "person",
         "speaker_person": dana, "speaker_name": "Dana Whitfield", "speaker_title": "Director",
         "speaker_organization": agency, "origin": "confirmed"},
        {"paragraph": 2, "start": 1, "end": 15, "text": "We welcome it,", "origin": "found",
         "speaker_kind": "organization", "speaker_organization": agency,
         "speaker_name": "River Works Agency"},
        {"paragraph": 3, "start": 1, "end": 4, "text": "Ok.", "origin": "found"},
    ]  # fmt: skip
    for position, quote in enumerate(quotes):
        StoryQuote.objects.create(story=story, position=position, **quote)
    return story


def quote_values(document: dict) -> list[dict]:
    return [
        json.loads(d["value"])
        for d in document.get("descriptions", [])
        if d["role"] == "quote" and d["contentType"] == "application/json"
    ]


def test_ninjs_carries_the_quotes_and_stays_schema_valid(story):
    [document] = [json.loads(line) for line in run_export("--format", "ndjson").splitlines()]
    assert list(ninjs_validator().iter_errors(document)) == []
    first, second, third = quote_values(document)
    assert first == {
        "text": "It is ready,", "paragraph": 1, "start": 1, "end": 13, "origin": "confirmed",
        "speaker": {"name": "Dana Whitfield", "title": "Director",
                    "organization": "River Works Agency", "kind": "person",
                    "uri": "http://testserver/people/dana-whitfield/"},
    }  # fmt: skip
    assert second["speaker"]["kind"] == "organization"
    assert second["speaker"]["uri"] == "http://testserver/organizations/river-works-agency/"
    assert third["speaker"] is None


def test_ninjs_round_trip_restores_the_quotes(story, tmp_path):
    first = tmp_path / "first.ndjson"
    export_then_import_into_an_empty_newsroom(first)
    restored = Story.objects.get()
    assert [(q.text, q.speaker_person and q.speaker_person.slug, q.origin) for q in
            restored.quotes.select_related("speaker_person")] == [
        ("It is ready,", "dana-whitfield", "confirmed"),
        ("We welcome it,", None, "found"),
        ("Ok.", None, "found"),
    ]  # fmt: skip
    second = tmp_path / "second.ndjson"
    call_command("export_stories", "--format", "ndjson", "--output", str(second), stderr=StringIO())
    assert second.read_text() == first.read_text()


def test_a_quote_description_that_is_not_json_is_refused(story, tmp_path):
    [document] = [json.loads(line) for line in run_export("--format", "ndjson").splitlines()]
    document["descriptions"][-1]["value"] = "{not json"
    path = tmp_path / "bad.ndjson"
    path.write_text(json.dumps(document))
    out = StringIO()
    with pytest.raises(CommandError, match="refused"):
        call_command("import_stories", "--format", "ninjs", str(path), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert "expected a quote as JSON with text" in report["errors"][0]["message"]


def test_the_csv_has_a_quotes_column(story):
    text = run_export("--format", "csv").decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["quotes"].split("\n") == [
        "Dana Whitfield (Director): “It is ready,”",
        "River Works Agency: “We welcome it,”",
        "(no speaker): “Ok.”",
    ]


def test_the_story_page_json_ld_has_quotations_with_their_speakers(client, story):
    response = client.get(story.get_absolute_url())
    tree = html.fromstring(response.content)
    [article] = [
        data
        for s in tree.xpath('//script[@type="application/ld+json"]')
        if (data := json.loads(s.text))["@type"] == "NewsArticle"
    ]
    first, second, third = article["hasPart"]
    assert first["@type"] == "Quotation"
    assert first["text"] == "It is ready,"
    assert first["spokenByCharacter"] == first["creator"]
    assert first["creator"]["@type"] == "Person"
    assert (first["creator"]["name"], first["creator"]["jobTitle"]) == (
        "Dana Whitfield",
        "Director",
    )
    assert first["creator"]["affiliation"]["name"] == "River Works Agency"
    assert second["creator"] == {
        "@type": "Organization",
        "name": "River Works Agency",
        "url": "http://testserver/organizations/river-works-agency/",
    }
    assert "creator" not in third
