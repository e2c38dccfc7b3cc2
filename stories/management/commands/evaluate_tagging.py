"""evaluate_tagging DIR — precision and recall of the suggestion engine on a labelled corpus.

DIR holds NAME.txt (a story in the plain-text format) and NAME.json (its labels:
{"organizations": [...], "organization_mentions": {...}, "countries": [...], "people": [...]}).
Organizations are scored on the engine's suggestions plus its candidates; names are compared
with typography, case and a leading "the" set aside.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.names import name_key
from people.resolution import is_known_organization
from stories.importers.errors import StoryImportError
from stories.importers.plaintext import read_story_file
from stories.tagging import story_findings

CATEGORIES = ("organizations", "countries", "people")


class Command(BaseCommand):
    help = "Score the organization/country/people suggestions against labelled stories."

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, directory, as_json, **options):
        files = sorted(Path(directory).glob("*.txt"))
        if not files:
            raise CommandError(f"{directory}: expected NAME.txt files with NAME.json labels")
        totals = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
        misses = []
        for path in files:
            labels = self._labels(path)
            try:
                parsed = read_story_file(path, is_known_organization=is_known_organization)
            except StoryImportError as error:
                raise CommandError(str(error)) from error
            findings = story_findings(parsed)
            predicted = {
                "organizations": [s.entry.name for s in findings.organizations]
                + [c.name for c in findings.candidates],
                "countries": [s.entry.name for s in findings.countries],
                "people": [p.name for p in findings.people],
            }
            expected = {
                "organizations": labels.get("organizations", []),
                "countries": labels.get("countries", []),
                "people": [p["name"] for p in labels.get("people", [])],
            }
            for category in CATEGORIES:
                got = {name_key(n): n for n in predicted[category]}
                want = {name_key(n): n for n in expected[category]}
                totals[category]["tp"] += len(got.keys() & want.keys())
                for key in got.keys() - want.keys():
                    totals[category]["fp"] += 1
                    misses.append((path.name, category, "extra", got[key]))
                for key in want.keys() - got.keys():
                    totals[category]["fn"] += 1
                    misses.append((path.name, category, "missed", want[key]))
            for ambiguity in findings.ambiguous:
                options = " / ".join(e.name for e in ambiguity.options)
                misses.append(
                    (path.name, "ambiguous", "choice", f"{ambiguity.mention.text}: {options}")
                )
        scores = {c: _scores(t) for c, t in totals.items()}
        if as_json:
            payload = {"stories": len(files), "scores": scores, "misses": [
                {"file": f, "category": c, "kind": k, "name": n} for f, c, k, n in misses
            ]}  # fmt: skip
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{len(files)} stories in {directory}")
        for category, score in scores.items():
            self.stdout.write(
                f"{category:<14} precision {score['precision']:.3f}  recall {score['recall']:.3f}"
                f"  (tp {score['tp']}, fp {score['fp']}, fn {score['fn']})"
            )
        for file, category, kind, name in misses:
            self.stdout.write(f"  {file}: {category} {kind}: {name}")

    def _labels(self, path: Path) -> dict:
        label_path = path.with_suffix(".json")
        try:
            return json.loads(label_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(
                f"{label_path}: expected the story's labels as JSON ({exc})"
            ) from exc


def _scores(t: dict) -> dict:
    precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), **t}
