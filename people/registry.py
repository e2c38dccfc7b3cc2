"""The organization registry as data: load it from files (JSON or CSV), export it back.

The starter registry ships in `people/data/registry/` (U.S. federal departments and agencies,
multilateral bodies, a few people) and is completed with every country and territory from
pycountry. Loading validates the whole file first (jsonschema), then merges it into what is there
in one transaction: same canonical name, same organization; nothing is deleted; a field the file
leaves empty is left as it was. Loading the same file twice changes nothing the second time.
"""

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from django.db import transaction
from jsonschema import Draft202012Validator

from newsroom.slugs import slug_text
from people.matching import is_acronym, is_case_sensitive_name
from people.models import (
    AliasKind,
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    RegistryStamp,
    Role,
)
from people.names import name_key
from people.resolution import find_or_create_person

DATA_DIR = Path(__file__).resolve().parent / "data" / "registry"
STARTER_FILES = [
    "us-federal.json",
    "multilateral.json",
    "companies.json",
    "institutions.json",
    "people.json",
]
CSV_COLUMNS = ["name", "kind", "aliases", "parent", "country", "website", "description"]
CSV_ALIAS_SEPARATOR = " | "

_ALIAS = {
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": 300},
        {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 300},
                "kind": {"enum": list(AliasKind.values)},
                "case_sensitive": {"type": "boolean"},
            },
        },
    ]
}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "organizations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 300},
                    "kind": {"enum": list(OrganizationKind.values)},
                    "aliases": {"type": "array", "items": _ALIAS},
                    "parent": {"type": ["string", "null"]},
                    "country": {"type": ["string", "null"], "pattern": "^([A-Z]{2})?$"},
                    "website": {"type": ["string", "null"], "maxLength": 200},
                    "description": {"type": ["string", "null"]},
                },
            },
        },
        "people": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 200},
                    "nickname": {"type": ["string", "null"], "maxLength": 100},
                    "roles": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["title"],
                            "properties": {
                                "title": {"type": "string", "minLength": 1, "maxLength": 300},
                                "organization": {"type": ["string", "null"]},
                                "started_on": {"type": ["string", "null"], "format": "date"},
                                "ended_on": {"type": ["string", "null"], "format": "date"},
                            },
                        },
                    },
                },
            },
        },
    },
}


class RegistryError(Exception):
    """A registry file the loader refuses. Nothing has been written."""

    def __init__(self, path: str, where: str | None, expected: str):
        self.path, self.where, self.expected = path, where, expected
        super().__init__(f"{path}{f', {where}' if where else ''}: expected {expected}")


@dataclass
class RegistryReport:
    organizations_created: int = 0
    organizations_updated: int = 0
    aliases_created: int = 0
    people_created: int = 0
    roles_created: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.organizations_created} organizations created, "
            f"{self.organizations_updated} updated, {self.aliases_created} aliases added, "
            f"{self.people_created} people and {self.roles_created} roles created"
        )


# --- reading -------------------------------------------------------------------------------------


def read_registry_file(path: Path | str) -> dict:
    """Read a registry file (.json, or .csv of organizations) into the JSON shape."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(str(path), None, f"a readable UTF-8 file ({exc})") from exc
    if path.suffix.lower() == ".csv":
        return _read_csv(raw, str(path))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RegistryError(str(path), f"line {exc.lineno}", f"JSON ({exc.msg})") from exc
    validate_registry(data, str(path))
    return data


def _read_csv(raw: str, path: str) -> dict:
    reader = csv.DictReader(io.StringIO(raw))
    missing = {"name"} - set(reader.fieldnames or [])
    if missing:
        raise RegistryError(path, "line 1", f"a header row with the columns {CSV_COLUMNS}")
    organizations = []
    for row in reader:
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        organization = {"name": (row.get("name") or "").strip(), "aliases": aliases}
        for column in ("kind", "parent", "country", "website", "description"):
            value = (row.get(column) or "").strip()
            if value:
                organization[column] = value
        if not organization["name"]:
            raise RegistryError(path, f"line {reader.line_num}", "a name in the 'name' column")
        organizations.append(organization)
    data = {"organizations": organizations}
    validate_registry(data, path, csv_lines=True)
    return data


def validate_registry(data: object, path: str, *, csv_lines: bool = False) -> None:
    """Raise RegistryError for the first thing in `data` that does not fit the schema."""
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is None:
        return
    parts = list(error.absolute_path)
    if csv_lines and len(parts) >= 2:
        where = f"line {parts[1] + 2}, column {parts[2] if len(parts) > 2 else 'name'}"
    else:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
    raise RegistryError(path, where or None, _expected(error))


def _expected(error) -> str:
    if error.validator == "enum":
        return f"one of {', '.join(map(str, error.validator_value))}, found {error.instance!r}"
    if error.validator == "pattern":
        return f"an ISO 3166-1 alpha-2 country code such as 'US', found {error.instance!r}"
    if error.validator == "format":
        return f"a {error.validator_value} (YYYY-MM-DD), found {error.instance!r}"
    return error.message


def starter_registry() -> dict:
    """The registry a new newsroom starts with: the data files plus every pycountry country."""
    organizations: list[dict] = []
    people: list[dict] = []
    for name in STARTER_FILES:
        data = read_registry_file(DATA_DIR / name)
        organizations += data.get("organizations", [])
        people += data.get("people", [])
    return {"organizations": country_organizations() + organizations, "people": people}


def country_organizations() -> list[dict]:
    """Every country and territory in pycountry, with official and common names as aliases."""
    extra = json.loads((DATA_DIR / "countries-extra.json").read_text(encoding="utf-8"))
    result = []
    for country in pycountry.countries:
        code = country.alpha_2
        names = [country.name, getattr(country, "official_name", None),
                 getattr(country, "common_name", None)]  # fmt: skip
        canonical = extra["canonical"].get(code) or getattr(country, "common_name", None)
        canonical = canonical or (country.name if ", " not in country.name else names[1])
        canonical = canonical.removeprefix("the ")
        aliases = []
        for alias in [*names, *extra["aliases"].get(code, [])]:
            if alias and ", " not in alias and alias != canonical and alias not in aliases:
                aliases.append(alias)
        result.append(
            {"name": canonical, "kind": OrganizationKind.COUNTRY, "aliases": aliases,
             "parent": None, "country": code, "website": None}
        )  # fmt: skip
    return result


# --- loading -------------------------------------------------------------------------------------


@transaction.atomic
def load_registry(data: dict, *, source: str = "registry") -> RegistryReport:
    """Merge `data` (the JSON shape) into the registry in one transaction. Idempotent."""
    validate_registry(data, source)
    report = RegistryReport()
    by_key = {org.name_key: org for org in Organization.objects.all()}
    alias_keys = {
        (org_id, key)
        for org_id, key in OrganizationAlias.objects.values_list("organization_id", "name_key")
    }
    taken_slugs = set(Organization.objects.values_list("slug", flat=True))
    entries = data.get("organizations", [])

    known_parents = set(by_key) | {name_key(e["name"]) for e in entries}
    for n, entry in enumerate(entries):
        if entry.get("parent") and name_key(entry["parent"]) not in known_parents:
            raise RegistryError(
                source, f"organizations[{n}].parent",
                f"the name of an organization in the file or the registry, "
                f"found {entry['parent']!r}",
            )  # fmt: skip

    new: list[Organization] = []
    changed: list[Organization] = []
    for entry in entries:
        key = name_key(entry["name"])
        organization = by_key.get(key) or _known_by_alias(entry, by_key, new)
        values = {
            "kind": entry.get("kind"),
            "country": entry.get("country") or None,
            "website": entry.get("website") or None,
            "description": entry.get("description") or None,
        }
        if organization is None:
            organization = Organization(
                name=entry["name"].strip(),
                name_key=key,
                slug=_free_slug(entry["name"], taken_slugs),
                kind=values["kind"] or OrganizationKind.OTHER,
                country=values["country"] or "",
                website=values["website"] or "",
                description=values["description"] or "",
            )
            by_key[key] = organization
            new.append(organization)
            continue
        dirty = False
        if organization.name_key != key:
            # Known under one of the entry's aliases (an import created it): take the
            # canonical name, keep the old one as an alias.
            entry.setdefault("aliases", []).append(organization.name)
            by_key.pop(organization.name_key, None)
            organization.name, organization.name_key = entry["name"].strip(), key
            by_key[key] = organization
            dirty = True
        for field_name, value in values.items():
            if value is not None and getattr(organization, field_name) != value:
                setattr(organization, field_name, value)
                dirty = True
        if dirty and organization.pk and organization not in changed:
            changed.append(organization)
    Organization.objects.bulk_create(new, batch_size=1000)
    if changed:
        Organization.objects.bulk_update(
            changed,
            ["name", "name_key", "kind", "country", "website", "description"],
            batch_size=1000,
        )
    report.organizations_created, report.organizations_updated = len(new), len(changed)

    reparented = []
    for entry in entries:
        organization = by_key[name_key(entry["name"])]
        if entry.get("parent"):
            parent = by_key[name_key(entry["parent"])]
            if organization.parent_id != parent.pk and parent.pk != organization.pk:
                organization.parent_id = parent.pk
                reparented.append(organization)
    if reparented:
        Organization.objects.bulk_update(reparented, ["parent"], batch_size=1000)
        report.organizations_updated += len({o.pk for o in reparented} - {o.pk for o in new})

    aliases = []
    for entry in entries:
        organization = by_key[name_key(entry["name"])]
        for alias in entry.get("aliases", []):
            alias = {"name": alias} if isinstance(alias, str) else alias
            alias_name = alias["name"].strip()
            key = name_key(alias_name)
            if key == organization.name_key or (organization.pk, key) in alias_keys:
                continue
            alias_keys.add((organization.pk, key))
            aliases.append(
                OrganizationAlias(
                    organization=organization,
                    name=alias_name,
                    name_key=key,
                    kind=alias.get("kind")
                    or (AliasKind.ACRONYM if is_acronym(alias_name) else AliasKind.SHORT_FORM),
                    is_case_sensitive=alias.get(
                        "case_sensitive",
                        is_acronym(alias_name) or is_case_sensitive_name(alias_name),
                    ),
                )
            )
    OrganizationAlias.objects.bulk_create(aliases, batch_size=1000)
    report.aliases_created = len(aliases)

    for n, person_data in enumerate(data.get("people", [])):
        _load_person(person_data, by_key, report, source, n)
    RegistryStamp.bump()
    return report


def _known_by_alias(entry: dict, by_key: dict, new: list) -> Organization | None:
    """An existing organization whose canonical name is one of `entry`'s aliases, same kind."""
    for alias in entry.get("aliases", []):
        alias_name = alias if isinstance(alias, str) else alias["name"]
        organization = by_key.get(name_key(alias_name))
        if (
            organization is not None
            and organization not in new
            and organization.kind in {entry.get("kind"), OrganizationKind.OTHER}
        ):
            return organization
    return None


def _free_slug(name: str, taken: set[str]) -> str:
    """A slug no organization uses yet, `taken` holding every slug in use (updated)."""
    base = slug_text(name)[:80].rstrip("-") or "organization"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base[: 80 - len(str(n)) - 1]}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _load_person(data: dict, by_key, report: RegistryReport, source: str, n: int) -> None:
    before = Person.objects.count()
    person, _ = find_or_create_person(data["name"].strip(), nickname=data.get("nickname") or "")
    report.people_created += Person.objects.count() - before
    for m, role_data in enumerate(data.get("roles", [])):
        organization = None
        if role_data.get("organization"):
            organization = by_key.get(name_key(role_data["organization"]))
            if organization is None:
                raise RegistryError(
                    source, f"people[{n}].roles[{m}].organization",
                    f"an organization in the file or the registry, "
                    f"found {role_data['organization']!r}",
                )  # fmt: skip
        exists = person.roles.filter(
            title__iexact=role_data["title"].strip(), organization=organization
        ).exists()
        if exists:
            continue
        role = Role(
            person=person,
            title=role_data["title"].strip(),
            organization=organization,
            started_on=_date(role_data.get("started_on")),
            ended_on=_date(role_data.get("ended_on")),
        )
        role.full_clean()
        role.save()
        report.roles_created += 1


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- exporting -----------------------------------------------------------------------------------


def export_registry() -> dict:
    """The whole registry in the JSON shape `load_registry` reads."""
    organizations = Organization.objects.select_related("parent").prefetch_related("aliases")
    people = Person.objects.prefetch_related("roles__organization")
    return {
        "organizations": [
            {
                "name": org.name,
                "kind": org.kind,
                "aliases": [_export_alias(alias) for alias in org.aliases.all()],
                "parent": org.parent.name if org.parent else None,
                "country": org.country or None,
                "website": org.website or None,
                "description": org.description or None,
            }
            for org in organizations.order_by("name", "pk")
        ],
        "people": [
            {
                "name": person.full_name,
                "nickname": person.nickname or None,
                "roles": [
                    {
                        "title": role.title,
                        "organization": role.organization.name if role.organization else None,
                        "started_on": role.started_on.isoformat() if role.started_on else None,
                        "ended_on": role.ended_on.isoformat() if role.ended_on else None,
                    }
                    for role in sorted(person.roles.all(), key=lambda r: (r.title, r.pk))
                ],
            }
            for person in people.order_by("full_name", "pk")
        ],
    }


def _export_alias(alias: OrganizationAlias) -> str | dict:
    default_kind = AliasKind.ACRONYM if is_acronym(alias.name) else AliasKind.SHORT_FORM
    default_case = is_acronym(alias.name) or is_case_sensitive_name(alias.name)
    if alias.kind == default_kind and alias.is_case_sensitive == default_case:
        return alias.name
    return {"name": alias.name, "kind": alias.kind, "case_sensitive": alias.is_case_sensitive}


def registry_csv_rows(data: dict) -> Iterable[list[str]]:
    """Rows (header first) of the organizations in `data`, for a spreadsheet."""
    yield CSV_COLUMNS
    for org in data["organizations"]:
        aliases = [a if isinstance(a, str) else a["name"] for a in org.get("aliases", [])]
        yield [
            org["name"],
            org.get("kind") or "",
            CSV_ALIAS_SEPARATOR.join(aliases),
            org.get("parent") or "",
            org.get("country") or "",
            org.get("website") or "",
            org.get("description") or "",
        ]
