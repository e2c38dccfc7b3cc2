"""What a page costs the database on a page-cache miss, however many organizations, people and
tags a story has; the related stories are computed once per generation of pages."""

import pytest
from django.urls import reverse

from tests.factories import (
    OrganizationFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db


def story_with(n: int, **kwargs):
    story = StoryFactory(published=True, **kwargs)
    for _ in range(n):
        StoryOrganizationFactory(story=story)
        StoryPersonFactory(story=story, role=RoleFactory())
    story.tags.add(*[f"topic {i}" for i in range(n)])
    return story


@pytest.mark.parametrize("n", [1, 20])
def test_a_story_page_miss_is_at_most_five_queries(client, django_assert_max_num_queries, n):
    story, other = story_with(n), story_with(1)
    client.get(other.get_absolute_url())  # the generation's schedule is now known
    # The story; its organizations, people and tags (one query); the related stories.
    with django_assert_max_num_queries(3):
        response = client.get(story.get_absolute_url())
    html = response.content.decode()
    assert html.count('rel="tag"') == n
    assert html.count('href="/people/') >= n


def test_related_stories_are_computed_once_per_generation(client, django_assert_max_num_queries):
    shared = OrganizationFactory(name="Office of Ports")
    story = StoryFactory(published=True, headline="Ports get new cranes")
    StoryOrganizationFactory(story=story, organization=shared)
    older = StoryFactory(published=True, headline="Harbour dredging begins")
    StoryOrganizationFactory(story=older, organization=shared)
    first = client.get(story.get_absolute_url())
    assert "Harbour dredging begins" in first.content.decode()

    # Another address of the same page (a campaign parameter) is a page-cache miss, but the
    # page rendered for this generation is kept: the story's own query only.
    with django_assert_max_num_queries(1):
        again = client.get(story.get_absolute_url() + "?utm_source=newsletter")
    assert "Harbour dredging begins" in again.content.decode()

    # A new story moves the generation on: the related stories include it at once.
    newer = StoryFactory(published=True, headline="Customs office opens at the port")
    StoryOrganizationFactory(story=newer, organization=shared)
    html = client.get(story.get_absolute_url() + "?utm_source=later").content.decode()
    assert "Customs office opens at the port" in html
    assert html.index("Customs office opens") < html.index("Harbour dredging")
    assert f'href="{reverse("stories:detail", kwargs={"slug": newer.slug})}"' in html


@pytest.mark.parametrize("n", [1, 12])
def test_a_feed_costs_the_same_queries_however_many_items(client, django_assert_num_queries, n):
    for _ in range(n):
        story_with(3)
    with django_assert_num_queries(4):  # stories, organizations, tags, the schedule
        response = client.get(reverse("feeds:latest-rss") + "?limit=50")
    assert response.content.count(b"<item>") == n
    assert response.content.count(b"<category>") >= 6 * n  # three organizations, three tags


def test_an_edit_shows_on_every_address_of_the_story_at_once(client):
    story = StoryFactory(published=True, headline="Ports get new cranes", body="Four cranes.")
    assert "Four cranes." in client.get(story.get_absolute_url() + "?utm_source=a").text
    story.body = "Six cranes, not four."
    story.save()
    for address in ("?utm_source=a", "?utm_source=b", ""):
        html = client.get(story.get_absolute_url() + address).text
        assert "Six cranes, not four." in html and "Four cranes." not in html
