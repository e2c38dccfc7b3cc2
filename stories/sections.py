"""The site's sections (stories grouped by the kind of organization they are about) and its
country pages (stories about an organization of a country), with the queries that list them."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.urls import reverse

from people.countries import country_name
from people.models import OrganizationKind
from stories.models import Story, StoryOrganization


@dataclass(frozen=True)
class Section:
    slug: str
    name: str
    kinds: tuple[str, ...]
    description: str

    def get_absolute_url(self) -> str:
        return reverse("stories:section", kwargs={"slug": self.slug})

    def stories(self) -> QuerySet[Story]:
        """Public stories tagging at least one organization of the section's kinds."""
        tagged = StoryOrganization.objects.filter(
            story=OuterRef("pk"), organization__kind__in=self.kinds
        )
        return Story.objects.public().filter(Exists(tagged))


K = OrganizationKind
SECTIONS = (
    Section(
        "government",
        "Government",
        (K.GOVERNMENT_AGENCY, K.MINISTRY, K.LEGISLATURE, K.COUNTRY, K.SUBNATIONAL),
        "Stories about departments, agencies, ministries, legislatures and national, state "
        "and local governments.",
    ),
    Section(
        "international",
        "International",
        (K.MULTILATERAL,),
        "Stories about alliances, multilateral groups and international bodies.",
    ),
    Section(
        "companies",
        "Companies",
        (K.COMPANY, K.MEDIA),
        "Stories about companies and the media.",
    ),
    Section(
        "nonprofits-and-universities",
        "Non-profits and universities",
        (K.NONPROFIT, K.UNIVERSITY),
        "Stories about non-profit organizations, universities and colleges.",
    ),
)
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case
    name: str
    n_stories: int = 0

    def get_absolute_url(self) -> str:
        return reverse("stories:country", kwargs={"code": self.code.lower()})

    def stories(self) -> QuerySet[Story]:
        """Public stories tagging an organization of this country (the country itself, its
        ministries and agencies, its companies…)."""
        tagged = StoryOrganization.objects.filter(
            story=OuterRef("pk"), organization__country=self.code
        )
        return Story.objects.public().filter(Exists(tagged))


def country_named(code: str, n_stories: int = 0) -> Country | None:
    """The country whose ISO code is `code` (any case), or None."""
    name = country_name(code)
    return Country(code.upper(), name, n_stories) if name else None


def countries_in_the_news() -> list[Country]:
    """Every country with public stories, A–Z, with how many: one aggregate query."""
    counts = (
        StoryOrganization.objects.filter(story__in=Story.objects.public())
        .exclude(organization__country="")
        .values("organization__country")
        .annotate(n=Count("story", distinct=True))
    )
    countries = [country_named(row["organization__country"], row["n"]) for row in counts]
    return sorted((country for country in countries if country), key=lambda c: c.name)
