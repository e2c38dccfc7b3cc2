"""The suggestion engine as the rest of the site uses it: the alias index built from the
registry (once per process, rebuilt when the registry's version stamp moves) and the scan."""

import gc
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction

from newsroom.transactions import pending_in_transaction
from people import saved_index
from people.matching import AliasIndex, Entry, Findings, PersonEntry
from people.models import Organization, OrganizationAlias, Person, RegistryStamp, Role

_lock = threading.Lock()
_built: dict[str, object] = {"version": None, "index": None}
# Inside batch(): the one index the batch uses, and whether the batch changed the registry.
_batch: ContextVar[dict | None] = ContextVar("suggestion_batch", default=None)


def build_index() -> AliasIndex:
    """Read the whole registry (five queries) into a fresh AliasIndex."""
    entries = [
        Entry(id=pk, name=name, kind=kind, slug=slug, country=country, parent_id=parent_id)
        for pk, name, kind, slug, country, parent_id in Organization.objects.values_list(
            "pk", "name", "kind", "slug", "country", "parent_id"
        ).iterator(chunk_size=5000)
    ]
    aliases = OrganizationAlias.objects.values_list(
        "organization_id", "name", "is_case_sensitive"
    ).iterator(chunk_size=5000)
    titles: dict[int, list[tuple[str, int | None]]] = {}
    for person_id, title, organization_id in Role.objects.order_by(
        "person_id", "ended_on", "-started_on"
    ).values_list("person_id", "title", "organization_id"):
        titles.setdefault(person_id, []).append((title, organization_id))
    people = [
        PersonEntry(pk, full_name, nickname, tuple(titles.get(pk, ())))
        for pk, full_name, nickname in Person.objects.values_list("pk", "full_name", "nickname")
    ]
    websites = Organization.objects.exclude(website="").values_list("pk", "website")
    return AliasIndex(
        entries,
        aliases,
        people,
        home_country=settings.NEWSROOM_HOME_COUNTRY,
        websites=websites.iterator(chunk_size=5000),
    )


def current_index() -> AliasIndex:
    """The index for the registry as it is now: one query when nothing changed (none in a
    batch, which keeps the index it started with)."""
    if (batch := _batch.get()) is not None:
        if batch["index"] is None:
            batch["index"] = _current_index()
        return batch["index"]
    return _current_index()


def _current_index() -> AliasIndex:
    version = RegistryStamp.current()
    with _lock:
        # No stamp yet ("") says nothing about the registry (a database just created, or a
        # transaction that made the stamp rolled back): build, never reuse.
        if not version or _built["version"] != version or _built["index"] is None:
            _built["index"], _built["version"] = _load_or_build(version), version
        return _built["index"]


def _load_or_build(version: str) -> AliasIndex:
    """The index another process saved for this registry version, else a new one, saved."""
    with _collector_paused():
        if (index := saved_index.load(version)) is not None:
            return index
        started = time.perf_counter()
        index = build_index()
        saved_index.save(version, index, time.perf_counter() - started)
    return index


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off: reading or building the index makes millions of
    objects, none of them garbage, and each full collection meanwhile walked them all (about
    0.9 s of the 2.5 s build for the bench's registry)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def suggest(text: str) -> Findings:
    """What the registry finds in `text` (see people.matching.AliasIndex.find)."""
    return current_index().find(text)


@contextmanager
def batch():
    """One index for a whole batch (an import of many files): built at most once, from the
    registry as it is when first needed, instead of once per file that adds a person or a role.
    What the batch adds to the registry moves the version stamp on once, at the end (see
    people.signals), so other processes rebuild then. Files later in the batch are scanned
    without the entries earlier files added (their own source line still resolves through the
    database)."""
    if _batch.get() is not None:  # already in a batch: the outer one decides
        yield
        return
    token = _batch.set({"index": None, "changed": False})
    try:
        yield
    finally:
        changed = _batch.get()["changed"]
        _batch.reset(token)
        if changed:
            RegistryStamp.bump()


def registry_changed() -> None:
    """Note a change to the registry: the stamp moves now, or at the end of the batch.

    In a transaction, once: the stamp is a row of that transaction, so other processes see it
    move when the rest does; only a read of the stamp in this process since makes it move
    again (deleting a thousand organizations with their aliases writes it once)."""
    if (state := _batch.get()) is not None:
        state["changed"] = True
        return
    if pending_in_transaction(_stamp_moved) and not RegistryStamp.read_since_bump:
        return
    RegistryStamp.bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_stamp_moved)  # a mark, dropped if its savepoint rolls back


def _stamp_moved() -> None:
    """Nothing to do at commit: registry_changed looks for it among the transaction's
    callbacks to know the stamp already moved in this transaction."""
