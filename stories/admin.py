from django.contrib import admin
from django.db import models
from django.db.models import Count, F
from django.template.loader import render_to_string

from people.suggestions import suggest
from stories.models import Story, StoryOrganization, StoryPerson
from stories.tagging import story_text


class StoryOrganizationInline(admin.TabularInline):
    model = StoryOrganization
    fields = ["position", "organization", "origin"]
    autocomplete_fields = ["organization"]
    extra = 1
    verbose_name_plural = "Organizations in this story (in the order readers see them)"


class StoryPersonInline(admin.TabularInline):
    model = StoryPerson
    fields = ["position", "person", "role", "origin"]
    autocomplete_fields = ["person", "role"]
    extra = 0


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "headline", "status", "published_at", "source", "organization_count", "updated_at",
    ]  # fmt: skip
    list_filter = ["status", "published_at", "image_format"]
    ordering = ["-updated_at"]
    search_fields = ["headline", "slug", "source_role__person__full_name", "source_label"]
    list_select_related = ["source_role__person", "source_role__organization"]
    autocomplete_fields = ["source_role"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["suggestions", "version", "import_key", "created_at", "updated_at"]
    inlines = [StoryOrganizationInline, StoryPersonInline]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "tags"]}),
        ("Suggested organizations", {"fields": ["suggestions"]}),
        (
            "Source",
            {"fields": ["source_role", "source_attribution", "source_label", "source_url"]},
        ),
        (
            "Lead image",
            {
                "fields": [
                    "image_asset_id",
                    "image_format",
                    "image_alt",
                    "image_credit",
                    "image_caption",
                ]
            },
        ),  # fmt: skip
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Record", {"fields": ["version", "import_key", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(organization_count=Count("story_organizations", distinct=True))
        )

    @admin.display(description="Found in the text")
    def suggestions(self, obj):
        if obj is None or obj.pk is None:
            return "Save the story to see the organizations, countries and people found in it."
        findings = suggest(story_text(obj.headline, obj.source_attribution, obj.paragraphs))
        tagged = {link.organization_id for link in obj.story_organizations.all()}
        return render_to_string(
            "admin/stories/story/_suggestions.html",
            {
                "organizations": [s for s in findings.organizations if s.entry.id not in tagged],
                "countries": findings.countries,
                "candidates": findings.candidates,
                "ambiguous": findings.ambiguous,
                "people": findings.people,
            },
        )

    @admin.display(description="Source", ordering="source_role__person__full_name")
    def source(self, obj):
        return obj.source_role.person.display_name if obj.source_role else "—"

    @admin.display(description="Organizations", ordering="organization_count")
    def organization_count(self, obj):
        return obj.organization_count

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        _renumber(form.instance)


def _renumber(story: Story) -> None:
    """Keep positions 0, 1, 2… in the order the editor gave, so new rows land where intended."""
    links = list(story.story_organizations.order_by(F("position").asc(nulls_last=True), "pk"))
    for position, link in enumerate(links):
        if link.position != position:
            link.position = position
            link.save(update_fields=["position"])
