from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from people.models import Organization, OrganizationKind
from stories.models import Origin, Story, StoryOrganization, StoryPerson
from stories.organizations import (
    accept_all_suggestions,
    accept_person,
    accept_suggestion,
    candidate_key,
    create_and_tag,
    person_key,
    reject_suggestion,
    story_suggestions,
    tag_organization,
)
from stories.snippets import highlighted_snippet


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


class ByOrganizationFilter(admin.SimpleListFilter):
    """The most-tagged organizations as links; any other through `?organization=<slug>`."""

    title = "organization"
    parameter_name = "organization"

    def lookups(self, request, model_admin):
        top = (
            Organization.objects.annotate(n=Count("story_links"))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("slug", "name")[:15]
        )
        choices = list(top)
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


class AddOrganizationForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.all())

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = StoryOrganization._meta.get_field("organization")
        self.fields["organization"] = forms.ModelChoiceField(
            queryset=Organization.objects.all(), widget=AutocompleteSelect(field, admin_site)
        )


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "headline", "status", "published_at", "source", "organization_count", "updated_at",
    ]  # fmt: skip
    list_filter = [
        "status", HasOrganizationsFilter, ByOrganizationFilter, "published_at", "image_format",
    ]  # fmt: skip
    ordering = ["-updated_at"]
    search_fields = ["headline", "slug", "source_role__person__full_name", "source_label"]
    list_select_related = ["source_role__person", "source_role__organization"]
    autocomplete_fields = ["source_role"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["suggestions", "version", "import_key", "created_at", "updated_at"]
    inlines = [StoryOrganizationInline, StoryPersonInline]
    actions = ["tag_suggested_organizations", "add_organization"]

    class Media:
        css = {"all": ["css/admin.css"]}

    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "tags"]}),
        ("Suggested organizations and people", {"fields": ["suggestions"]}),
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

    # --- the suggestions panel -------------------------------------------------------------

    @admin.display(description="Found in the text")
    def suggestions(self, obj):
        if obj is None or obj.pk is None:
            return "Save the story to see the organizations, countries and people found in it."
        open_ = story_suggestions(obj)
        text = open_.text

        def snippet(mentions):
            return highlighted_snippet(text, [(m.start, m.end) for m in mentions])

        return render_to_string(
            "admin/stories/story/_suggestions.html",
            {
                "story": obj,
                "organizations": [(s, snippet(s.mentions)) for s in open_.organizations],
                "countries": [(s, snippet(s.mentions)) for s in open_.countries],
                "candidates": [
                    (c, snippet(c.mentions), candidate_key(c.name)) for c in open_.candidates
                ],
                "kinds": OrganizationKind.choices,
                "ambiguous": open_.findings.ambiguous,
                "people": [(p, snippet(p.mentions), person_key(p.name)) for p in open_.people],
                "urls": {
                    name: reverse(f"admin:stories_story_{name}", args=[obj.pk])
                    for name in (
                        "accept",
                        "reject",
                        "accept_all",
                        "accept_person",
                        "create_candidate",
                    )  # fmt: skip
                },
            },
        )

    def get_urls(self):
        def view(function, name):
            return path(
                f"<int:pk>/suggestions/{name.replace('_', '-')}/",
                self.admin_site.admin_view(require_POST(function)),
                name=f"stories_story_{name}",
            )

        return [
            view(self.accept_view, "accept"),
            view(self.reject_view, "reject"),
            view(self.accept_all_view, "accept_all"),
            view(self.accept_person_view, "accept_person"),
            view(self.create_candidate_view, "create_candidate"),
            *super().get_urls(),
        ]

    def _story_for_change(self, request, pk) -> Story:
        story = get_object_or_404(Story, pk=pk)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        return story

    def _back(self, story: Story) -> HttpResponseRedirect:
        url = reverse("admin:stories_story_change", args=[story.pk])
        return HttpResponseRedirect(f"{url}#fieldset-0-1-heading")

    def accept_view(self, request, pk):
        story = self._story_for_change(request, pk)
        organization = get_object_or_404(Organization, pk=request.POST.get("organization"))
        accept_suggestion(story, organization, by=request.user)
        self._log(request, story, f"Tagged suggested organization “{organization}”.")
        self.message_user(request, f"“{organization}” is now in this story.", messages.SUCCESS)
        return self._back(story)

    def reject_view(self, request, pk):
        story = self._story_for_change(request, pk)
        key, _, label = request.POST.get("reject", "").partition("|")
        if not key.startswith(("org:", "candidate:", "person:")):
            self.message_user(request, "Nothing to reject.", messages.ERROR)
            return self._back(story)
        reject_suggestion(story, key=key, label=label, by=request.user)
        self._log(request, story, f"Rejected suggestion “{label}”.")
        self.message_user(request, f"“{label}” will not be suggested again for this story.")
        return self._back(story)

    def accept_all_view(self, request, pk):
        story = self._story_for_change(request, pk)
        added = accept_all_suggestions(story, by=request.user)
        names = ", ".join(str(link.organization) for link in added) or "nothing new"
        self._log(request, story, f"Tagged all suggested organizations: {names}.")
        self.message_user(request, f"Tagged {len(added)} organizations.", messages.SUCCESS)
        return self._back(story)

    def accept_person_view(self, request, pk):
        story = self._story_for_change(request, pk)
        name, title, organization = [*request.POST.get("person", "").split("|"), "", ""][:3]
        if not name.strip():
            self.message_user(request, "No person named.", messages.ERROR)
            return self._back(story)
        link = accept_person(
            story,
            name=name.strip(),
            title=title.strip(),
            organization_name=organization.strip(),
            by=request.user,
        )
        self._log(request, story, f"Added {link.person} to the people in this story.")
        self.message_user(request, f"{link.person} is now in this story.", messages.SUCCESS)
        return self._back(story)

    def create_candidate_view(self, request, pk):
        story = self._story_for_change(request, pk)
        n = request.POST.get("candidate", "")
        name = request.POST.get(f"candidate-name-{n}", "").strip()
        kind = request.POST.get(f"candidate-kind-{n}", "")
        if not name or kind not in OrganizationKind.values:
            self.message_user(
                request, "Give the new organization a name and a kind.", messages.ERROR
            )
            return self._back(story)
        organization = create_and_tag(story, name=name, kind=kind, by=request.user)
        self._log(request, story, f"Created and tagged organization “{organization}”.")
        url = reverse("admin:people_organization_change", args=[organization.pk])
        self.message_user(
            request,
            format_html('Created <a href="{}">{}</a> and tagged it.', url, organization.name),
            messages.SUCCESS,
        )
        return self._back(story)

    def _log(self, request, story, message: str) -> None:
        self.log_change(request, story, [{"changed": {"fields": [message]}}])

    # --- changelist --------------------------------------------------------------------------

    @admin.action(description="Tag suggested organizations", permissions=["change"])
    def tag_suggested_organizations(self, request, queryset):
        total = 0
        for story in queryset:
            added = accept_all_suggestions(story, by=request.user, origin=Origin.SUGGESTED)
            if added:
                self._log(request, story, f"Tagged {len(added)} suggested organizations.")
            total += len(added)
        self.message_user(
            request, f"Tagged {total} organizations on {len(queryset)} stories.", messages.SUCCESS
        )

    @admin.action(description="Add organization…", permissions=["change"])
    def add_organization(self, request, queryset):
        form = AddOrganizationForm(
            request.POST if "apply" in request.POST else None, admin_site=self.admin_site
        )
        if "apply" in request.POST and form.is_valid():
            organization = form.cleaned_data["organization"]
            for story in queryset:
                tag_organization(story, organization, origin=Origin.TYPED, by=request.user)
                self._log(request, story, f"Tagged organization “{organization}”.")
            self.message_user(
                request, f"“{organization}” added to {len(queryset)} stories.", messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Add an organization to the selected stories",
            "stories": queryset,
            "form": form,
            "media": self.media + form.media,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/stories/story/add_organization.html", context)

    # --- lists and saving --------------------------------------------------------------------

    @admin.display(description="Source", ordering="source_role__person__full_name")
    def source(self, obj):
        return obj.source_role.person.display_name if obj.source_role else "—"

    @admin.display(description="Organizations", ordering="organization_count")
    def organization_count(self, obj):
        if not obj.organization_count:
            return format_html('<span title="{}">0</span>', "No organizations yet")
        url = reverse("admin:stories_story_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.organization_count)

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
