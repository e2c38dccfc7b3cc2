"""Find the registry entries a name refers to, creating them when the registry has none yet.

Used by the importers: "Department of State" and "State Department" are one organization when the
registry has the alias, and a person keeps one row however many roles they hold.
"""

import re

from django.db.models import F

from people.models import Organization, OrganizationKind, Person, Role
from people.names import name_key

_KIND_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bministry\b|\bministre\b", re.I), OrganizationKind.MINISTRY),
    (
        re.compile(r"\b(committee|senate|house of|congress|parliament|assembly)\b", re.I),
        OrganizationKind.LEGISLATURE,
    ),
    (
        re.compile(r"\b(university|college|institute of technology)\b", re.I),
        OrganizationKind.UNIVERSITY,
    ),
    (
        re.compile(
            r"\b(department|agency|administration|bureau|office|commission|service)\b", re.I
        ),
        OrganizationKind.GOVERNMENT_AGENCY,
    ),
    (
        re.compile(r"\b(county|city of|state of|province|municipal)\b", re.I),
        OrganizationKind.SUBNATIONAL,
    ),
    (
        re.compile(r"\b(inc|corp|corporation|company|co|llc|ltd|plc|group|trading)\b\.?", re.I),
        OrganizationKind.COMPANY,
    ),
    (
        re.compile(r"\b(foundation|conservancy|society|association|trust)\b", re.I),
        OrganizationKind.NONPROFIT,
    ),
    (re.compile(r"\b(news|times|post|radio|television|tv)\b", re.I), OrganizationKind.MEDIA),
]


def guess_organization_kind(name: str) -> str:
    """Return the OrganizationKind a new organization's name suggests, else OTHER."""
    for pattern, kind in _KIND_HINTS:
        if pattern.search(name):
            return kind
    return OrganizationKind.OTHER


def is_known_organization(name: str) -> bool:
    """True when `name` is an organization's name or alias in the registry."""
    return bool(name) and Organization.objects.named(name).exists()


def find_organization(name: str) -> Organization | None:
    """The organization called `name` (its canonical name first, then its aliases), or None."""
    matches = list(Organization.objects.named(name).order_by("pk")[:5])
    key = name_key(name)
    exact = [org for org in matches if org.name_key == key]
    return (exact or matches or [None])[0]


def find_or_create_organization(name: str) -> tuple[Organization, bool]:
    """Return (organization, created); a new one gets a guessed kind."""
    if organization := find_organization(name):
        return organization, False
    organization = Organization(name=name, kind=guess_organization_kind(name))
    organization.full_clean(exclude=["slug"])
    organization.save()
    return organization, True


def find_or_create_person(full_name: str, *, nickname: str = "") -> tuple[Person, bool]:
    """Return (person, created); fills in a nickname the registry did not know yet."""
    person = Person.objects.named(full_name).order_by("pk").first()
    if person is None:
        person = Person(full_name=full_name, nickname=nickname)
        person.full_clean(exclude=["slug"])
        person.save()
        return person, True
    if nickname and not person.nickname:
        person.nickname = nickname
        person.save(update_fields=["nickname", "updated_at"])
    return person, False


def find_or_create_role(
    person: Person, *, title: str, organization: Organization | None
) -> tuple[Role, bool]:
    """Return (role, created): the person's current role with this title at this organization."""
    role = (
        person.roles.filter(title__iexact=title, organization=organization)
        .order_by(F("ended_on").desc(nulls_first=True), "-pk")
        .first()
    )
    if role is not None:
        return role, False
    role = Role(person=person, title=title, organization=organization)
    role.full_clean()
    role.save()
    return role, True
