"""Reading revisions (django-reversion) back: a story as it was, and what changed between two."""

import difflib

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version

from people.models import Organization, Person
from stories.models import Story, StoryOrganization, StoryPerson

COMPARED = [
    ("headline", "Headline"), ("dek", "Dek"), ("body", "Body"), ("status", "Status"),
    ("published_at", "Publish time"), ("source_label", "Source label"),
    ("source_url", "Source URL"), ("image_asset_id", "Lead image"), ("image_alt", "Alt text"),
]  # fmt: skip


def snapshot_of_version(version: Version) -> dict[str, str]:
    """The compared fields, organizations, people and tags of `version` as plain text."""
    fields = version.field_dict
    snapshot = {label: str(fields.get(name) or "") for name, label in COMPARED}
    related = version.revision.version_set.all()
    links = sorted(
        (v.field_dict for v in related if v.content_type.model_class() is StoryOrganization),
        key=lambda f: (f.get("position") is None, f.get("position") or 0),
    )
    names = Organization.objects.in_bulk([f["organization_id"] for f in links])
    snapshot["Organizations"] = "\n".join(
        str(names.get(f["organization_id"], f"#{f['organization_id']}")) for f in links
    )
    people_ids = [
        v.field_dict["person_id"] for v in related if v.content_type.model_class() is StoryPerson
    ]
    people = Person.objects.in_bulk(people_ids)
    snapshot["People"] = "\n".join(str(people.get(i, f"#{i}")) for i in people_ids)
    tags = [v.object_repr for v in related if v.content_type.model == "tag"]
    snapshot["Tags"] = ", ".join(sorted(tags))
    return snapshot


def snapshot_of_story(story: Story) -> dict[str, str]:
    snapshot = {label: str(getattr(story, name) or "") for name, label in COMPARED}
    snapshot["Organizations"] = "\n".join(
        link.organization.name
        for link in story.story_organizations.select_related("organization").order_by("position")
    )
    snapshot["People"] = "\n".join(
        str(link.person) for link in story.story_people.select_related("person")
    )
    snapshot["Tags"] = ", ".join(sorted(story.tags.names()))
    return snapshot


def version_for_number(story: Story, number: int) -> Version | None:
    """The revision saved when the story's version counter was `number`."""
    for version in Version.objects.get_for_object(story).select_related("revision"):
        if version.field_dict.get("version") == number:
            return version
    return None


def diff_html(before: dict[str, str], after: dict[str, str]) -> SafeString:
    """A readable field-by-field diff: only what changed, words removed and added marked."""
    rows = []
    for label in before.keys() | after.keys():
        old, new = before.get(label, ""), after.get(label, "")
        if old == new:
            continue
        differ = _line_diff if label in LISTS else _word_diff
        rows.append((label, differ(old, new)))
    if not rows:
        return mark_safe("<p>No differences.</p>")
    order = [label for _, label in COMPARED] + ["Organizations", "People", "Tags"]
    rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else 99)
    body = "".join(
        f"<tr><th scope='row'>{escape(label)}</th><td>{html}</td></tr>" for label, html in rows
    )
    return mark_safe(f"<table class='revision-diff'>{body}</table>")


LISTS = ("Organizations", "People")  # one name a line: compared name by name, in order


def _line_diff(old: str, new: str) -> str:
    a, b = old.splitlines(), new.splitlines()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out += [escape(line) for line in a[i1:i2]]
            continue
        out += [f"<del>{escape(line)}</del>" for line in a[i1:i2]]
        out += [f"<ins>{escape(line)}</ins>" for line in b[j1:j2]]
    return "<br>".join(out)


def _word_diff(old: str, new: str) -> str:
    a, b = old.split(" "), new.split(" ")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out).replace("\n", "<br>")


def unrevisioned_link_changes(story: Story) -> list[str]:
    """Which of the story's lists ("Organizations", "People") changed since its last revision:
    the suggestion panel's actions wait for the story's next revision to be recorded."""
    latest = Version.objects.get_for_object(story).select_related("revision").first()
    before = snapshot_of_version(latest) if latest else {}
    after = snapshot_of_story(story)
    return [label for label in ("Organizations", "People") if before.get(label, "") != after[label]]
