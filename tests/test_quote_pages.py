"""Quotes on the public pages: a person's, an organization's, and /quotes/?q= search."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html
from pytest_django.asserts import assertContains, assertNotContains

from people.models import Person
from stories.models import StoryQuote
from tests.factories import OrganizationFactory, PersonFactory, RoleFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    agency = OrganizationFactory(name="River Works Agency", slug="river-works-agency")
    other = OrganizationFactory(name="Harbor Council", slug="harbor-council")
    dana = PersonFactory(full_name="Dana Whitfield", slug="dana-whitfield")
    RoleFactory(person=dana, title="Director", organization=agency)
    carl = PersonFactory(full_name="Carl Jensen", slug="carl-jensen")
    now = timezone.now()

    def quote(story, text, **speaker):
        return StoryQuote.objects.create(story=story, text=text, **speaker)

    older = StoryFactory(
        published=True, published_at=now - timedelta(days=3), headline="The lock opens"
    )
    newer = StoryFactory(
        published=True, published_at=now - timedelta(days=1), headline="The lock is busy"
    )
    draft = StoryFactory(headline="Embargoed lock story")
    quote(older, "The lock will last a century.", speaker_person=dana, speaker_kind="person")
    quote(newer, "Ships are queuing already.", speaker_person=dana, speaker_kind="person")
    quote(draft, "A secret about the lock.", speaker_person=dana, speaker_kind="person")
    quote(
        newer,
        "The agency welcomes the traffic.",
        speaker_organization=agency,
        speaker_kind="organization",
        speaker_name=agency.name,
    )
    quote(newer, "Not our lock.", speaker_person=carl, speaker_organization=other)
    quote(newer, "Nobody told us.", speaker_name="")
    return {"agency": agency, "dana": dana, "carl": carl, "newer": newer}


def quote_texts(response) -> list[str]:
    tree = html.fromstring(response.content)
    return [p.text_content() for p in tree.xpath("//blockquote/p")]


def test_a_person_page_lists_their_quotes_newest_first_with_the_story(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(site["dana"].get_absolute_url())
    assert quote_texts(response) == [
        "Ships are queuing already.",
        "The lock will last a century.",
    ]  # never a draft's
    assertContains(response, f'href="{site["newer"].get_absolute_url()}"')
    assertContains(response, "/quotes/?q=Dana%20Whitfield")


def test_an_organization_page_lists_its_people_quotes_and_its_statements(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(site["agency"].get_absolute_url())
    assert quote_texts(response) == [
        "Ships are queuing already.",
        "The agency welcomes the traffic.",
        "The lock will last a century.",
    ]
    assertContains(response, "Dana Whitfield, in")
    assertNotContains(response, "Not our lock.")


def test_a_page_without_quotes_has_no_quotes_section(client, site):
    response = client.get(OrganizationFactory(slug="quiet").get_absolute_url())
    assertNotContains(response, "quotes-heading")


def test_quote_search_finds_words_and_speakers_of_public_stories(
    client, site, django_assert_max_num_queries
):
    url = reverse("stories:quotes")
    with django_assert_max_num_queries(4):
        response = client.get(url, {"q": "lock"})
    assert quote_texts(response) == ["Not our lock.", "The lock will last a century."]
    assert html.fromstring(response.content).xpath('//input[@id="q"]/@value') == ["lock"]
    assert quote_texts(client.get(url, {"q": "whitfield"})) == [
        "Ships are queuing already.",
        "The lock will last a century.",
    ]
    assert quote_texts(client.get(url, {"q": "river works"})) == [
        "The agency welcomes the traffic."
    ]
    assertContains(client.get(url, {"q": "zzzz"}), "No quote found.")
    everything = client.get(url)
    assert len(quote_texts(everything)) == 5
    assertContains(everything, "Speaker not named")


def test_quote_search_is_paginated_and_keeps_the_query(client, site, django_assert_max_num_queries):
    story = StoryFactory(published=True, headline="Many voices")
    StoryQuote.objects.bulk_create(
        StoryQuote(story=story, position=n, text=f"Voice number {n} on the lock.")
        for n in range(45)
    )
    url = reverse("stories:quotes")
    with django_assert_max_num_queries(4):
        first = client.get(url, {"q": "voice"})
    assert len(quote_texts(first)) == 20
    assertContains(first, 'href="?q=voice&amp;page=2"')
    third = client.get(url, {"q": "voice", "page": "3"})
    assert len(quote_texts(third)) == 5
    assert client.get(url, {"q": "voice", "page": "nonsense"}).status_code == 200
    assert client.get(url, {"q": "x" * 5000}).status_code == 200


def test_the_demo_stories_quotes_are_found_and_shown_on_person_pages(client):
    call_command("load_demo", stdout=StringIO())
    assert StoryQuote.objects.count() >= 4
    okafor = Person.objects.get(full_name="Jane Okafor")
    response = client.get(okafor.get_absolute_url())
    assert quote_texts(response)[0].startswith("Small utilities keep the lights on")
    call_command("load_demo", stdout=StringIO())  # again: the same quotes, not twice
    assert okafor.quotes.count() == 1
