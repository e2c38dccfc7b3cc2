"""Find organizations, countries and people mentioned in a text. Pure functions: no database.

`AliasIndex` is built once from the registry (canonical names, aliases, people and their titles)
into two Aho-Corasick automata — one case-insensitive for names, one case-sensitive for acronyms
and one-word names ("EPA", "US", "Georgia") — so a text is scanned once whatever the size of the
registry. `AliasIndex.find(text)` returns what a newsroom editor needs to tag a story:

- organizations and countries, in order of first mention, each with its mentions (surface form
  and character offsets into `text`), a confidence and the reason;
- candidates: organization-like phrases the registry does not know ("Ministry of Water
  Resources", "C5+1"), to create with one click;
- ambiguous mentions (one alias, several organizations) that the context could not settle;
- people: known ones by name, nickname or title + surname, new ones from "title + name" phrases.

Text is compared with typography folded (curly quotes, dashes, odd spaces), diacritics removed
and, for names of two words or more, case ignored. Folding keeps every character in place, so
offsets in the folded text are offsets in the original.
"""

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

# --- folding: same length in, same length out --------------------------------------------------

_TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    "\n": " ", "\r": " ", "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L",
    "\u0111": "d", "\u0110": "D", "\u0131": "i",
}  # fmt: skip


def _build_fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _TYPOGRAPHY.items()}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if code in table:
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Typography and diacritics folded, case kept; as long as `text`."""
    return text.translate(_FOLD)


def fold_lower(text: str) -> str:
    """`fold` and lower case, as long as `text` (a letter whose lower case is longer keeps it)."""
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def _key(name: str, *, case_sensitive: bool) -> str:
    name = re.sub(r"\s+", " ", name.strip())
    if name.lower().startswith("the ") and len(name) > 4:
        name = name[4:]
    return fold(name) if case_sensitive else fold_lower(name)


def is_case_sensitive_name(name: str) -> bool:
    """One-word names and acronyms match only as written ("EPA", "US", "Georgia", "Fed")."""
    return " " not in name.strip()


def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and " " not in name and sum(c.isupper() for c in letters) >= 2


# --- what goes in and what comes out -------------------------------------------------------------

COUNTRY = "country"


@dataclass(frozen=True)
class Entry:
    """An organization (or a country: kind "country") of the registry."""

    id: int
    name: str
    kind: str
    slug: str = ""
    country: str = ""
    parent_id: int | None = None


@dataclass(frozen=True)
class PersonEntry:
    id: int
    full_name: str
    nickname: str = ""
    titles: tuple[tuple[str, int | None], ...] = ()  # (title, organization id)


@dataclass
class Mention:
    text: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Suggestion:
    entry: Entry
    confidence: float
    reason: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else 0


@dataclass
class Candidate:
    """An organization-like phrase the registry does not know."""

    name: str
    kind_guess: str
    reason: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Ambiguity:
    mention: Mention
    options: list[Entry]


@dataclass
class PersonFinding:
    name: str
    title: str = ""
    organization: str = ""
    person: PersonEntry | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return self.person is not None


@dataclass
class Findings:
    organizations: list[Suggestion]
    countries: list[Suggestion]
    candidates: list[Candidate]
    ambiguous: list[Ambiguity]
    people: list[PersonFinding]


# --- organization kinds guessed from a name (for candidates and new organizations) ---------------

_KIND_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bministry\b", re.I), "ministry"),
    (re.compile(r"\b(committee|comminttee|senate|house of|congress|parliament|assembly)\b", re.I),
     "legislature"),
    (re.compile(r"\b(university|college|institute of technology)\b", re.I), "university"),
    (re.compile(r"\b(department|agency|administration|bureau|office|commission|service|"
                r"embassy|consulate)\b", re.I), "agency"),
    (re.compile(r"\b(county|city of|state of|province|municipal)\b", re.I), "subnational"),
    (re.compile(r"\b(inc|corp|corporation|company|co|llc|ltd|plc|group|trading)\b\.?", re.I),
     "company"),
    (re.compile(r"\b(foundation|conservancy|society|association|trust|federation|"
                r"cooperative|alliance|coalition|red cross)\b", re.I), "nonprofit"),
    (re.compile(r"\b(news|times|post|radio|television|tv)\b", re.I), "media"),
    (re.compile(r"^[A-Z]\d+\+\d+$"), "multilateral"),
]  # fmt: skip


def guess_organization_kind(name: str) -> str:
    """Return the organization kind a name suggests ("ministry", "agency", …), else "other"."""
    found = [(m.start(), kind) for pattern, kind in _KIND_HINTS if (m := pattern.search(name))]
    if not found:
        return "other"
    # "Ministry of Energy": the first word decides; "Farm Bureau Federation": the last.
    return min(found)[1] if " of " in name else max(found)[1]


# --- phrases ------------------------------------------------------------------------------------

TITLE_WORDS = {
    "acting", "administrator", "adviser", "advisor", "ambassador", "assistant", "associate",
    "attorney", "ceo", "chair", "chairman", "chairwoman", "chairperson", "chancellor", "chief",
    "commissioner", "congressman", "congresswoman", "coordinator", "counselor", "dean",
    "deputy", "director", "director-general", "envoy", "executive", "foreign", "general",
    "governor", "head", "leader", "mayor", "minister", "officer", "premier", "president",
    "press", "prime", "principal", "professor", "representative", "secretary",
    "secretary-general", "senator", "senior", "speaker", "special", "spokesman",
    "spokesperson", "spokeswoman", "under", "vice", "rep.", "sen.", "gov.", "dr.",
}  # fmt: skip
_MINISTRY_TOPICS = {
    "foreign": "foreign affairs", "foreign affairs": "foreign affairs", "defense": "defense",
    "defence": "defence", "finance": "finance", "economy": "economy", "energy": "energy",
    "trade": "trade", "interior": "interior", "health": "health", "agriculture": "agriculture",
    "education": "education", "justice": "justice", "environment": "environment",
}  # fmt: skip
_TOPIC_WORDS = "|".join(sorted(_MINISTRY_TOPICS, key=len, reverse=True))
# "Uzbekistan Foreign Minister", "Uzbekistan’s Minister of Foreign Affairs"
_MINISTER_AFTER = re.compile(
    rf"^(?:'s)?\s+(?:(?P<topic>{_TOPIC_WORDS})\s+Minister|Minister\s+of\s+(?P<topic2>{_TOPIC_WORDS}))"
    r"\b",
    re.I,
)
# "Foreign Minister of Uzbekistan"
_MINISTER_BEFORE = re.compile(
    rf"(?:(?P<topic>{_TOPIC_WORDS})\s+Minister|Minister\s+of\s+(?P<topic2>{_TOPIC_WORDS}))"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*(?P<acr>[A-Z][A-Za-z0-9&.+-]{1,14})\s*\)")

_CAP = r"[A-Z][\w'.&-]*"
_CONNECTOR = r"(?:of|for|and|the|on|in|de|del|des|du|la|le|to)"
_PHRASE = re.compile(rf"{_CAP}(?:,? (?:{_CONNECTOR} )*{_CAP})*")
# "Secretary of the Treasury" → the Department of the Treasury, when the registry has it.
_CABINET_TITLE = re.compile(
    r"\bSecretary of (?P<the>the )?(?P<dept>[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)"
)
_GROUP = re.compile(r"(?<![\w+])[A-Z]\d+\+\d+(?![\w+])")
ORG_HEADS = {
    "agency", "commission", "committee", "comminttee", "council", "bureau", "office",
    "service", "authority", "institute", "foundation", "association", "federation",
    "conservancy", "corporation", "company", "inc.", "inc", "corp.", "corp", "llc", "ltd.",
    "ltd", "university", "college", "bank", "organization", "organisation", "party",
    "parliament", "assembly", "court", "ministry", "department", "administration", "group",
    "alliance", "coalition", "union", "league", "society", "trust", "board", "cooperative",
    "partnership", "network", "laboratory", "academy", "trading", "industries", "senate",
    "secretariat", "commissariat", "embassy", "consulate", "directorate", "forces", "guard",
    "chamber", "police", "cross", "government",
}  # fmt: skip
_HEAD_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "del",
    "della",
    "di",
    "bin",
    "al",
    "le",
    "la",
}
_SURNAME_TITLE = re.compile(
    r"(?:Minister|Secretary|Spokesperson|Director|Ambassador|Mr\.|Ms\.|President|Chairman|"
    r"Chair|Administrator|Governor|Senator|Dean)\s+$"
)
_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(h.rstrip(".")) for h in sorted(ORG_HEADS)) + r")\b", re.I
)
_HEAD_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(h.rstrip(".")) for h in sorted(ORG_HEADS)) + r")\b", re.I
)
_EXTENDING_HEADS = {"embassy", "consulate"}  # "U.S. Embassy Nairobi"
_PREPOSITIONS = {"of", "for", "on", "in"}
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to"}
_NOT_ORG_WORDS = {
    "act", "program", "programme", "fund", "initiative", "ministerial", "summit", "conference",
    "expo", "fair", "week", "day", "plan", "strategy", "treaty", "agreement", "accord",
}  # fmt: skip
_STOP_WORDS = {
    "the", "a", "an", "on", "in", "at", "by", "for", "and", "but", "as", "after", "before",
    "during", "this", "that", "these", "those", "according", "both", "officials", "today",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "while", "when", "under", "with", "from", "it", "its", "their",
    "his", "her", "our", "we", "they", "he", "she", "members", "farmers", "residents",
    "teams", "visitors", "families", "public-health", "anti-hunger", "twenty-two",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z'’-]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.|[A-Z][a-z]+[A-Z][a-z]+)$")
_TITLE_AUTOMATON = ahocorasick.Automaton()  # where a capitalized title word starts
for _title in TITLE_WORDS:
    for _form in {_title.capitalize(), _title.title(), _title.upper()}:
        _TITLE_AUTOMATON.add_word(_form, len(_form))
_TITLE_AUTOMATON.make_automaton()
_PARTICLES = {"von", "van", "der", "den", "de", "da", "del", "della", "di", "bin", "al", "le", "la"}
_SURNAME_TITLE = re.compile(
    r"(?:Minister|Secretary|Spokesperson|Director|Ambassador|Mr\.|Ms\.|President|Chairman|"
    r"Chair|Administrator|Governor|Senator|Dean)\s+$"
)
_WORD = re.compile(r"[\w'’.+&-]+|\"|“|”")


# --- the index ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    entry_id: int
    confidence: float
    reason: str


@dataclass
class _Hit:
    start: int
    end: int
    targets: tuple[_Target, ...]


class AliasIndex:
    """Everything needed to scan a text, built once per registry version."""

    def __init__(
        self,
        entries: Iterable[Entry],
        aliases: Iterable[tuple[int, str, bool]] = (),
        people: Iterable[PersonEntry] = (),
    ):
        """`aliases`: (entry id, alias, case sensitive); canonical names come from `entries`."""
        self.entries: dict[int, Entry] = {entry.id: entry for entry in entries}
        targets: dict[tuple[str, bool], dict[int, _Target]] = defaultdict(dict)

        def add(entry_id: int, name: str, case_sensitive: bool, confidence: float, reason: str):
            key = _key(name, case_sensitive=case_sensitive)
            if len(key) < 2:
                return
            known = targets[(key, case_sensitive)].get(entry_id)
            if known is None or known.confidence < confidence:
                targets[(key, case_sensitive)][entry_id] = _Target(entry_id, confidence, reason)

        for entry in self.entries.values():
            add(entry.id, entry.name, is_case_sensitive_name(entry.name), 0.95, "name")
        for entry_id, alias, case_sensitive in aliases:
            if entry_id not in self.entries:
                continue
            if is_acronym(alias):
                add(entry_id, alias, True, 0.85, f"acronym {alias!r}")
            else:
                add(entry_id, alias, case_sensitive, 0.9, f"alias {alias!r}")

        self._insensitive = ahocorasick.Automaton()
        self._sensitive = ahocorasick.Automaton()
        for (key, case_sensitive), by_entry in targets.items():
            automaton = self._sensitive if case_sensitive else self._insensitive
            automaton.add_word(key, (len(key), tuple(by_entry.values())))
        for automaton in (self._insensitive, self._sensitive):
            if len(automaton):
                automaton.make_automaton()

        self._ministries: dict[tuple[str, str], int] = {}
        countries = {e.country: e for e in self.entries.values() if e.kind == COUNTRY}
        for entry in self.entries.values():
            if entry.kind != "ministry":
                continue
            name = fold_lower(entry.name)
            for topic in set(_MINISTRY_TOPICS.values()):
                if topic in name:
                    code = entry.country or next(
                        (c for c, e in countries.items() if fold_lower(e.name) in name), ""
                    )
                    if code:
                        self._ministries.setdefault((code, topic), entry.id)

        self.people: dict[int, PersonEntry] = {p.id: p for p in people}
        self._people = ahocorasick.Automaton()
        person_keys: dict[str, set[int]] = defaultdict(set)
        for person in self.people.values():
            for key in _person_keys(person):
                person_keys[fold(key)].add(person.id)
        for key, ids in person_keys.items():
            self._people.add_word(key, (len(key), tuple(sorted(ids))))
        if len(self._people):
            self._people.make_automaton()
        self._people_by_key: dict[str, int] = {
            fold_lower(p.full_name): p.id for p in self.people.values()
        }
        self._entry_by_key: dict[str, int] = {}
        for (key, case_sensitive), by_entry in targets.items():
            if len(by_entry) == 1 and not case_sensitive:
                self._entry_by_key[key] = next(iter(by_entry))

    def __len__(self) -> int:
        return len(self.entries)

    def entry_named(self, name: str) -> Entry | None:
        """The entry a (multi-word) name or alias denotes, when exactly one does."""
        entry_id = self._entry_by_key.get(_key(name, case_sensitive=False))
        return self.entries.get(entry_id) if entry_id is not None else None

    # -- scanning --

    def find(self, text: str) -> Findings:
        """Scan `text` once; see the module docstring for what comes back."""
        folded, lowered = fold(text), fold_lower(text)
        hits = self._registry_hits(folded, lowered)
        chosen = _longest_first(hits)

        suggestions: dict[int, Suggestion] = {}
        ambiguous: list[Ambiguity] = []
        pending: list[_Hit] = []
        for hit in chosen:
            if len({t.entry_id for t in hit.targets}) == 1:
                self._add(suggestions, hit.targets[0], text, hit.start, hit.end)
            else:
                pending.append(hit)
        for hit in pending:
            target = self._resolve(hit, suggestions)
            if target is None:
                ambiguous.append(
                    Ambiguity(
                        Mention(text[hit.start : hit.end], hit.start, hit.end),
                        [self.entries[t.entry_id] for t in hit.targets],
                    )
                )
            else:
                self._add(suggestions, target, text, hit.start, hit.end)

        taken = [(h.start, h.end) for h in chosen]
        # A country named inside an organization's name is in the story too ("… of Vietnam").
        for hit in hits:
            ids = {t.entry_id for t in hit.targets}
            if len(ids) == 1 and self.entries[hit.targets[0].entry_id].kind == COUNTRY:
                # … but not a national prefix: "U.S. Department of State" is not about the U.S.
                if any(s < hit.start and hit.end <= e for s, e in taken):
                    self._add(suggestions, hit.targets[0], text, hit.start, hit.end)
        # A candidate may contain a country ("Nuclear Regulatory Authority of Ghana").
        not_countries = [
            (h.start, h.end)
            for h in chosen
            if any(self.entries[t.entry_id].kind != COUNTRY for t in h.targets)
        ]
        candidates = self._candidates(text, folded, not_countries)
        self._short_forms(text, suggestions, candidates)
        self._drop_national_prefixes(suggestions, candidates)
        self._learn_acronyms(text, folded, suggestions, candidates, taken)
        self._implied_ministries(text, folded, suggestions, candidates)
        self._implied_departments(text, folded, suggestions)
        people = self._find_people(text, folded, suggestions, candidates)

        ordered = sorted(suggestions.values(), key=lambda s: s.first)
        for suggestion in ordered:
            suggestion.mentions.sort(key=lambda m: m.start)
        return Findings(
            organizations=[s for s in ordered if s.entry.kind != COUNTRY],
            countries=[s for s in ordered if s.entry.kind == COUNTRY],
            candidates=sorted(candidates.values(), key=lambda c: c.mentions[0].start),
            ambiguous=ambiguous,
            people=people,
        )

    def _registry_hits(self, folded: str, lowered: str) -> list[_Hit]:
        hits: list[_Hit] = []
        for automaton, haystack in ((self._insensitive, lowered), (self._sensitive, folded)):
            if not len(automaton):
                continue
            for end, (length, targets) in automaton.iter(haystack):
                start = end - length + 1
                if _bounded(folded, start, end + 1) and not _qualified(folded, start, end + 1):
                    hits.append(_Hit(start, end + 1, targets))
        # The same words found by both automata ("Georgia" the country's name and a state's
        # alias) are one mention of several organizations: an ambiguity, not two hits.
        merged: dict[tuple[int, int], _Hit] = {}
        for hit in hits:
            same = merged.get((hit.start, hit.end))
            if same is None:
                merged[(hit.start, hit.end)] = hit
            else:
                known = {t.entry_id for t in same.targets}
                extra = tuple(t for t in hit.targets if t.entry_id not in known)
                merged[(hit.start, hit.end)] = _Hit(hit.start, hit.end, same.targets + extra)
        return list(merged.values())

    def _add(self, suggestions, target: _Target, text: str, start: int, end: int) -> None:
        entry = self.entries[target.entry_id]
        suggestion = suggestions.get(entry.id)
        if suggestion is None:
            suggestion = suggestions[entry.id] = Suggestion(entry, target.confidence, target.reason)
        elif target.confidence > suggestion.confidence:
            suggestion.confidence, suggestion.reason = target.confidence, target.reason
        if all(m.start != start for m in suggestion.mentions):
            suggestion.mentions.append(Mention(text[start:end], start, end))

    def _resolve(self, hit: _Hit, suggestions: dict[int, Suggestion]) -> _Target | None:
        """Pick one of several organizations sharing an alias, from what else the text names."""
        found = [s.entry for s in suggestions.values()]
        found_ids = {e.id for e in found}
        foreign_countries = {e.country for e in found if e.kind == COUNTRY and e.country != "US"}
        scores = {}
        for target in hit.targets:
            entry = self.entries[target.entry_id]
            score = 0
            if target.entry_id in found_ids:
                score += 3  # the text names it unambiguously elsewhere
            if entry.parent_id and entry.parent_id in found_ids:
                score += 2
            if any(e.parent_id == entry.id for e in found):
                score += 2
            if entry.kind == COUNTRY and len(foreign_countries - {entry.country}) >= 2:
                score += 1
            if (
                entry.kind != COUNTRY
                and entry.country
                and any(e.country == entry.country and e.kind == entry.kind for e in found)
            ):
                score += 1
            scores[target] = score
        best = max(scores.values())
        winners = [t for t, s in scores.items() if s == best]
        if best == 0 or len(winners) > 1:
            return None
        chosen = winners[0]
        return _Target(chosen.entry_id, 0.6, f"{chosen.reason}, chosen from the context")

    def _candidates(self, text: str, folded: str, taken) -> dict[str, Candidate]:
        candidates: dict[str, Candidate] = {}

        def add(start: int, end: int, reason: str) -> None:
            if _overlaps(start, end, taken):
                return
            name = text[start:end]
            key = fold_lower(name)
            if key in _STOP_WORDS:
                return
            candidate = candidates.get(key)
            if candidate is None:
                candidate = candidates[key] = Candidate(name, guess_organization_kind(name), reason)
            candidate.mentions.append(Mention(name, start, end))

        for match in _GROUP.finditer(folded):
            add(match.start(), match.end(), "a group name such as C5+1")
        taken = sorted(taken)
        taken_starts = [start for start, _ in taken]
        for match in _PHRASE.finditer(folded):
            if not _HEAD_WORD.search(match.group()):
                continue  # most capitalized runs are names and places: no work for them
            if _within(match.start(), match.end(), taken_starts, taken):
                continue  # all of it is a registry name
            for start, end in _organization_spans(folded, match.start(), match.end()):
                add(start, end, "an organization-like phrase not in the registry")
        return candidates

    def _drop_national_prefixes(self, suggestions, candidates) -> None:
        """A candidate's national prefix ("U.S." in "U.S. Embassy Nairobi") is not a country."""
        starts = {m.start for c in candidates.values() for m in c.mentions}
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind == COUNTRY:
                suggestion.mentions = [m for m in suggestion.mentions if m.start not in starts]
                if not suggestion.mentions:
                    del suggestions[entry_id]

    def _short_forms(self, text, suggestions, candidates) -> None:
        """ "Weather Service" after "National Weather Service": a short form, not a new body."""
        for key, candidate in list(candidates.items()):
            for suggestion in list(suggestions.values()):
                name = fold_lower(suggestion.entry.name)
                if " " in key and name.endswith(" " + key):
                    reason = f"short form of {suggestion.entry.name!r}"
                    target = _Target(suggestion.entry.id, 0.7, reason)
                    for mention in candidate.mentions:
                        self._add(suggestions, target, text, mention.start, mention.end)
                    del candidates[key]
                    break

    def _learn_acronyms(self, text, folded, suggestions, candidates, taken) -> None:
        """After "the Environmental Protection Agency (EPA)", EPA means that agency in the text."""
        learned: dict[str, tuple[Entry | None, Candidate | None]] = {}
        inside_candidates = [(m.start, m.end) for c in candidates.values() for m in c.mentions]
        for suggestion in list(suggestions.values()):
            for mention in suggestion.mentions:
                if _overlaps(mention.start, mention.end, inside_candidates):
                    continue  # "Authority of Ghana (NRAG)": the acronym is the candidate's
                if match := _ACRONYM_AFTER.match(folded[mention.end :]):
                    learned.setdefault(match["acr"], (suggestion.entry, None))
        for candidate in candidates.values():
            for mention in candidate.mentions:
                if match := _ACRONYM_AFTER.match(folded[mention.end :]):
                    learned.setdefault(match["acr"], (None, candidate))
        for acronym, (entry, candidate) in learned.items():
            pattern = re.compile(rf"(?<![\w]){re.escape(acronym)}(?![\w+])")
            for match in pattern.finditer(folded):
                start, end = match.span()
                if entry is not None:
                    if any(start == m.start for m in suggestions[entry.id].mentions):
                        continue
                    if _overlaps(start, end, taken) and not _inside_parens(folded, start, end):
                        continue
                    target = _Target(entry.id, 0.8, f"acronym {acronym!r} defined in the text")
                    self._add(suggestions, target, text, start, end)
                elif not any(start == m.start for m in candidate.mentions):
                    candidate.mentions.append(Mention(text[start:end], start, end))

    def _implied_ministries(self, text, folded, suggestions, candidates) -> None:
        """ "Uzbekistan Foreign Minister" names the country's foreign ministry (or a candidate)."""
        for suggestion in list(suggestions.values()):
            if suggestion.entry.kind != COUNTRY:
                continue
            for mention in list(suggestion.mentions):
                after = _MINISTER_AFTER.match(folded[mention.end :])
                before = _MINISTER_BEFORE.search(folded[max(0, mention.start - 60) : mention.start])
                match = after or before
                if not match:
                    continue
                topic = _MINISTRY_TOPICS[(match["topic"] or match["topic2"]).lower()]
                if after:
                    start, end = mention.start, mention.end + after.end()
                else:
                    start, end = mention.start - (len(before.group(0))), mention.end
                    start = max(0, start)
                self._add_ministry(
                    text, suggestions, candidates, suggestion.entry, topic, start, end
                )

    def _implied_departments(self, text, folded, suggestions) -> None:
        for match in _CABINET_TITLE.finditer(folded):
            the = "the " if match["the"] else ""
            entry = self.entry_named(f"Department of {the}{match['dept']}")
            if entry is None and not the:
                entry = self.entry_named(f"Department of the {match['dept']}")
            if entry is not None:
                start, end = match.span()
                reason = f"implied by the title {text[start:end]!r}"
                self._add(suggestions, _Target(entry.id, 0.75, reason), text, start, end)

    def _add_ministry(self, text, suggestions, candidates, country, topic, start, end) -> None:
        title_text = text[start:end]
        ministry_id = self._ministries.get((country.country, topic))
        if ministry_id is not None:
            target = _Target(ministry_id, 0.75, f"implied by the title in {title_text!r}")
            self._add(suggestions, target, text, start, end)
            return
        name = f"Ministry of {topic.title()} of {country.name}"
        key = fold_lower(name)
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(
                name, "ministry", f"implied by the title in {title_text!r}"
            )
        if all(m.start != start for m in candidate.mentions):
            candidate.mentions.append(Mention(title_text, start, end))

    # -- people --

    def _find_people(self, text, folded, suggestions, candidates) -> list[PersonFinding]:
        findings: dict[str, PersonFinding] = {}
        known_spans: list[tuple[int, int]] = []
        if len(self._people):
            hits = []
            for end, (length, ids) in self._people.iter(folded):
                start = end - length + 1
                if _bounded(folded, start, end + 1):
                    hits.append(_Hit(start, end + 1, tuple(_Target(i, 1, "") for i in ids)))
            for hit in _longest_first(hits):
                ids = {t.entry_id for t in hit.targets}
                if len(ids) != 1:
                    continue
                person = self.people[ids.pop()]
                finding = findings.setdefault(
                    f"id:{person.id}", self._known_finding(person, suggestions)
                )
                finding.mentions.append(Mention(text[hit.start : hit.end], hit.start, hit.end))
                known_spans.append((hit.start, hit.end))

        org_spans = {
            (m.start, m.end): s for s in suggestions.values() for m in s.mentions
        }  # fmt: skip
        for start, end, title, name, title_start in _title_name_phrases(folded):
            if _overlaps(start, end, known_spans):
                continue
            person_id = self._people_by_key.get(fold_lower(name))
            if person_id is not None:
                person = self.people[person_id]
                finding = findings.setdefault(
                    f"id:{person_id}", self._known_finding(person, suggestions)
                )
            else:
                finding = findings.get(fold_lower(name))
                if finding is None:
                    organization = self._organization_for_title(
                        folded, title, title_start, org_spans, candidates
                    )
                    finding = findings[fold_lower(name)] = PersonFinding(
                        name=text[end - len(name) : end], title=title, organization=organization
                    )
            finding.mentions.append(Mention(text[start:end], start, end))

        # "Deputy Secretary Landau" after "Christopher Landau" was found: the same person.
        for finding in list(findings.values()):
            if finding.known:
                continue
            surname = finding.name.split()[-1]
            for match in re.finditer(rf"(?<!\w){re.escape(fold(surname))}(?!\w)", folded):
                start, end = match.span()
                if any(m.start <= start < m.end for f in findings.values() for m in f.mentions):
                    continue
                head = folded[max(0, start - 40) : start]
                if _SURNAME_TITLE.search(head):
                    finding.mentions.append(Mention(text[start:end], start, end))
        result = sorted(findings.values(), key=lambda f: min(m.start for m in f.mentions))
        for finding in result:
            finding.mentions.sort(key=lambda m: m.start)
        return result

    def _known_finding(self, person: PersonEntry, suggestions) -> PersonFinding:
        title, organization = "", ""
        if person.titles:
            title, organization_id = person.titles[0]
            if organization_id in self.entries:
                organization = self.entries[organization_id].name
        return PersonFinding(
            name=person.full_name, title=title, organization=organization, person=person
        )

    def _organization_for_title(self, folded, title, title_start, org_spans, candidates) -> str:
        # "Uzbekistan Foreign Minister Bakhtiyor Saidov": the ministry implied just before.
        for candidate in candidates.values():
            for mention in candidate.mentions:
                if mention.start <= title_start <= mention.end + 1 and mention.end > title_start:
                    return candidate.name
        for (start, end), suggestion in org_spans.items():
            if start <= title_start < end:
                return suggestion.entry.name
            gap = folded[end:title_start]
            if 0 <= title_start - end <= 3 and re.fullmatch(r"(?:'s)?\s*", gap):
                if suggestion.entry.kind != COUNTRY:
                    return suggestion.entry.name
        if match := re.search(r"\bof (?:the )?([A-Z][\w ]+)$", title):
            for name in (f"Department of {match[1]}", f"Department of the {match[1]}"):
                if entry := self.entry_named(name):
                    return entry.name
        return ""


def _person_keys(person: PersonEntry) -> set[str]:
    keys = {person.full_name}
    parts = person.full_name.replace(",", " ").split()
    first, surname = parts[0], parts[-1] if len(parts) > 1 else ""
    if surname.lower().rstrip(".") in {"jr", "sr", "ii", "iii"} and len(parts) > 2:
        surname = parts[-2]
    if person.nickname and surname:
        keys.add(f"{person.nickname} {surname}")
        rest = person.full_name.split(" ", 1)[1] if " " in person.full_name else ""
        keys.add(f'{first} "{person.nickname}" {rest}')
    if surname:
        for title, _ in person.titles:
            head = title.split(" of ")[0].strip()
            for variant in {title, head, head.split()[-1] if head else ""}:
                if variant:
                    keys.add(f"{variant} {surname}")
    return {k for k in keys if len(k) > 3}


def _title_name_phrases(folded: str):
    """Yield (start, end, title, name, title start) for "Deputy Secretary of State Jane Roe".

    Only the few places where a capitalized title word starts are looked at, each through a
    window of words, so the cost follows the titles in a text, not its length.
    """
    resume = 0
    for end, length in _TITLE_AUTOMATON.iter(folded):
        start = end - length + 1
        if start < resume or not _bounded(folded, start, end + 1):
            continue
        if start and folded[start - 1] in "'-":
            continue
        window_end = min(len(folded), start + 300)
        tokens = [(m.start(), m.end(), m.group())
                  for m in _WORD.finditer(folded, start, window_end)]  # fmt: skip
        found, resume = _title_name_at(folded, tokens)
        if found:
            yield found


def _title_name_at(folded: str, tokens: list[tuple[int, int, str]]):
    """The title-and-name phrase starting at tokens[0], if any, and where to look next."""
    start = tokens[0][0]
    j = 0
    while j < len(tokens) and tokens[j][2].lower() in TITLE_WORDS and tokens[j][2][:1].isupper():
        j += 1
    title_end = j
    # "Secretary of State", "Minister of the Interior", then the name
    if (
        j + 1 < len(tokens)
        and tokens[j][2] in ("of", "to")
        and tokens[j - 1][2].lower() in _TITLES_WITH_OBJECT
    ):
        # "Minister of Foreign Affairs Jane Roe", "Ambassador to Uzbekistan Jon Henick": the
        # capitalized run after "of"/"to" holds the rest of the title and then the name, whose
        # last two words we take as the name.
        k = j + 1
        if k < len(tokens) and tokens[k][2] == "the":
            k += 1
        run, capitalized = k, 0
        while run < len(tokens) and not folded[tokens[run - 1][1] : tokens[run][0]].strip():
            word = tokens[run][2]
            if word in ("and", "of") and capitalized < 2:  # "of Economy and Trade"
                run += 1
                continue
            if not word[:1].isupper():
                break
            run += 1
            capitalized += 1
            if word.endswith((".", ",")) and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                break  # the end of a sentence or a clause
        if run - k >= 3:
            title_end = run - 2
        elif run - k >= 1:
            title_end = k + 1
    resume = tokens[j - 1][1]
    if not any(w.lower() in _TITLE_HEADS for _, _, w in tokens[:title_end]):
        return None, resume
    k = title_end
    if k < len(tokens) and tokens[k][2] == ",":
        k += 1
    name_tokens: list[tuple[int, int, str]] = []
    while k < len(tokens) and len(name_tokens) < 4:
        word = tokens[k][2]
        if word in {'"', "“", "”"}:
            # a nickname in quotes: 'Thomas "Tommy" Pigott'
            if k + 2 < len(tokens) and tokens[k + 2][2] in {'"', "“", "”"}:
                k += 3
                continue
            break
        clean = word.rstrip(".,") if not re.fullmatch(r"[A-Z]\.", word) else word
        gap = folded[tokens[k - 1][1] : tokens[k][0]] if name_tokens else " "
        if name_tokens and (gap.strip(' "') or "  " in gap):
            break  # punctuation or a paragraph break between words ends the name
        lowered = clean.lower()
        particle = lowered in _PARTICLES and name_tokens and k + 1 < len(tokens)
        if not particle and (
            not _NAME_TOKEN.match(clean) or lowered in TITLE_WORDS or lowered in _STOP_WORDS
        ):
            break
        if lowered in ORG_HEADS or lowered.endswith("'s"):
            break
        name_tokens.append((tokens[k][0], tokens[k][0] + len(clean), clean))
        k += 1
        if clean != word:
            break
    if len(name_tokens) < 2:
        return None, resume
    title = folded[start : tokens[title_end - 1][1]]
    name_start, name_end = name_tokens[0][0], name_tokens[-1][1]
    return (start, name_end, title, folded[name_start:name_end], start), name_end


_TITLES_WITH_OBJECT = {
    "secretary", "minister", "secretary-general", "undersecretary", "ambassador", "envoy",
    "representative", "commissioner",
}  # fmt: skip
_TITLE_HEADS = {
    "administrator", "adviser", "advisor", "ambassador", "chair", "chairman", "chairwoman",
    "chancellor", "commissioner", "congressman", "congresswoman", "coordinator", "counselor",
    "director", "director-general", "envoy", "governor", "mayor", "minister", "premier",
    "president", "professor", "representative", "secretary", "secretary-general", "senator",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "ceo", "officer", "leader", "dean",
}  # fmt: skip


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|Inc\.|Corp\.|Ltd\.|Co\.|St\.|Jr\.")


def _organization_spans(folded: str, start: int, end: int):
    """Organization-like sub-phrases of a run of capitalized words."""
    segment: list[tuple[int, int, str]] = []
    matches = list(re.finditer(r"\S+", folded[start:end]))
    for n, match in enumerate(matches):
        word_start, word = match.start() + start, match.group()
        ends_clause = word[-1] in ".,;:" and not _ABBREVIATION.fullmatch(word)
        if word.endswith(",") and _continues_a_list([m.group() for m in matches[n + 1 :]]):
            ends_clause = False  # "Ministry of Economy, Trade and Industry"
        if ends_clause:
            word = word.rstrip(".,;:")
        segment.append((word_start, word_start + len(word), word))
        if ends_clause:
            yield from _segment_spans(segment)
            segment = []
    if segment:
        yield from _segment_spans(segment)


def _continues_a_list(rest: list[str]) -> bool:
    """After a comma: "Trade and Industry" or "Industry, Trade and Services" ends the list."""
    for word in rest:
        if word == "and":
            return True
        if not word[:1].isupper() or word.endswith((".", ";", ":")):
            return False
    return False


def _segment_spans(words: list[tuple[int, int, str]]):
    """ "… Agency", "… Commission", "Ministry of …", "University of …" inside one clause."""
    lowered = [w.lower().rstrip(",") for _, _, w in words]
    n = len(words)
    i = 0
    while i < n:
        word = lowered[i]
        if word not in ORG_HEADS:
            i += 1
            continue
        last = i
        if (i + 2 < n and lowered[i + 1] in _PREPOSITIONS) or (
            word in _EXTENDING_HEADS and i + 1 < n
        ):
            # forward to the end of the name: stop before "Indonesia's …" or "and the …"
            k = i + 1
            while k < n and not lowered[k].endswith("'s"):
                if lowered[k] == "and" and k + 1 < n and lowered[k + 1] == "the":
                    break
                last = k
                k += 1
            while last > i and lowered[last] in _CONNECTORS:
                last -= 1
        first = i
        for j in range(i - 1, -1, -1):
            inner = lowered[j] in {"and", "of", "for", "on"} and j > 0
            if not inner and (
                lowered[j] in _STOP_WORDS or lowered[j] in TITLE_WORDS or lowered[j].endswith("'s")
            ):
                break
            first = j
        while first < i and lowered[first] in _CONNECTORS:
            first += 1
        if last == i and i + 1 < n and lowered[i + 1] in ORG_HEADS:
            i += 1  # "Electric Cooperative Association": the name ends at the last head
            continue
        lone = first == last
        # "the Biden Administration" is an administration, not an agency
        presidential = word == "administration" and last == i and i - first == 1
        if (
            lone
            or presidential
            or any(lowered[k] in _NOT_ORG_WORDS for k in range(first, last + 1))
        ):
            i += 1
            continue
        yield words[first][0], words[last][1] - (1 if words[last][2].endswith(",") else 0)
        i = last + 1


_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'-]*) $")


def _qualified(text: str, start: int, end: int) -> bool:
    """A one-word name qualified by the capitalized word before it names something else:
    "Kazakh Senate" is not the U.S. Senate, "New Mexico" is not Mexico. Acronyms ("U.S. EPA")
    and words after "the", "in", a title… are not affected."""
    word = text[start:end]
    if " " in word or word.isupper() or not word[:1].isupper():
        return False
    match = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if match is None:
        return False
    previous = match.group(1)
    lowered = previous.lower()
    return (
        previous[:1].isupper()
        and not previous.isupper()
        and lowered not in _STOP_WORDS
        and lowered not in TITLE_WORDS
        and not lowered.endswith("'s")
    )


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (
        after.isalnum()
        or after == "_"
        or (after == "+" and end + 1 < len(text) and text[end + 1].isdigit())
    )


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits ("Department of State", not also "State")."""
    starts: list[int] = []  # chosen spans, sorted by start; they never overlap
    ends: list[int] = []
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        at = bisect.bisect_left(starts, hit.end)  # chosen spans starting before this one ends
        if at and ends[at - 1] > hit.start:
            continue
        starts.insert(at, hit.start)
        ends.insert(at, hit.end)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _within(start: int, end: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    at = bisect.bisect_right(starts, start)
    return bool(at) and spans[at - 1][1] >= end


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def _inside_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"
