"""Read replicas: anonymous page reads go to a replica; admin, signed-in users, writes and the
reads after a write go to the primary.

The replica here is a second connection to the test database (a test mirror of "default", as
DATABASE_REPLICA_URLS makes it), so the tests commit their rows (transaction=True) for the
replica's connection to see them.
"""

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.replicas import ReplicaMiddleware
from stories.models import Story
from tests.factories import StoryFactory, StoryOrganizationFactory
from tests.test_production import PRODUCTION, _settings

REPLICA = "replica_1"
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup, django_db_blocker):
    """A second alias for the test database, as settings make one for each replica URL."""
    primary = connections["default"].settings_dict
    connections.settings[REPLICA] = {**primary, "TEST": {**primary["TEST"], "MIRROR": "default"}}
    yield REPLICA
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture(autouse=True)
def _replicas_on(settings):
    settings.DATABASE_REPLICAS = [REPLICA]


class Queries:
    """The queries each database answered inside the block."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections[REPLICA]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


def test_settings_make_one_alias_per_replica_url():
    urls = "postgres://reader@replica-a:5432/newsroom,postgres://reader@replica-b:5432/newsroom"
    configured = _settings(**PRODUCTION, DATABASE_REPLICA_URLS=urls)
    assert configured["DATABASE_REPLICAS"] == ["replica_1", "replica_2"]
    replica = configured["DATABASES"]["replica_2"]
    assert replica["HOST"] == "replica-b" and replica["USER"] == "reader"
    assert replica["TEST"] == {"MIRROR": "default"}
    assert replica["CONN_HEALTH_CHECKS"] is True
    assert _settings(**PRODUCTION)["DATABASE_REPLICAS"] == []


def test_an_anonymous_story_page_is_read_from_the_replica(client):
    story = StoryFactory(published=True, headline="Read from a replica")
    StoryOrganizationFactory(story=story)
    with Queries() as queries:
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert b"Read from a replica" in response.content
    assert len(queries.replica) > 0
    assert len(queries.primary) == 0


def test_the_admin_reads_from_the_primary(editor_client):
    StoryFactory(published=True, headline="Edited on the primary")
    with Queries() as queries:
        response = editor_client.get(reverse("admin:stories_story_changelist"))
    assert b"Edited on the primary" in response.content
    assert len(queries.primary) > 0
    assert len(queries.replica) == 0


def test_signed_in_readers_read_from_the_primary(editor_client):
    story = StoryFactory(published=True)
    with Queries() as queries:
        editor_client.get(story.get_absolute_url())
    assert len(queries.primary) > 0
    assert len(queries.replica) == 0


def test_reads_after_a_write_in_the_same_request_go_to_the_primary():
    def writes_then_reads(request):
        before = Story.objects.count()  # may come from a replica
        Story.objects.create(headline="Written now", slug="written-now")
        after = Story.objects.filter(slug="written-now").count()  # must see its own write
        return HttpResponse(f"{before} {after}")

    with Queries() as queries:
        response = ReplicaMiddleware(writes_then_reads)(RequestFactory().get("/anything/"))
    assert response.content == b"0 1"
    assert [q["sql"].split()[0] for q in queries.replica] == ["SELECT"]
    written = [q["sql"].split()[0] for q in queries.primary if "newsroom" not in q["sql"]]
    assert "INSERT" in written and written[-1] == "SELECT"


def test_commands_and_code_outside_requests_read_from_the_primary():
    StoryFactory(published=True)
    with Queries() as queries:
        assert Story.objects.public().count() == 1
    assert len(queries.primary) == 1 and len(queries.replica) == 0
