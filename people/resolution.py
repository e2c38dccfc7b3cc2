"""Find the registry entries a name refers to, creating them when the registry has none yet.

Used by the importers: "Department of State" and "State Department" are one organization when the
registry has the alias, and a person keeps one row however many roles they hold.
"""

from people.matching import guess_organization_kind
from people.matching.lexicon import ORGANIZATION_HEADS
from people.models import Organization, OrganizationAlias, Person, Role
from people.names import name_key


def is_known_organization(name: str) -> bool:
    """True when `name` is an organization's name or alias in the registry (countries aside:
    "… Authority of Ghana" names an authority, not Ghana)."""
    return bool(name) and Organization.objects.named(name).exclude(kind="country").exists()


class KnownOrganizations:
    """is_known_organization for many files: the registry's names read once (two queries), and
    the names each file asked about recorded (`asked`: path -> name keys), so that a file whose
    answer an organization added later would change can be read again."""

    def __init__(self):
        self.keys = set(
            Organization.objects.exclude(kind="country").values_list("name_key", flat=True)
        ) | set(
            OrganizationAlias.objects.exclude(organization__kind="country").values_list(
                "name_key", flat=True
            )
        )
        self.asked: dict[str, set[str]] = {}
        self.path = ""

    def __call__(self, name: str) -> bool:
        key = name_key(name)
        self.asked.setdefault(self.path, set()).add(key)
        return bool(name) and key in self.keys


def find_organization(name: str) -> Organization | None:
    """The organization called `name` (its canonical name first, then its aliases), or None."""
    matches = list(Organization.objects.named(name).order_by("pk")[:5])
    key = name_key(name)
    exact = [org for org in matches if org.name_key == key]
    return (exact or matches or [None])[0]


def find_or_create_organization(name: str, *, kind: str = "") -> tuple[Organization, bool]:
    """Return (organization, created); a new one gets the kind its name suggests, else `kind`
    (what the context says: a CEO's organization is a company)."""
    if organization := find_organization(name):
        return organization, False
    guessed = guess_organization_kind(name)
    organization = Organization(name=name, kind=kind if guessed == "other" and kind else guessed)
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
    """Return (role, created): the person's current role with this title at this organization.

    A variant of a title ("Department Spokesperson" for "Spokesperson" at the same organization)
    is the same role: titles compare by their title words.
    """
    roles = list(person.roles.filter(organization=organization).current_first())
    for role in roles:
        if role.title.casefold() == title.casefold():
            return role, False
    for role in roles:
        if title_words(role.title) == title_words(title) and title_words(title):
            return role, False
    role = Role(person=person, title=title, organization=organization)
    role.full_clean()
    role.save()
    return role, True


def title_words(title: str) -> tuple[str, ...]:
    """`title` without the bodies named in it: ("spokesperson",) for "Department Spokesperson"."""
    words = (w.strip(",.").casefold() for w in title.split())
    return tuple(w for w in words if w and w not in ORGANIZATION_HEADS and w != "the")
