"""Attach, accept, reject and reorder a story's organizations and people.

Every change to "Organizations in this story" and "People in this story" goes through these
functions: the admin's buttons and actions, the importer's retagging and the commands call them.
Each checks the permission, runs in one transaction and never removes an editor's choice.
"""

from contextlib import contextmanager
from dataclasses import dataclass

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from people.matching import Findings
from people.models import Organization, Role
from people.names import name_key
from people.resolution import (
    find_or_create_organization,
    find_or_create_person,
    find_or_create_role,
)
from people.suggestions import suggest
from stories.models import Origin, RejectedSuggestion, Story, StoryOrganization, StoryPerson
from stories.tagging import story_text


def organization_key(organization_id: int) -> str:
    return f"org:{organization_id}"


def candidate_key(name: str) -> str:
    return f"candidate:{name_key(name)}"


def person_key(name: str) -> str:
    return f"person:{name_key(name)}"


@dataclass
class StorySuggestions:
    """What the panel offers for one story: the engine's findings minus what is tagged or
    rejected already."""

    text: str
    findings: Findings
    organizations: list
    candidates: list
    people: list
    countries: list


def story_suggestions(story: Story) -> StorySuggestions:
    """Suggestions for `story` still open for an editor. Three queries plus the engine's one."""
    text = story_text(story.headline, story.source_attribution, story.paragraphs)
    findings = suggest(text)
    tagged = set(story.story_organizations.values_list("organization_id", flat=True))
    rejected = set(story.rejected_suggestions.values_list("key", flat=True))
    people_tagged = {
        name_key(name) for name in story.story_people.values_list("person__full_name", flat=True)
    }
    return StorySuggestions(
        text=text,
        findings=findings,
        organizations=[
            s for s in findings.organizations
            if s.entry.id not in tagged and organization_key(s.entry.id) not in rejected
        ],
        candidates=[c for c in findings.candidates if candidate_key(c.name) not in rejected],
        people=[
            p for p in findings.people
            if name_key(p.name) not in people_tagged and person_key(p.name) not in rejected
        ],
        countries=[
            s for s in findings.countries
            if s.entry.id not in tagged and organization_key(s.entry.id) not in rejected
        ],
    )  # fmt: skip


def _check(user: AbstractBaseUser | None, permission: str = "stories.change_story") -> None:
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied("You may not change the organizations of stories.")


@contextmanager
def _revision(story: Story, by: AbstractBaseUser | None, comment: str):
    """Keep a revision of the story (with its organizations and people) after the change."""
    with reversion.create_revision():
        yield
        reversion.add_to_revision(story)
        reversion.set_comment(comment)
        if by is not None:
            reversion.set_user(by)


def tag_organization(
    story: Story, organization: Organization, *, origin: str, by: AbstractBaseUser | None
) -> StoryOrganization:
    """Add `organization` at the end of the story's section (or return its existing entry)."""
    _check(by)
    with transaction.atomic(), _revision(story, by, f"Tagged {organization}"):
        link = story.story_organizations.filter(organization=organization).first()
        if link is not None:
            return link
        last = story.story_organizations.aggregate(last=Max("position"))["last"]
        link = StoryOrganization.objects.create(
            story=story,
            organization=organization,
            position=0 if last is None else last + 1,
            origin=origin,
        )
        story.rejected_suggestions.filter(key=organization_key(organization.pk)).delete()
        return link


def accept_suggestion(story: Story, organization: Organization, *, by) -> StoryOrganization:
    return tag_organization(story, organization, origin=Origin.SUGGESTED, by=by)


@transaction.atomic
def accept_all_suggestions(story: Story, *, by, origin: str = Origin.SUGGESTED) -> list:
    """Tag every open organization suggestion, in order of first mention. Returns the new ones."""
    _check(by)
    open_ids = [s.entry.id for s in story_suggestions(story).organizations]
    organizations = Organization.objects.in_bulk(open_ids)
    return [
        tag_organization(story, organizations[i], origin=origin, by=by)
        for i in open_ids
        if i in organizations
    ]


def reject_suggestion(story: Story, *, key: str, label: str, by) -> RejectedSuggestion:
    """Remember that `key` is not wanted for `story`; the panel stops offering it."""
    _check(by)
    rejected, _ = RejectedSuggestion.objects.get_or_create(
        story=story, key=key, defaults={"label": label[:300], "rejected_by": by}
    )
    return rejected


@transaction.atomic
def create_and_tag(story: Story, *, name: str, kind: str, by) -> Organization:
    """Create the organization a candidate names (or reuse it) and tag it."""
    _check(by)
    _check(by, "people.add_organization")
    organization, _ = find_or_create_organization(name)
    if kind and organization.kind != kind and organization.kind == "other":
        organization.kind = kind
        organization.save(update_fields=["kind", "updated_at"])
    tag_organization(story, organization, origin=Origin.SUGGESTED, by=by)
    return organization


@transaction.atomic
def accept_person(
    story: Story, *, name: str, title: str = "", organization_name: str = "", by
) -> StoryPerson:
    """Put a suggested person in the story: the known Person and Role when there are, new ones
    when not."""
    _check(by)
    person, _ = find_or_create_person(name)
    role: Role | None = None
    if title:
        organization = None
        if organization_name:
            organization, _ = find_or_create_organization(organization_name)
        role, _ = find_or_create_role(person, title=title, organization=organization)
    else:
        role = person.roles.current_first().first()
    link = story.story_people.filter(person=person).first()
    if link is not None:
        return link
    last = story.story_people.aggregate(last=Max("position"))["last"]
    story.rejected_suggestions.filter(key=person_key(name)).delete()
    with _revision(story, by, f"Added {person} to the people in this story"):
        return StoryPerson.objects.create(
            story=story,
            person=person,
            role=role,
            position=0 if last is None else last + 1,
            origin=Origin.SUGGESTED,
        )
