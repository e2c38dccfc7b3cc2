"""What the importers report: refusals (nothing written) and warnings (imported, but look here)."""

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class StoryImportError(Exception):
    """A file the importer refuses. Nothing has been written."""

    def __init__(self, path: str, line: int | None, expected: str):
        self.path, self.line, self.expected = path, line, expected
        super().__init__(f"{path}{f', line {line}' if line else ''}: expected {expected}")

    def as_dict(self) -> dict:
        return {"line": self.line, "message": f"expected {self.expected}", "text": str(self)}

    def __reduce__(self):  # as its arguments (a refusal found in a worker process comes back)
        return type(self), (self.path, self.line, self.expected)


@dataclass(frozen=True)
class ImportNotice:
    """Something the importer accepted but an editor should look at."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}{f', line {self.line}' if self.line else ''}: {self.message}"

    def as_dict(self) -> dict:
        return {"line": self.line, "message": self.message, "text": str(self)}


def crashed(path: str, line: int | None, exc: Exception) -> StoryImportError:
    """A bug in an importer costs one file (or one ninjs document), never the batch: it is
    refused like any other (the import is atomic, so nothing of it was written), and the
    traceback goes to the log for whoever fixes the importer."""
    logger.error("import_stories: %s could not be imported", path, exc_info=exc)
    return StoryImportError(
        path, line,
        f"a file the importer can read (it failed with {type(exc).__name__}: {exc}; "
        "please report this file)",
    )  # fmt: skip
