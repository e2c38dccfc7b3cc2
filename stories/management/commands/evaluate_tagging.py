"""evaluate_tagging DIR [-v] [--json] — how well the suggestion engine tags labelled stories.

DIR holds NAME.txt (a story in the plain-text format) and NAME.json (its labels; see
stories/evaluation.py for both label formats). Registry suggestions, candidates, organizations
overall, countries, people, mention spans, the source line and the quotes (found, and their
speakers' precision and recall) are scored apart, and the recall per organization kind; `-v`
lists the misses.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.matching import PersonFinding
from people.matching.quotes import find_quotes
from people.models import Organization, OrganizationAlias
from people.names import name_key
from people.resolution import is_known_organization
from stories.evaluation import Evaluation, LabelError, RegistryNames, read_labels, score_story
from stories.importers.errors import StoryImportError
from stories.importers.plaintext import read_story_file
from stories.tagging import parsed_story_text, source_organization, story_findings


class Command(BaseCommand):
    help = "Score the engine's suggestions, candidates, countries, people, mentions and source "
    help += "lines against labelled stories."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # A bare `-v` (no level) lists the misses: verbosity 2.
        verbosity = next(a for a in parser._actions if a.dest == "verbosity")
        verbosity.nargs, verbosity.const = "?", 2
        return parser

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, directory, as_json, verbosity, **options):
        files = sorted(Path(directory).glob("*.txt"))
        if not files:
            raise CommandError(f"{directory}: expected NAME.txt files with NAME.json labels")
        registry = registry_names()
        evaluation = Evaluation()
        for path in files:
            try:
                labels = read_labels(path.with_suffix(".json"))
                parsed = read_story_file(path, is_known_organization=is_known_organization)
            except (LabelError, StoryImportError) as error:
                raise CommandError(str(error)) from error
            findings = story_findings(parsed)
            source = speaker = None
            if parsed.source is not None and parsed.source.person_name:
                organization = source_organization(parsed, findings)
                source = (parsed.source.person_name, parsed.source.title, organization)
                # the source line's person, as the importer gives the quote finder the role
                speaker = PersonFinding(*source)
            text = parsed_story_text(parsed)
            quotes = find_quotes(parsed.paragraphs, findings, speaker)
            score_story(evaluation, path.name, labels, findings, text, registry, source, quotes)
        scores = evaluation.scores()
        if as_json:
            payload = {"stories": evaluation.stories, "scores": scores}
            if verbosity > 1:
                payload["misses"] = evaluation.misses
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{evaluation.stories} stories in {directory}")
        for line in report_lines(scores):
            self.stdout.write(line)
        if verbosity > 1:
            for miss in evaluation.misses:
                self.stdout.write(
                    f"  {miss['file']}: {miss['category']} {miss['kind']}: {miss['name']}"
                )


def registry_names() -> RegistryNames:
    """Every organization's name_keys (name and aliases) and the kind each key names."""
    keys_by_id: dict[int, set[str]] = {}
    kind_by_key: dict[str, str] = {}
    kinds = {}
    rows = Organization.objects.values_list("pk", "name", "name_key", "kind", "country")
    countries = {code: name for _, name, _, kind, code in rows if kind == "country" and code}
    country_of = {}
    for pk, name, key, kind, code in rows:
        keys_by_id[pk] = {key}
        kinds[pk], country_of[pk] = kind, code
        kind_by_key.setdefault(key, kind)
        if own := _without_country(name, countries.get(code)):
            keys_by_id[pk].add(f"{name_key(own)}@{code}")
        if name.endswith(")") and " (" in name:
            # "National Security Division (U.S. Department of Justice)": the registry's
            # qualifier tells apart bodies of one name; a label names the body as it calls itself
            bare = name_key(name[: name.rfind(" (")])
            keys_by_id[pk].add(bare)
            kind_by_key.setdefault(bare, kind)
    for pk, name in OrganizationAlias.objects.values_list("organization_id", "name"):
        key = name_key(name)
        keys_by_id.setdefault(pk, set()).add(key)
        kind_by_key.setdefault(key, kinds.get(pk, ""))
        if own := _without_country(name, countries.get(country_of.get(pk))):
            keys_by_id[pk].add(f"{name_key(own)}@{country_of[pk]}")
    for keys in keys_by_id.values():
        for key in [k for k in keys if "@" in k]:
            kind_by_key.setdefault(key, "")
    return RegistryNames(keys_by_id, kind_by_key)


def _without_country(name: str, country: str | None) -> str:
    """ "Department of Finance" for the registry's "Department of Finance of Ireland": the
    registry tells apart bodies of one name by their country; a label names the body as it
    calls itself, with its country beside (compared as "name@country")."""
    for ending in (f" of the {country}", f" of {country}", f" {country}") if country else ():
        if name.endswith(ending) and " " in name[: -len(ending)].strip(" ,"):
            return name[: -len(ending)].strip(" ,")
    return ""


def report_lines(scores: dict) -> list[str]:
    """The scores as the text report prints them."""

    def pr(label: str, s: dict, *, recall_label: str = "recall") -> str:
        return (
            f"{label:<26} precision {s['precision']:.3f} ({s['tp']}/{s['tp'] + s['fp']})  "
            f"{recall_label} {s['recall']:.3f} ({s['tp']}/{s['tp'] + s['fn']})"
        )

    candidates = scores["candidates"]
    organizations = scores["organizations"]
    found = organizations["tp"]
    gold = organizations["tp"] + organizations["fn"]
    source = scores["source"]
    lines = [
        pr("registry suggestions", scores["registry"]),
        f"{'candidates':<26} precision {candidates['precision']:.3f} "
        f"({candidates['tp']}/{candidates['tp'] + candidates['fp']})  recall of the "
        f"organizations the registry lacks {candidates['recall']:.3f} "
        f"({candidates['lacking']['found']}/{candidates['lacking']['gold']})",
        f"{'organizations overall':<26} recall {found / gold if gold else 1:.3f} ({found}/{gold})"
        f"  precision {organizations['precision']:.3f}",
        pr("countries", scores["countries"]),
        pr("people", scores["people"]),
        pr("mention spans", scores["mentions"]),
        f"{'ambiguous mentions':<26} {scores['ambiguous']}",
    ]
    if source["of"]:
        lines.append(
            f"{'source line':<26} all right {source['all']}/{source['of']}  person "
            f"{source['person']}/{source['of']}, title {source['title']}/{source['of']}, "
            f"organization {source['organization']}/{source['of']}"
        )
    quotes = scores["quotes"]
    if quotes["gold"]:
        lines.append(
            f"{'quotes found':<26} recall {quotes['recall']:.3f} ({quotes['found']}/"
            f"{quotes['gold']}), {quotes['extra']} not in the labels"
        )
        lines.append(
            f"{'quote speakers':<26} precision {quotes['speaker_precision']:.3f} "
            f"({quotes['right']}/{quotes['with_speaker']})  recall "
            f"{quotes['speaker_recall']:.3f} ({quotes['right']}/{quotes['gold_with_speaker']})"
        )
    lines.append("recall per organization kind (registry, with candidates):")
    for kind, counts in scores["kinds"].items():
        lines.append(
            f"  {kind:<24} {counts['registry']}/{counts['gold']}, "
            f"{counts['found']}/{counts['gold']}"
        )
    return lines
