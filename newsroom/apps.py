from django.apps import AppConfig
from django.utils.autoreload import autoreload_started


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self) -> None:
        from newsroom import checks  # noqa: F401 - registers the system checks

        autoreload_started.connect(watch_inline_stylesheets)


def watch_inline_stylesheets(sender, **kwargs) -> None:
    """runserver restarts when an inlined stylesheet changes: its text and its hash in the
    Content-Security-Policy are read once per process (newsroom/stylesheets.py)."""
    from newsroom.stylesheets import STATIC_DIR

    sender.watch_dir(STATIC_DIR, "css/*.css")
