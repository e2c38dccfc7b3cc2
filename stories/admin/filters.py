"""The story list's filters."""

from django.contrib import admin
from django.core.cache import cache
from django.db.models import Count

from people.models import Organization
from stories.models import Story, StoryStatus

TOP_ORGANIZATIONS_KEY = "newsroom:admin:top-organizations"
TOP_ORGANIZATIONS_SECONDS = 600


class ByOrganizationFilter(admin.SimpleListFilter):
    """The most-tagged organizations as links; any other through `?organization=<slug>`."""

    title = "organization"
    parameter_name = "organization"

    def lookups(self, request, model_admin):
        choices = cache.get(TOP_ORGANIZATIONS_KEY)
        if choices is None:  # counting every link of the archive: once every few minutes
            choices = list(
                Organization.objects.annotate(n=Count("story_links"))
                .filter(n__gt=0)
                .order_by("-n", "name")
                .values_list("slug", "name")[:15]
            )
            cache.set(TOP_ORGANIZATIONS_KEY, choices, timeout=TOP_ORGANIZATIONS_SECONDS)
        choices = list(choices)
        value = self.value()
        if value and value not in {slug for slug, _ in choices}:
            name = Organization.objects.filter(slug=value).values_list("name", flat=True).first()
            choices.append((value, name or value))
        return choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(story_organizations__organization__slug=self.value())
        return queryset


class HasOrganizationsFilter(admin.SimpleListFilter):
    title = "organizations in this story"
    parameter_name = "tagged"

    def lookups(self, request, model_admin):
        return [("no", "No organizations yet"), ("yes", "Has organizations")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(story_organizations__isnull=True)
        if self.value() == "yes":
            return queryset.filter(story_organizations__isnull=False).distinct()
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
            return queryset.filter(pk__in=Story.objects.imported_to_review().values("pk"))
        return queryset


class WhenFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("scheduled", "Scheduled"), ("public", "Public now")]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.filter(pk__in=Story.objects.scheduled().values("pk"))
        if self.value() == "public":
            return queryset.filter(pk__in=Story.objects.public().values("pk"))
        return queryset
