"""The story list's filters.

Each narrows the list with a condition PostgreSQL answers from an index, whatever the size of
the archive: EXISTS on a link table rather than a join (a join repeats a story once per link,
and DISTINCT over 100,000 wide rows takes seconds), an organization found by its slug first so
that the planner knows how common it is.
"""

from django.contrib import admin
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef

from people.models import Organization
from stories.models import Story, StoryOrganization, StoryStatus

TOP_ORGANIZATIONS_KEY = "newsroom:admin:top-organizations"
TOP_ORGANIZATIONS_SECONDS = 600
TOP_ORGANIZATIONS_AMONG = 5000  # the newest stories whose organizations the filter counts


def _top_organizations() -> list[tuple[str, str]]:
    """(slug, name) of the organizations most tagged in the newest stories: the ones in the
    news now. By index (the links of a range of story ids, then the organizations), where
    counting every link of the archive reads half a million rows."""
    ids = Story.objects.order_by("-pk").values_list("pk", flat=True)
    oldest = ids[TOP_ORGANIZATIONS_AMONG - 1 : TOP_ORGANIZATIONS_AMONG].first() or 0
    counts = dict(
        StoryOrganization.objects.filter(story_id__gte=oldest)
        .order_by()
        .values("organization_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "organization_id")
        .values_list("organization_id", "n")[:15]
    )
    organizations = Organization.objects.filter(pk__in=counts).values_list("pk", "slug", "name")
    ranked = sorted(organizations, key=lambda row: (-counts[row[0]], row[2]))
    return [(slug, name) for _, slug, name in ranked]


class ByOrganizationFilter(admin.SimpleListFilter):
    """The organizations most tagged lately as links; any other through
    `?organization=<slug>` (the organization's page and the story form link there)."""

    title = "organization"
    parameter_name = "organization"

    def lookups(self, request, model_admin):
        choices = cache.get(TOP_ORGANIZATIONS_KEY)
        if choices is None:  # once every few minutes
            choices = _top_organizations()
            cache.set(TOP_ORGANIZATIONS_KEY, choices, timeout=TOP_ORGANIZATIONS_SECONDS)
        choices = list(choices)
        value = self.value()
        if value and value not in {slug for slug, _ in choices}:
            name = Organization.objects.filter(slug=value).values_list("name", flat=True).first()
            choices.append((value, name or value))
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        organization = Organization.objects.filter(slug=self.value()).values("pk").first()
        if organization is None:
            return queryset.none()
        links = StoryOrganization.objects.filter(
            story=OuterRef("pk"), organization_id=organization["pk"]
        )
        return queryset.filter(Exists(links))


class HasOrganizationsFilter(admin.SimpleListFilter):
    title = "organizations in this story"
    parameter_name = "tagged"

    def lookups(self, request, model_admin):
        return [("no", "No organizations yet"), ("yes", "Has organizations")]

    def queryset(self, request, queryset):
        links = StoryOrganization.objects.filter(story=OuterRef("pk"))
        if self.value() == "no":
            return queryset.filter(~Exists(links))
        if self.value() == "yes":
            return queryset.filter(Exists(links))
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [
            ("created", "Written by me"),
            ("review", "Waiting for my review"),
            ("imported", "Imported, to review"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "created":
            return queryset.filter(created_by=request.user)
        if self.value() == "review":
            return queryset.filter(reviewer=request.user, status=StoryStatus.IN_REVIEW)
        if self.value() == "imported":
            return queryset.imported_to_review()
        return queryset


class WhenFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("scheduled", "Scheduled"), ("public", "Public now")]

    def queryset(self, request, queryset):
        # The admin's queryset is a StoryQuerySet: the one definition of each, as a condition
        # on the same rows (not `pk IN (…)`, a second pass over the archive).
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "public":
            return queryset.public()
        return queryset
