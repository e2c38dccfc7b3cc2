"""Background work beside ingest on the task queue: scheduled exports (managed in the admin,
written by the worker whole or not at all, their outcome kept on the schedule) and retagging
(after a registry load, and from the story list's "Re-suggest organizations")."""

import csv
import io
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from people.registry import load_registry
from stories.exporters import EXPORTERS
from stories.ingest.models import ExportFormat, ExportOutcome, ExportSchedule
from stories.ingest.tasks import poll_sources, resuggest_organizations, write_scheduled_export
from stories.models import Origin
from tests.factories import OrganizationFactory, StoryFactory

pytestmark = pytest.mark.django_db


def run_ready_tasks() -> list[DBTaskResult]:
    """What one worker does with the queue, in this test's transaction: claim each ready task,
    run it, record its result (the worker command itself closes connections between tasks,
    which a test transaction cannot survive; test_the_worker_writes… runs the real one)."""
    ran = []
    while result := DBTaskResult.objects.ready().order_by("enqueued_at").first():
        result.claim("test-worker")
        args = result.task_result
        result.set_successful(result.task.call(*args.args, **args.kwargs))
        ran.append(result)
    return ran


def queued(task) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.ready().filter(task_path=task.module_path))


@pytest.fixture
def stories():
    StoryFactory(headline="Harbour dues frozen", published=True)
    StoryFactory(headline="Ferry timetable changes", published=True)
    StoryFactory(headline="Draft about the pier")


def test_the_formats_a_schedule_offers_are_the_exporters():
    assert set(ExportFormat.values) == set(EXPORTERS)


def test_an_editor_schedules_an_export_and_the_worker_writes_it(stories, editor_client, tmp_path):
    folder = tmp_path / "exports" / "partners"
    response = editor_client.post(
        reverse("admin:stories_exportschedule_add"),
        {"name": "Partner feed", "format": "ninjs", "scope": "public", "folder": str(folder),
         "file_name": "partner-feed.json", "interval_minutes": 30, "is_enabled": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    schedule = ExportSchedule.objects.get()

    # The worker's periodic poll finds it due and queues its run; the run writes the file.
    poll_sources.call()
    assert [r.args_kwargs["args"] for r in queued(write_scheduled_export)] == [[schedule.pk]]
    run_ready_tasks()

    exported = json.loads((folder / "partner-feed.json").read_text())
    assert sorted(d["headlines"][0]["value"] for d in exported) == [
        "Ferry timetable changes", "Harbour dues frozen",
    ]  # fmt: skip
    assert [p.name for p in folder.iterdir()] == ["partner-feed.json"]  # no temporary left
    schedule.refresh_from_db()
    assert (schedule.last_outcome, schedule.last_count) == (ExportOutcome.WRITTEN, 2)
    assert f"2 stories written to {folder / 'partner-feed.json'}" in schedule.last_message
    assert schedule.next_run_at > timezone.now() + timedelta(minutes=29)

    # Not due again before its interval: the next poll queues nothing for it.
    poll_sources.call()
    assert queued(write_scheduled_export) == []

    page = editor_client.get(reverse("admin:stories_exportschedule_changelist")).content.decode()
    assert "Partner feed" in page and "Written" in page


def test_a_backup_in_csv_holds_every_story(stories, tmp_path):
    schedule = ExportSchedule.objects.create(
        name="Nightly backup", format=ExportFormat.CSV, scope="all", folder=str(tmp_path),
        file_name="backup.csv", interval_minutes=1440,
    )  # fmt: skip
    write_scheduled_export.enqueue(schedule.pk)
    [result] = run_ready_tasks()
    assert result.return_value["outcome"] == "written"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "backup.csv").read_text())))
    assert len(rows) == 3 and "Draft about the pier" in {r["headline"] for r in rows}


def test_an_unwritable_folder_is_the_runs_failure_and_the_old_file_stays(
    stories, editor_client, tmp_path
):
    (tmp_path / "feed.json").write_text("[]")
    schedule = ExportSchedule.objects.create(
        name="Feed", folder=str(tmp_path), file_name="feed.json", interval_minutes=60
    )
    write_scheduled_export.call(schedule.pk)
    (tmp_path / "blocker").write_text("a file where the folder should be")
    ExportSchedule.objects.filter(pk=schedule.pk).update(
        folder=str(tmp_path / "blocker" / "sub"), next_run_at=None
    )
    outcome = write_scheduled_export.call(schedule.pk)
    assert outcome["outcome"] == "failed"
    schedule.refresh_from_db()
    assert schedule.last_outcome == ExportOutcome.FAILED and schedule.claimed_until is None
    assert str(tmp_path / "blocker" / "sub" / "feed.json") in schedule.last_message
    assert len(json.loads((tmp_path / "feed.json").read_text())) == 2  # the last good file

    change = reverse("admin:stories_exportschedule_change", args=[schedule.pk])
    assert "Failed" in editor_client.get(change).content.decode()


def test_write_now_queues_the_export_even_before_its_time(stories, editor_client, tmp_path):
    schedule = ExportSchedule.objects.create(
        name="Feed", folder=str(tmp_path), file_name="feed.ndjson", format="ndjson",
        next_run_at=timezone.now() + timedelta(days=1),
    )  # fmt: skip
    response = editor_client.post(
        reverse("admin:stories_exportschedule_changelist"),
        {"action": "write_now", "_selected_action": [schedule.pk]},
        follow=True,
    )
    assert "1 exports queued" in response.content.decode()
    run_ready_tasks()
    assert len((tmp_path / "feed.ndjson").read_text().splitlines()) == 2


def test_a_file_name_with_a_folder_in_it_or_a_relative_folder_is_refused(editor_client, tmp_path):
    response = editor_client.post(
        reverse("admin:stories_exportschedule_add"),
        {"name": "Sneaky", "format": "csv", "scope": "all", "folder": "exports",
         "file_name": "../settings.csv", "interval_minutes": 30},
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "A plain file name" in page and "A full path on the server" in page
    response = editor_client.post(
        reverse("admin:stories_exportschedule_add"),
        {"name": "Sneaky", "format": "csv", "scope": "all", "folder": str(tmp_path),
         "file_name": "settings.py", "interval_minutes": 30},
    )  # fmt: skip
    assert "A CSV file&#x27;s name ends in .csv." in response.content.decode()
    assert not ExportSchedule.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_the_worker_writes_due_exports_from_its_periodic_poll(tmp_path):
    StoryFactory(headline="Harbour dues frozen", published=True)
    ExportSchedule.objects.create(
        name="Feed", folder=str(tmp_path), file_name="latest.rss", format="rss"
    )
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", stdout=StringIO())
    assert "Harbour dues frozen" in (tmp_path / "latest.rss").read_text()
    assert ExportSchedule.objects.get().last_outcome == ExportOutcome.WRITTEN


# --- retagging ------------------------------------------------------------------------------

BODY = "The Office of Sprockets and the Gadget Commission met on Monday to agree on standards."


def test_a_registry_load_queues_a_retag_that_adds_the_new_organizations(
    django_capture_on_commit_callbacks,
):
    story = StoryFactory(body=BODY, source_role=None, published=True)
    typed = OrganizationFactory(name="Typed By Hand")
    story.story_organizations.create(organization=typed, position=1, origin=Origin.TYPED)
    assert queued(resuggest_organizations) == []

    registry = {"organizations": [
        {"name": "Office of Sprockets", "kind": "agency"},
        {"name": "Gadget Commission", "kind": "agency"},
    ]}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        load_registry(registry, source="sprockets.json")
    [retag] = queued(resuggest_organizations)
    assert retag.args_kwargs["args"] == []  # the whole archive
    assert story.organizations.count() == 1  # nothing yet: the worker does it

    [result] = run_ready_tasks()
    assert result.return_value == {"stories": 1, "touched": 1, "added": 2, "quoted": 0}
    links = {link.organization.name: link.origin for link in story.story_organizations.all()}
    assert links == {
        "Typed By Hand": Origin.TYPED,
        "Office of Sprockets": Origin.IMPORTED,
        "Gadget Commission": Origin.IMPORTED,
    }

    # Loading the same file again writes nothing: no retag is queued.
    with django_capture_on_commit_callbacks(execute=True):
        load_registry(registry, source="sprockets.json")
    assert queued(resuggest_organizations) == []


def test_resuggest_from_the_story_list_retags_only_the_selected_stories(editor_client):
    chosen = StoryFactory(headline="Chosen", body=BODY, source_role=None)
    other = StoryFactory(headline="Other", body=BODY, source_role=None)
    load_registry({"organizations": [{"name": "Office of Sprockets", "kind": "agency"}]})
    response = editor_client.post(
        reverse("admin:stories_story_changelist"),
        {"action": "resuggest_organizations", "_selected_action": [chosen.pk]},
        follow=True,
    )
    assert "Re-suggesting organizations for 1 stories" in response.content.decode()
    assert chosen.organizations.count() == 0  # queued, not done in the request

    [result] = run_ready_tasks()
    assert result.args_kwargs["args"] == [[chosen.pk]]
    assert list(chosen.organizations.values_list("name", flat=True)) == ["Office of Sprockets"]
    assert other.organizations.count() == 0


def test_retag_stories_command_reports_what_it_added():
    StoryFactory(slug="sprockets-met", body=BODY, source_role=None)
    load_registry({"organizations": [{"name": "Office of Sprockets", "kind": "agency"}]})
    out = StringIO()
    call_command("retag_stories", stdout=out)
    assert "added to sprockets-met: Office of Sprockets" in out.getvalue()
    assert "Added 1 organizations to 1 stories." in out.getvalue()
