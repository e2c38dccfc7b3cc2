"""The same release from other sources, shown to the editor: ingest links a near-duplicate
item to the story it repeats instead of making a second story (stories.ingest.ingesting).

The story form opens with a notice naming each such item (its source, its address, how
similar) and a button to dismiss the link when it is not the same release; the story list
marks and filters the stories that have copies. Dismissing frees the item: the next time its
source delivers it, it becomes a story of its own.
"""

import threading

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from stories.ingest.models import IngestedItem, SourceKind
from stories.models import Story
from stories.publishing import can_edit

FIELD = "duplicate_notice"
# The request whose form is being rendered, per thread: a read-only field sees only the story,
# and the notice offers "dismiss" only to who may edit it (the admin object is shared).
_rendering = threading.local()


def _copies():
    counted = (
        IngestedItem.objects.filter(duplicate_of=OuterRef("pk"))
        .order_by()
        .values("duplicate_of")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class HasCopiesFilter(admin.SimpleListFilter):
    title = "same release from other sources"
    parameter_name = "copies"

    def lookups(self, request, model_admin):
        return [("yes", "Also arrived from another source"), ("no", "From one source only")]

    def queryset(self, request, queryset):
        # EXISTS by the index on duplicate_of, not the list's count of copies (a subquery
        # PostgreSQL would run for every story of the archive to filter on it).
        copies = IngestedItem.objects.filter(duplicate_of=OuterRef("pk"))
        if self.value() == "yes":
            return queryset.filter(Exists(copies))
        if self.value() == "no":
            return queryset.filter(~Exists(copies))
        return queryset


class DuplicatesMixin:
    """For StoryAdmin: the notice on the form, the list's marker and the dismiss view."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(copy_count=_copies())

    # Not sortable (a count for every story of the archive): the filter finds them.
    @admin.display(description="Copies")
    def copies(self, obj):
        if not obj.copy_count:
            return ""
        url = reverse("admin:stories_story_change", args=[obj.pk])
        return format_html(
            '<a href="{}#duplicates" class="copies" title="{}">{} ⧉</a>',
            url,
            "The same release also arrived from another source",
            obj.copy_count,
        )

    def _copy_items(self, story: Story) -> list[IngestedItem]:
        return list(
            IngestedItem.objects.filter(duplicate_of=story)
            .select_related("source", "story")
            .order_by("first_seen_at")
        )

    def with_copies_notice(self, obj, fieldsets):
        """`fieldsets`, opened by the notice when other sources sent the same release."""
        if obj is None:
            return fieldsets
        count = getattr(obj, "copy_count", None)  # annotated by get_queryset: no query
        if count is None:
            count = IngestedItem.objects.filter(duplicate_of=obj).count()
        if not count:
            return fieldsets
        notice = ("Same release from other sources", {"fields": [FIELD], "classes": ["copies"]})
        return [notice, *fieldsets]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), FIELD]

    @admin.display(description="Also received")
    def duplicate_notice(self, obj):
        request = getattr(_rendering, "request", None)
        return render_to_string(
            "admin/stories/story/_duplicates.html",
            {
                "items": self._copy_items(obj),
                "dismiss_url": reverse("admin:stories_story_dismiss_duplicate", args=[obj.pk]),
                "can_dismiss": request is not None and can_edit(request.user, obj),
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        _rendering.request = request
        return super().render_change_form(request, context, add, change, form_url, obj)

    def dismiss_duplicate_view(self, request, pk):
        story = get_object_or_404(Story, pk=pk)
        if not can_edit(request.user, story):
            raise PermissionDenied
        url = reverse("admin:stories_story_change", args=[pk])
        item = IngestedItem.objects.filter(pk=request.POST.get("item") or 0).first()
        if item is None or item.duplicate_of_id != story.pk:
            self.message_user(request, "That link was dismissed already.", messages.INFO)
            return HttpResponseRedirect(url)
        from stories.ingest.ingesting import dismiss_duplicate  # loads the ingest code

        dismiss_duplicate(item)
        self.log_story(request, story, f"Dismissed “{item.headline}” from {item.source}")
        later = (
            "at its feed's next run"
            if item.source.kind == SourceKind.FEED
            else "when its source delivers it again"
        )
        self.message_user(
            request,
            f"“{item.headline}” from {item.source} is no longer linked to this story; it "
            f"becomes a story of its own {later}.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(url)

    def get_urls(self):
        dismiss = path(
            "<int:pk>/duplicates/dismiss/",
            self.admin_site.admin_view(require_POST(self.dismiss_duplicate_view)),
            name="stories_story_dismiss_duplicate",
        )
        return [dismiss, *super().get_urls()]
