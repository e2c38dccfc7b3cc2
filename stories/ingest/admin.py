"""Ingest in the admin: editors manage sources (with each one's last run), see every item a
source delivered, with the story it became or the story it repeats, and manage the exports
the worker writes on a schedule."""

from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from stories.ingest.models import (
    ExportOutcome,
    ExportSchedule,
    IngestedItem,
    IngestSource,
    SourceKind,
)


@admin.register(IngestSource)
class IngestSourceAdmin(admin.ModelAdmin):
    list_display = [
        "name", "kind", "organization", "is_enabled", "is_trusted", "last_run_at", "last_seen",
        "last_created", "last_updated", "last_duplicates", "error_count",
    ]  # fmt: skip
    list_filter = ["kind", "is_enabled", "is_trusted"]
    search_fields = ["name", "slug", "url"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = [
        "last_run_at", "last_seen", "last_created", "last_updated", "last_duplicates",
        "errors", "webhook_address",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "url", "folder", "organization"]}),
        ("Schedule", {"fields": ["interval_minutes", "next_run_at", "is_enabled", "is_trusted"]}),
        ("Last run", {"fields": [
            "last_run_at", "last_seen", "last_created", "last_updated", "last_duplicates",
            "errors",
        ]}),
        ("Webhook", {"fields": ["webhook_address"]}),
    ]  # fmt: skip
    actions = ["run_now", "issue_token"]

    @admin.display(description="errors")
    def error_count(self, source):
        return len(source.last_errors)

    @admin.display(description="errors of the last run")
    def errors(self, source):
        if not source.last_errors:
            return "None"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", (
            (error,) for error in source.last_errors
        )))  # fmt: skip

    @admin.display(description="address")
    def webhook_address(self, source):
        if source.kind != SourceKind.WEBHOOK or not source.slug:
            return "—"
        token = "a token is set" if source.token_hash else "no token yet: use “Issue a new token”"
        return f"POST {reverse('ingest:receive', args=[source.slug])} ({token})"

    @admin.action(description="Run selected feeds and folders now")
    def run_now(self, request, queryset):
        from stories.ingest.ingesting import run_source  # loads the fetching and dedupe code

        for source in queryset.exclude(kind=SourceKind.WEBHOOK):
            report = run_source(source)
            if report is None:
                self.message_user(request, f"{source}: another worker is reading it.")
                continue
            level = messages.WARNING if report.errors else messages.SUCCESS
            self.message_user(
                request,
                f"{source}: {report.seen} seen, {report.created} created, {report.updated} "
                f"updated, {report.duplicates} duplicates, {len(report.errors)} errors.",
                level,
            )

    @admin.action(description="Issue a new webhook token (the old one stops working)")
    def issue_token(self, request, queryset):
        for source in queryset.filter(kind=SourceKind.WEBHOOK):
            token = source.issue_token()
            source.save(update_fields=["token_hash"])
            self.message_user(
                request,
                f"{source}: the new token is {token} — copy it now, it is not shown again.",
                messages.WARNING,
            )


class DuplicateFilter(admin.SimpleListFilter):
    title = "duplicate"
    parameter_name = "duplicate"

    def lookups(self, request, model_admin):
        return [("yes", "Duplicates of another source's release"), ("no", "Originals")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(duplicate_of__isnull=False)
        if self.value() == "no":
            return queryset.filter(duplicate_of__isnull=True)
        return queryset


@admin.register(IngestedItem)
class IngestedItemAdmin(admin.ModelAdmin):
    list_display = [
        "headline", "source", "story_link", "duplicate_link", "similarity", "first_seen_at",
    ]  # fmt: skip
    list_filter = [DuplicateFilter, "source"]
    search_fields = ["headline", "key", "url"]
    list_select_related = ["source", "story", "duplicate_of"]
    readonly_fields = [
        "source", "key", "url", "headline", "image_url", "released_at", "story", "duplicate_of",
        "similarity", "first_seen_at", "last_seen_at",
    ]  # fmt: skip
    exclude = ["signature", "content_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="story")
    def story_link(self, item):
        return _story_link(item.story)

    @admin.display(description="duplicate of")
    def duplicate_link(self, item):
        return _story_link(item.duplicate_of)


def _story_link(story):
    if story is None:
        return "—"
    return format_html(
        '<a href="{}">{}</a>', reverse("admin:stories_story_change", args=[story.pk]), story
    )


@admin.register(ExportSchedule)
class ExportScheduleAdmin(admin.ModelAdmin):
    list_display = [
        "name", "format", "scope", "target", "interval_minutes", "is_enabled", "last_run_at",
        "outcome", "last_count",
    ]  # fmt: skip
    list_filter = ["format", "scope", "is_enabled", "last_outcome"]
    search_fields = ["name", "folder", "file_name"]
    readonly_fields = ["last_run_at", "outcome", "last_count", "last_message"]
    fieldsets = [
        (None, {"fields": ["name", "format", "scope", "folder", "file_name"]}),
        ("Schedule", {"fields": ["interval_minutes", "next_run_at", "is_enabled"]}),
        ("Last run", {"fields": ["last_run_at", "outcome", "last_count", "last_message"]}),
    ]
    actions = ["write_now"]

    @admin.display(description="file")
    def target(self, schedule):
        return f"{schedule.folder.rstrip('/')}/{schedule.file_name}"

    @admin.display(description="last outcome", ordering="last_outcome")
    def outcome(self, schedule):
        if not schedule.last_outcome:
            return "Not run yet"
        css = "success" if schedule.last_outcome == ExportOutcome.WRITTEN else "error"
        return format_html(
            '<span class="export-{}">{}</span>', css, schedule.get_last_outcome_display()
        )

    @admin.action(description="Write selected exports now (by the worker)")
    def write_now(self, request, queryset):
        from stories.ingest.tasks import write_scheduled_export  # the queue's code, on first use

        schedules = list(queryset.filter(is_enabled=True))
        for schedule in schedules:
            ExportSchedule.objects.filter(pk=schedule.pk).update(next_run_at=None)
            write_scheduled_export.enqueue(schedule.pk)
        self.message_user(
            request,
            f"{len(schedules)} exports queued: the worker writes them in a moment; "
            "their outcome shows here under “last outcome”.",
            messages.SUCCESS,
        )
