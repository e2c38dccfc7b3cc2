"""Stage 3, match: where the registry's names stand in a text, as whole words, longest first.

Pure functions over the folded text and the hits the index's automata report.
"""

import bisect
import re

from people.matching.lexicon import FUNCTION_WORDS, TITLE_WORDS
from people.matching.results import Hit


def registry_hits(scans, folded: str) -> list[Hit]:
    """Whole-word hits of the index's automata. `scans`: (automaton, haystack) pairs, the
    haystack being `folded` (case-sensitive names) or its lower case (the others)."""
    hits: list[Hit] = []
    for automaton, haystack in scans:
        if not len(automaton):
            continue
        for end, (length, targets) in automaton.iter(haystack):
            start = end - length + 1
            if bounded(folded, start, end + 1) and not qualified(folded, start, end + 1):
                hits.append(Hit(start, end + 1, targets))
    # The same words found by both automata ("Georgia" the country's name and a state's
    # alias) are one mention of several organizations: an ambiguity, not two hits.
    merged: dict[tuple[int, int], Hit] = {}
    for hit in hits:
        same = merged.get((hit.start, hit.end))
        if same is None:
            merged[(hit.start, hit.end)] = hit
        else:
            known = {t.entry_id for t in same.targets}
            extra = tuple(t for t in hit.targets if t.entry_id not in known)
            merged[(hit.start, hit.end)] = Hit(hit.start, hit.end, same.targets + extra)
    return list(merged.values())


_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'-]*) $")


def qualified(text: str, start: int, end: int) -> bool:
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
        and lowered not in FUNCTION_WORDS
        and lowered not in TITLE_WORDS
        and not lowered.endswith("'s")
    )


def bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (
        after.isalnum()
        or after == "_"
        or (after == "+" and end + 1 < len(text) and text[end + 1].isdigit())
    )


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits ("Department of State", not also "State")."""
    starts: list[int] = []  # chosen spans, sorted by start; they never overlap
    ends: list[int] = []
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        at = bisect.bisect_left(starts, hit.end)  # chosen spans starting before this one ends
        if at and ends[at - 1] > hit.start:
            continue
        starts.insert(at, hit.start)
        ends.insert(at, hit.end)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def within(start: int, end: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    at = bisect.bisect_right(starts, start)
    return bool(at) and spans[at - 1][1] >= end


def overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def inside_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"
