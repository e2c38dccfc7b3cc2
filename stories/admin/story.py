"""StoryAdmin: the story list and the story form.

Saving: a save without edits writes nothing (no version, no revision, no History line). The
panel's and the workflow's buttons submit the form, so the edits are saved with the action, in
one revision; the panel's actions alone make none and join the story's next revision.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import connections, models, transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from people.models import Role
from stories.admin.corrections import CorrectionInline
from stories.admin.drafts import AutosaveMixin, discard_drafts, offered_draft
from stories.admin.duplicates import DuplicatesMixin, HasCopiesFilter
from stories.admin.filters import (
    ByOrganizationFilter,
    HasOrganizationsFilter,
    MineFilter,
    WhenFilter,
)
from stories.admin.forms import AddOrganizationForm, StoryForm
from stories.admin.imports import ImportReleasesMixin
from stories.admin.quotes import StoryQuoteInline, UnattributedQuotesFilter
from stories.admin.story_list import StoryChangeList, StoryListPaginator, search_stories
from stories.admin.suggestions import LEGACY_FIELDS, SuggestionsPanelMixin
from stories.admin.workflow import BULK_ACTIONS, WorkflowMixin
from stories.corrections import attach_to_revision
from stories.exporters import EXPORTERS
from stories.images import make_renditions
from stories.importers.plaintext import MARKER
from stories.models import Origin, Story, StoryOrganization, StoryPerson, StoryQuote
from stories.organizations import (
    accept_all_suggestions,
    renumber_organizations,
    tag_organization,
)
from stories.publishing import can_edit, mark_updated
from stories.quotes import store_found_quotes
from stories.redirects import record_slug_change
from stories.revisions import (
    diff_html,
    snapshot_of_version,
    unrevisioned_link_changes,
)

# Workflow fields a revert to an older revision never changes: only the workflow buttons do.
WORKFLOW_FIELDS = ("status", "published_at", "reviewer_id", "review_due_at", "review_note")


def _roles_with_names(db_field, kwargs: dict) -> dict:
    """A role picker's choices with each role's person and organization: the widget shows the
    chosen role as "Name, Title for the Organization" (one query, not three)."""
    if db_field.related_model is Role:
        kwargs.setdefault("queryset", Role.objects.select_related("person", "organization"))
    return kwargs


class StoryPersonInline(admin.TabularInline):
    model = StoryPerson
    fields = ["position", "person", "role", "origin"]
    autocomplete_fields = ["person", "role"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **_roles_with_names(db_field, kwargs)
        )


@admin.register(Story)
class StoryAdmin(
    DuplicatesMixin,
    SuggestionsPanelMixin,
    WorkflowMixin,
    AutosaveMixin,
    ImportReleasesMixin,
    VersionAdmin,
):
    form = StoryForm
    change_list_template = "admin/stories/story/change_list.html"
    object_history_template = "admin/stories/story/object_history.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "headline", "state_label", "source", "organization_count", "copies", "updated",
    ]  # fmt: skip
    list_filter = [
        "status", MineFilter, WhenFilter, HasOrganizationsFilter, ByOrganizationFilter,
        "published_at", "image_format", HasCopiesFilter, UnattributedQuotesFilter,
    ]  # fmt: skip
    ordering = ["-updated_at"]
    # SQLite: LIKE over these; PostgreSQL: the full-text index, the slug and the source's name
    # (stories.admin.story_list.search_stories).
    search_fields = ["headline", "slug", "source_role__person__full_name", "source_label"]
    search_help_text = (
        "Words of the headline, text, organizations or people (the beginning of a word is "
        "enough), a slug, or the source's name."
    )
    list_select_related = ["source_role__person", "source_role__organization"]
    # No second COUNT(*) of the whole archive for "N total" next to a filtered count.
    show_full_result_count = False
    paginator = StoryListPaginator
    # "Show counts" would count every choice of every filter over the archive (2 s at 100k).
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = ["source_role"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [
        "status", "published_at", "revised_at", "suggestions", "version",
        "import_key", "created_by", "created_at", "updated_at",
    ]  # fmt: skip
    inlines = [StoryPersonInline, StoryQuoteInline, CorrectionInline]
    actions = [
        "tag_suggested_organizations", "resuggest_organizations", "add_organization",
        *BULK_ACTIONS, "export_selected", "find_quotes_again",
    ]  # fmt: skip

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/live-suggestions.js", "js/story-editor.js"]

    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "tags"]}),
        (
            "Organizations in this story and suggestions",
            {"fields": ["suggestions", "organization_to_add"], "classes": ["tagging"]},
        ),
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
        ("Publication", {"fields": ["status", "published_at", "revised_at", "mark_updated"]}),
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
        # A subquery per listed row, not a GROUP BY over the whole archive: PostgreSQL counts
        # the links of the page's 100 stories only, and the page's COUNT(*) leaves it out.
        links = (
            StoryOrganization.objects.filter(story=OuterRef("pk"))
            .order_by()
            .values("story")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                organization_count=Coalesce(Subquery(links, output_field=IntegerField()), Value(0)),
                has_quotes=Exists(StoryQuote.objects.filter(story=OuterRef("pk"))),
            )
        )

    def get_changelist(self, request, **kwargs):
        return StoryChangeList

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **_roles_with_names(db_field, kwargs)
        )

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip() or connections[queryset.db].vendor != "postgresql":
            return super().get_search_results(request, queryset, search_term)
        return search_stories(queryset, search_term), False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "organization_to_add" in form.base_fields:
            link_field = StoryOrganization._meta.get_field("organization")
            form.base_fields["organization_to_add"].widget = AutocompleteSelect(
                link_field, self.admin_site
            )
        return form

    def get_inlines(self, request, obj):
        # Quotes are found in a saved story's body: a story without any has no quotes table.
        if obj is None or obj.pk is None or not getattr(obj, "has_quotes", True):
            return [inline for inline in self.inlines if inline is not StoryQuoteInline]
        return self.inlines

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a new story: nothing to tag until it exists
            return [
                (name, options) for name, options in self.fieldsets
                if "suggestions" not in options["fields"]
            ]  # fmt: skip
        return self.with_copies_notice(obj, self.fieldsets)

    # --- the form ------------------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        editable = obj is None or self.has_change_permission(request, obj)
        context["workflow_panel"] = self.workflow_panel(request, obj, in_form=editable)
        if editable:
            context["autosaved"] = offered_draft(request.user, obj)
            context["autosave_url"] = (
                reverse("admin:stories_story_autosave", args=[obj.pk])
                if obj is not None
                else reverse("admin:stories_story_autosave_new")
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and MARKER in request.POST.get("body", "").upper():
            response = self.import_pasted_release(request, request.POST["body"])
            if response is not None:
                discard_drafts(request.user, None)
                return response
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # One revision per request, made by hand: the story's save adds it (following its
        # organizations and people), a workflow step adds it; a panel action alone does not.
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            response = admin.ModelAdmin.change_view(
                self, request, object_id, form_url, extra_context
            )
        attach_to_revision(getattr(request, "_new_corrections", []))
        return response

    def save_model(self, request, obj, form, change):
        if change:
            return  # saved by save_related, once it is known whether anything changed at all
        obj.created_by = request.user
        self._save_story(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        story = form.instance
        # Panel changes waiting for a revision: a plain save records them (with a panel or
        # workflow button they keep waiting, or the step's own revision records them).
        plain_save = not ({"_panel", "_transition"} & set(request.POST))
        request._link_changes = unrevisioned_link_changes(story) if change and plain_save else []
        is_revert = hasattr(request, "_workflow_before")  # the database holds the old revision
        if change and not (
            is_revert
            or form.has_changed()
            or any(formset.has_changed() for formset in formsets)
            or request._link_changes
        ):
            request._story_unchanged = True  # nothing is written: no revision, no "Updated"
            discard_drafts(request.user, story)
            return
        if change:
            story.version += 1
            if form.cleaned_data.get("mark_updated"):
                mark_updated(story)
            old_slug = form.initial.get("slug", "")
            self._save_story(request, story, form, change)
            if "slug" in form.changed_data:
                record_slug_change(story, old_slug)
        super().save_related(request, form, formsets, change)
        if not change or {"body", "source_role"} & set(form.changed_data):
            store_found_quotes(story)  # the editor's confirmed and corrected quotes stay
        if organization := form.cleaned_data.get("organization_to_add"):
            tag_organization(story, organization, origin=Origin.TYPED, by=request.user)
        renumber_organizations(story)
        discard_drafts(request.user, story if change else None)
        if reversion.is_active():  # the revision holds the story as saved, links included
            reversion.add_to_revision(story)

    def _save_story(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "lead_image" in form.changed_data and obj.lead_image:
            make_renditions(obj)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_story_unchanged", False):
            return []
        message = super().construct_change_message(request, form, formsets, add)
        if getattr(request, "_link_changes", None):
            labels = {"Organizations": "Organizations in this story", "People": "People"}
            fields = [labels[label] for label in request._link_changes]
            message.append({"changed": {"fields": fields}})
        return message

    def log_change(self, request, obj, message):
        if getattr(request, "_story_unchanged", False):
            return None  # nothing changed: nothing for History or "Recent actions"
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if "_enter" in request.POST:  # Enter in a text field: save and keep the form open
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        action = request.POST.get("_panel") or request.POST.get("_transition")
        if action:
            if not getattr(request, "_story_unchanged", False):
                self.message_user(request, "Your edits were saved.", messages.SUCCESS)
            if "_panel" in request.POST:
                self.perform_panel_action(request, obj, request.POST["_panel"])
                anchor = "suggestions-panel"
                if not getattr(request, "_story_unchanged", False) and reversion.is_active():
                    reversion.add_to_revision(obj)  # the edits and the action: one revision
            else:
                self.perform_transition(request, obj, request.POST["_transition"])
                anchor = "workflow-panel"
            url = reverse("admin:stories_story_change", args=[obj.pk])
            return HttpResponseRedirect(f"{url}#{anchor}")
        if not getattr(request, "_story_unchanged", False):
            return super().response_change(request, obj)
        self.message_user(request, f"Nothing changed in “{obj}”: nothing was saved.", messages.INFO)
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return self.response_post_save_change(request, obj)

    # --- history -------------------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        for action in (getattr(response, "context_data", None) or {}).get("action_list", []):
            action["version_id"] = action["url"].rstrip("/").rsplit("/", 1)[-1]
        return response

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an older revision's text and organizations; never its workflow state (the
        status, publish time, review): only the workflow buttons, with their rules, change
        those. The user must be allowed to change the story as it is now."""
        story = get_object_or_404(Story, pk=object_id)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        request._workflow_before = {name: getattr(story, name) for name in WORKFLOW_FIELDS}
        request._version_before = story.version
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_form(self, request, form, change):
        story = super().save_form(request, form, change)
        if before := getattr(request, "_workflow_before", None):  # a revert: keep the workflow
            for name, value in before.items():
                setattr(story, name, value)
            story.version = request._version_before
            story.revised_at = story.revised_at if story.is_public else None
        return story

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

    def log_story(self, request, story, message: str) -> None:
        self.log_change(request, story, [{"changed": {"fields": [message]}}])

    # --- URLs ----------------------------------------------------------------------------------

    def get_urls(self):
        def post(pattern, view, name):
            return path(
                pattern,
                self.admin_site.admin_view(require_POST(view)),
                name=f"stories_story_{name}",
            )

        def legacy(verb):
            def view(request, pk):
                return self.legacy_panel_view(request, pk, verb)

            return post(f"<int:pk>/suggestions/{verb.replace('_', '-')}/", view, verb)

        return [
            *[legacy(verb) for verb in LEGACY_FIELDS],
            post("<int:pk>/suggestions/live/", self.live_suggestions_view, "live_suggestions"),
            post("<int:pk>/transition/", self.transition_view, "transition"),
            post("<int:pk>/autosave/", self.autosave_view, "autosave"),
            post("autosave/", self.autosave_view, "autosave_new"),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="stories_story_import",
            ),
            path(
                "<int:pk>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="stories_story_compare",
            ),
            *super().get_urls(),
        ]

    # --- changelist ----------------------------------------------------------------------------

    @admin.display(description="Status", ordering="published_at")
    def state_label(self, obj):
        if obj.is_scheduled:
            when = timezone.localtime(obj.published_at)
            return format_html(
                '<span class="state scheduled" title="{}">Scheduled for {}</span>',
                f"{when:%Y-%m-%d %H:%M %Z}",
                f"{when:%-d %b %H:%M}",
            )
        if obj.is_public:
            when = timezone.localtime(obj.published_at)
            return format_html(
                '<span class="state published">Published {}</span>', f"{when:%-d %b %H:%M}"
            )
        return format_html('<span class="state {}">{}</span>', obj.status, obj.get_status_display())

    @admin.display(description="Updated", ordering="updated_at")
    def updated(self, obj):
        when = timezone.localtime(obj.updated_at)
        return format_html(
            '<time datetime="{}">{}</time>', when.isoformat(), f"{when:%-d %b %H:%M}"
        )

    @admin.display(description="Source", ordering="source_role__person__full_name")
    def source(self, obj):
        return obj.source_role.person.display_name if obj.source_role else "—"

    # Not sortable: sorting by a count computes it for every story of the archive (seconds at
    # 100,000); the "organizations in this story" filter finds the stories without any.
    @admin.display(description="Orgs")
    def organization_count(self, obj):
        if not obj.organization_count:
            return format_html('<span title="{}">0</span>', "No organizations yet")
        # Relative to the list (…/story/), like the headline's link: no reverse() per row.
        return format_html('<a href="{}/change/">{}</a>', obj.pk, obj.organization_count)

    def _editable(self, request, queryset):
        """The selected stories this user may change, and a message for the others."""
        editable, refused = [], []
        for story in queryset:
            (editable if can_edit(request.user, story) else refused).append(story)
        for story in refused:
            self.message_user(
                request, f"Not done for “{story}”: you may not change this story.", messages.ERROR
            )
        return editable

    @admin.action(description="Find quotes again", permissions=["change"])
    def find_quotes_again(self, request, queryset):
        stories = self._editable(request, queryset)
        changed = sum(store_found_quotes(story) for story in stories)
        self.message_user(
            request,
            f"Found the quotes of {len(stories)} stories again; {changed} changed. "
            "Confirmed and corrected quotes were kept.",
            messages.SUCCESS,
        )

    @admin.action(description="Tag suggested organizations", permissions=["change"])
    def tag_suggested_organizations(self, request, queryset):
        total, stories = 0, self._editable(request, queryset)
        for story in stories:
            with transaction.atomic(), reversion.create_revision():
                reversion.set_user(request.user)
                added = accept_all_suggestions(story, by=request.user, origin=Origin.SUGGESTED)
                if added:
                    reversion.add_to_revision(story)
                    reversion.set_comment(f"Tagged {len(added)} suggested organizations.")
            if added:
                self.log_story(request, story, f"Tagged {len(added)} suggested organizations.")
            total += len(added)
        if stories:
            self.message_user(
                request,
                f"Tagged {total} organizations on {len(stories)} stories.",
                messages.SUCCESS,
            )

    @admin.action(description="Re-suggest organizations (by the worker)", permissions=["change"])
    def resuggest_organizations(self, request, queryset):
        """Queue a retag of the selected stories: the worker adds what the engine now finds."""
        from stories.ingest.tasks import resuggest_organizations  # the queue's code, on first use

        if stories := self._editable(request, queryset):
            resuggest_organizations.enqueue([story.pk for story in stories])
            self.message_user(
                request,
                f"Re-suggesting organizations for {len(stories)} stories: the worker adds what "
                "it finds in a moment, marked “imported” for you to confirm.",
                messages.SUCCESS,
            )

    @admin.action(description="Add organization…", permissions=["change"])
    def add_organization(self, request, queryset):
        form = AddOrganizationForm(
            request.POST if "apply" in request.POST else None, admin_site=self.admin_site
        )
        if "apply" in request.POST and form.is_valid():
            organization = form.cleaned_data["organization"]
            stories = self._editable(request, queryset)
            for story in stories:
                with transaction.atomic(), reversion.create_revision():
                    reversion.set_user(request.user)
                    tag_organization(story, organization, origin=Origin.TYPED, by=request.user)
                    reversion.add_to_revision(story)
                    reversion.set_comment(f"Tagged organization “{organization}”.")
                self.log_story(request, story, f"Tagged organization “{organization}”.")
            if stories:
                self.message_user(
                    request, f"“{organization}” added to {len(stories)} stories.", messages.SUCCESS
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

    def has_change_permission(self, request, obj=None):
        return (
            can_edit(request.user, obj)
            if obj is not None
            else super().has_change_permission(request)
        )
