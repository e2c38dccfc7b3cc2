"""Normalizing names so that typographic variants of one name compare equal.

"Rubio’s" and "Rubio's", "U.S.–Uzbekistan" and "U.S.-Uzbekistan", a non-breaking space and a space:
press releases mix them freely, and a registry lookup must not care.
"""

import re
import unicodedata

from people.matching.lexicon import TYPOGRAPHY

_TRANSLATE = str.maketrans(TYPOGRAPHY)
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def normalize_typography(text: str) -> str:
    """Return `text` with curly quotes, dashes and odd spaces replaced by plain ASCII ones."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_TRANSLATE)).strip()


def name_key(name: str) -> str:
    """Return the key two spellings of one name share: typography, case, a leading "the"."""
    return _LEADING_THE.sub("", normalize_typography(name)).casefold()


def display_name(full_name: str, nickname: str = "") -> str:
    """`Thomas "Tommy" Pigott` when a nickname is known, else the full name."""
    if not nickname:
        return full_name
    first, _, rest = full_name.partition(" ")
    return f'{first} "{nickname}" {rest}' if rest else f'{first} "{nickname}"'


_REMARK = re.compile(r" \([^()]*\)$")


def plain_name(name: str) -> str:
    """A registry name without the remark that tells it from its namesakes: "National Data
    Protection Authority (Brazil)" is the authority's "National Data Protection Authority"."""
    return _REMARK.sub("", name)
