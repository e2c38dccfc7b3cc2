"""The suggestion engine as the rest of the site uses it: the alias index built from the
registry (once per process, rebuilt when the registry's version stamp moves) and the scan."""

import threading

from django.conf import settings

from people.matching import AliasIndex, Entry, Findings, PersonEntry
from people.models import Organization, OrganizationAlias, Person, RegistryStamp, Role

_lock = threading.Lock()
_built: dict[str, object] = {"version": None, "index": None}


def build_index() -> AliasIndex:
    """Read the whole registry (four queries) into a fresh AliasIndex."""
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
    return AliasIndex(entries, aliases, people, home_country=settings.NEWSROOM_HOME_COUNTRY)


def current_index() -> AliasIndex:
    """The index for the registry as it is now: one query when nothing changed."""
    version = RegistryStamp.current()
    with _lock:
        if _built["version"] != version or _built["index"] is None:
            _built["index"], _built["version"] = build_index(), version
        return _built["index"]


def suggest(text: str) -> Findings:
    """What the registry finds in `text` (see people.matching.AliasIndex.find)."""
    return current_index().find(text)
