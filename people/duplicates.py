"""Possible duplicates in the registry: names that differ only in form, not in meaning."""

from collections import defaultdict

from people.merging import duplicate_key
from people.models import Organization, Person


def possible_duplicate_organizations() -> list[list[Organization]]:
    """Groups of two or more organizations whose names share a duplicate key (one query)."""
    groups: dict[tuple[str, str], list[Organization]] = defaultdict(list)
    for organization in Organization.objects.only("pk", "name", "kind", "slug").order_by("pk"):
        key = duplicate_key(organization.name)
        if key:
            groups[(key, organization.kind == "country")].append(organization)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0].name)


def possible_duplicate_people() -> list[list[Person]]:
    groups: dict[str, list[Person]] = defaultdict(list)
    for person in Person.objects.only("pk", "full_name", "nickname", "slug").order_by("pk"):
        groups[duplicate_key(person.full_name)].append(person)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0].full_name)
