"""The cache is an optimization: without it the site serves from the database, and stays right.

Redis is made to fail in two ways: an address where nothing listens (an outage from the start),
and a running Redis whose connections start failing mid-run and then come back.
"""

import os

import pytest
import redis
from django.core.cache import caches

from stories.models import StoryStatus
from stories.publishing import publish_story
from tests.conftest import redis_url_of_this_run
from tests.factories import StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db

NOWHERE = "redis://127.0.0.1:9/0"  # the discard port: nothing answers there


def redis_cache(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "newsroom.cache_backends.DegradingRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def running_redis(settings):
    url = redis_url_of_this_run()
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_BROWSER"):  # CI: every service must be there
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = redis_cache(url)
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def public_story(**kwargs):
    story = StoryFactory(published=True, **kwargs)
    StoryOrganizationFactory(story=story)
    return story


def test_pages_and_health_without_redis(client, settings):
    settings.CACHES = redis_cache(NOWHERE)
    story = public_story(headline="Served from the database")
    story.tags.add("Harbours")
    organization = story.story_organizations.get().organization
    for url in ("/", story.get_absolute_url(), "/feeds/latest.rss", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
    listings = (
        "/", "/feeds/latest.rss", "/tags/harbours/", organization.get_absolute_url(),
        story.source_role.person.get_absolute_url(), "/sections/government/",
    )  # fmt: skip
    for url in listings:  # their rendered bodies are kept in the cache when there is one
        assert b"Served from the database" in client.get(url).content, url
    later = public_story(headline="Published during the outage")
    later.tags.add("Harbours")
    for url in listings[:3]:
        assert b"Published during the outage" in client.get(url + "?utm_source=x").content, url
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_publishing_works_without_redis(admin_client, admin_user, settings):
    settings.CACHES = redis_cache(NOWHERE)
    story = StoryFactory(headline="Goes live during the outage")
    StoryOrganizationFactory(story=story)
    publish_story(story, by=admin_user)
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert b"Goes live during the outage" in admin_client.get("/").content


def test_health_says_ok_with_redis(client, running_redis):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_an_edit_made_during_an_outage_is_not_hidden_by_old_pages(
    client, running_redis, monkeypatch
):
    """Pages cached before the outage must not come back after it: the edit could not clear
    them, so the cache's return clears them."""
    story = public_story(headline="Before the outage")
    url = story.get_absolute_url()
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"

    def refuse(self, *args, **kwargs):
        raise redis.exceptions.ConnectionError("Connection refused (simulated outage)")

    with monkeypatch.context() as outage:
        outage.setattr(redis.connection.AbstractConnection, "connect", refuse)
        running_redis._cache.get_client().connection_pool.disconnect()
        story.headline = "Edited during the outage"
        story.save()
        response = client.get(url)
        assert response.status_code == 200
        assert b"Edited during the outage" in response.content
        assert client.get("/healthz").json()["status"] == "degraded"

    running_redis._retry_at = 0  # the retry delay has passed
    response = client.get(url)
    assert b"Edited during the outage" in response.content
    assert response["X-Cache"] == "miss"


def test_made_up_query_strings_are_not_cached(client, running_redis):
    public_story()
    client.get("/")
    for n in range(20):
        assert client.get(f"/?junk={n}").status_code == 200
    page_keys = redis.Redis.from_url(redis_url_of_this_run()).keys("*newsroom:page:*")
    assert len(page_keys) == 1
    assert client.get("/?page=1").status_code == 200
    assert len(redis.Redis.from_url(redis_url_of_this_run()).keys("*newsroom:page:*")) == 2


def test_a_publication_from_the_command_line_clears_the_servers_pages(client, settings):
    """Without Redis the default cache is files, shared by the server's processes and the
    commands: another process moving the generation on makes the server's pages stale."""
    from newsroom.caching import GENERATION_KEY

    assert "FileBasedCache" in settings.CACHES["default"]["BACKEND"]
    public_story(headline="Already out")
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"
    config = settings.CACHES["default"]
    command_process = caches["default"].__class__(config["LOCATION"], config)
    command_process.set(GENERATION_KEY, "moved-on-by-a-command", timeout=None)
    assert client.get("/")["X-Cache"] == "miss"
