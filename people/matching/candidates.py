"""Stage 5, candidates: organization-like phrases the registry does not know, from the grammar of
names (a capitalized run ending in an organizational head noun or a company suffix, "Ministry of
…", "University of …", group names such as "C5+1"), each with a kind guess."""

import bisect
import re

import ahocorasick

from people.matching.fold import fold_lower
from people.matching.lexicon import (
    CALENDAR_WORDS,
    COMPANY_SUFFIXES,
    FACILITY_WORDS,
    FUNCTION_WORDS,
    INITIAL_SKIP,
    INSTRUMENT_WORDS,
    LEADING_LEGAL_FORMS,
    LEGAL_FORM,
    NAME_CONNECTORS,
    NOT_ORGANIZATION_WORDS,
    OCCUPATIONS,
    OFFICE_HOLDERS,
    ORGANIZATION_ADJECTIVES,
    ORGANIZATION_HEADS,
    PLURAL_POSSESSORS,
    PORTFOLIOS,
    QUALIFIED_HEADS,
    STRONG_COMPANY_SUFFIXES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_SCOPES,
    TITLE_WORDS,
    is_title_word,
    one_of,
)
from people.matching.match import overlaps, within
from people.matching.results import Candidate, Mention

_COMPANY_SUFFIX_WORDS = "|".join(
    re.escape(s.rstrip(".")) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True)
)
_KIND_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bministry\b", re.I), "ministry"),
    (re.compile(r"\b(committee|subcommittee|senate|house of|congress|parliament|assembly|"
                r"legislature|caucus|city council|county council)\b", re.I), "legislature"),
    (re.compile(r"\b(university|college|institute of technology|school of|university system)\b",
                re.I),
     "university"),
    (re.compile(r"\b(department|agency|administration|bureau|office|commission|service|"
                r"embassy|consulate|authority|directorate|secretariat|regulator|reserve bank|"
                r"central bank|transit|district|(?:air|naval|joint|army) base|retirement system)\b",
                re.I),
     "agency"),
    (re.compile(r"\b(county|city of|state of|province|municipal|borough|township)\b", re.I),
     "subnational"),
    (re.compile(rf"\b(corporation|company|group|holdings|industries|motors|airlines|airways|"
                rf"technologies|systems|pharmaceuticals|laboratories|trading|bank|telecom|"
                rf"partners|ventures|entertainment|studios|foods|brands|solutions|communications|"
                rf"networks|biosciences|robotics|aerospace|logistics|petroleum|refinery|bancorp|"
                rf"insurance|health|labs|hydro|"
                rf"{_COMPANY_SUFFIX_WORDS})\b\.?", re.I), "company"),
    (re.compile(r"\b(foundation|conservancy|society|association|trust|federation|museum|"
                r"cooperative|alliance|coalition|institute|institution|council|fund|league|forum|"
                r"hospitals?|clinic|gallery|trades? unions?|labou?r|collaborative|health system)\b",
                re.I), "nonprofit"),
    (re.compile(r"\b(news|times|post|radio|television|tv)\b", re.I), "media"),
    (re.compile(r"^[A-Z]\d+\+\d+$"), "multilateral"),
]  # fmt: skip


def guess_organization_kind(name: str) -> str:
    """Return the organization kind a name suggests ("ministry", "agency", …), else "other"."""
    found = []
    for pattern, kind in _KIND_HINTS:
        if matches := list(pattern.finditer(name)):
            found.append((matches[0].start(), matches[-1].end(), kind))
    if not found:
        return "other"
    # "Ministry of Energy": the first word decides; "Farm Bureau Federation", "Lakeside Bank
    # and Trust Company", "Philadelphia City Council": the last.
    if " of " in name:  # (a place before it only says where: "Cook County Department of …")
        return min([f for f in found if f[2] != "subnational"] or found)[2]
    return max(found, key=lambda f: (f[1], -f[0]))[2]


# A capitalized word; the scan must skip lower-case text quickly (one character class first).
AFTER_A_REGISTRY_NAME = "a name after a registry name and 'and'"
_AND_AFTER = re.compile(r",? (?:and|&) (?:the )?")
_CAP = r"&?[A-Z][\w'.&/-]*"  # ("Natura &Co": an ampersand glued to a word)
# The small words inside names: English, and the particles of other languages' names
# ("Banco Oriental del Plata", "Ministério da Economia").
_ROMANCE_CONNECTORS = {
    "de", "del", "des", "du", "da", "do", "dos", "das", "di", "della", "la", "le", "y", "e", "en",
}  # fmt: skip
_CONNECTOR = (
    "(?:"
    + "|".join(sorted({"of", "for", "and", "the", "on", "in", "to", "&"}
                      | _ROMANCE_CONNECTORS - {"e"}, key=len, reverse=True))
    + ")"
)  # fmt: skip
# "3rd Infantry Division", "3d Marine Division" (the U.S. military's ordinals)
_ORDINAL_BEFORE = re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th|d) $")
# "Arcadium Lithium plc": a legal form in lower case ends a company's name too.
_LOWER_LEGAL_FORMS = r"d\.d\.|d\.o\.o\.|a\.s\.|s\.r\.o\.|e?hf\.|zrt\.|nyrt\.|kft\."
# A place in parentheses inside a name, before more of it: "Churchill Falls (Labrador)
# Corporation Limited" (not an acronym defined: "the Agency (EPA)").
_PARENTHESIZED = r" \([A-Z][a-z][\w'-]*(?: [A-Z][a-z][\w'-]*)*\)(?= [A-Z])"
_PHRASE = re.compile(
    rf"{_CAP}(?:,? (?:{_CONNECTOR} )*{_CAP}|{_PARENTHESIZED})*"
    rf"(?:,? (?:(?:plc|ltd|llc|inc|aps|sarl)\b\.?|{_LOWER_LEGAL_FORMS}))?"
)
# Where a minister's or a director's portfolio is listed: "Minister for Railways, ", "Director
# General of " (then "New, Renewable Energy and Energy Conservation").
_IN_A_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Director[- ]General|Commissioner) (?:of|for) "
    r"(?:[A-Z][\w&'-]*(?: (?:[A-Z][\w&'-]*|&|and))*, )?$"
)
# Names whose commas are their own: a portfolio's list after "of" ("Department of Health,
# Education and Welfare"), a legal form ("Acme Holdings, Inc.")
_A_LISTED_NAME = re.compile(r".* (?:of|for|on|and) ")
# A company's organs, named alone: no organization of their own (a university's board of
# trustees, which acts in its name, is one)
_AN_ORGAN = re.compile(r"steering committee$|^advisory board$")
_A_BOARD = re.compile(r"Board|Council")
_A_BOARDS_NAME = re.compile(r"(?:(?:executive|supervisory|management|managing|governing) )?board\b")
_TITLE_OF_THE_BEFORE = re.compile(r"(?P<title>[A-Z][\w-]+) of the $")
_THE_BEFORE = re.compile(r"(?:^|\b[Tt]he )$")
_LEGAL_FORMS_AFTER = re.compile(LEGAL_FORM, re.I)


def _a_legal_form_soon(following: list[str]) -> bool:
    """Whether a word or two of a name, then a legal form, come next (lower-case words):
    "Homemade, Inc." after "Ben & Jerry's"."""
    for k in (1, 2):
        form = following[k].rstrip(",") if len(following) > k else ""
        if form in COMPANY_SUFFIXES or form.rstrip(".") in COMPANY_SUFFIXES:
            return all(w.rstrip(",") not in FUNCTION_WORDS for w in following[:k])
    return False


def _a_head(lowered: list[str], k: int) -> bool:
    """Whether lowered[k] ends a body's name: an organizational head noun, or a noun that is
    one after its own words ("School District", "Air Force Base", "Health System")."""
    word = lowered[k]
    return word in ORGANIZATION_HEADS or (
        k > 0 and word in QUALIFIED_HEADS and lowered[k - 1] in QUALIFIED_HEADS[word]
    )


def _a_possessor(lowered: list[str], j: int) -> bool:
    """Whether the possessive lowered[j] is a word of a name: "Children's Hospital"; an office
    holder's before the words of the office ("County Attorney's Office", "State's Attorney's
    Office")."""
    word = lowered[j][:-2]
    if word in PLURAL_POSSESSORS or _a_legal_form_soon(lowered[j + 1 :]):
        return True
    following = lowered[j + 1] if j + 1 < len(lowered) else ""
    return word in OFFICE_HOLDERS and (
        following in ORGANIZATION_HEADS
        or (following.endswith("'s") and following[:-2] in OFFICE_HOLDERS)
    )


def _a_group_of(head: str, preposition: str, word: str) -> bool:
    """ "Group of Experts", "Group of Creditors", "Group of Seven": a group of members goes on
    with "of", as a company's name does not ("Westinghouse Electric Company of …")."""
    return head == "group" and preposition == "of" and (word.endswith("s") or word in _NUMBERS)


_NUMBERS = {"seven", "eight", "twenty", "twelve", "fifteen", "ten", "five", "three", "four"}
_A_REGION = re.compile(r"(?:North|South|East|West) [A-Z][a-z]+")
# "the World Semiconductor Trade Statistics (WSTS) organization": the noun after the acronym
# says a body is named
_BODY_AFTER = re.compile(
    r" (?:organization|organisation|group|body|consortium|coalition|alliance|network)\b"
)
_NUMBERED = re.compile(r" (?:\d|[IVX]+\b)")
_OF_A_BODY = re.compile(r",? (?:of|for|at) (?:the )?$")
_AND_A_NAME = re.compile(r",? (?:and|&) (?:the )?$|, (?:the )?$")  # and, or a list's comma
_GROUP = re.compile(r"(?<![\w+])[A-Z]\d+\+\d+(?![\w+])")
# Heads that come first in other languages' names: "Banco Oriental del Plata", "Instituto
# Nacional de Estadística", "Fondazione Cariplo".
_HEAD_FIRST = {
    "banco", "banca", "banque", "instituto", "institut", "istituto", "universidad",
    "universidade", "universita", "universite", "fundacion", "fundacao", "fondation",
    "fondazione", "grupo", "groupe", "compania", "companhia", "compagnie", "sociedad",
    "societe", "agencia", "agence", "ministerio", "ministere", "caja", "caixa", "cassa",
    "comision", "comissao", "commissione", "consejo", "conselho", "conseil", "museo", "musee",
}  # fmt: skip
_HEAD_WORD = re.compile(
    r"\b"
    + one_of(
        {
            h.rstrip(".").lower()
            for h in ORGANIZATION_HEADS
            | STRONG_COMPANY_SUFFIXES
            | _HEAD_FIRST
            | set(QUALIFIED_HEADS)
        }
    )
    + r"(?!\w)",
    re.I,
)
# A company's name does not go on with "of": "Westinghouse Electric Company of the United States".
_COMPANY_HEADS = {
    "company", "corporation", "group", "holdings", "industries", "motors", "airlines",
    "airways", "technologies", "systems", "inc", "inc.", "corp", "corp.", "llc", "ltd", "ltd.",
}  # fmt: skip
_EXTENDING_HEADS = {"embassy", "consulate"}  # "U.S. Embassy Nairobi"
# Bodies whose names go on with "in <place>": "American Chamber of Commerce in Hong Kong"
# (not "the Museum of West African Art in Benin City", a museum in a city)
_NAMED_WITH_A_PLACE = {"chamber", "embassy", "consulate", "mission", "delegation"}
# A capitalized word (not a day or a month) that a name goes on with
_RUNS_ON = re.compile(
    r"(?!(?:" + "|".join(w.capitalize() for w in sorted(CALENDAR_WORDS)) + r")\b)[A-Z][a-z]+$"
)
_PREPOSITIONS = {"of", "for", "on", "in", "against"}
# Heads named with a topic after "on": "Subcommittee on Privacy", "Conference on Disarmament"
_NAMED_WITH_A_TOPIC = {
    "committee", "subcommittee", "commission", "council", "conference", "panel", "caucus",
    "center", "centre", "institute", "forum", "summit", "office", "board", "group", "force",
    "convention", "coalition", "initiative", "network", "alliance", "bureau", "agency",
    "secretariat", "program", "programme", "project", "partnership", "foundation",
}  # fmt: skip

# A title word before an organization's name is not part of it ("Director Office of …"),
# unless organizations' names begin with it too ("General Services Administration").
_TITLE_BEFORE_A_NAME = TITLE_WORDS - ORGANIZATION_ADJECTIVES
# Legal forms that may end a sentence with their period, or with the sentence's ("Inc.", "LLC.")
_SENTENCE_END_FORMS = {s.rstrip(".") for s in STRONG_COMPANY_SUFFIXES} - {"co", "limited"}
_ABBREVIATION = re.compile(
    r"(?:[A-Z]\.)+|Inc\.|Corp\.|Ltd\.|Co\.|Pvt\.|St\.|Jr\.|" + _LOWER_LEGAL_FORMS
)


def _organization_spans(folded: str, start: int, end: int):
    """Organization-like sub-phrases of a run of capitalized words."""
    segment: list[tuple[int, int, str]] = []
    matches = list(re.finditer(r"\S+", folded[start:end]))
    for n, match in enumerate(matches):
        word_start, word = match.start() + start, match.group()
        ends_clause = word[-1] in ".,;:" and not _ABBREVIATION.fullmatch(word)
        after = [m.group() for m in matches[n + 1 :]]
        if (
            word.endswith(".")
            and n
            and word.rstrip(".").lower() in _SENTENCE_END_FORMS
            and (not after or after[0][:1].isupper())
        ):
            ends_clause = True  # "… Generation, LLC. The unit …": a legal form ends the name
        bare = word.rstrip(",").lower()
        if (
            word.endswith(",")
            and bare not in ORGANIZATION_HEADS
            and bare not in COMPANY_SUFFIXES
            and _continues_a_list(after)
        ):
            ends_clause = False  # "Ministry of Economy, Trade and Industry"
        if (
            word.endswith(",")
            and after
            and (
                after[0].lower().rstrip(",") in COMPANY_SUFFIXES
                or after[0].lower().rstrip(",.") in _SENTENCE_END_FORMS
            )
        ):
            ends_clause = False  # "CrowdStrike Holdings, Inc.", "… Generation, LLC."
        if ends_clause:
            bare = word.rstrip(",;:")  # "Inc.," keeps the abbreviation's period
            word = bare if _ABBREVIATION.fullmatch(bare) else word.rstrip(".,;:")
        mark = 2 if word.endswith(("'s", "’s")) else 1 if word.endswith(("s'", "s’")) else 0
        owner = bool(mark) and bare[:-mark] not in PLURAL_POSSESSORS
        if mark == 1 and after and after[0].lower().rstrip(".,;:") in ORGANIZATION_HEADS:
            owner = False  # "Ohio Valley Manufacturers' Alliance": a plural's, in the name
        if mark == 2 and _a_legal_form_soon([w.lower() for w in after]):
            owner = False  # "Ben & Jerry's Homemade, Inc.": a possessive in a company's name
        if mark == 2 and after and bare[:-2] in OFFICE_HOLDERS:
            following = after[0].lower().rstrip(".,;:")
            if following in ORGANIZATION_HEADS or following[:-2] in OFFICE_HOLDERS:
                owner = False  # "Harris County Attorney's Office": the holder's, in the name
        if owner and not ends_clause:
            # "Kestrel Pharma's drug", "the University of Westbrook's School of …", "the
            # Bureau of … Explosives' Houston Field Division": the owner's name ends at its
            # possessive ("Children's Trust", "Farmers' Union" go on)
            word, ends_clause = word[:-mark], True
            owner = mark == 2  # ("… and Indonesia's": an owner's name; not "… Explosives'")
        else:
            owner = False
        segment.append((word_start, word_start + len(word), word))
        if ends_clause:
            yield from _segment_spans(segment, owner)
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


def _another_name_at(lowered: list[str], i: int) -> bool:
    """Whether a name of its own begins at position i: a head noun followed by "of"/"for"
    ("… and Bank of England"), not the last portfolio of a name ("… Industry and Energy")."""
    return (
        i + 1 < len(lowered)
        and lowered[i] in ORGANIZATION_HEADS
        and lowered[i + 1]
        in {
            "of",
            "for",
        }
    )


def _a_later_head(lowered: list[str], i: int) -> bool:
    """Whether the capitalized words after position i run on to another head noun."""
    for word in lowered[i + 1 :]:
        if word in NAME_CONNECTORS or word in FUNCTION_WORDS:
            return False
        if word in ORGANIZATION_HEADS or word in STRONG_COMPANY_SUFFIXES:
            return True
    return False


# "KHNP-led", "Texas-based": a word that describes a name, not one of its words.
# and a number that is not an ordinal ("in 2024 the …").
_CHAMBERS = {"house", "senate", "assembly", "congress", "parliament", "council", "commission"}
_AN_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}")  # "U.S.", "UK"
_NOT_A_NAME_WORD = re.compile(r"-[a-z]+$|^\d+(?!st$|nd$|rd$|th$)[\d,.]*$")


def _head_first_end(words: list[tuple[int, int, str]], lowered: list[str], i: int) -> int:
    """The last word of a name whose head comes first ("Banco Oriental del Plata"), 0 when
    no capitalized word follows the head."""
    last = 0
    for k in range(i + 1, len(words)):
        if words[k][2][:1].isupper():
            last = k
        elif lowered[k] not in _ROMANCE_CONNECTORS:
            break
    return last


def _segment_spans(words: list[tuple[int, int, str]], owner: bool = False):
    """ "… Agency", "… Commission", "Ministry of …", "University of …" inside one clause.
    `owner`: the clause's last word was written with a possessive ("… and Indonesia's")."""
    lowered = [w.lower().rstrip(",") for _, _, w in words]
    n = len(words)
    i = 0
    while i < n:
        word = lowered[i]
        if word in _HEAD_FIRST and i + 1 < n and (last := _head_first_end(words, lowered, i)):
            yield words[i][0], words[last][1]
            i = last + 1
            continue
        if not _a_head(lowered, i) and word not in STRONG_COMPANY_SUFFIXES:
            i += 1
            continue
        if i + 1 < n and lowered[i + 1] in TITLE_HEADS:
            i += 1  # "Police Chief", "Board Chairman": the head of a title, not a name's end
            continue
        if _a_later_head(lowered, i) or (
            i + 2 < n
            and lowered[i + 1] == "and"
            and lowered[i + 2] in ORGANIZATION_HEADS
            and _a_later_head(lowered, i + 2)
        ):
            # "Armored Brigade Combat Team", "Bank and Trust Company": the name ends at the
            # last head
            i += 1
            continue
        last = i
        if (
            i + 2 < n
            and lowered[i + 1] in _PREPOSITIONS
            and (word not in _COMPANY_HEADS or _a_group_of(word, lowered[i + 1], lowered[i + 2]))
            # a legal form ends a name: "Bharat Biotech International Limited of India"
            and word not in STRONG_COMPANY_SUFFIXES
        ) or (word in _EXTENDING_HEADS and i + 1 < n):
            # forward to the end of the name: stop before "Indonesia's …", "and the …",
            # "and of …", a place or a time ("in Strasbourg", "on Saturday")
            k = i + 1
            while k < n and not lowered[k].endswith("'s"):
                if owner and k == n - 1 and lowered[k - 1] == "and":
                    break  # "… of Vietnam and Indonesia's Ministry": the owner begins a name
                if lowered[k] == "and" and k + 1 < n and lowered[k + 1] in TITLE_WORDS:
                    break  # "… and Artificial Intelligence, and Representative Glenn Thompson"
                if lowered[k] == "and" and k + 1 < n and lowered[k + 1] in {"the", "of"}:
                    listed = [w for _, _, w in words[i + 1 : k]]
                    if not (
                        lowered[k + 1] == "the"
                        and sum(w.endswith(",") for w in listed) >= 2
                        and listed[-1].endswith(",")
                        and k + 2 < n
                        and not _a_head(lowered, k + 2)
                    ):
                        break  # (but "on Privacy, Technology, and the Law": a list's last)
                if lowered[k] == "at" or (lowered[k] == "in" and word not in _NAMED_WITH_A_PLACE):
                    break  # "Parliament in Strasbourg"; but "Chamber of Commerce in Kenya"
                if lowered[k] == "on" and word not in _NAMED_WITH_A_TOPIC:
                    break  # "Laboratory of Engineering on the … campus"; but "Committee on …"
                if lowered[k] in FUNCTION_WORDS - NAME_CONNECTORS:
                    break
                if (
                    k + 1 < n
                    and lowered[k] in TITLE_HEADS
                    and lowered[k][-1] != "s"  # (one person's title: not "… Directors, Roads …")
                    and lowered[k + 1] not in NAME_CONNECTORS
                    and not is_title_word(lowered[k + 1].removesuffix("s"))
                    and lowered[k + 1].removesuffix("s") not in ORGANIZATION_HEADS
                ):
                    break  # "… of Watershed Management Commissioner Al Wiggins": a title, a name
                commas = [j for j in range(i + 1, k) if words[j][2].endswith(",")]
                listing = bool(commas) and "and" not in lowered[commas[-1] + 1 : k]
                if (
                    lowered[k] == "and"
                    and (
                        _another_name_at(lowered, k + 1)
                        or (
                            lowered[k - 1] in ORGANIZATION_HEADS
                            and not _a_later_head(lowered, k)
                            # "Department for Business, Energy and Industrial Strategy": a list's
                            # last item
                            and not listing
                            # "Ministry of Mental Health and Addictions": a portfolio's words
                            # (its first "and": "… Quays and Energy and Westbrook Steel")
                            and (lowered[i + 1] not in _PREPOSITIONS or "and" in lowered[i + 1 : k])
                        )
                    )
                ):
                    # "Bank of Canada and Bank of England": two names; but "Association of
                    # Energy and Water Industries" goes on to its own head
                    break
                last = k
                k += 1
            while last > i and lowered[last] in NAME_CONNECTORS:
                last -= 1
        if (
            last + 2 < n
            and lowered[last + 1] == "&"
            and words[last + 2][2][:1].isupper()
            and not _another_name_at(lowered, last + 2)
            and not _a_later_head(lowered, last + 1)
        ):
            # "Daewoo Shipbuilding & Marine Engineering": an ampersand joins a name's words
            # (not "… Industries & Kestrel Heavy Industries", two names)
            k = last + 2
            while k < n and words[k][2][:1].isupper() and not lowered[k].endswith("'s"):
                k += 1
            last = k - 1
        while last + 1 < n and lowered[last + 1] in COMPANY_SUFFIXES:
            last += 1  # "Infineon Technologies AG"
        if last + 1 < n and lowered[last + 1] in NOT_ORGANIZATION_WORDS:
            i = last + 1  # "Dar es Salaam Energy Declaration", "Africa Energy Summit"
            continue
        first = i
        for j in range(i - 1, -1, -1):
            if (
                lowered[j] in {"of", "for", "on"}
                and j > 0
                and lowered[j - 1] in NOT_ORGANIZATION_WORDS
            ):
                first = -1  # "Partnership for Accelerating Clean Energy", "Summit for …": the
                break  # name of a relation, a plan or an event, not of a body
            inner = lowered[j] in {"and", "of", "for", "on", "&"} and j > 0
            if inner and lowered[j] in {"of", "for", "on"}:
                # "Office of the Director of National Intelligence" continues through "of";
                # "Dimie Ogoina of Niger Delta University" does not: a person before "of".
                inner = lowered[j - 1] in ORGANIZATION_HEADS or lowered[j - 1] == "the"
            if inner and lowered[j] in {"and", "&"}:
                # "Alaska Airlines and Hawaiian Airlines", "JAXA and Mitsubishi Heavy
                # Industries": a name ends before "and".
                before = words[j - 1][2]
                after = words[j + 1][2]
                conjoined = j + 1 < i and lowered[j + 1] in ORGANIZATION_HEADS  # "… and Trust Co"
                inner = (
                    conjoined
                    or not (
                        lowered[j - 1] in ORGANIZATION_HEADS
                        or lowered[j - 1] in COMPANY_SUFFIXES
                        or (before.isupper() and len(before) > 1)
                        or (after.isupper() and len(after) > 1)  # "… New Zealand and ASB Bank"
                        or _another_name_at(lowered, j + 1)  # "… of Canada and Bank of …"
                        or any(c.isupper() for c in before[1:])  # "FirstGroup and MTR …"
                        or before.endswith(",")
                    )
                )
            if not inner and (
                _NOT_A_NAME_WORD.search(words[j][2])  # as written: "Trump-Vance" is a name
                or lowered[j] in FUNCTION_WORDS
                or (
                    lowered[j] in _TITLE_BEFORE_A_NAME
                    # ("Boar's Head Provisions Co., Inc.": a possessive in the company's name)
                    and not (
                        j > 0 and lowered[j - 1].endswith("'s") and _a_possessor(lowered, j - 1)
                    )
                )
                or (lowered[j].endswith("'s") and not _a_possessor(lowered, j))
                or lowered[j] in {"and", "of", "for", "on", "&", "at", "in"}
            ):
                break
            first = j
        if first < 0:
            i = last + 1
            continue
        holder = next(
            (
                k
                for k in range(first, i)
                if lowered[k].endswith("'s") and lowered[k][:-2] in OFFICE_HOLDERS
            ),
            None,
        )
        if holder is not None and all(
            _AN_INITIALISM.fullmatch(words[k][2]) for k in range(first, holder)
        ):
            # "the Sheriff's Office", "the U.S. Attorney's Office": which one, the text does not
            # say here (a county's, a city's, a district's)
            i += 1
            continue
        while first < i and lowered[first] in NAME_CONNECTORS:
            first += 1
        if last == i and i + 1 < n and _a_head(lowered, i + 1):
            i += 1  # "Electric Cooperative Association": the name ends at the last head
            continue
        if word in ("center", "centre") and i and lowered[i - 1] in FACILITY_WORDS:
            i += 1  # "Harborview Civic Center": a building
            continue
        if last == i and i + 1 < n and _RUNS_ON.match(words[i + 1][2]):
            # "Paris Motor Show", "Harbor Police Academy Graduation": the name runs on past the
            # head noun to a word that is no head; not this body's name ("the Agency Tuesday
            # said": a day ends it)
            i += 1
            continue
        lone = first == last or all(
            lowered[k] in PORTFOLIOS or lowered[k] in NAME_CONNECTORS
            for k in range(first, last + 1)
        )
        # "the House and Senate", "the Council and Commission": bodies' heads side by side
        lone = lone or (
            "and" in lowered[first:last]
            and all(
                lowered[k] in ORGANIZATION_HEADS or lowered[k] in _CHAMBERS or lowered[k] == "and"
                for k in range(first, last + 1)
            )
        )
        # "the Biden Administration" is an administration, not an agency
        presidential = word == "administration" and last == i and i - first == 1
        # "the Climate Fund" is money; "National Wealth Fund" a body: two words before it
        presidential = presidential or (word == "fund" and i - first < 2)
        if lone or presidential:
            i += 1
            continue
        yield words[first][0], words[last][1] - (1 if words[last][2].endswith(",") else 0)
        i = last + 1


def find_candidates(text: str, folded: str, taken: list[tuple[int, int]]) -> dict[str, Candidate]:
    """Organization-like phrases of `text` outside the `taken` spans (registry names), by their
    folded lower-case name; each with its mentions and a kind guess."""
    candidates: dict[str, Candidate] = {}

    def add(start: int, end: int, reason: str) -> None:
        if start and folded[start - 1].isalpha():
            # a run found inside a word: a name written with a lower-case prefix ("iRobot
            # Corporation", "eBay Inc.") begins before it; others are no name
            first = start - 1
            while first and folded[first - 1].isalpha():
                first -= 1
            if start - first > 2 or not folded[first:start].islower():
                return
            start = first
        at = bisect.bisect_right(taken_starts, start) - 1
        # a list of registry names ("TVA, Ontario Power Generation and …"): its last
        while (
            at >= 0
            and at + 1 < len(taken)
            and taken[at + 1][1] < end
            and folded[taken[at][1] : taken[at + 1][0]] == ", "
        ):
            at += 1
        if (
            at >= 0
            and start < (e := taken[at][1]) < end
            and (joined := _AND_AFTER.match(folded, e))
        ):
            # "Southern California Edison and San Diego Gas & Electric Company": the registry's
            # name, then perhaps a name of its own (kept only if the registry knows it under
            # another form: "Adani Ports and Special Economic Zone Ltd" is one name)
            start, reason = joined.end(), AFTER_A_REGISTRY_NAME
        if overlaps(start, end, taken):
            # "Monetary Policy Committee of the Reserve Bank of India": the body named before
            # "of" a registry name is a part of it; the registry name is tagged on its own.
            first_taken = min((s for s, e in taken if start < e and s < end), default=start)
            if (joined := _AND_A_NAME.search(folded, start, first_taken)) is not None:
                # "Cook County Department of Public Health and Rush University Medical
                # Center", "Laboratory for Laser Energetics, Los Alamos National Laboratory":
                # two names, the second the registry's
                end = joined.start()
                if overlaps(start, end, taken) or not _HEAD_WORD.search(folded, start, end):
                    return
            else:
                cut = _OF_A_BODY.search(folded, start, first_taken)
                if cut is None or not _HEAD_WORD.search(folded, start, cut.start()):
                    return
                end = cut.start()
                if overlaps(start, end, taken) or (
                    " " not in folded[start:end]
                    and not (
                        _A_BOARD.fullmatch(folded, start, end)
                        and _THE_BEFORE.search(folded, max(0, start - 5), start)
                    )
                ):
                    return  # (one word, "the Bank of Acme AG": no name of its own)
                # ("the Board of the Central Bank of Chile": the bank's board)
                reason = "a part of the organization named after it"
        if folded[start:end] == "National Association" and folded.endswith("Bank, ", 0, start):
            return  # "JPMorgan Chase Bank, National Association": a U.S. bank's legal form
        if _NUMBERED.match(folded, end) and folded[start:end].lower().endswith(" unit"):
            return  # "Unit 1" of a power plant: equipment, not a body
        if _IN_A_PORTFOLIO.search(folded, max(0, start - 120), start) and (
            folded[start - 2 : start] == ", " or "," in folded[start:end]
        ):
            return  # "Minister for Railways, Information & Broadcasting and Electronics": the
            # portfolios of a title, not a body
        if ordinal := _ORDINAL_BEFORE.search(folded, max(0, start - 8), start):
            start = ordinal.start()
        if (comma := folded.rfind(", ", start, end)) > 0 and not _A_LISTED_NAME.match(
            folded, start, comma
        ):
            after, first = folded[comma + 2 : end], folded[start : folded.find(",", start)]
            middle = folded[start:comma].split(", ")[1:]
            if (
                not _LEGAL_FORMS_AFTER.match(folded, comma, end)
                and " " in after
                and " and " not in after  # ("… Trade, Industry and Energy")
                and (
                    " " in first.removeprefix("The ")  # ("Foreign, Commonwealth and …")
                    # "Maui, Kamehameha Schools, West Maui Land Company": a body's name inside
                    or any(
                        w.lower() in ORGANIZATION_HEADS or w.lower()[:-1] in ORGANIZATION_HEADS
                        for m in middle
                        for w in m.split()[1:]
                    )
                )
            ):
                start = comma + 2  # "ND Western, Aradel Energy": a list, its last name
        if _A_LEADING_LEGAL_FORM.fullmatch(folded, start, end) and (
            after := _NAME_AFTER_ITS_FORM.match(folded, end)
        ):
            end = after.end()  # "Joint Stock Company Kaspi.kz": the form, then the name
        name = text[start:end]
        key = fold_lower(name)
        if key in FUNCTION_WORDS or _AN_ORGAN.search(key):
            return  # ("Advisory Board", "Steering Committee": a project's organ, not a body)
        if _A_BOARDS_NAME.match(key) and (
            (title := _TITLE_OF_THE_BEFORE.search(folded, max(0, start - 40), start))
            and is_title_word(title["title"].lower())
        ):
            return  # "Chairman of the Supervisory Board of Acme": the title's board
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(name, guess_organization_kind(name), reason)
        candidate.mentions.append(Mention(name, start, end))

    taken = sorted(taken)
    taken_starts = [s for s, _ in taken]
    for match in _GROUP.finditer(folded) if "+" in folded else ():
        add(match.start(), match.end(), "a group name such as C5+1")
    for match in _PHRASE.finditer(folded):
        if within(match.start(), match.end(), taken_starts, taken):
            continue  # all of it is a registry name
        if not _HEAD_WORD.search(match.group()):
            continue  # most capitalized runs are names and places: no work for them
        for start, end in _organization_spans(folded, match.start(), match.end()):
            add(start, end, "an organization-like phrase not in the registry")
    for key, candidate in list(candidates.items()):
        if _A_REGION.fullmatch(candidate.name):
            del candidates[key]  # "the West Bank": a region named by a compass point
            continue
        if _COMPANY_BOARD.search(candidate.name) or all(
            (after := _WORD_AFTER.match(folded, m.end)) and after[1] in INSTRUMENT_WORDS
            for m in candidate.mentions
        ):
            # "the Falepili Union treaty": the name of a thing; "Acme Board of Management":
            # a company's board, not a body of its own
            del candidates[key]
    return candidates


_WORD_AFTER = re.compile(r" ([a-z]+)\b")
_A_LEADING_LEGAL_FORM = re.compile(LEADING_LEGAL_FORMS)
# The name after a legal form written first: capitalized words (a web domain's ending kept:
# "Kaspi.kz"), or a name in quotation marks ('JSC "Kazakhtelecom"').
_NAME_AFTER_ITS_FORM = re.compile(
    r' (?:"[^"\n]{2,40}"|[A-Z][\w&\'-]*(?:\.[a-z]+)?(?: [A-Z][\w&\'-]*)*)'
)
_COMPANY_BOARD = re.compile(
    r" (?:Board of (?:Management|Directors)|(?:Supervisory|Management|Executive) Board)$"
)


_RUN_CONNECTORS = ("&", "and", "de", "des", "du", "del", "la", "of", "for", "the")
_RUN = r"[A-Z][\w&.'/-]*(?: (?:" + "|".join(_RUN_CONNECTORS) + r"|[A-Z][\w&.'/-]*))*"
# "Wiz, a cloud security company": a name explained by the noun after it. The cheap part
# (", a ") is searched first, then the name before it and the noun after it.
_ARTICLE = re.compile(r", (?:a|an|the) ")
_NAME_BEFORE = re.compile(rf"(?:^|(?<=[^\w&.'/-]))(?P<name>{_RUN})$")
_DESCRIPTION = re.compile(
    # the noun heads the description: "a member of the association" describes a person
    r"(?:(?!(?:of|for|at|to|on|in|with|from)\b)[\w'’-]+ ){0,5}?(?P<noun>company|firm|maker|"
    r"manufacturer|provider|start-?up|carrier|airline|bank|lender|insurer|developer|operator|"
    r"utility|retailer|supplier|producer|subsidiary|chipmaker|drugmaker|automaker|carmaker|"
    r"conglomerate|nonprofit|non-profit|charity|think tank|university|college|"
    r"research group|advocacy group|consortium|coalition|alliance|association|federation|"
    r"foundation|collaborative|cooperative|co-op|organi[sz]ation|institute|trade group|"
    r"industry group|network|society|governing body|regulator|watchdog|trade union|union|"
    r"league|political party|party|sovereign wealth fund|hedge fund|pension fund|"
    r"stock exchange|exchange|unit|division|subsidiary|affiliate)"
    r"(?=[,.;:]| (?:that|which|based|headquartered|in|with|and|whose|owned|founded|of|"
    r"spanning|led|formed|created|representing|serving|working|focused|from|operating|"
    r"specializing|specialising|making|providing|known|run)\b)"
)
# "the environmental group Cape Fear River Watch", "activist investor Politan Capital
# Management", "the investment firm Engine No. 1": a name explained by the noun before it.
_DESCRIBING_NOUNS = (
    "group", "firm", "company", "investor", "consultancy", "charity", "nonprofit", "non-profit",
    "startup", "start-up", "think tank", "watchdog", "lender", "insurer", "broadcaster",
    "publisher", "retailer", "conglomerate", "developer", "manufacturer", "chipmaker",
    "drugmaker", "automaker", "carmaker", "operator",
)  # fmt: skip
_DESCRIBED_NAME = re.compile(rf"(?P<name>{_RUN})")
_DESCRIBING_AUTOMATON = ahocorasick.Automaton()
for _noun in _DESCRIBING_NOUNS:
    _DESCRIBING_AUTOMATON.add_word(_noun + " ", _noun)
_DESCRIBING_AUTOMATON.make_automaton()
_DESCRIBED_KINDS = {"group": "other", "charity": "nonprofit", "nonprofit": "nonprofit",
                    "non-profit": "nonprofit", "think tank": "nonprofit"}  # fmt: skip
_APPOSITIVE_KINDS = {"nonprofit": "nonprofit", "non-profit": "nonprofit", "charity": "nonprofit",
                     "think tank": "nonprofit", "university": "university",
                     "college": "university", "advocacy group": "nonprofit",
                     "coalition": "nonprofit", "foundation": "nonprofit",
                     "collaborative": "nonprofit", "research group": "other",
                     "consortium": "other", "alliance": "other", "association": "other",
                     "federation": "other", "cooperative": "other", "co-op": "other",
                     "organization": "other", "organisation": "other", "institute": "other",
                     "trade group": "other", "industry group": "other", "network": "other",
                     "society": "nonprofit", "governing body": "other",
                     "regulator": "agency", "watchdog": "agency", "trade union": "nonprofit",
                     "union": "nonprofit", "league": "other", "political party": "other",
                     "party": "other", "sovereign wealth fund": "company"}  # fmt: skip
# "the Pacific Islands Forum (PIF)": a name defined with its acronym.
_ACRONYM_IN_PARENS = re.compile(r" \((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
# "Kobe-based Mizushima Shipbuilding", "Cape Town-based fintech Ubuntu Pay (Pty) Ltd": a name
# after where it is based and at most three lower-case words describing it.
_BASED = re.compile(
    r"(?<![\w-])[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}-based (?P<words>(?:[a-z][\w-]* ){0,3})"
    r"(?P<name>[A-Z][\w&.-]*(?:['’](?!s\b)[\w&.-]+)*"
    r"(?: (?:&|[A-Z][\w&.-]*(?:['’](?!s\b)[\w&.-]+)*)){0,4}"
    r"(?: \((?:Pty|Pvt|Pte)\) (?:Ltd|Limited)\.?)?)"
)
# What a company buys, merges with or takes a stake in: "acquired Sound United"
_DEAL_WORDS = ("acqui", "bought", "buy", "merge", "stake in", "takeover of")
_DEAL = re.compile(
    r"\b(?:acquired|acquire|acquires|acquiring|bought|buys|buying|to buy|acquisition of|"
    r"takeover of|merger with|merge with|merges with|merged with|stake in) "
    r"(?P<name>[A-Z][\w&.'’-]*(?: (?:&|[A-Z][\w&.'’-]*)){0,3})"
)
# "Acme Corp (NYSE: ACME)": a name with its stock ticker is a listed company.
_TICKER = re.compile(
    r" \((?:NYSE|NYSE American|NASDAQ|Nasdaq|LSE|TSX|TSXV|ASX|TSE|TYO|HKEX|SEHK|SGX|NSE|BSE|"
    r"KRX|SIX|XETRA|FWB|ETR|Euronext(?: [A-Z][a-z]+)?|OTC|OTCQX|OTCQB|Cboe|Nasdaq Stockholm|"
    r"Nasdaq Copenhagen|Nasdaq Helsinki|JSE|B3|BMV|TASE)(?: [A-Z][a-z]+)?: ?[A-Z0-9.]{1,8}"
    r"(?:[;,] [^)]{1,40})?\)"
)
# "Acme CEO Jane Roe", "chief executive of Acme": a company's title names the company.
_HONORIFIC_BEFORE = re.compile(r"(?:Dr|Mr|Ms|Mrs|Prof)\.? $")
_TITLE_SCOPES = TITLE_MODIFIERS | TITLE_SCOPES | {"former", "founding", "new", "incoming"}
_COMPANY_TITLE_AFTER = re.compile(
    r"(?P<name>[A-Z][\w&.'-]*(?: (?:&|[A-Z][\w&.'-]*)){0,3})(?:'s)? "
    r"(?:CEO|CFO|COO|CTO|Chief Executive|chief executive|founder|co-founder|Founder)\b"
)
# A verb that gives someone a title, right before the name: "names Jaime Muguiro CEO"
_APPOINTED_BEFORE = re.compile(
    r"\b(?:names|named|appoints|appointed|elects|elected|taps|tapped|picks|picked|promotes|"
    r"promoted|hires|hired|makes|made) $"
)
_COMPANY_TITLE_BEFORE = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Ff]ounder|[Cc]o-founder) "
    r"(?:of|at) (?P<name>[A-Z][\w&.'-]*(?: (?:&|[A-Z][\w&.'-]*)){0,3})"
)


def described_candidates(
    text: str,
    folded: str,
    taken: list[tuple[int, int]],
    candidates: dict[str, Candidate],
    countries: set[tuple[int, int]] = frozenset(),
) -> None:
    """Add to `candidates` the names the text itself explains: "X, a … company" and
    "Some Long Name (SLN)" (its initials make the acronym). `countries`: where a country is
    named; a country described ("Indonesia, the largest producer") is no candidate."""

    def add(start: int, end: int, kind: str, reason: str) -> None:
        if overlaps(start, end, taken) or (start, end) in countries:
            return
        name = text[start:end]
        key = fold_lower(name)
        if key in FUNCTION_WORDS or key in candidates:
            return
        if any(overlaps(start, end, [(m.start, m.end) for m in c.mentions])
               for c in candidates.values()):  # fmt: skip
            return
        candidates[key] = Candidate(name, kind, reason, [Mention(name, start, end)])

    for article in _ARTICLE.finditer(folded):
        described = _DESCRIPTION.match(folded, article.end())
        match = described and _NAME_BEFORE.search(
            folded, max(0, article.start() - 80), article.start()
        )
        if not match:
            continue
        start, name = _after_a_sentence(match.start("name"), match["name"])
        if not _a_company_name(name):
            continue  # "The …", "Former …": a sentence's words, not a name
        if any(
            w.lower() in TITLE_HEADS
            for w in folded[article.end() : described.start("noun")].split()
        ):
            continue  # "Jane Roe, the group's chief economist": a person's title
        kind = _APPOSITIVE_KINDS.get(described["noun"], "company")
        add(start, match.end("name"), kind, f"described as a {described['noun']}")

    if "-based " in folded:
        for based in _BASED.finditer(folded):
            words = based["words"].split()
            if any(w in TITLE_HEADS or w in OCCUPATIONS for w in words):
                continue  # "London-based economist Jane Roe": a person
            name = based["name"]
            if not _a_company_name(name):
                continue
            kind = guess_organization_kind(name)
            add(
                based.start("name"),
                based.end("name"),
                kind if kind != "other" else "company",
                "described by where it is based",
            )

    if any(verb in folded for verb in _DEAL_WORDS):
        for deal in _DEAL.finditer(folded):
            # "when it bought Sound United", "a 20% stake in Leapmotor": what a company buys
            name = _to_a_sentence_end(deal["name"].split(" "))
            if (
                _a_company_name(name)
                and not name.endswith(("'s", "’s"))
                and (" " in name or len(name) > 3)  # not "buying TV ads"
            ):
                start = deal.start("name")
                add(start, start + len(name), "company", "bought, merged or invested in")

    for noun, at, described in _described_by_a_noun(folded):
        words = described["name"].split(" ")
        while words and words[-1] in _RUN_CONNECTORS:
            words.pop()  # "… Management and …": the name ends before its connector
        name = _to_a_sentence_end(words)
        start = described.start("name")
        before = folded[max(0, at - 2) : at]
        if (
            name
            and _a_company_name(name)
            and not before.strip()[-1:].isupper()  # "Acme Group Holdings": one name
            and (" " in name or len(name) > 3)
            and not name.endswith(("'s", "’s"))
            # "the late investor Richard Gilder": an investor may be a person
            and (noun != "investor" or _HEAD_WORD.search(name) or name.count(" ") > 1)
        ):
            kind = _DESCRIBED_KINDS.get(noun, "company")
            add(start, start + len(name), kind, f"described as a {noun} before it")

    for listed in _TICKER.finditer(folded):
        match = _NAME_BEFORE.search(folded, max(0, listed.start() - 80), listed.start())
        if match and _a_company_name(match["name"]):
            add(match.start("name"), match.end("name"), "company", "listed with its ticker")
    if "CEO" in folded or "hief executive" in folded or "ounder" in folded:
        for pattern in (_COMPANY_TITLE_AFTER, _COMPANY_TITLE_BEFORE):
            for titled in pattern.finditer(folded):
                # "… said Jane Roe. Former CEO …": the name begins after the sentence
                start, name = _after_a_sentence(titled.start("name"), titled["name"])
                if name.endswith(".") and not _ABBREVIATION.fullmatch(name.split()[-1]):
                    name = name[:-1]  # "… CEO of Acme." ends a sentence
                if (
                    _a_company_name(name)
                    and not name.endswith(("'s", "'"))
                    # "Dr. Theodor Weimer Chief Executive Officer": a person; "Global CEO": a
                    # title's modifier
                    and not _HONORIFIC_BEFORE.search(folded, max(0, start - 6), start)
                    # "Cemex names Jaime Muguiro CEO": the person appointed to the title
                    and not (
                        pattern is _COMPANY_TITLE_AFTER
                        and _APPOINTED_BEFORE.search(folded, max(0, start - 12), start)
                    )
                    and name.lower() not in _TITLE_SCOPES
                ):
                    add(start, start + len(name), "company", "named by a company title")

    for defined in _ACRONYM_IN_PARENS.finditer(folded):
        match = _NAME_BEFORE.search(folded, max(0, defined.start() - 100), defined.start())
        if not match:
            continue
        letters = [c for c in defined["acronym"] if c.isupper()]
        words = match["name"].split()
        # the shortest tail of the run whose initials spell the acronym
        for first in range(len(words) - 1, -1, -1):
            tail = [w for w in words[first:] if w.lower() not in INITIAL_SKIP]
            initials = [w[0].upper() for w in tail]
            if initials == letters or (
                len(initials) == len(letters) - 1 and initials == letters[: len(initials)]
            ):
                if words[first].lower() in INITIAL_SKIP:
                    continue
                if words[first].lower() in NOT_ORGANIZATION_WORDS:
                    break  # "Partnership for Accelerating Clean Energy (PACE)": no body
                start = match.start("name") + len(" ".join(words[:first])) + (1 if first else 0)
                name = text[start : match.end("name")]
                kind = guess_organization_kind(name)
                described = _BODY_AFTER.match(folded, defined.end())
                if kind != "other" or _HEAD_WORD.search(name) or described:
                    # "the Official Cash Rate (OCR)", "sustainable aviation fuel (SAF)": a
                    # term defined with its acronym, not a body
                    add(start, match.end("name"), kind, "defined with its acronym")
                break


def _described_by_a_noun(folded: str):
    """(noun, its start, the name's match) for each describing noun right before a capitalized
    name: "the environmental group Cape Fear River Watch". (The nouns are found in one pass of
    an automaton: a regular expression of their alternation tries them at every offset.)"""
    for end, noun in _DESCRIBING_AUTOMATON.iter(folded):
        at, after = end - len(noun), end + 1
        if (
            (at == 0 or not (folded[at - 1].isalnum() or folded[at - 1] == "-"))
            and folded[after : after + 1].isupper()
            and (described := _DESCRIBED_NAME.match(folded, after))
        ):
            yield noun, at, described


def _to_a_sentence_end(words: list[str]) -> str:
    """The words of a name up to the first that ends a sentence ("Harbor Sound. Westbrook" is
    "Harbor Sound"; "Acme Co. Ltd" keeps its abbreviation), without the full stop."""
    for k, word in enumerate(words):
        if word.endswith(".") and not _ABBREVIATION.fullmatch(word):
            words = words[: k + 1]
            break
    return " ".join(words).rstrip(".,")


def _after_a_sentence(start: int, name: str) -> tuple[int, str]:
    """(start, name) of a run of capitalized words from the last sentence end in it on: "from
    France. USA Cricket" is "USA Cricket" ("Acme Co. Ltd" keeps its abbreviation)."""
    words = name.split(" ")
    for k in range(len(words) - 2, -1, -1):
        if words[k].endswith(".") and not _ABBREVIATION.fullmatch(words[k]):
            return start + len(" ".join(words[: k + 1])) + 1, " ".join(words[k + 1 :])
    return start, name


def _a_company_name(name: str) -> bool:
    """Words that can be a company's name: not a sentence's first function word, a title, a
    pronoun-like determiner ("Former", "Its"), a head noun or a legal form alone."""
    words = name.split()
    first = words[0].lower()
    return not (
        first in FUNCTION_WORDS
        or first in TITLE_WORDS
        or first in _NOT_A_COMPANY_START
        or (len(words) == 1 and (first in ORGANIZATION_HEADS or len(first) < 2))
        or (len(words) == 1 and first in COMPANY_SUFFIXES)  # "…, Incorporated, a subsidiary"
    )


_NOT_A_COMPANY_START = {"former", "new", "its", "their", "our", "his", "her", "then", "current"}
