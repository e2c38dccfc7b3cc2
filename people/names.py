"""Normalizing names so that typographic variants of one name compare equal.

"Rubio’s" and "Rubio's", "U.S.–Uzbekistan" and "U.S.-Uzbekistan", a non-breaking space and a space:
press releases mix them freely, and a registry lookup must not care.
"""

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
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
