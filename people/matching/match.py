"""Stage 3, match: where the registry's names stand in a text, as whole words, longest first.

Pure functions over the folded text and the hits the index's automaton reports.
"""

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from people.matching.lexicon import (
    COMPANY_SUFFIXES,
    COMPANY_VERBS,
    CONTINENTS,
    FUNCTION_WORDS,
    ONE_LEGAL_FORM,
    ORGANIZATION_HEADS,
    TITLE_WORDS,
)
from people.matching.results import Hit


@dataclass(frozen=True)
class Context:
    """What the match stage needs to know about names to read a word's neighbours.

    `national`: how the home country is written before its bodies ("U.S.", "US");
    `places`: one-word names of places other than the home country ("California", "Kenya"),
    which before a registry name make it another body ("California Department of Justice").
    """

    national: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # one-word names of countries ("Taiwan")
    demonyms: frozenset[str] = frozenset()  # "German", "Danish": a country unless a name begins
    companies: frozenset[int] = frozenset()  # the entries that are companies


# The reason of a company's name written without its legal form (see index.company_short_forms).
SHORT_FORM = "short form "
# The reason of a government body's name written without its country (index, national forms).
NATIONAL_SHORT_FORM = "name without its country "


def registry_hits(automaton, lowered: str, folded: str, context: Context = Context()) -> list[Hit]:
    """Whole-word hits of the index's automaton, scanned once over the lower-cased text.

    Its values are (length, targets, exact): `targets` match whatever the case; `exact` pairs
    a form as written ("EPA", "Georgia") with the targets that match only in that form. The
    same words may name several organizations at once ("Georgia" the country's name and a
    state's alias): one mention of several, an ambiguity, not two hits."""
    hits: list[Hit] = []
    if not len(automaton):
        return hits
    for end, (length, targets, exact) in automaton.iter(lowered):
        start = end - length + 1
        # whole words only (`bounded`, inline: most of the automaton's hits are inside longer
        # words, and this runs for every one)
        if start and ((before := folded[start - 1]).isalnum() or before == "_"):
            continue
        # ("C5+1": a name of its own; "the B3.13 genotype": a code, not the exchange "B3";
        # "Article 19(1)(a)": a constitution's article, not the NGO)
        if (after := folded[end + 1 : end + 2]) and (
            after.isalnum()
            or after == "_"
            or (after in "+.(" and folded[end + 2 : end + 3].isdigit())
        ):
            continue
        if folded[start].islower() and _a_common_noun(folded, start, end + 1):
            continue
        if exact:
            written = folded[start : end + 1]
            for form, exact_targets in exact:
                if form == written:
                    known = {t.entry_id for t in targets}
                    targets = targets + tuple(t for t in exact_targets if t.entry_id not in known)
        if (
            targets
            and all(t.reason.startswith(SHORT_FORM) for t in targets)
            and not reads_as_a_short_form(folded, start, end + 1)
        ):
            continue
        if targets and _inside_a_longer_company_name(folded, start, end + 1, targets, context):
            continue
        if targets:
            if not qualified(folded, start, end + 1, context) or _with_its_legal_form(
                folded, start, end + 1, targets, context
            ):
                hits.append(Hit(start, end + 1, targets))
    return hits


def _a_common_noun(text: str, start: int, end: int) -> bool:
    """ "its coast guard", "a navy": a short name written in lower case that ends in a head
    noun is the common noun (not a brand so written: "bp", "bluebird bio"; a longer name, "the
    national aeronautics and space administration", is the name whatever its case)."""
    written = text[start:end]
    if not written.islower() or written.count(" ") > 1:
        return False
    last = written.rsplit(" ", 1)[-1]
    return last in ORGANIZATION_HEADS or (last[-1:] == "s" and last[:-1] in ORGANIZATION_HEADS)


def _inside_a_longer_company_name(text: str, start: int, end: int, targets, context) -> bool:
    """ "Romgaz Black Sea Limited": a company's name with its legal form right after a
    capitalized word is the end of a longer company's name, not that company."""
    last = text[start:end].rsplit(" ", 1)[-1].lower()
    if last not in COMPANY_SUFFIXES or not all(t.entry_id in context.companies for t in targets):
        return False
    before = _CAPITALIZED_BEFORE.search(text, max(0, start - 40), start)
    return (
        bool(before)
        and before.group().strip().lower() not in FUNCTION_WORDS
        # (not "Warren Buffett's Berkshire Hathaway Inc.": its owner's possessive)
        and not before.group().rstrip().endswith(("'s", "’s"))
    )


_LEGAL_FORM_NEXT = re.compile(ONE_LEGAL_FORM + r"+(?![\w-])", re.I)


def _with_its_legal_form(text: str, start: int, end: int, targets, context: Context) -> bool:
    """ "Oglethorpe Power Corporation": a company's name of two words or more, then a legal
    form: that company, not part of another body's name."""
    if " " not in text[start:end] or not all(t.entry_id in context.companies for t in targets):
        return False
    before = _CAPITALIZED_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group().strip().lower() not in FUNCTION_WORDS:
        return False  # "Norfolk Southern Railway Company": inside a longer name
    return legal_form_end(text, end) > end


# Legal forms that are also words: "a Johnson & Johnson company" names no company "… company".
_LEGAL_FORM_WORDS = ("company", "corporation", "limited", "incorporated", "co")
# Legal forms abbreviated with a full stop of their own; after others, a full stop ends a sentence.
_ABBREVIATED_FORMS = {"inc", "corp", "co", "ltd", "pvt", "bhd", "pty"}


def legal_form_end(text: str, end: int) -> int:
    """Where the legal form written right after `end` ends ("Ford Motor Company", "Acme, Inc."),
    or `end` if there is none."""
    form = _LEGAL_FORM_NEXT.match(text, end)
    if form is None:
        return end
    written = form.group().lstrip(", ")
    if written.split(" ", 1)[0].rstrip(".,") in _LEGAL_FORM_WORDS or written.startswith("("):
        return end  # lower case: a word of the sentence; "(Persero)": a remark on the name
    if written.endswith(".") and written[:-1].rsplit(" ", 1)[-1].lower() not in _ABBREVIATED_FORMS:
        return form.end() - 1
    return form.end()


_NEXT_WORD = re.compile(r" ([A-Z][\w'-]*)")
_OF_A_PLACE_AFTER = re.compile(
    r" of (?:the )?(?:(?P<noun>State|Commonwealth|Province|City|County|Municipality) of "
    r"|(?P<place>[A-Z][\w'-]*)\b(?! [A-Z]))"
)
_VENUES = {
    "Arena", "Stadium", "Ballpark", "Field", "Dome", "Bowl", "Coliseum", "Amphitheater",
    "Amphitheatre", "Theater", "Theatre", "Pavilion", "Speedway",
}  # fmt: skip
# Before a registry name, these make it a body of a smaller place: "Washington State Department
# of Commerce", "Orange County Board of Health".
PLACE_NOUNS = frozenset({"State", "County", "City", "Province", "Provincial", "Municipal"})


def qualified(text: str, start: int, end: int, context: Context = Context()) -> bool:
    """Whether the words around a registry name make it name something else.

    A one-word name after a capitalized word ("Kazakh Senate" is not the U.S. Senate, "New
    Mexico" is not Mexico, "FIFA Congress" is not the U.S. Congress) or before one ("Georgia
    Power", "Senate Permanent Subcommittee …": part of a longer name); a longer name after a
    place ("California Department of Justice"). Words after "the", "in", a title or the home
    country ("U.S. Senate") are not affected, nor acronyms ("EPA").
    """
    word = text[start:end]
    if (
        text[start - 2 : start] == ", "
        and _LIST_GOES_ON.match(text, end)
        and _PORTFOLIO_LIST_BEFORE.search(text, max(0, start - 80), start)
    ):
        return True  # "Minister for Foreign Affairs, European Union and Cooperation": a portfolio
    previous = ""
    if start >= 2 and text[start - 1] == " " and text[start - 2] not in " ,;:)\"'":
        # the word before, by string operations: this runs for every hit
        previous = text[text.rfind(" ", max(0, start - 41), start - 1) + 1 : start - 1]
        if not previous[:1].isalpha():
            previous = ""
    if " " in word:
        if previous and (
            previous in context.places
            or previous in PLACE_NOUNS
            # "Nepal-India Joint Commission": two countries' body
            or ("-" in previous and all(p in context.places for p in previous.split("-")))
        ):
            return True
        following = _NEXT_WORD.match(text, end)
        if following and (
            (head := following.group(1).lower()) in ORGANIZATION_HEADS
            or (head[-1:] == "s" and head[:-1] in ORGANIZATION_HEADS)  # "… Services"
            or following.group(1) in _VENUES
        ):
            # "Federal Reserve Bank of New York": a longer name, another body; "Capital One
            # Arena": a venue named after its sponsor
            return True
        if following and _LEGAL_FORM_SOON.match(text, end):
            return True  # "Nippon Steel North America, Inc.": a subsidiary's name
        if (
            following
            and (run := _TWO_WORDS_AFTER.match(text, end))
            and (run["last"] in _OFFICES and run["first"].lower() not in TITLE_WORDS)
        ):
            return True  # "State Council Information Office": a longer name, its office
        # "Department of Commerce of the State of Washington": another place's body
        following = _OF_A_PLACE_AFTER.match(text, end)
        return bool(following) and (
            following["noun"] is not None
            or following["place"] in context.places
            or following["place"] in CONTINENTS  # "… Olympic Committees of Africa"
        )
    if previous.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", previous):
        previous = ""  # the end of a sentence ("… Caspian Sea. Tajikistan's …")
    lowered = previous.lower()
    modifier = (
        previous[:1].isupper()
        and lowered not in FUNCTION_WORDS
        and lowered not in TITLE_WORDS
        and not lowered.endswith("'s")
        and previous not in context.national
    )
    if word.isupper() and _LEGAL_FORM_SOON.match(text, end) and legal_form_end(text, end) == end:
        # "TBS Crew S.r.l.": a company whose name begins with the letters (not "SMRT
        # Corporation Ltd", the name and its own legal form)
        return True
    if word.isupper() or not word[:1].isupper():
        return False
    if modifier and not (previous.isupper() and len(previous) > 2 and "." in previous):
        return True  # (not after "U.S.", but after an initial: "Michael R. Bloomberg")
    following = _NEXT_WORD.match(text, end) if word not in context.countries else None
    if following:  # (a country inside a longer name is still named: "Taiwan Semiconductor …")
        after = following.group(1).lower()
        if after == "state" and word in context.demonyms and STATE_AFTER.match(text, end):
            return False  # "the Danish State, which holds …": the country's state, no name
        if _CAMEL_CASE.search(word) and not _HEAD_SOON.match(text, end):
            return False  # "a SpaceX Falcon Heavy rocket": a brand's product, the brand named
        return after not in FUNCTION_WORDS and after not in TITLE_WORDS
    return False


# Capitalized words, then a legal form: "… North America, Inc.", "… Holdings LLC".
_LEGAL_FORM_SOON = re.compile(
    r"(?: [A-Z][\w'&-]*){1,3},? (?:Inc\.|Corp\.|Co\.|LLC|L\.L\.C\.|Ltd\.?|Limited|PLC|plc|"
    r"GmbH|AG|S\.A\.|N\.V\.|B\.V\.|K\.K\.|Pty|S\.r\.l\.|S\.p\.A\.|SpA|A/S|ASA)(?!\w)"
)
# Two capitalized words right after a name, the last an office's: "State Council Information
# Office" (not "Harbor A&M Forest Service", a body's name after another's)
_OFFICES = {"Office", "Bureau", "Division", "Unit", "Secretariat", "Directorate"}
_TWO_WORDS_AFTER = re.compile(r" (?P<first>[A-Z][\w'-]*) (?P<last>[A-Z][\w'-]*)")
# A name with a capital inside ("SpaceX", "OpenAI", "BlackRock") is a brand, never a place.
_CAMEL_CASE = re.compile(r"^.+[a-z][A-Z]")
# Capitalized words up to an organization's head noun: "SpaceX Ventures Group" is another body.
_HEAD_SOON = re.compile(
    r"(?: [A-Z][\w'-]*){0,3}? (?:"
    + "|".join(sorted(re.escape(h.capitalize()) for h in ORGANIZATION_HEADS if h.isalpha()))
    + r")\b"
)


# "the Norwegian State": a country's state as an owner or a party, its government (not "the
# Kenyan State House", "State of Qatar", "State-owned").
STATE_AFTER = re.compile(r" State\b(?! [A-Z]| of\b)(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“]\s*)$")
_WORD_AFTER = re.compile(r"(?:’s|'s)?\s+(\w+)")
# After a company named by one word at a sentence's start ("Mars said"), what a company does.


# A title's or a ministry's portfolio running up to a name: "Ministry of Energy and ",
# "Minister for Trade, Industry and ".
# A title's list of portfolios, up to one of its items: "Minister for Foreign Affairs, "
_PORTFOLIO_LIST_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Commissioner) (?:of|for) (?:the )?(?:[A-Z][\w'-]*,? )+$"
)
_LIST_GOES_ON = re.compile(r"(?:,| and| &) [A-Z]")
_A_HEAD_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+) (?:of|for) (?:the )?$")
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Department|Secretary|Secretariat|Commissioner) (?:of|for) "
    r"(?:the )?(?:[A-Z][\w'-]*,? )+(?:and |& )$"
)


_A_NUMBER_AFTER = re.compile(r" \d")
_CLOSING_QUOTE = re.compile(r",?[”\"]")
_CAPITALIZED_BEFORE = re.compile(r"[A-Z][\w'-]* $")


_A_PLACE_AROUND = re.compile(r"\b(?:in|near|at|from|outside) $")
_REGION_AFTER = re.compile(r", [A-Z][\w.-]*(?: [A-Z][\w.-]*)?[,.;)]")


def reads_as_a_short_form(text: str, start: int, end: int) -> bool:
    """Whether a company's name without its legal form names it here: not inside a longer
    name ("NBCUniversal Media Group"); a one-word form ("Visa", "Mars") not after "the", not
    before a lower-case word it would qualify ("Visa applications", "Mars rover"), and first in
    a sentence only before a company's verb or as a possessive ("Mars said", "Amazon's")."""
    if _NEXT_WORD.match(text, end) or _A_NUMBER_AFTER.match(text, end):
        return False  # ("Block 43 of Yasuni National Park": an oil block, not Block, Inc.)
    before = text[max(0, start - 60) : start]
    if before.endswith(("and ", "& ")) and _PORTFOLIO_BEFORE.search(before):
        return False  # "Minister of Energy and Mineral Resources": a portfolio's words
    if (head := _A_HEAD_OF_BEFORE.search(before)) and head[1].lower() in ORGANIZATION_HEADS:
        return False  # "National Agency for Mineral Resources": the end of a body's name
    if " " in text[start:end]:
        return True
    if before.lower().endswith("the "):
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return True
    if _A_PLACE_AROUND.search(before) and _REGION_AFTER.match(text, end):
        return False  # "its plant in Salzgitter, Germany": the town, not Salzgitter AG
    if _CLOSING_QUOTE.match(text, end) and _CAPITALIZED_BEFORE.search(before):
        return False  # "“Sustainable Future,”": the last word of a name in quotation marks
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return True  # punctuation or the end: "signed with Amazon."
    word = after.group(1)
    if word.lower() in COMPANY_VERBS or word == "to":  # "Mars to acquire Kellanova"
        return True
    if _SENTENCE_START.search(before):
        return False
    # mid-sentence: a function word may follow ("Amazon and the league"), not a lower-case
    # noun the word would qualify ("Visa applications", "Mars rover")
    return word.lower() in FUNCTION_WORDS or not word[:1].islower()


def bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (
        after.isalnum()
        or after == "_"
        or (after == "+" and end + 1 < len(text) and text[end + 1].isdigit())
    )


def longest_first(hits: list[Hit], reach: Callable[[Hit], int] | None = None) -> list[Hit]:
    """Keep the longest of overlapping hits ("Department of State", not also "State").
    `reach`: where a hit's name really ends, when that is past the hit ("Oglethorpe Power" then
    "Corporation": the company's name takes in its legal form, and outreaches "Power
    Corporation", another company's name)."""
    ends_of = {id(hit): reach(hit) if reach else hit.end for hit in hits}
    starts: list[int] = []  # chosen spans, sorted by start; they never overlap
    ends: list[int] = []
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - ends_of[id(h)], h.start - h.end, h.start)):
        end = ends_of[id(hit)]
        at = bisect.bisect_left(starts, end)  # chosen spans starting before this one ends
        if at and ends[at - 1] > hit.start:
            continue
        starts.insert(at, hit.start)
        ends.insert(at, end)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def within(start: int, end: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    at = bisect.bisect_right(starts, start)
    return bool(at) and spans[at - 1][1] >= end


def whole_words(text: str, word: str, not_before: str = "", not_after: str = "") -> set:
    r"""The (start, end) of each place `word` stands in `text` with no letter, digit or "_",
    nor a character of `not_before`, right before it, and none of `not_after` right after:
    the regular expression (?<![\w…])word(?![\w…]) without compiling one for each word."""
    found = set()
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before, after = text[at - 1 : at] if at else "", text[end : end + 1]
        if not (before and (before.isalnum() or before == "_" or before in not_before)) and not (
            after and (after.isalnum() or after == "_" or after in not_after)
        ):
            found.add((at, end))
        at = text.find(word, at + 1)
    return found


def overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def inside_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"
