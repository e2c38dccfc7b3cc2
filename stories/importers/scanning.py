"""The engine's work on a batch of releases, spread over worker processes.

Scanning a release (its organizations, countries and people) and finding its quotes are pure
functions of its text and of the one index a batch uses (people.suggestions.batch), so worker
processes forked once the index is built do them while this process writes to the database.
The workers never touch the database: the connections they inherit are dropped, unused.

    with Scanner(workers=2) as scanner:
        scanner.prefetch(texts)          # the scans start now, in the workers
        found = scanner.suggest(text)    # this text's scan (waits for it if need be)
        quotes = scanner.quotes_later(jobs).get()  # find_quotes over the jobs, in the workers
"""

import gc
import logging
import multiprocessing
import os
from collections import deque
from pathlib import Path

from django.conf import settings
from django.db import connections

from people.matching import AliasIndex, Findings, PersonFinding
from people.matching.quotes import Quote, find_quotes
from people.suggestions import current_index, suggest
from stories.importers.errors import StoryImportError, crashed
from stories.importers.plaintext import read_story_file

logger = logging.getLogger(__name__)

# Fewer releases than this are scanned here: starting workers would cost more than it saves.
SMALLEST_BATCH = 40
WINDOW = 125  # releases sent to the workers at a time (half a transaction's worth)
_index: AliasIndex | None = None  # the index the workers scan with, set before they are forked
_known = None  # the registry's names the parsing workers ask about (KnownOrganizations)

QuoteJob = tuple[list[str], Findings | None, PersonFinding | None]


def default_workers() -> int:
    """NEWSROOM_IMPORT_WORKERS, else one per CPU (at most four)."""
    configured = getattr(settings, "NEWSROOM_IMPORT_WORKERS", None)
    return configured if configured is not None else min(4, os.cpu_count() or 1)


class Scanner:
    """Scans and quotes for one batch; in this process when `workers` < 2, when the batch is
    small, or when worker processes cannot be started here."""

    def __init__(self, workers: int = 1, size: int = 0):
        self.workers = workers if size >= SMALLEST_BATCH else 1
        self.pool = None
        self._found: dict[str, Findings] = {}
        self._texts: list[str] = []
        self._next = 0  # the first text not yet sent to the workers
        self._windows: deque = deque()  # (texts, their scans to come), oldest first

    def __enter__(self) -> "Scanner":
        global _index
        if self.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _index = current_index()
            # The index is millions of objects that live as long as the batch: out of the
            # collector's sight, a full collection no longer walks them (a fifth of this
            # process's time in an import of 3,000 releases), and the workers do not copy
            # the pages a collection would write to (see gc.freeze).
            gc.freeze()
            try:
                context = multiprocessing.get_context("fork")
                self.pool = context.Pool(self.workers, initializer=_forget_connections)
            except OSError as error:  # no processes to be had: the scans are done here
                logger.warning("import: no worker processes (%s); scanning in-process", error)
                self.pool = None
        return self

    def __exit__(self, kind, error, traceback) -> None:
        global _index
        _stop(self.pool, failed=error is not None)
        self.pool = None
        if _index is not None:
            gc.unfreeze()  # frozen in __enter__
        _index = None

    def prefetch(self, texts: list[str]) -> None:
        """Scan `texts` in the workers, in order, a window ahead of what is asked for."""
        if self.pool is not None:
            self._texts, self._next = texts, 0
            self._advance()

    def suggest(self, text: str) -> Findings:
        """What the registry finds in `text`: the workers' scan when it was prefetched."""
        while text not in self._found and (self._windows or self._next < len(self._texts)):
            if not self._windows:
                self._advance()
            texts, scans = self._windows.popleft()
            self._found.update(zip(texts, scans.get(), strict=True))
        found = self._found.pop(text, None)
        return found if found is not None else suggest(text)

    def quotes_later(self, jobs: list[QuoteJob]):
        """find_quotes(paragraphs, findings, source) for each job, in order, to come:
        `.get()` gives them. The workers find them, then go on to scan the next window."""
        if self.pool is None or len(jobs) < 2:
            return _Found([find_quotes(*job) for job in jobs])
        found = self.pool.map_async(_quotes, jobs, chunksize=4)
        self._advance()
        return found

    def _advance(self) -> None:
        """Keep two windows of scans in the workers' queue, behind what is already there."""
        while len(self._windows) < 2 and self._next < len(self._texts):
            texts = self._texts[self._next : self._next + WINDOW]
            self._next += len(texts)
            self._windows.append((texts, self.pool.map_async(_scan, texts, chunksize=4)))


class Parsing:
    """The releases of a batch parsed in worker processes while this process builds (or reads)
    the engine's index: the two are a batch's first work and need nothing of each other. Small
    batches, or one worker, are parsed here.

        with Parsing(paths, known, workers) as parsing, Scanner(…) as scanner:
            for outcome, asked in parsing.results(): …  # a ParsedStory or a StoryImportError,
                                                        # and the names its parse asked about
    """

    def __init__(self, paths: list[Path], known, workers: int = 1):
        self.paths, self.known = [str(path) for path in paths], known
        self.pool = self._pending = None
        self.workers = max(1, workers - 1)  # one process of the machine builds the index
        if workers < 2 or len(paths) < SMALLEST_BATCH:
            self.workers = 0

    def __enter__(self) -> "Parsing":
        global _known
        if self.workers and "fork" in multiprocessing.get_all_start_methods():
            _known = self.known
            try:
                context = multiprocessing.get_context("fork")
                self.pool = context.Pool(self.workers, initializer=_forget_connections)
            except OSError as error:
                logger.warning("import: no worker processes (%s); parsing in-process", error)
                self.pool = None
            if self.pool is not None:
                self._pending = self.pool.map_async(_parse, self.paths, chunksize=16)
        return self

    def __exit__(self, kind, error, traceback) -> None:
        global _known
        _stop(self.pool, failed=error is not None)
        self.pool = None
        _known = None

    def results(self) -> list[tuple[object, set[str]]]:
        """(ParsedStory or StoryImportError, the name keys its parse asked about) per path."""
        if self._pending is None:
            return [_parse(path, self.known) for path in self.paths]
        results = self._pending.get()
        _stop(self.pool)  # done: its processes go now, not at the end of the batch
        self.pool = self._pending = None
        return results


class _Found:
    """Quotes found already, with the interface of the workers' results to come."""

    def __init__(self, quotes: list[list[Quote]]):
        self.quotes = quotes

    def get(self) -> list[list[Quote]]:
        return self.quotes


def _stop(pool, *, failed: bool = False) -> None:
    """Let `pool`'s processes finish their work and end (at once when the batch failed)."""
    if pool is None:
        return
    if failed:
        pool.terminate()
    else:
        pool.close()
    pool.join()


def _forget_connections() -> None:
    """In a worker: the parent's database connections are its own; drop them unused."""
    for connection in connections.all(initialized_only=True):
        connection.connection = None


def _parse(path: str, known=None) -> tuple[object, set[str]]:
    """read_story_file(path), or the refusal it raises (a crash refuses the file: see
    stories.importers.errors.crashed); with the registry names the parse asked about."""
    known = known if known is not None else _known
    known.path = path
    try:
        outcome = read_story_file(Path(path), is_known_organization=known)
    except StoryImportError as error:
        outcome = error
    except Exception as exc:  # noqa: BLE001 (see crashed: logged, refused)
        outcome = crashed(path, None, exc)
    return outcome, known.asked.pop(path, set())


def _scan(text: str) -> Findings:
    return _index.find(text)


def _quotes(job: QuoteJob) -> list[Quote]:
    return find_quotes(*job)
