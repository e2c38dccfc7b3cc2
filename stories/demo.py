"""What an editor adds to a demo story after import (demo/story-details.json): its tags, the
complete list of organizations it is about (countries too), and the people it names with their
dated roles. Applying it again changes nothing."""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from people.models import Organization, Person, Role
from stories.models import Origin, Story, StoryPerson
from stories.organizations import tag_organization


@dataclass(frozen=True)
class StoryDetails:
    tags: list[str]
    organizations: list[dict]  # {"name"} of a known organization, or with kind/country/parent
    people: list[dict]  # {"name", "title", "organization", "started_on", "ended_on", "in_story"}


def read_story_details(path: Path) -> dict[str, StoryDetails]:
    """The details of each demo story, by file name. Raises ValueError for a file that is not
    such JSON."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: StoryDetails(entry.get("tags", []), entry.get("organizations", []), entry["people"])
        for name, entry in data["stories"].items()
    }


@transaction.atomic
def apply_story_details(story: Story, details: StoryDetails) -> None:
    """Tag `story`, attach its organizations (after those already there, in the given order,
    as typed by an editor) and its people with their roles; create what the registry lacks."""
    story.tags.add(*details.tags)
    for entry in details.organizations:
        tag_organization(story, _organization(entry), origin=Origin.TYPED, by=None)
    position = story.story_people.count()
    for entry in details.people:
        role = _role(entry)
        if not entry.get("in_story", True):
            continue
        link, created = StoryPerson.objects.get_or_create(
            story=story,
            person=role.person,
            defaults={"role": role, "position": position, "origin": Origin.TYPED},
        )
        position += created


def _organization(entry: dict) -> Organization:
    """The organization of that name (made when missing), with the demo's parent where the
    registry gives none."""
    parent = None
    if entry.get("parent"):
        parent = Organization.objects.named(entry["parent"]).order_by("pk").first()
    found = Organization.objects.named(entry["name"]).order_by("pk").first()
    if found is not None:
        if parent is not None and found.parent_id is None and found.pk != parent.pk:
            found.parent = parent
            found.save(update_fields=["parent", "updated_at"])
        return found
    organization = Organization(
        name=entry["name"],
        kind=entry.get("kind", "other"),
        country=entry.get("country", ""),
        parent=parent,
    )
    organization.full_clean(exclude=["slug", "name_key"])
    organization.save()
    return organization


def _role(entry: dict) -> Role:
    """The person's role with this title at this organization (made when missing), with its
    dates filled in where the registry has none."""
    person = Person.objects.named(entry["name"]).order_by("pk").first()
    if person is None:
        person = Person(full_name=entry["name"])
        person.save()
    organization = _organization({"name": entry["organization"]})
    role, _ = Role.objects.get_or_create(
        person=person, title=entry["title"], organization=organization
    )
    changed = []
    for field in ("started_on", "ended_on"):
        if entry.get(field) and getattr(role, field) is None:
            setattr(role, field, date.fromisoformat(entry[field]))
            changed.append(field)
    if changed:
        role.full_clean()
        role.save(update_fields=changed)
    return role
