"""Sections by kind of organization, country pages, and the Older/Newer (keyset) pages of
every story listing."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.core.cache import cache
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from people.models import OrganizationKind
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db


def story_about(*organizations, **kwargs):
    story = StoryFactory(published=True, **kwargs)
    for organization in organizations:
        StoryOrganizationFactory(story=story, organization=organization)
    return story


def older_link(response) -> str | None:
    found = re.search(r'<a rel="next" href="(\?[^"]+)">Older', response.content.decode())
    return found[1].replace("&amp;", "&") if found else None


def newer_link(response) -> str | None:
    found = re.search(r'<a rel="prev" href="(\?[^"]*)">← Newer', response.content.decode())
    return found[1].replace("&amp;", "&") if found else None


def test_each_section_lists_the_stories_about_its_kinds_of_organization(client):
    agency = OrganizationFactory(name="Bureau of Tides", kind=OrganizationKind.GOVERNMENT_AGENCY)
    alliance = OrganizationFactory(name="Harbour Alliance", kind=OrganizationKind.MULTILATERAL)
    company = OrganizationFactory(name="Pier Works Ltd", kind=OrganizationKind.COMPANY)
    college = OrganizationFactory(name="Coast College", kind=OrganizationKind.UNIVERSITY)
    story_about(agency, company, headline="Tide tables published", dek="New tables for 2027.")
    story_about(alliance, headline="Alliance meets on harbours")
    story_about(college, headline="College opens a marine lab")
    StoryOrganizationFactory(
        story=StoryFactory(headline="Draft about a company"), organization=company
    )

    government = client.get("/sections/government/")
    assertContains(government, '<h1 class="page-title">Government</h1>', html=True)
    assertContains(government, "Tide tables published")
    assertContains(government, "New tables for 2027.")  # cards carry the dek and the date
    assertContains(government, "<time datetime=")
    assertNotContains(government, "Alliance meets on harbours")
    assertContains(client.get("/sections/international/"), "Alliance meets on harbours")
    companies = client.get("/sections/companies/")
    assertContains(companies, "Tide tables published")
    assertNotContains(companies, "Draft about a company")
    assertContains(
        client.get("/sections/nonprofits-and-universities/"), "College opens a marine lab"
    )
    assert client.get("/sections/sports/").status_code == 404


def test_sections_are_linked_from_the_home_page_and_every_page(client):
    story_about(OrganizationFactory(), headline="Anything")
    home = client.get("/").content.decode()
    assert home.count('href="/sections/nonprofits-and-universities/"') == 2  # nav and front
    assertContains(client.get("/organizations/"), 'href="/sections/government/"')


def test_section_feeds_are_advertised_linked_and_parse(client):
    agency = OrganizationFactory(name="Bureau of Tides", kind=OrganizationKind.GOVERNMENT_AGENCY)
    story_about(agency, headline="Tide tables published")
    story_about(OrganizationFactory(kind=OrganizationKind.COMPANY), headline="Company news")
    page = client.get("/sections/government/")
    for kind, suffix in (("application/rss+xml", "rss"), ("application/atom+xml", "atom")):
        href = f"/feeds/sections/government.{suffix}"
        assertContains(page, f'<link rel="alternate" type="{kind}" title="Government (', count=1)
        assertContains(page, f'<a href="{href}" type="{kind}">')
        parsed = feedparser.parse(client.get(href).content)
        assert not parsed.bozo
        assert [entry.title for entry in parsed.entries] == ["Tide tables published"]
    document = json.loads(client.get("/feeds/sections/government.json").content)
    assert [item["title"] for item in document["items"]] == ["Tide tables published"]
    assert client.get("/feeds/sections/nope.rss").status_code == 404


def test_country_pages_list_stories_about_the_countrys_organizations(client):
    kazakhstan = OrganizationFactory(
        name="Kazakhstan", kind=OrganizationKind.COUNTRY, country="KZ", slug="kazakhstan"
    )
    ministry = OrganizationFactory(name="Ministry of Water", country="KZ")
    brazil = OrganizationFactory(name="Brazil", kind=OrganizationKind.COUNTRY, country="BR")
    story_about(kazakhstan, headline="Water talks in Almaty")
    story_about(ministry, kazakhstan, headline="Canal repairs begin")
    story_about(brazil, headline="Trade fair in São Paulo")
    story_about(OrganizationFactory(country=""), headline="No country")

    countries = client.get("/countries/")
    text = countries.content.decode()
    assert text.index(">Brazil</a>") < text.index(">Kazakhstan</a>")  # A–Z
    kz = '<a href="/countries/kz/">Kazakhstan</a> <span class="count">2 stories</span>'
    br = '<a href="/countries/br/">Brazil</a> <span class="count">1 story</span>'
    assertContains(countries, kz, html=True)
    assertContains(countries, br, html=True)

    page = client.get("/countries/kz/")
    assertContains(page, "Water talks in Almaty")
    assertContains(page, "Canal repairs begin")
    assertNotContains(page, "Trade fair")
    assertContains(page, 'href="/feeds/countries/kz.rss"')
    assertContains(page, '<a href="/organizations/?country=KZ">Organizations in Kazakhstan</a>')
    assert feedparser.parse(client.get("/feeds/countries/kz.atom").content).entries
    assert client.get("/countries/KZ/").url == "/countries/kz/"
    assert client.get("/countries/zz/").status_code == 404
    assert client.get("/countries/kazakhstan/").status_code == 404
    # The organization page names its country and links to its page.
    assertContains(client.get(ministry.get_absolute_url()), '<a href="/countries/kz/">')


def listings(organization, person, tag):
    return {
        "home": "/",
        "section": "/sections/government/",
        "tag": f"/tags/{tag}/",
        "organization": organization.get_absolute_url(),
        "person": person.get_absolute_url(),
        "country": "/countries/kz/",
        "archive": f"/archive/{timezone.now().year}/",
    }


def make_stories(n, organization, person, *, start=0):
    now = timezone.now()
    for i in range(start, start + n):
        story = story_about(
            organization,
            headline=f"Numbered story {i:03d}",
            published_at=now - timedelta(minutes=i),
        )
        story.tags.add("numbered")
        StoryPersonFactory(story=story, person=person)


@pytest.mark.parametrize(
    "name", ["home", "section", "tag", "organization", "person", "country", "archive"]
)
def test_older_and_newer_walk_every_story_once(client, settings, name):
    settings.STORIES_PER_PAGE = 4
    organization = OrganizationFactory(kind=OrganizationKind.MINISTRY, country="KZ")
    person = PersonFactory()
    make_stories(10, organization, person)
    # Two stories in the same second: the id breaks the tie, neither is lost.
    same = timezone.now() - timedelta(minutes=4, seconds=30)
    for headline in ("Tied story A", "Tied story B"):
        story = story_about(organization, headline=headline, published_at=same)
        story.tags.add("numbered")
        StoryPersonFactory(story=story, person=person)
    url = listings(organization, person, "numbered")[name]

    seen, pages, query = [], [], ""
    while query is not None:
        response = client.get(url + query)
        assert response.status_code == 200
        headlines = re.findall(r"(Numbered story \d+|Tied story [AB])", response.content.decode())
        seen += headlines
        pages.append(query)
        query = older_link(response)
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 12, seen
    assert len(pages) == 3
    # And back: Newer from the last page gives the page before it, then the first.
    last = client.get(url + pages[-1])
    middle = client.get(url + newer_link(last))
    assertContains(middle, "Numbered story 004")
    assert newer_link(middle) is not None
    first = client.get(url + newer_link(middle))
    assertContains(first, "Numbered story 000")
    assert newer_link(first) is None


@pytest.mark.parametrize(
    "query",
    ["?before=garbage", "?after=", "?before=20261301T000000.000000Z.1", "?after=%00",
     "?before=20200101T000000.000000Z.99999999999999999999", "?page=7", "?before=" + "9" * 5000,
     "?after=20991231T235959.999999Z.1&before=x"],
)  # fmt: skip
@pytest.mark.parametrize("name", ["home", "section", "organization", "person", "country"])
def test_a_bad_cursor_gives_the_first_page(client, query, name):
    organization = OrganizationFactory(kind=OrganizationKind.MINISTRY, country="KZ")
    person = PersonFactory()
    make_stories(2, organization, person)
    response = client.get(listings(organization, person, "numbered")[name] + query)
    assert response.status_code == 200
    assertContains(response, "Numbered story 000")


@pytest.mark.parametrize(
    "name", ["home", "section", "tag", "organization", "person", "country", "archive"]
)
def test_listing_query_counts_do_not_grow_with_the_stories(
    client, settings, django_assert_max_num_queries, name
):
    settings.STORIES_PER_PAGE = 30
    organization = OrganizationFactory(kind=OrganizationKind.MINISTRY, country="KZ")
    person = PersonFactory()
    RoleFactory(person=person, organization=organization)
    make_stories(1, organization, person)
    url = listings(organization, person, "numbered")[name]
    limit = {"home": 8, "organization": 8}.get(name, 6)  # home: who is in the news
    with django_assert_max_num_queries(limit) as one:
        response = client.get(url)
    assertContains(response, "Numbered story 000")
    make_stories(40, organization, person, start=1)
    cache.clear()
    with django_assert_max_num_queries(limit) as thirty:
        response = client.get(url)
    assert response.content.decode().count("Numbered story") >= 29
    assert len(thirty.captured_queries) == len(one.captured_queries)
    with django_assert_max_num_queries(limit):
        client.get(url + older_link(response))


@pytest.mark.parametrize(
    "url",
    ["/sections/%00/", "/sections/GOVERNMENT/", "/countries/%FF/", "/countries/k/",
     "/countries/kz/?after=%00&before=%FF", "/feeds/sections/nope.json", "/feeds/countries/zz.rss",
     "/feeds/countries/k1.atom", "/organizations/names.json?q=%00&country=%00&kind=%00",
     "/organizations/?q=" + "%E2%80%9C" * 300 + "&letter=%00&page=-1",
     "/organizations/?country=" + "x" * 500],
)  # fmt: skip
def test_odd_requests_to_the_new_pages_never_give_a_500(client, url):
    story_about(OrganizationFactory(country="KZ"), headline="Anything")
    assert client.get(url).status_code in (200, 301, 404), url
