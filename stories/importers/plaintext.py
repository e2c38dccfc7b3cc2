"""Parse the plain-text story format (see the format note) into a ParsedStory. No database here.

The parser is strict about what it cannot guess (an empty, binary or non-UTF-8 file; no headline;
no body) and lenient about what it can (a missing image line or marker, Windows line endings,
trailing spaces), recording a notice with the line for each leniency so an editor can check.
"""

import difflib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from people.countries import is_country_name
from people.matching import is_acronym, lexicon
from people.names import name_key, normalize_typography
from stories.importers.errors import ImportNotice, StoryImportError

MARKER = "ORGANIZATIONS IN THIS STORY"
# Windows tools ("Unicode" in Notepad, Word's plain text) save UTF-16 with a byte-order mark.
UTF16_BOMS = [
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian)"),
]
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_HEADLINE = 300
# The longest text each field takes (the columns of Story, Person, Role and Organization; a
# test keeps them equal): longer is refused with its line, never a database error.
MAX_LENGTHS = {
    "an image asset id": 100, "a source label": 300, "an image caption": 500,
    "an attribution": 500, "a person's name": 200, "a nickname": 100, "a title": 300,
    "an organization name": 300,
}  # fmt: skip

IMAGE_FORMATS = {
    "webp": "webp", "jpeg": "jpeg", "jpg": "jpeg", "png": "png", "gif": "gif", "avif": "avif"
}  # fmt: skip
_FORMAT_WORDS = "|".join(IMAGE_FORMATS)
IMAGE_LINE = re.compile(rf"^(?P<format>{_FORMAT_WORDS})\s+(?P<asset>\S+)$", re.IGNORECASE)
# The older variant: a file-name-like token and no format word ("lead-photo.jpg").
OLD_IMAGE_LINE = re.compile(rf"^(?P<asset>[\w.-]+)\.(?P<format>{_FORMAT_WORDS})$", re.IGNORECASE)

# Titles, honorifics, name particles and suffixes: the engine's lexicon, shared.
TITLE_WORDS = lexicon.TITLE_WORDS
HONORIFICS = lexicon.HONORIFICS
NAME_SUFFIXES = lexicon.NAME_SUFFIXES
NAME_PARTICLES = lexicon.NAME_PARTICLES
NICKNAME = lexicon.NICKNAME
PREPOSITION = re.compile(r"\s(for|of|at|with)\s")


@dataclass
class ParsedSource:
    """The source line, taken apart. `person_name` is None when the slot holds no person."""

    line: int
    attribution: str
    label: str = ""
    url: str = ""
    person_name: str | None = None
    nickname: str = ""
    title: str = ""
    organization: str = ""


@dataclass
class ParsedStory:
    path: str
    headline: str
    paragraphs: list[str]
    image_format: str = ""
    image_asset_id: str = ""
    source: ParsedSource | None = None
    caption: str = ""
    notices: list[ImportNotice] = field(default_factory=list)

    @property
    def import_key(self) -> str:
        """Stable across re-imports of the same release, wherever the file lies."""
        return "txt:" + slugify(normalize_typography(self.headline))[:190]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class _Block:
    """Consecutive non-blank lines: (line number, text) pairs; or a marker line, alone."""

    lines: list[tuple[int, str]]
    is_marker: bool = False  # told by _blocks, which looks at each line once

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.lines)


def _is_marker(line: str) -> bool:
    return normalize_typography(line).upper() == MARKER


KnownOrganization = Callable[[str], bool]


def read_story_file(path: Path | str, *, is_known_organization: KnownOrganization | None = None):
    """Read and parse one story file. Returns a ParsedStory; raises StoryImportError."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise StoryImportError(
                shown,
                None,
                f"a story file of at most {MAX_FILE_BYTES // 1024 // 1024} MB, "
                f"found {size / 1024 / 1024:.1f} MB",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise StoryImportError(shown, None, f"a readable file ({exc.strerror})") from exc
    return parse_story_bytes(data, shown, is_known_organization=is_known_organization)


def parse_story_bytes(
    data: bytes, path: str, *, is_known_organization: KnownOrganization | None = None
) -> ParsedStory:
    """Decode `data` as UTF-8 text and parse it. Raises StoryImportError for anything refused."""
    if len(data) > MAX_FILE_BYTES:
        raise StoryImportError(path, None, f"a story file of at most {MAX_FILE_BYTES} bytes")
    if not data.strip():
        raise StoryImportError(path, 1, "a headline on line 1, found an empty file")
    for bom, codec, named in UTF16_BOMS:
        if data.startswith(bom) and not data.startswith(b"\xff\xfe\x00\x00"):  # not UTF-32
            text = _decode_utf16(data[len(bom) :], codec, path)
            story = parse_story_text(text, path, is_known_organization=is_known_organization)
            story.notices.insert(0, ImportNotice(path, 1, f"read as {named}; save it as UTF-8"))
            return story
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise StoryImportError(path, line, "UTF-8 text, found binary data (a NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StoryImportError(
            path,
            line,
            f"UTF-8 text, found byte 0x{data[exc.start]:02X} that is not UTF-8 "
            "(save the file as UTF-8)",
        ) from exc
    return parse_story_text(text, path, is_known_organization=is_known_organization)


def _decode_utf16(data: bytes, codec: str, path: str) -> str:
    """Text of a UTF-16 file (after its byte-order mark); binary data is refused."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
        raise StoryImportError(path, line, "UTF-16 text, found bytes that are not UTF-16") from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise StoryImportError(path, line, "text, found binary data (a NUL character)")
    return text


def parse_story_text(
    text: str, path: str, *, is_known_organization: KnownOrganization | None = None
) -> ParsedStory:
    """Parse the text of one story. Raises StoryImportError; every leniency becomes a notice."""
    notices: list[ImportNotice] = []

    def notice(line: int | None, message: str) -> None:
        notices.append(ImportNotice(path, line, message))

    if text.startswith("\ufeff"):
        text = text[1:]
        notice(1, "read as UTF-8 with a byte-order mark (the mark removed)")
    if "\r" in text:
        first_cr = text[: text.index("\r")].count("\n") + 1
        notice(first_cr, "Windows (CRLF) line endings converted")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise StoryImportError(path, line, "text, found a control character (binary data?)")

    raw_lines = text.split("\n")
    trailing = [n for n, line in enumerate(raw_lines, 1) if line != line.rstrip()]
    if trailing:
        more = f" (and on {len(trailing) - 1} more lines)" if len(trailing) > 1 else ""
        notice(trailing[0], f"trailing spaces removed{more}")
    lines = [line.strip() for line in raw_lines]
    if not any(lines):
        raise StoryImportError(path, 1, "a headline on line 1, found only blank lines")

    blocks = _blocks(lines, notice)
    headline_block = blocks[0]
    head_line, headline = headline_block.lines[0]
    if head_line > 1:
        notice(1, f"blank lines before the headline; the headline is on line {head_line}")
    _check_headline(path, head_line, headline)

    rest = blocks[1:]
    if len(headline_block.lines) > 1:
        notice(head_line + 1, "expected a blank line after the headline")
        rest.insert(0, _Block(headline_block.lines[1:]))

    header, body, body_line = _split_header_and_body(rest, headline, head_line, notice)
    story = ParsedStory(path=path, headline=headline, paragraphs=[], notices=notices)
    _read_header(story, header, head_line, is_known_organization, notice)

    story.paragraphs = [block.text for block in body]
    if not story.paragraphs:
        raise StoryImportError(path, body_line, "at least one body paragraph")
    if story.source and story.source.person_name:
        story.source.person_name = _as_the_body_writes(story.source.person_name, story.paragraphs)
    return story


def _as_the_body_writes(name: str, paragraphs: list[str]) -> str:
    """ "TERABATAKE Masamichi", "NGUYỄN Phú Trọng": a family name in capitals, as some
    countries' releases write it in the source line, is written as the body writes the same
    person ("Masamichi Terabatake", "Nguyễn Phú Trọng"), whatever the order of the words."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not any(
        len(w) > 2 and w.isupper() and w.isalpha() and w.lower() not in NAME_SUFFIXES for w in words
    ):
        return name
    forms = [r"\s+".join(map(re.escape, order)) for order in itertools.permutations(words)]
    found = re.search(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)", "\n".join(paragraphs), re.I)
    if found is None or found.group().isupper():
        return name
    return " ".join(found.group().split())


def _blocks(lines: list[str], notice: Callable[[int | None, str], None]) -> list[_Block]:
    """Group lines into blocks separated by blank lines; a marker line is always its own block."""
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []
    blank_run, reported_blank_run = 0, False
    for number, line in enumerate(lines, 1):
        if not line:
            blank_run += 1
            if current:
                blocks.append(_Block(current))
                current = []
            continue
        if blank_run > 1 and blocks and not reported_blank_run:
            notice(number - blank_run, f"{blank_run} blank lines in a row (one is enough)")
            reported_blank_run = True
        blank_run = 0
        if _is_marker(line):
            if current:
                blocks.append(_Block(current))
                current = []
            blocks.append(_Block([(number, line)], is_marker=True))
        else:
            current.append((number, line))
    if current:
        blocks.append(_Block(current))
    return blocks


def _check_headline(path: str, line: int, headline: str) -> None:
    found = None
    if _is_marker(headline):
        found = f"the {MARKER} marker"
    elif IMAGE_LINE.match(headline) or OLD_IMAGE_LINE.match(headline):
        found = "an image line"
    elif "|" in headline:
        found = "a source line"
    if found:
        raise StoryImportError(path, line, f"a headline on line {line}, found {found}")
    if len(headline) > MAX_HEADLINE:
        raise StoryImportError(
            path, line, f"a headline of at most {MAX_HEADLINE} characters, found {len(headline)}"
        )


def _alike(a: str, b: str) -> bool:
    """Whether `a` and `b` are the same text, give or take a few characters (a similarity
    ratio of 0.8 or more, typography and case aside). The cheap bounds first: most lines
    are the headline itself, or nothing like it."""
    a, b = name_key(a), name_key(b)
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


SIMILAR = 0.8


def _split_header_and_body(rest, headline, head_line, notice):
    """Return (header blocks, body blocks, line where the body was expected)."""
    markers = [i for i, block in enumerate(rest) if block.is_marker]
    last_line = rest[-1].lines[-1][0] if rest else head_line
    if len(markers) >= 2:
        first, last = markers[0], markers[-1]
        for extra in markers[1:-1]:
            notice(rest[extra].start, f"extra {MARKER} marker ignored")
        body = [b for b in rest[first + 1 : last] if not b.is_marker]
        after = rest[last + 1 :]
        if after:
            notice(after[0].start, f"text after the closing {MARKER} marker kept in the body")
            body += after
        return rest[:first], body, rest[first].start + 1
    if len(markers) == 1:
        marker = markers[0]
        if rest[marker + 1 :]:
            notice(last_line, f"closing {MARKER} marker missing after the last paragraph")
            return rest[:marker], rest[marker + 1 :], rest[marker].start + 1
        notice(None, f"opening {MARKER} marker missing")
        header, body = _guess_header(rest[:marker], headline)
        return header, body, rest[marker].start
    header, body = _guess_header(rest, headline)
    where = body[0].start if body else last_line
    notice(where, f"expected the {MARKER} markers around the body; none found")
    return header, body, last_line + 1


def _guess_header(blocks: list[_Block], headline: str) -> tuple[list[_Block], list[_Block]]:
    """Without an opening marker: the header ends at the repeated headline, or is the first
    block when it looks like one (an image or a source line)."""
    for i, block in enumerate(blocks[:3]):
        if any(_alike(text, headline) for _, text in block.lines):
            return blocks[: i + 1], blocks[i + 1 :]
    if blocks and any(_is_image_line(t) or "|" in t for _, t in blocks[0].lines):
        return blocks[:1], blocks[1:]
    return [], blocks


def _is_image_line(text: str) -> bool:
    return bool(IMAGE_LINE.match(text) or OLD_IMAGE_LINE.match(text))


def _read_header(story, header, head_line, is_known_organization, notice) -> None:
    repeated = False
    unknown: list[tuple[int, str]] = []
    for number, text in (line for block in header for line in block.lines):
        if match := IMAGE_LINE.match(text):
            if story.image_asset_id:
                notice(number, "second image line ignored")
                continue
            story.image_format = IMAGE_FORMATS[match["format"].lower()]
            story.image_asset_id = _fits(story.path, number, "an image asset id", match["asset"])
        elif match := OLD_IMAGE_LINE.match(text):
            if story.image_asset_id:
                notice(number, "second image line ignored")
                continue
            story.image_format = IMAGE_FORMATS[match["format"].lower()]
            story.image_asset_id = _fits(story.path, number, "an image asset id", match["asset"])
            notice(number, "image line without a format word (older variant); format taken from "
                   "the file name")  # fmt: skip
        elif (
            not repeated
            and _alike(text, story.headline)
            # "<headline's person>, <title> | <label>" is a source line however like the headline
            and not ("|" in text and "|" not in story.headline and story.source is None)
        ):
            repeated = True
            if name_key(text) != name_key(story.headline):
                notice(number, f"repeated headline differs from line {head_line}: {text!r}")
        elif "|" in text and story.source is None:
            attribution, _, label = (part.strip() for part in text.partition("|"))
            story.source = _source(number, attribution, label, is_known_organization)
            if not label:
                notice(number, "source line has an empty label after '|'")
        else:
            unknown.append((number, text))
    for number, text in unknown:
        if story.source is None:
            story.source = _source(number, text, "", is_known_organization)
            notice(number, "source line has no '| label' (expected '<attribution> | <label>')")
        else:
            notice(number, f"unexpected line in the header kept out of the story: {text!r}")
    source = story.source
    if source and source.person_name is None:
        known = is_known_organization or (lambda name: False)
        if known(source.attribution.rstrip(".")):
            source.organization = source.attribution.rstrip(".")
        else:
            story.caption, source.attribution = source.attribution, ""
            notice(source.line, "the source line names no person; kept as the image caption")
    if source:
        checks = {
            "a source label": source.label, "an image caption": story.caption,
            "an attribution": source.attribution, "a person's name": source.person_name,
            "a nickname": source.nickname, "a title": source.title,
            "an organization name": source.organization,
        }  # fmt: skip
        for what, value in checks.items():
            _fits(story.path, source.line, what, value)
    if not story.image_asset_id:
        notice(head_line + 2, "no image line (expected '<format> <asset id>', e.g. 'Webp ab12')")
    if story.source is None:
        notice(head_line + 3, "no source line (expected '<attribution> | <label>')")
    if not repeated:
        notice(None, "the repeated headline is missing from the header")


def _fits(path: str, line: int, what: str, value: str | None) -> str | None:
    """`value`, if it is no longer than MAX_LENGTHS[what]; raises StoryImportError if it is."""
    limit = MAX_LENGTHS[what]
    if value and len(value) > limit:
        raise StoryImportError(
            path, line, f"{what} of at most {limit} characters, found {len(value)}"
        )
    return value


def _source(line, attribution, label, is_known_organization) -> ParsedSource:
    source = ParsedSource(line=line, attribution=attribution, label=label)
    if re.match(r"^https?://\S+$", label):
        source.url = label
    person = parse_attribution(attribution, is_known_organization=is_known_organization)
    if person:
        source.person_name, source.nickname, source.title, source.organization = person
        for word in (" for ", " of ", " at "):
            # "CEO for Acme Ethiopia | Acme Ethiopia": the label says where the title ends
            if label and not source.organization and source.title.endswith(word + label):
                source.title = source.title.removesuffix(word + label)
                source.organization = label
        organization = source.organization
        body = re.match(rf"(?P<head>.+ (?P<noun>\w+)) (?:of|for) {re.escape(organization)}$", label)
        if (
            organization
            and " of " not in source.title
            and body
            and body["noun"].lower() in lexicon.ORGANIZATION_HEADS
        ):
            # "Superintendent of Financial Services | New York State Department of Financial
            # Services": the label names the body whose portfolio the title holds
            source.title = f"{source.title} of {organization}"
            source.organization = ""
        office = normalize_typography(label).removesuffix("'s Office")
        words = f"{source.organization} {source.title}".split()
        if office != label and office == " ".join(words):
            # "Harris County Attorney | Harris County Attorney's Office": the office the title
            # names; the title after the place, a county's "County Attorney"
            levels = [i for i, word in enumerate(words[:-1]) if word in _LEVELS]
            if levels:
                rest = words[levels[-1] + 1 :]
                source.title = " ".join(words[levels[-1] :] if len(rest) == 1 else rest)
            source.organization = label
    return source


def parse_attribution(
    text: str, *, is_known_organization: KnownOrganization | None = None
) -> tuple[str, str, str, str] | None:
    """Split an attribution into (name, nickname, title, organization), or None if no person.

    Handles every shape in the format note: `<person>, <title> for|of <org>`, `<person>, <title>,
    <org>`, `<person>, <title> <org>`, `<honorific> <person> <title> of <org>`, `<title> <person>`;
    a photo caption in the source slot gives None.
    """
    known = is_known_organization or (lambda name: False)
    text = text.strip()
    if not text:
        return None
    # "Rep. Jo Roe (R-OH)", "Senator Jo Roe (D-Calif.)": a party and state, no part of the name
    text = _PARTY_TAG.sub("", text).strip()
    if (known(text) and "," not in text) or (
        (company := _COMPANY_WITH_ITS_FORM.fullmatch(text))
        and not any(_is_title_word(w) for w in company["name"].split())
    ):
        # "General Motors Company", "Tokyo Stock Exchange, Inc.": the line names a body, no
        # person
        return None
    if _A_CAPTIONS_SENTENCE.search(text) or _A_CAPTIONS_DATE.search(text):
        return None  # "President Jo Roe, Governor Ann Lee and … at the groundbreaking of …."
    if _is_plural_title(text.split(" ", 1)[0]):
        return None  # "Presidents Jo Roe, Ann Lee and Li Wei at the summit": a photo caption
    nickname = ""
    if match := NICKNAME.search(text):
        nickname = match["nick"].strip()
        text = (text[: match.start()] + " " + text[match.end() :]).strip()
    if diplomat := _diplomat(text, known):
        parsed = diplomat
    elif "," in text:
        # (or a line without a comma after the name, whose title holds one: "H.E. Jo Roe
        # Minister of Energy, Petroleum and Mines of …")
        parsed = _comma_attribution(text, known) or _plain_attribution(text, known)
    else:
        parsed = _plain_attribution(text, known)
    if parsed is None:
        parsed = _title_first(text, known)
    if parsed is None and "," not in text:
        parsed = _name_then_title(text, known)
    if parsed is None:
        return None
    name, title, organization = parsed
    if (short := _ITS_SHORT_NAME_AFTER.search(organization)) and not is_country_name(
        short["short"]
    ):
        # "Federal Statistical Office (Destatis)": the body, its short name aside
        organization = organization[: short.start()]
    return name, nickname, title, organization


# A body's short name in brackets after its name: "(Destatis)", "(VDA)", "(Eurojust)"
_ITS_SHORT_NAME_AFTER = re.compile(r"(?<=\w) \((?P<short>[A-Z][\w&.-]{1,15})\)$")


def _is_plural_title(word: str) -> bool:
    """ "Presidents", "Ministers", "Secretaries": several people's title."""
    if not word.endswith("s") or word.endswith("ss"):
        return False
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return _is_title_word(singular)


def _name_then_title(text: str, known: KnownOrganization) -> tuple[str, str, str] | None:
    """ "Park Sang-kyu CEO of SK Innovation": the name, then the title with no comma between."""
    tokens = text.split()
    for cut in (2, 3, 4):
        if cut >= len(tokens) or not _is_title_word(tokens[cut]):
            continue
        if tokens[cut - 1].lower() in lexicon.TITLE_SCOPES and cut > 2:
            cut -= 1  # "Mikio Okumura Group CEO of Sompo": the title's scope, not the name's
        words = {t.lower() for t in tokens[:cut]}
        if (
            any(_is_title_word(t) for t in tokens[:cut])
            or words & (_NO_BODY | lexicon.ORGANIZATION_NOUNS | {"the"})
            or not _looks_like_name(tokens[:cut])
        ):
            return None  # ("The Federal Public Prosecutor General …": a body's office)
        title, organization = split_title_organization(" ".join(tokens[cut:]), known)
        if organization or _is_title_list(title):
            return " ".join(tokens[:cut]), title, organization
        return None
    return None


# "Colombia's Minister of Environment and Sustainable Development, Susana Muhamad"
_TITLE_FIRST = re.compile(
    r"^(?:(?P<owner>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}?)['’]s )?(?P<title>[A-Z][^,]+), "
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})$"
)


def _title_first(text: str, known: KnownOrganization) -> tuple[str, str, str] | None:
    """The title first, then the name after a comma; the title's owner, if a possessive
    names one, is the organization when the title names none."""
    match = _TITLE_FIRST.match(text)
    if not match or not _is_title_word(match["title"].split()[0]):
        return None
    if not _looks_like_name(match["name"].split()):
        return None
    title, organization = split_title_organization(match["title"], known)
    return match["name"], title, organization or (match["owner"] or "")


_DIPLOMAT = re.compile(
    r"^(?:(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}?)(?P<s>['’]s?)? )?"
    r"(?P<title>(?:(?:Deputy|Acting) )?(?:Ambassador|High Commissioner|Consul[- ]General"
    r"|Permanent Representative)) (?P<to>to|in|at) (?P<rest>.+)$"
)
# A diplomat's post, after the title: "Ambassador" heads an embassy, and so on.
_POSTS = {
    "ambassador": ("Embassy", "in"),
    "high commissioner": ("High Commission", "in"),
    "consul general": ("Consulate General", "in"),
    "consul-general": ("Consulate General", "in"),
    "permanent representative": ("Permanent Mission", "to"),
}


_ENVOY_OF = re.compile(
    r"(?:(?:Deputy|Acting) )?(?P<post>Ambassador|High Commissioner|Consul[- ]General"
    r"|Permanent Representative) of (?:the )?(?P<sender>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r" (?:to|in) (?P<host>.+)"
)


def _diplomat(text: str, known: KnownOrganization) -> tuple[str, str, str] | None:
    """ "Rwanda's High Commissioner to the United Kingdom, Johnston Busingye", "Emirati
    Ambassador to the United States Yousef Al Otaiba": the title names the country the
    diplomat is posted to, the name follows it (after a comma, or after that country's name);
    the body is the mission of the country before the title, when the line names it."""
    match = _DIPLOMAT.match(text)
    if match is None:
        return None
    rest = match["rest"]
    if ", " in rest:
        host, name = rest.rsplit(", ", 1)
        splits = [(host, name.split())]
    else:
        tokens = rest.split()
        splits = [(" ".join(tokens[:cut]), tokens[cut:]) for cut in range(len(tokens) - 2, 0, -1)]
    for host, name in splits:
        if (is_country_name(host) or known(_strip_the(host))) and _looks_like_name(name):
            break
    else:
        return None
    title = f"{match['title']} {match['to']} {host}"
    owner, organization = match["owner"] or "", ""
    if owner and (match["s"] or is_country_name(owner) or known(owner)):
        post, preposition = _POSTS[
            match["title"].lower().removeprefix("deputy ").removeprefix("acting ")
        ]
        organization = f"{post} of {owner} {preposition} {host}"
    return " ".join(name), title, organization


def _comma_attribution(text: str, known: KnownOrganization):
    parts: list[str] = []
    for part in (part.strip() for part in text.split(",")):
        if parts and len(parts) > 1 and part.lower() in lexicon.COMPANY_SUFFIXES | {"incorporated"}:
            parts[-1] += f", {part}"  # "Acme, Inc." is one name
        elif len(parts) > 1 and part.startswith(("and ", "& ")):
            parts[-1] += f", {part}"  # "… on Energy and Water Development, and Related Agencies"
        else:
            parts.append(part)
    for k in range(len(parts) - 1, 1, -1):
        # "Professor … at the University of California, Berkeley": a body's name holds a comma
        starts = [m.end() for m in _BODY_STARTS.finditer(parts[k - 1])]
        if any(known(f"{parts[k - 1][at:]}, {parts[k]}") for at in starts):
            parts[k - 1 : k + 1] = [f"{parts[k - 1]}, {parts[k]}"]
    name_parts = [parts[0]]
    i = 1
    while i < len(parts) and _is_name_suffix(parts[i]):
        name_parts.append(parts[i])
        i += 1
    # "Admiral R. Hari Kumar, PVSM, AVSM, VSM, ADC, Chief of the Naval Staff": decorations and
    # honours in capitals between the name and the title are no part of either
    while (
        i + 1 < len(parts)
        and _HONOURS.fullmatch(parts[i])
        and not _is_title_word(parts[i])
        and not known(parts[i])
    ):
        i += 1
    if i < len(parts) and _SUFFIX_THEN_A_VERB.match(parts[i]):
        return None  # "President Jo Roe, Jr. speaks at …": a photo caption, not a source line
    tokens = parts[0].split()
    if tokens and tokens[0].lower() in lexicon.PEERAGE and " of " in parts[0]:
        # "Lord Hanson of Flint": a peer's name is the title, the name and the seat
        return _titles_and_body(parts[0], [p for p in parts[i:] if p], known)
    # "Dr. Jane Roe", "Senator the Hon Penny Wong", "Lt. Gen. Jo Roe": courtesy, ranks and
    # titles before the name.
    courtesy = HONORIFICS | lexicon.RANK_ABBREVIATIONS
    leading: list[str] = []
    if len(tokens) > 2 and tokens[0] in _STYLES_IN_CAPITALS:
        tokens.pop(0)  # "HE Haitham Al Ghais": His Excellency, without its full stops
    while len(tokens) > 2 and (
        tokens[0].lower() in courtesy | lexicon.RANKS | _STYLES or _is_title_word(tokens[0])
    ):
        leading.append(tokens.pop(0))
    while tokens and tokens[0].lower() in courtesy:
        leading.append(tokens.pop(0))
    leading_title = " ".join(w for w in leading if w.lower() not in courtesy | lexicon.RANKS)
    body_first, tokens = _body_before_title(tokens)
    if body_first:
        # "Manhattan District Attorney Alvin L. Bragg, Jr.": a place or a body, its title,
        # then the name
        title_words = []
        while tokens and (
            _is_title_word(tokens[0])
            or (not title_words and tokens[0] in _LEVELS | {"District"})
            or (tokens[0] in ("and", "&") and len(tokens) > 1 and _is_title_word(tokens[1]))
        ):
            title_words.append(tokens.pop(0))
        if not _looks_like_name([t for t in tokens if not _is_name_suffix(t)] or tokens):
            return None
        name = ", ".join([" ".join(tokens), *name_parts[1:]])
        rest = [p for p in parts[i:] if p]
        if not rest:
            return name, " ".join(title_words), body_first
        return _titles_and_body(name, rest, known, " ".join(title_words))
    # "Jane Roe III", "Jane Roe PhD": a suffix without its comma stays with the name.
    if not _looks_like_name([t for t in tokens if not _is_name_suffix(t)] or tokens):
        return None
    # A degree ("PhD", "M.D.", "MP") is not part of the name; a generation ("Jr.", "III") is.
    generations = [p for p in name_parts[1:] if p.lower() not in lexicon.DEGREES]
    while len(tokens) > 2 and tokens[-1].lower() in lexicon.DEGREES:
        tokens.pop()  # "Jo Roe MP", "Ann Lee KC OBE"
    name = ", ".join([" ".join(tokens), *generations])
    return _titles_and_body(name, [p for p in parts[i:] if p], known, leading_title)


def _titles_and_body(name: str, rest: list[str], known: KnownOrganization, leading_title=""):
    """(name, title, organization) from the parts of the line after the name."""
    if not rest:
        # "Chief Justice John G. Roberts, Jr.": the title before the name, nothing after it
        return name, leading_title, ""
    if (article := re.match(r"(?:a|an) (?=\w)", rest[0])) and _is_title_word(
        rest[0][article.end() :].split()[0]
    ):
        rest = [rest[0][article.end() :], *rest[1:]]  # "Jo Roe, a spokesperson for Acme"
    if ordinal := _ORDINAL.match(rest[0]):
        rest = [rest[0][ordinal.end() :], *rest[1:]]  # "61st Superintendent": the 61st to hold it
    if not rest[0][:1].isupper() and rest[0].split()[0].lower() not in TITLE_WORDS:
        return None  # "Bats, which live in caves, …": a sentence, not a title
    body = ", ".join(rest)
    if not leading_title and len(rest) >= 2 and " " in rest[0]:
        # "CEO Gavi, the Vaccine Alliance": a title, then with no comma a known body whose
        # own name holds one
        title, organization = split_title_organization(body, known)
        if "," in organization and "," not in title and known(_strip_the(organization)):
            return name, title, _strip_the(organization)
    if leading_title and (
        known(_strip_the(body)) or not any(_is_title_word(w) for w in body.split())
    ):
        # "Mayor Jo Roe, City of Chicago": the title before the name, the body after it
        return name, leading_title, _strip_the(body)
    # "Executive Vice-President for a Clean, Just and Competitive Transition, European
    # Commission", "Ranking Member of the Senate Committee on Health, Education, Labor, and
    # Pensions": a portfolio or a body's name listed with commas, to the part with "and".
    if len(rest) >= 2 and _OF_OR_FOR.search(rest[0]):
        for k in range(1, len(rest)):
            # ("… for Technology, Innovation and Partnerships at the National Science
            # Foundation": the portfolio's last part, then where the person works)
            part = rest[k].split(" at ", 1)[0]
            if len(part.split()) > 5 or known(part) or _names_a_body(part, strictly=True):
                break  # ("Minister of State for Trade Policy, Department for Business and Trade")
            if " and " in f" {part}" and k + 1 < len(rest):
                rest = [", ".join(rest[: k + 1]), *rest[k + 1 :]]
                break
            if " and " in f" {part}":
                rest = [", ".join(rest)]
                break
    # "Minister of Trade, Industry and Energy": a portfolio listed with commas ("Minister for
    # Railways, Information & Broadcasting and Electronics & Information Technology").
    while (
        len(rest) >= 2
        and re.search(r"\b(?:Minister|Secretary|Commissioner) (?:of|for)\b", rest[0])
        and all(_a_portfolio(part) for part in rest[1:])
        and " and " in rest[-1]
    ):
        rest = [", ".join(rest)]
    # "Chairman, President and CEO, Acme Corp": titles listed with commas, then the body.
    titles = 0
    while titles < len(rest) - 1 and _is_title_list(rest[titles]):
        titles += 1
    while (
        titles
        and titles < len(rest) - 1
        and (
            # "Vice President, Communications, Acme Corp.": the title's field, then the body
            # ("Vice President, Environment, Policy, and Social Initiatives, Apple": fields)
            _a_corporate_function(rest[titles])
            # "Director, Office of Public Affairs, U.S. Department of Justice": a unit the
            # registry does not know, then the body it knows
            or (
                titles == len(rest) - 2
                and not known(_strip_the(", ".join(rest[titles:])))
                and known(_strip_the(rest[-1]))
                and (
                    _names_a_body(rest[titles], strictly=True)
                    # "Director, Southeast Asia Program, Lowy Institute": a program it runs
                    or rest[titles].rsplit(" ", 1)[-1] in _PROGRAM_WORDS
                )
            )
            # "Interim Executive Director, Healthcare Quality and Access, MHRA": a field of
            # the body the title heads (fields joined by "and", no title word, no body's
            # name), then the body it knows
            or (
                titles == len(rest) - 2
                and re.search(r" (?:and|&) ", rest[titles])
                and known(_strip_the(rest[-1]))
                and not known(_strip_the(", ".join(rest[titles:])))
                and not _names_a_body(rest[titles])
                and not any(_is_title_word(w) for w in rest[titles].split())
                and all(
                    w[:1].isupper() or w in lexicon.FUNCTION_WORDS for w in rest[titles].split()
                )
            )
            # "Executive Vice-President, A Europe Fit for the Digital Age, and Commissioner for
            # Competition, European Commission": a portfolio and a second title, then the body
            or (
                titles == len(rest) - 2
                and known(_strip_the(rest[-1]))
                and not _names_a_body(rest[titles], strictly=True)
                and any(_is_title_word(w) for w in rest[titles].split()[1:])
            )
        )
    ):
        # the part is the title's
        rest = [*rest[: titles - 1], f"{rest[titles - 1]}, {rest[titles]}", *rest[titles + 1 :]]
    if titles and known(_strip_the(", ".join(rest[titles:]))):
        # "Chair and CEO, General Motors": the registry's body, whatever words it starts with
        return name, ", ".join(rest[:titles]), _strip_the(", ".join(rest[titles:]))
    if titles:
        title, organization = split_title_organization(rest[titles], known)
        if not organization and rest[titles].split()[0].lower() in TITLE_WORDS:
            # "Deputy Prime Minister, Minister of National Defence": two titles, no body
            return name, ", ".join(rest[: titles + 1]), _strip_the(", ".join(rest[titles + 1 :]))
        if organization and _is_title_list(title.split(" of ")[0]):
            # "Chairman, Chief Executive Officer of Acme, Inc."
            return (
                name,
                ", ".join([*rest[:titles], title]),
                _strip_the(", ".join([organization, *rest[titles + 1 :]])),
            )
        return name, ", ".join(rest[:titles]), _strip_the(", ".join(rest[titles:]))
    if len(rest) >= 2:
        last = _SECOND_TITLE.match(rest[-1])
        if (
            last
            and _A_MINISTERS_TITLE.fullmatch(last["title"])
            and not known(_strip_the(last["body"]))
            and not _names_a_body(last["body"])
        ):
            # "Minister of State, Minister of Agriculture": two titles, the last one's portfolio
            return name, ", ".join(rest), ""
        if last and _is_title_list(last["title"]):
            # "Minister of State for Energy Affairs, the President and CEO of QatarEnergy"
            return name, ", ".join([*rest[:-1], last["title"]]), last["body"]
        return name, rest[0], _strip_the(", ".join(rest[1:]))
    title, organization = split_title_organization(rest[0], known)
    return name, title, organization


def _body_before_title(tokens: list[str]) -> tuple[str, list[str]]:
    """ "Google CEO Sundar Pichai", "NVIDIA founder and CEO Jensen Huang", "Manhattan District
    Attorney Alvin L. Bragg": one to three capitalized words (no title's), then title words,
    then a name of two words or more. Returns the body and the tokens from the title on, else
    ("", tokens)."""
    for cut in (1, 2, 3):
        if len(tokens) < cut + 3 or not _is_title_word(tokens[cut]):
            continue
        head = tokens[:cut]
        if any(_is_title_word(t) or not t[:1].isupper() for t in head):
            return "", tokens
        if head[0].lower() in HONORIFICS | lexicon.RANK_ABBREVIATIONS | lexicon.RANKS | _NO_BODY:
            return "", tokens  # "Federal President …", "Former CEO …"
        k = cut
        while k < len(tokens) and (
            _is_title_word(tokens[k])
            or (tokens[k] in ("and", "&") and k + 1 < len(tokens) and _is_title_word(tokens[k + 1]))
            # "Chief Financial Officer": a field between a title's words
            or (
                tokens[k].lower() in _TITLE_FIELDS
                and k + 1 < len(tokens)
                and _is_title_word(tokens[k + 1])
            )
        ):
            k += 1
        if k + 3 < len(tokens) and tokens[k] == "of" and tokens[k + 1][:1].isupper():
            k += 2  # "Michigan Secretary of State Jocelyn Benson"
        names = [t for t in tokens[k:] if t.lower().rstrip(",") not in NAME_SUFFIXES]
        if _looks_like_name(names[:4]) and len(tokens) - k <= 5:
            if cut > 1 and head[-1] in _LEVELS | {"District"}:
                # "Manhattan District Attorney …": the level is the title's ("District
                # Attorney"), the place before it the body's
                return " ".join(head[:-1]), tokens[cut - 1 :]
            return " ".join(head), tokens[cut:]
        return "", tokens
    return "", tokens


# Fields of work written inside a title: "Chief Financial Officer", "Chief Operating Officer"
_TITLE_FIELDS = lexicon.CORPORATE_FUNCTIONS | {
    "financial",
    "operating",
    "technology",
    "information",
}
# Words before a title that are the title's, not a body's
_HONOURS = re.compile(r"[A-Z]{2,5}")
# Head nouns that, alone before a title, belong to the title ("Department Spokesperson")
_BARE_HEADS = {"department", "ministry", "embassy", "consulate", "mission", "agency", "bureau"}
_NO_BODY = {"federal", "state", "national", "former", "then", "incoming", "outgoing", "retired"}
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th) (?=[A-Z])")


def _organization_before_title(text: str, known: KnownOrganization) -> tuple[str, str] | None:
    """ "FIFA President", "UNDP Administrator", "Texas Attorney General": a body or a place
    with a government of its own, then only title words."""
    words = text.split()
    for cut in range(1, len(words)):
        head, title = " ".join(words[:cut]), " ".join(words[cut:])
        # "ESA Director of Science": a title of a field (not "CEO and Managing Director of
        # Woodside", titles listed)
        field = None if _is_title_list(head) else _OF_A_FIELD.match(title)
        if (_is_title_list(title) or (field and _is_title_list(field["title"]))) and (
            known(head) or (cut == 1 and is_acronym(head)) or known(f"State of {head}")
        ):
            return title, head
    return None


_SUFFIXES = "|".join(re.escape(s) for s in sorted(NAME_SUFFIXES, key=len, reverse=True))
_SUFFIX_THEN_A_VERB = re.compile(rf"(?i:{_SUFFIXES}) [a-z]")


# A photo caption's sentence: its people somewhere, then "at the" and lower-case words, and a
# full stop ("… and Intel CEO Pat Gelsinger at the groundbreaking of the site.", "… at the new
# company's launch in Madrid on March 26, 2024.", "… at his introduction as managing partner …").
_A_CAPTIONS_SENTENCE = re.compile(
    r" (?:at|during|in|on) (?:the|his|her|their|its) [a-z][\w’'-]+(?: [a-z][\w’'-]+){0,3}"
    r"(?: (?:of|for|at|in|on|as|near|with|by) .*)?\.$"
)
_COMPANY_WITH_ITS_FORM = re.compile(
    r"(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*)*), (?:Inc\.|Ltd\.|LLC|L\.L\.C\.|Corp\.|"
    r"Co\., Ltd\.|S\.A\.|N\.V\.|AG|SE|plc|PLC|Limited|GmbH)"
)
# "…, after his election as Chairperson …, February 15, 2025.": what the person did and when,
# as a photo's caption tells it
_A_CAPTIONS_DATE = re.compile(
    r", (?:after|before|following|upon|during) (?:his|her|their|the) [a-z].*, (?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December) "
    r"\d{1,2}, \d{4}\.$"
)
_NATIONAL_PREFIXES = {"U.S.", "US", "UK", "U.K.", "EU"}
_LEVELS = {"County", "City", "State", "Town", "Borough", "Parish"}  # of a place's offices
_SECOND_ROLE = re.compile(
    r" and (?:former |then )?(?P<title>[A-Z][\w&-]*(?: [A-Z][\w&-]*)*) (?:of|for|at) "
)
_A_MINISTERS_TITLE = re.compile(r"(?:[A-Z][\w-]* )*(?:Minister|Secretary|Commissioner)")
_FIELD_FOR_A_BODY = re.compile(
    r"^(?P<title>[\w &-]+?) of (?P<field>[A-Z][\w &-]*?) (?:for|at) (?P<body>(?:the )?[A-Z].*)$"
)
_OF_A_FIELD = re.compile(r"^(?P<title>[\w &-]+?) of (?P<field>[A-Z][\w &-]*)$")
_SECOND_TITLE = re.compile(
    r"^(?:the )?(?P<title>[A-Z][\w&' -]*?) (?:of|at) (?:the )?(?P<body>[A-Z].*)$"
)
_A_PLACES_GOVERNMENT = re.compile(rf"(?:{'|'.join(sorted(_LEVELS))}) of [A-Z]")
# A member for a seat: "Member of Parliament for Ottawa Centre", "Member of the Legislative
# Assembly for …", "Member of the European Parliament for Ireland South"
_MEMBER_FOR = re.compile(
    r"^(?P<member>Member of (?:the )?(?:[A-Z][\w-]* )*?(?:Parliament|Assembly|"
    r"Congress|House of [A-Z]\w+)) for [A-Z].*$"
)
_BARE_MEMBER = re.compile(
    r"Member of (?:the )?(?:Parliament|Provincial Parliament|Legislative "
    r"Assembly|House of Assembly)"
)
# The small words of titles and bodies' names ("Minister of State for Trade and the Economy")
_ACRONYM = re.compile(r"(?:[A-Z]{2,}|(?:[A-Z]\.){2,})")
_STYLES_IN_CAPITALS = {"HE", "HH", "HRH", "HM"}
# Styles before a longer name ("Sheikh Mohammed bin …"); "Sheikh Hasina" is a name
_STYLES = {"sheikh", "sheikha", "shaikh", "sayyid"}
_BODY_STARTS = re.compile(r"\b(?:at|of|for) (?:the )?(?=[A-Z])")
_SMALL_WORDS = {"of", "for", "at", "and", "the", "to", "on", "in", "&", "de", "du", "des", "la"}
_OF_OR_FOR = re.compile(r"\b(?:of|for|on)\b")


def _a_portfolio(part: str) -> bool:
    """A part of a portfolio's list: a few capitalized words ("Industry and Energy"), or more
    joined by "&" and "and" ("Information & Broadcasting and Electronics")."""
    words = part.split()
    names = [w for w in words if w not in {"and", "&"}]
    joined = len(words) - len(names)
    return (
        part[:1].isupper() and len(words) <= 5 + 2 * joined and all(w[:1].isupper() for w in names)
    )


def _a_corporate_function(part: str) -> bool:
    """ "Communications", "Investor Relations", "Research and Development": a field of work."""
    words = [w.lower().strip(",") for w in part.replace("&", " and ").split()]
    words = [w for w in words if w != "and"]
    return (
        bool(words)
        and part[:1].isupper()
        and all(w in lexicon.CORPORATE_FUNCTIONS or w in lexicon.PORTFOLIOS for w in words)
    )


def _is_name_suffix(text: str) -> bool:
    return text.strip().lower() in NAME_SUFFIXES


def _is_title_list(text: str) -> bool:
    """ "President and CEO", "Chairman", "Chairman of the Management Board and CEO": only title
    words (and "and", "&"; a board the title sits on is part of it)."""
    text = _OF_THE_BOARD.sub("", text)
    words = [w.lower() for w in text.replace("&", " and ").split() if w.lower() != "and"]
    # ("Chief Financial Officer": a field between a title's words)
    return bool(words) and all(
        lexicon.is_title_word(w) or (0 < n < len(words) - 1 and w in _TITLE_FIELDS)
        for n, w in enumerate(words)
    )


_SHEIKH = {"Sheikh", "Sheikha"}
_LINEAGE = {"bin", "bint", "ibn"}  # "son of", "daughter of" in Arabic names


def _plain_attribution(text: str, known: KnownOrganization):
    """`President Jane Roe` or `Congressman John Doe Chairman of the Select Committee on X`."""
    tokens = text.split()
    leading: list[str] = []
    body = ""
    if len(tokens) > 2 and tokens[0] in _NATIONAL_PREFIXES and _is_title_word(tokens[1]):
        leading.append(tokens.pop(0))  # "U.S. Attorney Jo Roe"
    else:
        # "EPA Administrator Lee Zeldin", "Google CEO Sundar Pichai", "Ryanair Group CEO …"
        body, tokens = _body_before_title(tokens)
        if body.lower() in lexicon.PORTFOLIOS:
            leading, body = [body], ""  # "Finance Minister Jo Roe": a portfolio, the title's
        elif body.lower() in _BARE_HEADS:
            # "Department Spokesperson Jo Roe": a head noun alone names no body; the title
            # says whose spokesperson it is (the label names the body)
            leading, body = [body], ""
    while (
        tokens
        and (
            _is_title_word(tokens[0])
            # "Lt. Gov. Dan Patrick"; "County Mayor …" after its place
            or (tokens[0].lower() in lexicon.RANK_ABBREVIATIONS and len(tokens) > 1)
            # "Sheikh Mohammed bin Abdulrahman …" (but "Sheikh Hasina": a name's own word)
            or (tokens[0] in _SHEIKH and any(t in _LINEAGE for t in tokens[2:4]))
            or (
                leading
                and tokens[0].lower() in _TITLE_FIELDS
                and len(tokens) > 1
                and _is_title_word(tokens[1])
            )  # "Chief Financial Officer Blaise Ingoglia"
            or (not leading and body and tokens[0] in _LEVELS | {"District"})
            # "Federal President Alexander Van der Bellen", "Federal Chancellor …"
            or (tokens[0] == "Federal" and len(tokens) > 1 and _is_title_word(tokens[1]))
            # "founder and CEO Jensen Huang": titles joined by "and"
            or (
                tokens[0] in ("and", "&")
                and leading
                and len(tokens) > 1
                and _is_title_word(tokens[1])
            )
        )
    ):
        leading.append(tokens.pop(0))
    # "Secretary of State Marco Rubio": a title may take "of <Word>" before the name.
    if leading and len(tokens) >= 3 and tokens[0] == "of" and tokens[1][:1].isupper():
        leading += tokens[:2]
        tokens = tokens[2:]
    if not leading:
        return None  # no title or honorific: a caption, not a person
    name_tokens: list[str] = []
    while tokens and not _is_title_word(tokens[0]) and _is_name_token(tokens[0]):
        name_tokens.append(tokens.pop(0))
    if not _looks_like_name(name_tokens, minimum=1):
        return None
    if tokens and tokens[0][:1].islower() and tokens[0] not in {"of", "for", "at", "and"}:
        return None  # "President Jane Roe speaks at …": a photo caption, not a source line
    if (
        tokens
        and tokens[0] == "and"
        and any(t[:1].islower() and t not in _SMALL_WORDS for t in tokens[1:])
    ):
        return None  # "Mayor Jo Roe and Chair Ann Lee tour the hall.": a caption, two people
    if len(tokens) > 2 and tokens[0] == "and" and _is_title_word(tokens[1].lower().rstrip(".")):
        tokens = []  # "Governor Jo Roe and Lt. Governor Ann Lee": the first person speaks
    elif (
        len(tokens) > 2
        and tokens[0] == "and"
        and tokens[1].lower() in HONORIFICS | lexicon.RANK_ABBREVIATIONS
    ):
        tokens = []
    title_words = [
        w
        for w in leading
        if (w.lower() not in HONORIFICS or w.lower() == "gov.") and w not in _SHEIKH
    ]
    if [w.lower() for w in title_words] == ["lt.", "gov."]:
        title_words = ["Lieutenant", "Governor"]  # "Lt. Gov. Dan Patrick"
    if not title_words:  # "Rep. Jo Roe (D-NY)": the courtesy title is the office
        offices = lexicon.OFFICE_HONORIFICS
        title_words = [offices[w.lower()] for w in leading if w.lower() in offices][:1]
    if tokens and tokens[0] in ("of", "at") and len(tokens) > 1:
        # "Sheriff Robert G. Luna of Los Angeles County": the title before the name, the body
        # after it
        return " ".join(name_tokens), " ".join(title_words), _strip_the(" ".join(tokens[1:]))
    if tokens:
        title, organization = split_title_organization(" ".join(tokens), known)
        return " ".join(name_tokens), title, organization or body
    return " ".join(name_tokens), " ".join(title_words), body


# A title of the state itself: "President of the Republic", "Attorney General of the Federation"
_OF_THE_POLITY = re.compile(r"(?P<title>.+?) of the (?:Republic|Nation|Federation|Union|Realm)")
_TITLE_WITH_OF = re.compile(
    r"(?:(?:Deputy|Acting|Assistant|Principal|Vice|Senior) )*(?:"
    + "|".join(re.escape(t).replace("\\ ", " ") for t in lexicon.TITLES_WITH_OF)
    + r")\b",
    re.IGNORECASE,
)


def _known_nationally(known: KnownOrganization, name: str) -> bool:
    """Known, or known without its national prefix ("U.S. Department of Housing and Urban
    Development"), as the registry names the newsroom's own bodies."""
    return known(name) or bool((bare := lexicon.without_national_prefix(name)) and known(bare))


def split_title_organization(text: str, known: KnownOrganization) -> tuple[str, str]:
    """Split "Principal Deputy Spokesperson for the Department of State" into title and org.

    In order: a split whose organization part the registry knows; "<title> … at <org>" (the
    place one works); "<title words> of <org>" ("CEO of Acme Widgets", "Governor of Ohio");
    "Minister of|for <portfolio> [of <country>]" (the ministry of that country); the last
    " for ", else the first " of the "; else a title-word prefix ("CEO Acme").
    """
    # "U.S. Secretary of Energy": the national prefix is not part of the title.
    text = re.sub(r"^(?:U\.S\.|US) (?=Secretary of )", "", text)
    if (envoy := _ENVOY_OF.fullmatch(text)) and is_country_name(envoy["sender"]):
        # "Ambassador of Japan to the United States": the sending country's mission
        post, preposition = _POSTS[envoy["post"].lower()]
        return text, f"{post} of {envoy['sender']} {preposition} {envoy['host']}"
    second = _SECOND_ROLE.search(text)
    if second and _is_title_list(second["title"]) and _OF_OR_FOR.search(text[: second.start()]):
        # "Executive Director of the Harbor Foundation and former Mayor of Tidewater": the
        # line's person speaks in the first role
        text = text[: second.start()]
    if (of := _OF_A_FIELD.match(text)) and _is_title_list(of["title"]):
        if _a_corporate_function(of["field"]):
            return text, ""  # "Director of Communications": a field of work, no body
    if (polity := _OF_THE_POLITY.fullmatch(text)) and _is_title_list(polity["title"]):
        return text, ""  # "Prosecutor-General of the Republic": the state is no body's name
    if member := _MEMBER_FOR.match(text):
        # "Member of Parliament for Ottawa Centre": the seat is no body; "Member of the
        # European Parliament for Ireland South": the parliament is
        text = member["member"]
    if _BARE_MEMBER.fullmatch(text):
        return text, ""  # of which parliament, the line does not say
    if compound := _TITLE_WITH_OF.match(text):
        # "Chancellor of the Exchequer", "Chief of Staff to the Secretary of the Army"
        rest = text[compound.end() :]
        if not rest.strip():
            return text, ""
        if joint := re.match(r"\s+(?:of|for|at|to)\s+", rest):
            after = _strip_the(rest[joint.end() :])
            if (
                known(after)
                or _names_a_body(after, strictly=True)
                or _A_PLACES_GOVERNMENT.match(after)
            ):
                return compound.group(), after  # ("Chief of Police for the City of …")
    if (board := _COMPANY_BOARD.match(text)) and _is_title_list(board["title"]):
        # "Chairman of the Bosch Board of Management": the board is part of the title.
        return f"{board['title']} of the {board['board']}", board["company"]
    if (board := _BOARD_OF_A_BODY.match(text)) and _is_title_list(board["title"]):
        # "Chairman of the Board of Directors of Acme Corporation", "Chair of the Board of
        # Trustees of the Wikimedia Foundation": the board is part of the title, and so is a
        # member's portfolio after the company ("… of Volkswagen AG for Technology"; not "…
        # of the Harbor Fund for Children", a name)
        title, body = f"{board['title']} of the {board['board']}", board["body"]
        if (at := body.rfind(" for ")) > 0 and (
            body[:at].split()[-1].lower() in lexicon.COMPANY_SUFFIXES
            or (known(body[:at]) and not known(body))
        ):
            title, body = title + body[at:], body[:at]
        return title, body
    if attorney := _US_ATTORNEY.match(text):
        # "United States Attorney for the Southern District of New York" leads an office.
        return attorney["title"], f"United States Attorney's Office for the {attorney['district']}"
    if (before := _organization_before_title(text, known)) and not _is_title_list(text):
        if before[1].rstrip(".") not in {"U.S", "US", "UK", "EU", "UN"}:
            return before
    splits = [(m.start(), m.end()) for m in PREPOSITION.finditer(text)]
    for start, end in splits:
        portfolio = text.find(" for ", end) if text[start:end].strip() == "of" else -1
        body = _strip_the(text[end:portfolio]) if portfolio > 0 else ""
        if (
            body
            and not known(_strip_the(text[end:]))
            and (
                known(body)
                or (  # a body's name that ends at its head noun ("… Commission")
                    " " in body
                    and " at " not in text[portfolio:]
                    and body.split()[-1].lower() in lexicon.ORGANIZATION_HEADS
                )
            )
        ):
            # "Executive Vice-President of the European Commission for a Europe Fit for the
            # Digital Age": the body, then the title's portfolio
            return text[:start].strip() + text[portfolio:], body
        if _known_nationally(known, body := _strip_the(text[end:])):
            title = text[:start].strip()
            if (
                title.split()[-1].lower() in _PORTFOLIO_TITLES
                and text[start:end].strip() in ("of", "for")
                and body == text[end:]
                and not any(w.lower() in lexicon.ORGANIZATION_HEADS for w in body.split())
            ):
                # "Secretary of Health and Human Services": the portfolio is the title's
                return text, body
            return title, body
    for place in (" at ", " with "):
        if (at := text.find(place)) > 0:
            return text[:at].strip(), _strip_the(text[at + len(place) :])
    if minister := _minister_of(text):
        return minister
    if (
        (field := _FIELD_FOR_A_BODY.match(text))
        and _is_title_list(field["title"])
        and field["title"].split()[-1].lower() not in _PORTFOLIO_TITLES
        and all(
            w in lexicon.CORPORATE_FUNCTIONS
            for w in field["field"].lower().replace("&", "and").split()
            if w != "and"
        )
    ):
        # "Head of Communication for the ITER Organization": the field is the title's
        return f"{field['title']} of {field['field']}", _strip_the(field["body"])
    if (of := text.find(" of ")) > 0 and _is_title_list(text[:of]):
        rest = text[of + 4 :]
        # "Secretary of State", "Minister of Trade": a portfolio, unless it names a body.
        portfolio = text[:of].split()[-1].lower() in _PORTFOLIO_TITLES
        # "Prime Minister of Egypt", "Chief Minister of Punjab": a place, never a portfolio
        portfolio = portfolio and not _HEAD_MINISTER.search(text[: of + 4])
        if (" for " not in rest and not portfolio) or _names_a_body(rest, strictly=portfolio):
            return text[:of].strip(), _strip_the(rest)
    for pattern, last in ((" for ", True), (" of the ", False)):
        pos = text.rfind(pattern) if last else text.find(pattern)
        while pattern == " for " and pos > 0 and not _names_a_body(text[pos + 5 :]):
            # "Special Envoy for Climate": a portfolio, not an organization; "Chairman for the
            # Institute for Economics & Peace": the body holds the last " for "
            pos = text.rfind(pattern, 0, pos)
        if pattern == " for " and pos <= 0:
            continue
        if (
            pattern == " of the "
            and pos > 0
            and text[:pos].split()[-1].lower() in _PORTFOLIO_TITLES
            and not _names_a_body(text[pos + 8 :], strictly=True)
        ):
            continue  # "Secretary of the Treasury": the title of a department's head
        if pos > 0:
            organization = text[pos + len(pattern) :]
            organization = _strip_the("the " + organization if "the" in pattern else organization)
            return text[:pos].strip(), organization
    tokens = text.split()
    for cut in range(1, len(tokens)):
        if known(" ".join(tokens[cut:])):
            head = " ".join(tokens[:cut])
            if tokens[cut - 1] in ("and", "&") and (of := head.find(" of ")) > 0:
                # "Commanding General of XVIII Airborne Corps and Fort Liberty": the first
                # body the title names
                return head[:of], _strip_the(head[of + 4 :].rsplit(" ", 1)[0])
            return head, " ".join(tokens[cut:])
    cut = 0
    while cut < len(tokens) and (
        _is_title_word(tokens[cut])
        # "President and CEO Constellation": titles joined by "and"
        or (
            cut
            and tokens[cut] in ("and", "&")
            and cut + 1 < len(tokens)
            and _is_title_word(tokens[cut + 1])
        )
    ):
        cut += 1
    if 0 < cut < len(tokens) and tokens[cut][:1].isupper():
        return " ".join(tokens[:cut]), " ".join(tokens[cut:])
    return text, ""


_PORTFOLIO_TITLES = {"secretary", "minister", "undersecretary", "commissioner"}
_PARTY_TAG = re.compile(
    r"\s*\((?:[DRI]|Ind|Dem|Rep)\s*[-–]\s*[A-Z][\w. ]{1,20}\)"
    r"|,\s*(?:[DRI]|Ind|Dem|Rep)\s*[-–]\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?$"  # "Sen. Jo Roe, R-Texas"
)
_HEAD_MINISTER = re.compile(r"\b(?:Prime|First|Chief) Minister (?:of|for) (?:the )?$")
_COMPANY_BOARD = re.compile(
    r"^(?P<title>[\w ,&-]+?) of the (?P<company>[A-Z][\w&.' -]*?) "
    r"(?P<board>(?:Supervisory|Management|Executive) Board|Board of (?:Management|Directors))$"
)
_PROGRAM_WORDS = {"Program", "Programme", "Initiative", "Project"}
_OF_THE_BOARD = re.compile(
    r" of the (?:(?:Supervisory|Management|Executive) Board|Board(?: of (?:Directors|Trustees|"
    r"Management|Governors|Regents|Supervisors|Commissioners))?)(?= and | & |$)"
)
_BOARD_OF_A_BODY = re.compile(
    r"^(?P<title>[\w &-]+?) of the (?P<board>Board(?: of (?:Directors|Trustees|Management|"
    r"Governors|Regents|Supervisors|Commissioners))?) of (?:the )?(?P<body>[A-Z].*)$"
)
_US_ATTORNEY = re.compile(
    r"^(?P<title>(?:Acting |Interim )?(?:United States|U\.S\.) Attorney) for (?:the )?"
    r"(?P<district>(?:[A-Z][a-z]+ )?District of [A-Z][\w .]+)$"
)


def _names_a_body(text: str, *, strictly: bool = False) -> bool:
    """ "the Department of State", "NASA", "Acme Corp": an organization, not a portfolio
    (`strictly`: a head noun or a company suffix, not just "the …")."""
    words = text.split()
    return bool(words) and (
        (words[0] == "the" and not strictly)
        or is_acronym(words[0])
        or any(
            w.lower().strip(",.") in lexicon.ORGANIZATION_HEADS - lexicon.PORTFOLIOS for w in words
        )
        or any(w.lower().strip(",") in lexicon.COMPANY_SUFFIXES for w in words)
    )


_MINISTER = re.compile(
    r"^(?P<title>(?:[\w-]+ )*?Minister (?:of|for) (?:the )?(?P<portfolio>[A-Z][\w,&' -]*?))"
    r"(?: of (?:the )?(?P<country>[A-Z][\w' -]*(?: \([A-Z][\w' -]*\))?))?$"
)


def _minister_of(text: str) -> tuple[str, str] | None:
    """ "Minister of Foreign Affairs of Latvia" -> ("Minister of Foreign Affairs", "Ministry of
    Foreign Affairs of Latvia"); without a country, the title alone (the story names it)."""
    match = _MINISTER.match(text)
    if match is None or not _is_title_list(text[: text.find("Minister") + len("Minister")]):
        return None
    if _HEAD_MINISTER.search(text[: match.start("portfolio")]):
        return None  # "Prime Minister of Egypt": of a place, not a portfolio
    if match["country"]:
        return match["title"], f"Ministry of {match['portfolio']} of {match['country']}"
    return match["title"], ""


_ENDS_WITH_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")  # "Walmart U.S."


_DOTTED_SUFFIXES = tuple(f" {s}" for s in lexicon.COMPANY_SUFFIXES if "." in s)


def _strip_the(text: str) -> str:
    text = text.strip()
    if not text.lower().endswith(_DOTTED_SUFFIXES) and not _ENDS_WITH_INITIALS.search(text):
        text = text.rstrip(".")  # a sentence's full stop, not "Inc." nor "U.S."
    return text[4:] if text.lower().startswith("the ") else text


def _is_title_word(token: str) -> bool:
    word = token.lower().rstrip(",")
    if "-" in word and word.rsplit("-", 1)[1] in lexicon.TITLE_HEADS:
        return True  # "Vice-Chancellor", "Deputy-Governor"
    return lexicon.is_title_word(word) or word in HONORIFICS - {"the"}


def _is_name_token(token: str) -> bool:
    """A word of a person's name: capitalized or a particle, never a possessive ("Minister’s"
    in "Prime Minister’s Office", a body)."""
    if token.endswith(("'s", "’s")):
        return False
    return token[:1].isupper() or token.lower() in NAME_PARTICLES


def _looks_like_name(tokens: list[str], *, minimum: int = 2) -> bool:
    """Up to six words, particles aside ("Mohammed bin Abdulrahman bin Jassim Al Thani")."""
    if not minimum <= len(tokens) or sum(t.lower() not in NAME_PARTICLES for t in tokens) > 6:
        return False
    if not tokens[0][:1].isupper() or not tokens[-1][:1].isupper():
        return False
    return all(_is_name_token(t) for t in tokens)
