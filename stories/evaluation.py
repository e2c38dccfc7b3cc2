"""Scoring the suggestion engine against labelled stories (the `evaluate_tagging` command).

A labelled story is NAME.txt (the plain-text format) beside NAME.json. Two label formats are read:

- the current one: {"source": {"name", "title", "organization"} | null, "organizations":
  [{"name", "also": [...], "kind", "country", "parent", "mentions": [exact strings]}],
  "countries": [names], "people": [{"name", "title", "organization"}], "quotes": [...]};
- the older one of tests/tagging_regressions: {"organizations": [names],
  "organization_mentions": {name: [strings]}, "countries": [...], "people": [...]}.

A gold organization matches a suggestion when one of its names ("name" and "also") and one of
the suggestion's (the registry name and its aliases, or the candidate's name) share a name_key.
Each figure is kept apart: registry suggestions, candidates, organizations overall, countries,
people, mention spans, the source line, and recall per organization kind.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from people.matching import Entry, Findings, fold
from people.matching.index import company_short_forms, subcommittee_named_under
from people.matching.lexicon import ONE_LEGAL_FORM, is_title_word
from people.matching.quotes import Quote
from people.matching.results import A_GOVERNMENT
from people.names import name_key, plain_name

UNLABELLED = "unlabelled"
GOVERNMENT_KEY = "\x00government"  # the key a country's government has whatever its style


class LabelError(Exception):
    """A label file the evaluation cannot read."""


@dataclass
class GoldOrganization:
    name: str
    also: list[str] = field(default_factory=list)
    kind: str = ""
    country: str = ""
    parent: str = ""
    mentions: list[str] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        """Its names' keys, and each with its country ("department of finance@IE"), which
        the registry's "Department of Finance of Ireland" also has (evaluate_tagging)."""
        names = [n for n in [self.name, *self.also] if n]
        if under := subcommittee_named_under(self.parent, self.name):
            names.append(under)  # "House Energy and Commerce Subcommittee on Health"
        if self.kind == "company":  # "Acme Widgets" is "Acme Widgets Co., Ltd."
            names += [form for n in names for form in company_short_forms(n) if " " in form]
            names += [form for n in names for form in _without_legal_forms(n)]
        keys = {name_key(n) for n in names}
        if self.kind == "country" and self.country:
            keys.add(f"{GOVERNMENT_KEY}@{self.country}")  # its government, in whatever style
        return keys | {f"{key}@{self.country}" for key in keys if self.country}


_LAST_LEGAL_FORM = re.compile(ONE_LEGAL_FORM + "$", re.I)


def _without_legal_forms(name: str) -> list[str]:
    """The name without its last legal form, then without the one before: "Paxos Trust
    Company, LLC" is also "Paxos Trust Company" (and "Paxos Trust")."""
    forms = []
    while (match := _LAST_LEGAL_FORM.search(name)) and match.start() > 0:
        name = name[: match.start()]
        if " " in name:
            forms.append(name)
    return forms


@dataclass
class GoldSource:
    name: str
    title: str
    organization: str


@dataclass
class GoldQuote:
    text: str
    speaker: str  # "" when the text does not say who spoke
    speaker_kind: str  # "person", "organization" or ""


@dataclass
class Labels:
    organizations: list[GoldOrganization]
    countries: list[str]
    people: list[str]
    source: GoldSource | None
    has_source: bool  # the older format does not label the source line
    quotes: list[GoldQuote] = field(default_factory=list)


def read_labels(path: Path) -> Labels:
    """The labels in `path` (either format). Raises LabelError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path}: expected the story's labels as JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise LabelError(f"{path}: expected a JSON object of labels")
    organizations = []
    mentions = data.get("organization_mentions", {})
    for item in data.get("organizations", []):
        if isinstance(item, str):
            organizations.append(GoldOrganization(item, mentions=list(mentions.get(item, []))))
        elif isinstance(item, dict) and item.get("name"):
            organizations.append(
                GoldOrganization(
                    name=item["name"],
                    also=[a for a in item.get("also") or [] if a],
                    kind=item.get("kind") or "",
                    country=item.get("country") or "",
                    parent=item.get("parent") or "",
                    mentions=[m for m in item.get("mentions") or [] if m],
                )
            )
        else:
            raise LabelError(f"{path}: expected each organization as a name or {{'name': …}}")
    people = [p["name"] if isinstance(p, dict) else p for p in data.get("people", [])]
    source = data.get("source")
    gold_source = None
    if isinstance(source, dict) and source.get("name"):
        gold_source = GoldSource(
            source["name"], source.get("title") or "", source.get("organization") or ""
        )
    quotes = []
    for item in data.get("quotes") or []:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise LabelError(f"{path}: expected each quote as {{'text': …, 'speaker': …}}")
        quotes.append(
            GoldQuote(item["text"], item.get("speaker") or "", item.get("speaker_kind") or "")
        )
    return Labels(
        quotes=quotes,
        organizations=organizations,
        countries=list(data.get("countries", [])),
        people=[p for p in people if p],
        source=gold_source,
        has_source="source" in data,
    )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Evaluation:
    """Totals over a corpus, and the misses that make them."""

    stories: int = 0
    registry: Counts = field(default_factory=Counts)
    candidates: Counts = field(default_factory=Counts)  # tp and fp only
    lacking: dict[str, int] = field(default_factory=lambda: {"gold": 0, "found": 0})
    organizations: Counts = field(default_factory=Counts)  # suggestions + candidates
    countries: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    mentions: Counts = field(default_factory=Counts)
    ambiguous: int = 0
    source: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("person", "title", "organization", "all", "of"), 0)
    )
    kinds: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: {"gold": 0, "registry": 0, "found": 0})
    )
    quotes: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("gold", "found", "extra", "with_speaker", "gold_with_speaker", "right"), 0
        )
    )
    misses: list[dict] = field(default_factory=list)

    def miss(self, file: str, category: str, kind: str, name: str) -> None:
        self.misses.append({"file": file, "category": category, "kind": kind, "name": name})

    def scores(self) -> dict:
        return {
            "registry": self.registry.as_dict(),
            "candidates": {
                **self.candidates.as_dict(),
                "fn": self.lacking["gold"] - self.lacking["found"],
                "recall": round(self.lacking["found"] / self.lacking["gold"], 4)
                if self.lacking["gold"]
                else 1.0,
                "lacking": dict(self.lacking),
            },
            "organizations": self.organizations.as_dict(),
            "countries": self.countries.as_dict(),
            "people": self.people.as_dict(),
            "mentions": self.mentions.as_dict(),
            "ambiguous": self.ambiguous,
            "source": dict(self.source),
            "kinds": {kind: dict(counts) for kind, counts in sorted(self.kinds.items())},
            "quotes": self.quote_scores(),
        }

    def quote_scores(self) -> dict:
        """Quotes found (recall of the gold texts) and their speakers: precision over the quotes
        given a speaker (a quote that is no gold quote has a wrong one), recall over the gold
        quotes that have one."""
        q = self.quotes

        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            **q,
            "recall": ratio(q["found"], q["gold"]),
            "speaker_precision": ratio(q["right"], q["with_speaker"]),
            "speaker_recall": ratio(q["right"], q["gold_with_speaker"]),
        }


@dataclass(frozen=True)
class RegistryNames:
    """The registry's names as the evaluation compares them."""

    keys_by_id: dict[int, set[str]]  # organization id -> name_keys of its name and aliases
    kind_by_key: dict[str, str]  # every name_key -> the kind of an organization so called

    def knows(self, gold: GoldOrganization) -> bool:
        return bool(gold.keys & self.kind_by_key.keys())

    def names_of(self, name: str) -> set[str]:
        """Every name_key of the organization the registry calls `name` (itself when none)."""
        key = name_key(name)
        for keys in self.keys_by_id.values():
            if key in keys:
                # a source line names its own body: "Department of Finance" in Dublin's release
                return keys | {key} | {k.partition("@")[0] for k in keys}
        return {key}


def score_story(
    evaluation: Evaluation,
    file: str,
    labels: Labels,
    findings: Findings,
    text: str,
    registry: RegistryNames,
    parsed_source: tuple[str, str, str] | None,
    quotes: list[Quote] | None = None,
) -> None:
    """Add one story to `evaluation`. `parsed_source`: (person, title, organization) as the
    importer read the source line (organization as the registry names it), or None. `quotes`:
    the quotes found in the story's body, scored against the labels' when given."""
    evaluation.stories += 1
    gold = labels.organizations
    suggestion_keys = [
        (s, registry.keys_by_id.get(s.entry.id, set()) | {name_key(s.entry.name)})
        for s in findings.organizations
    ]
    # A part named before its body ("Executive Board" of the IMF) is that body's "Executive Board
    # of the International Monetary Fund", as the registry would name it.
    # A country's government is the one whatever its style: "Government of Nigeria" is the
    # labels' "Federal Government of Nigeria".
    # (The parent as the registry names it, less a remark that tells it from its namesakes:
    # "National Data Protection Authority (Brazil)".)
    candidate_keys = []
    for c in findings.candidates:
        parent = plain_name(c.parent)
        keys = {name_key(c.name)}
        if parent:
            keys |= {name_key(f"{c.name} of {parent}"), name_key(f"{c.name} of the {parent}")}
        if c.reason == A_GOVERNMENT:
            keys.add(f"{GOVERNMENT_KEY}@{c.country_guess}")
        candidate_keys.append((c, keys))

    def matching(keys: set[str], entry=None) -> list[GoldOrganization]:
        return [g for g in gold if g.keys & keys and same_body(g, entry)]

    for suggestion, keys in suggestion_keys:
        if matching(keys, suggestion.entry):
            evaluation.registry.tp += 1
        else:
            evaluation.registry.fp += 1
            evaluation.miss(file, "registry", "extra", suggestion.entry.name)
    for candidate, keys in candidate_keys:
        if matching(keys):
            evaluation.candidates.tp += 1
        else:
            evaluation.candidates.fp += 1
            evaluation.miss(file, "candidates", "extra", candidate.name)
    evaluation.ambiguous += len(findings.ambiguous)
    for ambiguity in findings.ambiguous:
        options = " / ".join(e.name for e in ambiguity.options)
        evaluation.miss(file, "ambiguous", "choice", f"{ambiguity.mention.text}: {options}")

    gold_spans: set[tuple[int, int, int]] = set()  # (gold index, start, end)
    for n, organization in enumerate(gold):
        for surface in organization.mentions:
            for start in _occurrences(text, surface):
                gold_spans.add((n, start, start + len(surface)))
    # A gold string inside a longer gold mention ("State" in "Secretary of State") is not its own.
    gold_spans = {
        (n, start, end)
        for n, start, end in gold_spans
        if not any(s <= start and end <= e and e - s > end - start for _, s, e in gold_spans)
    }
    found_spans: set[tuple[int, int, int]] = set()
    engine_spans: set[tuple[int, int]] = set()
    for found, keys in [*suggestion_keys, *candidate_keys]:
        entry = getattr(found, "entry", None)
        indexes = [n for n, g in enumerate(gold) if g.keys & keys and same_body(g, entry)]
        for mention in found.mentions:
            engine_spans.add((mention.start, mention.end))
            found_spans.update((n, mention.start, mention.end) for n in indexes)
    right_spans = gold_spans & found_spans
    evaluation.mentions.tp += len(right_spans)
    evaluation.mentions.fn += len(gold_spans - right_spans)
    evaluation.mentions.fp += len(engine_spans - {(s, e) for _, s, e in right_spans})
    for _, start, end in sorted(gold_spans - right_spans, key=lambda s: s[1]):
        evaluation.miss(file, "mentions", "missed", f"{text[start:end]!r} at {start}")

    for organization in gold:
        by_registry = any(
            organization.keys & keys and same_body(organization, suggestion.entry)
            for suggestion, keys in suggestion_keys
        )
        by_candidate = any(organization.keys & keys for _, keys in candidate_keys)
        known = registry.knows(organization)
        kind = organization.kind or next(
            (registry.kind_by_key[k] for k in organization.keys if k in registry.kind_by_key),
            UNLABELLED,
        )
        counts = evaluation.kinds[kind]
        counts["gold"] += 1
        counts["registry"] += by_registry
        counts["found"] += by_registry or by_candidate
        evaluation.registry.fn += not by_registry
        if by_registry or by_candidate:
            evaluation.organizations.tp += 1
        else:
            evaluation.organizations.fn += 1
            where = "in the registry" if known else "not in the registry"
            evaluation.miss(file, "organizations", "missed", f"{organization.name} ({where})")
        if not known:
            evaluation.lacking["gold"] += 1
            evaluation.lacking["found"] += by_candidate
    evaluation.organizations.fp += sum(
        1 for suggestion, keys in suggestion_keys if not matching(keys, suggestion.entry)
    ) + sum(1 for _, keys in candidate_keys if not matching(keys))

    country_keys = [
        (s.entry.name, registry.keys_by_id.get(s.entry.id, set()) | {name_key(s.entry.name)})
        for s in findings.countries
    ]
    gold_countries = {name_key(c): c for c in labels.countries}
    for name, keys in country_keys:
        if keys & gold_countries.keys():
            evaluation.countries.tp += 1
        else:
            evaluation.countries.fp += 1
            evaluation.miss(file, "countries", "extra", name)
    for key, name in gold_countries.items():
        if not any(key in keys for _, keys in country_keys):
            evaluation.countries.fn += 1
            evaluation.miss(file, "countries", "missed", name)

    found_people = {name_key(p.name): p.name for p in findings.people}
    gold_people = {name_key(p): p for p in labels.people}
    for key, name in found_people.items():
        if key in gold_people:
            evaluation.people.tp += 1
        else:
            evaluation.people.fp += 1
            evaluation.miss(file, "people", "extra", name)
    for key, name in gold_people.items():
        if key not in found_people:
            evaluation.people.fn += 1
            evaluation.miss(file, "people", "missed", name)

    if labels.has_source:
        _score_source(evaluation, file, labels, parsed_source, registry)
    if quotes is not None:
        score_quotes(evaluation, file, labels, quotes, registry)


def same_body(gold: GoldOrganization, entry: Entry | None) -> bool:
    """Whether a registry entry that shares a name with a gold organization is that body: not
    when both are public bodies of different countries (the U.S. Senate for Thailand's Senate,
    Britain's National Cyber Security Centre for New Zealand's). A company's country is where
    one source or another places its head office (Rio Tinto, Airbus), so it is not compared."""
    if entry is None or not gold.country or not entry.country:
        return True  # (a candidate, or a body of no country)
    if gold.country.upper() == entry.country.upper():
        return True
    return gold.kind == "company" and entry.kind == "company"


def score_quotes(
    evaluation: Evaluation,
    file: str,
    labels: Labels,
    quotes: list[Quote],
    registry: RegistryNames | None = None,
) -> None:
    """Add one story's quotes: each gold quote is matched, in order, with a found quote of the
    same text (typography folded); its speaker is right when it names the gold speaker (for an
    organization, by one of the names the labels or the registry give it)."""
    counts = evaluation.quotes
    unused = list(quotes)
    for gold in labels.quotes:
        counts["gold"] += 1
        counts["gold_with_speaker"] += bool(gold.speaker)
        found = next((q for q in unused if _quote_key(q.text) == _quote_key(gold.text)), None)
        if found is None:
            evaluation.miss(file, "quotes", "missed", _short(gold.text))
            continue
        unused.remove(found)
        counts["found"] += 1
        name = found.speaker.name if found.speaker else ""
        counts["with_speaker"] += bool(name)
        keys = {name_key(gold.speaker)} if gold.speaker else set()
        for organization in labels.organizations:
            if gold.speaker_kind == "organization" and name_key(gold.speaker) in organization.keys:
                keys |= organization.keys
        found_keys = registry.names_of(name) if registry and name else {name_key(name)}
        if name and found_keys & keys:
            counts["right"] += 1
        elif name or gold.speaker:
            expected = gold.speaker or "no speaker"
            evaluation.miss(
                file,
                "quotes",
                "speaker",
                f"{_short(gold.text)}: {name or 'no speaker'!r}, expected {expected!r}",
            )
    for extra in unused:
        counts["extra"] += 1
        counts["with_speaker"] += extra.speaker is not None
        evaluation.miss(file, "quotes", "extra", _short(extra.text))


def _quote_key(text: str) -> str:
    return name_key(text).strip()


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "…")


def _titles_without_their_place(title: str) -> set[str]:
    """The labelled `title` less a body or place written into it: the capitalized words before
    its first title word ("U.S. Transportation Secretary", "EPA Administrator") or the "of"/"for"
    phrase after it ("Governor of Oregon", "President of the Riigikogu")."""
    forms = set()
    words = title.split()
    for cut in range(1, min(4, len(words))):
        if all(w[:1].isupper() and not is_title_word(w.lower()) for w in words[:cut]):
            forms.add(name_key(" ".join(words[cut:])))
    for match in _PLACE_AFTER.finditer(title):
        place = title[match.end() - 1 :]
        # (not a second role: "Chairman of the CDU and Leader of the … Group")
        if " and " not in place and not any(is_title_word(w.lower()) for w in place.split()):
            forms.add(name_key(title[: match.start()]))
    return forms


_PLACE_AFTER = re.compile(r" (?:of|for) (?:the )?[A-Z]")


def _score_source(evaluation, file, labels: Labels, parsed, registry: RegistryNames) -> None:
    evaluation.source["of"] += 1
    gold = labels.source
    if gold is None:
        right = dict.fromkeys(("person", "title", "organization"), parsed is None or not parsed[0])
    else:
        person, title, organization = parsed or ("", "", "")
        organization_keys = {name_key(gold.organization)} if gold.organization else {""}
        for item in labels.organizations:
            if gold.organization and name_key(gold.organization) in item.keys:
                organization_keys |= item.keys
        right = {
            "person": name_key(person or "") == name_key(gold.name),
            "title": name_key(title) == name_key(gold.title),
            # the organization the registry knows under another of its names is the same one
            "organization": bool(
                registry.names_of(organization) & organization_keys
                if organization
                else "" in organization_keys
            ),
        }
        if not right["title"] and right["organization"] and organization:
            # "EPA Administrator", "Governor of Oregon" in the labels, "Administrator" at the
            # EPA, "Governor" of the State of Oregon read: the same role, the body kept out
            # of the title as the source line's resolution keeps it
            right["title"] = name_key(title) in _titles_without_their_place(gold.title)
    for part, ok in right.items():
        evaluation.source[part] += ok
        if not ok:
            shown = parsed[("person", "title", "organization").index(part)] if parsed else ""
            expected = getattr(gold, "name" if part == "person" else part, "") if gold else ""
            evaluation.miss(file, "source", part, f"{shown!r}, expected {expected!r}")
    evaluation.source["all"] += all(right.values())


def _occurrences(text: str, surface: str) -> list[int]:
    """Where `surface` stands in `text` as whole words (typography folded on both sides)."""
    pattern = re.compile(rf"(?<!\w){re.escape(fold(surface))}(?!\w)")
    return [match.start() for match in pattern.finditer(fold(text))]
