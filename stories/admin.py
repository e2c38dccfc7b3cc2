from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, F
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from newsroom.text import PlainTextField, normalize_newlines
from people.models import Organization, OrganizationKind
from stories.exporters import EXPORTERS
from stories.images import make_renditions, validate_upload
from stories.models import (
    ExportToken,
    Origin,
    Story,
    StoryOrganization,
    StoryPerson,
    StoryStatus,
)
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
from stories.previews import preview_url
from stories.publishing import (
    TRANSITIONS,
    allowed_transitions,
    archive_story,
    can_edit,
    note_material_change,
    publish_story,
    return_to_draft,
    send_back,
    submit_for_review,
    unpublish_story,
)
from stories.revisions import diff_html, snapshot_of_story, snapshot_of_version, version_for_number
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


class StoryForm(forms.ModelForm):
    """The story form, refusing to overwrite a save made since it was opened."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    source_url = forms.URLField(
        max_length=500, required=False, assume_scheme="https", label="Source URL"
    )

    class Meta:
        model = Story
        fields = [  # the admin narrows this to the fieldsets
            "headline", "slug", "dek", "body", "tags", "source_role", "source_attribution",
            "source_label", "source_url", "lead_image", "image_asset_id", "image_format",
            "image_alt",
            "image_credit", "image_caption",
        ]  # fmt: skip
        # Browsers post a textarea's text with CRLF: normalized, unchanged text stays unchanged.
        field_classes = {"dek": PlainTextField, "body": PlainTextField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean_lead_image(self):
        upload = self.cleaned_data.get("lead_image")
        if upload and "lead_image" in self.changed_data:
            validate_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded is not None:
            # Locked until this save commits: two saves cannot both pass this check.
            current = Story.objects.select_for_update().get(pk=self.instance.pk)
            if current.version != loaded:
                before = version_for_number(current, loaded)
                meanwhile = diff_html(
                    snapshot_of_version(before) if before else {}, snapshot_of_story(current)
                )
                raise ValidationError(
                    format_html(
                        "Someone else saved this story while you were editing it (version {} is "
                        "now {}). Nothing was saved and your text is still below: open the "
                        "story again to work on the newest version. What changed meanwhile: {}",
                        loaded,
                        current.version,
                        meanwhile,
                    ),
                    code="edit_conflict",
                )
        return cleaned


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("created", "Written by me"), ("review", "Waiting for my review")]

    def queryset(self, request, queryset):
        if self.value() == "created":
            return queryset.filter(created_by=request.user)
        if self.value() == "review":
            return queryset.filter(reviewer=request.user, status=StoryStatus.IN_REVIEW)
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


@admin.register(Story)
class StoryAdmin(VersionAdmin):
    form = StoryForm
    object_history_template = "admin/stories/story/object_history.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "headline", "status", "published_at", "source", "organization_count", "updated_at",
    ]  # fmt: skip
    list_filter = [
        "status", MineFilter, WhenFilter, HasOrganizationsFilter, ByOrganizationFilter,
        "published_at", "image_format",
    ]  # fmt: skip
    ordering = ["-updated_at"]
    search_fields = ["headline", "slug", "source_role__person__full_name", "source_label"]
    list_select_related = ["source_role__person", "source_role__organization"]
    autocomplete_fields = ["source_role"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [
        "status", "published_at", "revised_at", "suggestions", "version",
        "import_key", "created_by", "created_at", "updated_at",
    ]  # fmt: skip
    inlines = [StoryOrganizationInline, StoryPersonInline]
    actions = [
        "tag_suggested_organizations", "add_organization", "submit_selected", "publish_selected",
        "unpublish_selected", "archive_selected", "export_selected",
    ]  # fmt: skip

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/live-suggestions.js"]

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
                    "lead_image",
                    "image_alt",
                    "image_credit",
                    "image_caption",
                    "image_asset_id",
                    "image_format",
                ]
            },
        ),  # fmt: skip
        ("Publication", {"fields": ["status", "published_at", "revised_at"]}),
        (
            "Record",
            {
                "fields": [
                    "loaded_version",
                    "version",
                    "import_key",
                    "created_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),  # fmt: skip
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
                "live_url": reverse("admin:stories_story_live_suggestions", args=[obj.pk]),
            },
        )

    def workflow_panel(self, request, obj):
        """The buttons for the transitions this user may apply, with what they need."""
        if obj is None or obj.pk is None:
            return ""
        transitions = allowed_transitions(request.user, obj)
        editors = (
            get_user_model()
            .objects.filter(is_active=True, groups__name="Editor")
            .distinct()
            .order_by("username")
        )
        return render_to_string(
            "admin/stories/story/_workflow.html",
            {
                "story": obj,
                "transitions": transitions,
                "names": {t.name for t in transitions},
                "url": reverse("admin:stories_story_transition", args=[obj.pk]),
                "editors": editors,
                "preview_url": preview_url(obj) if not obj.is_public else "",
                "now": timezone.localtime(),
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_panel"] = self.workflow_panel(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def transition_view(self, request, pk):
        story = get_object_or_404(Story, pk=pk)
        name = request.POST.get("transition", "")
        if name not in TRANSITIONS:
            self.message_user(request, "Unknown action.", messages.ERROR)
            return self._back(story)
        try:
            if name == "submit":
                reviewer_id = _int(request.POST.get("reviewer"))
                reviewer = (
                    get_user_model().objects.filter(pk=reviewer_id).first() if reviewer_id else None
                )
                submit_for_review(
                    story, by=request.user, reviewer=reviewer,
                    due_at=_aware(request.POST.get("due_at")), note=request.POST.get("note", ""),
                )  # fmt: skip
            elif name == "send_back":
                send_back(story, by=request.user, note=request.POST.get("note", ""))
            elif name in ("publish", "schedule"):
                at = _aware(request.POST.get("publish_at")) if name == "schedule" else None
                if name == "schedule" and at is None:
                    raise ValidationError("Give the time to publish at.")
                publish_story(story, by=request.user, at=at)
            elif name == "unpublish":
                unpublish_story(story, by=request.user)
            elif name == "archive":
                archive_story(story, by=request.user)
            elif name == "to_draft":
                return_to_draft(story, by=request.user)
        except ValidationError as error:
            for problem in error.messages:
                self.message_user(request, f"Not done: {problem}", messages.ERROR)
            return self._back(story)
        self._log(request, story, f"{TRANSITIONS[name].label}: now {story.get_status_display()}.")
        self.message_user(
            request,
            f"{TRANSITIONS[name].label}: the story is now {_state(story)}.",
            messages.SUCCESS,
        )
        return self._back(story)

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
            view(self.live_suggestions_view, "live_suggestions"),
            path(
                "<int:pk>/transition/",
                self.admin_site.admin_view(require_POST(self.transition_view)),
                name="stories_story_transition",
            ),
            path(
                "<int:pk>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="stories_story_compare",
            ),
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
        organization = get_object_or_404(Organization, pk=_int(request.POST.get("organization")))
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

    def live_suggestions_view(self, request, pk):
        """The panel for the text as it is in the form now, unsaved (the page's script asks)."""
        story = self._story_for_change(request, pk)
        story.headline = normalize_newlines(request.POST.get("headline", story.headline)[:300])
        story.body = normalize_newlines(request.POST.get("body", story.body)[:200_000])
        return HttpResponse(self.suggestions(story))

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

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        for action in response.context_data.get("action_list", []):
            action["version_id"] = action["url"].rstrip("/").rsplit("/", 1)[-1]
        return response

    def compare_view(self, request, pk):
        story = get_object_or_404(Story, pk=pk)
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        versions = Version.objects.get_for_object(story).select_related("revision")
        chosen = [v for v in versions if str(v.pk) in request.GET.getlist("version")]
        if len(chosen) != 2:
            self.message_user(request, "Choose two revisions to compare.", messages.WARNING)
            return HttpResponseRedirect(reverse("admin:stories_story_history", args=[pk]))
        newer, older = sorted(chosen, key=lambda v: v.revision.date_created, reverse=True)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Changes to “{story}”",
            "opts": self.model._meta,
            "original": story,
            "older": older,
            "newer": newer,
            "diff": diff_html(snapshot_of_version(older), snapshot_of_version(newer)),
            "restore_url": reverse("admin:stories_story_revision", args=[pk, older.pk]),
        }
        return TemplateResponse(request, "admin/stories/story/compare.html", context)

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

    def _bulk(self, request, queryset, label: str, apply) -> None:
        done, refused = 0, []
        for story in queryset:
            try:
                apply(story)
            except (ValidationError, PermissionDenied) as error:
                reason = "; ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"“{story}”: {reason}")
                continue
            self._log(request, story, f"{label} (bulk action).")
            done += 1
        if done:
            self.message_user(request, f"{label}: {done} stories.", messages.SUCCESS)
        for problem in refused:
            self.message_user(request, f"Not done for {problem}", messages.ERROR)

    @admin.action(description="Submit selected for review")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "Submitted for review",
                   lambda s: submit_for_review(s, by=request.user))  # fmt: skip

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "Published", lambda s: publish_story(s, by=request.user))

    @admin.action(description="Unpublish selected stories", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk(request, queryset, "Unpublished", lambda s: unpublish_story(s, by=request.user))

    @admin.action(description="Archive selected stories", permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, "Archived", lambda s: archive_story(s, by=request.user))

    @admin.action(description="Export selected…", permissions=["export"])
    def export_selected(self, request, queryset):
        """Download the selected stories (all of the filtered list with "select all")."""
        format = request.POST.get("export_format")
        if format in EXPORTERS:
            exporter = EXPORTERS[format]
            stories = Story.objects.filter(pk__in=queryset.values("pk")).order_by(
                "published_at", "pk"
            )
            response = StreamingHttpResponse(
                exporter.write(stories), content_type=exporter.content_type
            )
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            response["Content-Disposition"] = (
                f'attachment; filename="stories-{stamp}.{exporter.extension}"'
            )
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": f"Export {queryset.count()} stories",
            "stories": queryset[:20],
            "count": queryset.count(),
            "formats": sorted(EXPORTERS),
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/stories/story/export.html", context)

    def has_export_permission(self, request):
        return request.user.has_perm("stories.export_story")

    def has_publish_permission(self, request):
        return request.user.has_perm("stories.publish_story")

    def has_change_permission(self, request, obj=None):
        return (
            can_edit(request.user, obj)
            if obj is not None
            else super().has_change_permission(request)
        )

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
            return  # saved by save_related, once it is known whether anything changed at all
        obj.created_by = request.user
        self._save_story(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change:
            if not (form.has_changed() or any(formset.has_changed() for formset in formsets)):
                # Save without edits: nothing is written, no revision, no "Updated".
                request._story_unchanged = True
                return
            form.instance.version += 1
            note_material_change(form.instance, form.changed_data)
            self._save_story(request, form.instance, form, change)
        super().save_related(request, form, formsets, change)
        _renumber(form.instance)

    def _save_story(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "lead_image" in form.changed_data and obj.lead_image:
            make_renditions(obj)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_story_unchanged", False):
            return []
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "_story_unchanged", False):
            return None  # nothing changed: nothing for History or "Recent actions"
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not getattr(request, "_story_unchanged", False):
            return super().response_change(request, obj)
        self.message_user(request, f"Nothing changed in “{obj}”: nothing was saved.", messages.INFO)
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return self.response_post_save_change(request, obj)


def _renumber(story: Story) -> None:
    """Keep positions 0, 1, 2… in the order the editor gave, so new rows land where intended."""
    links = list(story.story_organizations.order_by(F("position").asc(nulls_last=True), "pk"))
    for position, link in enumerate(links):
        if link.position != position:
            link.position = position
            link.save(update_fields=["position"])


def _aware(value: str | None):
    """A datetime from a datetime-local input, in the site's time zone; None if empty or bad."""
    parsed = parse_datetime(value) if value else None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def _state(story: Story) -> str:
    if story.is_scheduled:
        return f"scheduled for {timezone.localtime(story.published_at):%Y-%m-%d %H:%M %Z}"
    return story.get_status_display().lower()


@admin.register(ExportToken)
class ExportTokenAdmin(admin.ModelAdmin):
    """Keys for staff scripts using /exports/. The key is shown once, when it is issued."""

    list_display = ["name", "user", "created_at", "revoked_at"]
    list_select_related = ["user"]
    fields = ["name", "user", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token, key = ExportToken.issue(obj.user, obj.name)
        obj.pk, obj.key_hash, obj.created_at = token.pk, token.key_hash, token.created_at
        self.message_user(
            request,
            f"Export key for “{obj.name}” (copy it now, it is not shown again): {key}",
            messages.WARNING,
        )


def _int(value) -> int | None:
    """A posted id as a number, or None for anything else (a forged or broken form)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
