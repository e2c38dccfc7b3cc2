"""While the database is unreachable readers get a 503 with Retry-After, never a traceback; the
site recovers by itself when the database answers again."""

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection

from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def database_refusing_connections():
    """The database server stopped: open connections are gone, new ones are refused.

    (SQLite's in-memory test database is never really closed; PostgreSQL's connection is, so
    there the requests after the outage really reconnect.)"""

    def refuse():
        raise OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        )

    connection.close()
    connection.ensure_connection = refuse
    try:
        yield
    finally:
        del connection.ensure_connection  # the class's method again


@contextmanager
def connection_lost_mid_request():
    """Every query fails as on a connection the server closed."""

    def lost(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(lost):
        yield


def _urls(story) -> list[str]:
    return [
        "/", story.get_absolute_url(), "/feeds/latest.rss", "/search/?q=grid",
        "/sitemap-stories.xml", "/archive/2026/",
    ]  # fmt: skip


@pytest.mark.parametrize("outage", [database_refusing_connections, connection_lost_mid_request])
def test_an_outage_answers_503_and_the_site_recovers(client, outage):
    story = StoryFactory(published=True, headline="Grid grants reopen for rural utilities")
    urls = _urls(story)
    with outage():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 503, (url, response.status_code)
            assert int(response["Retry-After"]) > 0
            assert "no-cache" in response["Cache-Control"]
            page = response.content.decode()
            assert "Back in a moment" in page
            assert "Traceback" not in page and "OperationalError" not in page
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "Grid grants reopen" in client.get("/").content.decode()


def test_a_save_during_the_outage_is_refused_with_503_and_kept_after(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", is_staff=True, is_superuser=True)
    story = StoryFactory(headline="Before the outage", created_by=editor)
    client.force_login(editor)
    url = f"/admin/stories/story/{story.pk}/change/"
    with connection_lost_mid_request():
        assert client.get(url).status_code == 503
    assert client.get(url).status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_healthz_reports_the_outage():
    from django.test import Client

    with database_refusing_connections():
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
