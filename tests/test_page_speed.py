"""What a page costs the database on a page-cache miss, however many organizations, people and
tags a story has; the related stories are computed once per generation of pages."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stories.models import Story
from stories.publishing import publish_story
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


def listing_site():
    """A story with an organization, a source person and a tag, and the addresses of the
    listings and feeds it is on."""
    organization = OrganizationFactory(name="Harbour Board")
    role = RoleFactory(person__full_name="Ada Quay", organization=organization)
    story = StoryFactory(published=True, headline="Pier two reopens", source_role=role)
    StoryOrganizationFactory(story=story, organization=organization)
    story.tags.add("Ports")
    pages = {
        "home": reverse("home"),
        "tag": reverse("stories:tag", kwargs={"slug": "ports"}),
        "organization": organization.get_absolute_url(),
        "person": role.person.get_absolute_url(),
        "section": reverse("stories:section", kwargs={"slug": "government"}),
        "feed": reverse("feeds:latest-rss") + "?limit=50",
        "organization feed": reverse("feeds:organization-rss", kwargs={"slug": organization.slug}),
        "person feed": reverse("feeds:person-json", kwargs={"slug": role.person.slug}),
    }
    return story, role, organization, pages


def variant(url: str, n: int) -> str:
    """Another address of the same page: a page-cache miss (its parameter is not one a page
    reads, so it is not even stored)."""
    return f"{url}{'&' if '?' in url else '?'}utm_source=newsletter-{n}"


@pytest.mark.parametrize(
    "name",
    ["home", "tag", "organization", "person", "section", "feed", "organization feed",
     "person feed"],
)  # fmt: skip
def test_a_listing_is_rendered_once_per_generation(client, django_assert_num_queries, name):
    _, _, _, pages = listing_site()
    first = client.get(variant(pages[name], 1))
    assert "Pier two reopens" in first.text
    # Another address of the page, not in the page cache: the listing's body rendered for this
    # generation is served, with no query at all.
    with django_assert_num_queries(0):
        again = client.get(variant(pages[name], 2))
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again.get("Last-Modified") == first.get("Last-Modified")


@pytest.mark.parametrize(
    "name",
    ["home", "tag", "organization", "person", "section", "feed", "organization feed",
     "person feed"],
)  # fmt: skip
def test_a_publication_shows_at_once_on_listings_already_rendered(client, admin_user, name):
    _, role, organization, pages = listing_site()
    assert "Pier two reopens" in client.get(variant(pages[name], 1)).text
    assert "Ferry timetable changes" not in client.get(pages[name]).text  # in the page cache
    news = StoryFactory(headline="Ferry timetable changes", source_role=role)
    StoryOrganizationFactory(story=news, organization=organization)
    news.tags.add("Ports")
    publish_story(news, by=admin_user)
    for address in (variant(pages[name], 1), variant(pages[name], 2), pages[name]):
        html = client.get(address).text
        assert "Ferry timetable changes" in html, address
        assert "Pier two reopens" in html, address


def test_an_edit_of_an_organization_shows_on_its_stories_listings(client):
    _, _, organization, pages = listing_site()
    assert "Harbour Board" in client.get(variant(pages["tag"], 1)).text
    organization.name = "Harbour and Ferry Board"
    organization.save()
    assert "Harbour and Ferry Board" in client.get(variant(pages["tag"], 2)).text


def test_listing_links_and_canonical_address_carry_only_the_cursor(client, settings):
    settings.STORIES_PER_PAGE = 2
    _, role, organization, pages = listing_site()
    for _ in range(4):
        StoryOrganizationFactory(
            story=StoryFactory(published=True, source_role=role), organization=organization
        )
    for name in ("home", "organization", "person"):
        html = client.get(variant(pages[name], 1)).text
        older = re.search(r'<a rel="next" href="\?([^"]+)">Older', html)[1]
        assert older.startswith("before=") and "utm_source" not in older, name
        assert "utm_source" not in html, name
        deeper = client.get(f"{variant(pages[name], 2)}&{older.replace('&amp;', '&')}").text
        assert re.search(r'<a rel="prev" href="\?after=[^"&]+">', deeper), name
        assert "utm_source" not in deeper, name
    html = client.get(f"{pages['tag']}?utm_source=x&{older}").text
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)[1]
    assert canonical == f"http://testserver{pages['tag']}?{older.replace('&amp;', '&')}"


def test_a_person_page_miss_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    _, role, organization, pages = listing_site()
    client.get(reverse("feeds:latest-rss"))  # the generation's schedule is now known
    # The person and their roles; the page of stories and their organizations; the quotes.
    with django_assert_max_num_queries(5) as one:
        client.get(pages["person"])
    first = len(one)  # (its captured_queries are gone after the next request)
    for _ in range(30):
        StoryPersonFactory(story=StoryFactory(published=True), person=role.person)
    client.get(reverse("feeds:latest-rss"))
    with django_assert_max_num_queries(first):
        response = client.get(pages["person"])
    assert response.text.count('class="story-card"') == 20


def test_a_page_cache_hit_sends_the_stored_etag_without_hashing_the_page(client, monkeypatch):
    _, _, _, pages = listing_site()
    miss = client.get(pages["feed"])
    assert miss["X-Cache"] == "miss"

    def hash_again(response):
        raise AssertionError("the body of a cached page was hashed again")

    monkeypatch.setattr("django.middleware.http.set_response_etag", hash_again)
    hit = client.get(pages["feed"])
    assert hit["X-Cache"] == "hit"
    assert hit["ETag"] == miss["ETag"]
    assert hit.content == miss.content
    assert client.get(pages["feed"], headers={"If-None-Match": miss["ETag"]}).status_code == 304


def test_older_pages_of_a_listing_are_kept_in_the_page_cache(client, settings):
    settings.STORIES_PER_PAGE = 1
    _, role, organization, pages = listing_site()
    StoryOrganizationFactory(
        story=StoryFactory(published=True, source_role=role), organization=organization
    )
    html = client.get(pages["organization"]).text
    older = re.search(r'<a rel="next" href="\?([^"]+)">Older', html)[1].replace("&amp;", "&")
    assert client.get(f"{pages['organization']}?{older}")["X-Cache"] == "miss"
    again = client.get(f"{pages['organization']}?{older}")
    assert again["X-Cache"] == "hit"
    assert "Pier two reopens" in again.text


def test_a_person_page_pages_through_the_stories_they_are_the_source_of_or_appear_in(
    client, settings
):
    settings.STORIES_PER_PAGE = 2
    role = RoleFactory(person__full_name="Ada Quay")
    now = timezone.now()
    sourced = [StoryFactory(published=True, source_role=role) for _ in range(3)]
    appears = [StoryFactory(published=True) for _ in range(2)]
    for story in appears + sourced[:1]:  # the first also names her among its people
        StoryPersonFactory(story=story, person=role.person)
    StoryFactory(source_role=role, headline="A draft quoting her")
    ordered = sorted(sourced + appears, key=lambda s: s.pk)
    for hours, story in enumerate(reversed(ordered)):  # newest first: alternating kinds
        Story.objects.filter(pk=story.pk).update(published_at=now - timedelta(hours=hours))
    seen, url = [], role.person.get_absolute_url()
    while url:
        html = client.get(url).text
        seen += re.findall(r'<h2><a href="/stories/([^/]+)/">', html)
        older = re.search(r'<a rel="next" href="\?([^"]+)">Older', html)
        url = f"{role.person.get_absolute_url()}?{older[1]}" if older else None
    assert seen == [story.slug for story in reversed(ordered)]  # each once, newest first
    feed = client.get(reverse("feeds:person-rss", kwargs={"slug": role.person.slug})).text
    assert re.findall(r"<link>http://testserver/stories/([^/]+)/</link>", feed) == seen
    assert "A draft quoting her" not in feed


@pytest.mark.parametrize("name", ["latest-rss", "latest-atom", "corrections-rss"])
def test_a_kept_feed_links_to_the_public_address_whatever_host_asked_first(client, settings, name):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://news.example"
    story = StoryFactory(published=True)
    from stories.corrections import add_correction

    add_correction(story, kind="correction", text="A figure was wrong.", by=None)
    first = client.get(reverse(f"feeds:{name}"), HTTP_HOST="10.0.0.7:8000").text
    again = client.get(reverse(f"feeds:{name}"), HTTP_HOST="news.example").text
    links = re.findall(r'<link>([^<]+)</link>|<link href="([^"]+)"', first)
    links = [a or b for a, b in links]
    assert links and all(link.startswith("https://news.example/") for link in links), links
    assert "10.0.0.7" not in first and first == again
