"""Ingest on the task queue: the worker command polls due sources, and two workers started at
once against the same sources (PostgreSQL) never ingest one item twice."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from stories.ingest.models import IngestedItem, IngestSource
from stories.ingest.tasks import ingest_source, poll_sources, schedule_polling
from stories.models import Story
from tests import feed_server
from tests.factories import OrganizationFactory
from tests.test_ingest import feed_items

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def server():
    state = feed_server.FeedServer()
    httpd = feed_server.start(state)
    yield state
    httpd.shutdown()
    httpd.server_close()


def sources(server, count_per_feed: int = 20) -> None:
    """Four feeds: two of their own, and two that carry the same releases (a wire and the
    ministry's own feed)."""
    OrganizationFactory(name="Ministry of Harbours", slug="ministry-of-harbours")
    OrganizationFactory(name="Coastal Survey Agency", slug="coastal-survey-agency")
    shared = feed_server.rss(feed_items(server, count_per_feed, start=0))
    feeds = {
        "/own-a.xml": feed_server.rss(feed_items(server, count_per_feed, start=100)),
        "/own-b.xml": feed_server.rss(feed_items(server, count_per_feed, start=200)),
        "/ministry.xml": shared,
        "/wire.xml": shared.replace(b"urn:release:", b"urn:wire-copy:"),
    }
    for path, body in feeds.items():
        server.routes[path] = feed_server.Route(body)
        name = path.strip("/").removesuffix(".xml")
        IngestSource.objects.create(name=name, slug=name, url=server.url(path))


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_the_worker_polls_due_sources_and_schedules_the_next_poll(server):
    sources(server, count_per_feed=2)
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", stdout=StringIO())
    assert Story.objects.count() == 6
    assert IngestedItem.objects.filter(duplicate_of__isnull=False).count() == 2
    assert all(s.last_run_at for s in IngestSource.objects.all())
    # The next poll waits for its time; a second one is never queued beside it.
    waiting = DBTaskResult.objects.filter(task_path=poll_sources.module_path, status="READY")
    assert waiting.count() == 1
    assert schedule_polling() is False
    # A source run enqueued twice runs once: the second finds it not due.
    source = IngestSource.objects.first()
    assert ingest_source.call(source.pk) is None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two worker processes need a shared server database"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_on_postgresql_never_ingest_one_item_twice(server):
    sources(server)
    schedule_polling()
    for source in IngestSource.objects.all():  # every source enqueued twice as well
        ingest_source.enqueue(source.pk)
        ingest_source.enqueue(source.pk)
    database = connection.settings_dict
    env = os.environ | {
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}",
        "SECRET_KEY": "test-only-key",
    }
    command = [sys.executable, "manage.py", "worker", "--batch", "--no-startup-delay",
               "--interval", "0", "-v", "0"]  # fmt: skip
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=300)
        assert worker.returncode == 0, errors

    # 20 + 20 own releases, and 20 that two sources carried: 60 stories, 20 duplicates linked.
    assert Story.objects.count() == 60
    assert IngestedItem.objects.count() == 80
    assert IngestedItem.objects.filter(duplicate_of__isnull=False).count() == 20
    headlines = list(Story.objects.values_list("headline", flat=True))
    assert len(headlines) == len(set(headlines))
    finished = DBTaskResult.objects.exclude(task_path=poll_sources.module_path)
    assert set(finished.values_list("status", flat=True)) == {"SUCCESSFUL"}
    # Both workers took a share of the runs: they really ran at the same time.
    workers_seen = {w for ids in finished.values_list("worker_ids", flat=True) for w in ids}
    assert len(workers_seen) == 2
    ran = [r for r in finished.values_list("return_value", flat=True) if r]
    print(f"\ntwo workers: {len(ran)} source runs, {Story.objects.count()} stories")  # noqa: T201
