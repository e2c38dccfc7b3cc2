"""The suggestions panel on the story form: what the engine found in the text beside
"Organizations in this story", and the actions on both.

The panel's buttons submit the story form itself (`_panel=<verb>:<argument>`): the admin saves
the editor's edits first, then applies the action, so nothing typed is ever thrown away. The
actions make no revision of their own; they join the story's next revision.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html

from newsroom.text import normalize_newlines
from people.models import Organization, OrganizationKind
from people.suggestions import current_index
from stories.admin.workflow import as_int
from stories.models import Story
from stories.organizations import (
    accept_all_suggestions,
    accept_person,
    accept_suggestion,
    candidate_key,
    create_and_tag,
    guess_candidate,
    person_key,
    reject_suggestion,
    reorder_organizations,
    story_suggestions,
    untag_organization,
)
from stories.snippets import highlighted_snippet

# The verbs the panel's buttons post, and the field the older per-action URLs carried them in.
LEGACY_FIELDS = {
    "accept": "organization", "reject": "reject", "accept_all": "", "accept_person": "person",
    "create_candidate": "candidate",
}  # fmt: skip


class SuggestionsPanelMixin:
    @admin.display(description="Found in the text")
    def suggestions(self, obj):
        if obj is None or obj.pk is None:
            return (
                "Save the story to see the organizations, countries and people found in it. "
                "Pasted a whole release into the body? Saving splits it into its fields."
            )
        open_ = story_suggestions(obj)
        text = open_.text

        def snippet(mentions):
            return highlighted_snippet(text, [(m.start, m.end) for m in mentions])

        links = list(obj.story_organizations.select_related("organization").order_by("position"))
        candidates = []
        index = current_index() if any(c.parent for c in open_.candidates) else None
        for n, candidate in enumerate(open_.candidates, start=1):
            guess = guess_candidate(open_, candidate, index)
            candidates.append((n, candidate, snippet(candidate.mentions), guess))
        parents = {s.entry.id: s.entry.name for s in open_.findings.organizations}
        parents.update({link.organization_id: link.organization.name for link in links})
        # the engine's parent of a candidate, named in the story only inside the candidate's name
        parents.update({g.parent.id: g.parent.name for _, _, _, g in candidates if g.parent})
        return render_to_string(
            "admin/stories/story/_suggestions.html",
            {
                "story": obj,
                "links": links,
                "organizations": [(s, snippet(s.mentions)) for s in open_.organizations],
                "accept_all_count": len(open_.organizations)
                + (len(open_.countries) if settings.ACCEPT_ALL_INCLUDES_COUNTRIES else 0),
                "countries": [(s, snippet(s.mentions)) for s in open_.countries],
                "implied": [(s, snippet(s.mentions)) for s in open_.implied],
                "candidates": [
                    (n, c, html, guess, candidate_key(c.name)) for n, c, html, guess in candidates
                ],
                "parents": sorted(parents.items(), key=lambda item: item[1]),
                "kinds": OrganizationKind.choices,
                "ambiguous": open_.findings.ambiguous,
                "people": [(p, snippet(p.mentions), person_key(p.name)) for p in open_.people],
                "live_url": reverse("admin:stories_story_live_suggestions", args=[obj.pk]),
            },
        )

    def perform_panel_action(self, request, story: Story, value: str, *, deny=False) -> None:
        """Apply one panel action (`verb:argument`) to `story`, with a message saying what.
        `deny`: a refused permission is a 403, not a message (no edits to keep)."""
        verb, _, argument = value.partition(":")
        data = request.POST
        try:
            message = self._panel_action(request, story, verb, argument, data)
        except PermissionDenied:
            if deny:
                raise
            self.message_user(request, "Not done: you may not do that.", messages.ERROR)
            return
        except ValidationError as error:
            reason = "; ".join(getattr(error, "messages", [str(error)]))
            self.message_user(request, f"Not done: {reason}", messages.ERROR)
            return
        if message:
            self.message_user(request, message, messages.SUCCESS)

    def _panel_action(self, request, story, verb, argument, data):
        user = request.user
        if verb == "accept":
            organization = get_object_or_404(Organization, pk=as_int(argument))
            accept_suggestion(story, organization, by=user)
            return f"“{organization}” is now in this story."
        if verb == "accept_all":
            added = accept_all_suggestions(story, by=user)
            names = ", ".join(str(link.organization) for link in added) or "nothing new"
            return f"Tagged {len(added)}: {names}."
        if verb == "reject":
            key, _, label = argument.partition("|")
            if not key.startswith(("org:", "candidate:", "person:")):
                raise ValidationError("Nothing to reject.")
            reject_suggestion(story, key=key, label=label, by=user)
            return f"“{label}” will not be suggested again for this story."
        if verb == "accept_person":
            name, title, organization = [*argument.split("|"), "", ""][:3]
            if not name.strip():
                raise ValidationError("No person named.")
            link = accept_person(
                story, name=name.strip(), title=title.strip(),
                organization_name=organization.strip(), by=user,
            )  # fmt: skip
            return f"{link.person} is now in this story."
        if verb in ("create", "create_candidate"):
            return self._create_candidate(request, story, argument, data)
        if verb == "remove":
            organization = get_object_or_404(Organization, pk=as_int(argument))
            untag_organization(story, organization, by=user)
            return f"“{organization}” is no longer in this story."
        if verb in ("up", "down"):
            order = list(
                story.story_organizations.order_by("position", "pk").values_list(
                    "organization_id", flat=True
                )
            )
            moved = as_int(argument)
            if moved in order:
                i = order.index(moved)
                j = max(0, i - 1) if verb == "up" else min(len(order) - 1, i + 1)
                order[i], order[j] = order[j], order[i]
                reorder_organizations(story, order, by=user)
            return "Order changed: the first organization is the story's main one."
        if verb == "reorder":
            ids = [as_int(i) for i in data.get("organization_order", "").split(",")]
            reorder_organizations(story, [i for i in ids if i is not None], by=user)
            return "Order changed: the first organization is the story's main one."
        raise ValidationError("Unknown action.")

    def _create_candidate(self, request, story, n, data):
        name = data.get(f"candidate-name-{n}", "").strip()[:300]
        kind = data.get(f"candidate-kind-{n}", "")
        if not name or kind not in OrganizationKind.values:
            raise ValidationError("Give the new organization a name and a kind.")
        parent_id = as_int(data.get(f"candidate-parent-{n}"))
        parent = Organization.objects.filter(pk=parent_id).first() if parent_id else None
        organization = create_and_tag(
            story,
            name=name,
            kind=kind,
            country=data.get(f"candidate-country-{n}", "").strip()[:2],
            parent=parent,
            aliases=data.get(f"candidate-aliases-{n}", "").split(","),
            candidate=data.get(f"candidate-found-{n}", ""),
            by=request.user,
        )
        url = reverse("admin:people_organization_change", args=[organization.pk])
        return format_html('Created <a href="{}">{}</a> and tagged it.', url, organization.name)

    # --- endpoints ---------------------------------------------------------------------------

    def story_for_change(self, request, pk) -> Story:
        story = get_object_or_404(Story, pk=pk)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        return story

    def legacy_panel_view(self, request, pk, verb):
        """One action on the saved story, without the form (scripts and older pages)."""
        story = self.story_for_change(request, pk)
        field = LEGACY_FIELDS[verb]
        value = f"{verb}:{request.POST.get(field, '')}"
        self.perform_panel_action(request, story, value, deny=True)
        url = reverse("admin:stories_story_change", args=[story.pk])
        return HttpResponseRedirect(f"{url}#suggestions-panel")

    def live_suggestions_view(self, request, pk):
        """The panel for the text as it is in the form now, unsaved (the page's script asks)."""
        story = self.story_for_change(request, pk)
        story.headline = normalize_newlines(request.POST.get("headline", story.headline)[:300])
        story.body = normalize_newlines(request.POST.get("body", story.body)[:200_000])
        return HttpResponse(self.suggestions(story))
