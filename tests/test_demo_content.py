"""After `make run` (load_registry, then load_demo) every page type has stories to show."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains

from stories.models import Story

pytestmark = pytest.mark.django_db

EMPTY = ("No published stories", "No stories have been published", "No other stories")


def test_after_make_run_every_page_type_has_stories(client, starter_registry_in_test):
    # One test: loading the demo takes a while, checking the pages does not.
    call_command("load_demo", stdout=StringIO())
    every_page_type_linked_from_the_home_page_has_stories(client)
    each_section_and_tag_of_the_demo_has_stories(client)
    the_kazakhstan_pages_show_the_central_asia_story(client)
    the_source_line_reads_as_the_release_wrote_it_with_the_organization_linked(client)


def links(html: str, prefix: str) -> set[str]:
    return set(re.findall(rf'href="({prefix}[^"#?]+)"', html))


def every_page_type_linked_from_the_home_page_has_stories(client):
    home = client.get("/").content.decode()
    pages = links(home, "/sections/") | links(home, "/organizations/") | links(home, "/people/")
    story = client.get(links(home, "/stories/").pop()).content.decode()
    pages |= links(story, "/tags/") | links(story, "/organizations/") | links(story, "/people/")
    pages |= links(client.get("/countries/").content.decode(), "/countries/")
    kinds = {page.split("/")[1] for page in pages}
    assert kinds == {"sections", "organizations", "people", "tags", "countries"}
    for page in sorted(pages):
        response = client.get(page)
        assert response.status_code == 200, page
        text = response.content.decode()
        assert 'class="story-card"' in text, page
        assert not any(empty in text for empty in EMPTY), page


def each_section_and_tag_of_the_demo_has_stories(client):
    for slug in ("government", "international", "companies", "nonprofits-and-universities"):
        assert 'class="story-card"' in client.get(f"/sections/{slug}/").content.decode(), slug
    tags = {tag.slug for story in Story.objects.all() for tag in story.tags.all()}
    assert len(tags) >= 15
    for slug in tags:
        assert 'class="story-card"' in client.get(f"/tags/{slug}/").content.decode(), slug


def the_kazakhstan_pages_show_the_central_asia_story(client):
    headline = "Central Asian ministers and U.S. officials hold water-sharing dialogue in Almaty"
    for page in ("/organizations/kazakhstan/", "/countries/kz/"):
        assertContains(client.get(page), headline)
    minister = client.get(
        "/organizations/ministry-of-water-resources-and-irrigation-of-kazakhstan/"
    )
    assertContains(minister, "Nurzhan Nurzhigitov")
    crumbs = minister.content.decode().split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert "Government of Kazakhstan" in crumbs
    person = client.get(Story.objects.get(headline=headline).source_role.person.get_absolute_url())
    assertContains(person, "Senior Advisor")
    assertContains(person, "(since March 2024)")
    assertContains(person, "(June 2021 – February 2024)")  # the role before


def the_source_line_reads_as_the_release_wrote_it_with_the_organization_linked(client):
    story = Story.objects.get(slug__startswith="agriculture-department-expands")
    html = client.get(story.get_absolute_url()).content.decode()
    line = re.sub(r"\s+", " ", html.split('<p class="source-line">')[1].split("</p>")[0])
    assert re.sub(r"<[^>]+>", "", line).strip() == (
        "Brooke Rollins, Secretary of the U.S. Department of Agriculture | Official Website"
    )
    assert (
        '<a href="/organizations/department-of-agriculture/">Department of Agriculture</a>' in line
    )
    assert "Secretary for the Department" not in html
