"""Stage 1, fold: text compared with typography, diacritics and (for names) case set aside.

Folding keeps every character in place, so offsets in the folded text are offsets in the original.
"""

import re
import unicodedata

from people.matching.lexicon import TYPOGRAPHY

_EXTRA = {
    "\t": " ", "\n": " ", "\r": " ", "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L",
    "\u0111": "d", "\u0110": "D", "\u0131": "i",
}  # fmt: skip


def _build_fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in {**TYPOGRAPHY, **_EXTRA}.items()}
    # Latin-1, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese: "Nguyễn")
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        if code in table:
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    return table


_FOLD = _build_fold_table()


# What folding may change: anything but printable ASCII. A story has few such characters, so
# replacing each where it stands is five times faster than `str.translate` over every one.
_FOLDABLE = re.compile("[^\x20-\x7e]")


def _folded(match: re.Match) -> str:
    char = match.group()
    return _FOLD.get(ord(char), char)


def fold(text: str) -> str:
    """Typography and diacritics folded, case kept; as long as `text`."""
    if text.isascii() and "\n" not in text and "\t" not in text and "\r" not in text:
        return text  # (a name: nothing to fold)
    return _FOLDABLE.sub(_folded, text)


def fold_lower(text: str) -> str:
    """`fold` and lower case, as long as `text` (a letter whose lower case is longer keeps it)."""
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def index_key(name: str, *, case_sensitive: bool) -> str:
    """The key a registry name is indexed under: spaces collapsed, a leading "the" dropped."""
    name = re.sub(r"\s+", " ", name.strip())
    if name.lower().startswith("the ") and len(name) > 4:
        name = name[4:]
    return fold(name) if case_sensitive else fold_lower(name)


def is_case_sensitive_name(name: str) -> bool:
    """One-word names and acronyms match only as written ("EPA", "US", "Georgia", "Fed"), also
    after "the" ("THE Alliance" is no alliance of a sentence)."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:].strip()
    return " " not in name


def is_acronym(name: str) -> bool:
    """ "EPA", "NATO", "U.S.": two capitals or more and no space."""
    # (an upper-case character is a letter: counting them counts capitals among the letters)
    return " " not in name and sum(map(str.isupper, name)) >= 2
