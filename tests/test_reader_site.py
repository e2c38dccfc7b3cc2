"""The reader site: tag, archive and search pages, SEO markup, sitemaps, feeds, HTTP caching."""

import json
import os
import re
from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from pytest_django.asserts import assertContains, assertNotContains

from stories.models import Story, StoryStatus
from stories.search import refresh_search_vectors, uses_full_text
from tests.conftest import redis_url_of_this_run, require_shared
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db
SITEMAP_XSD = Path(__file__).resolve().parents[2] / "shared" / "standards" / "sitemaps"


def public_story(**kwargs):
    story = StoryFactory(published=True, **kwargs)
    StoryOrganizationFactory(story=story)
    return story


def indexed(*stories):
    refresh_search_vectors(s.pk for s in stories)
    return stories


# --- pages ---------------------------------------------------------------------------------


def test_tag_page_lists_public_stories_with_the_tag(client):
    tagged = public_story(headline="Minerals and more")
    tagged.tags.add("Critical minerals")
    draft = StoryFactory(headline="Draft about minerals")
    draft.tags.add("Critical minerals")
    response = client.get(reverse("stories:tag", kwargs={"slug": "critical-minerals"}))
    assertContains(response, "Tagged “Critical minerals”")
    assertContains(response, "Minerals and more")
    assertNotContains(response, "Draft about minerals")
    assertContains(response, 'type="application/rss+xml"')
    assert client.get(reverse("stories:tag", kwargs={"slug": "nope"})).status_code == 404


def test_date_archive(client):
    now = timezone.now()
    this = public_story(headline="This month’s story", published_at=now)
    public_story(headline="A story from long ago", published_at=now - timedelta(days=800))
    year = client.get(reverse("stories:archive-year", kwargs={"year": now.year}))
    assertContains(year, "This month’s story")
    assertNotContains(year, "A story from long ago")
    assertContains(year, now.strftime("%B %Y"))  # the month list
    month = client.get(f"/archive/{now.year}/{now.month}/")
    assertContains(month, this.headline)
    assert client.get(f"/archive/{now.year}/13/").status_code == 404
    assert client.get("/archive/99999/").status_code == 404


def test_story_page_has_people_related_stories_and_tag_links(client):
    org = OrganizationFactory(name="Shared Agency")
    story = public_story(headline="Main story")
    StoryOrganizationFactory(story=story, organization=org)
    StoryPersonFactory(story=story, person=PersonFactory(full_name="Ana Ruiz"),
                       role=RoleFactory(title="Press Secretary"))  # fmt: skip
    sibling = public_story(headline="A sibling story")
    StoryOrganizationFactory(story=sibling, organization=org)
    story.tags.add("water")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Ana Ruiz</a>, Press Secretary" in html
    related = html.split('id="related-heading"')[1]
    assert "A sibling story" in related
    assert 'href="/tags/water/" rel="tag"' in html


def test_organization_page_shows_children_and_people(client):
    parent = OrganizationFactory(name="Department of Examples")
    OrganizationFactory(name="Bureau of Samples", parent=parent)
    RoleFactory(person=PersonFactory(full_name="Lee Park"), title="Secretary", organization=parent)
    response = client.get(parent.get_absolute_url())
    assertContains(response, "Bureau of Samples")
    assertContains(response, "Lee Park</a>, Secretary")
    assertContains(response, reverse("feeds:organization-rss", kwargs={"slug": parent.slug}))


def test_not_found_pages_use_the_site_look(client):
    response = client.get("/stories/this-is-not-a-story/")
    assert response.status_code == 404
    assertContains(response, "We could not find that page", status_code=404)
    assertContains(response, 'class="site-header"', status_code=404)


# --- search --------------------------------------------------------------------------------


def test_search_finds_ranks_highlights_and_filters(client):
    state = OrganizationFactory(name="Department of Examples")
    OrganizationAliasFactory(organization=state, name="Examples Department")
    in_headline, in_body, other = indexed(
        public_story(headline="Lithium deal signed", body="Officials met."),
        public_story(headline="Officials meet", body="They talked about lithium and copper."),
        public_story(headline="Weather report", body="Rain."),
    )
    StoryOrganizationFactory(story=in_body, organization=state)
    StoryPersonFactory(story=other, person=PersonFactory(full_name="Bakhtiyor Saidov"))
    indexed(in_headline, in_body, other)

    response = client.get(reverse("stories:search"), {"q": "lithium"})
    items = [story for story, _ in response.context["items"]]
    assert set(items) == {in_headline, in_body}
    if uses_full_text():
        assert items[0] == in_headline  # the headline weighs more than the body
    assertContains(response, "<mark>")
    assertNotContains(response, "Weather report")

    by_alias = client.get(reverse("stories:search"), {"q": "Examples Department"})
    assert [s for s, _ in by_alias.context["items"]] == [in_body]
    by_person = client.get(reverse("stories:search"), {"q": "Saidov"})
    assert [s for s, _ in by_person.context["items"]] == [other]
    by_org = client.get(reverse("stories:search"), {"q": "lithium", "organization": state.slug})
    assert [s for s, _ in by_org.context["items"]] == [in_body]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert (
        client.get(reverse("stories:search"), {"q": "lithium", "from": tomorrow}).context["items"]
        == []
    )


def test_search_never_errors_on_odd_queries(client):
    indexed(public_story(headline="Anything"))
    for query in ["", " ", "x" * 5000, "&|!:*()<>'\"", "\x00", "NOT AND OR", "-", "é ü ß", "🙂"]:
        response = client.get(reverse("stories:search"), {"q": query, "page": "abc"})
        assert response.status_code == 200, query
    assert client.get(reverse("stories:search"), {"from": "not-a-date"}).status_code == 200


def test_search_drafts_never_appear(client):
    draft = StoryFactory(headline="Secret lithium plan")
    indexed(draft)
    response = client.get(reverse("stories:search"), {"q": "Secret lithium"})
    assertNotContains(response, "Secret lithium plan")


@pytest.mark.parametrize("path", ["tag", "archive", "search", "person"])
def test_listing_query_counts_are_flat(client, django_assert_num_queries, path):
    person = PersonFactory(full_name="Flat Person")

    def make():
        story = public_story(headline="Flat story about trade", body="trade")
        story.tags.add("flat")
        StoryPersonFactory(story=story, person=person)
        indexed(story)

    for _ in range(5):  # enough that search suggests no other words (SUGGEST_BELOW)
        make()
    url = {
        "tag": reverse("stories:tag", kwargs={"slug": "flat"}),
        "archive": reverse("stories:archive-year", kwargs={"year": timezone.now().year}),
        "search": reverse("stories:search") + "?q=trade",
        "person": person.get_absolute_url(),
    }[path]
    with django_assert_num_queries(20, exact=False) as one:
        client.get(url)
    for _ in range(45):
        make()
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="story-card"') == 20  # page 1 of 3


# --- SEO -----------------------------------------------------------------------------------


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_story_json_ld_and_social_tags(client):
    org = OrganizationFactory(name="Agency of Tests")
    mia = PersonFactory(full_name="Mia Chen", slug="mia-chen")
    role = RoleFactory(person=mia, title="Spokesperson", organization=org)
    story = StoryFactory(published=True, headline="A & B <sign> deal", source_role=role)
    StoryOrganizationFactory(story=story, organization=org)
    html = client.get(story.get_absolute_url()).content.decode()
    article, breadcrumbs = json_ld(html)
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == "A & B <sign> deal"
    assert "<h1>A &amp; B &lt;sign&gt; deal</h1>" in html
    assert article["datePublished"].endswith("+00:00")
    assert article["author"] == [
        {"@type": "Person", "name": "Mia Chen", "url": "http://testserver/people/mia-chen/",
         "jobTitle": "Spokesperson",
         "affiliation": {"@type": "Organization", "name": "Agency of Tests",
                         "url": f"http://testserver{org.get_absolute_url()}"}},
    ]  # fmt: skip
    assert article["about"][0]["name"] == "Agency of Tests"
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert '<link rel="canonical" href="http://testserver' + story.get_absolute_url() in html
    for tag in ('property="og:title"', 'name="twitter:card"', 'property="og:url"'):
        assert tag in html


# --- sitemaps, robots, feeds ------------------------------------------------------------------


def validate(xml: bytes, xsd: str) -> None:
    require_shared(SITEMAP_XSD, "the shared sitemap schemas")
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_XSD / xsd)))
    schema.assertValid(etree.fromstring(xml))


def test_sitemaps_validate_and_list_only_public_pages(client):
    story = public_story(headline="In the sitemap")
    story.tags.add("mapped")
    draft = StoryFactory(headline="Not in the sitemap")
    index = client.get("/sitemap.xml")
    sections = re.findall(r"<loc>(.*?)</loc>", index.content.decode())
    assert len(sections) == 4  # stories, sections (Government), organizations, tags; no people
    assert "/sitemap-sections.xml" in index.content.decode()
    assert client.get("/sitemap-people.xml").status_code == 404
    parts = [client.get(url.replace("http://testserver", "")).content for url in sections]
    text = b"".join(parts).decode()
    # The draft-leak checks first: they run even where the schemas are missing.
    assert story.get_absolute_url() in text and draft.get_absolute_url() not in text
    assert "<lastmod>" in text and "/tags/mapped/" in text
    assert "/sections/government/" in text and "/sections/companies/" not in text
    validate(index.content, "siteindex.xsd")
    for part in parts:
        validate(part, "sitemap.xsd")


def test_google_news_sitemap(client):
    fresh = public_story(headline="Fresh news")
    old = public_story(headline="Old news", published_at=timezone.now() - timedelta(days=3))
    StoryFactory(status=StoryStatus.PUBLISHED, published_at=timezone.now() + timedelta(hours=1),
                 headline="Scheduled news")  # fmt: skip
    response = client.get("/sitemap-news.xml")
    text = response.content.decode()
    assert fresh.get_absolute_url() in text and old.get_absolute_url() not in text
    assert "Scheduled news" not in text
    assert "<news:title>Fresh news</news:title>" in text
    validate(response.content, "sitemap-with-news.xsd")


def test_robots_txt_names_both_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_and_hold_only_public_stories(client, kind):
    story = public_story(headline="Feed item")
    story.tags.add("feeds")
    StoryFactory(headline="Draft item")
    feed = feedparser.parse(client.get(f"/feeds/latest.{kind}").content)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == ["Feed item"]
    entry = feed.entries[0]
    assert entry.link.endswith(story.get_absolute_url())
    assert {t.term for t in entry.tags} >= {"feeds"}
    organization = story.organizations.get()
    org_feed = feedparser.parse(
        client.get(f"/feeds/organizations/{organization.slug}.{kind}").content
    )
    assert [e.title for e in org_feed.entries] == ["Feed item"]
    for i in range(5):
        public_story(headline=f"More {i}")
    limited = feedparser.parse(client.get(f"/feeds/latest.{kind}?limit=2").content)
    assert len(limited.entries) == 2
    assert client.get(f"/feeds/latest.{kind}?limit=zero").status_code == 200


# --- HTTP caching ----------------------------------------------------------------------------


def test_public_pages_are_cacheable_and_answer_conditional_requests(client):
    story = public_story(headline="Cache me")
    first = client.get(story.get_absolute_url())
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert first["X-Cache"] == "miss" and first.has_header("ETag")
    assert first.has_header("Last-Modified")
    second = client.get(story.get_absolute_url())
    assert second["X-Cache"] == "hit"
    not_modified = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    since = client.get(story.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    Story.objects.get(pk=story.pk).save()  # an edit: every cached page is stale
    Story.objects.filter(pk=story.pk).update(headline="Cache me again")
    Story.objects.get(pk=story.pk).save()
    third = client.get(story.get_absolute_url())
    assert third["X-Cache"] == "miss"
    assertContains(third, "Cache me again")


def test_no_cache_lasts_past_a_scheduled_publication(client):
    public_story(headline="Already out")
    soon = timezone.now() + timedelta(seconds=40)
    StoryFactory(status=StoryStatus.PUBLISHED, published_at=soon, headline="Out in 40 seconds")
    response = client.get(reverse("home"))
    age = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"])[1])
    assert 0 < age <= 40


def test_signed_in_staff_get_fresh_uncached_pages(editor_client):
    story = public_story()
    response = editor_client.get(story.get_absolute_url())
    assert not response.has_header("X-Cache")


def test_every_sitemap_entry_has_a_lastmod(client):
    story = public_story(headline="Dated")
    story.tags.add("dated")
    StoryPersonFactory(story=story)
    for section in ("stories", "organizations", "people", "tags"):
        text = client.get(f"/sitemap-{section}.xml").content.decode()
        assert text.count("<url>") == text.count("<lastmod>") >= 1, section


def test_the_shared_cache_works_with_redis(client, settings):
    """REDIS_URL: pages cached in Redis, and cleared for every process by an edit."""
    import redis
    from django.core.cache import caches

    url = redis_url_of_this_run()
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_BROWSER"):  # CI: every service must be there
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    caches["default"].clear()
    story = public_story(headline="Cached in Redis")
    assert client.get(story.get_absolute_url())["X-Cache"] == "miss"
    assert client.get(story.get_absolute_url())["X-Cache"] == "hit"
    Story.objects.get(pk=story.pk).save()
    assert client.get(story.get_absolute_url())["X-Cache"] == "miss"
    caches["default"].clear()
