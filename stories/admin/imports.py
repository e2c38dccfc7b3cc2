"""Bringing releases in from the admin: the "Import releases" page (files dropped or chosen, or
a pasted release; a dry run first, drafts on confirm) and a release pasted into "Add story".

Both run the importer the command line uses (parse, then load_story), so a release lands the
same way whichever door it comes through.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from people import suggestions
from people.models import Person
from people.resolution import KnownOrganizations, find_organization, is_known_organization
from stories.admin.forms import ImportReleasesForm
from stories.admin.workflow import as_int
from stories.importers.batch import load_stories
from stories.importers.errors import ImportNotice, StoryImportError
from stories.importers.loader import LoadResult, load_story
from stories.importers.plaintext import ParsedStory, parse_story_bytes, parse_story_text
from stories.models import Story
from stories.tagging import story_findings

MAX_RELEASES = 200  # one page of previews; more goes through `manage.py import_stories`
PASTED = "pasted release"


@dataclass
class ReleasePreview:
    """What importing one release would do, for the dry run's table."""

    name: str
    text: str = ""
    parsed: ParsedStory | None = None
    error: StoryImportError | None = None
    result: LoadResult | None = None
    existing: Story | None = None  # the story importing this release would update
    notices: list[ImportNotice] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[ImportNotice]:
        return list(self.result.notices if self.result else self.notices)


def parse_release(name: str, data: bytes | str) -> ParsedStory:
    """Parse one release (a file's bytes or pasted text). Raises StoryImportError."""
    if isinstance(data, bytes):
        return parse_story_bytes(data, name, is_known_organization=is_known_organization)
    return parse_story_text(data, name, is_known_organization=is_known_organization)


def preview_release(name: str, data: bytes | str) -> ReleasePreview:
    """The dry run of one release: parsed and matched, nothing written. (Read-only lookups,
    not a rolled-back load: a load that adds a person moves the registry's version stamp and
    makes every later preview rebuild the engine's whole index.)"""
    preview = ReleasePreview(name)
    try:
        parsed = parse_release(name, data)
    except StoryImportError as error:
        preview.error = error
        return preview
    preview.parsed = parsed
    preview.text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    findings = story_findings(parsed)
    preview.organizations = [s.entry.name for s in findings.organizations]
    preview.countries = [s.entry.name for s in findings.countries]
    preview.existing = Story.objects.filter(import_key=parsed.import_key).first() or (
        Story.objects.filter(import_key__isnull=True, headline__iexact=parsed.headline.strip())
        .order_by("pk")
        .first()
    )
    preview.notices = list(parsed.notices)
    source = parsed.source
    if source and source.organization and find_organization(source.organization) is None:
        preview.notices.append(
            ImportNotice(name, source.line, f"new organization {source.organization!r}")
        )
    if source and source.person_name and not Person.objects.named(source.person_name).exists():
        preview.notices.append(
            ImportNotice(name, source.line, f"new person {source.person_name!r}")
        )
    return preview


def import_release(name: str, text: str) -> ReleasePreview:
    """Import one release as a draft (or update the story it already is)."""
    preview = ReleasePreview(name, text)
    try:
        preview.parsed = parse_release(name, text)
    except StoryImportError as error:
        preview.error = error
        return preview
    preview.result = load_story(preview.parsed)
    return preview


def import_releases(releases: list[tuple[str, str]]) -> list[ReleasePreview]:
    """Import (name, text) releases as drafts, as import_release would one after the other,
    in one run: every release parsed first, then the new stories written in bulk
    (stories.importers.batch) with one suggestion engine for all."""
    known = KnownOrganizations()
    done, parsed, texts = [], [], {}
    for name, text in releases:
        preview = ReleasePreview(name, text)
        known.path = name
        try:
            preview.parsed = parse_story_text(text, name, is_known_organization=known)
        except StoryImportError as error:
            preview.error = error
        else:
            parsed.append(preview.parsed)
            texts[id(preview.parsed)] = text
        done.append(preview)

    def reparse(story: ParsedStory) -> ParsedStory:
        return parse_release(story.path, texts[id(story)])

    with suggestions.batch():
        outcomes = iter(load_stories(parsed, asked=known.asked, reparse=reparse))
    for preview in done:
        if preview.parsed is None:
            continue
        outcome = next(outcomes)
        if isinstance(outcome, StoryImportError):
            preview.error = outcome
        else:
            preview.result, preview.parsed = outcome, outcome.parsed
    return done


class ImportReleasesMixin:
    def import_view(self, request):
        """Step 1: choose, drop or paste. Step 2: the dry run. Step 3: the drafts, linked."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import releases",
            "media": self.media,
        }
        if request.method == "POST" and request.POST.get("step") == "confirm":
            count = min(as_int(request.POST.get("count")) or 0, MAX_RELEASES)
            done = import_releases(
                [
                    (
                        request.POST.get(f"release-{i}-name", PASTED)[:200],
                        request.POST.get(f"release-{i}-text", ""),
                    )
                    for i in range(count)
                    if request.POST.get(f"release-{i}-include")
                ]
            )
            for item in done:
                if item.result:
                    self.log_story(request, item.result.story, f"Imported from {item.name}.")
            imported = [item for item in done if item.result]
            self.message_user(
                request,
                f"Imported {len(imported)} of {len(done)} releases as drafts.",
                messages.SUCCESS if imported else messages.WARNING,
            )
            if len(done) == 1 and imported:  # one release: straight on to tagging it
                story = imported[0].result.story
                return HttpResponseRedirect(reverse("admin:stories_story_change", args=[story.pk]))
            return TemplateResponse(
                request,
                "admin/stories/story/import_releases.html",
                {**context, "done": done, "step": "done"},
            )
        form = ImportReleasesForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            uploads = form.cleaned_data["files"]
            releases = [(u.name, u.read()) for u in uploads if u.name.lower().endswith(".txt")]
            if skipped := len(uploads) - len(releases):
                self.message_user(
                    request, f"Skipped {skipped} file(s) that are not .txt.", messages.WARNING
                )
            if form.cleaned_data["pasted"].strip():
                releases.append((PASTED, form.cleaned_data["pasted"]))
            previews = [preview_release(name, data) for name, data in releases[:MAX_RELEASES]]
            return TemplateResponse(
                request,
                "admin/stories/story/import_releases.html",
                {
                    **context,
                    "previews": previews,
                    "importable": sum(1 for p in previews if p.parsed),
                    "step": "preview",
                    "title": f"Import releases: check {len(previews)} before importing",
                },
            )
        return TemplateResponse(
            request,
            "admin/stories/story/import_releases.html",
            {**context, "form": form, "step": "choose"},
        )

    def import_pasted_release(self, request, text: str):
        """ "Add story" with a whole release in the body: split it into the story's fields (the
        importer's way, so a later import of the same release finds this story)."""
        try:
            parsed = parse_release(PASTED, text)
        except StoryImportError:
            return None  # the form shows the problem on the body field, the text kept
        result = load_story(parsed)
        story = result.story
        if story.created_by_id is None and result.status == "created":
            story.created_by = request.user
            story.save(update_fields=["created_by"])
        self.log_story(request, story, "Pasted a release: split into its fields.")
        for notice in result.notices:
            self.message_user(request, f"Check: {notice}", messages.WARNING)
        self.message_user(
            request,
            "The pasted release was split into headline, source, image and body"
            + (" (this release was here already: the story was updated)."
               if result.status != "created" else "."),
            messages.SUCCESS,
        )  # fmt: skip
        return HttpResponseRedirect(reverse("admin:stories_story_change", args=[story.pk]))
