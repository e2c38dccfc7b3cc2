"""Re-suggest organizations across stories: add what the suggestion engine now finds and a
story lacks (after the registry learnt new names). The `retag_stories` command, the task the
worker runs after a registry load and the admin's "Re-suggest organizations" all call this.

Only adds: an organization an editor tagged, reordered or rejected is left as it is. The quotes
are found again too: the ones an editor confirmed or corrected are left as they are.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet

from people.models import Organization
from stories.models import Origin, Story
from stories.organizations import story_suggestions, tag_organization
from stories.quotes import find_story_quotes, store_found_quotes


@dataclass
class RetagReport:
    stories: int = 0  # stories read
    touched: int = 0  # stories that gained an organization
    added: int = 0  # organizations added in all
    quoted: int = 0  # stories whose quotes were found (again)
    lines: list[str] = field(default_factory=list)  # "<slug>: <names>" per touched story

    def as_dict(self) -> dict:
        return {
            "stories": self.stories,
            "touched": self.touched,
            "added": self.added,
            "quoted": self.quoted,
        }


def retag_stories(
    stories: QuerySet[Story], *, only: Organization | None = None, dry_run: bool = False
) -> RetagReport:
    """Tag each of `stories` with the suggested organizations it lacks (only `only`, when
    given), marked "imported" for an editor to confirm. Returns what was (or, with `dry_run`,
    would be) added. Each story is changed in its own transaction."""
    report = RetagReport()
    related = stories.select_related("source_role__person", "source_role__organization")
    for story in related.order_by("pk").iterator(chunk_size=200):
        report.stories += 1
        if dry_run:
            report.quoted += bool(find_story_quotes(story))
        else:
            report.quoted += bool(store_found_quotes(story))
        open_ = story_suggestions(story).organizations
        ids = [s.entry.id for s in open_ if only is None or s.entry.id == only.pk]
        if not ids:
            continue
        report.touched += 1
        report.added += len(ids)
        report.lines.append(
            f"{story.slug}: {', '.join(s.entry.name for s in open_ if s.entry.id in ids)}"
        )
        if dry_run:
            continue
        organizations = Organization.objects.in_bulk(ids)
        with transaction.atomic():
            for organization_id in ids:
                tag_organization(
                    story, organizations[organization_id], origin=Origin.IMPORTED, by=None
                )
    return report
