"""Autosave: the story form sends the editor's work in progress every few seconds; it is kept
as the editor's draft of that story (StoryDraft) and offered back when the story is opened
again, so a closed tab, a crash or a lost connection loses nothing."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from newsroom.text import normalize_newlines
from stories.admin.workflow import as_int
from stories.models import Story, StoryDraft

# The form fields autosave keeps: the editor's own text, never the workflow.
AUTOSAVED = (
    "headline", "slug", "dek", "body", "tags", "source_attribution", "source_label",
    "source_url", "image_alt", "image_credit", "image_caption", "image_asset_id",
)  # fmt: skip
MAX_FIELD = 200_000


def draft_differs(draft: StoryDraft, story: Story | None) -> bool:
    """Whether `draft` holds anything the saved story does not (worth offering back)."""
    if story is None:
        return any(str(v).strip() for v in draft.fields.values())
    tags = ", ".join(sorted(story.tags.names()))
    for name, value in draft.fields.items():
        saved = tags if name == "tags" else str(getattr(story, name, "") or "")
        if name == "tags":
            value = ", ".join(sorted(t.strip() for t in str(value).split(",") if t.strip()))
        if normalize_newlines(str(value)).strip() != saved.strip():
            return True
    return False


def offered_draft(user, story: Story | None) -> dict | None:
    """The user's autosaved work on `story` (None: a new story), if it differs from what is
    saved: {"saved_at": …, "fields": …, "stale": saved before someone else's save}."""
    draft = StoryDraft.objects.filter(user=user, story=story).first()
    if draft is None or not draft_differs(draft, story):
        return None
    return {
        "saved_at": date_format(timezone.localtime(draft.saved_at), "j M Y, H:i:s"),
        "fields": draft.fields,
        "stale": story is not None and draft.loaded_version not in (None, story.version),
    }


def discard_drafts(user, story: Story | None) -> None:
    StoryDraft.objects.filter(user=user, story=story).delete()


class AutosaveMixin:
    def autosave_view(self, request, pk=None):
        """Keep the posted form fields as the user's draft of story `pk` (or of a new story)."""
        story = None
        if pk is not None:
            story = get_object_or_404(Story, pk=pk)
            if not self.has_change_permission(request, story):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        if request.POST.get("discard"):
            discard_drafts(request.user, story)
            return JsonResponse({"discarded": True})
        fields = {
            name: normalize_newlines(request.POST.get(name, ""))[:MAX_FIELD]
            for name in AUTOSAVED
            if name in request.POST
        }
        draft, _ = StoryDraft.objects.update_or_create(
            user=request.user,
            story=story,
            defaults={
                "fields": fields,
                "loaded_version": as_int(request.POST.get("loaded_version")),
            },
        )
        return JsonResponse({"saved_at": date_format(timezone.localtime(draft.saved_at), "H:i:s")})
