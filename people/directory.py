"""The organization directory's filters (kind, country, initial letter, a name or alias typed
in the box) read from a query string, and the organizations they select."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from people.countries import country_name
from people.models import Organization, OrganizationAlias, OrganizationKind
from people.names import name_key

MAX_QUERY = 100  # characters of the name box that are looked at


@dataclass(frozen=True)
class OrganizationFilters:
    kind: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, upper case
    letter: str = ""
    query: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "OrganizationFilters":
        """The filters `query` asks for; whatever is not a kind, a country code, a letter or a
        printable text is ignored."""
        kind = query.get("kind", "")
        country = query.get("country", "").upper()
        letter = query.get("letter", "").upper()[:1]
        text = " ".join(query.get("q", "")[:MAX_QUERY].split())
        return cls(
            kind=kind if kind in OrganizationKind.values else "",
            country=country if country_name(country) else "",
            letter=letter if letter.isalpha() else "",
            query="".join(c for c in text if c.isprintable()),
        )

    def as_query(self, *, without: str = "") -> str:
        """These filters as a query string (`without` one of them), for links."""
        query = QueryDict(mutable=True)
        for name, value in (
            ("q", self.query),
            ("kind", self.kind),
            ("country", self.country),
            ("letter", self.letter),
        ):
            if value and name != without:
                query[name] = value
        return query.urlencode()


def organizations_matching(filters: OrganizationFilters) -> QuerySet[Organization]:
    """The organizations `filters` select, A–Z: by kind, country, initial letter, and by a
    name or an alias containing the typed text (typography, case and a leading "the" aside)."""
    organizations = Organization.objects.only("name", "name_key", "slug", "kind", "country")
    if filters.kind:
        organizations = organizations.filter(kind=filters.kind)
    if filters.country:
        organizations = organizations.filter(country=filters.country)
    if filters.letter:
        organizations = organizations.filter(name__istartswith=filters.letter)
    if filters.query and (key := name_key(filters.query)):
        # A word of the name (or of an alias) starts with the text: "epa" finds "EPA", not
        # "Department"; names or aliases that are the text itself come first.
        # IN over the aliases found, not EXISTS per organization: a third of the time.
        aliases = OrganizationAlias.objects.values("organization_id")
        organizations = organizations.filter(
            words_starting(key) | Q(pk__in=aliases.filter(words_starting(key)))
        ).annotate(
            is_exact=Q(name_key=key) | Q(pk__in=aliases.filter(name_key=key)),
        )
        return organizations.order_by("-is_exact", "name", "pk")
    return organizations.order_by("name", "pk")


def words_starting(key: str) -> Q:
    """A name whose key (people.names.name_key) has a word starting with `key`."""
    return Q(name_key__startswith=key) | Q(name_key__contains=f" {key}")


def matching_aliases(organizations: list[Organization], query: str) -> dict[int, str]:
    """For each of `organizations` found by an alias only, the first alias that matched
    `query` (so a list can say why "EPA" found the Environmental Protection Agency)."""
    key = name_key(query)
    wanted = [o.pk for o in organizations if key and not _has_word_starting(o.name_key, key)]
    if not wanted:
        return {}
    found: dict[int, str] = {}
    aliases = OrganizationAlias.objects.filter(words_starting(key), organization_id__in=wanted)
    for organization_id, name in aliases.order_by("name").values_list("organization_id", "name"):
        found.setdefault(organization_id, name)
    return found


def public_story_counts(organizations: list[Organization]) -> dict[int, int]:
    """How many public stories name each of `organizations`: one query for the page."""
    # Story through the registry: `people` does not import `stories`.
    stories = Organization._meta.get_field("stories").related_model
    counted = (
        stories.objects.public()
        .filter(story_organizations__organization_id__in=[o.pk for o in organizations])
        .values("story_organizations__organization_id")
        .annotate(n=Count("pk"))  # a story names an organization once
        .values_list("story_organizations__organization_id", "n")
    )
    return dict(counted)


def countries_with_organizations() -> list[tuple[str, str]]:
    """(code, name) of every country some organization belongs to, by name: the choices of the
    country filter."""
    codes = (
        Organization.objects.exclude(country="")
        .order_by()  # not by name: one row per country
        .values_list("country", flat=True)
        .distinct()
    )
    named = ((code, country_name(code)) for code in codes)
    return sorted(((code, name) for code, name in named if name), key=lambda pair: pair[1])


def _has_word_starting(name: str, key: str) -> bool:
    return name.startswith(key) or f" {key}" in name
