from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self) -> None:
        from stories import signals  # noqa: F401 - connects the receivers
        from stories.ingest import admin as ingest_admin  # noqa: F401 - registers its admin
        from stories.ingest import signals as ingest_signals  # noqa: F401 - retag after loads
