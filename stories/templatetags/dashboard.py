"""The editor's dashboard on the admin index: what needs me now."""

from django import template
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from stories.models import Story, StoryStatus

register = template.Library()
LIMIT = 8


@register.inclusion_tag("admin/stories/_dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    """Six short lists, each linking to the changelist filtered the same way. Six queries."""
    user = context["request"].user
    now = timezone.now()
    stories = Story.objects.select_related("reviewer", "created_by").only(
        "pk", "headline", "status", "published_at", "review_due_at", "updated_at",
        "reviewer__username", "created_by__username",
    )  # fmt: skip
    changelist = reverse("admin:stories_story_changelist")
    sections = [
        (
            "Waiting for my review",
            stories.filter(status=StoryStatus.IN_REVIEW)
            .filter(Q(reviewer=user) | Q(reviewer__isnull=True))
            .order_by(F("review_due_at").asc(nulls_last=True), "updated_at"),
            f"{changelist}?status__exact=review",
            "review",
        ),
        (
            "My drafts",
            stories.filter(status=StoryStatus.DRAFT, created_by=user).order_by("-updated_at"),
            f"{changelist}?status__exact=draft&mine=created",
            "draft",
        ),
        (
            "Imported, to review",
            stories.imported_to_review().order_by("-updated_at"),
            f"{changelist}?mine=imported",
            "imported",
        ),
        (
            "Scheduled",
            stories.scheduled().order_by("published_at"),
            f"{changelist}?when=scheduled",
            "scheduled",
        ),
        (
            "Recently published",
            stories.public().order_by("-published_at"),
            f"{changelist}?when=public",
            "published",
        ),
        (
            "Published with no organizations",
            stories.public().filter(story_organizations__isnull=True).order_by("-published_at"),
            f"{changelist}?when=public&tagged=no",
            "untagged",
        ),
    ]
    return {
        "sections": [
            {"title": title, "stories": list(queryset[:LIMIT]), "url": url, "kind": kind}
            for title, queryset, url, kind in sections
        ],
        "now": now,
        "can_add": user.has_perm("stories.add_story"),
    }
