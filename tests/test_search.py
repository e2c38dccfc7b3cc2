"""The search page as a reader uses it: whole-word highlights, facets with counts that keep the
query, "did you mean" for misspelled organization names, sort, bounded pages, odd input."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from newsroom.caching import invalidate_pages
from people.models import OrganizationKind
from stories import search
from stories.search import refresh_search_vectors
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("stories:search")


def story(*organizations, **fields):
    made = StoryFactory(published=True, **fields)
    for organization in organizations:
        StoryOrganizationFactory(story=made, organization=organization)
    refresh_search_vectors([made.pk])
    return made


def headlines(response) -> list[str]:
    return [found.headline for found, _ in response.context["items"]]


def facet_links(response, name: str) -> dict[str, str]:
    """The facet's entries as shown ("Label 3") -> their addresses."""
    html = response.content.decode()
    block = re.search(rf'<section class="facet" aria-labelledby="facet-{name}">(.*?)</section>',
                      html, re.S)  # fmt: skip
    assert block, f"no {name} facet"
    return {
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip(): unescape(href)
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', block[1], re.S)
    }


def test_highlights_whole_words_never_part_of_one(client):
    story(
        headline="Talks in the capital",
        body="The Secretary of State met leaders of several states. The estate was sold; "
        "statements followed.",
    )
    response = client.get(URL, {"q": "State"})
    html = response.content.decode()
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S)[1]
    marked = re.findall(r"<mark>(.*?)</mark>", snippet)
    assert "State" in marked  # the word itself
    assert set(marked) <= {"State", "states"}  # "states" only where stemming finds it
    for before, word, after in re.findall(r"(.)<mark>(.*?)</mark>(.)", snippet):
        assert not before.isalpha() and not after.isalpha(), (before, word, after)
    assert "es<mark>" not in snippet and "<mark>state</mark>ments" not in snippet


def test_facets_count_and_keep_the_query(client):
    state = OrganizationFactory(name="Department of State", slug="state", country="US",
                                kind=OrganizationKind.GOVERNMENT_AGENCY)  # fmt: skip
    acme = OrganizationFactory(name="Acme Mining", slug="acme", country="KZ",
                               kind=OrganizationKind.COMPANY)  # fmt: skip
    long_ago = timezone.now() - timedelta(days=800)
    story(state, headline="Lithium talks", body="Lithium.")
    story(state, acme, headline="Lithium mine opens", body="Lithium mine.")
    story(acme, headline="Lithium prices", body="Lithium.", published_at=long_ago)
    story(acme, headline="Copper prices", body="Copper.")

    response = client.get(URL, {"q": "lithium"})
    assert len(headlines(response)) == 3
    organizations = facet_links(response, "organization")
    assert set(organizations) == {"Acme Mining 2", "Department of State 2"}
    kinds = facet_links(response, "kind")
    assert set(kinds) == {"Company 2", "Government department or agency 2"}
    countries = facet_links(response, "country")
    assert set(countries) == {"Kazakhstan 2", "United States 2"}
    dates = facet_links(response, "date")
    assert dates["Past week 2"] and dates[str(long_ago.year) + " 1"]

    href = organizations["Acme Mining 2"]
    assert parse_qs(urlsplit(href).query) == {"q": ["lithium"], "organization": ["acme"]}
    narrowed = client.get(href)
    assert sorted(headlines(narrowed)) == ["Lithium mine opens", "Lithium prices"]
    assertContains(narrowed, 'value="lithium"')  # the query kept in the box
    assertContains(narrowed, 'name="organization" value="acme" checked')
    # Counts inside the narrowed search; the selected entry removes the filter.
    inner = facet_links(narrowed, "organization")
    assert set(inner) == {"✓ Acme Mining 2 (selected; remove)", "Department of State 1"}
    assert parse_qs(urlsplit(inner["✓ Acme Mining 2 (selected; remove)"]).query) == {
        "q": ["lithium"]
    }
    both = client.get(inner["Department of State 1"])
    assert headlines(both) == ["Lithium mine opens"]

    by_kind = client.get(kinds["Government department or agency 2"])
    assert sorted(headlines(by_kind)) == ["Lithium mine opens", "Lithium talks"]
    by_country = client.get(countries["Kazakhstan 2"])
    assert sorted(headlines(by_country)) == ["Lithium mine opens", "Lithium prices"]
    by_year = client.get(dates[str(long_ago.year) + " 1"])
    assert headlines(by_year) == ["Lithium prices"]
    assertContains(by_year, f'value="{long_ago.year}-01-01"')


def test_facets_take_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    organizations = OrganizationFactory.create_batch(12)
    for number in range(30):
        story(*organizations[number % 12 : number % 12 + 3], headline=f"Grain report {number}")
    # On PostgreSQL, three of them (a savepoint, SET LOCAL, its release) steer the planner.
    with django_assert_max_num_queries(11):
        response = client.get(URL, {"q": "grain"})
    assert len(facet_links(response, "organization")) == search.FACET_SIZE
    assertContains(response, "30 stories")


def test_did_you_mean_a_misspelled_organization(client):
    state = OrganizationFactory(name="Department of State")
    OrganizationAliasFactory(organization=OrganizationFactory(name="Republic of Kazakhstan"),
                             name="Kazakhstan")  # fmt: skip
    story(state, headline="Visit announced", body="A visit.")

    response = client.get(URL, {"q": "Departmnt of Stat"})
    assertContains(response, "Did you mean")
    link = re.search(r'Did you mean <a href="([^"]+)">([^<]+)</a>', response.content.decode())
    assert link[2] == "Department of State"
    assert parse_qs(urlsplit(unescape(link[1])).query) == {"q": ["Department of State"]}
    assert headlines(client.get(unescape(link[1]))) == ["Visit announced"]

    by_alias = client.get(URL, {"q": "Kazakstan"})
    assertContains(by_alias, "Did you mean")
    assertContains(by_alias, ">Kazakhstan</a>?")
    assertNotContains(client.get(URL, {"q": "Department of State"}), "Did you mean")
    assertNotContains(client.get(URL, {"q": "zzyzx qwv"}), "Did you mean")


def test_sort_by_relevance_or_date(client):
    now = timezone.now()
    story(headline="Wheat harvest record", body="Fields.", published_at=now - timedelta(days=9))
    story(headline="Weather today", body="Rain helps the wheat.", published_at=now)

    relevant = client.get(URL, {"q": "wheat"})
    assert headlines(relevant) == ["Wheat harvest record", "Weather today"]
    newest = client.get(URL, {"q": "wheat", "sort": "date"})
    assert headlines(newest) == ["Weather today", "Wheat harvest record"]
    assertContains(newest, '<option value="date" selected>')
    assertContains(newest, "newest first")


def test_sqlite_style_query_syntax_phrases_and_exclusions(client):
    story(headline="Copper and lithium", body="Both metals.")
    story(headline="Lithium alone", body="One metal.")
    assert headlines(client.get(URL, {"q": "lithium -copper"})) == ["Lithium alone"]
    assert headlines(client.get(URL, {"q": '"lithium alone"'})) == ["Lithium alone"]


def test_a_phrase_finds_its_words_together_past_newer_stories_with_them_apart(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)  # the newest candidates alone would fill it
    now = timezone.now()
    for hours in range(5):
        story(
            headline=f"Dues at the harbour fall {hours}", published_at=now - timedelta(hours=hours)
        )
    for hours in range(2):
        story(
            headline=f"Harbour dues fall {hours}", published_at=now - timedelta(days=2, hours=hours)
        )
    response = client.get(URL, {"q": '"harbour dues"', "sort": "date"})
    assert headlines(response) == ["Harbour dues fall 0", "Harbour dues fall 1"]
    assertContains(response, "2 stories")


def test_pages_are_bounded(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 30)
    for number in range(35):
        story(headline=f"Barley note {number}")
    response = client.get(URL, {"q": "barley"})
    assertContains(response, "More than 30 stories")
    assertContains(response, "Page 1 of 2")
    last = client.get(URL, {"q": "barley", "page": "999"})
    assert last.status_code == 200 and len(headlines(last)) == 10
    assertContains(last, "Counts among the newest 30 matches")


HOSTILE = [
    "x" * 100_000, "\x00", "a\x00b", '"unbalanced', "'", "a & b | !c <-> d:*", "(((", "))",
    "!!", "-", "--", "<script>alert(1)</script>", "%", "_", "\\", "NOT", "or", "a:*", "ü ß 🙂",
    "\u202e", " " * 300, "a" * 201,
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_string_answers(client, query):
    story(headline="Something to find", body="Text.")
    response = client.get(URL, {"q": query, "sort": query, "page": query})
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")


@pytest.mark.parametrize(
    "params",
    [
        {"organization": "\x00"}, {"organization": ["a"] * 50}, {"kind": "\x00"},
        {"kind": "bogus"}, {"country": "\x00"}, {"country": "ZZZ"}, {"from": "\x00"},
        {"to": "9999-99-99"}, {"from": "0001-01-01", "to": "9999-12-31"}, {"sort": "\x00"},
        {"page": "-1"}, {"page": "\x00"},
    ],
)  # fmt: skip
def test_any_filter_answers(client, params):
    story(headline="Something to find", body="Text.")
    assert client.get(URL, {"q": "something", **params}).status_code == 200


def test_search_follows_unpublishing_and_scheduling_however_made(client):
    """On PostgreSQL search reads a narrow table that a trigger keeps in step with the
    stories, whatever changes them (here a bulk update that sends no signal; pages and the
    search's cached parts are invalidated by hand, as the signals do for any other change)."""
    found = story(headline="Turbine contract awarded", body="Wind.")
    assert headlines(client.get(URL, {"q": "turbine"})) == ["Turbine contract awarded"]
    type(found).objects.filter(pk=found.pk).update(status="draft")
    invalidate_pages()
    assert headlines(client.get(URL, {"q": "turbine", "sort": "date"})) == []
    later = timezone.now() + timedelta(days=2)
    type(found).objects.filter(pk=found.pk).update(status="published", published_at=later)
    invalidate_pages()
    assert headlines(client.get(URL, {"q": "turbine", "page": "1"})) == []
    found.delete()
    assert client.get(URL, {"q": "turbine", "page": "2"}).status_code == 200


@pytest.mark.django_db(transaction=True)  # committed for real: the refresh runs at commit
def test_a_story_is_found_by_an_alias_its_organization_gains_later(client):
    agency = OrganizationFactory(name="Office of Coastal Survey")
    story(agency, headline="Tide tables for the new year", body="Tables are out.")
    OrganizationAliasFactory(organization=agency, name="Tidewatch Office")
    invalidate_pages()
    assert headlines(client.get(URL, {"q": "Tidewatch"})) == ["Tide tables for the new year"]
