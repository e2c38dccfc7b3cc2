"""Ingest sources in the admin: editors (the Editor group) manage them and see each one's last
run; reporters do not; "Run now" and "Issue a new webhook token" work from the list."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from stories.ingest.models import IngestSource, SourceKind
from stories.models import Story
from tests import feed_server
from tests.factories import OrganizationFactory
from tests.test_ingest import feed_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, django_user_model):
    def login(group: str):
        user = django_user_model.objects.create_user(group.lower(), password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return login


def test_an_editor_adds_a_feed_source(member):
    client = member("Editor")
    ministry = OrganizationFactory(name="Ministry of Harbours")
    response = client.post(
        reverse("admin:stories_ingestsource_add"),
        {"name": "Ministry releases", "slug": "ministry", "kind": "feed",
         "url": "https://harbours.example.org/feed.xml", "folder": "",
         "organization": ministry.pk, "interval_minutes": 30, "is_enabled": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    source = IngestSource.objects.get()
    assert (source.organization, source.interval_minutes) == (ministry, 30)


def test_a_feed_source_needs_its_address(member):
    client = member("Editor")
    response = client.post(
        reverse("admin:stories_ingestsource_add"),
        {"name": "No address", "slug": "no-address", "kind": "feed", "url": "", "folder": "",
         "interval_minutes": 15},
    )  # fmt: skip
    assert response.status_code == 200
    assert "feed_source_has_url" in response.content.decode() or "errornote" in (
        response.content.decode()
    )
    assert not IngestSource.objects.exists()


def test_reporters_do_not_manage_sources(member):
    client = member("Reporter")
    assert client.get(reverse("admin:stories_ingestsource_changelist")).status_code == 403


def test_run_now_shows_the_outcome_and_the_errors_stay_on_the_source(member):
    state = feed_server.FeedServer()
    httpd = feed_server.start(state)
    try:
        OrganizationFactory(name="Ministry of Harbours")
        state.routes["/feed.xml"] = feed_server.Route(feed_server.rss(feed_items(state, 2)))
        good = IngestSource.objects.create(name="Good", slug="good", url=state.url("/feed.xml"))
        broken = IngestSource.objects.create(name="Gone", slug="gone", url=state.url("/gone.xml"))
        client = member("Editor")
        response = client.post(
            reverse("admin:stories_ingestsource_changelist"),
            {"action": "run_now", "_selected_action": [good.pk, broken.pk]},
            follow=True,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    page = response.content.decode()
    assert "Good: 2 seen, 2 created, 0 updated, 0 duplicates, 0 errors." in page
    assert "Gone: 0 seen, 0 created, 0 updated, 0 duplicates, 1 errors." in page
    assert Story.objects.count() == 2
    change = client.get(reverse("admin:stories_ingestsource_change", args=[broken.pk]))
    assert f"{state.url('/gone.xml')}: HTTP 404 Not Found" in change.content.decode()


def test_issue_token_shows_it_once_and_the_webhook_accepts_it(member):
    source = IngestSource.objects.create(name="Wire", slug="wire", kind=SourceKind.WEBHOOK)
    client = member("Editor")
    response = client.post(
        reverse("admin:stories_ingestsource_changelist"),
        {"action": "issue_token", "_selected_action": [source.pk]},
        follow=True,
    )
    page = response.content.decode()
    token = page.split("the new token is ")[1].split(" ")[0]
    source.refresh_from_db()
    assert source.accepts_token(token) and token not in source.token_hash
