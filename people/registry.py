"""The organization registry as data: load it from files (JSON or CSV), export it back.

The starter registry ships in `people/data/registry/` (U.S. federal departments and agencies,
multilateral bodies, a few people) and is completed with every country and territory from
pycountry. Loading validates the whole file first (jsonschema), then merges it into what is there
in one transaction: same canonical name, same organization; nothing is deleted; a field the file
leaves empty is left as it was. Loading the same file twice changes nothing the second time.
"""

import csv
import functools
import hashlib
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from django.db import connections, router, transaction
from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaError

from newsroom.slugs import slug_text
from newsroom.web_addresses import is_web_url
from people.matching import is_acronym, is_case_sensitive_name
from people.matching.fold import index_key
from people.matching.index import national_variants
from people.matching.lexicon import DEMONYMS, LEGAL_FORM, government_name
from people.models import (
    AliasKind,
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    RegistryStamp,
    Role,
)
from people.names import name_key, normalize_typography
from people.resolution import find_or_create_person
from people.signals import registry_loaded

DATA_DIR = Path(__file__).resolve().parent / "data" / "registry"
STARTER_FILES = [
    "us-federal.json",
    "multilateral.json",
    "national-governments.json",
    "national-ministries.json",
    "national-ministries-more.json",
    "us-congress.json",
    "us-states.json",
    "companies.json",
    "institutions.json",
    "multilateral-more.json",
    "subnational-governments.json",
    "us-courts.json",
    "military.json",
    "political-parties.json",
    "armed-groups.json",
    "national-bodies.json",
    "national-companies.json",
    "companies-more.json",
    "civil-society.json",
    "missions.json",
    "us-federal-units.json",
    "us-state-agencies.json",
    "us-local.json",
    "eu-bodies.json",
    "national-agencies.json",
    "education-culture.json",
    "subsidiaries.json",
    "investment-firms.json",
    "market-infrastructure.json",
    "labour-and-business.json",
    "subnational-world.json",
    "cities-world.json",
    "media.json",
    "us-field-units.json",
    "institutions-world.json",
    "institutions-extra.json",
    "companies-world.json",
    "companies-extra.json",
    "sports.json",
    "utilities-and-infrastructure.json",
    "national-offices.json",
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
                "ambiguous": {"type": "boolean"},
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
    organizations_matched: int = 0
    aliases_created: int = 0
    people_created: int = 0
    people_matched: int = 0
    roles_created: int = 0
    dry_run: bool = False
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def wrote(self) -> bool:
        """Whether the load added or changed anything (a new name may tag old stories)."""
        return any((
            self.organizations_created, self.organizations_updated, self.aliases_created,
            self.people_created, self.roles_created,
        ))  # fmt: skip

    def __str__(self) -> str:
        would = "would be " if self.dry_run else ""
        text = (
            f"{self.organizations_created} organizations {would}created, "
            f"{self.organizations_updated} {would}updated (matched {self.organizations_matched} "
            f"existing), {self.aliases_created} aliases {would}added, "
            f"{self.people_created} people {would}created (matched {self.people_matched} "
            f"existing) and {self.roles_created} roles {would}created"
        )
        if self.conflicts:
            text += f"; {len(self.conflicts)} conflicts not written"
        return text


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
    # The schema check is the costliest part of reading; a file whose very text was checked
    # before in this process (the starter files, loaded again) is not checked twice.
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).digest()
    if digest not in _VALID_TEXTS:
        validate_registry(data, str(path))
        _VALID_TEXTS.add(digest)
    return data


_VALID_TEXTS: set[bytes] = set()
_VALID_DATA: set[bytes] = set()  # digests of the JSON of data load_registry checked


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


def _validate_once(data: object, source: str) -> None:
    """validate_registry, unless this very data passed it before in this process (the starter
    registry, loaded again: the schema check is most of the cost of loading it)."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        validate_registry(data, source)  # (no JSON: the schema says what is wrong)
        return
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    if digest not in _VALID_DATA:
        validate_registry(data, source)
        _VALID_DATA.add(digest)


def validate_registry(data: object, path: str, *, csv_lines: bool = False) -> None:
    """Raise RegistryError for the first thing in `data` that does not fit the schema."""
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is None:
        error = _first_bad_website(data) or _first_nul(data)
    if error is None:
        return
    parts = list(error.absolute_path)
    if csv_lines and len(parts) >= 2:
        where = f"line {parts[1] + 2}, column {parts[2] if len(parts) > 2 else 'name'}"
    else:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
    raise RegistryError(path, where or None, _expected(error))


def _first_nul(value, path: tuple = ()) -> SchemaError | None:
    """The first text holding a NUL character (PostgreSQL cannot store one; SQLite would)."""
    if isinstance(value, str):
        return (
            SchemaError("text without NUL characters", path=list(path)) if "\x00" in value else None
        )
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        if found := _first_nul(item, (*path, key)):
            return found
    return None


def _first_bad_website(data: dict) -> SchemaError | None:
    """The first website that is not an http(s) address (a `javascript:` link is stored XSS)."""
    for n, entry in enumerate(data.get("organizations", [])):
        if entry.get("website") and not is_web_url(entry["website"]):
            found = f"a web address starting with http:// or https://, found {entry['website']!r}"
            return SchemaError(found, path=["organizations", n, "website"])
    return None


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
    taken = {folded_key(name) for entry in organizations for name in _entry_names(entry)}
    return {"organizations": country_organizations(taken) + organizations, "people": people}


def country_organizations(taken: set[str] = frozenset()) -> list[dict]:
    """Every country and territory in pycountry, with official and common names as aliases,
    and the names of its government ("Government of Japan", "the Australian Government")
    unless another organization bears them (`taken`: folded names, e.g. a cabinet's)."""
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
        # The national government acting is named so: "the Australian Government".
        governments = [government_name(canonical), f"{canonical} Government"]
        governments += [f"{demonym} Government" for demonym in DEMONYMS.get(code, ())]
        governments = [g for g in governments if folded_key(g) not in taken]
        for alias in [*names, *extra["aliases"].get(code, []), *governments]:
            if alias and ", " not in alias and alias != canonical and alias not in aliases:
                aliases.append(alias)
        result.append(
            {"name": canonical, "kind": OrganizationKind.COUNTRY, "aliases": aliases,
             "parent": None, "country": code, "website": None}
        )  # fmt: skip
    return result


# --- loading -------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def folded_key(name: str) -> str:
    """The key two names of one organization share after the engine's own folding (typography,
    diacritics, case, spaces, a leading "the")."""
    return index_key(normalize_typography(name), case_sensitive=False)


def _alias_name(alias: str | dict) -> str:
    return (alias if isinstance(alias, str) else alias["name"]).strip()


def _entry_names(entry: dict) -> list[str]:
    """The entry's name and the aliases it does not mark ambiguous."""
    aliases = [
        _alias_name(a)
        for a in entry.get("aliases", [])
        if isinstance(a, str) or not a.get("ambiguous")
    ]
    return [entry["name"].strip(), *aliases]


# Kinds of body one name names wherever its country is said to be (not a government's)
_KINDS_WITHOUT_BORDERS = {
    OrganizationKind.COMPANY,
    OrganizationKind.NONPROFIT,
    OrganizationKind.UNIVERSITY,
    OrganizationKind.MULTILATERAL,
    OrganizationKind.MEDIA,
}


def _compatible(organization: Organization, entry: dict, *, strict: bool = False) -> bool:
    """Whether `entry` can describe `organization`: no different country, and no different
    kind unless both are of one country (Network Rail, a company or an agency as one file or
    another sees it, is one organization; the file's kind then wins)."""
    kind, country = entry.get("kind"), entry.get("country")
    kinds = {organization.kind, kind} - {None, OrganizationKind.OTHER}
    if country and organization.country and organization.country != country:
        return False
    return len(kinds) <= 1 or (not strict and bool(country and organization.country == country))


class _Names:
    """Organizations by every folded name and alias: the registry's and the file's so far."""

    def __init__(self):
        self.by_key: dict[str, list[Organization]] = {}
        self.by_bare_key: dict[str, list[Organization]] = {}  # without a legal form

    def add(self, key: str, organization: Organization) -> None:
        for index, k in ((self.by_key, key), (self.by_bare_key, bare_company_key(key))):
            known = index.setdefault(k, [])
            if all(o is not organization for o in known):
                known.append(organization)

    def get(self, name: str) -> list[Organization]:
        return self.by_key.get(folded_key(name), [])

    def one(self, name: str) -> Organization | None:
        """The organization `name` denotes, its canonical name first."""
        found = self.get(name)
        exact = [o for o in found if folded_key(o.name) == folded_key(name)]
        return (exact or found or [None])[0]


def _shared_keys(entries: list[dict]) -> set[str]:
    """Folded aliases two entries of one file both carry (or one carries as its name): the file
    itself says they name two organizations, so they match neither (an export of a registry
    where "SDNY" names the court and the prosecutors loads back as two organizations)."""
    owners: dict[str, set[int]] = {}
    for n, entry in enumerate(entries):
        for name in [entry["name"], *(_alias_name(a) for a in entry.get("aliases", []))]:
            owners.setdefault(folded_key(name), set()).add(n)
    return {key for key, held_by in owners.items() if len(held_by) > 1}


def _existing(
    entry: dict, names: _Names, shared: frozenset[str] | set[str] = frozenset()
) -> tuple[Organization | None, list[Organization]]:
    """(the organization `entry` describes or None, the organizations it conflicts with)."""
    own = folded_key(entry["name"])
    by_name = [o for o in names.by_key.get(own, []) if folded_key(o.name) == own]
    if by_name:
        return by_name[0], []
    found: list[Organization] = []
    for name in _entry_names(entry):
        if name != entry["name"].strip() and folded_key(name) in shared:
            continue
        # as the engine reads it: "United States Department of Transportation" is also the
        # registry's "U.S. Department of Transportation"
        for organization in [o for n in (name, *national_variants(name)) for o in names.get(n)]:
            compatible = _compatible(organization, entry) or (
                # the file's own name for a company (a charity, a university …) the registry
                # places in another country: the same body, its country read otherwise
                # (headquarters or incorporation), not a second one
                name == entry["name"].strip()
                and _compatible(organization, {**entry, "country": None})
                and {organization.kind, entry.get("kind")} <= _KINDS_WITHOUT_BORDERS
            )
            if compatible and all(o is not organization for o in found):
                found.append(organization)
    if not found:
        # "Network Rail" is "Network Rail Limited": the canonical names, a company's legal
        # form set aside (not the aliases: "SoftBank Corp." is not SoftBank Group's "SoftBank")
        bare = bare_company_key(own)
        for organization in names.by_bare_key.get(bare, []):
            if (
                bare_company_key(folded_key(organization.name)) == bare
                and _compatible(organization, entry, strict=True)
                and all(o is not organization for o in found)
            ):
                found.append(organization)
    if len(found) > 1:
        return None, found
    return (found[0] if found else None), []


def _national(entry: dict, names: _Names, countries: dict[str, list[str]]) -> Organization | None:
    """ "Ministry of Finance" of Ghana is the registry's "Ministry of Finance of Ghana", as the
    engine reads that name in a story about Ghana (`countries`: ISO code -> the country's
    names); the one body of that country so named, else None."""
    name, code = entry["name"].strip(), entry.get("country")
    found: list[Organization] = []
    for country in countries.get(code, []) if code else []:
        for form in (f"{name} of {country}", f"{name} of the {country}", f"{name} {country}"):
            for organization in names.get(form):
                if organization.country == code and _compatible(organization, entry):
                    found += [organization] if organization not in found else []
    return found[0] if len(found) == 1 else None


_LEGAL_FORM = re.compile(LEGAL_FORM)


def bare_company_key(key: str) -> str:
    """A folded name without its legal form: "network rail limited" -> "network rail"."""
    return _LEGAL_FORM.sub("", key) or key


@transaction.atomic
def load_registry(data: dict, *, source: str = "registry", dry_run: bool = False) -> RegistryReport:
    """Merge `data` (the JSON shape) into the registry in one transaction. Idempotent.

    An organization whose name or alias folds to an existing organization's name or alias (of a
    compatible kind and country) updates that one and keeps the file's name as an alias; one
    matching several existing organizations is a conflict, listed in the report and not
    written. With `dry_run`, everything is rolled back and the report says what would happen.
    """
    _validate_once(data, source)
    report = RegistryReport(dry_run=dry_run)
    names = _Names()
    existing = list(Organization.objects.all())
    by_pk = {org.pk: org for org in existing}
    countries: dict[str, list[str]] = {}  # each country's names, by ISO code
    for org in existing:
        names.add(folded_key(org.name), org)
        if org.kind == OrganizationKind.COUNTRY and org.country:
            countries.setdefault(org.country, []).append(org.name)
    alias_keys = set()
    for org_id, alias in OrganizationAlias.objects.values_list("organization_id", "name"):
        alias_keys.add((org_id, folded_key(alias)))
        names.add(folded_key(alias), by_pk[org_id])
        if by_pk[org_id].kind == OrganizationKind.COUNTRY and by_pk[org_id].country:
            countries.setdefault(by_pk[org_id].country, []).append(alias)
    taken_slugs = set(Organization.objects.values_list("slug", flat=True))
    entries = data.get("organizations", [])

    known_parents = set(names.by_key) | {folded_key(n) for e in entries for n in _entry_names(e)}
    for n, entry in enumerate(entries):
        if entry.get("parent") and folded_key(entry["parent"]) not in known_parents:
            raise RegistryError(
                source, f"organizations[{n}].parent",
                f"the name of an organization in the file or the registry, "
                f"found {entry['parent']!r}",
            )  # fmt: skip

    new: list[Organization] = []
    changed: list[Organization] = []
    matched: set[int] = set()
    loaded: list[tuple[dict, Organization]] = []
    shared = _shared_keys(entries)
    for entry in entries:
        organization, conflicts = _existing(entry, names, shared)
        national = None if organization or conflicts else _national(entry, names, countries)
        if conflicts:
            report.conflicts.append(
                f"{entry['name']!r} names {len(conflicts)} organizations already in the "
                f"registry: " + ", ".join(repr(o.name) for o in conflicts)
            )
            continue
        values = {
            "kind": entry.get("kind"),
            "country": entry.get("country") or None,
            "website": entry.get("website") or None,
            "description": entry.get("description") or None,
        }
        aliases = list(entry.get("aliases", []))
        if national is not None:
            # the file's name is the engine's own reading of the body's name in its country,
            # no alias (one would name that body in every story: "Ministry of Finance")
            organization = national
            matched.add(organization.pk)
        elif organization is None:
            organization = Organization(
                name=entry["name"].strip(),
                name_key=name_key(entry["name"]),
                slug=_free_slug(entry["name"], taken_slugs),
                kind=values["kind"] or OrganizationKind.OTHER,
                country=values["country"] or "",
                website=values["website"] or "",
                description=values["description"] or "",
            )
            new.append(organization)
        else:
            if organization.pk and organization.pk not in matched:
                matched.add(organization.pk)
            dirty = False
            own, theirs = folded_key(entry["name"]), folded_key(organization.name)
            if own != theirs:
                alias_names = {folded_key(_alias_name(a)) for a in aliases}
                if theirs in alias_names:
                    # The file names it canonically and lists the name it had (an import
                    # created it): take the file's name, keep the old one as an alias.
                    aliases.append(organization.name)
                    organization.name, organization.name_key = (
                        entry["name"].strip(),
                        name_key(entry["name"]),
                    )
                    dirty = True
                else:
                    aliases.append(entry["name"].strip())  # the file's name, as an alias
            for field_name, value in values.items():
                if value is not None and getattr(organization, field_name) != value:
                    setattr(organization, field_name, value)
                    dirty = True
            if dirty and organization.pk and organization not in changed:
                changed.append(organization)
        for name in [organization.name, *(_alias_name(a) for a in aliases)]:
            names.add(folded_key(name), organization)
        loaded.append(({**entry, "aliases": aliases}, organization))
    Organization.objects.bulk_create(new, batch_size=1000)
    if changed:
        Organization.objects.bulk_update(
            changed,
            ["name", "name_key", "kind", "country", "website", "description"],
            batch_size=1000,
        )
    report.organizations_created, report.organizations_updated = len(new), len(changed)
    report.organizations_matched = len(matched)

    reparented = []
    for entry, organization in loaded:
        if entry.get("parent"):
            parent = names.one(entry["parent"])
            if (
                parent is not None
                and organization.parent_id != parent.pk
                and parent.pk != organization.pk
            ):
                organization.parent_id = parent.pk
                reparented.append(organization)
    if reparented:
        # One UPDATE per row, sent at once: bulk_update's CASE of a thousand branches per batch
        # cost Django more to build than the database to run (a third of a starter load).
        connection = connections[router.db_for_write(Organization)]
        meta, quote = Organization._meta, connection.ops.quote_name
        parent, pk = quote(meta.get_field("parent").column), quote(meta.pk.column)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {quote(meta.db_table)} SET {parent} = %s WHERE {pk} = %s",
                [(organization.parent_id, organization.pk) for organization in reparented],
            )
        report.organizations_updated += len({o.pk for o in reparented} - {o.pk for o in new})

    aliases = []
    for entry, organization in loaded:
        for alias in entry.get("aliases", []):
            alias = {"name": alias} if isinstance(alias, str) else alias
            alias_name = alias["name"].strip()
            key = folded_key(alias_name)
            if key == folded_key(organization.name) or (organization.pk, key) in alias_keys:
                continue
            alias_keys.add((organization.pk, key))
            aliases.append(
                OrganizationAlias(
                    organization=organization,
                    name=alias_name,
                    name_key=name_key(alias_name),
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

    people: dict[str, list[Person]] = {}
    for person in Person.objects.all():
        people.setdefault(folded_key(person.full_name), []).append(person)
    for n, person_data in enumerate(data.get("people", [])):
        _load_person(person_data, names, people, report, source, n)
    if dry_run:
        transaction.set_rollback(True)
    else:
        RegistryStamp.bump()
        if report.wrote:
            transaction.on_commit(lambda: registry_loaded.send(RegistryReport, report=report))
    return report


def _free_slug(name: str, taken: set[str]) -> str:
    """A slug no organization uses yet, `taken` holding every slug in use (updated)."""
    base = slug_text(name)[:80].rstrip("-") or "organization"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base[: 80 - len(str(n)) - 1]}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _load_person(
    data: dict,
    names: _Names,
    people: dict[str, list[Person]],
    report: RegistryReport,
    source: str,
    n: int,
) -> None:
    """Add or update one person; `people`: the registry's people by folded name (updated)."""
    full_name = data["name"].strip()
    same = people.get(folded_key(full_name), [])
    if len(same) > 1:
        report.conflicts.append(
            f"person {full_name!r} names {len(same)} people already in the registry"
        )
        return
    if same:
        person = same[0]
        report.people_matched += 1
        if data.get("nickname") and not person.nickname:
            person.nickname = data["nickname"]
            person.save(update_fields=["nickname", "updated_at"])
    else:
        person, _ = find_or_create_person(full_name, nickname=data.get("nickname") or "")
        people[folded_key(full_name)] = [person]
        report.people_created += 1
    for m, role_data in enumerate(data.get("roles", [])):
        organization = None
        if role_data.get("organization"):
            organization = names.one(role_data["organization"])
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
