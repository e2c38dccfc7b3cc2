"""worker — start a background worker: the task queue's worker (django-tasks-db's db_worker,
with all its options), with ingest polling scheduled. Start as many as you like."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from stories.ingest.tasks import schedule_polling


class Command(DatabaseWorkerCommand):
    help = (
        "Run background work (ingest polling and runs) from the task queue. Several workers, "
        "on one machine or many, share the queue; --batch runs what is ready, then exits."
    )

    def handle(self, *args, **options):
        schedule_polling()
        super().handle(*args, **options)
