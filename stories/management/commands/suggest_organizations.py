"""suggest_organizations PATH… [--json] — what the tagger finds in story files (or `-`: stdin)."""

import json
import re
import sys

from django.core.management.base import BaseCommand, CommandError

from people.matching import Findings
from people.matching.quotes import find_quotes
from people.resolution import is_known_organization
from people.suggestions import suggest
from stories.importers.errors import StoryImportError
from stories.importers.plaintext import read_story_file
from stories.tagging import findings_as_dict, parsed_story_text, quotes_as_dicts, story_findings


class Command(BaseCommand):
    help = (
        "Suggest the organizations, countries and people in plain-text story files. "
        "'-' reads raw text (not the story format) from standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, paths, as_json, **options):
        results, refused = [], 0
        for path in paths:
            try:
                findings, text, paragraphs = self._findings(path)
            except StoryImportError as error:
                self.stderr.write(self.style.ERROR(f"refused    {error}"))
                refused += 1
                continue
            quotes = quotes_as_dicts(find_quotes(paragraphs, findings), text, paragraphs)
            results.append({"file": path, **findings_as_dict(findings), "quotes": quotes})
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self._print(result)
        if refused:
            raise CommandError(f"{refused} file(s) refused.")

    def _findings(self, path: str) -> tuple[Findings, str, list[str]]:
        """The findings, the text their offsets point into, and the body's paragraphs."""
        if path == "-":
            data = sys.stdin.buffer.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise StoryImportError("-", None, "UTF-8 text on standard input") from exc
            paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
            return suggest(text), text, paragraphs
        parsed = read_story_file(path, is_known_organization=is_known_organization)
        return story_findings(parsed), parsed_story_text(parsed), parsed.paragraphs

    def _print(self, result: dict) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(result["file"]))
        for label, key in (("organization", "organizations"), ("country", "countries")):
            for item in result[key]:
                forms = ", ".join(sorted({m["text"] for m in item["mentions"]}))
                self.stdout.write(
                    f"  {label:<12} {item['name']}  "
                    f"({item['confidence']:.2f}, {item['reason']}; as {forms})"
                )
        for item in result["candidates"]:
            self.stdout.write(f"  candidate    {item['name']}  (kind: {item['kind_guess']})")
        for item in result["ambiguous"]:
            options = " or ".join(o["name"] for o in item["options"])
            self.stdout.write(f"  ambiguous    {item['text']!r}: {options}?")
        for item in result["people"]:
            known = "known" if item["known"] else "new"
            self.stdout.write(
                f"  person       {item['name']}, {item['title']}"
                f"{', ' + item['organization'] if item['organization'] else ''} ({known})"
            )
        for item in result["quotes"]:
            speaker = item["speaker"]["name"] if item["speaker"] else "(no speaker)"
            text = item["text"] if len(item["text"]) <= 60 else item["text"][:57] + "…"
            self.stdout.write(f"  quote        {speaker}: “{text}”")
