"""What the story page shows around the story: its organizations, people and tags, read in one
query as plain values (no model instances), in their order on the page.

Three prefetches (organizations, people with their roles, tags) cost three queries and built
a model instance per row and per related row; the page needs names and addresses only.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from people.models import Organization, Person, Role
from people.names import display_name
from stories.models import Story, StoryOrganization, StoryPerson


@dataclass(frozen=True)
class Link:
    """An organization or a tag: a name and its page."""

    name: str
    url: str


@dataclass(frozen=True)
class PersonLink:
    """A person in the story, with the title (and its organization) they are quoted in."""

    name: str
    url: str
    title: str = ""
    organization: str = ""


@dataclass
class StoryLinks:
    organizations: list[Link] = field(default_factory=list)
    people: list[PersonLink] = field(default_factory=list)
    tags: list[Link] = field(default_factory=list)
    organization_ids: list[int] = field(default_factory=list)


def story_links(story: Story) -> StoryLinks:
    """The story's organizations, people and tags: one query (UNION ALL of three)."""
    database = router.db_for_read(Story)
    with connections[database].cursor() as cursor:
        cursor.execute(_links_sql(database), [story.pk, story.pk, _story_type_id(), story.pk])
        rows = cursor.fetchall()
    # In page order: by position (an organization without one comes last), then as added.
    rows.sort(key=lambda r: (r[0], r[1] is None, r[1] or 0, r[2]))
    organization_url = url_for("people:organization-detail")
    person_url = url_for("people:person-detail")
    tag_url = url_for("stories:tag")
    links = StoryLinks()
    for kind, _, _, ref, name, slug, nickname, title, affiliation in rows:
        if kind == "organization":
            links.organizations.append(Link(name, organization_url(slug)))
            links.organization_ids.append(ref)
        elif kind == "person":
            person = PersonLink(display_name(name, nickname), person_url(slug), title, affiliation)
            links.people.append(person)
        else:
            links.tags.append(Link(name, tag_url(slug)))
    return links


def _story_type_id() -> int:
    return ContentType.objects.get_for_model(Story).pk  # cached by Django after the first


def _links_sql(database: str) -> str:
    """Plain SQL: composing the same union with the ORM cost more CPU than the rest of the
    page. Columns: kind, position, row id, the linked row's id, name, slug, nickname, title,
    the title's organization."""
    quote = connections[database].ops.quote_name
    link, person, role, organization, tagged, tag = (
        quote(model._meta.db_table)
        for model in (StoryOrganization, Person, Role, Organization, TaggedItem, Tag)
    )
    people = quote(StoryPerson._meta.db_table)
    return f"""
        SELECT 'organization', l.position, l.id, l.organization_id, o.name, o.slug, '', '', ''
        FROM {link} l JOIN {organization} o ON o.id = l.organization_id
        WHERE l.story_id = %s
        UNION ALL
        SELECT 'person', l.position, l.id, l.person_id, p.full_name, p.slug, p.nickname,
               COALESCE(r.title, ''), COALESCE(ro.name, '')
        FROM {people} l JOIN {person} p ON p.id = l.person_id
        LEFT JOIN {role} r ON r.id = l.role_id
        LEFT JOIN {organization} ro ON ro.id = r.organization_id
        WHERE l.story_id = %s
        UNION ALL
        SELECT 'tag', 0, i.id, i.tag_id, t.name, t.slug, '', '', ''
        FROM {tagged} i JOIN {tag} t ON t.id = i.tag_id
        WHERE i.content_type_id = %s AND i.object_id = %s
    """


def url_for(name: str):
    """A function from a slug to the address of the page `name`: one reverse() per page, not
    one per link."""
    marker = "slug-marker"
    prefix, suffix = reverse(name, kwargs={"slug": marker}).split(marker)
    return lambda slug: f"{prefix}{slug}{suffix}"
