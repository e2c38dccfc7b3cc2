"""Stage 5, candidates: organization-like phrases the registry does not know, from the grammar of
names (a capitalized run ending in an organizational head noun or a company suffix, "Ministry of
…", "University of …", group names such as "C5+1"), each with a kind guess."""

import re

from people.matching.fold import fold_lower
from people.matching.lexicon import (
    COMPANY_SUFFIXES,
    FUNCTION_WORDS,
    NOT_ORGANIZATION_WORDS,
    ORGANIZATION_ADJECTIVES,
    ORGANIZATION_HEADS,
    TITLE_WORDS,
)
from people.matching.match import overlaps, within
from people.matching.results import Candidate, Mention

_COMPANY_SUFFIX_WORDS = "|".join(
    re.escape(s.rstrip(".")) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True)
)
_KIND_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bministry\b", re.I), "ministry"),
    (re.compile(r"\b(committee|subcommittee|senate|house of|congress|parliament|assembly|"
                r"legislature|caucus)\b", re.I), "legislature"),
    (re.compile(r"\b(university|college|institute of technology|school of)\b", re.I),
     "university"),
    (re.compile(r"\b(department|agency|administration|bureau|office|commission|service|"
                r"embassy|consulate|authority|directorate|secretariat|regulator)\b", re.I),
     "agency"),
    (re.compile(r"\b(county|city of|state of|province|municipal|borough|township)\b", re.I),
     "subnational"),
    (re.compile(rf"\b(corporation|company|group|holdings|industries|motors|airlines|airways|"
                rf"technologies|systems|pharmaceuticals|laboratories|trading|bank|"
                rf"{_COMPANY_SUFFIX_WORDS})\b\.?", re.I), "company"),
    (re.compile(r"\b(foundation|conservancy|society|association|trust|federation|museum|"
                r"cooperative|alliance|coalition|institute|institution|council|fund|league)\b",
                re.I), "nonprofit"),
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


_CAP = r"[A-Z][\w'.&-]*"
_CONNECTOR = r"(?:of|for|and|the|on|in|de|del|des|du|la|le|to)"
_PHRASE = re.compile(rf"{_CAP}(?:,? (?:{_CONNECTOR} )*{_CAP})*")
_GROUP = re.compile(r"(?<![\w+])[A-Z]\d+\+\d+(?![\w+])")
_HEAD_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(h.rstrip(".")) for h in sorted(ORGANIZATION_HEADS)) + r")\b", re.I
)
_EXTENDING_HEADS = {"embassy", "consulate"}  # "U.S. Embassy Nairobi"
_PREPOSITIONS = {"of", "for", "on", "in"}
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to"}

# A title word before an organization's name is not part of it ("Director Office of …"),
# unless organizations' names begin with it too ("General Services Administration").
_TITLE_BEFORE_A_NAME = TITLE_WORDS - ORGANIZATION_ADJECTIVES
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
        if word not in ORGANIZATION_HEADS:
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
                lowered[j] in FUNCTION_WORDS
                or lowered[j] in _TITLE_BEFORE_A_NAME
                or lowered[j].endswith("'s")
            ):
                break
            first = j
        while first < i and lowered[first] in _CONNECTORS:
            first += 1
        if last == i and i + 1 < n and lowered[i + 1] in ORGANIZATION_HEADS:
            i += 1  # "Electric Cooperative Association": the name ends at the last head
            continue
        lone = first == last
        # "the Biden Administration" is an administration, not an agency
        presidential = word == "administration" and last == i and i - first == 1
        if (
            lone
            or presidential
            or any(lowered[k] in NOT_ORGANIZATION_WORDS for k in range(first, last + 1))
        ):
            i += 1
            continue
        yield words[first][0], words[last][1] - (1 if words[last][2].endswith(",") else 0)
        i = last + 1


def find_candidates(text: str, folded: str, taken: list[tuple[int, int]]) -> dict[str, Candidate]:
    """Organization-like phrases of `text` outside the `taken` spans (registry names), by their
    folded lower-case name; each with its mentions and a kind guess."""
    candidates: dict[str, Candidate] = {}

    def add(start: int, end: int, reason: str) -> None:
        if overlaps(start, end, taken):
            return
        name = text[start:end]
        key = fold_lower(name)
        if key in FUNCTION_WORDS:
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
        if within(match.start(), match.end(), taken_starts, taken):
            continue  # all of it is a registry name
        for start, end in _organization_spans(folded, match.start(), match.end()):
            add(start, end, "an organization-like phrase not in the registry")
    return candidates
