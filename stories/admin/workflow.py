"""The workflow on the story screens: the buttons on the story form and the changelist's bulk
actions. Both dispatch through `stories.publishing.TRANSITIONS`, where each transition carries
the function that performs it; this module only reads the form's options for it."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from stories.models import Story
from stories.previews import preview_url
from stories.publishing import TRANSITIONS, Transition, allowed_transitions

# The admin action permission each transition's own permission maps to.
ACTION_PERMISSIONS = {
    None: "change", "stories.publish_story": "publish", "stories.review_story": "review"
}  # fmt: skip


def transition_options(name: str, data) -> dict:
    """The keyword options of transition `name` from the posted form `data`."""
    if name == "submit":
        reviewer_id = as_int(data.get("reviewer"))
        reviewer = get_user_model().objects.filter(pk=reviewer_id).first() if reviewer_id else None
        return {
            "reviewer": reviewer,
            "due_at": aware(data.get("due_at")),
            "note": data.get("note", "")[:2000],
        }
    if name == "send_back":
        return {"note": data.get("note", "")[:2000]}
    if name == "schedule":
        at = aware(data.get("publish_at"))
        if at is None:
            raise ValidationError("Give the time to publish at.")
        return {"at": at}
    return {}


def state(story: Story) -> str:
    """The story's state as the lists say it: "scheduled for 2026-12-01 09:00 UTC", "draft"."""
    if story.is_scheduled:
        return f"scheduled for {timezone.localtime(story.published_at):%Y-%m-%d %H:%M %Z}"
    return story.get_status_display().lower()


class WorkflowMixin:
    """The workflow panel on the story form, its endpoint, and the bulk actions."""

    def workflow_panel(self, request, obj, *, in_form: bool) -> str:
        """The buttons for the transitions this user may apply. `in_form`: the buttons post the
        whole story form, so that the edits on it are saved with the step."""
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
                "url": "" if in_form else reverse("admin:stories_story_transition", args=[obj.pk]),
                "editors": editors,
                "preview_url": preview_url(obj) if not obj.is_public else "",
                "now": timezone.localtime(),
            },
        )

    def perform_transition(self, request, story: Story, name: str, *, deny=False) -> bool:
        """Apply transition `name` with the options posted; say what happened. True if done.
        `deny`: a refused permission is a 403, not a message (no edits to keep)."""
        transition = TRANSITIONS.get(name)
        if transition is None:
            self.message_user(request, "Unknown action.", messages.ERROR)
            return False
        try:
            transition.perform(story, by=request.user, **transition_options(name, request.POST))
        except ValidationError as error:
            for problem in error.messages:
                self.message_user(request, f"Not done: {problem}", messages.ERROR)
            return False
        except PermissionDenied as error:
            if deny:
                raise
            self.message_user(request, f"Not done: {error}", messages.ERROR)
            return False
        self.log_story(request, story, f"{transition.label}: now {story.get_status_display()}.")
        self.message_user(
            request, f"{transition.label}: the story is now {state(story)}.", messages.SUCCESS
        )
        return True

    def transition_view(self, request, pk):
        """The buttons' endpoint for a story shown read-only (no form to save with the step)."""
        story = get_object_or_404(Story, pk=pk)
        self.perform_transition(request, story, request.POST.get("transition", ""), deny=True)
        return HttpResponseRedirect(reverse("admin:stories_story_change", args=[story.pk]))

    def apply_in_bulk(self, request, queryset, transition: Transition) -> None:
        done, refused = 0, []
        for story in queryset:
            try:
                transition.perform(story, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = "; ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"“{story}”: {reason}")
                continue
            self.log_story(request, story, f"{transition.done} (bulk action).")
            done += 1
        if done:
            self.message_user(request, f"{transition.done}: {done} stories.", messages.SUCCESS)
        for problem in refused:
            self.message_user(request, f"Not done for {problem}", messages.ERROR)

    def has_publish_permission(self, request):
        return request.user.has_perm("stories.publish_story")

    def has_review_permission(self, request):
        return request.user.has_perm("stories.review_story")


def bulk_action(transition: Transition):
    """The changelist action for `transition`, named `<name>_selected`."""

    def action(modeladmin, request, queryset):
        modeladmin.apply_in_bulk(request, queryset, transition)

    action.__name__ = f"{transition.name}_selected"
    return admin.action(
        description=transition.bulk_label, permissions=[ACTION_PERMISSIONS[transition.permission]]
    )(action)


BULK_ACTIONS = [bulk_action(t) for t in TRANSITIONS.values() if t.bulk_label]


def aware(value: str | None):
    """A datetime from a datetime-local input, in the site's time zone; None if empty or bad."""
    try:
        parsed = parse_datetime(value) if value else None
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def as_int(value) -> int | None:
    """A posted id as a number, or None for anything else (a forged or broken form)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
