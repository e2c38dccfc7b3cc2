"""Stage 7, quotes: the direct quotations in a story's body and who said them.

Pure functions over the body's paragraphs and what the other stages found (people and
organizations, the source line's person): no database. A quotation is the text between double
quotation marks (curly or straight); single marks inside it are kept (a quote inside a quote).
Its speaker comes from the attribution around it, tried in this order:

- after it: '"…," said Secretary Rubio', '"…," Rubio said', '"…," she said', '"…," the agency said';
- before it, in its sentence: 'Rubio said: "…"', 'attributable to Jane Roe, …: "…"', and a
  partial quote's subject: 'Roe called the deal "a turning point"';
- a quote with no attribution of its own shares the one beside it in its paragraph ('"…," said
  Roe. "…"', '"…," said Roe, "…"'), and a quote that runs on over paragraphs shares its speaker
  over them.

"he"/"she" is the person who spoke or was a sentence's subject last (paragraphs of quotation in
between do not count), else the one named last; "it"/"the company" the organization named last,
"the Dutch government" that country's. A surname that two people share ("Gates") is the one
named in full last; "Mr Lee" may be a family name written first (Lee Hsien Loong); "the
statement said" is whoever issued the statement. When unsure, nobody: an unnamed "senior
official" or "analyst at Acme Bank", two people side by side ("said Roe and Poe"), "the
university" or "the company" when the sentence that named one named two. Quotation marks around
a title, a term or a nickname are not quotations; a quote whose speaker the text does not name
has none.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from people.matching.fold import fold
from people.matching.lexicon import (
    ABBREVIATIONS,
    ATTRIBUTION_PHRASES,
    CALLING_VERBS,
    COMPANY_NOUNS,
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    OCCUPATIONS,
    ORGANIZATION_HEADS,
    ORGANIZATION_NOUNS,
    ORGANIZATION_PRONOUNS,
    PERSON_PRONOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    TITLE_HEADS,
    TITLE_WORDS,
    is_title_word,
)
from people.matching.results import Entry, Findings, PersonEntry, PersonFinding

PERSON = "person"
ORGANIZATION = "organization"


@dataclass
class QuoteSpeaker:
    """Who said it: a person (with the title and organization the story gives them) or an
    organization; `person`/`entry` is the registry's when the engine knows them."""

    name: str
    title: str = ""
    organization: str = ""
    kind: str = PERSON
    person: PersonEntry | None = None
    entry: Entry | None = None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title or None,
            "organization": self.organization or None,
            "kind": self.kind,
        }


@dataclass
class Quote:
    """A quotation: `start`/`end` are offsets in its paragraph (1-based `paragraph` over the
    body) of the text between the outer marks; `cue` the attribution's verb or phrase."""

    text: str
    start: int
    end: int
    paragraph: int
    speaker: QuoteSpeaker | None = None
    cue: str = ""


@dataclass
class _Known:
    speaker: QuoteSpeaker
    forms: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)  # the words of its name, folded
    kind: str = ""  # an organization's kind
    country: str = ""  # an organization's country (ISO code), when known
    places: list[tuple[int, int]] = field(default_factory=list)  # (paragraph, offset) mentions
    named: list[tuple[int, int]] = field(default_factory=list)  # the places of its full names
    subjects: list[tuple[int, int]] = field(default_factory=list)  # where they speak or act
    is_source: bool = False  # the source line's person


@dataclass
class _Span:
    paragraph: int  # 0-based
    open: int  # the opening mark
    close: int | None  # the closing mark; None when the quote runs on to the next paragraph
    continues: bool = False  # it goes on from the previous paragraph

    @property
    def end(self) -> int:
        return self.close if self.close is not None else -1


_OPENING = "\u201c\u201e"
_CLOSING = "\u201d"
_SPEECH = SPEECH_VERBS | CALLING_VERBS | SPEECH_PARTICIPLES
_VERB = re.compile(r"\b(?:" + "|".join(sorted(_SPEECH, key=len, reverse=True)) + r")\b")
_AFTER_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_TOKEN = re.compile(r"[\w.'’-]+|[,:;()]")
_SUFFIXES = {s.rstrip(".") for s in NAME_SUFFIXES}
_SUBJECT_START = {"the", "a", "an", "one", "its", "his", "her", "their", "our"}
_CONNECTORS = {"of", "for", "and", "the", "at", "de", "to"}
_REACH = 400  # characters around a quote or a verb where its attribution is looked for
_MAX_NEW_PEOPLE = 100  # people the pre-pass adds to a story, at most
_DASH_SIGNATURE = re.compile(r"^\s*[—–]\s*(?P<subject>[A-Z].*)$")
_CHUNK = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|the|on|de|&)\s+)*[A-Z][\w.&’'-]*)*")
_NICKNAMED = re.compile(r"^\S+ [\"“](?P<nickname>[^\"”]+)[\"”] (?P<rest>.+)$")
_INDEFINITE = {"a", "an", "one", "another"}
_NOUN_PHRASE_END = re.compile(r"\s(?:at|of|for|with|from|in|on)\s")  # "an analyst | at Acme"
_COURTESY_TITLES = "Mr|Ms|Mrs|Dr"
_COUNTRY_OF_DEMONYM = {d.lower(): code for code, names in DEMONYMS.items() for d in names}
_DOCUMENTS = {"statement", "letter", "post", "note", "release"}
_NOT_A_NAME = (
    FUNCTION_WORDS | NOT_NAME_WORDS | ORGANIZATION_HEADS | TITLE_WORDS | HONORIFICS | _CONNECTORS
)


def find_quotes(
    paragraphs: list[str],
    findings: Findings | None = None,
    source: PersonFinding | None = None,
) -> list[Quote]:
    """The quotations in `paragraphs` (the story's body), in order, with their speakers.

    `findings`: what the engine found in the story (its people and organizations are the
    speakers a name in an attribution is matched with); `source`: the source line's person."""
    spans = _quote_spans(paragraphs)
    known_people, known_organizations = _known(paragraphs, findings, source, spans)
    quotes: list[Quote] = []
    attributed: list[tuple[_Span, Quote, bool]] = []  # (span, quote, has its own cue)
    for span in spans:
        paragraph = paragraphs[span.paragraph]
        end = span.close if span.close is not None else len(paragraph)
        quote = Quote(paragraph[span.open + 1 : end], span.open + 1, end, span.paragraph + 1)
        if _is_nickname(paragraph, span):
            continue
        cue, speaker = _attribution(paragraphs, span, quote, known_people, known_organizations)
        if speaker is not None and speaker.kind == PERSON:
            place = (span.paragraph, span.end if span.close is not None else span.open)
            _mark_subject(known_people, speaker, place, paragraphs, spans)
        if cue is not None and _is_title(quote.text) and not cue.endswith(":"):
            continue
        if cue is None and _is_term(quote.text):
            # a term, unless it is a sentence of its own beside a quote with an attribution
            if (
                _is_title(quote.text)
                or paragraph[_sentence_start(paragraph, span.open) : span.open].strip()
            ):
                continue
        quote.cue, quote.speaker = cue or "", speaker
        attributed.append((span, quote, cue is not None))
    _share_attributions(attributed)
    for span, quote, own in attributed:
        paragraph = paragraphs[span.paragraph]
        opens_a_sentence = not paragraph[_sentence_start(paragraph, span.open) : span.open].strip()
        if not own and not quote.cue and not span.continues and opens_a_sentence:
            # A quote nobody is given, opening a sentence, after a sentence that reports
            # someone's words ("Roe said the plan would work. “…”"): Roe's. The sentence before
            # is this paragraph's, or the last of the paragraph before when the quote opens it.
            prefix = paragraph[: span.open].rstrip()
            if prefix:
                before, at_paragraph = prefix, span.paragraph
            elif span.paragraph:
                before, at_paragraph = paragraphs[span.paragraph - 1].rstrip(), span.paragraph - 1
            else:
                continue
            last = before[_sentence_start(before, max(0, len(before) - 1)) :]
            verbs = [v for v in _VERB.finditer(last) if v.group() in SPEECH_VERBS]
            if verbs and not any(m in last for m in '“”"'):
                resolver = _Resolver(paragraphs, span, known_people, known_organizations)
                at = (at_paragraph, len(before) - len(last) + verbs[0].start())
                speaker = resolver.subject(last[: verbs[0].start()], at, before_verb=True)
                if speaker is not None:
                    quote.cue, quote.speaker = verbs[0].group(), speaker
    for speaker in {id(q.speaker): q.speaker for _, q, _ in attributed if q.speaker}.values():
        if speaker.kind == PERSON and speaker.person is None:
            speaker.name = _fullest(speaker.name, paragraphs)
    for _, quote, own in attributed:
        if not own and not quote.cue and _is_term(quote.text):
            continue
        if quote.cue == ":":
            quote.cue = ""
        quotes.append(quote)
    return quotes


# --- the speakers the story knows -----------------------------------------------------------


def _known(paragraphs, findings, source, spans) -> tuple[list[_Known], list[_Known]]:
    people: list[_Known] = []
    organizations: list[_Known] = []
    found_people = list(findings.people) if findings else []
    if source is not None and all(_key(p.name) != _key(source.name) for p in found_people):
        found_people.insert(0, source)
    for finding in found_people:
        name = finding.name
        bare = _strip_title(name.split()) if finding.person is None else []
        if len(bare) >= 2 and bare[0] != name.split()[0].strip(","):
            # "Economist Ravi Menon": the name from its first word on, as written ("Frank
            # Pallone, Jr." keeps its comma)
            name = name[name.index(bare[0], len(name.split()[0])) :]
        if finding.person is None:
            name = _without_title_object(name, paragraphs)
        speaker = QuoteSpeaker(name, finding.title, finding.organization, PERSON, finding.person)
        words = _name_words(name)
        forms = {finding.name, *(m.text for m in finding.mentions)}
        if finding.person and finding.person.nickname and words:
            forms.add(f"{finding.person.nickname} {_surname(finding.name)}")
        for form in list(forms):
            # 'José "Pepe" Núñez', 'Director Pepe Núñez': "Pepe Núñez" is him too
            if nicknamed := _NICKNAMED.match(form):
                forms.add(f"{nicknamed['nickname']} {nicknamed['rest']}")
            if len(bare := _strip_title(form.split())) >= 2:
                forms.add(" ".join(bare))
        surname = _surname(finding.name)
        if surname:
            forms.add(surname)
        is_source = source is not None and _key(finding.name) == _key(source.name)
        people.append(_Known(speaker, {f for f in forms if f}, words, is_source=is_source))
    # "M. Granholm" beside "Jennifer M. Granholm": the longer name is the person
    people = [p for p in people if not any(p.words < other.words for other in people)]
    people = [p for n, p in enumerate(people) if all(p.words != o.words for o in people[:n])]
    # "Mr Lee" of Lee Hsien Loong: a name whose family name comes first
    surnames = {_surname(p.speaker.name).lower() for p in people}
    for known in people:
        first = known.speaker.name.split()[0]
        if len(known.speaker.name.split()) >= 2 and first.lower() not in surnames:
            for paragraph in paragraphs:
                for at in _word_starts(paragraph, first):
                    if courtesy := _COURTESY_BEFORE.search(paragraph, max(0, at - 12), at):
                        known.forms.add(paragraph[courtesy.start() : at + len(first)])
    # "Tan Su Shan … Tan joined the bank": a three-word name whose family name comes first,
    # used alone as a sentence's subject
    for known in people:
        words = known.speaker.name.split()
        if len(words) == 3 and all(w[:1].isupper() and w.isalpha() for w in words):
            if words[0].lower() in surnames:
                continue
            if any(_subject_alone(paragraph, words[0]) for paragraph in paragraphs):
                known.forms.add(words[0])
    if findings:
        for suggestion in findings.organizations:
            speaker = QuoteSpeaker(suggestion.entry.name, kind=ORGANIZATION, entry=suggestion.entry)
            forms = {suggestion.entry.name, *(m.text for m in suggestion.mentions)}
            words = _name_words(suggestion.entry.name)
            known = _Known(speaker, forms, words, suggestion.entry.kind)
            known.country = suggestion.entry.country or ""
            organizations.append(known)
        for candidate in findings.candidates:
            speaker = QuoteSpeaker(candidate.name, kind=ORGANIZATION)
            forms = {candidate.name, *(m.text for m in candidate.mentions)}
            words = _name_words(candidate.name)
            known = _Known(speaker, forms, words, candidate.kind_guess)
            known.country = candidate.country_guess or ""
            organizations.append(known)
    for known in [*people, *organizations]:
        _locate(known, paragraphs, spans)
    # People the engine did not know, named as the subject of a speech verb ("Jane Roe, the
    # chair, said the …"): each becomes a speaker "he" or "she" can refer to.
    for n, paragraph in enumerate(paragraphs):
        for verb in _VERB.finditer(paragraph):
            if _inside_quote(spans, n, verb.start()):
                continue
            start = max(_sentence_start(paragraph, verb.start()), verb.start() - _REACH)
            prefix = paragraph[start : verb.start()]
            if any(mark in prefix for mark in '“”"'):
                continue
            resolver = _Resolver(paragraphs, _Span(n, verb.start(), None), people, organizations)
            speaker = resolver.subject(prefix, (n, verb.start()), before_verb=True)
            if speaker and speaker.kind == PERSON:
                _mark_subject(people, speaker, (n, verb.start()), paragraphs, spans)
    return people, organizations


_COURTESY_BEFORE = re.compile(rf"\b(?:{_COURTESY_TITLES})\.? $")
_CONNECTOR_BEFORE = re.compile(r"\s(?:of|for|to|and|at|in)(?:\s+the)?\s+$")


def _without_title_object(name: str, paragraphs: list[str]) -> str:
    """ "Development Reinette Klever" where the body writes "Minister for Foreign Trade and
    Development Reinette Klever": the last words of a title's object are no part of the name."""
    words = name.split()
    if len(words) < 3:
        return name
    if not any(
        _CONNECTOR_BEFORE.search(paragraph, max(0, at - 12), at)
        for paragraph in paragraphs
        for at in _word_starts(paragraph, name)
    ):
        return name
    keep = 3 if re.fullmatch(r"[A-Z]\.", words[-2]) else 2  # "Jennifer M. Granholm"
    return " ".join(words[-keep:])


def _mark_subject(people: list[_Known], speaker: QuoteSpeaker, place, paragraphs, spans) -> None:
    """Note that `speaker` speaks at `place`; a person the story had not named yet is added."""
    known = next((p for p in people if p.speaker is speaker), None)
    known = known or next((p for p in people if _key(p.speaker.name) == _key(speaker.name)), None)
    if known is None:
        if len(people) >= _MAX_NEW_PEOPLE:
            return
        known = _Known(speaker, {speaker.name, _surname(speaker.name)} - {""})
        known.words = _name_words(speaker.name)
        _locate(known, paragraphs, spans)
        people.append(known)
    at = bisect_left(known.subjects, place)
    if at == len(known.subjects) or known.subjects[at] != place:
        known.subjects.insert(at, place)


def _locate(known: _Known, paragraphs: list[str], spans: list["_Span"]) -> None:
    """Where the body names `known`, outside quotations."""
    for form in sorted(known.forms, key=len, reverse=True):
        folded_form = fold(form)
        for n, paragraph in enumerate(paragraphs):
            for match in _whole_words(folded_form, _folded(paragraph)):
                if len(form.split()) == 1 and _inside_other_name(paragraph, *match.span()):
                    continue
                if not _inside_quote(spans, n, match.start()):
                    known.places.append((n, match.start()))
                    if len(form.split()) >= 2:
                        known.named.append((n, match.start()))
                    lead = paragraph[_sentence_start(paragraph, match.start()) : match.start()]
                    if all(w[:1].isupper() for w in lead.split()):  # "Party President Jo Roe"
                        known.subjects.append((n, match.start()))
    known.places = sorted(set(known.places))
    known.named = sorted(set(known.named))
    known.subjects = sorted(set(known.subjects))


class _Found:
    """Where `_whole_words` found a form (the part of a match object `_locate` reads)."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int):
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def _whole_words(form: str, text: str):
    r"""`form` in `text` where no letter, digit, "_" or "-" touches it on either side: what
    `(?<![\w-])form(?![\w-])` finds, without compiling a pattern per name and paragraph."""
    at = text.find(form)
    while at >= 0 and form:
        end = at + len(form)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before and (before.isalnum() or before in "_-")) and not (
            after and (after.isalnum() or after in "_-")
        ):
            yield _Found(at, end)
        at = text.find(form, at + 1)


@lru_cache(maxsize=4096)
def _folded(paragraph: str) -> str:
    return fold(paragraph)


def _inside_other_name(paragraph: str, start: int, end: int) -> bool:
    """Whether the single word at paragraph[start:end] (a surname) is part of a longer name:
    followed by a capitalized word ("the Gates Foundation") or preceded by a capitalized word
    that is no title ("Melinda French Gates" is not Bill Gates)."""
    following = paragraph[end:].split(None, 1)
    if paragraph[end : end + 1] == " " and following and following[0][:1].isupper():
        return True
    preceding = paragraph[:start].rsplit(None, 1)
    if not preceding or paragraph[start - 1 : start] != " ":
        return False
    word = preceding[-1]
    bare = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and word[-1:].isalpha()
        and not word.endswith(("’s", "'s"))
        and word.lower() not in FUNCTION_WORDS | ABBREVIATIONS
        and bare not in TITLE_WORDS | HONORIFICS | OCCUPATIONS
    )


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """`name` folded, lower-case, commas as spaces: what two forms of one name share (cached:
    the resolver compares every known form with every phrase it reads)."""
    return " ".join(fold(name).lower().replace(",", " ").split())


def _name_words(name: str) -> set[str]:
    return {
        w.lower().rstrip(".")
        for w in fold(name).replace(",", " ").split()
        if w.lower().rstrip(".") not in _SUFFIXES | {"the"}
    }


def _surname(name: str) -> str:
    parts = name.replace(",", " ").split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".") in _SUFFIXES:
        parts.pop()
    return parts[-1] if len(parts) > 1 else ""


# --- where the quotations are ---------------------------------------------------------------


_MARK = re.compile(f'[{_OPENING}{_CLOSING}"]')


def _quote_spans(paragraphs: list[str]) -> list[_Span]:
    spans: list[_Span] = []
    running = False  # the previous paragraph ended inside a quotation
    for n, paragraph in enumerate(paragraphs):
        at: int | None = None
        continues = False
        for mark in _MARK.finditer(paragraph):  # the marks only, not every character
            i, char = mark.start(), mark.group()
            if at is None:
                if char in _OPENING or (char == '"' and _opens(paragraph, i)):
                    at = i
                    continues = running and not paragraph[:i].strip()
            elif char in _CLOSING or char == '"':
                spans.append(_Span(n, at, i, continues))
                at, continues = None, False
        running = at is not None
        if at is not None:
            spans.append(_Span(n, at, None, continues))
    return spans


def _opens(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space (or starts the text) and a word follows."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _inside_quote(spans: list[_Span], paragraph: int, offset: int) -> bool:
    """Whether `offset` of paragraph `paragraph` lies between a quotation's marks (`spans` in
    the body's order, as _quote_spans gives them)."""
    at = bisect_left(spans, (paragraph, offset), key=lambda s: (s.paragraph, s.open)) - 1
    if at < 0 or spans[at].paragraph != paragraph:
        return False
    span = spans[at]
    return span.close is None or offset < span.close


def _is_nickname(paragraph: str, span: _Span) -> bool:
    """'Thomas "Tommy" Pigott': one or two capitalized words between the words of a name."""
    if span.close is None:
        return False
    inner = paragraph[span.open + 1 : span.close].split()
    before = paragraph[max(0, span.open - 60) : span.open].split()
    after = paragraph[span.close + 1 : span.close + 60].split()
    return (
        0 < len(inner) <= 2
        and all(w[:1].isupper() and w.isalpha() for w in inner)
        and bool(before)
        and before[-1][:1].isupper()
        and paragraph[span.open - 1 : span.open].isspace()
        and bool(after)
        and after[0][:1].isupper()
        and paragraph[span.close + 1 : span.close + 2].isspace()
    )


def _is_title(text: str) -> bool:
    """A report's or a film's title: every word that is no function word is capitalized."""
    words = [w.strip(",.;:!?'’") for w in text.split()]
    words = [w for w in words if w]
    if not 1 < len(words) <= 10 or text.rstrip().endswith((".", "!", "?")):
        return False
    significant = [w for w in words if w.lower() not in FUNCTION_WORDS | _CONNECTORS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def _is_term(text: str) -> bool:
    """Short and said by nobody: a term in quotation marks ("shadow fleet")."""
    return len(text.split()) <= 3 or _is_title(text)


# --- who said it ----------------------------------------------------------------------------


def _attribution(paragraphs, span, quote, people, organizations):
    """(cue, speaker) from the quote's own attribution; cue None when it has none."""
    paragraph = paragraphs[span.paragraph]
    here = (span.paragraph, span.open)
    resolver = _Resolver(paragraphs, span, people, organizations)
    text = quote.text.rstrip()
    if span.close is not None:
        after = paragraph[span.close + 1 : resolver.sentence_end(paragraph, span.close + 1)]
        after = after[:_REACH]
        if dash := _DASH_SIGNATURE.match(after):  # '"…" — Jane Roe, Director of the agency'
            if speaker := resolver.subject(dash["subject"], here, following=True):
                return "—", speaker
        complete = text.endswith((",", "?", "!", "—", "–", "-")) or after.startswith(",")
        if complete or (after[:1] == " " and after[1:2].islower()):
            found = _after_cue(after, resolver, here)
            if found:
                return found
    prefix = paragraph[max(_sentence_start(paragraph, span.open), span.open - _REACH) : span.open]
    if not prefix.strip() and span.paragraph and not span.continues:
        # 'Jane Roe, the director, said:' ending the paragraph before, the quote opening this one
        before = paragraphs[span.paragraph - 1].rstrip()
        if before.endswith(":"):
            prefix = before[_sentence_start(before, len(before) - 1) :]
            here = (span.paragraph - 1, len(before))
    return _before_cue(prefix, resolver, here, span) or (None, None)


def _after_cue(after: str, resolver: "_Resolver", here):
    rest = after.lstrip(" ,")
    for phrase in ATTRIBUTION_PHRASES:  # '"…," according to Jane Roe.'
        if fold(rest).lower().startswith(phrase + " "):
            return phrase, resolver.subject(rest[len(phrase) :], here, following=True)
    words = rest.split(" ", 1)
    if words and words[0] in SPEECH_VERBS:  # '"…," said Jane Roe, the agency's director'
        subject = words[1] if len(words) > 1 else ""
        return words[0], resolver.subject(subject, here, following=True)
    match = _AFTER_VERB.search(after)
    if not match:
        return None
    subject = after[: match.start()].strip(" ,")
    first = subject.split(" ", 1)[0] if subject else ""
    if not first or len(subject) > 120 or "“" in subject or '"' in subject:
        return None
    if not (
        first[:1].isupper()
        or first.lower() in _SUBJECT_START | PERSON_PRONOUNS
        or is_title_word(first.lower())  # '"…," co-founder and CEO Jane Roe said'
    ):
        return None
    if first.lower() in FUNCTION_WORDS - _SUBJECT_START - PERSON_PRONOUNS - {"it"}:
        return None
    return match.group(), resolver.subject(subject, here)


def _before_cue(prefix: str, resolver: "_Resolver", here, span):
    # '"…," Roe said, adding: "…"': the words after the quote before, not the ones inside it
    closing = max(prefix.rfind("”"), prefix.rfind('"'))
    prefix = prefix[closing + 1 :]
    folded = fold(prefix)
    for phrase in ATTRIBUTION_PHRASES:
        at = folded.lower().rfind(phrase)
        if at >= 0:
            subject = prefix[at + len(phrase) :].strip().rstrip(":").strip()
            return phrase, resolver.subject(subject, here, following=True)
    verbs = list(_VERB.finditer(prefix))
    if verbs:
        verb = verbs[-1]
        if closing >= 0 and not prefix[: verb.start()].strip():
            # '"…," said Jane Roe, "…"': the quotation split by an inverted said-clause
            named = prefix[verb.end() :].strip().rstrip(",:").strip()
            return verb.group(), resolver.subject(named, here, following=True)
        return verb.group(), resolver.subject(prefix[: verb.start()], here, before_verb=True)
    if prefix.rstrip().endswith(":"):  # 'one commuter summed up the mood: "…"'
        return ":", resolver.subject(prefix.rstrip()[:-1], here, strict=True)
    return None


def _share_attributions(attributed: list[tuple[_Span, Quote, bool]]) -> None:
    """A quote without a cue of its own takes the one beside it: the quote before it in its
    paragraph, else the one after it, else (running on over paragraphs) its other parts'."""
    for n, (span, quote, own) in enumerate(attributed):
        if own:
            continue
        neighbours = [
            attributed[m]
            for m in (n - 1, n + 1)
            if 0 <= m < len(attributed) and attributed[m][0].paragraph == span.paragraph
        ]
        if span.continues and n:
            neighbours.append(attributed[n - 1])
        if span.close is None and n + 1 < len(attributed) and attributed[n + 1][0].continues:
            neighbours.append(attributed[n + 1])
        for _, other, other_own in neighbours:
            if other_own or other.cue:
                quote.cue, quote.speaker = other.cue, other.speaker
                break
    # parts of one quotation running over paragraphs share the speaker the first one found
    for n in range(1, len(attributed)):
        span, quote, _ = attributed[n]
        previous = attributed[n - 1][1]
        if span.continues and quote.speaker is None and previous.speaker is not None:
            quote.cue, quote.speaker = previous.cue, previous.speaker
        elif span.continues and previous.speaker is None and quote.speaker is not None:
            previous.cue, previous.speaker = quote.cue, quote.speaker


def _sentence_start(paragraph: str, at: int) -> int:
    """Where the sentence holding offset `at` starts (after the last full stop outside quotes)."""
    starts = _sentence_starts(paragraph)
    return starts[bisect_right(starts, at) - 1]  # a start at `at` itself counts


@lru_cache(maxsize=4096)
def _sentence_starts(paragraph: str) -> list[int]:
    """Every offset where a sentence of `paragraph` starts (0 first): one scan, kept."""
    starts = [0]
    inside = False
    for match in re.finditer(r"[.!?][”\"]?\s+|[“”\"]", paragraph):
        mark = match.group()
        if mark in '“”"':
            inside = mark == "“" or (mark == '"' and not inside)
            continue
        if not inside and not _abbreviation(paragraph, match.start()):
            starts.append(match.end())
    return starts


def _sentence_end(paragraph: str, at: int) -> int:
    """Where the sentence going on at `at` ends (its full stop, or the next opening mark)."""
    for match in re.finditer(r"[.!?](?=\s|$)|[“]|(?<=\s)\"", paragraph[at : at + _REACH]):
        if match.group() in '“"' or not _abbreviation(paragraph, at + match.start()):
            return at + match.start()
    return min(len(paragraph), at + _REACH)


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation ("Dr.", "U.S.", "J.") not a sentence."""
    if text[dot] != ".":
        return False
    word = text[: dot + 1].rsplit(None, 1)[-1].lstrip('(“"')
    return (
        word.lower() in ABBREVIATIONS
        or word.lower() in HONORIFICS
        or bool(re.fullmatch(r"(?:[A-Z]\.)+", word))
    )


class _Resolver:
    """Turns the words of an attribution into a speaker."""

    def __init__(self, paragraphs, span, people, organizations):
        self.paragraphs, self.span = paragraphs, span
        self.people, self.organizations = people, organizations

    def sentence_end(self, paragraph: str, at: int) -> int:
        """_sentence_end, where a full stop inside a name the story knows ("Warner Bros.
        Discovery", "Acme Co. Ltd") ends no sentence."""
        end = _sentence_end(paragraph, at)
        dotted = {f for k in [*self.people, *self.organizations] for f in k.forms if ". " in f}
        moved = True
        while moved and end < len(paragraph):
            moved = False
            for form in dotted:
                # (a string search: an expression per name would refill the re module's cache)
                at = paragraph.find(form, max(0, end - len(form) + 1), end + len(form))
                if at >= 0 and at <= end < at + len(form):
                    end, moved = _sentence_end(paragraph, at + len(form)), True
        return end

    def subject(self, phrase: str, here, *, following=False, before_verb=False, strict=False):
        """The speaker `phrase` names. `following`: the phrase comes after the verb (its first
        name is the speaker); `before_verb`: a sentence's words up to its speech verb."""
        words = phrase.split()
        if not words:
            return None
        if before_verb:
            last = words[-1].lower().strip(",")
            if last in PERSON_PRONOUNS | ORGANIZATION_PRONOUNS:
                # "… in what he called": the sentence's subject, else the last one named
                lead = " ".join(words[:-1])
                found = self._named(lead, here, first_only=True) if len(words) > 1 else None
                if found and (found.kind == PERSON) == (last in PERSON_PRONOUNS):
                    return found
                return self._antecedent(last, here)
        first = words[0].lower().strip(",")
        if first in PERSON_PRONOUNS | ORGANIZATION_PRONOUNS and (following or len(words) <= 1):
            return self._antecedent(first, here)
        if before_verb and first in PERSON_PRONOUNS:
            return self._antecedent(first, self._sentence_here(here))
        if before_verb and first == "it" and len(words) <= 2:
            return self._antecedent(first, here)
        # "said Jane Roe and John Poe", "Roe and Poe said": no single speaker
        segments = [segment for segment in phrase.split(",") if segment.strip()] or [""]
        if self._several_people(segments[-1 if before_verb else 0].strip(), here):
            return None
        return self._named(phrase, here, strict=strict)

    def _sentence_here(self, here):
        paragraph = self.paragraphs[here[0]]
        return (here[0], _sentence_start(paragraph, here[1]))

    def _antecedent(self, pronoun: str, here) -> QuoteSpeaker | None:
        """The person who spoke (or was a sentence's subject) last, in this paragraph or the one
        before; else the one named last. "it": the organization named last."""
        if pronoun not in PERSON_PRONOUNS:
            return _nearest(self.organizations, here)
        # the paragraph before counts, and so do paragraphs of quotation before it
        floor = here[0] - 1
        while floor > 0 and self.paragraphs[floor].lstrip()[:1] in _OPENING + '"':
            floor -= 1
        best, best_at = None, None
        for known in self.people:
            at = bisect_left(known.subjects, here)
            last = known.subjects[at - 1] if at else None
            if last and last[0] >= floor and (best_at is None or last > best_at):
                best, best_at = known.speaker, last
        return best or _nearest(self.people, here)

    def _named(self, phrase: str, here, *, first_only=False, strict=False):
        """The first name in `phrase` that is a speaker's, run by run: a person ("Jim Farley",
        "Secretary Rubio", "Dr Chalmers"), an organization, "the Treasurer" (the person holding
        the title), "the company" (the organization named last), else a new person's name."""
        segment = phrase.split(",")[0]
        head = [w.strip(",.").lower() for w in fold(_NOUN_PHRASE_END.split(segment)[0]).split()]
        if (
            head
            and head[0] in _INDEFINITE
            and not set(head) & SPOKESPERSON_WORDS
            and head[-1] not in ORGANIZATION_NOUNS
        ):
            return None  # "a senior State Department official": someone the text does not name
        if len(head) == 2 and head[0] == "the" and head[1] in _DOCUMENTS:
            return self._author(head[1], here)  # "the statement added"
        runs = _runs(phrase)[:1] if first_only else _runs(phrase)
        starts_with_the = fold(phrase).lstrip().lower().startswith("the ")
        if any(w.lower() in SPOKESPERSON_WORDS for w in fold(phrase).split()):
            # "a spokesperson for Acme": the organization's statement, unless a person is named
            # ("Department spokesperson Jane Roe")
            for run in runs:
                if not self._known_organization(run, phrase) and (
                    person := self._person(run, here) or self._new_person(run, phrase)
                ):
                    return person
            for run in runs:
                if organization := self._organization(run, phrase, here):
                    return organization
        for number, run in enumerate(runs):
            if person := self._person(run, here):
                if not person.title and not person.person:
                    person.title, person.organization = _appositive(run, _strip_title(run), phrase)
                return person
            if organization := self._organization(run, phrase, here):
                # "AP chairman Aleid Wolfsen said": the body's title-holder named after it
                following = runs[number + 1] if number + 1 < len(runs) else None
                if following and _TITLE_BETWEEN.search(
                    phrase.split(" ".join(following))[0].split(" ".join(run))[-1]
                ):
                    if holder := self._person(following, here) or self._new_person(
                        following, phrase
                    ):
                        return holder
                return organization
            if not strict and (person := self._new_person(run, phrase)):
                return person
        if runs and (starts_with_the or len(runs) == 1) and (held := self._holder(runs[0], here)):
            return held  # "the Treasurer", after any name the phrase gives
        words = fold(phrase).lower().replace(",", " ").split()
        if len(words) >= 2 and words[0] == "the" and (held := self._holder(words[1:], here)):
            return held  # "the secretary said"
        return self._organization_noun(phrase, here)

    def _several_people(self, segment: str, here) -> bool:
        """Whether `segment` names two people side by side ("Jane Roe and John Poe")."""
        for joint in re.finditer(r"\s+(?:and|&)\s+", segment):
            left, right = segment[: joint.start()], segment[joint.end() :]
            before, after = _runs(left), _runs(right)
            if not (before and after):
                continue
            if len(before) > 1 or not left.endswith(before[-1][-1]):
                continue  # "Roe met Poe and Lee": the pair is no subject
            if not right.startswith(after[0][0]):
                continue
            if all(
                self._person(run, here) or self._new_person(run, " ".join(run))
                for run in (before[-1], after[0])
            ):
                return True
        return False

    def _author(self, document: str, here) -> QuoteSpeaker | None:
        """ "the statement added": whoever the sentence that last named a statement (in this
        paragraph or the one before) says issued it ("Roe said in a statement that …")."""
        for n in (here[0], here[0] - 1):
            if n < 0:
                continue
            paragraph = self.paragraphs[n]
            end = here[1] if n == here[0] else len(paragraph)
            spans = _quote_spans([paragraph])
            for match in reversed(list(re.finditer(rf"\b{document}\b", paragraph[:end]))):
                if _inside_quote(spans, 0, match.start()):
                    continue
                sentence = paragraph[_sentence_start(paragraph, match.start()) : match.start()]
                verbs = [v for v in _VERB.finditer(sentence) if v.group() in SPEECH_VERBS]
                if not verbs or any(mark in sentence for mark in '“”"'):
                    return None
                start = match.start() - len(sentence)
                return self.subject(
                    sentence[: verbs[0].start()], (n, start + verbs[0].start()), before_verb=True
                )
        return None

    def _holder(self, run: list[str], here) -> QuoteSpeaker | None:
        """ "the Treasurer", "The Minister": the person of the story holding that title."""
        words = {w.lower().strip(",") for w in run}
        if not words or not words <= TITLE_WORDS or not words & TITLE_HEADS:
            return None
        holders = [p for p in self.people if words <= set(fold(p.speaker.title).lower().split())]
        return _nearest(holders, here) or (holders[0].speaker if len(holders) == 1 else None)

    def _person(self, run: list[str], here) -> QuoteSpeaker | None:
        name = _strip_title(run)
        # "Refugees Filippo Grandi": the words left of a name may be the end of a title; a
        # surname alone is not what is left ("Bill Gates" is not Melinda French Gates)
        for skip in range(len(name)):
            if skip and len(name) - skip < 2:
                break
            if found := self._known_person(name[skip:], here):
                return found
        if len(name) == 1 and (full := self._full_name(name[0])):
            return self._known_person(full, here) or QuoteSpeaker(" ".join(full))
        return None

    def _known_person(self, name: list[str], here) -> QuoteSpeaker | None:
        key = _key(" ".join(name))
        exact = [p for p in self.people if any(_key(f) == key for f in p.forms)]
        if len(exact) > 1:
            # "Ferguson" of the source, Bob Ferguson, and of Judge Marshall Ferguson: the
            # release's own speaker (copy names the other one in full, or by title)
            if len(sources := [p for p in exact if p.is_source]) == 1:
                return sources[0].speaker
            # "Gates" of Bill Gates and of Melinda French Gates: the one named in full last
            return _nearest(exact, here, by_full_name=True) or _nearest(exact, here)
        if exact:
            return _nearest(exact, here) or exact[0].speaker
        words = {w.lower().rstrip(".,") for w in fold(" ".join(name)).split()} - _SUFFIXES
        holders = [p for p in self.people if words and words <= p.words]
        if holders:
            return _nearest(holders, here) or holders[0].speaker
        return None

    def _full_name(self, surname: str) -> list[str] | None:
        """ "Reeves" → Rachel Reeves: the story's first full name ending with the surname."""
        lowered = surname.lower().rstrip(".,")
        if lowered in _NOT_A_NAME or not surname[:1].isupper() or surname.isupper():
            return None
        return _full_name_in(surname, tuple(self.paragraphs))

    def _known_organization(self, run: list[str], phrase: str) -> QuoteSpeaker | None:
        key = _key(" ".join(w.strip(",") for w in run))
        for known in self.organizations:
            if any(_key(f) == key for f in known.forms):
                return known.speaker
        return None

    def _organization(self, run: list[str], phrase: str, here) -> QuoteSpeaker | None:
        words = [w.strip(",") for w in run]
        while words and words[0].lower() in FUNCTION_WORDS:
            words.pop(0)
        if not words:
            return None
        name = " ".join(words)
        spoken_for = any(w.lower() in SPOKESPERSON_WORDS for w in fold(phrase).split())
        # the name may go on over "of", "and", "for": "Department of Energy"
        chunk = [words[0]]
        at = next(_word_starts(phrase, words[0]), None)
        if at is not None and (extended := _CHUNK.match(phrase, at)):
            chunk = extended.group().split()
        if len(words) == 1 and len(chunk) == 1 and words[0].lower() in ORGANIZATION_NOUNS:
            # "said the Ministry" (not "the Department of Finance"): the one of that name
            noun = words[0].lower()
            fitting = [o for o in self.organizations if noun in o.words]
            return _nearest(fitting, here) or _nearest(self.organizations, here)
        for size in range(len(chunk), min(len(words), len(chunk)) - 1, -1):
            key = _key(" ".join(chunk[:size]))
            for known in self.organizations:
                if any(_key(f) == key for f in known.forms):
                    return known.speaker
        joined = " ".join(chunk)
        if " and " in joined and not re.search(r"\s(?:of|for|the|on|de)\s", joined):
            if joined.split()[-1].lower() in ORGANIZATION_HEADS:  # "Science and Technology Agency"
                return QuoteSpeaker(joined, kind=ORGANIZATION)
        for known in self.organizations:  # "the Governing Council" of "Governing Council of …"
            if len(words) >= 2 and _key(known.speaker.name).startswith(_key(name) + " "):
                return known.speaker
        if spoken_for or words[-1].lower() in ORGANIZATION_HEADS - {"team", "group"}:
            if len(words) >= 2 or words[0].isupper():
                return QuoteSpeaker(name, kind=ORGANIZATION)
        return None

    def _organization_noun(self, phrase: str, here) -> QuoteSpeaker | None:
        """ "the company", "the Ministry", "its spokesperson": the organization named last."""
        words = [w.strip(",").lower() for w in fold(phrase).split()]
        if not 2 <= len(words) <= 3 or words[0] not in {"the", "its"}:
            if words and words[0] == "its" and words[-1] in SPOKESPERSON_WORDS:
                return _nearest(self.organizations, here)
            return None
        noun = words[-1]
        if noun in SPOKESPERSON_WORDS and words[0] == "its":
            return _nearest(self.organizations, here)
        if noun not in ORGANIZATION_NOUNS:
            return None
        if len(words) == 3:
            # "the Dutch government": that country's organization of that name, if named
            country = _COUNTRY_OF_DEMONYM.get(words[1])
            fitting = [o for o in self.organizations if country and o.country == country]
            return _nearest([o for o in fitting if noun in o.words], here)
        fitting = [o for o in self.organizations if noun in o.words]
        if noun in COMPANY_NOUNS:  # "the company": a company, whatever its name
            fitting += [o for o in self.organizations if o.kind == "company"]
        if _two_named_together(fitting, self.paragraphs, here):
            return None  # "president of X after leading Y": "the university" is either
        return _nearest(fitting, here) or _nearest(self.organizations, here)

    def _new_person(self, run: list[str], phrase: str) -> QuoteSpeaker | None:
        name = _strip_title(run)
        if len(name) < 2:
            return None
        at = phrase.find(" ".join(name))
        if at < 0:
            return None  # "Johnson & Johnson": words that are not written as one name
        if at > 0 and re.search(r"\s(?:of|for|to|and|at|in)(?:\s+the)?\s+$", phrase[:at]):
            if len(name) <= 2:
                return None  # "Minister of Water Resources": the title's object, no name
            # "Chancellor of the Exchequer Rachel Reeves": the title's object, then the name
            name = name[-3:] if re.fullmatch(r"[A-Z]\.", name[-2]) else name[-2:]
        lowered = [w.lower().strip(",.") for w in name]
        if any(
            w in ORGANIZATION_HEADS or w in NOT_NAME_WORDS or w in FUNCTION_WORDS for w in lowered
        ):
            return None
        title, organization = _appositive(run, name, phrase)
        return QuoteSpeaker(" ".join(name), title, organization, PERSON)


def _appositive(run: list[str], name: list[str], phrase: str) -> tuple[str, str]:
    """(title, organization) the phrase gives a name: "Director Jo Roe" → Director; "Jo Roe,
    president of the Acme Association" → president, Acme Association."""
    title = " ".join(run[: len(run) - len(name)]).strip(", ")
    title = " ".join(w for w in title.split() if w.lower() not in HONORIFICS)
    rest = phrase.split(name[-1], 1)[1] if name and name[-1] in phrase else ""
    organization = ""
    if match := re.match(r"^,\s+(?:the\s+)?([^,]+?)(?:,|$)", rest):
        appositive = match.group(1)
        parts = re.split(r"\s(?:of|at|for|with)\s(?:the\s)?", appositive, maxsplit=1)
        head = parts[0].split()[0].lower() if parts[0].split() else ""
        if head in TITLE_WORDS | OCCUPATIONS:
            title = title or parts[0]
            if len(parts) > 1:
                organization = parts[1]
    return title, organization


# The words before a surname that make it a full name: "Rachel ", "Jennifer M. ", "Ursula von
# der " (found ending where the surname begins: one expression for every surname)
_FIRST_NAMES_BEFORE = re.compile(
    rf"(?:[A-Z][\w’'-]+ )(?:[A-Z]\. )?(?:(?:{'|'.join(NAME_PARTICLES)}) )*\Z"
)


@lru_cache(maxsize=256)
def _full_name_in(surname: str, paragraphs: tuple[str, ...]) -> list[str] | None:
    for paragraph in paragraphs:
        searched = 0  # matches do not overlap
        at = paragraph.find(surname)
        while at >= 0:
            end = at + len(surname)
            match = _word_boundary(paragraph, end) and _FIRST_NAMES_BEFORE.search(
                paragraph, searched, at
            )
            if not match:
                at = paragraph.find(surname, at + 1)
                continue
            searched = end
            at = paragraph.find(surname, end)
            if paragraph[match.start() - 1 : match.start()] in ("“", '"'):
                continue  # "“Joining Synopsys allows us …”": a quotation's first words
            words = paragraph[match.start() : end].split()
            if words[0].lower() not in _NOT_A_NAME and not words[0].endswith(("’s", "'s")):
                return words
    return None


def _subject_alone(paragraph: str, word: str) -> bool:
    """Whether `word` (capitalized) stands in `paragraph` followed by a lower-case word, not
    after a letter, digit or hyphen: "Tan joined"."""
    return any(
        paragraph[at + len(word) : at + len(word) + 1] == " "
        and "a" <= paragraph[at + len(word) + 1 : at + len(word) + 2] <= "z"
        for at in _word_starts(paragraph, word)
    )


def _word_boundary(text: str, at: int) -> bool:
    """Whether a regular expression's \\b holds at `at` in `text`."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def _fullest(name: str, paragraphs: list[str]) -> str:
    """ "Jennifer M. Granholm" where the story also writes "Jennifer Granholm": the name with
    the middle initials the story gives."""
    words = name.split()
    if len(words) != 2:
        return name
    for paragraph in paragraphs:
        for at in _word_starts(paragraph, words[0]):
            initials = _INITIALS.match(paragraph, at + len(words[0]))
            if initials and _word_at(paragraph, initials.end(), words[1]):
                return paragraph[at : initials.end() + len(words[1])]
    return name


_INITIALS = re.compile(r"(?: [A-Z]\.)+ ")


def _word_starts(text: str, word: str):
    """Where `word` stands in `text` as a whole word (no letter, digit or hyphen beside it): a
    string search instead of a regular expression made for each name (the re module's cache
    holds 512; a story's names would fill it again and again)."""
    at = text.find(word)
    while at >= 0:
        if _word_at(text, at, word):
            yield at
        at = text.find(word, at + 1)


def _word_at(text: str, at: int, word: str) -> bool:
    end = at + len(word)
    before = text[at - 1] if at else " "
    after = text[end] if end < len(text) else " "
    return (
        text.startswith(word, at)
        and not (before.isalnum() or before in "_-")
        and not (after.isalnum() or after in "_-")
    )


def _nearest(pool: list[_Known], here, *, by_full_name=False) -> QuoteSpeaker | None:
    """The one in `pool` named last before `here` ((paragraph, offset)); `by_full_name`: named
    by a name of two words or more (not a surname that several people share)."""
    best, best_at = None, None
    for known in pool:
        places = known.named if by_full_name else known.places
        at = bisect_left(places, here)
        if not at:
            continue
        last = places[at - 1]
        if (
            best_at is None
            or last > best_at
            or (last == best_at and len(known.speaker.name) > len(best.name))
        ):
            best, best_at = known.speaker, last
    return best


def _two_named_together(pool: list[_Known], paragraphs: list[str], here) -> bool:
    """Whether the sentence that last names one of `pool` before `here` names another too."""
    last = max((p for known in pool for p in known.places if p < here), default=None)
    if last is None:
        return False
    paragraph = paragraphs[last[0]]
    start = _sentence_start(paragraph, last[1])
    named = {
        id(known)
        for known in pool
        for p in known.places
        if p[0] == last[0] and start <= p[1] <= last[1]
    }
    return len(named) > 1


_TITLE_WORD = "(?:" + "|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)) + ")"
_TITLE_BETWEEN = re.compile(rf"^\s+(?:{_TITLE_WORD}\s+){{1,3}}$")


def _runs(phrase: str) -> list[list[str]]:
    """The capitalized runs of `phrase` ("President Christine Lagarde", "Japan’s" apart): words
    joined by spaces, broken by punctuation, lower-case words (bar particles) and possessives."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in _TOKEN.findall(phrase):
        if token in ",:;()":
            if current:
                runs.append(current)
            current = []
            continue
        possessive = token.endswith(("’s", "'s"))
        capitalized = token[:1].isupper() or token[:1].isdigit()
        if capitalized and not possessive and token.lower() not in FUNCTION_WORDS - {"the"}:
            current.append(token)
        elif current and token.lower() in NAME_PARTICLES:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
            if possessive and token[:1].isupper():
                runs.append([token[:-2]])  # "Eisai’s" spokesperson, "Japan’s" Iwaya
    if current:
        runs.append(current)
    return [[w for w in run if w.lower() != "the"] or run for run in runs]


def _strip_title(run: list[str]) -> list[str]:
    """The name at the end of a run, without the title and courtesy titles before it:
    "U.S. Secretary of Energy Jennifer M. Granholm" → Jennifer M. Granholm."""
    words = [w.strip(",") for w in run]
    last_title = -1
    for n, word in enumerate(words):
        lowered = word.lower()
        if n and lowered.rstrip(".") in ("jr", "sr"):
            continue  # "Dorval R. Carter Jr.": a generation, not an abbreviated title
        if (
            is_title_word(lowered)
            or lowered in OCCUPATIONS
            or lowered in HONORIFICS
            or lowered in ABBREVIATIONS
            or lowered.rstrip(".") in HONORIFICS
        ):
            last_title = n
    name = words[last_title + 1 :]
    while name and name[-1].lower().rstrip(".") in _SUFFIXES - {"jr", "sr", "ii", "iii", "iv"}:
        name.pop()
    return name
