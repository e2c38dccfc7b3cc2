"""Stage 2, index, and the scan that runs every stage: `AliasIndex`.

`AliasIndex` is built once from the registry (canonical names, aliases, people and their titles)
into one Aho-Corasick automaton over the lower-cased text — acronyms and one-word names ("EPA",
"US", "Georgia") match only as written, checked where they are found — so a text is scanned once
whatever the size of the registry. `AliasIndex.find(text)` runs the stages in order: fold,
match, resolve, candidates, people (see the package's modules).
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import pairwise

import ahocorasick

from people.matching.candidates import (
    AFTER_A_REGISTRY_NAME,
    described_candidates,
    find_candidates,
    guess_organization_kind,
)
from people.matching.fold import fold, fold_lower, index_key, is_acronym, is_case_sensitive_name
from people.matching.lexicon import (
    CELESTIAL_BODIES,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    COMPANY_VERBS,
    CORPORATE_FUNCTIONS,
    DEMONYMS,
    FUNCTION_WORDS,
    INITIAL_SKIP,
    INSTRUMENT_WORDS,
    LEGAL_FORM,
    LEGAL_FORM_BEFORE,
    MINISTRY_TOPICS,
    NAME_CONNECTORS,
    NATIONAL_OFFICE_TITLES,
    NATIONAL_PREFIX,
    NICKNAME,
    NOT_NAME_WORDS,
    NOT_ORGANIZATION_WORDS,
    ONE_LEGAL_FORM,
    ORGANIZATION_HEADS,
    PORTFOLIO_MODIFIERS,
    PORTFOLIOS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_WORDS,
    TRADE_NOUNS,
    government_name,
    is_title_word,
    with_article,
)
from people.matching.match import (
    NATIONAL_SHORT_FORM,
    SHORT_FORM,
    STATE_AFTER,
    Context,
    bounded,
    inside_parens,
    legal_form_end,
    longest_first,
    overlaps,
    reads_as_a_short_form,
    registry_hits,
    whole_words,
)
from people.matching.people import (
    SURNAME_TITLE,
    person_keys,
    spoken_names,
    title_name_phrases,
)
from people.matching.resolve import resolve
from people.matching.results import (
    A_GOVERNMENT,
    COUNTRY,
    PUBLIC_KINDS,
    Ambiguity,
    Candidate,
    Entry,
    Findings,
    Hit,
    Mention,
    PersonEntry,
    PersonFinding,
    Suggestion,
    Target,
)

_TOPIC_WORDS = "|".join(sorted(MINISTRY_TOPICS, key=len, reverse=True))
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
# "… (EPA)", and "… (Autoriteit Persoonsgegevens, AP)": a name in its own language first
_ACRONYM_AFTER = re.compile(  # (matched at a name's end: no slice of the rest of the text)
    r"\s*\(\s*(?:[A-Z][^(),]{2,60}, )?(?P<acr>[A-Z][A-Za-z0-9&.+-]{1,14})\s*\)"
)
# "(Autoriteit Persoonsgegevens, AP)": the name an acronym stands for, before it in parentheses
_LOCAL_NAME_BEFORE = re.compile(r"\((?P<name>[A-Z][^(),]{2,60}), $")
# "Secretary of the Treasury" → the Department of the Treasury, when the registry has it.
_CABINET_TITLE = re.compile(
    r"\bSecretary of (?P<the>the )?(?P<dept>[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)"
    r"(?! for\b)"  # a British "Secretary of State for Transport" heads no Department of State
)


_NEXT_CAPITALIZED = re.compile(r" (?P<word>[A-Z][\w'-]*)(?: (?P<second>[A-Z][\w'-]*))?")
_OF_A_BODY_AFTER = re.compile(r",? (?:of|for|at) (?:the )?")
# A company's one- or two-word name before a country's ("Vodafone UK", "Safaricom Ethiopia"),
# the country's name not going on ("Kenya Airways", "India's").
# A residence's name ("White House", "Malacañang Palace", "Istana", "Bangabhaban"): a building's
# head, or one word that is no acronym
_A_RESIDENCE = re.compile(r"(?:Palace|House)$|^[A-Z][a-z]+$")
# A legislature's chamber (not its committees, caucuses or offices)
_A_CHAMBER = re.compile(
    r"^(?:(?:U\.S\.|United States) )?(?:House|Senate)\b(?!.*(?:ommittee|Caucus|Office))"
)
# A brand's products after its name: "OXXO convenience stores", "Acura electric models"
_PRODUCTS_AFTER = re.compile(
    r"(?: (?:electric|convenience|branded|hybrid|luxury|retail|gas|fuel))? (?:stores?|shops?|"
    r"outlets|models?|vehicles|cars|SUVs|trucks|products|phones|devices|restaurants|stations|"
    r"hotels|brand|payments|platform|app|cloud)\b"
)
# A list of brands: "brands from Peugeot and Fiat to Jeep", "brands such as Lancôme"
_BRANDS_BEFORE = re.compile(
    r"\bbrands,? (?:from|including|such as|like|as) (?:[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*)*"
    r"(?:,| and| to| or) )*$"
)
# "Indian Affairs", "federal Indian boarding schools", "Indian tribes" (and "American Indian"):
# the United States' Native peoples, not India
_NATIVE_AMERICAN = re.compile(
    r" (?:Affairs|Country|[Bb]oarding|[Tt]ribes?|[Tt]ribal|[Rr]eservations?|Health Service|"
    r"[Nn]ations|Child Welfare|Education|Gaming|[Ll]ands?)\b"
)
# "the Government", "The Government's reforms": a government named by its capital alone
_THE_GOVERNMENT = re.compile(r"\b[Tt]he (Government)\b(?! of\b| [A-Z]|-)")
_LOWER_WORD_AFTER = re.compile(r" ([a-z]+)\b")
_OWNER_BEFORE = re.compile(r"(?<![\w.&'’-])(?P<owner>[A-Z][\w&'-]+(?: [A-Z][\w&'-]+){0,3}) $")
_NAME_GOES_ON = re.compile(r"[\w&'’-]| [A-Z]")
_COUNTRY_IN_PARENTHESES = re.compile(
    r"(?<![\w.&'’-])(?P<name>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4}) \((?P<country>[A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)?)\)(?i:" + ONE_LEGAL_FORM + r")+(?![\w])"
)
# Capitalized words and the small words of names, after a body's acronym
_WORDS_OF_A_UNIT = re.compile(r"(?: (?:[A-Z][\w'&-]*|of|for|on|and|the)(?=[ ,.;:]|$))+")
# Bodies with businesses or branches named after a country: "Vodafone UK", "Greenpeace
# Switzerland"
_NATIONAL_BRANCHES = {"company", "nonprofit"}
_JOINED_BEFORE = re.compile(r"(?<![\w.-])(?P<word>[A-Z][a-z]{2,})-$")  # "Crabtree-" (not "U.S.-")
_IN_A_PLACE = re.compile(r"(?<![\w-])(?:[Ii]n|from|for|across|home) (?P<the>the )?(?:U\.S\. )?$")
_A_STATES_LAW = re.compile(r" laws?\b")  # "under Washington state law": its law, not it acting
_GAMES_AFTER = re.compile(
    r" (?:(?:Olympic|Paralympic|Olympic and Paralympic) Games|Olympics|Paralympics|Games)\b"
)
_GAMES_BEFORE = re.compile(r"\b(?:Olympic|Paralympic) Games $")
_AT_A_PLACE = re.compile(r"(?<![\w-])(?:at|from|to|into|in|near|via|out of) (?:the )?$")
_A_PLACE_OF_IN_LOWER_CASE = re.compile(r"\b(?:state|province|commonwealth|region)(?: of |$)")
_A_PLACE_OF = re.compile(r"(?i:state|province|commonwealth|region|canton|land|city|county) of ")
_DEPARTMENT_OF = re.compile(r"^Department of (?:the )?(?P<portfolio>[A-Z][a-z]+)$")
# A ministry's name, in lower case: "ministry of railways of india" (its portfolio, its country)
_MINISTRY_OF = re.compile(
    r"^(?:the )?(?:federal |union )?ministry (?:of|for) (?:the )?(?P<portfolio>.+)$"
)
# "Fort Stewart, Georgia", "Atlanta, Georgia": a place, a comma, then the state: an address.
_AFTER_A_PLACE = re.compile(r"[A-Z][\w.'-]*, $")
# A text that speaks of a state or a province as such: "the state's history", "statewide".
_A_STATE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Tt]hat) (?:state|province)(?![\w-])(?! of\b)|\bstatewide\b"
)  # (not "the state-owned railway", "the state of emergency")
# Courts' words before a judge's title: "U.S. District Judge", "U.S. Bankruptcy Judge".
# "government" as a modifier, not the government acting: "government bonds", "government
# officials", "Government of Canada" (a name of its own, found as such).
_GOVERNMENT_MODIFIES = (
    r" (?:of|agency|agencies|department|departments|officials?|bonds?|debt|securities|"
    r"spending|budget|data|contracts?|funding|subsidies|grants?|sources?|ministers?|"
    r"employees|workers|buildings?|websites?|services?)\b"
)
_GOVERNMENT_BODY = re.compile(_GOVERNMENT_MODIFIES)
_GOVERNMENT_AFTER = re.compile(rf"(?:['’]s)? [Gg]overnment\b(?!{_GOVERNMENT_MODIFIES})")
_LOCAL_GOVERNMENT = re.compile(
    r"(?<![\w-])(?:City|County|Town|Village|Borough|Township|Municipality|Parish) of "
    r"(?:the )?[A-Z][\w'.-]*(?: [A-Z][\w'-]*){0,3}"
)
_COURT_WORDS = frozenset({"district", "circuit", "bankruptcy", "magistrate", "supreme"})
_OWNER = re.compile(r"(?:[Tt]he )?(?P<owner>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,5})['’]s ")
_POSSESSIVE = re.compile(r"(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)'s $")
_OF_PLACE = re.compile(r" of (?:the )?(?P<place>[A-Z][\w .-]+)$")
_UNIT_WORDS = ("Region ", "District ", "Area ", "Sector ")
_UNIT = re.compile(r"\b(?:Region|District|Area|Sector) (?:\d+|[IVX]+)\b")


_WORDS = re.compile(r"[\w'’-]+")
_GOVERNMENT_KINDS = PUBLIC_KINDS | {"other"}
_OFFICE_KINDS = frozenset({"agency", "ministry"})
_A_NAME_GOES_ON = {f" {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
# (and "U. S. Steel", as some companies space their initials)
_NATIONAL_FORMS = (("United States ", "U.S. "), ("United Kingdom ", "UK "), ("U. S. ", "U.S. "))


def _strip_the(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


# "Minister … in charge of Relations with Parliament": a title's portfolio
_A_TITLES_PORTFOLIO_BEFORE = re.compile(r"(?:[Rr]elations with|Minister (?:for|of)) $")
_A_HEAD_AND_OF_BEFORE = re.compile(r"\b(?:Department|Ministry) (?:of|for) (?:the )?$")
# A public body that is a company by its name: "Sociedad Estatal de Participaciones Industriales"
_A_COMPANY_IN_ITS_NAME = re.compile(
    r"\b(?:Company|Corporation|Holdings?|Sociedad|Société|Gesellschaft|Enterprise)\b"
)
_ORDINAL_2_3 = re.compile(r"\b(\d*(?<!1)[23])(?:nd|rd)\b")
_MILITARY_ORDINAL = re.compile(r"\b(\d*(?<!1)[23])d\b")


def national_variants(name: str) -> list[str]:
    """The other ways news copy writes a national prefix: "United States District Court for …"
    is also "U.S. District Court for …", and the reverse; "U.S. Steel" is also "U. S. Steel".
    And a list's last comma, which house styles keep or drop: "Health, Education, Labor, and
    Pensions" is also "Health, Education, Labor and Pensions". And the U.S. military's
    ordinals: "3rd Marine Division" is also "3d Marine Division", "2d" also "2nd"."""
    variants = []
    if _ORDINAL_2_3.search(name):
        variants.append(_ORDINAL_2_3.sub(r"\1d", name))
    elif _MILITARY_ORDINAL.search(name):
        variants.append(
            _MILITARY_ORDINAL.sub(lambda m: m[1] + ("nd" if m[1][-1] == "2" else "rd"), name)
        )
    if ", and " in name:
        variants.append(name.replace(", and ", " and "))
    elif re.search(r", [^,]+ and ", name):
        variants.append(re.sub(r"(, [^,]+) and ", r"\1, and ", name))
    for long, short in _NATIONAL_FORMS:
        if name.startswith(long):
            variants.append(short + name[len(long) :])
        elif name.startswith(short):
            variants.append(long + name[len(short) :])
    return variants


_LEGAL_FORM = re.compile(LEGAL_FORM, re.I)
_LEGAL_FORM_BEFORE = re.compile(LEGAL_FORM_BEFORE)
# One-word short forms that would read as ordinary words of a sentence or of other names.
_NOT_A_SHORT_FORM = (
    FUNCTION_WORDS | TITLE_WORDS | ORGANIZATION_HEADS | NOT_ORGANIZATION_WORDS | CELESTIAL_BODIES
)


# Words that count what follows, as one counts people: "every New Yorker".
_COUNTING = [[w] for w in ("a", "an", "every", "each", "any", "one", "another", "no", "fellow")]
# Seas named after a country: the sea is no mention of the country.
_WATERS_OF = ("Gulf of ", "Sea of ", "Bay of ", "Strait of ")
# A demonym as a language: "Spanish-speaking", "Spanish-language"; "written in Greek."
_LANGUAGE_AFTER = re.compile(r"-(?:speaking|language|speakers?|dubbed|subtitled)\b")
_SECURITY_AFTER = re.compile(r" [Dd]epositary (?:[Ss]hares?|[Rr]eceipts?)")
_LANGUAGE_BEFORE = re.compile(r"(?<!\w)(?:in|into) (?:[A-Z][a-z]+(?:, | and | or ))*$")
_LANGUAGE_END = re.compile(r"(?:[.,;:)]| and | or |$)")
# The words around an acronym that say it is a business's: "firm " BASE, QFC " stores"
_AFTER_A_COMPANY_NOUN = tuple(f" {noun} " for noun in sorted(COMPANY_NOUNS))
_BEFORE_A_TRADE_NOUN = tuple(f" {noun}" for noun in sorted(TRADE_NOUNS))
_WORD_AFTER = re.compile(r" (\w+)")
# A possessive right before a name: "Qatar’s Ministry …", "the United Arab Emirates' …"
_POSSESSIVE_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})(?:['’]s|s['’]) $")
# A country's possessive opening a candidate's name: "South Africa's Naspers Limited"
_COUNTRYS = re.compile(r"(?P<owner>[^'’]+)['’]s ")
# A registry name with a note after it in parentheses: "Marshalls (retailer)".
_NOTED_NAME = re.compile(r"(?P<name>[^()]+?) \((?P<note>[^()]+)\)$")
_SAME_FORM = {"incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd"}


def _drop_instruments_names(folded: str, candidates: dict[str, Candidate]) -> None:
    """ "the Passenger Railway Services (Public Ownership) Act 2024": a candidate at the head of
    an instrument's name is the instrument's words, not a body."""
    if not _AN_INSTRUMENT.search(folded):
        return
    for key, candidate in list(candidates.items()):
        candidate.mentions = [
            m for m in candidate.mentions
            if not _INSTRUMENT_AFTER_PARENS.match(folded, m.end, m.end + 90)
        ]  # fmt: skip
        if not candidate.mentions:
            del candidates[key]


def _spans(suggestions: dict, candidates: dict) -> list[tuple[int, int]]:
    """Where the suggestions and the candidates are mentioned: the text already taken."""
    spans = [(m.start, m.end) for s in suggestions.values() for m in s.mentions]
    return spans + [(m.start, m.end) for c in candidates.values() for m in c.mentions]


def _head_of(name: str, *, house: bool = False) -> str:
    """A body's head noun, capitalized: "Bank" of "Bank of Japan", "Parliament" of "European
    Parliament"; "" when it has none. `house`: a legislature's "House" counts, and so does a
    chamber's one-word name ("Senate" of "U.S. Senate")."""
    words = name.split()
    # "Bank" of "Bank of Japan", "Assembly" of "National Assembly of the Republic of Korea"
    head = name.split(" of ", 1)[0].split()[-1] if " of " in name else words[-1]
    heads = ORGANIZATION_HEADS | {"house"} if house else ORGANIZATION_HEADS
    if (len(words) > 1 or house) and head.lower() in heads and head.istitle():  # ("Senate")
        return head
    return ""


# A head noun that refers to a body named before: "the Bank", "the full House", "the House and
# Senate" (the second head looked at, not taken, so that the first is a match of its own).
_THE_HEAD = re.compile(
    r"(?<!\w)[Tt]he (?:(?:new|full|outgoing|incoming) )?(?P<first>[A-Z]\w*)"
    r"(?=(?: (?:and|or) (?P<second>[A-Z]\w*))?)"
)
# Where such a head ends: not before "of" or a capitalized word ("the Bank of Canada", "the Bank
# Board"), nor as a possessive before one ("the Bank's Policy Board").
_A_REFERENCE_ENDS = re.compile(r"\b(?! of\b)(?! [A-Z])(?!['’]s [A-Z])")
_SUBCOMMITTEE_ON = re.compile(r"\bSubcommittee on (?P<topic>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$")


def _committee_stem(name: str) -> str:
    """ "House Energy and Commerce" of the "House Energy and Commerce Committee" and of the
    "House Committee on Energy and Commerce"; "" for a name that is no committee's."""
    if name.endswith(" Committee"):
        return name.removesuffix(" Committee")
    if match := _COMMITTEE_ON.match(name):
        return f"{match['chamber'] or ''}{match['topic']}"
    return ""


_COMMITTEE_ON = re.compile(r"^(?P<chamber>(?:House|Senate) )?Committee on (?:the )?(?P<topic>.+)$")


def subcommittee_named_under(committee: str, name: str) -> str:
    """How a subcommittee is named with its committee's name: "Subcommittee on Health" of the
    "House Energy and Commerce Committee" is the "House Energy and Commerce Subcommittee on
    Health"; "" when `name` is no subcommittee's or `committee` no committee's."""
    stem = _committee_stem(committee)
    return f"{stem} {name}" if stem and name.startswith("Subcommittee ") else ""


_WEB_ADDRESS = re.compile(
    r"^\s*(?:https?://)?(?:www\.)?(?P<host>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)\.?(?::\d+)?(?:/\S*)?\s*$",
    re.I,
)


# Labels of a host that name no body: "www", "news" in "news.example.com", "gov" in "gov.uk".
_GENERIC_HOST_LABELS = {
    "www", "news", "press", "media", "newsroom", "about", "blog", "gov", "govt",
    "org", "com", "net", "edu", "ac", "co", "int", "info", "mil", "nic",
}  # fmt: skip


def web_host(address: str) -> str:
    """The host of a web address or bare domain, lower case, without "www.": "" for text that
    is no address ("Official Website")."""
    match = _WEB_ADDRESS.match(address or "")
    return match["host"].lower() if match else ""


def _companies_of_a_place(text: str, folded: str, candidates: dict[str, Candidate]) -> None:
    """ "Honda Development & Manufacturing of America, LLC" was cut at the place, leaving the
    candidate "America, LLC": a place and a legal form after "of" end the name before them."""
    for key, candidate in list(candidates.items()):
        if not _PLACE_AND_FORM.fullmatch(candidate.name):
            continue
        mentions = []
        for mention in candidate.mentions:
            owner = _NAME_OF_BEFORE.search(folded, max(0, mention.start - 100), mention.start)
            if owner and not is_title_word(owner.group().split()[-2].lower()):
                # (not "Co-CEO of Zalando SE": a title, then its company)
                start = owner.start()
                mentions.append(Mention(text[start : mention.end], start, mention.end))
        if mentions:
            del candidates[key]
            for mention in mentions:
                _add_candidate(
                    candidates, mention.text, mention.start, mention.end,
                    kind_guess="company", reason=candidate.reason,
                    country_guess=candidate.country_guess,
                )  # fmt: skip


# "America, LLC": one capitalized word and a legal form; the name "… of" before it
_PLACE_AND_FORM = re.compile(rf"[A-Z][a-z]+(?i:{ONE_LEGAL_FORM})")
_NAME_OF_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w'.-]*(?: (?:&|and|[A-Z][\w'.-]*))* of $")


def _drop_portfolios_of_titles(folded: str, candidates: dict[str, Candidate]) -> None:
    """ "Cameroon's Minister of Public Health", "Executive Vice President of Strategic Missions
    and Technologies at Microsoft": after a title and "of" or "for", a portfolio's words, or a
    field before "at" and a body, are the title's, not a body (not "Director of the Harbor
    Institute", "CEO of Kansas City Southern")."""
    for key, candidate in list(candidates.items()):
        if _A_BOARD_OF_A_BODY.fullmatch(candidate.name) and all(
            (before := _TITLE_OF_A_BOARD_BEFORE.search(folded, max(0, m.start - 60), m.start))
            and is_title_word(before["title"].lower())
            for m in candidate.mentions
        ):
            # "Chairman of the Executive Board and CEO", "Chair of the Foundation's Board of
            # Trustees": the board the person sits on is the title's
            del candidates[key]
            continue
        words = [w.lower().strip(",") for w in candidate.name.split() if w not in ("and", "&")]
        if any(w in _BODY_NOUNS for w in words) or _LEGAL_FORM.search(candidate.name):
            continue
        # "Minister of Energy of Saudi Arabia": the portfolio, then the minister's country
        head, _, place = candidate.name.partition(" of ")
        if place[:1].isupper() and all(w[:1].isupper() or w == "the" for w in place.split()):
            words = [w.lower().strip(",") for w in head.split() if w not in ("and", "&")]
        portfolio = all(
            w in PORTFOLIOS or w in CORPORATE_FUNCTIONS or w in PORTFOLIO_MODIFIERS for w in words
        )
        if all(
            (
                (before := _TITLE_OF_BEFORE.search(folded, max(0, m.start - 40), m.start))
                or (before := _TITLE_OF_A_LIST_BEFORE.search(folded, max(0, m.start - 60), m.start))
            )
            and before["title"].lower() in TITLE_HEADS
            and (portfolio or _AT_A_BODY.match(folded, m.end))
            for m in candidate.mentions
        ):
            del candidates[key]


def _boards_of_their_bodies(folded: str, suggestions: dict, candidates: dict) -> None:
    """ "The Board of Executive Directors", "the Fund's Executive Board": a board named without
    its body is the board of the body named right after it ("… of the Federal Reserve
    System") or before it ("the IDB's …"), else of the body the story names most (the release's
    own: its board acts in it)."""
    boards = [c for c in candidates.values() if not c.parent and _A_BOARD.fullmatch(c.name)]
    if not boards:
        return
    bodies = [s for s in suggestions.values() if s.entry.kind in _BODIES_WITH_BOARDS]
    for board in boards:
        first = board.mentions[0]
        after = _OF_THE.match(folded, first.end)
        named = [
            s
            for s in bodies
            for m in s.mentions
            if (after and m.start == after.end()) or folded[m.end : first.start] in ("'s ", "’s ")
        ]
        if not named and bodies:
            named = [max(bodies, key=lambda s: (len(s.mentions), -s.mentions[0].start))]
        if named:
            board.parent = named[0].entry.name
            board.country_guess = board.country_guess or named[0].entry.country


_OF_THE = re.compile(r" of (?:the )?")
_ONE_WORD_CHAMBERS = {"Parliament", "Senate", "Congress"}
_SLASH_ACRONYM_AFTER = re.compile(r"/[A-Z]{2,}\b")
_ACRONYM_SLASH_BEFORE = re.compile(r"\b[A-Z]{2,}/$")


def _spans_of(suggestions: dict[int, Suggestion]) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for s in suggestions.values() for m in s.mentions)


def _joined_by_a_slash(text: str, mention: Mention) -> bool:
    """ "CDU/CSU": an acronym joined by a slash to another."""
    return bool(
        _SLASH_ACRONYM_AFTER.match(text, mention.end)
        or _ACRONYM_SLASH_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    )


# Two capitalized words or more (with "of", "on", "and", "for", "the" between) ending a text
_CAPITALIZED_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*(?: (?:(?:of|on|and|for|the|de|del|da|do|des|du) )*[A-Z][\w'’-]*)+$"
)
# Lower-case words that a body's acronym qualifies ("UN migration agency", "UN climate talks")
_A_COMMON_NOUN_AFTER = re.compile(
    r" (?:[a-z]+ ){0,2}(?:agency|agencies|body|bodies|summit|conference|talks|charter|mission|"
    r"family|system|envoy|envoys|chief)\b"
)
# The reason of a ministry a minister's title implies ("Japan's Foreign Minister")
IMPLIED_BY_A_TITLE = "implied by the title in "
_MINISTER = re.compile(r"\b[Mm]inister\b")
# The kinds of bodies that have boards and committees of their own (not a country or a city)
_BODIES_WITH_BOARDS = {
    "agency", "multilateral", "company", "nonprofit", "university", "other", "media",
}  # fmt: skip
_AT_A_BODY = re.compile(r",? at (?:the )?[A-Z]")
# A body's board or committee named without the body ("Executive Board", "Board of Trustees")
_A_BOARD = re.compile(
    r"(?:(?:Executive|Supervisory|Management|Managing|Governing|Policy|Advisory) )?"
    r"(?:Board|Committee|Council)(?: of (?:Governors|Trustees|Directors|Executive Directors|"
    r"Management|Regents|Supervisors))?"
)
_A_BOARD_OF_A_BODY = re.compile(rf"(?:{_A_BOARD.pattern})(?: of (?:the )?[A-Z].*)?")
_TITLE_OF_A_BOARD_BEFORE = re.compile(
    r"(?P<title>[A-Z][\w-]+) (?:of|on) the (?:[A-Z][\w-]*(?: [A-Z][\w-]*)*['’]s )?$"
)
# "Minister of Finance and the Public Service": the list's last portfolio
_TITLE_OF_A_LIST_BEFORE = re.compile(
    r"(?P<title>[A-Z][\w-]+) (?:of|for) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*,? "
    r"(?:and|&) (?:the )?$"
)
# A title and "of"/"for" right before a name: "Minister of ", "Vice President of "
_TITLE_OF_BEFORE = re.compile(r"(?P<title>[A-Z][\w-]+) (?:of|for) (?:the )?$")
# The nouns that end a body's name even after a title ("Director of the Harbor Institute")
_BODY_NOUNS = {
    "ministry", "department", "agency", "office", "commission", "committee", "subcommittee",
    "council", "bureau", "authority", "institute", "institution", "university", "college",
    "bank", "company", "corporation", "foundation", "association", "board", "administration",
    "service", "court", "tribunal", "organization", "organisation", "group", "center", "centre",
    "school", "museum", "hospital", "laboratory", "directorate", "division", "secretariat",
    "parliament", "assembly", "government", "federation", "union", "society", "academy",
}  # fmt: skip


def _drop_surnames_of_people(folded: str, suggestions: dict, people) -> None:
    """ "Ontario Premier Doug Ford … “…,” Ford said.": a person's surname saying something is
    that person, not the registry's body of that one-word name (Ford Motor Company); so is the
    surname with the person's age after it or a courtesy title before it."""
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) >= 2}
    for entry_id, suggestion in list(suggestions.items()):
        if suggestion.entry.kind == COUNTRY:
            continue
        # ("U.S. Representative George Santos … Santos, 34, used …", "Mr. Santos is accused":
        # a person's age after the surname, a courtesy title before it)
        kept = [
            m
            for m in suggestion.mentions
            if m.text not in surnames
            or not (
                _SPEAKS.match(folded, m.end)
                or _AGED.match(folded, m.end)
                or _COURTESY_BEFORE.search(folded, max(0, m.start - 5), m.start)
            )
        ]
        if len(kept) < len(suggestion.mentions):
            _keep_mentions(suggestions, entry_id, kept)


_AGED = re.compile(r", \d{1,3},")
_COURTESY_BEFORE = re.compile(r"(?<!\w)(?:Mr|Ms|Mrs|Dr)\.? $")
_SPEAKS = re.compile(r" (?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")


def _add_candidate(candidates: dict, name: str, start: int, end: int, **fields) -> None:
    """The candidate `name`, made with `fields` (kind_guess, reason, …) the first time, mentioned
    at `start`-`end`."""
    candidate = candidates.get(fold_lower(name))
    if candidate is None:
        candidate = candidates[fold_lower(name)] = Candidate(name=name, **fields)
    candidate.mentions.append(Mention(name, start, end))


def _drop_mentions_within(suggestions: dict, start: int, end: int, entry_ids=None) -> None:
    """The mentions of `entry_ids` (every suggestion's, by default) that begin within
    `start`-`end` are dropped: named inside another name, not by themselves."""
    for entry_id in list(suggestions if entry_ids is None else entry_ids):
        if (found := suggestions.get(entry_id)) is not None:
            kept = [m for m in found.mentions if not start <= m.start < end]
            if len(kept) < len(found.mentions):
                _keep_mentions(suggestions, entry_id, kept)


_OF_A_NAME_AFTER = re.compile(
    r" of (?:the )?(?P<name>[A-Z][\w'’.-]*(?: (?:of )?[A-Z][\w'’.-]*){0,4})"
)


def _drop_short_acronyms_of_countries_not_named(
    suggestions: dict[int, Suggestion], home: str
) -> None:
    """ "CPI" (the price index) in a story of Singapore's central bank is not the Communist
    Party of India, nor "DA" in "HFPO-DA" South Africa's Democratic Alliance: a body of a
    country the story names in no way (not the country, none of its bodies), named only by an
    acronym of three letters or fewer, is another thing of those letters. So is one named only
    by a one-word short form ("Labor" of "Secretary of Labor" is no Australian party, nor
    "Nationals" a baseball team's). (Companies aside: "BP", "LG" name themselves in any
    country's story; and the home country's "EPA".)"""
    bodies_of = Counter(s.entry.country for s in suggestions.values())
    for entry_id, suggestion in list(suggestions.items()):
        entry = suggestion.entry
        if (
            entry.country not in ("", None, home)
            and entry.kind not in ("company", COUNTRY)
            and all(
                (len(m.text) <= 3 and is_acronym(m.text)) or _a_one_word_short_form(m.text, entry)
                for m in suggestion.mentions
            )
            and bodies_of[entry.country] == 1  # (itself alone)
        ):
            del suggestions[entry_id]


def _a_one_word_short_form(text: str, entry: Entry) -> bool:
    """ "Labor", "the Nationals" of a party (or another body of kind other): one word, not the
    body's own name. (Not "Knesset", "Bundestag": a parliament's one word is its own.)"""
    word = _strip_the(text)
    return (
        entry.kind == "other"
        and " " not in word
        and not is_acronym(word)
        and fold(word) != fold(_strip_the(entry.name))
    )


def _country_weights(suggestions: Iterable[Suggestion]) -> tuple[Counter[str], set[str]]:
    """How much a story speaks of each country: each mention of the country counts one, each
    body of the country a half (a story naming no country, "the South African Reserve Bank …
    National Treasury", is told by its bodies). Also the countries named as such."""
    weight: Counter[str] = Counter()
    named = set()
    for suggestion in suggestions:
        entry = suggestion.entry
        if entry.kind == COUNTRY:
            weight[entry.country] += len(suggestion.mentions)
            named.add(entry.country)
        elif entry.country:
            weight[entry.country] += 0.5
    return weight, named


_PERSON_OF_BEFORE = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’.-]+(?: \"[A-Z][\w'’.-]*\")?"  # ('Lalzawmi "Zomi" …')
    r"(?: (?:bin|bint|al|von|van|de|da|del|[A-Z][\w'’.-]+)){1,5}) of (?:the )?$"
)
# "John Chapman, James Henderson and James Kirby of the United Kingdom": names listed before
_NAME_LISTED_BEFORE = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})(?:,? and |, )$"
)


def _people_of_their_countries(folded, suggestions, taken) -> list[tuple[int, int]]:
    """The names in a list of "<name> of <country>" (two or more, joined by commas, "and"
    or semicolons): the ministers at a meeting, each of a country."""
    countries = sorted(
        (m.start, m.end)
        for s in suggestions.values()
        if s.entry.kind == COUNTRY
        for m in s.mentions
    )
    items = []
    for start, end in countries:
        # (a name found already by another cue is still one of the list: not returned below)
        if name := _name_of_before(folded, start):
            items.append((*name, end))
    # each item with the names listed before it, of the same country
    groups = []
    for start, end, country_end in items:
        groups.append(([(start, end), *_names_listed_before(folded, start, taken)], country_end))
    listed = set()
    for (names1, c1), (names2, _) in pairwise(groups):
        if _LIST_JOINT.fullmatch(folded, c1, names2[-1][0]):
            listed.update(names1 + names2)
    return sorted(span for span in listed if not overlaps(*span, taken))


def _people_of_organizations(folded, suggestions, candidates, taken) -> list[tuple[int, int]]:
    """ "Susumu Kitagawa of Kyoto University", "Demis Hassabis and John Jumper of Google
    DeepMind": a name, then "of" and an organization the story names, is a person of it."""
    bodies = sorted(
        m.start
        for found in [
            *(s for s in suggestions.values() if s.entry.kind != COUNTRY),
            *candidates.values(),
        ]  # fmt: skip
        for m in found.mentions
    )
    people = []
    for at in bodies:
        if not folded.endswith((" of ", " of the "), 0, at):
            continue  # (the cheap test first)
        name = _name_of_before(folded, at)
        if name is None or overlaps(*name, taken):
            continue
        start = name[0]
        if _A_NAME_AFTER_A_WORD.search(folded, max(0, start - 30), start):
            continue  # ("Chair Jo Roe of …" is left to the title)
        if folded.endswith(("the ", "The "), 0, start) or any(
            w.endswith(".") and len(w) > 2 for w in folded[slice(*name)].split()
        ):
            continue  # "the Official Journal of the European Union", "… Europe. Units of …"
        people += [name, *_names_listed_before(folded, start, taken)]
    return sorted(set(people))


def _name_of_before(folded, at) -> tuple[int, int] | None:
    """The span of a name right before "of (the)" and `at`, with no word no name has."""
    before = _PERSON_OF_BEFORE.search(folded, max(0, at - 80), at)
    if before is None or any(w in _NOT_IN_A_PERSONS_NAME for w in before["name"].lower().split()):
        return None
    return before.span("name")


def _names_listed_before(folded, start, taken) -> list[tuple[int, int]]:
    """The names listed right before `start`, nearest first ("John Chapman, James Henderson
    and " before "James Kirby"), up to one taken or holding a word no name has."""
    names = []
    while (
        (listed := _NAME_LISTED_BEFORE.search(folded, max(0, start - 60), start))
        and not overlaps(*listed.span("name"), taken)
        and not any(w in _NOT_IN_A_PERSONS_NAME for w in listed["name"].lower().split())
    ):
        start = listed.start("name")
        names.append(listed.span("name"))
    return names


# A capitalized word right before a name: the name is part of something longer
_A_NAME_AFTER_A_WORD = re.compile(r"[A-Z][\w'’.-]* $")
_LIST_JOINT = re.compile(r"(?:,|;)? (?:and )?")
_NOT_IN_A_PERSONS_NAME = ORGANIZATION_HEADS | TITLE_WORDS | FUNCTION_WORDS


def _one_candidate_per_company(candidates: dict[str, Candidate]) -> dict[str, Candidate]:
    """ "Britvic" and "Britvic plc": one company, named with and without its legal form; the
    candidate keeps the longer name and every mention."""
    kept: dict[str, Candidate] = {}
    result = {}
    for key, candidate in candidates.items():
        base = fold_lower(_LEGAL_FORM.sub("", candidate.name).strip(" ,"))
        other = kept.get(base)
        if other is None:
            kept[base] = candidate
            result[key] = candidate
            continue
        longer, shorter = (
            (candidate, other) if len(candidate.name) > len(other.name) else (other, candidate)
        )
        starts = {m.start for m in longer.mentions}
        longer.mentions = sorted(
            longer.mentions + [m for m in shorter.mentions if m.start not in starts],
            key=lambda m: m.start,
        )
        kept[base] = longer
        result = {k: c for k, c in result.items() if c is not shorter}
        if longer is candidate:
            result[key] = candidate
    return result


def _keep_mentions(suggestions: dict[int, Suggestion], entry_id: int, kept: list) -> None:
    """The suggestion of `entry_id` keeps only the mentions `kept`; with none, it is dropped."""
    suggestions[entry_id].mentions = kept
    if not kept:
        del suggestions[entry_id]


def _drop_mentions_where(
    suggestions: dict[int, Suggestion],
    dropped: Callable[[Mention], object],
    of: Callable[[Entry], bool] | None = None,
) -> None:
    """Every suggestion (of the entries `of` accepts) loses the mentions `dropped` tells; one
    left with none is dropped."""
    for entry_id, suggestion in list(suggestions.items()):
        if of is not None and not of(suggestion.entry):
            continue
        kept = [m for m in suggestion.mentions if not dropped(m)]
        if len(kept) < len(suggestion.mentions):
            _keep_mentions(suggestions, entry_id, kept)


def _legal_form(name: str) -> str:
    """The legal form a company's name ends with, in one spelling ("corp" for "Corporation")."""
    match = _LEGAL_FORM.search(name)
    if not match:
        return ""
    form = match.group().strip(" ,.").lower().replace(".", "")
    return _SAME_FORM.get(form, form)


def company_short_forms(name: str) -> list[str]:
    """How news copy writes a company without its legal form: "Masimo Corporation" -> "Masimo";
    "Amazon.com, Inc." -> "Amazon.com", "Amazon". A one-word form needs three letters and a
    capital, and must not be a word of the lexicon ("Global", "Group") or a planet's name
    ("Mars, Incorporated" is not "Mars")."""
    base = _LEGAL_FORM_BEFORE.sub("", _LEGAL_FORM.sub("", name.strip()).strip(" ,"))
    if not base or base == name.strip():
        return []
    forms = [base]
    if base.lower().endswith(".com") and len(base) > 7:
        forms.append(base[:-4])
    return [
        form
        for form in forms
        if " " in form
        or (len(form) >= 3 and form[:1].isupper() and form.lower() not in _NOT_A_SHORT_FORM)
    ]


_LINE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL_WORDS = FUNCTION_WORDS | {"with", "to", "into", "of", "vs", "via", "per", "amid", "upon"}


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """The span of the text's first line, its headline, when it is written in title case: four
    words or more besides the small ones, every one capitalized, two of them words the rest of
    the text writes in lower case ("Governor Announces New Funding For Rural Hospitals" over a
    body about "funding" for "rural" clinics; a line of names only is no such headline). Not
    other lines: a source line is all names and titles."""
    line, _, rest = text.partition("\n")
    if len(line) > 300:
        return []  # no headline: a text of one line
    words = []
    for match in _LINE_WORD.finditer(line):
        word = match.group()
        if word.lower() not in _SMALL_WORDS:
            if not word[0].isupper():
                return []  # (most headlines stop here, at their first lower-case word)
            words.append(word)
    if len(words) < 4:
        return []
    lower_case = set(re.findall(r"(?<![\w'’-])[a-z][a-z'-]*", rest))
    common = sum(w.lower() in lower_case for w in {w for w in words if not w.isupper()})
    return [(0, len(line))] if common >= 2 else []


def within_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_A_PAST_TENSE_AFTER = re.compile(r" (?:also |then |later )?[a-z]{2,}ed\b")
_NOT_A_FIRST_WORD = (
    FUNCTION_WORDS | TITLE_WORDS | ORGANIZATION_HEADS | NOT_NAME_WORDS | NOT_ORGANIZATION_WORDS
)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|of|to|across) $")
# The words that end an instrument's name, capitalized: "Act", "Treaty", "Charter", …
_INSTRUMENTS = "|".join(sorted(w.capitalize() for w in INSTRUMENT_WORDS | {"charter", "protocol"}))
# An instrument's name with a parenthesis inside: "… Services (Public Ownership) Act 2024".
_INSTRUMENT_AFTER_PARENS = re.compile(
    r"(?: (?:and|&|of|for|on|the))?(?: (?:[A-Z][\w'-]*|\([A-Z][^()]{0,40}\))"
    r"(?: (?:and|&|of|for|on|the))?){0,5}? (?:" + _INSTRUMENTS + r")\b(?! [A-Z])"
)
_AN_INSTRUMENT = re.compile(r" (?:" + _INSTRUMENTS + r")\b")
# "… Act", "… and Science Act", "… Free Trade Agreement": an instrument's name goes on after
# the body's name through capitalized words (and "and", "of", "for", "on", "the").
_INSTRUMENT_AFTER = re.compile(
    r"(?: (?:and|&|of|for|on|the))?(?: [A-Z][\w'-]*(?: (?:and|&|of|for|on|the))?){0,5}? (?:"
    + _INSTRUMENTS
    + r")\b(?! [A-Z])"  # not "NASA Administrator Bill Nelson"
)
# "Legislature" alone, after "the" (or opening a sentence), not before "of" (a name of its own)
_THE_LEGISLATURE = re.compile(r"(?:^|(?<=[Tt]he )|(?<=\. ))Legislature\b(?! of\b)", re.M)
# " state" after a demonym, as the country's state acting: before punctuation, a figure or a
# verb ("the Danish state 25.8 percent", "the Swedish state will sell", "… state, which")
_A_STATE_ACTING = re.compile(
    r" state(?=[,.;:”’')]|\s+\d|\s+(?:as|and|through|which|will|would|has|had|is|was|holds|"
    r"owns|keeps|retains|sold|sells|takes|took|agreed|said|also|to)\b)"
)
# After an exchange's name in a listing: ": WDS)", ": 9926,"
_TICKER_AFTER = re.compile(r": ?[A-Z0-9][A-Z0-9.]{0,9}[);,]")
_A_MARKETS_NAME = re.compile(r"\b(?:Exchange|Bourse|Börse|Nasdaq|Market)\b")
_PLACE_GOVERNMENT = re.compile(
    r"^(?:State|Commonwealth|Province|City|County|Municipality|Government) of (?:the )?"
    r"(?P<place>[A-Z][\w.' -]+)$"
)
# How registries name the offices of heads of state and government ("Office of the President of
# the Philippines", "State House Kenya", "Egyptian Cabinet", "Chancellery of the Prime Minister").
# The names of a head of state's or government's office, the surest first: a prime minister's
# office before a cabinet office; "Presidency of the Council of Ministers" is a government's.
_HEAD_OFFICE_NAMES = [
    ("government", re.compile(r"\b(?:prime minister|premier|chancellery|chancellor)\b")),
    ("government", re.compile(r"\bcouncil of ministers\b")),
    ("state", re.compile(r"\b(?:president|presidency|state house)\b")),
    ("government", re.compile(r"\bcabinet\b")),
    # (only where the registry has no office named after the president: "Presidential
    # Secretariat of Sri Lanka", "Presidential Administration of Kazakhstan")
    ("state", re.compile(r"\bpresidential (?:secretariat|administration|office)\b")),
]
_PRESIDENTS_OWN = re.compile(r"\bpresident(?:'s|ial)?\b(?!.*\b(?:government|ministers)\b)")


def _portfolios_named(name: str) -> set[str]:
    """The portfolios a (folded, lower-case) ministry name names: "foreign ministry of canada"
    → {"foreign affairs"}; the longer words first ("foreign affairs", not also "foreign")."""
    found, rest = set(), f" {name} "
    for words in sorted(MINISTRY_TOPICS, key=len, reverse=True):
        if f" {words} " in rest:
            found.add(MINISTRY_TOPICS[words])
            rest = rest.replace(f" {words} ", " | ")
    return found


class AliasIndex:
    """Everything needed to scan a text, built once per registry version."""

    def __init__(
        self,
        entries: Iterable[Entry],
        aliases: Iterable[tuple[int, str, bool]] = (),
        people: Iterable[PersonEntry] = (),
        *,
        home_country: str = "US",
        websites: Iterable[tuple[int, str]] = (),
    ):
        """`aliases`: (entry id, alias, case sensitive); canonical names come from `entries`.
        `home_country`: the newsroom's country (ISO code), the default reading of a bare name.
        `websites`: (entry id, address), to know a body by its site's host (`entry_at`)."""
        self.home_country = home_country
        aliases = list(aliases)
        self.entries: dict[int, Entry] = {entry.id: entry for entry in entries}
        hosts: dict[str, set[int]] = defaultdict(set)
        for entry_id, address in websites:
            if entry_id in self.entries and (host := web_host(address)):
                hosts[host].add(entry_id)
        # a host two bodies share (a ministry and its minister's page) names neither, unless
        # one is the others' parent ("energy.gov": the Department of Energy, not its offices)
        self._entry_by_host = {
            host: root for host, ids in hosts.items() if (root := self._root_of(ids)) is not None
        }
        # "Government of the Philippines": how the registry names a country's government
        # Bodies whose name begins with a capital "The" ("The Nature Conservancy", "The Ohio
        # State University"): their mentions take it in.
        self._named_with_the = {e.id for e in self.entries.values() if e.name.startswith("The ")}
        # Names the registry gives bodies of several countries, told apart by the country
        # ("Democratic Party (Italy)", "Democratic Party (Cyprus)"): bare, they name no country's
        self._shared_names = {
            fold_lower(e.name[: e.name.rfind(" (")])
            for e in self.entries.values()
            if e.name.endswith(")") and " (" in e.name
        }
        self._named_with_the |= {i for i, alias, _ in aliases if alias.startswith("The ")}
        self._children_by_rest = self._children_named_after_parents(aliases)
        self._government_names: dict[int, str] = {}
        for entry_id, alias, _ in aliases:
            if alias.startswith("Government of ") and entry_id in self.entries:
                if alias == government_name(self.entries[entry_id].name):
                    self._government_names[entry_id] = alias  # the form with "the", if any
                else:
                    self._government_names.setdefault(entry_id, alias)
        targets: dict[tuple[str, bool], dict[int, Target]] = defaultdict(dict)

        def add(entry_id: int, name: str, case_sensitive: bool, confidence: float, reason: str):
            key = index_key(name, case_sensitive=case_sensitive)
            if len(key) < 2:
                return
            known = targets[(key, case_sensitive)].get(entry_id)
            if known is None or known.confidence < confidence:
                targets[(key, case_sensitive)][entry_id] = Target(entry_id, confidence, reason)

        for entry in self.entries.values():
            add(entry.id, entry.name, is_case_sensitive_name(entry.name), 0.95, "name")
            for variant in national_variants(entry.name):
                add(entry.id, variant, False, 0.9, f"name as {variant!r}")
        for entry_id, alias, case_sensitive in aliases:
            if entry_id not in self.entries:
                continue
            if is_acronym(alias):
                add(entry_id, alias, True, 0.85, f"acronym {alias!r}")
            else:
                add(entry_id, alias, case_sensitive, 0.9, f"alias {alias!r}")
                for variant in national_variants(alias):
                    add(entry_id, variant, case_sensitive, 0.85, f"alias {variant!r}")

        # A company is written without its legal form ("Mars" for "Mars, Incorporated", "Amazon"
        # for "Amazon.com, Inc."): those forms too, where no other name of the registry has them.
        taken = {key.lower() for key, _ in targets}
        derived: dict[tuple[str, bool], set[int]] = defaultdict(set)
        for entry in self.entries.values():
            if entry.kind == "company":
                for form in company_short_forms(entry.name):
                    # as written: "range resources" in lower case is no company's name
                    derived[(index_key(form, case_sensitive=True), True)].add(entry.id)
            # "Fred Meyer (retailer)", "Third Point (hedge fund)": a note that tells the body
            # from others of its name; news copy writes the name alone. (Not a one-word name:
            # "Fremantle (production company)" is also a port, "The Information" a sentence's
            # start.)
            noted = _NOTED_NAME.match(entry.name)
            if (
                noted
                and noted["note"][:1].islower()
                and len(_strip_the(noted["name"].replace("The ", "the ", 1)).split()) > 1
            ):
                derived[(index_key(noted["name"], case_sensitive=True), True)].add(entry.id)
        for (key, case_sensitive), ids in derived.items():
            if len(ids) == 1 and key.lower() not in taken:
                add(next(iter(ids)), key, case_sensitive, 0.8, f"{SHORT_FORM}{key!r}")
        # A government body named with its country ("National Treasury of South Africa", "State
        # House Kenya") is written without it in a story about that country: those forms too,
        # chosen by the countries the story names (see _national_short_forms).
        country_names: dict[str, list[str]] = defaultdict(list)  # "KR": "South Korea", …
        for entry in self.entries.values():
            if entry.kind == COUNTRY and entry.country:
                country_names[entry.country].append(entry.name)
        for entry_id, alias, _ in aliases:
            entry = self.entries.get(entry_id)
            if entry is not None and entry.kind == COUNTRY and entry.country:
                country_names[entry.country].append(alias)  # "Republic of Korea"
        # Every word of a country's names ("Korea" of "Republic of Korea"): no company's word.
        # The home country's own names, as written ("U.S.", "United States"): named anywhere,
        # in a title too ("U.S. Secretary of State"), they say the story is also at home.
        home_names = sorted({fold(n) for n in country_names.get(self.home_country, [])}, key=len)
        home_pattern = "|".join(re.escape(n) for n in reversed(home_names))
        self._home_named = (
            # ("US$1.7 billion" is an amount, not the country)
            re.compile(rf"(?<![\w.])(?:{home_pattern})(?![\w$])") if home_names else None
        )
        self._country_words = {w for names in country_names.values() for n in names
                               for w in fold(n).replace(",", " ").split()}  # fmt: skip
        # Countries' one-word names as written ("Ethiopia", "UK"), after a space: where a
        # company's business in a country may be named (_national_subsidiaries)
        self._one_word_countries = ahocorasick.Automaton()
        for names in country_names.values():
            for name in names:
                if " " not in name and name[:1].isupper() and not name.endswith("."):
                    self._one_word_countries.add_word(f" {fold(name)}", len(name) + 1)
        if len(self._one_word_countries):
            self._one_word_countries.make_automaton()
        national: dict[str, set[int]] = defaultdict(set)
        written: dict[str, str] = {}  # the short form as its first body writes it
        named = [(e.id, e.name) for e in self.entries.values()]
        named += [(entry_id, alias) for entry_id, alias, _ in aliases if entry_id in self.entries]
        for entry_id, name in named:
            entry = self.entries[entry_id]
            if entry.country not in country_names or entry.kind == COUNTRY:
                continue
            # "Financial Market Commission (Chile)", "TSN (Canada)": any body whose country
            # the registry notes after its name; otherwise a government's body
            noted = name.endswith(")") and _NOTED_NAME.match(name)
            if entry.kind not in _GOVERNMENT_KINDS and not noted:
                continue
            endings = [
                ending
                for country in country_names[entry.country]
                for ending in (
                    f" of the {country}",
                    f" of {country}",
                    f" {country}",
                    f" ({country})",
                )
                if name.endswith(ending)
            ]
            for ending in sorted(endings, key=len, reverse=True)[:1]:
                short = name[: -len(ending)].strip(" ,")
                words = short.lower().split()
                if (
                    (
                        len(words) > 1
                        or (noted and short.isupper() and len(short) > 2)
                        # "Parliament" in a story of Sri Lanka is the Parliament of Sri Lanka,
                        # "the Senate" in a story of Argentina's chambers is Argentina's
                        or (entry.kind == "legislature" and short in _ONE_WORD_CHAMBERS)
                    )
                    and short[:1].isupper()
                    and words[0] not in FUNCTION_WORDS
                    # a court or a unit ("High Court", "Armed Forces"), not a party's words
                    and (entry.kind != "other" or words[-1] in ORGANIZATION_HEADS or noted)
                ):
                    national[index_key(short, case_sensitive=False)].add(entry_id)
                    written.setdefault(index_key(short, case_sensitive=False), short)
        self._national: dict[str, dict[str, int]] = defaultdict(dict)  # name -> country -> id
        for key, ids in national.items():
            for entry_id in ids:
                self._national[key].setdefault(self.entries[entry_id].country, entry_id)
                if key.lower() not in taken:
                    # as written: "Germany's development bank KfW" names no "Development Bank"
                    short = written[key]
                    add(entry_id, short, True, 0.7, f"{NATIONAL_SHORT_FORM}{short!r}")
        # A one-word name in capitals and lower case is also written in capitals by its owner
        # ("Interpol", "INTERPOL"); not places, whose names in capitals are headlines' words.
        for (key, case_sensitive), by_entry in list(targets.items()):
            if case_sensitive and len(key) >= 4 and key.isalpha() and key[1:].islower():
                if key[0].isupper() and (key.upper(), True) not in targets:
                    for entry_id in by_entry:
                        if self.entries[entry_id].kind not in (COUNTRY, "subnational"):
                            add(entry_id, key.upper(), True, 0.85, f"name as {key.upper()!r}")

        demonyms = set()
        for entry in self.entries.values():
            if entry.kind != COUNTRY or "Government" in entry.name:
                continue  # (a country's government, a body: "Czech" names the country)
            for demonym in DEMONYMS.get(entry.country, ()):
                # the people too: "older Americans", "Kenyans abroad" (not "Chinese", "Swiss")
                plural = [] if demonym.endswith(("sh", "ch", "s", "x", "z", "ese")) else ["s"]
                for form in [demonym, *(demonym + p for p in plural)]:
                    add(entry.id, form, True, 0.8, f"demonym {form!r}")
                    demonyms.add(index_key(form, case_sensitive=True))

        # One automaton over the lower-cased text: a name that matches only as written keeps
        # that form beside its lower case, checked against the text where it is found.
        by_lowered: dict[str, tuple[tuple, dict]] = defaultdict(lambda: ((), {}))
        for (key, case_sensitive), by_entry in targets.items():
            if case_sensitive:
                anywhere, exact = by_lowered[fold_lower(key)]
                exact[key] = tuple(by_entry.values())
                by_lowered[fold_lower(key)] = (anywhere, exact)
            else:
                by_lowered[key] = (tuple(by_entry.values()), by_lowered[key][1])
        self._automaton = ahocorasick.Automaton()
        for key, (anywhere, exact) in by_lowered.items():
            self._automaton.add_word(key, (len(key), anywhere, tuple(exact.items())))
        if len(self._automaton):
            self._automaton.make_automaton()

        national, places, countries = set(), set(), set()
        for (key, case_sensitive), by_entry in targets.items():
            if not case_sensitive:
                continue
            for entry_id in by_entry:
                entry = self.entries[entry_id]
                if entry.kind == COUNTRY and entry.country == home_country:
                    national.add(key)
                elif entry.kind in (COUNTRY, "subnational"):
                    places.add(key)
                if entry.kind == COUNTRY:
                    countries.add(key)
        # "Maryland" for the State of Maryland: a place's own name qualifies a body's name
        # after it ("Maryland Department of Transportation") even where it is no alias.
        # The same names, with the country each lies in: the places a text names tell which
        # of two namesakes it means ("Georgia" beside "Louisiana" is the state).
        self._subnational_places = ahocorasick.Automaton()
        for entry in self.entries.values():
            if entry.kind == "subnational" and (match := _PLACE_GOVERNMENT.match(entry.name)):
                places.add(fold(match["place"]))
                place = fold(match["place"])
                self._subnational_places.add_word(place, (len(place), entry.country))
        if len(self._subnational_places):
            self._subnational_places.make_automaton()
        # Each place's legislature, by the place's name: "the Legislature" in a story of Texas
        # is the Texas Legislature
        legislatures: dict[int, list[int]] = defaultdict(list)
        for entry in self.entries.values():
            if entry.kind == "legislature" and "Legislature" in entry.name and entry.parent_id:
                legislatures[entry.parent_id].append(entry.id)
        self._legislature_of_place: dict[str, int] = {}
        for entry in self.entries.values():
            if (
                entry.kind == "subnational"
                and len(legislatures.get(entry.id, ())) == 1
                and (match := _PLACE_GOVERNMENT.match(entry.name))
            ):
                self._legislature_of_place[fold(match["place"])] = legislatures[entry.id][0]
        self.context = Context(
            frozenset(national),
            frozenset(places - national),
            frozenset(countries - demonyms),
            frozenset(demonyms),
            frozenset(e.id for e in self.entries.values() if e.kind == "company"),
        )

        self._ministries: dict[tuple[str, str], int] = {}
        self._portfolio_ministries: dict[tuple[str, str], int] = {}
        countries = {e.country: e for e in self.entries.values() if e.kind == COUNTRY}
        ministry_names = [(e.id, e.name) for e in self.entries.values() if e.kind == "ministry"]
        # The canonical names first; then the aliases ("Canada's Foreign Ministry" for Global
        # Affairs Canada), whose portfolio words may be the only ones naming the portfolio.
        ministry_names += [
            (entry_id, alias)
            for entry_id, alias, _ in aliases
            if entry_id in self.entries and self.entries[entry_id].kind == "ministry"
        ]
        for entry_id, name in ministry_names:
            entry, name = self.entries[entry_id], fold_lower(name)
            code = entry.country or next(
                (c for c, e in countries.items() if fold_lower(e.name) in name), ""
            )
            for topic in _portfolios_named(name) if code else ():
                self._ministries.setdefault((code, topic), entry.id)
            # "Ministry of Railways of India": any portfolio, by the words of its name
            if code and (match := _MINISTRY_OF.match(name)):
                portfolio = match["portfolio"]
                if code in countries:
                    country_name = fold_lower(with_article(countries[code].name))
                    portfolio = portfolio.removesuffix(f" of {country_name}")
                self._portfolio_ministries.setdefault((code, portfolio), entry.id)

        # The chambers of each legislature: "the House" once the Senate is named.
        self._chambers: dict[int, list[int]] = defaultdict(list)
        for entry in self.entries.values():
            if entry.kind == "legislature" and entry.parent_id in self.entries:
                parent = self.entries[entry.parent_id]
                if parent.kind == "legislature" and _A_CHAMBER.search(entry.name):
                    self._chambers[entry.parent_id].append(entry.id)

        # The office of each country's head of state and of its head of government.
        self._head_offices: dict[tuple[str, str], int] = {}
        ranks: dict[tuple[str, str], int] = {}
        # (a cabinet office or a presidency is an agency to one registry, a ministry to another)
        offices = [(e.id, e.name) for e in self.entries.values() if e.kind in _OFFICE_KINDS]
        offices += [(i, alias) for i, alias, _ in aliases if i in self.entries]
        for entry_id, name in offices:
            entry = self.entries[entry_id]
            if entry.kind not in _OFFICE_KINDS or not entry.country or self._under_a_region(entry):
                continue  # a premier of a province is no prime minister
            lowered = fold_lower(name)
            if lowered.split(" ", 1)[0] == "ministry":
                continue  # a ministry named after the office it serves ("Ministry General
                # Secretariat of the Presidency" of Chile, Spain's "Ministry of the Presidency")
            for rank, (role, pattern) in enumerate(_HEAD_OFFICE_NAMES):
                if role == "government" and _PRESIDENTS_OWN.search(lowered):
                    continue  # "Chancellery of the President of Poland": a head of state's
                if pattern.search(lowered):
                    if rank < ranks.get((entry.country, role), len(_HEAD_OFFICE_NAMES)):
                        self._head_offices[entry.country, role] = entry_id
                        ranks[entry.country, role] = rank
                    break

        self.people: dict[int, PersonEntry] = {p.id: p for p in people}
        self._people = ahocorasick.Automaton()
        people_by_key: dict[str, set[int]] = defaultdict(set)
        for person in self.people.values():
            for key in person_keys(person):
                people_by_key[fold(key)].add(person.id)
        for key, ids in people_by_key.items():
            self._people.add_word(key, (len(key), tuple(sorted(ids))))
        if len(self._people):
            self._people.make_automaton()
        # A full name two people of the registry share names neither: which one a story means
        # is the editor's call (the automaton above skips such names too).
        named: dict[str, set[int]] = defaultdict(set)
        for person in self.people.values():
            named[fold_lower(person.full_name)].add(person.id)
        self._people_by_key: dict[str, int] = {
            key: ids.pop() for key, ids in named.items() if len(ids) == 1
        }
        self._countries: dict[str, int] = {}
        for (key, _), by_entry in targets.items():
            ids = [i for i in by_entry if self.entries[i].kind == COUNTRY]
            if len(ids) == 1:
                self._countries.setdefault(key.lower(), ids[0])
        self._entry_by_exact: dict[str, int] = {
            key: next(iter(by_entry))
            for (key, case_sensitive), by_entry in targets.items()
            if case_sensitive and len(by_entry) == 1
        }
        self._entry_by_key: dict[str, int] = {}
        for (key, case_sensitive), by_entry in targets.items():
            if len(by_entry) == 1 and not case_sensitive:
                self._entry_by_key[key] = next(iter(by_entry))

    def entry_called(self, name: str) -> Entry | None:
        """Like `entry_named`, and also by an acronym or one-word name as written ("FIFA")."""
        if entry := self.entry_named(name):
            return entry
        entry_id = self._entry_by_exact.get(index_key(name, case_sensitive=True))
        return self.entries.get(entry_id) if entry_id is not None else None

    def ministry_of(self, country: str, portfolio: str) -> Entry | None:
        """The registry's ministry of `portfolio` ("Foreign Affairs") in `country` (ISO code);
        of a portfolio of several ("Foreign Affairs, European Union and Cooperation"), the one
        ministry the country has for any of them."""
        items = [fold_lower(portfolio).strip()]
        if items[0] not in MINISTRY_TOPICS:  # each portfolio of the list, as a whole
            items = [i.strip() for i in re.split(r",(?: and)? | and ", items[0])]
        topics = [MINISTRY_TOPICS[item] for item in items if item in MINISTRY_TOPICS]
        found = {self._ministries.get((country, topic)) for topic in topics} - {None}
        if len(found) == 1:
            return self.entries.get(found.pop())
        if found:
            return None
        # A portfolio of no common topic ("Railways, Information & Broadcasting"): the ministry
        # named after the first of them the registry has
        for item in items:
            if (entry_id := self._portfolio_ministries.get((country, item))) is not None:
                return self.entries.get(entry_id)
        return None

    def _under_a_region(self, entry: Entry) -> bool:
        """Whether `entry` belongs to a state's, a province's or a city's government."""
        seen = set()
        while entry.parent_id is not None and entry.parent_id not in seen:
            seen.add(entry.parent_id)
            if (parent := self.entries.get(entry.parent_id)) is None:
                return False
            if parent.kind == "subnational":
                return True
            entry = parent
        return False

    def head_office(self, country: str, title: str) -> Entry | None:
        """The office of `country`'s (ISO code) president or prime minister, as `title` says
        ("President", "Prime Minister"), when the registry has it."""
        role = "government" if fold_lower(title) in ("prime minister", "premier") else "state"
        if fold_lower(title) not in ("president", "prime minister", "premier"):
            return None
        entry_id = self._head_offices.get((country, role))
        return self.entries.get(entry_id) if entry_id is not None else None

    def national_entry(self, name: str, countries: list[str]) -> Entry | None:
        """The body called `name` without its country ("Ministry of National Defence") of the
        first of `countries` (ISO codes, most relevant first) that has one."""
        by_country = self._national.get(index_key(name, case_sensitive=False), {})
        for country in countries:
            if country in by_country:
                return self.entries.get(by_country[country])
        return None

    def country_named(self, name: str) -> Entry | None:
        """The country called `name` (its name or an alias, case and typography aside)."""
        entry_id = self._countries.get(index_key(name, case_sensitive=False))
        return self.entries.get(entry_id) if entry_id is not None else None

    def _state_chambers_named_alone(self, text, suggestions) -> None:
        """ "The House had approved the repeal" in a story of the Arizona House of
        Representatives and the Arizona State Senate: the chamber of the state named, not the
        home country's House of Representatives, when the story names no federal chamber in
        full and one state chamber has the word."""
        for entry_id, suggestion in list(suggestions.items()):
            entry = suggestion.entry
            words = {m.text for m in suggestion.mentions}
            if (
                entry.kind != "legislature"
                or entry.country != self.home_country
                or len(words) != 1
                or (word := next(iter(words))) not in ("House", "Senate")
                or self._of_a_place(entry_id)
            ):
                continue
            chambers = [
                s.entry
                for s in suggestions.values()
                if s.entry.kind == "legislature"
                and s.entry.id != entry_id
                and word in s.entry.name.split()
                and self._of_a_place(s.entry.id)
            ]
            if len(chambers) != 1:
                continue
            target = Target(chambers[0].id, 0.7, f"{word!r}, the chamber of the state named")
            del suggestions[entry_id]
            for mention in suggestion.mentions:
                self._add(suggestions, target, text, mention.start, mention.end)

    def _of_a_place(self, entry_id: int) -> bool:
        """Whether a body belongs to a state, a province or a city (up its parents)."""
        return any(
            self.entries[a].kind == "subnational"
            for a in self._ancestors([entry_id])
            if a in self.entries
        )

    def _legislature_of_the_place(self, text, folded, suggestions) -> None:
        """ "The Legislature passed the bill" in a story of a state (or province) with a
        legislature of its own: the legislature of the one it names most. (Not "the State
        Legislature" or "Texas Legislature", names of their own; not in a story of two such
        places named alike.)"""
        if "Legislature" not in text or not self._legislature_of_place:
            return  # (and no automaton of places to read: a registry without states)
        named = _spans_of(suggestions)
        alone = [m for m in _THE_LEGISLATURE.finditer(text) if not overlaps(*m.span(), named)]
        if not alone:
            return
        # the place the story names most ("Florida" beside Utah's and Arkansas's laws)
        legislatures: Counter[int] = Counter()
        for end, (length, _) in self._subnational_places.iter(folded):
            place = folded[end - length + 1 : end + 1]
            if place in self._legislature_of_place and bounded(folded, end - length + 1, end + 1):
                legislatures[self._legislature_of_place[place]] += 1
        ranked = legislatures.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return
        target = Target(ranked[0][0], 0.7, "'the Legislature' of the place the story names most")
        for match in alone:
            self._add(suggestions, target, text, match.start(), match.end())

    def _places_named(self, folded: str) -> set[tuple[str, str]]:
        """The subnational places `folded` names, each with its country's code."""
        if not len(self._subnational_places):
            return set()
        places = set()
        for end, (length, country) in self._subnational_places.iter(folded):
            start = end - length + 1
            if bounded(folded, start, end + 1):
                places.add((folded[start : end + 1], country))
        return places

    def __len__(self) -> int:
        return len(self.entries)

    def _root_of(self, ids: set[int]) -> int | None:
        """The one of `ids` that every other one descends from, if any."""
        if len(ids) == 1:
            return next(iter(ids))
        for candidate in ids:
            if all(self._descends(other, candidate) for other in ids if other != candidate):
                return candidate
        return None

    def _descends(self, entry_id: int, ancestor: int) -> bool:
        seen = set()
        while (entry := self.entries.get(entry_id)) and entry.parent_id and entry_id not in seen:
            seen.add(entry_id)
            if entry.parent_id == ancestor:
                return True
            entry_id = entry.parent_id
        return False

    def entry_at(self, address: str) -> Entry | None:
        """The body whose website is at `address`'s host ("iom.int", "https://www.iom.int/news"),
        when exactly one is."""
        host = web_host(address)
        if (entry_id := self._entry_by_host.get(host)) is not None:
            return self.entries.get(entry_id)
        # A site the registry does not list, named by an acronym: "iom.int", "dfat.gov.au"
        for label in host.split(".")[:-1]:
            if label in _GENERIC_HOST_LABELS or not label.isalpha() or len(label) < 3:
                continue
            entry = self.entry_called(label.upper())
            if entry is not None and entry.kind != COUNTRY:
                return entry
            break
        return None

    def entry_named(self, name: str) -> Entry | None:
        """The entry a (multi-word) name or alias denotes, when exactly one does."""
        entry_id = self._entry_by_key.get(index_key(name, case_sensitive=False))
        return self.entries.get(entry_id) if entry_id is not None else None

    # -- scanning --

    @staticmethod
    def _names_after_a_registry_name(text, suggestions, candidates) -> None:
        """A phrase after a registry name and "and" that is not the registry's body under
        another form ("Adani Ports and Special Economic Zone Ltd") is no name of its own; but it
        is one after a body that is no company when it has a company's legal form ("Auckland
        Transport and Watercare Services Limited"), and after a list's registry names ("KKR,
        Cinven and Providence Equity Partners")."""
        mentions = [(s.entry.kind, m) for s in suggestions.values() for m in s.mentions]
        ends = {m.end for _, m in mentions}
        company_ends = {m.end for kind, m in mentions if kind == "company"}
        # a registry name after another and a comma: a list's ("TVA, Ontario Power Generation")
        listed_ends = {
            m.end
            for _, m in mentions
            if text[m.start - 2 : m.start] == ", " and m.start - 2 in ends
        }

        def after(body_ends, candidate) -> bool:
            return any(0 < m.start - e <= 7 for m in candidate.mentions for e in body_ends)

        for key, candidate in list(candidates.items()):
            if candidate.reason != AFTER_A_REGISTRY_NAME:
                continue
            form = _LEGAL_FORM.search(candidate.name)
            if form and " " in candidate.name[: form.start()].strip():
                if not after(company_ends, candidate):
                    candidate.reason = "a company's name after another body's"
                    continue
            if " " in candidate.name and after(listed_ends, candidate):
                candidate.reason = "the last name of a list"
                continue
            del candidates[key]

    def _reach(self, folded: str, hit: Hit) -> int:
        """Where a company's name found at `hit` ends: after the legal form that follows it
        ("Oglethorpe Power Corporation")."""
        if any(t.entry_id in self.context.companies for t in hit.targets):
            return legal_form_end(folded, hit.end)
        return hit.end

    def find(self, text: str) -> Findings:
        """Scan `text` once; see the module docstring for what comes back."""
        folded, lowered = fold(text), fold_lower(text)
        hits = registry_hits(self._automaton, lowered, folded, self.context)
        reach = {id(hit): self._reach(folded, hit) for hit in hits}
        chosen = longest_first(hits, lambda hit: reach[id(hit)])
        for hit in chosen:
            hit.end = reach[id(hit)]  # the mention takes in a company's legal form
        chosen = [
            hit
            for hit in chosen
            if not (
                all(t.reason.startswith(NATIONAL_SHORT_FORM) for t in hit.targets)
                and _A_HEAD_AND_OF_BEFORE.search(folded, max(0, hit.start - 40), hit.start)
            )
        ]  # "Department of Natural Resources and Renewables": a body's portfolio, not a body

        suggestions: dict[int, Suggestion] = {}
        ambiguous: list[Ambiguity] = []
        pending: list[Hit] = []
        national: list[Hit] = []
        for hit in chosen:
            if all(t.reason.startswith(NATIONAL_SHORT_FORM) for t in hit.targets):
                national.append(hit)
            elif len({t.entry_id for t in hit.targets}) == 1:
                self._add(suggestions, hit.targets[0], text, hit.start, hit.end)
            else:
                pending.append(hit)
        # (read once for the text: the subnational places it names, whether it speaks of a state)
        places = self._places_named(folded) if pending else set()
        a_state = bool(pending) and bool(_A_STATE.search(folded))
        for hit in pending:
            if _AFTER_A_PLACE.search(folded, max(0, hit.start - 40), hit.start) and any(
                self.entries[t.entry_id].kind == "subnational" for t in hit.targets
            ):
                continue  # "Fort Stewart, Georgia": the state in an address, a place
            target = resolve(
                hit,
                self.entries,
                [s.entry for s in suggestions.values()],
                home_country=self.home_country,
                places={c for name, c in places if name != folded[hit.start : hit.end]},
                a_state=a_state,
            )
            if (
                target is not None
                and self.entries[target.entry_id].kind == "subnational"
                and target.entry_id not in suggestions
            ):
                continue  # "Georgia", the state: a place, as other states' bare names are
            if target is None and _TICKER_AFTER.match(text, hit.end):
                # "(LSE: WDS)": the exchange of a ticker, not the school of its letters
                markets = {
                    t.entry_id: t
                    for t in hit.targets
                    if _A_MARKETS_NAME.search(self.entries[t.entry_id].name)
                }
                target = next(iter(markets.values())) if len(markets) == 1 else None
            words = text[hit.start : hit.end]
            if target is None or _a_one_word_short_form(words, self.entries[target.entry_id]):
                # a party's one word ("Liberals", "Congress") is the party's only in a story
                # that speaks of its country more than of any other: of the rest, the one
                # left, if one is
                weight, _ = _country_weights(suggestions.values())
                ranked = weight.most_common(2)
                first = (
                    ranked[0][0]
                    if ranked and (len(ranked) < 2 or ranked[1][1] < ranked[0][1])
                    else None
                )
                left = [
                    t
                    for t in hit.targets
                    if not (
                        _a_one_word_short_form(words, self.entries[t.entry_id])
                        and self.entries[t.entry_id].country != first
                    )
                ]
                if not left:
                    continue  # "Liberals" in Sweden's Riksdag: no party of Canada's or Australia's
                if target is None or target.entry_id not in {t.entry_id for t in left}:
                    # "Congress" in a story of a U.S. charity naming India in passing: the U.S.
                    # Congress
                    target = left[0] if len({t.entry_id for t in left}) == 1 else None
            if target is None:
                ambiguous.append(
                    Ambiguity(
                        Mention(text[hit.start : hit.end], hit.start, hit.end),
                        [self.entries[t.entry_id] for t in hit.targets],
                    )
                )
            else:
                self._add(suggestions, target, text, hit.start, hit.end)

        unresolved = self._national_short_forms(text, national, suggestions)
        self._generic_names_of_other_countries(text, folded, suggestions)
        self._countries_owning_names(text, chosen, suggestions)
        chosen = [h for h in chosen if h not in unresolved]  # free for candidates
        taken = [(h.start, h.end) for h in chosen]
        # A country named only inside an organization's name ("Bank of Canada", "Democratic
        # Republic of the Congo") is not named by itself: the longer name wins, as above.
        self._drop_country_modifiers(text, folded, suggestions)
        self._drop_demonyms_naming_no_country(folded, suggestions)
        governments = self._governments_named(text, folded, suggestions)
        self._drop_acronyms_defined_otherwise(folded, suggestions)
        self._drop_acronyms_naming_businesses(folded, suggestions)
        self._drop_the_names_counted(folded, suggestions)
        self._drop_names_of_instruments(folded, suggestions)
        self._drop_names_of_games(folded, suggestions)
        self._drop_qualifying_parents(folded, suggestions)
        self._drop_parents_named_as_modifiers(folded, suggestions)
        if "/" in folded:
            # "the CDU/CSU parliamentary group": two parties' acronyms joined are their joint
            # group in parliament, neither party alone
            _drop_mentions_where(
                suggestions, lambda m: is_acronym(m.text) and _joined_by_a_slash(folded, m)
            )
        # A candidate may contain a country ("Nuclear Regulatory Authority of Ghana"), or a
        # place before more of a name ("Cook County Department of Public Health").
        not_countries = [
            (h.start, h.end)
            for h in chosen
            if (" " in text[h.start : h.end] or text[h.start : h.end].isupper())
            and any(
                self.entries[t.entry_id].kind != COUNTRY
                and (self.entries[t.entry_id].kind != "subnational" or text[h.end : h.end + 2]
                     not in _A_NAME_GOES_ON)
                for t in h.targets
            )
        ]  # fmt: skip
        candidates = find_candidates(text, folded, not_countries)
        self._national_subsidiaries(text, folded, suggestions, candidates)
        self._subsidiaries_with_their_country(text, folded, suggestions, candidates)
        self._units_named_with_an_acronym(text, folded, suggestions, candidates)
        self._subcommittees_of_committees_named(text, folded, suggestions, candidates)
        self._local_governments(text, folded, suggestions, candidates)
        _drop_instruments_names(folded, candidates)
        for key, government in governments.items():
            if (same := candidates.get(key)) is not None:
                starts = {m.start for m in government.mentions}
                government.mentions += [m for m in same.mentions if m.start not in starts]
                government.mentions.sort(key=lambda m: m.start)
            candidates[key] = government
        countries_named = {  # "Indonesia, the world's largest producer": no company
            (h.start, h.end)
            for h in chosen
            if all(self.entries[t.entry_id].kind == COUNTRY for t in h.targets)
        }
        described_candidates(text, folded, not_countries, candidates, countries_named)
        self._bodies_named_within_bodies(text, suggestions, candidates)
        self._drop_names_inside_candidates(suggestions, candidates)
        self._countries_owning_companies(text, suggestions, candidates)
        _companies_of_a_place(text, folded, candidates)
        self._short_forms(text, suggestions, candidates)
        self._names_after_a_registry_name(text, suggestions, candidates)
        self._drop_national_prefixes(suggestions, candidates)
        self._learn_acronyms(text, folded, suggestions, candidates, taken)
        self._implied_ministries(text, folded, suggestions, candidates)
        self._implied_departments(text, folded, suggestions)
        self._place_candidates(text, folded, suggestions, candidates)
        self._children_named_under_their_parent(text, suggestions, candidates)
        self._national_candidates(text, suggestions, candidates)
        self._drop_parents_named_in_titles(folded, suggestions, candidates)
        _drop_portfolios_of_titles(folded, candidates)
        _boards_of_their_bodies(folded, suggestions, candidates)
        self._drop_home_short_forms_abroad(text, folded, suggestions)
        self._drop_home_ambiguities_abroad(folded, suggestions, ambiguous)
        _drop_short_acronyms_of_countries_not_named(suggestions, self.home_country)
        self._drop_states_named_as_places(folded, suggestions)
        self._legislature_of_the_place(text, folded, suggestions)
        self._head_noun_references(text, folded, suggestions, candidates)
        self._state_chambers_named_alone(text, suggestions)
        self._children_without_parents_names(text, folded, suggestions, candidates)
        self._departments_by_portfolio(text, folded, suggestions, candidates)
        self._owners_named_in_units(text, suggestions)
        people = self._find_people(text, folded, suggestions, candidates)
        _drop_surnames_of_people(folded, suggestions, people)
        self._drop_airports_named_as_places(folded, suggestions)  # (no person inside: after)
        self._drop_brands(folded, suggestions)
        self._drop_residences_named_as_places(folded, suggestions)
        self._companies_by_first_word(text, folded, suggestions, candidates, people)
        if headlines := title_case_lines(text):
            # "Governor Announces New Funding For Rural Hospitals": in a line in title case every
            # word is capitalized, so its words say nothing of names; what only such a line
            # names is no candidate and no person.
            candidates = {
                key: c for key, c in candidates.items()
                if not all(within_any(m.start, m.end, headlines) for m in c.mentions)
            }  # fmt: skip
            people = [
                p for p in people
                if p.known or not all(within_any(m.start, m.end, headlines) for m in p.mentions)
            ]  # fmt: skip

        candidates = _one_candidate_per_company(candidates)
        # "… shares in rare earths company Northern Minerals": the company's name alone, once
        # its full name is known ("Northern Minerals Limited"), is no person
        spans = [(m.start, m.end) for c in candidates.values() for m in c.mentions]
        people = [
            p for p in people
            if p.known or not all(overlaps(m.start, m.end, spans) for m in p.mentions)
        ]  # fmt: skip
        ordered = sorted(suggestions.values(), key=lambda s: s.first)
        for suggestion in ordered:
            suggestion.mentions.sort(key=lambda m: m.start)
        implied = [  # (named nowhere else: every mention is a minister's title)
            s for s in ordered
            if s.reason.startswith(IMPLIED_BY_A_TITLE)
            and all(_MINISTER.search(m.text) for m in s.mentions)
        ]  # fmt: skip
        return Findings(
            organizations=[s for s in ordered if s.entry.kind != COUNTRY and s not in implied],
            countries=[s for s in ordered if s.entry.kind == COUNTRY],
            candidates=sorted(candidates.values(), key=lambda c: c.mentions[0].start),
            ambiguous=ambiguous,
            people=people,
            implied=implied,
        )

    def _national_short_forms(self, text, hits: list[Hit], suggestions) -> list[Hit]:
        """ "National Treasury" is South Africa's in a story about South Africa: a body's name
        without its country is that of the country the story names most, when it has one.
        Returns the hits it could not place."""
        if not hits:
            return []
        weight, named_as_countries = _country_weights(suggestions.values())
        public = Counter(
            s.entry.country
            for s in suggestions.values()
            if s.entry.kind in _GOVERNMENT_KINDS and s.entry.country
        )
        most_public = max(public.values(), default=0)
        unresolved = []
        parliaments = [s.entry for s in suggestions.values() if "Parliament" in s.entry.name]
        for hit in hits:
            if text[hit.start : hit.end] == "Parliament":
                if _A_TITLES_PORTFOLIO_BEFORE.search(text, max(0, hit.start - 40), hit.start):
                    continue
                if parliaments:  # "the European Parliament … Parliament's vote": that one
                    if len(parliaments) == 1:
                        target = Target(parliaments[0].id, 0.7, "its short form 'Parliament'")
                        self._add(suggestions, target, text, hit.start, hit.end)
                    continue
            having = {self.entries[t.entry_id].country: t for t in hit.targets}
            # "Qatar's Ministry of Foreign Affairs": the country whose possessive it follows
            if (owner := self._possessive_country(text, hit.start)) and owner in having:
                self._add(suggestions, having[owner], text, hit.start, hit.end)
                continue
            # "the Office of the President of the Russian Federation": the country after it
            after, reach = self._country_after(text, hit.end)
            if after:
                if after in having:  # (the mention takes the country in)
                    self._add(suggestions, having[after], text, hit.start, reach)
                continue
            # among the countries that have a body of that name, the one named most; one the
            # story never names must have the most public bodies in it ("the National Portrait
            # Gallery" beside the British Museum and the DCMS is not Washington's)
            named = [(w, c) for c, w in weight.most_common() if c in having][:2]
            if (
                not named
                or (len(named) > 1 and named[0][0] == named[1][0])
                or (named[0][1] not in named_as_countries and public[named[0][1]] < most_public)
            ):
                unresolved.append(hit)
                continue
            self._add(suggestions, having[named[0][1]], text, hit.start, hit.end)
        return unresolved

    def _generic_names_of_other_countries(self, text, folded, suggestions) -> None:
        """ "the House of Representatives" in a story about Thailand is Thailand's, not the
        U.S. House; "the Foreign Office" in a story of Pakistan and India is not Britain's. A
        public body named only by a name other countries' bodies share (their names without
        their country) or by a short form, of a country the story otherwise never names nor
        shows through another body, is the body of that name of the country the story names
        most; without one, it is dropped (the home country's are left to
        _drop_home_short_forms_abroad)."""
        generic = {}
        for entry_id, suggestion in suggestions.items():
            entry = suggestion.entry
            if entry.kind not in _GOVERNMENT_KINDS or not entry.country:
                continue
            if any(is_acronym(m.text) for m in suggestion.mentions):
                continue  # an acronym is the body's own
            keys = {index_key(m.text, case_sensitive=False) for m in suggestion.mentions}
            shared = all(
                set(self._national.get(key, ())) - {entry.country}
                or (len(key.split()) <= 2 and key != index_key(entry.name, case_sensitive=False))
                for key in keys
            )
            if shared:
                generic[entry_id] = keys
        if not generic:
            return
        weight, named = _country_weights(
            s for entry_id, s in suggestions.items() if entry_id not in generic
        )
        ranked = weight.most_common(2)
        top = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else ""
        for entry_id, keys in generic.items():
            country = suggestions[entry_id].entry.country
            if weight[country] or country in named:
                continue  # the story speaks of that country too
            if country == self.home_country and (
                not top or (self._home_named is not None and self._home_named.search(folded))
            ):
                continue
            key = next(iter(keys)) if len(keys) == 1 else None  # (one name, written one way)
            if top and key is not None and (local := self._national.get(key, {}).get(top)):
                reason = f"{NATIONAL_SHORT_FORM}{suggestions[entry_id].mentions[0].text!r}"
                for mention in suggestions[entry_id].mentions:
                    self._add(
                        suggestions, Target(local, 0.7, reason), text, mention.start, mention.end
                    )
                del suggestions[entry_id]
            elif country != self.home_country and weight:
                del suggestions[entry_id]

    def _countries_owning_names(self, text, chosen: list[Hit], suggestions) -> None:
        """ "Norway's sovereign wealth fund", a registry alias: the country whose possessive
        opens a name is named too."""
        for hit in chosen:
            if text.find("s ", hit.start, hit.end) < 0:
                continue  # (no possessive inside: most names; a cheap look before the pattern)
            owner = _COUNTRYS.match(text, hit.start, hit.end)
            if owner is None or any(self.entries[t.entry_id].kind == COUNTRY for t in hit.targets):
                continue
            if (country := self.country_named(owner["owner"])) is not None:
                target = Target(country.id, 0.9, "name")
                self._add(suggestions, target, text, hit.start, hit.start + len(owner["owner"]))

    def _possessive_country(self, text: str, start: int) -> str:
        """The ISO code of the country whose possessive ends right before `start` ("Qatar's
        Ministry …", "the United Arab Emirates' Ministry …"), else ""."""
        before = _POSSESSIVE_BEFORE.search(text, max(0, start - 45), start)
        if before is None:
            return ""
        words = before["owner"].split()
        for k in range(len(words)):
            if country := self.country_named(" ".join(words[k:])):
                return country.country
        return ""

    def _country_after(self, text: str, end: int) -> tuple[str, int]:
        """The country named in "of <country>" right after `end` ("… of the Russian
        Federation") and where its name ends, else ("", end)."""
        after = _OF_A_NAME_AFTER.match(text, end)
        if after is None:
            return "", end
        words = after["name"].split()
        for k in range(len(words), 0, -1):
            name = " ".join(words[:k])
            # (a sentence's full stop after the name: "… of the Republic of Uzbekistan.")
            for form in dict.fromkeys((name, name.rstrip("."))):
                if country := self.country_named(form):
                    return country.country, after.start("name") + len(form)
        return "", end

    def _national_candidates(self, text, suggestions, candidates) -> None:
        """A candidate that is a country's registry body under another form of its name:
        "Korea's Ministry of Trade, Industry and Energy" ("… of the Republic of Korea"),
        "Ministry of Foreign Affairs of the Republic of Uzbekistan" ("… of Uzbekistan")."""
        for key, candidate in list(candidates.items()):
            name, country = candidate.name, candidate.country_guess
            for at in (m.start() for m in re.finditer(" of ", name)):
                place = self.country_named(_strip_the(name[at + 4 :]))
                if place is not None:  # "… of the Republic of Uzbekistan"
                    name, country = name[:at], place.country
                    break
            entry_id = self._national.get(index_key(name, case_sensitive=False), {}).get(country)
            if entry_id is None or not country:
                continue
            reason = f"{NATIONAL_SHORT_FORM}{name!r} of {self.entries[entry_id].country}"
            for mention in candidate.mentions:
                target = Target(entry_id, 0.75, reason)
                self._add(suggestions, target, text, mention.start, mention.end)
            del candidates[key]

    def _add(self, suggestions, target: Target, text: str, start: int, end: int) -> None:
        entry = self.entries[target.entry_id]
        suggestion = suggestions.get(entry.id)
        if suggestion is None:
            suggestion = suggestions[entry.id] = Suggestion(entry, target.confidence, target.reason)
        elif target.confidence > suggestion.confidence:
            suggestion.confidence, suggestion.reason = target.confidence, target.reason
        if entry.id in self._named_with_the and text[max(0, start - 4) : start] == "The ":
            if start == 4 or not text[start - 5].isalnum():
                start -= 4  # "The Nature Conservancy": "The" is part of its name
        if all(m.start != start for m in suggestion.mentions):
            suggestion.mentions.append(Mention(text[start:end], start, end))

    def _bodies_named_within_bodies(self, text, suggestions, candidates) -> None:
        """ "Texas A&M Forest Service": one body's name right before another's that ends in a
        head noun, neither the other's parent, is the name of a third body, with the first as
        its parent; the registry lacks it (else the longer name would have been found)."""
        spans = sorted(
            (m.start, m.end, s)
            for s in suggestions.values()
            if s.entry.kind not in (COUNTRY, "subnational")
            for m in s.mentions
        )
        for (a_start, a_end, a), (b_start, b_end, b) in pairwise(spans):
            words = text[b_start:b_end].split()
            if (
                text[a_end:b_start] != " "
                or a.entry.id == b.entry.id
                or len(words) < 2
                or words[-1].lower() not in ORGANIZATION_HEADS
                or self._is_ancestor(a.entry.id, b.entry.id)
                or self._is_ancestor(b.entry.id, a.entry.id)
            ):
                continue
            _add_candidate(
                candidates, text[a_start:b_end], a_start, b_end, kind_guess=b.entry.kind,
                reason="a body named within another body's name", parent=a.entry.name,
                country_guess=a.entry.country or b.entry.country or "",
            )  # fmt: skip
            for suggestion, start in ((a, a_start), (b, b_start)):
                suggestion.mentions = [m for m in suggestion.mentions if m.start != start]
                if not suggestion.mentions:
                    suggestions.pop(suggestion.entry.id, None)

    def _owners_named_in_units(self, text, suggestions) -> None:
        """ "The FBI's New Orleans Field Office": a unit the registry knows by a name holding
        its owner's possessive names the owner too (a child named with its parent)."""
        for suggestion in list(suggestions.values()):
            for mention in list(suggestion.mentions):
                possessive = _OWNER.match(mention.text)
                if possessive is None:
                    continue
                owner = self.entry_called(possessive["owner"])
                if owner is not None and owner.id != suggestion.entry.id and owner.kind != COUNTRY:
                    start = mention.start + possessive.start("owner")
                    target = Target(owner.id, 0.85, f"the owner in {mention.text!r}")
                    self._add(suggestions, target, text, start, start + len(possessive["owner"]))

    def _children_named_after_parents(self, aliases) -> dict[int, list[tuple[str, int]]]:
        """By parent: the rest of each child's name after its parent's name or acronym ("WTO
        Appellate Body" -> "Appellate Body"), of two capitalized words or more."""
        parents = {e.parent_id for e in self.entries.values() if e.parent_id in self.entries}
        short_names: dict[int, set[str]] = {p: {self.entries[p].name} for p in parents}
        for entry_id, alias, _ in aliases:
            if entry_id in parents and is_acronym(alias):
                short_names[entry_id].add(alias)
        rests: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for entry in self.entries.values():
            for short in short_names.get(entry.parent_id, ()) if entry.parent_id else ():
                rest = entry.name.removeprefix(f"{short} ")
                words = rest.split()
                if rest != entry.name and len(words) >= 2 and all(w[:1].isupper() for w in words):
                    rests[entry.parent_id].append((rest, entry.id))
            if entry.parent_id in parents and (topic := _SUBCOMMITTEE_ON.search(entry.name)):
                # "House Transportation and Infrastructure Subcommittee on Aviation": once its
                # committee is named, "the Subcommittee on Aviation", "Aviation Subcommittee"
                for rest in (topic.group(), f"{topic['topic']} Subcommittee"):
                    rests[entry.parent_id].append((rest, entry.id))
        return dict(rests)

    def _children_without_parents_names(self, text, folded, suggestions, candidates) -> None:
        """ "The WTO … whose Appellate Body": once a parent is named, the rest of a child's
        name after the parent's ("WTO Appellate Body") names that child."""
        found = [
            (rest, child, parent)
            for parent in suggestions
            for rest, child in self._children_by_rest.get(parent, ())
            if rest in folded
        ]
        if not found:
            return
        taken = _spans(suggestions, candidates)
        for rest, child, parent in found:
            for match in re.finditer(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", folded):
                start, end = match.span()
                if overlaps(start, end, [span for span in taken if span != (start, end)]):
                    continue  # (a candidate of just these words: the registry's child)
                for key, candidate in list(candidates.items()):
                    if any((m.start, m.end) == (start, end) for m in candidate.mentions):
                        del candidates[key]  # the registry's child, not a new name
                # "the Johns Hopkins Applied Physics Laboratory": the parent's short name just
                # before is the child's name's first words, not the parent named
                mentions = suggestions[parent].mentions if parent in suggestions else []
                if before := next((m for m in mentions if m.end == start - 1), None):
                    _keep_mentions(suggestions, parent, [m for m in mentions if m is not before])
                    start = before.start
                reason = f"{rest!r} after its parent was named"
                self._add(suggestions, Target(child, 0.7, reason), text, start, end)

    def _national_subsidiaries(self, text, folded, suggestions, candidates) -> None:
        """ "Safaricom Ethiopia", "Vodafone UK", "Google India": a registry company's name, then a
        country's, is the company's business in that country, a candidate of its own (the
        company its parent, the country its country); neither is named there by itself."""
        places = []  # (where the place's name begins and ends, its country, its entry)
        if len(self._one_word_countries):
            for last, length in self._one_word_countries.iter(folded):
                at, end = last - length + 2, last + 1  # the country's name, after its space
                if (country := self.country_named(folded[at:end])) is not None:
                    places.append((at, end, country.country, country.name, country.id))
        if len(self._subnational_places) and any(
            s.entry.kind == "company" for s in suggestions.values()
        ):
            # "AT&T Illinois", "Duke Energy Florida": a company's business in a state (only
            # where a company is named: no scan for a story naming none)
            for last, (length, code) in self._subnational_places.iter(folded):
                at, end = last - length + 1, last + 1
                after = _LOWER_WORD_AFTER.match(folded, end)
                if (
                    at
                    and folded[at - 1] == " "
                    and (after is None or after[1] in FUNCTION_WORDS or after[1] in COMPANY_VERBS)
                ):  # (not "the Tesla Texas factory": where the company's factory is)
                    places.append((at, end, code, folded[at:end], None))
        for at, end, code, place, place_id in places:
            if _NAME_GOES_ON.match(folded, end):
                continue  # "Kenya Airways", "Japan's": more of a name, or the country's own
            match = _OWNER_BEFORE.search(folded, max(0, at - 60), at)
            if match is None:
                continue
            owner, skipped = self._company_named_first(match["owner"])
            if owner is None or (place_id is None and owner.kind != "company"):
                continue
            start = match.start("owner") + skipped
            others = [
                (m.start, m.end)
                for entry_id, found in suggestions.items()
                if entry_id not in (owner.id, place_id)
                and (place_id or self.entries[entry_id].kind != "subnational")
                for m in found.mentions
            ]
            if overlaps(start, end, others + [(m.start, m.end) for c in candidates.values()
                                              for m in c.mentions]):  # fmt: skip
                continue
            _add_candidate(
                candidates, text[start:end], start, end, kind_guess=owner.kind,
                reason=f"{owner.name!r} in {place}", country_guess=code, parent=owner.name,
            )  # fmt: skip
            # (in a state: every body's mention inside the name, the state's included)
            dropped = (owner.id, place_id) if place_id else None
            _drop_mentions_within(suggestions, start, end, dropped)

    def _drop_states_named_as_places(self, folded, suggestions) -> None:
        """ "In Washington state, Amazon will fund …", "a company from New York state": a state
        or a province after "in", "from", "for" is where something happens, a place, not its
        government acting; nor does "Washington state law" name the state acting."""
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind != "subnational":
                continue
            kept = []
            for mention in suggestion.mentions:
                place = _IN_A_PLACE.search(folded, max(0, mention.start - 15), mention.start)
                # "in Washington state"; "in the state of Saxony-Anhalt", "for the U.S. state of
                # Wisconsin", "her home state of Tennessee", not "in the City's plan"
                if _A_STATES_LAW.match(folded, mention.end):
                    continue
                after_in = place is not None and place.group().lower().startswith("in ")
                if (
                    place is None
                    or (place["the"] and after_in and not _A_PLACE_OF.match(mention.text))
                    # after "from", "for" …: a place only as written as one ("New York state",
                    # "the U.S. state of Wisconsin"; not "contributions from Fairfax County",
                    # "from the Province of Nova Scotia", who pay)
                    or (not after_in and not _A_PLACE_OF_IN_LOWER_CASE.search(mention.text))
                ):
                    kept.append(mention)
            if len(kept) < len(suggestion.mentions):
                _keep_mentions(suggestions, entry_id, kept)

    def _drop_residences_named_as_places(self, folded, suggestions) -> None:
        """ "welcomed at the White House", "a courtesy call at Malacañang Palace", "signed at
        State House in Entebbe": a head of state's or government's residence after "at",
        "from" … is where something happens, not the office acting (named so too)."""
        offices = set(self._head_offices.values())
        _drop_mentions_where(
            suggestions,
            lambda m: (
                _A_RESIDENCE.search(m.text)
                and _AT_A_PLACE.search(folded, max(0, m.start - 13), m.start)
            ),
            of=lambda entry: entry.id in offices or entry.name == "White House",
        )

    def _drop_brands(self, folded, suggestions) -> None:
        """ "its OXXO convenience stores", "Honda and Acura electric models", "brands from
        Peugeot and Fiat to Jeep": a company's brand (a registry company with a parent) named
        for its products is the brand, not the company acting."""
        _drop_mentions_where(
            suggestions,
            lambda m: (
                _PRODUCTS_AFTER.match(folded, m.end)
                or _BRANDS_BEFORE.search(folded, max(0, m.start - 80), m.start)
            ),
            of=lambda entry: entry.kind == "company" and entry.parent_id is not None,
        )

    def _drop_airports_named_as_places(self, folded, suggestions) -> None:
        """ "Terminal A at Newark Liberty International Airport": an airport after "at", "from",
        "to" … is where something happens, not the company that runs it (named so too)."""
        _drop_mentions_where(
            suggestions,
            lambda m: _AT_A_PLACE.search(folded, max(0, m.start - 8), m.start),
            of=lambda entry: entry.name.endswith(" Airport"),
        )

    def _units_named_with_an_acronym(self, text, folded, suggestions, candidates) -> None:
        """ "the RIKEN Center for Computational Science", "the UNEP Copenhagen Climate Centre":
        a registry body's acronym, then capitalized words with a head noun, name a unit of that
        body, a candidate whose parent it is (the body is not named there by itself)."""
        taken = None
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind == COUNTRY:
                continue  # "U.S. Attorney's Office": a national prefix, no parent
            for mention in list(suggestion.mentions):
                if not is_acronym(mention.text) or folded[mention.end : mention.end + 1] != " ":
                    continue
                run = _WORDS_OF_A_UNIT.match(folded, mention.end)
                words = run.group().split() if run else []
                while words and words[-1] in NAME_CONNECTORS:
                    words.pop()
                heads = [i for i, w in enumerate(words) if w.lower() in ORGANIZATION_HEADS]
                if not heads or words[-1].lower() in NOT_ORGANIZATION_WORDS:
                    continue
                if heads[-1] != len(words) - 1 and words[heads[0] + 1] not in NAME_CONNECTORS:
                    continue  # the name must end at its head or go on with "for", "of" …
                end = mention.end + len(" " + " ".join(words))
                taken = taken if taken is not None else _spans(suggestions, candidates)
                others = [span for span in taken if span != (mention.start, mention.end)]
                if overlaps(mention.start, end, others):
                    continue
                name = text[mention.start : end]
                _add_candidate(
                    candidates, name, mention.start, end, kind_guess=guess_organization_kind(name),
                    reason="a unit of the body named", country_guess=suggestion.entry.country,
                    parent=suggestion.entry.name,
                )  # fmt: skip
                kept = [m for m in suggestions[entry_id].mentions if m is not mention]
                _keep_mentions(suggestions, entry_id, kept)
                if entry_id not in suggestions:
                    break

    def _company_named_first(self, words: str) -> tuple[Entry | None, int]:
        """The registry's company (or charity) whose name begins the name of its business (or
        branch) that `words` end with ("TotalEnergies" in "TotalEnergies EP", "Google" in
        "Yesterday Google", "OpenAI" in "SB OpenAI"), and the number of characters of `words`
        before that name."""
        names = words.split()
        for first in range(len(names)):
            for last in range(len(names), first, -1):
                entry = self.entry_called(" ".join(names[first:last]))
                if entry is not None and entry.kind in _NATIONAL_BRANCHES:
                    while first and names[first - 1].isupper() and len(names[first - 1]) > 1:
                        first -= 1  # "SB OpenAI Japan": initials before are the name's
                    return entry, len(" ".join(names[:first])) + (1 if first else 0)
        return None, 0

    def _subsidiaries_with_their_country(self, text, folded, suggestions, candidates) -> None:
        """ "BYD Auto (Thailand) Co., Ltd.": a company's name, its country in parentheses and a
        legal form name its business there, a candidate whose parent is the registry's company
        named at its start (which is not named there by itself)."""
        if ") " not in folded:
            return
        for match in _COUNTRY_IN_PARENTHESES.finditer(folded):
            country = self.country_named(match["country"])
            if country is None:
                continue
            start, end = match.span()
            owner, skipped = self._company_named_first(match["name"])
            if owner is None:
                parent = ""
            else:
                parent, start = owner.name, start + skipped
            for key, candidate in list(candidates.items()):
                if overlaps(start, end, [(m.start, m.end) for m in candidate.mentions]):
                    del candidates[key]  # ("Co., Ltd." alone, the name cut at the parenthesis)
            _drop_mentions_within(suggestions, start, end)
            _add_candidate(
                candidates, text[start:end], start, end, kind_guess="company",
                reason=f"a company of {country.name}", country_guess=country.country,
                parent=parent,
            )  # fmt: skip

    def _departments_by_portfolio(self, text, folded, suggestions, candidates) -> None:
        """ "The Department of the Treasury's OFAC … Treasury said": once a department is
        named, its portfolio's one word, read as a name ("Treasury said", "Commerce's grant"),
        is that department."""
        taken = None
        for suggestion in list(suggestions.values()):
            match = _DEPARTMENT_OF.match(suggestion.entry.name)
            if match is None or match["portfolio"] not in folded or not suggestion.mentions:
                continue
            taken = taken if taken is not None else _spans(suggestions, candidates)
            since = min(m.start for m in suggestion.mentions)
            word = re.escape(match["portfolio"])
            for found in re.finditer(rf"(?<![\w.&'-]){word}(?![\w&-])", folded):
                start, end = found.span()
                if start < since or overlaps(start, end, taken):
                    continue
                if folded[max(0, start - 4) : start] in (" of ", "for "):
                    continue  # "Assistant Secretary of Commerce", "Dean of Agriculture": a title's
                if not reads_as_a_short_form(folded, start, end):
                    continue  # "Treasury yields", "Energy Secretary"
                reason = f"{match['portfolio']!r} after {suggestion.entry.name!r} was named"
                target = Target(suggestion.entry.id, 0.7, reason)
                self._add(suggestions, target, text, start, end)

    def _head_noun_references(self, text, folded, suggestions, candidates) -> None:
        """ "The Policy Board of the Bank of Japan … The Bank will continue …", "the European
        Parliament … the Parliament is due to vote": after a body is named, "the" and its head
        noun, capitalized, refer to it, when no other body named in the story has that head."""
        by_head: dict[str, list[Suggestion | Candidate | Entry]] = defaultdict(list)
        bodies = [s for s in suggestions.values() if s.entry.kind != COUNTRY]
        for body in [*bodies, *candidates.values()]:
            name = body.entry.name if isinstance(body, Suggestion) else body.name
            if head := _head_of(name):
                by_head[head].append(body)
        # "The House Committee on Energy and Commerce … sent the bill to the full House": a
        # child named with its parent's head first names that parent's head for the parent.
        since_child: dict[int, int] = {}
        for body in bodies:
            parent = self.entries.get(body.entry.parent_id) if body.entry.parent_id else None
            if parent is None or parent.id in suggestions or not body.mentions:
                continue
            chamber = parent.kind == "legislature"  # "the House" of Representatives
            head = _head_of(NATIONAL_PREFIX.sub("", parent.name), house=chamber)
            if head and body.entry.name.startswith(f"{head} ") and parent not in by_head[head]:
                by_head[head].append(parent)
                since_child[parent.id] = min(m.start for m in body.mentions)
        # "The Senate passed the bill … sending it back to the House": a chamber named, "the"
        # and the head of the other chamber of its legislature name that one
        for body in bodies:
            if body.entry.kind != "legislature" or body.entry.parent_id is None:
                continue
            for chamber_id in self._chambers.get(body.entry.parent_id, ()):
                chamber = self.entries[chamber_id]
                head = _head_of(NATIONAL_PREFIX.sub("", chamber.name), house=True)
                if chamber_id not in suggestions and head and chamber not in by_head[head]:
                    by_head[head].append(chamber)
        if not by_head:
            return
        taken = _spans(suggestions, candidates)
        # "the Bank", "the full House", "the House and Senate": where each head one body has
        # stands after "the" (one scan for every head)
        unique = {head for head, named in by_head.items() if len(named) == 1}
        written: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for match in _THE_HEAD.finditer(folded):
            first, second = match["first"], match["second"]
            if first in unique and _A_REFERENCE_ENDS.match(folded, match.end("first")):
                written[first].append(match.span("first"))
            if (
                second in unique
                and first in unique
                and second != first
                and _A_REFERENCE_ENDS.match(folded, match.end("second"))
            ):
                written[second].append(match.span("second"))
        for head, named in by_head.items():
            if head not in written:
                continue
            body = named[0]
            if isinstance(body, Entry):
                # a chamber whose committee the story names: "the House" before it too
                since = 0 if body.kind == "legislature" else since_child[body.id]
            elif not body.mentions:
                continue
            else:
                since = min(m.start for m in body.mentions)
            for start, end in sorted(written[head]):
                if start < since or overlaps(start, end, taken):
                    continue
                if isinstance(body, Candidate):
                    body.mentions.append(Mention(text[start:end], start, end))
                    continue
                entry = body if isinstance(body, Entry) else body.entry
                reason = f"{head!r} after {entry.name!r} was named"
                self._add(suggestions, Target(entry.id, 0.7, reason), text, start, end)

    def _children_named_under_their_parent(self, text, suggestions, candidates) -> None:
        """ "The Senate Judiciary Committee's Subcommittee on Privacy, Technology, and the Law":
        a candidate named after its parent's possessive is the registry's child that bears
        the parent's name before its own ("Senate Judiciary Subcommittee on …")."""
        for key, candidate in list(candidates.items()):
            if not candidate.parent:
                continue
            parent = candidate.parent
            forms = [f"{parent} {candidate.name}", subcommittee_named_under(parent, candidate.name)]
            entry = next((e for form in forms if form and (e := self.entry_named(form))), None)
            if entry is None or self.entries.get(entry.parent_id, entry).name != parent:
                continue
            target = Target(entry.id, 0.8, f"{candidate.name!r} of {parent!r}")
            for mention in candidate.mentions:
                self._add(suggestions, target, text, mention.start, mention.end)
            del candidates[key]

    def _subcommittees_of_committees_named(self, text, folded, suggestions, candidates) -> None:
        """ "the House Energy and Commerce Committee … its Energy and Commerce Subcommittee on
        Innovation, Data, and Commerce": a subcommittee is named with its committee's name,
        "Subcommittee" for "Committee". The candidate is the whole name (where the candidates'
        grammar cut it at an "and" of the committee's name), the committee its parent."""
        if "Subcommittee " not in folded:
            return
        for suggestion in [s for s in suggestions.values() if s.entry.kind == "legislature"]:
            entry = suggestion.entry
            stems = {
                stem
                for form in (entry.name, *(m.text for m in suggestion.mentions))
                if (stem := _committee_stem(form))
            }
            for stem in stems:
                words = fold(stem).split()
                # "House Energy and Commerce", or only its last words ("Energy and Commerce")
                for first in range(len(words)):
                    pattern = rf"(?<![\w-]){re.escape(' '.join(words[first:]))} Subcommittee "
                    for match in re.finditer(pattern, folded):
                        self._extend_to_subcommittee(
                            text, match.start(), match.end(), entry, suggestions, candidates
                        )

    def _extend_to_subcommittee(self, text, start, at, committee, suggestions, candidates) -> None:
        """The candidate that names the subcommittee beginning at `start` ("… Subcommittee " ends
        at `at`) begins there, with `committee` its parent; what the grammar found inside its
        committee's name ("House Energy") is no name of its own."""
        ends = [
            (m.end, key)
            for key, c in candidates.items()
            for m in c.mentions
            if start <= m.start < at and m.end > at
        ]
        if not ends:
            return
        end, key = max(ends)
        for other_key, other in list(candidates.items()):
            other.mentions = [m for m in other.mentions if not (start <= m.start and m.end <= end)]
            if not other.mentions:
                del candidates[other_key]
        _drop_mentions_within(suggestions, start, end)
        name = text[start:end]
        _add_candidate(
            candidates,
            name,
            start,
            end,
            kind_guess="legislature",
            reason=f"a subcommittee of {committee.name!r}",
            country_guess=committee.country or "",
            parent=committee.name,
        )

    def _local_governments(self, text, folded, suggestions, candidates) -> None:
        """ "the City of Long Beach", "the Town of Ashland": a place's government, a candidate
        when the registry does not know it (a place's name alone is a place)."""
        if " of " not in folded:
            return
        taken = _spans(suggestions, candidates)
        for match in _LOCAL_GOVERNMENT.finditer(folded):
            start, end = match.span()
            if overlaps(start, end, taken):
                continue
            name = text[start:end]
            candidate = candidates.setdefault(
                fold_lower(name), Candidate(name, "subnational", "a place's government")
            )
            candidate.mentions.append(Mention(name, start, end))

    def _governments_named(self, text, folded, suggestions) -> dict[str, Candidate]:
        """ "The Chilean government", "Cyprus's government", "the Danish State": a country's
        government acting, named as the candidate "Government of <country>" (as "the
        Government of Chile" is), not the country named."""
        governments: dict[str, Candidate] = {}
        for entry_id, suggestion in list(suggestions.items()):
            entry = suggestion.entry
            if entry.kind != COUNTRY or entry.country == self.home_country:
                continue  # at home, "the government" is the departments the story names
            kept = []
            for mention in suggestion.mentions:
                after = _GOVERNMENT_AFTER.match(folded, mention.end)
                if "government" in mention.text.lower() and not _GOVERNMENT_BODY.match(
                    folded, mention.end
                ):
                    end = mention.end
                elif after:
                    end = after.end()
                elif (
                    (state := STATE_AFTER.match(folded, mention.end))
                    or (
                        folded[max(0, mention.start - 4) : mention.start] == "the "
                        and (state := _A_STATE_ACTING.match(folded, mention.end))
                    )
                ) and mention.text in DEMONYMS.get(entry.country, ()):
                    # "the Danish State, which holds a controlling stake"; "the Swedish state
                    # will sell" (not "the Italian state railway group", a modifier)
                    end = state.end()
                else:
                    kept.append(mention)
                    continue
                name = self._government_names.get(entry_id) or government_name(entry.name)
                government = governments.setdefault(
                    fold_lower(name),
                    Candidate(name, "other", A_GOVERNMENT,
                              country_guess=suggestion.entry.country),
                )  # fmt: skip
                if all(m.start != mention.start for m in government.mentions):
                    government.mentions.append(
                        Mention(text[mention.start : end], mention.start, end)
                    )
            _keep_mentions(suggestions, entry_id, kept)
        if "Government" in folded:
            self._the_government(text, folded, suggestions, governments)
        return governments

    def _the_government(self, text, folded, suggestions, governments) -> None:
        """ "The Government has committed to …": "Government" written with its capital, alone,
        is the government of the country the story speaks of most (not at home, where "the
        government" is the departments the story names; not "President of the Government", a
        title; not "the Government Companies Authority", a longer name)."""
        spans = []
        for match in _THE_GOVERNMENT.finditer(folded):
            at = match.start(1)
            title = _TITLE_OF_BEFORE.search(folded, max(0, at - 40), at)
            if not (title and is_title_word(title["title"].lower())):
                spans.append((at, match.end(1)))
        # (the country whose public bodies the story names most: its government's release)
        weight: Counter[str] = Counter()
        for suggestion in suggestions.values():
            if suggestion.entry.kind == COUNTRY:
                weight[suggestion.entry.country] += len(suggestion.mentions) / 2
            elif suggestion.entry.kind in PUBLIC_KINDS and suggestion.entry.country:
                weight[suggestion.entry.country] += 1
        if not spans or not weight:
            return
        code = weight.most_common(1)[0][0]
        if code == self.home_country:
            return
        countries = (s.entry for s in suggestions.values() if s.entry.kind == COUNTRY)
        entry = next((e for e in countries if e.country == code), None)
        if entry is None:
            return  # (the country is named only by its bodies)
        name = self._government_names.get(entry.id) or government_name(entry.name)
        government = governments.setdefault(
            fold_lower(name), Candidate(name, "other", A_GOVERNMENT, country_guess=code)
        )
        starts = {m.start for m in government.mentions}
        government.mentions += [Mention(text[a:b], a, b) for a, b in spans if a not in starts]
        government.mentions.sort(key=lambda m: m.start)

    @staticmethod
    def _first_name_is_a_country(folded: str, suggestions, start: int, end: int) -> bool:
        """Whether the only registry name inside the person's name `start:end` is a country's
        name as its first word ("Jordan Evans", "Chad Smith"); that mention is then dropped."""
        inside = [
            (entry_id, m)
            for entry_id, s in suggestions.items()
            for m in s.mentions
            if m.start < end and start < m.end
        ]
        if len(inside) != 1:
            return False
        entry_id, mention = inside[0]
        if suggestions[entry_id].entry.kind != COUNTRY or mention.start != start:
            return False
        if mention.end >= end or not mention.text.isalpha() or folded[mention.end] != " ":
            return False  # "Japan's Iwaya", "U.S. Ambassador Mark Brzezinski"
        if is_title_word(folded[mention.end + 1 : end].split()[0].lower()):
            return False  # "Kenya Ambassador Jo Roe"
        kept = [m for m in suggestions[entry_id].mentions if m is not mention]
        _keep_mentions(suggestions, entry_id, kept)
        return True

    def _drop_demonyms_naming_no_country(self, folded, suggestions) -> None:
        """ "a Spanish-language service", "written in Greek", "in English and Spanish": a
        demonym that is a language names no country; nor does "American depositary shares", a
        kind of security."""
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind != COUNTRY:
                continue
            demonyms = {  # ("Myanmar" is the country's name too)
                d for d in DEMONYMS.get(suggestion.entry.country, ()) if d != suggestion.entry.name
            }
            kept = [
                m
                for m in suggestion.mentions
                if m.text not in demonyms
                or not (
                    _LANGUAGE_AFTER.match(folded, m.end)
                    or _SECURITY_AFTER.match(folded, m.end)
                    or (
                        m.text == "Indian"
                        and (
                            _NATIVE_AMERICAN.match(folded, m.end)
                            or folded[max(0, m.start - 9) : m.start] == "American "
                        )
                    )
                    or (
                        _LANGUAGE_BEFORE.search(folded, max(0, m.start - 40), m.start)
                        and _LANGUAGE_END.match(folded, m.end)
                    )
                )
            ]
            if len(kept) != len(suggestion.mentions):
                _keep_mentions(suggestions, entry_id, kept)

    def _drop_country_modifiers(self, text, folded, suggestions) -> None:
        """A country's short form in a domestic office's title ("U.S. Attorney Jane Roe",
        "Assistant U.S. Attorneys") or a currency ("US$1.5 million") is not the country named;
        "U.S. President" is. Before one of its own bodies ("the U.S. Federal Reserve") it is
        part of the body's name."""
        bodies = {
            m.start: (s, m)
            for s in suggestions.values()
            if s.entry.kind != COUNTRY and s.entry.country
            for m in s.mentions
        }
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind != COUNTRY:
                continue
            kept = []
            for mention in suggestion.mentions:
                after = folded[mention.end : mention.end + 1]
                following = _NEXT_CAPITALIZED.match(folded, mention.end)
                if after == "$":
                    continue
                if folded.endswith(_WATERS_OF, 0, mention.start) or folded.startswith(
                    " Canal", mention.end
                ):
                    continue  # "the Gulf of Mexico", "the Panama Canal": a sea's or a canal's
                joined = _JOINED_BEFORE.search(folded, max(0, mention.start - 30), mention.start)
                if joined and joined["word"] not in self._country_words:
                    continue  # "Duncan Crabtree-Ireland": a double-barrelled name, no country
                if following:
                    word = following["word"].lower()
                    second = (following["second"] or "").lower()
                    if word in ("court", "courts") or word in _COURT_WORDS and second == "court":
                        continue  # "U.S. District Court": a court's name, in this country
                    if word in _COURT_WORDS and second:
                        word = second
                    elif second in TITLE_HEADS and word not in NATIONAL_OFFICE_TITLES:
                        word = second  # "U.S. Transportation Secretary", "Poet Laureate"
                    if word not in TITLE_WORDS and word.endswith("s"):
                        word = word[:-1]  # "Attorneys"
                    if word in TITLE_WORDS and word not in NATIONAL_OFFICE_TITLES:
                        continue  # "U.S. Attorney", "U.S. District Judge"
                body, named = bodies.get(mention.end + 1, (None, None))
                if (
                    body is not None
                    and after == " "
                    and body.entry.country == suggestion.entry.country
                ):
                    # "the U.S. Federal Reserve": one name, the body's
                    at = body.mentions.index(named)
                    body.mentions[at] = Mention(
                        text[mention.start : named.end], mention.start, named.end
                    )
                    continue
                kept.append(mention)
            _keep_mentions(suggestions, entry_id, kept)

    def _drop_qualifying_parents(self, folded, suggestions) -> None:
        """ "White House Office of Science and Technology Policy": a body's name right before
        its own part's only says whose part it is (the part is tagged, not the parent, unless
        named elsewhere). (The exchange of a ticker, "Acme Inc. (NYSE: ACME)", is in the story:
        it lists the company.)"""
        starts = {m.start: s for s in suggestions.values() for m in s.mentions}
        for entry_id, suggestion in list(suggestions.items()):
            kept = []
            for mention in suggestion.mentions:
                after = starts.get(mention.end + 1)
                if (
                    after is not None
                    and folded[mention.end : mention.end + 1] == " "
                    # ("their parent, Alphabet Inc. Google said …": a sentence ended)
                    and not mention.text.endswith(".")
                    and (
                        self._is_ancestor(entry_id, after.entry.id)
                        # "White House" before a part of the Executive Office of the President
                        or suggestion.entry.parent_id is not None
                        and self._is_ancestor(suggestion.entry.parent_id, after.entry.id)
                    )
                ):
                    continue
                kept.append(mention)
            _keep_mentions(suggestions, entry_id, kept)

    def _ancestors(self, entry_ids: Iterable[int]) -> set[int]:
        """Every body `entry_ids` belong to, up their parents."""
        found: set[int] = set()
        for entry_id in entry_ids:
            parent = self.entries[entry_id].parent_id
            while parent is not None and parent not in found:
                found.add(parent)
                parent = self.entries[parent].parent_id if parent in self.entries else None
        return found

    def _is_ancestor(self, ancestor_id: int, entry_id: int) -> bool:
        seen = set()
        parent = self.entries[entry_id].parent_id
        while parent is not None and parent not in seen:
            if parent == ancestor_id:
                return True
            seen.add(parent)
            parent = self.entries[parent].parent_id if parent in self.entries else None
        return False

    def _drop_names_of_instruments(self, folded, suggestions) -> None:
        """ "the United Nations Convention on the Law of the Sea", "the NATO Treaty": a body's
        name at the head of an instrument's name names the instrument, not the body."""
        if not _AN_INSTRUMENT.search(folded):
            return
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind == COUNTRY:
                continue
            kept = [
                m
                for m in suggestion.mentions
                if not (
                    folded[m.end : m.end + 1] == " "
                    and _INSTRUMENT_AFTER.match(folded, m.end, m.end + 90)
                )
            ]
            _keep_mentions(suggestions, entry_id, kept)

    def _drop_parents_named_as_modifiers(self, folded, suggestions) -> None:
        """ "the UN migration agency", "a UN biodiversity summit": a body's acronym before a
        common noun only says whose agency or summit it is, in a story that names a body of
        its own (IOM, a UN body) (not "the UN said", "the UN and the EU")."""
        if not any(s.entry.parent_id for s in suggestions.values()):
            return
        parents = self._ancestors(suggestions)
        for entry_id, suggestion in list(suggestions.items()):
            if entry_id not in parents:
                continue
            kept = [
                m
                for m in suggestion.mentions
                if not (is_acronym(m.text) and _A_COMMON_NOUN_AFTER.match(folded, m.end))
            ]
            _keep_mentions(suggestions, entry_id, kept)

    def _drop_names_of_games(self, folded, suggestions) -> None:
        """ "the Paris 2024 Olympic Games", "the LA28 Games", "the Olympic Games Brisbane 2032":
        an organizing committee's name in the name of its Games names the Games."""
        if "Games" not in folded and "Olympics" not in folded and "Paralympics" not in folded:
            return
        _drop_mentions_where(
            suggestions,
            lambda m: (
                _GAMES_AFTER.match(folded, m.end)
                or _GAMES_BEFORE.search(folded, max(0, m.start - 30), m.start)
            ),
        )

    def _drop_acronyms_defined_otherwise(self, folded, suggestions) -> None:
        """ "sustainable aviation fuel (SAF)": the text defines the acronym as something else
        than the registry's body (the Sudanese Armed Forces); it means that in this text."""
        spans: list[tuple[int, int]] = []  # (every mention's, read when first needed)
        named_countries = {s.entry.country for s in suggestions.values() if s.entry.kind == COUNTRY}
        for entry_id, suggestion in list(suggestions.items()):
            redefined = set()
            for mention in suggestion.mentions:
                if not is_acronym(mention.text):
                    continue
                local = _LOCAL_NAME_BEFORE.search(folded, max(0, mention.start - 70), mention.start)
                if local and folded[mention.end : mention.end + 1] == ")":
                    # "(Autoriteit Persoonsgegevens, AP)": the name it stands for, before it
                    if fold_lower(local["name"]) == fold_lower(suggestion.entry.name):
                        continue
                    words_end = local.end("name")
                elif inside_parens(folded, mention.start, mention.end):
                    words_end = mention.start - 1
                else:
                    continue
                before = (mention.start - 2, mention.start - 1)
                if any(other.end in before for other in suggestion.mentions):
                    continue  # "Environmental Protection Agency (EPA)": its own name before it
                letters = [c for c in mention.text if c.isupper()]
                words = _WORDS.findall(folded, max(0, words_end - 100), words_end)
                words = [w for w in words if w.lower() not in INITIAL_SKIP][-len(letters) :]
                if (
                    (
                        len(words) == len(letters)
                        and [w[0].upper() for w in words] == letters
                        # (not "… of the African Union (AU)": the words are the body's own name)
                        and fold_lower(" ".join(words)) != fold_lower(suggestion.entry.name)
                    )
                    or (
                        # "a Contribution on Goods and Services (CBS)": defined here as the thing
                        # named before it, in the language whose letters it takes, when no body
                        # the registry knows is named there
                        folded[mention.start - 2 : mention.start] == " ("
                        and (
                            named := _CAPITALIZED_NAME_BEFORE.search(
                                folded, max(0, mention.start - 150), mention.start - 2
                            )
                        )
                        and not overlaps(
                            named.start(), named.end(), spans := spans or _spans_of(suggestions)
                        )
                        # (not "Law and Justice (PiS)" in a story of Poland's, nor "the Chilean
                        # Economic Development Agency (CORFO)": the body's own acronym, in its
                        # own language, where the story or the name says its country)
                        and suggestion.entry.country not in named_countries
                        and not set(named.group().split())
                        & set(DEMONYMS.get(suggestion.entry.country, ()))
                    )
                ):
                    redefined.add(mention.text)
            if redefined:
                suggestion.mentions = [m for m in suggestion.mentions if m.text not in redefined]
                if not suggestion.mentions:
                    del suggestions[entry_id]

    def _drop_the_names_counted(self, folded, suggestions) -> None:
        """ "every New Yorker": a name whose "The" the registry writes ("The New Yorker"),
        counted like a common noun, is not that body."""
        for entry_id, suggestion in list(suggestions.items()):
            if entry_id not in self._named_with_the:
                continue
            counted = {
                m.start
                for m in suggestion.mentions
                if folded[max(0, m.start - 12) : m.start].lower().split()[-1:] in _COUNTING
            }
            if counted:
                kept = [m for m in suggestion.mentions if m.start not in counted]
                _keep_mentions(suggestions, entry_id, kept)

    def _drop_acronyms_naming_businesses(self, folded, suggestions) -> None:
        """ "the Danish firm BASE", "QFC stores": the text says the acronym is a business, so
        it is not the registry's public body or charity of those letters."""
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind in {"company", "media", COUNTRY} or not any(
                m.text[1:2].isupper() for m in suggestion.mentions
            ):
                continue
            if _A_COMPANY_IN_ITS_NAME.search(suggestion.entry.name):
                continue  # "the holding company SEPI": a state's company, called one
            business = set()
            for mention in suggestion.mentions:
                if not mention.text[1:2].isupper() or not is_acronym(mention.text):
                    continue  # (the second letter's case first: most mentions are no acronym)
                if folded.endswith(_AFTER_A_COMPANY_NOUN, 0, mention.start) or (
                    folded.startswith(_BEFORE_A_TRADE_NOUN, mention.end)
                    and _WORD_AFTER.match(folded, mention.end)[1] in TRADE_NOUNS
                ):
                    business.add(mention.start)
            if business:
                kept = [m for m in suggestion.mentions if m.start not in business]
                _keep_mentions(suggestions, entry_id, kept)

    def _drop_home_short_forms_abroad(self, text, folded, suggestions) -> None:
        """ "The Treasury", "the Senate", "the Democratic Party" (a name parties of several
        countries have) in a story whose bodies are all another country's are that country's,
        not the home country's: a short form reads as the home country's only
        when the story names something of the home country, or the country itself (in a title
        too: "U.S. Secretary of State … at the State Department"), or nothing national. Where
        that country has a body of the name ("the House of Representatives" in a story of
        Indonesia's), the mentions are that body's."""
        home = self.home_country
        abroad = {
            s.entry.country
            for s in suggestions.values()
            if s.entry.country and s.entry.country != home and s.entry.kind != COUNTRY
        }
        weight, named = _country_weights(suggestions.values())
        # (the one country the story names most: a body another country it names has under
        # that name is no safer a guess than none)
        abroad_named = sorted(named - {home}, key=lambda code: -weight[code])[:1]

        def national(suggestion):
            """The body of a country the story names that every mention names without it."""
            names = [m.text for m in suggestion.mentions if not is_acronym(m.text)]
            found = {self.national_entry(name, abroad_named) for name in names}
            return found.pop() if len(found) == 1 else None  # (its acronym aside: "(DPR)")

        def short(suggestion) -> bool:
            return all(
                len(m.text.split()) <= 2 and fold_lower(m.text) != fold_lower(suggestion.entry.name)
                for m in suggestion.mentions
            )

        at_home = [s for s in suggestions.values() if s.entry.country == home]
        shorts = [
            s
            for s in at_home
            if s.entry.kind in _GOVERNMENT_KINDS
            and (
                short(s)
                or fold_lower(s.entry.name) in self._shared_names
                or (abroad_named and national(s) is not None)
            )
        ]
        others = [
            s for s in at_home
            if s not in shorts and (s.entry.kind in _GOVERNMENT_KINDS or s.entry.kind == COUNTRY)
        ]  # fmt: skip
        if not shorts or any(s.entry.kind != COUNTRY for s in others):
            return  # one of the home country's bodies is named in full
        home_named = bool(others) or (
            self._home_named is not None and bool(self._home_named.search(folded))
        )
        if home_named and abroad_named:
            # "the alliance with the United States" in a story of Japan's Diet, chambers and
            # parties: the home country named in passing, outweighed by another's bodies; a
            # name that country's body has too ("the House of Representatives") is its body
            # (an acronym of the home country's, "NASA", stays)
            there = abroad_named[0]
            bodies = [
                s for s in suggestions.values()
                if s.entry.country == there and s.entry.kind in _GOVERNMENT_KINDS
            ]  # fmt: skip
            if len(bodies) >= 1 and weight[there] > weight[home]:
                shorts = [s for s in shorts if national(s) is not None]
                home_named = False
        if abroad and not home_named:
            for suggestion in shorts:
                del suggestions[suggestion.entry.id]
                if (body := national(suggestion)) is not None:
                    reason = f"{body.name!r}, of the country the story names"
                    for m in suggestion.mentions:
                        self._add(suggestions, Target(body.id, 0.75, reason), text, m.start, m.end)

    def _drop_home_ambiguities_abroad(self, folded, suggestions, ambiguous) -> None:
        """ "MSP" in a story of Uruguay's ministries: the Maryland or the Michigan State Police,
        bodies of the home country, in a story that names nothing of it and something of
        another country, is neither (an acronym of that country's, the registry lacks)."""
        home = self.home_country
        if (
            not ambiguous
            or any(s.entry.country == home for s in suggestions.values())
            or not any(s.entry.country not in ("", home) for s in suggestions.values())
            or (self._home_named is not None and self._home_named.search(folded))
        ):
            return
        ambiguous[:] = [
            a
            for a in ambiguous
            if not all(e.country == home and e.kind != COUNTRY for e in a.options)
        ]

    def _drop_parents_named_in_titles(self, folded, suggestions, candidates) -> None:
        """ "UN High Commissioner for Refugees" beside UNHCR: the parent named only in a
        title, with its child in the story, is the child's; a child named tags the child."""
        parents = {s.entry.parent_id for s in suggestions.values() if s.entry.parent_id}
        parent_names = {c.parent for c in candidates.values() if c.parent}
        for entry_id, suggestion in list(suggestions.items()):
            if entry_id not in parents and suggestion.entry.name not in parent_names:
                continue
            in_titles = [
                m
                for m in suggestion.mentions
                if (following := _NEXT_CAPITALIZED.match(folded, m.end))
                and following["word"].lower() in TITLE_WORDS
            ]
            if in_titles and len(in_titles) == len(suggestion.mentions):
                del suggestions[entry_id]

    def _drop_names_inside_candidates(self, suggestions, candidates) -> None:
        """ "Commonwealth" inside "Foreign, Commonwealth and Development Office": a word of a
        longer name, not the Commonwealth of Nations. A candidate the registry names as it is
        ("State energy company Pertamina") is the registry's."""
        named = {(m.start, m.end) for s in suggestions.values() for m in s.mentions}
        for key, candidate in list(candidates.items()):
            candidate.mentions = [m for m in candidate.mentions if (m.start, m.end) not in named]
            if not candidate.mentions:
                del candidates[key]
        spans = [(m.start, m.end) for c in candidates.values() for m in c.mentions]
        if not spans:
            return
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind == "subnational":
                # "Cook County" in "Cook County Department of Public Health": the place of a
                # body's name
                suggestion.mentions = [
                    m for m in suggestion.mentions
                    if not any(s <= m.start and m.end <= e and e - s > m.end - m.start
                               for s, e in spans)
                ]  # fmt: skip
                if not suggestion.mentions:
                    del suggestions[entry_id]
                continue
            if (
                suggestion.entry.kind == COUNTRY
                or " " in suggestion.entry.name
                and all(" " in m.text for m in suggestion.mentions)
            ):
                continue
            suggestion.mentions = [
                m
                for m in suggestion.mentions
                if not (
                    " " not in m.text
                    and not is_acronym(m.text)
                    and any(
                        s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in spans
                    )
                )
            ]
            if not suggestion.mentions:
                del suggestions[entry_id]

    def _place_candidates(self, text, folded, suggestions, candidates) -> None:
        """A country and a parent for each candidate, from the words around it.

        "Kenya's Ministry of Water" is the "Ministry of Water of Kenya"; "… Authority of Ghana"
        is in Ghana; "EPA Region 2", "NASA Goddard …": a unit of the organization named just
        before it, which is then not tagged for that mention (a child named tags the child).
        """
        units = []
        if any(word in folded for word in _UNIT_WORDS):
            units = [m for m in _UNIT.finditer(folded) if folded[m.start() - 1 : m.start()] == " "]
        if not candidates and not units:
            return
        before_mention: dict[int, Suggestion] = {}
        at_mention: dict[int, Suggestion] = {}
        for suggestion in suggestions.values():
            for mention in suggestion.mentions:
                before_mention[mention.end] = suggestion
                at_mention[mention.start] = suggestion
        for candidate in candidates.values():
            for mention in candidate.mentions:
                head = folded[max(0, mention.start - 60) : mention.start]
                if (possessive := _POSSESSIVE.search(head)) and not candidate.country_guess:
                    country = self.country_named(possessive["owner"])
                    if country is not None:
                        # The name stays as written ("Ministry of Water"), the country with it.
                        candidate.country_guess = country.country
                    owner = before_mention.get(mention.start - 3)  # "NASA's Goddard …"
                    if country is None and owner is not None and not candidate.parent:
                        if owner.entry.kind != COUNTRY and folded[mention.start - 3] in "'’":
                            candidate.parent = owner.entry.name
                            candidate.country_guess = owner.entry.country
                            if candidate.kind_guess == "other":
                                candidate.kind_guess = owner.entry.kind
                if (of := _OF_A_BODY_AFTER.match(folded, mention.end)) and not candidate.parent:
                    owner = at_mention.get(of.end())
                    if owner is not None and owner.entry.kind == COUNTRY:
                        candidate.country_guess = candidate.country_guess or owner.entry.country
                    elif owner is not None:
                        candidate.parent = owner.entry.name  # "… Committee of the Reserve Bank"
                        candidate.country_guess = candidate.country_guess or owner.entry.country
                parent = before_mention.get(mention.start - 1)
                if parent is not None and folded[mention.start - 1] == " ":
                    if parent.entry.kind != COUNTRY and not candidate.parent:
                        candidate.parent = parent.entry.name
                        parent.mentions = [m for m in parent.mentions if m.end != mention.start - 1]
                        if not parent.mentions:
                            suggestions.pop(parent.entry.id, None)
            if not candidate.country_guess:
                if match := _OF_PLACE.search(candidate.name):
                    country = self.country_named(match["place"])
                    candidate.country_guess = country.country if country else ""
        for match in units:
            parent = before_mention.get(match.start() - 1)
            if parent is None or parent.entry.kind == COUNTRY:
                continue
            owner = next((m for m in parent.mentions if m.end == match.start() - 1), None)
            if owner is None:
                continue
            start = owner.start
            name = text[start : match.end()]
            key = fold_lower(name)
            candidate = candidates.get(key) or candidates.setdefault(
                key,
                Candidate(name, parent.entry.kind, "a unit of the organization named before it",
                          country_guess=parent.entry.country, parent=parent.entry.name),
            )  # fmt: skip
            if all(m.start != start for m in candidate.mentions):
                candidate.mentions.append(Mention(name, start, match.end()))
            parent.mentions = [m for m in parent.mentions if m is not owner]
            if not parent.mentions:
                suggestions.pop(parent.entry.id, None)

    def _drop_national_prefixes(self, suggestions, candidates) -> None:
        """A candidate's national prefix ("U.S." in "U.S. Embassy Nairobi") is not a country."""
        starts = {m.start for c in candidates.values() for m in c.mentions}
        for entry_id, suggestion in list(suggestions.items()):
            if suggestion.entry.kind == COUNTRY:
                suggestion.mentions = [m for m in suggestion.mentions if m.start not in starts]
                if not suggestion.mentions:
                    del suggestions[entry_id]

    def _countries_owning_companies(self, text, suggestions, candidates) -> None:
        """ "South Africa's Naspers Limited": a country's possessive before a company's name
        (which "Ben & Jerry's Homemade, Inc." keeps) is not part of it; the country is named."""
        for key, candidate in list(candidates.items()):
            owner = _COUNTRYS.match(candidate.name)
            country = self.country_named(owner["owner"]) if owner else None
            if country is None:
                continue
            cut = owner.end()
            del candidates[key]
            for mention in candidate.mentions:
                at = mention.start + cut
                _add_candidate(
                    candidates, candidate.name[cut:], at, mention.end,
                    kind_guess=candidate.kind_guess, reason=candidate.reason,
                    country_guess=candidate.country_guess or country.country,
                    parent=candidate.parent,
                )  # fmt: skip
                target = Target(country.id, 0.8, "name")
                self._add(
                    suggestions, target, text, mention.start, mention.start + len(owner["owner"])
                )

    def _short_forms(self, text, suggestions, candidates) -> None:
        """ "Weather Service" after "National Weather Service": a short form, not a new body;
        "Seagen Inc." where the registry knows "Seagen": the company with its legal form."""
        if not candidates:
            return
        for key, candidate in list(candidates.items()):
            base = _LEGAL_FORM.sub("", candidate.name).strip(" ,")
            entry = self.entry_called(base) if base != candidate.name else None
            if (
                entry is not None
                and entry.kind == "company"
                # "Seagen Inc." for "Seagen", "Microsoft Corp." for "Microsoft Corporation";
                # not "Eisai GmbH", a national subsidiary of "Eisai Co., Ltd."
                and _legal_form(entry.name) in ("", _legal_form(candidate.name))
            ):
                target = Target(entry.id, 0.8, f"{base!r} with its legal form")
                for mention in candidate.mentions:
                    self._add(suggestions, target, text, mention.start, mention.end)
                del candidates[key]
        names = [(fold_lower(s.entry.name), s) for s in suggestions.values()]
        # the body's name as the registry writes it, or as the text named it before
        written = {id(s): {fold_lower(m.text) for m in s.mentions} for s in suggestions.values()}
        for key, candidate in list(candidates.items()):
            for name, suggestion in names:
                if (
                    (" " in key and name.endswith(" " + key))
                    or (
                        " " in key
                        and any(
                            form.startswith((key + " for ", key + " of "))
                            for form in (name, *written[id(suggestion)])
                        )
                    )
                    or (
                        " " not in key
                        and name.startswith(key + " ")
                        and len(candidate.mentions)
                        and all(m.text[:1].isupper() for m in candidate.mentions)
                    )
                ):  # "Weather Service"; "Constellation" after "Constellation Energy"; "the U.S.
                    # Attorney's Office" after "… Attorney's Office for the … District of …"
                    reason = f"short form of {suggestion.entry.name!r}"
                    target = Target(suggestion.entry.id, 0.7, reason)
                    for mention in candidate.mentions:
                        self._add(suggestions, target, text, mention.start, mention.end)
                    del candidates[key]
                    break

    def _companies_by_first_word(self, text, folded, suggestions, candidates, people) -> None:
        """A company named in full is then called by the first word of its name ("Arcadium
        Lithium plc … Arcadium said", "Constellation Energy … Constellation's plant"): later
        mentions, where the word reads as the company (as the registry's short forms do) and is
        no place, person or common word."""
        companies = [(s.entry.name, s) for s in suggestions.values() if s.entry.kind == "company"]
        companies += [(c.name, c) for c in candidates.values() if c.kind_guess == "company"]
        if not companies:
            return
        taken = [(m.start, m.end) for _, found in companies for m in found.mentions]
        taken += _spans(suggestions, candidates)
        # "Vector Group Ltd. … Vector's board": the company the text named in full, not the
        # registry's "Vector Limited" its short form guessed
        guessed = {
            (m.start, m.end): s
            for s in suggestions.values()
            if s.entry.kind == "company" and s.reason.startswith(SHORT_FORM)
            for m in s.mentions
        }
        person_words = {w for p in people for w in fold(p.name).split()}
        in_candidates = {(m.start, m.end) for c in candidates.values() for m in c.mentions}
        for name, found in companies:
            if not found.mentions:
                continue
            bare = fold(name).removeprefix("The ")
            words = _LEGAL_FORM_BEFORE.sub("", bare).split()
            # ("Joint Stock Company Kaspi.kz … Kaspi.kz said": one word after its legal form)
            first = words[0].strip(",.") if len(words) > 1 or len(bare.split()) > 1 else ""
            if (
                len(first) < 3
                or not first[:1].isupper()
                or first.lower() in _NOT_A_FIRST_WORD
                or first in self.context.places
                or first in self.context.countries
                or first in self.context.demonyms
                or first in self._country_words
                or first in person_words
            ):
                continue
            since = min(m.start for m in found.mentions)
            headline_end = text.find("\n")  # the headline names what the story then names
            # as written, or in capitals as companies style their names ("HARMAN")
            for start, end in sorted(
                whole_words(folded, first, not_before=".&'-", not_after="&-")
                | whole_words(folded, first.upper(), not_before=".&'-", not_after="&-")
            ):
                guess = guessed.get((start, end))
                if guess is not None and (
                    isinstance(found, Candidate) or guess.entry.id != found.entry.id
                ):
                    # "PT Telkom Indonesia … Telkom's stake": the company named in full, not
                    # another company the registry knows by that word (South Africa's Telkom)
                    if (
                        start >= since
                        and fold(guess.entry.name).split()[0] == first
                        and (isinstance(found, Candidate) or (start, end) not in in_candidates)
                    ):
                        kept = [m for m in guess.mentions if m.start != start]
                        if guess.entry.id in suggestions:
                            _keep_mentions(suggestions, guess.entry.id, kept)
                        if isinstance(found, Candidate):
                            found.mentions.append(Mention(text[start:end], start, end))
                        else:
                            reason = f"the first word of {name!r}, named in full before"
                            target = Target(found.entry.id, 0.7, reason)
                            self._add(suggestions, target, text, start, end)
                        del guessed[start, end]
                        taken.append((start, end))
                    continue
                if (start < since and start > headline_end) or overlaps(start, end, taken):
                    continue
                if _PLACE_PREPOSITION.search(folded, max(0, start - 6), start):
                    continue  # "in Boston": the place the company is named after
                if not reads_as_a_short_form(folded, start, end) and not (
                    _A_PAST_TENSE_AFTER.match(folded, end)
                ):
                    continue  # (the company named in full acts: "Discord promoted a feature")
                mention = Mention(text[start:end], start, end)
                if isinstance(found, Suggestion):
                    reason = f"the first word of {name!r}, named in full before"
                    self._add(suggestions, Target(found.entry.id, 0.7, reason), text, start, end)
                else:
                    found.mentions.append(mention)
                taken.append((start, end))

    def _tails_acronym(self, name: str, acronym: str) -> bool:
        """ "the Peace and Security Council of the African Union (AU)": the letters are the
        registry's acronym of the body after "of", the council's parent, not the council's."""
        at = name.rfind(" of ")
        if at < 0:
            return False
        tail = self.entry_named(_strip_the(name[at + 4 :]))
        return tail is not None and tail == self.entry_called(acronym)

    def _learn_acronyms(self, text, folded, suggestions, candidates, taken) -> None:
        """After "the Environmental Protection Agency (EPA)", EPA means that agency in the text."""
        learned: dict[str, tuple[Entry | None, Candidate | None]] = {}
        inside_candidates = [(m.start, m.end) for c in candidates.values() for m in c.mentions]
        for suggestion in list(suggestions.values()):
            for mention in suggestion.mentions:
                if overlaps(mention.start, mention.end, inside_candidates):
                    continue  # "Authority of Ghana (NRAG)": the acronym is the candidate's
                if (match := _ACRONYM_AFTER.match(folded, mention.end)) and not self._tails_acronym(
                    mention.text, match["acr"]
                ):
                    learned.setdefault(match["acr"], (suggestion.entry, None))
        for candidate in candidates.values():
            for mention in candidate.mentions:
                if match := _ACRONYM_AFTER.match(folded, mention.end):
                    learned.setdefault(match["acr"], (None, candidate))
        meant: dict[tuple[int, int], Entry | Candidate] = {}  # span -> what it stands for
        named = {(m.start, m.end) for s in suggestions.values() for m in s.mentions}
        for acronym, (entry, candidate) in learned.items():
            if f"({acronym.lower()})" in COMPANY_SUFFIXES or acronym.lower() in COMPANY_SUFFIXES:
                continue  # "PT Perusahaan Listrik Negara (Persero)": a legal form, no acronym
            pattern = re.compile(rf"(?<![\w]){re.escape(acronym)}(?![\w+])")
            for match in pattern.finditer(folded):
                start, end = match.span()
                meant[start, end] = entry or candidate
                if entry is not None:
                    if any(start == m.start for m in suggestions[entry.id].mentions):
                        continue
                    if (
                        overlaps(start, end, taken)
                        and (start, end) not in named
                        and not inside_parens(folded, start, end)
                    ):
                        continue  # (another body's acronym alone: this one's here, below)
                    target = Target(entry.id, 0.8, f"acronym {acronym!r} defined in the text")
                    self._add(suggestions, target, text, start, end)
                elif not any(start == m.start for m in candidate.mentions):
                    candidate.mentions.append(Mention(text[start:end], start, end))
        # "the Supreme Electoral Tribunal (TSE)": in this text TSE is the tribunal, not the Tokyo
        # Stock Exchange, whatever the letters stand for in the tribunal's own language. (A
        # candidate of the same country may be the registry's body under another English name:
        # "Chilean Economic Development Agency (CORFO)".)
        # (Not when the registry's body is of a country the story never names: "the Conseil du
        # Café-Cacao (CCC)" in a story of Côte d'Ivoire is not Zimbabwe's Citizens Coalition.)
        countries = {s.entry.country for s in suggestions.values() if s.entry.kind == COUNTRY}

        def same(candidate: Candidate, country: str) -> bool:
            if candidate.country_guess:
                return candidate.country_guess == country
            return not country or not countries or country in countries

        for entry_id, suggestion in list(suggestions.items()):
            country = suggestion.entry.country
            kept = [
                m
                for m in suggestion.mentions
                if (means := meant.get((m.start, m.end))) is None
                or means is suggestion.entry
                or (isinstance(means, Candidate) and same(means, country))
            ]
            if len(kept) < len(suggestion.mentions):
                _keep_mentions(suggestions, entry_id, kept)

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
                topic = MINISTRY_TOPICS[(match["topic"] or match["topic2"]).lower()]
                if after:
                    start, end = mention.start, mention.end + after.end()
                else:
                    start, end = mention.start - (len(before.group(0))), mention.end
                    start = max(0, start)
                self._add_ministry(
                    text, suggestions, candidates, suggestion.entry, topic, start, end
                )

    def _implied_departments(self, text, folded, suggestions) -> None:
        if "Secretary of " not in folded:
            return  # the cheap test first: most texts name no cabinet secretary
        for match in _CABINET_TITLE.finditer(folded):
            the = "the " if match["the"] else ""
            entry = self.entry_named(f"Department of {the}{match['dept']}")
            if entry is None and not the:
                entry = self.entry_named(f"Department of the {match['dept']}")
            if entry is not None:
                start, end = match.span()
                reason = f"implied by the title {text[start:end]!r}"
                self._add(suggestions, Target(entry.id, 0.75, reason), text, start, end)

    def _add_ministry(self, text, suggestions, candidates, country, topic, start, end) -> None:
        title_text = text[start:end]
        ministry_id = self._ministries.get((country.country, topic))
        if ministry_id is not None:
            target = Target(ministry_id, 0.75, f"{IMPLIED_BY_A_TITLE}{title_text!r}")
            self._add(suggestions, target, text, start, end)
            return
        name = f"Ministry of {topic.title()} of {with_article(country.name)}"
        key = fold_lower(name)
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(
                name, "ministry", f"{IMPLIED_BY_A_TITLE}{title_text!r}"
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
                if bounded(folded, start, end + 1):
                    hits.append(Hit(start, end + 1, tuple(Target(i, 1, "") for i in ids)))
            for hit in longest_first(hits):
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
        for start, end, title, spoken, title_start in title_name_phrases(folded):
            if overlaps(start, end, known_spans) or overlaps(end - len(spoken), end, org_spans):
                continue  # ("Chief Executive, Rio Tinto": a title and its company)
            name = NICKNAME.sub(" ", spoken).strip()  # 'Glenn "GT" Thompson': Glenn Thompson
            person_id = self._people_by_key.get(fold_lower(name))
            if person_id is not None:
                person = self.people[person_id]
                finding = findings.setdefault(
                    f"id:{person_id}", self._known_finding(person, suggestions)
                )
            else:
                # "Secretary Gina Raimondo" after "Gina M. Raimondo": the same person
                finding = _same_person(findings, fold_lower(name))
                if finding is None:
                    organization = self._organization_for_title(
                        folded, title, title_start, org_spans, candidates
                    )
                    finding = findings[fold_lower(name)] = PersonFinding(
                        name=NICKNAME.sub(" ", text[end - len(spoken) : end]).strip(),
                        title=title,
                        organization=organization,
                    )
            finding.mentions.append(Mention(text[start:end], start, end))

        # '"…," said Jane Roe': people quoted or described without a title before the name.
        taken = [(m.start, m.end) for f in findings.values() for m in f.mentions]
        taken += _spans(suggestions, candidates)
        for start, end, name in spoken_names(folded):
            if self._first_name_is_a_country(folded, suggestions, start, end):
                pass  # "said Jordan Evans": a given name, not the country (dropped above)
            elif overlaps(start, end, taken):
                continue
            key = fold_lower(name)
            person_id = self._people_by_key.get(key)
            if person_id is not None:
                finding = findings.setdefault(
                    f"id:{person_id}", self._known_finding(self.people[person_id], suggestions)
                )
            elif (finding := _same_person(findings, key)) is None:
                finding = findings[key] = PersonFinding(name=text[start:end])
            finding.mentions.append(Mention(text[start:end], start, end))

        # "Jean-Noël Barrot of France, Annalena Baerbock of Germany and …": a list of people,
        # each of a country.
        taken = [(m.start, m.end) for f in findings.values() for m in f.mentions]
        taken += _spans(suggestions, candidates)
        listed = _people_of_their_countries(folded, suggestions, taken)
        listed += _people_of_organizations(folded, suggestions, candidates, taken + listed)
        for start, end in listed:
            name = NICKNAME.sub(" ", text[start:end]).strip()
            if (finding := _same_person(findings, fold_lower(name))) is None:
                finding = findings[fold_lower(name)] = PersonFinding(name=name)
            finding.mentions.append(Mention(text[start:end], start, end))

        # "Deputy Secretary Landau" after "Christopher Landau" was found: the same person.
        for finding in list(findings.values()):
            if finding.known:
                continue
            surname = finding.name.split()[-1]
            for start, end in sorted(whole_words(folded, fold(surname))):
                if any(m.start <= start < m.end for f in findings.values() for m in f.mentions):
                    continue
                head = folded[max(0, start - 40) : start]
                if SURNAME_TITLE.search(head):
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


def _same_person(findings: dict[str, PersonFinding], key: str) -> PersonFinding | None:
    """A person already found under `key`, or whose name ends with it or it with theirs."""
    if key in findings:
        return findings[key]
    for finding in findings.values():
        known = fold_lower(finding.name)
        if (
            known.endswith(" " + key)
            or key.endswith(" " + known.split()[-1])
            and (key.split()[0] == known.split()[0])
        ):
            return finding
    return None
