"""The admin story list as an editor uses it on a large archive: its filters and searches find
the right stories in a bounded number of queries, and a long list says its count is an estimate
(PostgreSQL) instead of counting every story."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from stories.admin import story_list
from stories.ingest.models import IngestedItem, IngestSource
from stories.models import Story, StoryStatus
from stories.search import refresh_search_vectors
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("admin:stories_story_changelist")
FULL_TEXT = connection.vendor == "postgresql"


def listed(response) -> list[str]:
    """The headlines on the page, in their order."""
    return re.findall(r'<th class="field-headline"><a [^>]*>([^<]*)</a>', response.content.decode())


@pytest.fixture
def desk():
    """Stories an editor filters: tagged once, tagged twice, untagged, copied, scheduled."""
    harbours = OrganizationFactory(name="Ministry of Harbours", slug="harbours")
    survey = OrganizationFactory(name="Coastal Survey Agency", slug="survey")
    once = StoryFactory(headline="Harbour dues fall", published=True)
    StoryOrganizationFactory(story=once, organization=harbours)
    twice = StoryFactory(headline="Survey maps the harbour", published=True)
    StoryOrganizationFactory(story=twice, organization=harbours)
    StoryOrganizationFactory(story=twice, organization=survey)
    untagged = StoryFactory(headline="Untagged draft")
    copied = StoryFactory(headline="Wire copy of a release", published=True)
    StoryOrganizationFactory(story=copied, organization=survey)
    wire = IngestSource.objects.create(name="Wire", slug="wire", url="https://wire.example/feed")
    IngestedItem.objects.create(
        source=wire, key="urn:1", headline=copied.headline, duplicate_of=copied
    )
    StoryFactory(
        headline="Embargoed budget",
        status=StoryStatus.PUBLISHED,
        published_at=timezone.now() + timedelta(days=1),
    )
    return {"harbours": harbours, "untagged": untagged}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"tagged": "no"}, {"Untagged draft", "Embargoed budget"}),
        ({"tagged": "yes"}, {"Harbour dues fall", "Survey maps the harbour",
                             "Wire copy of a release"}),
        ({"organization": "harbours"}, {"Harbour dues fall", "Survey maps the harbour"}),
        ({"organization": "no-such-organization"}, set()),
        ({"copies": "yes"}, {"Wire copy of a release"}),
        ({"copies": "no"}, {"Harbour dues fall", "Survey maps the harbour", "Untagged draft",
                            "Embargoed budget"}),
        ({"when": "scheduled"}, {"Embargoed budget"}),
        ({"when": "public"}, {"Harbour dues fall", "Survey maps the harbour",
                              "Wire copy of a release"}),
    ],
)  # fmt: skip
def test_filters_list_each_story_once(editor_client, desk, query, expected):
    headlines = listed(editor_client.get(URL, query))
    assert sorted(headlines) == sorted(expected)  # once each, however many organizations


def test_an_organization_outside_the_top_ones_is_still_shown_when_chosen(editor_client, desk):
    response = editor_client.get(URL, {"organization": "harbours"})
    assert "Ministry of Harbours" in response.content.decode()


def test_the_organization_filter_offers_the_most_tagged_lately(editor_client, desk):
    html = editor_client.get(URL).content.decode()
    offered = re.findall(r'href="\?organization=([\w-]+)"', html)
    assert offered[:2] == ["harbours", "survey"] or offered[:2] == ["survey", "harbours"]


QUERIES = [
    {}, {"tagged": "no"}, {"tagged": "yes"}, {"organization": "harbours"}, {"copies": "yes"},
    {"when": "public"}, {"mine": "imported"}, {"q": "harbour"}, {"q": "harbour", "tagged": "yes"},
    {"o": "1"}, {"o": "2"}, {"o": "3"},
]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()))
def test_filters_searches_and_sorts_take_a_bounded_number_of_queries(
    editor_client, desk, django_assert_max_num_queries, query
):
    editor_client.get(URL)  # the organization filter's choices, cached for a while
    for _ in range(10):
        story = StoryFactory(headline="Another harbour story", published=True)
        StoryOrganizationFactory(story=story, organization=desk["harbours"])
    with django_assert_max_num_queries(14):
        response = editor_client.get(URL, query)
    assert response.status_code == 200


def test_search_finds_the_beginning_of_a_word_a_slug_and_a_source(editor_client):
    StoryFactory(headline="Energy grants for rural utilities", slug="grants-announced")
    StoryFactory(headline="Port upgrade", source_role__person__full_name="Ingrid Lindqvist")
    StoryFactory(headline="Something else entirely")
    refresh_search_vectors(Story.objects.values_list("pk", flat=True))  # done on commit
    assert listed(editor_client.get(URL, {"q": "ener"})) == ["Energy grants for rural utilities"]
    assert listed(editor_client.get(URL, {"q": "grants-announced"})) == [
        "Energy grants for rural utilities"
    ]
    assert listed(editor_client.get(URL, {"q": "Lindqvist"})) == ["Port upgrade"]
    assert listed(editor_client.get(URL, {"q": "!!!"})) == []


@pytest.mark.skipif(not FULL_TEXT, reason="the full-text index is PostgreSQL's")
def test_search_finds_words_of_the_text_and_an_organizations_alias(editor_client):
    harbours = OrganizationFactory(name="Ministry of Harbours")
    OrganizationAliasFactory(organization=harbours, name="MoH")
    tagged = StoryFactory(headline="Dues fall", body="Fees at the docks were lowered.")
    StoryOrganizationFactory(story=tagged, organization=harbours)
    StoryFactory(headline="Unrelated", body="Nothing about it.")
    refresh_search_vectors([tagged.pk])
    assert listed(editor_client.get(URL, {"q": "docks lowered"})) == ["Dues fall"]
    assert listed(editor_client.get(URL, {"q": "MoH"})) == ["Dues fall"]


def test_a_long_list_counts_exactly_up_to_a_bound_then_estimates(editor_client, monkeypatch):
    monkeypatch.setattr(story_list, "EXACT_UP_TO", 3)
    StoryFactory.create_batch(5, headline="Harbour news", published=True)
    StoryFactory(headline="Draft news")
    published = editor_client.get(URL, {"status__exact": "published"}).content.decode()
    drafts = editor_client.get(URL, {"status__exact": "draft"}).content.decode()
    assert re.search(r"\b1 story\b", drafts)
    if FULL_TEXT:  # more than the bound: PostgreSQL's estimate, said to be one
        assert re.search(r"about [\d,]+ stories", published)
    else:
        assert re.search(r"\b5 stories\b", published)
