"""Stage 6, people: known people by name, nickname or title + surname; new ones from a title
followed by a name ("Deputy Secretary of State Jane Roe")."""

import re
from itertools import chain

import ahocorasick

from people.matching.lexicon import (
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    CORPORATE_FUNCTIONS,
    DEGREES,
    FUNCTION_WORDS,
    HONORIFICS,
    LOWER_CASE_TITLES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    NOT_ORGANIZATION_WORDS,
    OCCUPATIONS,
    ORGANIZATION_HEADS,
    PORTFOLIO_MODIFIERS,
    PORTFOLIOS,
    RANKS,
    THING_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES_WITH_OBJECT,
    is_title_word,
    one_of,
)
from people.matching.match import bounded
from people.matching.results import PersonEntry

# "Roe", "Brooks-LaSure", "Waker-Uz-Zaman", "J.", "McNamara"
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z'’-]+(?:-?[A-Z][a-z'’-]+){0,2}|[A-Z]\.|[A-Z][a-z]+[A-Z][a-z]+"
    r"|(?:al|el)-[A-Z][a-z'’]+)$"  # "Asaad Hassan al-Shaibani"
)
_GENERATIONS = {"Jr.", "Sr.", "II", "III", "IV"}
_NUMERALS_ENDING_A_SENTENCE = {"II.", "III.", "IV."}
_SINGULAR = {"Sens.": "Sen.", "Reps.": "Rep.", "Secretaries": "Secretary", "Justices": "Justice",
             "Chairmen": "Chairman", "Chairwomen": "Chairwoman", "Congressmen": "Congressman",
             "Congresswomen": "Congresswoman"}  # fmt: skip


def _singular(title: str) -> str:
    """ "Senators" before one of its names is that one's "Senator"."""
    head, _, last = title.rpartition(" ")
    if last in _SINGULAR:
        last = _SINGULAR[last]
    elif last.lower() in TITLE_HEADS and last.endswith("s") and last[:-1].lower() in TITLE_HEADS:
        last = last[:-1]
    return f"{head} {last}" if head else last


# Military ranks that are titles on their own ("General Jane Roe", "Colonel Jane Roe").
_RANKS = RANKS
_TITLE_AUTOMATON = ahocorasick.Automaton()  # where a title word starts
for _title in TITLE_WORDS | _RANKS:
    _forms = {_title.capitalize(), _title.title(), _title.upper()}
    if _title in LOWER_CASE_TITLES:  # "the bank's chief economist Jarrod Kerr"
        _forms.add(_title)
    for _form in _forms:
        _TITLE_AUTOMATON.add_word(_form, len(_form))
_TITLE_AUTOMATON.make_automaton()
# "Deputy Secretary Landau": a surname right after a title or a courtesy title.
SURNAME_TITLE = re.compile(
    r"(?:Mr\.|Ms\.|Mrs\.|Dr\.|"
    + "|".join(re.escape(t.capitalize()) for t in sorted(TITLE_HEADS) if t.isalpha())
    + r")\s+$"
)
_CAPITAL_SOON = re.compile(r" [A-Z]")
_WORD = re.compile(r"[\w'’.+&-]+|\"|“|”")
_SUFFIXES = {s.rstrip(".") for s in NAME_SUFFIXES}


# "Director of the World Food Programme": the words of a body's name end a person's.
# ("General Data Protection Regulation": a law's words, no name after the title "General")
def _a_plural_head(word: str) -> bool:
    """ "associations", "agencies": an organization's head noun in the plural, in a body's name
    ("Federation of Uganda Football Associations"), never a person's (short words are left:
    "Banks" is a surname too)."""
    if len(word) < 7 or not word.endswith("s"):
        return False
    return word[:-1] in ORGANIZATION_HEADS or (
        word.endswith("ies") and f"{word[:-3]}y" in ORGANIZATION_HEADS
    )


_NOT_IN_A_NAME = ORGANIZATION_HEADS | NOT_ORGANIZATION_WORDS | {
    "program", "programme", "regulation", "directive", "treaty", "convention", "pact",
}  # fmt: skip


def _is_title_word(word: str, *, first: bool) -> bool:
    """A word of a title: "Deputy", "Secretary", "Minister-President"; after the first, also an
    occupation ("Chief Economist")."""
    lowered = word.lower()
    return is_title_word(lowered) or lowered in _RANKS or (not first and lowered in OCCUPATIONS)


def person_keys(person: PersonEntry) -> set[str]:
    keys = {person.full_name}
    parts = person.full_name.replace(",", " ").split()
    first, surname = parts[0], parts[-1] if len(parts) > 1 else ""
    if surname.lower().rstrip(".") in _SUFFIXES and len(parts) > 2:
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


def title_name_phrases(folded: str):
    """Yield (start, end, title, name, title start) for "Deputy Secretary of State Jane Roe".

    Only the few places where a capitalized title word starts are looked at, each through a
    window of words, so the cost follows the titles in a text, not its length.
    """
    resume = 0
    for end, length in _TITLE_AUTOMATON.iter(folded):
        start = end - length + 1
        if start < resume or not bounded(folded, start, end + 1):
            continue
        if start and folded[start - 1] in "'-":
            continue
        if not _CAPITAL_SOON.search(folded, end + 1, end + 60):
            continue  # no capitalized word soon after: no name ("the director said")
        window_end = min(len(folded), start + 160)
        tokens = [(m.start(), m.end(), m.group())
                  for m in _WORD.finditer(folded, start, window_end)]  # fmt: skip
        found, resume = _title_name_at(folded, tokens)
        if found:
            yield found


def _title_name_at(folded: str, tokens: list[tuple[int, int, str]]):
    """The title-and-name phrase starting at tokens[0], if any, and where to look next."""
    start = tokens[0][0]
    lower_case = not tokens[0][2][:1].isupper()  # "IMF spokesperson Julie Kozack"
    j = 0
    while j < len(tokens) and _is_title_word(tokens[j][2], first=j == 0):
        if not lower_case and not tokens[j][2][:1].isupper():
            break
        if j and folded[tokens[j - 1][1] : tokens[j][0]] not in (" ", ", "):
            break  # a paragraph break or punctuation ends a title
        j += 1
        # "Co-founder and chair Bill Gates": titles joined by "and"
        if (
            j + 1 < len(tokens)
            and tokens[j][2] == "and"
            and _is_title_word(tokens[j + 1][2], first=False)
        ):
            j += 1
            lower_case = True
    title_end = j
    # "Secretary of State", "Minister for Defence", "Inspector General of Police", then the name
    if (
        j + 1 < len(tokens)
        and tokens[j][2] in ("of", "to", "for")
        and any(w.lower() in TITLES_WITH_OBJECT for _, _, w in tokens[:j])
    ):
        # "Minister of Foreign Affairs Jane Roe", "Ambassador to Uzbekistan Jon Henick": the
        # capitalized run after "of"/"to" holds the rest of the title and then the name, whose
        # last two words we take as the name.
        k = j + 1
        if k < len(tokens) and tokens[k][2] == "the":
            k += 1
        run, capitalized = k, 0
        while run < len(tokens) and folded[tokens[run - 1][1] : tokens[run][0]] == " ":
            word = tokens[run][2]
            if (
                word in ("and", "of")
                and run + 1 < len(tokens)
                and tokens[run + 1][2][:1].isupper()
                and (capitalized < 2 or tokens[run - 1][2].lower() in PORTFOLIOS)
            ):
                run += 1  # "of Economy and Trade", "for Foreign Trade and Development"
                continue
            if not word[:1].isupper():
                break
            run += 1
            capitalized += 1
            if word.endswith((".", ",")) and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                if word.endswith(".") and run - k == 1:
                    # "the Head of the Commonwealth. Gan Kim Yong was …": the sentence ended
                    # with the title, whose holder is not the next sentence's subject
                    return None, tokens[run - 1][1]
                break  # the end of a sentence or a clause
        # the portfolio's last word, when a name of two to four words follows it: "of Industry
        # and Trade Nguyen Hong Dien" (else the last two words: "to Uzbekistan Jon Henick")
        portfolio_end = next(
            (p + 1 for p in range(run - 1, k - 1, -1) if tokens[p][2].lower() in PORTFOLIOS), 0
        )
        if run - k >= 3 and 2 <= run - portfolio_end <= 4:
            title_end = portfolio_end
        elif run - k >= 3:
            title_end = run - 2
            if re.fullmatch(r"[A-Z]\.", tokens[title_end][2]) and run - k >= 4:
                title_end -= 1  # "of Energy Jennifer M. Granholm": the initial is a middle one
            if tokens[title_end - 1][2] in ("of", "and", "the", "for"):
                return None, tokens[run - 1][1]  # "… of New Zealand": a place ends the title
        elif run - k >= 1:
            title_end = k + 1
    # where to look next: after the title's words, else after the word looked at (never the
    # window's end: "CEO." ending a sentence must not hide "President Jane Roe" after it)
    resume = tokens[j - 1][1] if j else tokens[0][1]
    # "Chief Economist", "Executive Vice-President", "General Jane Roe", "Colonel Jane Roe"
    heads = TITLE_HEADS | OCCUPATIONS if title_end > 1 else TITLE_HEADS | _RANKS
    if title_end == 1 and tokens[0][2].lower() == "lady":
        return None, resume  # a peer's style ("Lady Margaret Hall", a college), not "First Lady"
    if not any(
        w.lower() in heads or w.lower().split("-")[-1] in heads for *_, w in tokens[:title_end]
    ):
        return None, resume
    k = title_end
    if k < len(tokens) and tokens[k][2] == ",":
        k += 1
    if k < len(tokens) and folded[tokens[title_end - 1][1] : tokens[k][0]] not in (" ", ", "):
        return None, resume  # a title at a paragraph's end, a name opening the next one
    name_tokens: list[tuple[int, int, str]] = []
    while k < len(tokens) and sum(t[2].lower() not in NAME_PARTICLES for t in name_tokens) < 4:
        word = tokens[k][2]
        if word in {'"', "“", "”"}:
            # a nickname in quotes: 'Thomas "Tommy" Pigott'
            if k + 2 < len(tokens) and tokens[k + 2][2] in {'"', "“", "”"}:
                k += 3
                continue
            break
        clean = word.rstrip(".,") if not re.fullmatch(r"[A-Z]\.", word) else word
        if clean.lower() in ("jr", "sr") and word.startswith(clean + ".") and name_tokens:
            clean += "."  # "Ronald L. Rowe Jr., who"
        possessive = clean.endswith("'s") and len(clean) > 3
        if possessive:  # "President Yoon Suk Yeol's office": the name ends there
            clean = clean[:-2]
        gap = folded[tokens[k - 1][1] : tokens[k][0]] if name_tokens else " "
        if name_tokens and (gap.strip(' "') or "  " in gap):
            break  # punctuation or a paragraph break between words ends the name
        lowered = clean.lower()
        if not name_tokens and lowered in HONORIFICS and lowered not in FUNCTION_WORDS:
            k += 1  # "Director-General Dr Tedros Adhanom Ghebreyesus"
            continue
        particle = lowered in NAME_PARTICLES and name_tokens and k + 1 < len(tokens)
        particle = particle or (lowered in ("jr.", "sr.") and name_tokens)
        if not particle and (
            not _NAME_TOKEN.match(clean) or lowered in TITLE_WORDS or lowered in FUNCTION_WORDS
        ):
            break
        if (
            lowered in NOT_NAME_WORDS
            or (
                lowered in _NOT_IN_A_NAME and (name_tokens or lowered not in NOT_ORGANIZATION_WORDS)
            )
            or _a_plural_head(lowered)
        ):
            break  # ("Bill" begins a name; "… Bill" after a name is a law's; "… Associations")
        if word.lower().rstrip(",") in COMPANY_SUFFIXES:
            return None, resume  # "Boar's Head Provisions Co., Inc.": a company, no person
        name_tokens.append((tokens[k][0], tokens[k][0] + len(clean), clean))
        k += 1
        if (
            k < len(tokens)
            and (tokens[k][2] in _GENERATIONS or tokens[k][2] in _NUMERALS_ENDING_A_SENTENCE)
            and folded[tokens[k - 1][1] : tokens[k][0]] in (", ", " ")
        ):  # "Frank Pallone, Jr. (D-N.J.)", "Lloyd J. Austin III": a generation
            g_start, g_end, generation = tokens[k]
            if generation in _NUMERALS_ENDING_A_SENTENCE:  # "… Austin III." ends a sentence
                generation, g_end = generation[:-1], g_end - 1
            name_tokens.append((g_start, g_end, generation))
            break
        if clean != word:
            break
    while len(name_tokens) > 2 and name_tokens[0][2] in _ROYAL_STYLES:
        name_tokens.pop(0)  # "Sports Minister Prince Abdulaziz bin Turki Al Faisal"
    if len(name_tokens) < 2:
        return None, resume
    title = _singular(folded[start : tokens[title_end - 1][1]])
    name_start, name_end = name_tokens[0][0], name_tokens[-1][1]
    return (start, name_end, title, folded[name_start:name_end], start), name_end


_NAME_WORD = (
    r"(?!(?:Jr|Sr)\b)"  # (a generation is the name's suffix, not a word of it)
    r"(?:[A-Z][a-z]?['’][A-Z][a-z]+(?:-[A-Z][a-z'’]+)?"  # "O’Neill", "D’Amato"
    r"|(?:al|el)-[A-Z][a-z'’]+"  # "Ahmed al-Sharaa"
    # "McCarthy", "DeSantis-Lee": tried before a word's first part ("Mc") alone
    r"|[A-Z][a-z]+[A-Z][a-z]+(?:-[A-Z][a-z'’]+)?"
    r"|[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+(?:[A-Z][a-z'’]+)?){0,2}|[A-Z]\.(?:[A-Z]\.)?)"
)
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
# Two to four words, particles aside; five when a particle follows the first ("Mohammed bin
# Abdulrahman bin Jassim Al Thani"), not when a title's word may have come first.
_FULL_NAME = (
    rf"(?:{_NAME_WORD} (?:{_PARTICLE}) {_NAME_WORD}(?: (?:(?:{_PARTICLE}) )*{_NAME_WORD}){{3}}"
    rf"|{_NAME_WORD}(?: (?:(?:{_PARTICLE}) )*{_NAME_WORD}){{1,3}})"
    r"(?:,? (?:Jr\.|Sr\.|II|III|IV))?"
)
_SPEECH = r"(?:said|says|added|noted|explained|stated|told|wrote|announced|argued|warned)"
# '"…," said Jane Roe' / 'according to Jane Roe' / 'Jane Roe said' / 'Jane Roe, the chair of …':
# the cheap anchors (a speech verb, ", the ") are found first, then the name beside them.
_VERBS = _SPEECH.strip("(?:)").split("|")
# Who takes or leaves an office: "Jane Roe sworn in as …", "… to succeed Jane Roe".
_VERBS += [
    "elected", "re-elected", "sworn", "appointed", "named", "names", "nominated", "succeed",
    "succeeds", "succeeded", "succeeding", "replaced", "replaces", "replacing",
    # who leads a body: "the ministry, led by Jane Roe,"
    "led by", "headed by", "chaired by", "founded by", "co-founded by",
    # who leaves or joins one: "Carlos Tavares resigned", "Lewis Hamilton to join Ferrari"
    "resigned", "resigns", "stepped down", "steps down", "to join", "joined", "joins",
]  # fmt: skip
# One scan for every anchor; the space or comma after an anchor is looked at, not taken, so that
# " said, the " and ", who announced " give both anchors.
_ANCHOR = re.compile(rf" {one_of(_VERBS)}(?=[ ,])| according to(?= )|, (?:the|a|an|who|its)(?= )")


def _anchors(folded: str):
    """(start, end, is a comma) of each anchor, in the order of the text."""
    found = []
    for match in _ANCHOR.finditer(folded):
        at, end = match.span()
        if folded[at] == ",":
            found.append((at, end + 1, True))
        else:  # the word(s) between the spaces: "said", "according to"
            found.append((at + 1, end, False))
    return found


# A verb after the name that follows "said": the name is the subject of what was said
_A_CLAUSE_VERB = re.compile(
    r" (?:had|has|have|was|were|is|are|would|will|could|should|can|may|might|did|does|"
    r"must)\b"
)
_ARTICLE_AFTER = re.compile(r", (?:the|a|an) ")
# (a final "Jr." kept whole; no name ends with an initial: "Robert K." before a nickname)
_NAME_AFTER = re.compile(rf" (?P<name>{_FULL_NAME})(?<! [A-Z]\.)(?![\w’'-])")
_NAME_BEFORE = re.compile(rf"(?<![\w’'])(?P<name>{_FULL_NAME}) (?:also )?$")
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w’'])(?P<name>{_FULL_NAME})$")


def _capitalized_before(folded: str, at: int) -> bool:
    """Whether the word ending just before `at` (a space or comma there) is capitalized."""
    start = folded.rfind(" ", max(0, at - 30), at - 1) + 1
    return folded[start : start + 1].isupper()


_DESCRIPTION_WORDS = re.compile(r"[\w'’-]+")
_BODY_NOUNS = (
    ORGANIZATION_HEADS
    | COMPANY_NOUNS
    | THING_NOUNS
    | {"program", "programme", "arm", "brand", "body"}
) - {"team", "force", "forces"}


def _describes_a_body(folded: str, at: int) -> bool:
    """Whether the words after ", the" at `at` describe a body, not a person: "the program
    created by …", "the company's snacks business" (and not "the bank's chief economist")."""
    words = []
    for match in _DESCRIPTION_WORDS.finditer(folded, at, at + 60):
        if match.start() > at and folded[match.start() - 1] != " ":
            break  # punctuation ends the description
        words.append(match.group().lower().removesuffix("'s").removesuffix("’s"))
        if len(words) == 5 or folded[match.end() : match.end() + 1] != " ":
            break
    if any(w in TITLE_HEADS or w in OCCUPATIONS for w in words):
        return False
    return any(w in _BODY_NOUNS for w in words)


def _spoken_spans(folded: str):
    for start, end, comma in _anchors(folded):
        before = _capitalized_before(folded, start + (1 if comma else 0))
        after = not comma and folded[end + 1 : end + 2].isupper()
        if not (before or after):
            continue
        if (
            comma
            and folded[start + 2 : end].strip() in ("the", "a", "an")
            and _describes_a_body(folded, end)
        ):
            continue  # "Mars Snacking, the company's snacks business"
        if comma:
            match = _NAME_BEFORE_COMMA.search(folded, max(0, start - 60), start)
        else:
            match = after and _NAME_AFTER.match(folded, end)
            if match and _A_CLAUSE_VERB.match(folded, match.end()):
                match = None  # "Treasury said Tornado Cash had moved …": what was said, no name
            elif match and (article := _ARTICLE_AFTER.match(folded, match.end())):
                if _describes_a_body(folded, article.end()):
                    match = None  # "OFAC added Tornado Cash, a service that …": a thing
            match = match or (before and _NAME_BEFORE.search(folded, max(0, start - 60), start))
        if match:
            yield match.span("name"), match["name"]


# "INTERPOL's Director", "IBM Fellow": a body's name may come before the title after a comma
_BODY_BEFORE_TITLE = (
    r"(?:(?:[A-Z][\w.&-]* ){0,2}[\w.&-]+'s |(?!(?:CEO|CFO|COO|CTO|CIO) )[A-Z][A-Z&]{1,9} )?"
    r"(?:former |then |longtime )?"
    r"(?:Group )?"  # "Group Managing Director": of the whole group
)

_NAME_AT = re.compile(_FULL_NAME)
_HONORIFIC_AUTOMATON = ahocorasick.Automaton()  # "Sir Jane Roe", "Dr. Jane Roe"
for _form in ("Sir ", "Dame ", "Dr ", "Dr. ", "Prof ", "Prof. ", "Professor ", "Gen. ", "Lt. ",
              "Col. ", "Maj. ", "Adm. ", "Capt. ", "Sgt. ", "Brig. ", "Rep. ", "Sen. ", "Gov. ",
              "Del. ", "Amb. "):  # fmt: skip
    _HONORIFIC_AUTOMATON.add_word(_form, len(_form))
_HONORIFIC_AUTOMATON.make_automaton()
# After a name and its comma, what makes the rest of the clause a title: "Jane Roe, director of
# …", "Jane Roe, INTERPOL's Director of …", "Jane Roe, previously senior vice president".
_TO_A_TITLE = re.compile(r" (?:the )?(?P<word>[\w-]+)")
_AFTER_COMMA = re.compile(r"(?:(?:also|previously|formerly|former|now) )?(?:(?:the|a|an) )?"
                          + _BODY_BEFORE_TITLE +
                          r"(?P<word>[\w-]+)(?P<rest>[ ,.;:]\S*)?")  # fmt: skip
_BACK_THROUGH = {"of", "the", "for", "and", "on", "to"}
_COMMA_BEFORE_A_CAPITAL = re.compile(r", (?=[A-Z])")
_DEGREE = re.compile(
    r"(?:"
    + "|".join(re.escape(d.upper()) for d in sorted(DEGREES | {"jd"}) if "." not in d)
    + r"|Ph\.D\.|M\.D\.), "
)


def _title_after(folded: str, at: int) -> bool:
    """Whether a title begins at `at` and is not itself followed by a name ("Governor Kathy
    Hochul" is a title and its holder, not a title describing the name before the comma)."""
    while match := _DEGREE.match(folded, at):  # "Jane Roe, MD, JD, the bank's president"
        at = match.end()
    match = _AFTER_COMMA.match(folded, at, at + 80)
    if match and not _is_title_word(match["word"], first=True):
        # "Jo Roe, research manager at HAI": a title's head after a word or two of its field
        words = _FIELD_WORDS.match(folded, match.start("word"))
        return bool(words) and any(w in TITLE_HEADS for w in words.group().split()[1:3])
    if not match:
        return False
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded, at, at + 160)]
    if match["word"][:1].isupper() and tokens and _title_name_at(folded, tokens)[0]:
        return False  # "In Buenos Aires, Minister of Economy Luis Caputo": a title and its holder
        # (a title in lower case describes the name before: "chief executive of Crown Estate")
    rest = (match["rest"] or " ").lstrip(" ").rstrip(",.;:")
    if match["word"].lower() in TITLE_MODIFIERS:  # "chief executive", not "chief supplier"
        if rest == "to" and (holder := _TO_A_TITLE.match(folded, match.end())):
            return _is_title_word(holder["word"], first=False)  # "assistant to the administrator"
        if rest in ("of", "for") and match["word"].lower() in TITLE_HEADS:
            return True  # "chief of the fire department", "head of research"
        if _is_title_word(rest, first=False):
            return True
        # "Chief Commercial Officer", "chief software officer": the head a word or two on
        following = folded[match.end("word") : match.end("word") + 40].split()[1:3]
        for word in following:
            bare = word.rstrip(",.;:")
            if bare.lower() in TITLE_HEADS:
                return True
            if not bare.islower() or bare != word:
                break
        return False
    return not rest[:1].isupper() or _is_title_word(rest, first=False)


_FIELD_WORDS = re.compile(r"[a-z][a-z-]+(?: [a-z][a-z-]+){1,2}")


# Who held or will hold an office: "his predecessor, Jane Roe, resigned"
_HOLDERS = {"predecessor", "successor"}


def _title_before(folded: str, at: int) -> bool:
    """Whether the words before the comma at `at` end a title: "the bank's chief economist",
    "The Archbishop of Paris", "the High Representative of the European Union"."""
    words = folded[max(0, at - 90) : at].split()
    for word in reversed(words[-9:]):
        bare = word.removesuffix("'s")
        if _is_title_word(bare, first=False) or bare in _HOLDERS:
            return True
        if not (bare[:1].isupper() or bare in _BACK_THROUGH) or bare.endswith((".", ",", ";")):
            return False
    return False


# Where a title may follow a comma (checked in full by _title_after): the regular expression
# engine finds these few commas, instead of a loop over every comma.
_COMMA_BEFORE_A_TITLE = re.compile(
    r", (?=(?:(?:MD|JD|PhD|Ph\.D\.|M\.D\.|MBA|DPhil), )*"
    r"(?:(?:also|previously|formerly|former|now) )?(?:(?:the|a|an) )?"
    + _BODY_BEFORE_TITLE
    + r"(?:[a-z][a-z-]+ ){0,2}(?:[Cc]o-)?(?:"
    + one_of({f for w in TITLE_WORDS | _RANKS for f in (w, w.capitalize(), w.upper())})
    + r")(?:[- ,.;:]|$))"
)  # (no re.I: case-insensitive, the engine could not skip to each ", ")


# The words of a minister's or a ministry's portfolio (up to three: not "Secretary of
# Transportation Pete Buttigieg, Senators Mark Warner and …"), up to a name that is one of them
_IN_A_PORTFOLIO = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner|Director-General) (?:of|for) "
    r"(?:the )?(?P<items>(?:[A-Z][\w&'-]*(?:,| and| &)? ){1,3})?$"
)
_PORTFOLIO_LIST = re.compile(r"\b(?:[Ff]or|[Oo]f) [A-Z][\w-]*(?: [A-Z][\w-]*)*$")


def _appositive_spans(folded: str):
    """Names set off by commas beside a title: "Jane Roe, director of …" and "the agency's
    director, Jane Roe, said"."""
    for comma in _COMMA_BEFORE_A_TITLE.finditer(folded):
        at, after = comma.start(), comma.end()
        if _capitalized_before(folded, at) and _title_after(folded, after):
            if match := _NAME_BEFORE_COMMA.search(folded, max(0, at - 60), at):
                yield match.span("name"), match["name"]
    for comma in _COMMA_BEFORE_A_CAPITAL.finditer(folded):
        at, after = comma.start(), comma.end()
        if _title_before(folded, at):
            match = _NAME_AT.match(folded, after)
            if match and re.match(r",| \(| [a-z]", folded[match.end() : match.end() + 2]):
                if _PORTFOLIO_LIST.search(folded, max(0, at - 90), at) and re.match(
                    r", [A-Z]", folded[match.end() : match.end() + 3]
                ):
                    continue  # "Secretary of State for Digitisation, Administrative
                    # Simplification, Privacy …": the portfolio's list, not a name
                yield match.span(), match.group()


# "Senators Jane Roe (D-CT) and John Doe (R-WI)": the names after a plural title, each with
# its party and state, in a list.
_PARTY = r"(?: \((?:[DRI]|[A-Z][a-z]+)-[^)]{1,14}\))?"
_PLURAL_FORMS = (
    "Senators", "Sens.", "Representatives", "Reps.", "Congressmen", "Congresswomen",
    "Governors", "Ministers", "Secretaries", "Commissioners", "Mayors", "Ambassadors",
    "Co-chairs", "Co-Chairs", "Chairs", "Chairmen", "Justices", "Judges", "Members", "members",
    "Directors", "directors", "Attorneys", "Agents", "Officers",
)  # fmt: skip
_PLURAL_TITLE = re.compile(
    r"(?<![\w’'])(?:" + "|".join(re.escape(form) for form in _PLURAL_FORMS) + ") "
)
_LISTED_NAME = re.compile(rf"(?P<name>{_FULL_NAME}){_PARTY}(?P<next>,? and |, )?")


_PLURAL_AUTOMATON = ahocorasick.Automaton()  # where a plural title may start
for _form in _PLURAL_FORMS:
    _PLURAL_AUTOMATON.add_word(f"{_form} ", len(_form) + 1)
_PLURAL_AUTOMATON.make_automaton()


def _listed_spans(folded: str):
    for end, length in _PLURAL_AUTOMATON.iter(folded):
        title = _PLURAL_TITLE.match(folded, end - length + 1)
        if title is None:
            continue
        at = title.end()
        while match := _LISTED_NAME.match(folded, at):
            yield match.span("name"), match["name"]
            if not match["next"]:
                break
            at = match.end()


# "Jo Roe, 22, of Dighton", "chaired by Jo Roe (R-WA)": an age or a party and state after a
# name say it is a person's.
_AGE_OR_PARTY = re.compile(r"(?:, \d{1,3},| \((?:[DRI]|Ind)-[A-Z][\w. ]{1,14}\))")


def _aged_or_party_spans(folded: str):
    if "," not in folded and "(" not in folded:
        return
    for tag in _AGE_OR_PARTY.finditer(folded):
        match = _NAME_BEFORE_COMMA.search(folded, max(0, tag.start() - 60), tag.start())
        if match is None:
            continue
        start, name = match.start("name"), match["name"]
        words = name.split()
        while len(words) > 2 and (
            is_title_word(words[0].lower()) or words[0].lower() in HONORIFICS
        ):
            start += len(words.pop(0)) + 1  # "Representative Jo Roe (R-WA)"
        yield (start, match.end("name")), " ".join(words)


# "Jared C. Dolan": a given name, a middle initial and a family name are a person's
_MIDDLE_INITIAL = re.compile(
    r"(?<![\w.’'-])[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r"(?:,? (?:Jr\.|Sr\.|II|III|IV))?(?![\w’'-])"
)


_AN_INITIAL = re.compile(r" [A-Z]\. [A-Z]")  # where a middle initial may be: found first


def _middle_initial_spans(folded: str):
    for initial in _AN_INITIAL.finditer(folded):
        start = initial.start()
        reach = max(0, start - 30)
        given = max(folded.rfind(" ", reach, start), folded.rfind("\n", reach, start)) + 1
        if match := _MIDDLE_INITIAL.match(folded, given):
            yield match.span(), match.group()


def _honorific_spans(folded: str):
    for end, length in _HONORIFIC_AUTOMATON.iter(folded):
        start = end - length + 1
        if start and (folded[start - 1].isalnum() or folded[start - 1] in "'’"):
            continue
        if match := _NAME_AT.match(folded, end + 1):
            yield match.span(), match.group()


# "his wife, Brigitte Bren,", "and her son Jon Roe": a relative named after the kinship noun
_KIN = re.compile(
    r"(?<![\w’'])(?:[Hh]is|[Hh]er|[Tt]heir) (?:wife|husband|son|daughter|brother|sister|"
    r"father|mother|parents|widow|widower|partner|spouse|sons|daughters),? "
)


def _who_spans(folded: str):
    """ "Katalin Karikó and Drew Weissman, whose discoveries …", "Jo Roe, who founded …"."""
    if ", who" not in folded:
        return
    for who in _WHO.finditer(folded):
        if match := _NAME_BEFORE_COMMA.search(folded, max(0, who.start() - 60), who.start()):
            yield match.span("name"), match["name"]


_WHO = re.compile(r", who(?:se|m)? (?=[a-z])")


def _kin_spans(folded: str):
    if " his " not in folded and " her " not in folded and " their " not in folded:
        return
    for kin in _KIN.finditer(folded):
        if match := _NAME_AT.match(folded, kin.end()):
            yield match.span(), match.group()


# "Jane Roe will be the chairperson of the venture and John Doe its vice chairperson": the
# office a person holds or will hold, after the name.
_HOLDS = re.compile(
    r" (?P<verb>will be|will become|becomes|became|remains|its) (?=(?:the |its |their )?[a-z])"
)


def _office_spans(folded: str):
    if " its " not in folded and " be" not in folded and " remains " not in folded:
        return
    for holds in _HOLDS.finditer(folded):
        at = holds.start()
        if not _title_after(folded, holds.end()):
            continue
        match = _NAME_BEFORE_COMMA.search(folded, max(0, at - 60), at)
        if match is None:
            continue
        if holds["verb"] == "its" and not folded[: match.start("name")].endswith(" and "):
            continue  # "… and John Doe its vice chairperson": the verb said before
        yield match.span("name"), match["name"]


_PLACE_BEFORE = re.compile(r"(?<![\w’'])(?:in|near) $")
# (not words that also begin names, "Water", "Family", nor those that make a run no name at
# all, "National Blood Donor Month")
_PORTFOLIO_WORDS = (
    (PORTFOLIOS | CORPORATE_FUNCTIONS | PORTFOLIO_MODIFIERS)
    - NOT_NAME_WORDS
    - {
        "people",
        "state",
        "family",
        "children",
        "women",
        "youth",
        "land",
        "lands",
        "water",
    }
)
# Styles before a royal's name (not "Sultan", a given name too)
_ROYAL_STYLES = {
    "Crown", "Prince", "Princess", "Sheikh", "Sheikha", "Shaikh", "Shaikha", "Emir", "King",
    "Queen",
}  # fmt: skip
_NAME_AFTER_AND = re.compile(rf"(?P<name>{_FULL_NAME})(?<! [A-Z]\.)(?=[,.;:]|$| (?:[a-z]|\())")
_NAME_BEFORE_AND = re.compile(rf"(?<![\w’'])(?P<name>{_FULL_NAME}) and $")
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he $")


def spoken_names(folded: str):
    """Yield (start, end, name) for people the text quotes or describes without a title
    before their name: "said Jane Roe", "Jane Roe said", "Jane Roe, the bank's chair", "Jane
    Roe, director of …", "the bank's director, Jane Roe,", "Sir Jane Roe"."""
    spans = set(
        chain(
            _spoken_spans(folded),
            _appositive_spans(folded),
            _honorific_spans(folded),
            _listed_spans(folded),
            _aged_or_party_spans(folded),
            _office_spans(folded),
            _middle_initial_spans(folded),
            _kin_spans(folded),
            _who_spans(folded),
        )
    )
    # "with Guillaume Lample and Timothée Lacroix, who had both worked at Meta": a name joined
    # to a person's by "and" is a person's too
    for (start, end), _ in list(spans):
        if folded[max(0, start - 5) : start] == " and ":
            if match := _NAME_BEFORE_AND.search(folded, max(0, start - 65), start):
                spans.add((match.span("name"), match["name"]))
        # "fined Donald Trump Jr. and Eric Trump": and after it
        if folded.startswith(" and ", end) and (match := _NAME_AFTER_AND.match(folded, end + 5)):
            spans.add((match.span("name"), match["name"]))
    # one name per start, the longest: "Dorval R. Carter Jr.", not also "… Carter Jr"
    longest = {}
    for (start, end), found in spans:
        if start not in longest or end > longest[start][0][1]:
            longest[start] = ((start, end), found)
    spans = set(longest.values())
    given: set[tuple[int, int]] = set()
    for (start, end), found in sorted(spans):
        words = found.replace(",", " ").split()
        if any(
            w.lower() in FUNCTION_WORDS or is_title_word(w.lower()) or w in _PLURAL_FORMS
            for w in words
        ):
            # "The Minister said": a capitalized sentence start or a title, not a name
            while words and (
                words[0].lower() in FUNCTION_WORDS
                or is_title_word(words[0].lower())
                or words[0] in _PLURAL_FORMS
            ):
                start += len(words[0]) + 1
                words.pop(0)
            # "Chief Fire Marshal Daniel Flynn said": the title's last word ends it
            last = max((i for i, w in enumerate(words) if w.lower() in TITLE_WORDS), default=-1)
            if 0 <= last < len(words) - 2 and " " in folded[start:end]:
                start += len(" ".join(words[: last + 1])) + 1
                words = words[last + 1 :]
            # "Dr. Theodor Weimer Chief Executive Officer of …": a title after the name, no
            # comma between
            while len(words) > 2 and words[-1].lower() in TITLE_WORDS:
                end -= len(words.pop()) + 1
            if len(words) < 2 or any(w.lower() in FUNCTION_WORDS for w in words):
                continue
        # "Disaster Management Yoshifumi Matsumura", "Monetary Policy": a portfolio's words
        # (after a title the text gave before them) are no part of a name
        while words and words[0].lower() in _PORTFOLIO_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            continue
        # ("Bill" begins a name: "Bill Cassidy (R-La.)"; "… Bill" after a name is a law's)
        if any(
            w.lower().strip(".") in _NOT_IN_A_NAME | NOT_NAME_WORDS
            for w in (words[1:] if words[0] == "Bill" and len(words) > 1 else words)
        ):
            continue
        if _PLACE_BEFORE.search(folded, max(0, start - 6), start):
            continue  # "the Cave of Horror in Nahal Hever, the first …": a place
        if (portfolio := _IN_A_PORTFOLIO.search(folded, max(0, start - 120), start)) and (
            portfolio["items"] is None or folded.startswith((" and ", " & "), end)
        ):
            # "Deputy Minister for Climate Change, who …", "Minister for Energy, Water Resources
            # and Irrigation": the portfolio (not "Minister for Foreign Affairs, Dmytro Kuleba")
            continue
        if words[0].lower() in HONORIFICS or words[0].lower().rstrip(".") in HONORIFICS:
            continue  # "Ms Bullock said": a person named before, by surname
        if _ARTICLE_BEFORE.search(folded, max(0, start - 5), start):
            continue  # "from the Ronin Bridge, the largest …": an article, so a thing or a place
        while len(words) > 2 and words[0] in _ROYAL_STYLES and folded[start:].startswith(words[0]):
            # "Crown Prince Mohammed bin Salman": a style before the name, no part of it
            start += len(words[0]) + 1
            words = words[1:]
        if (start, end) in given:
            continue  # (found by two cues: "Attorneys Ana C. Lima", "Ana C. Lima")
        given.add((start, end))
        yield start, end, folded[start:end]
