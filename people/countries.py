"""Countries as readers see them: the name for an organization's ISO 3166-1 alpha-2 code,
and whether a name is a country's."""

import functools
import json
from pathlib import Path

import pycountry

from people.names import name_key

_EXTRA = Path(__file__).resolve().parent / "data" / "registry" / "countries-extra.json"


def country_name(code: str) -> str | None:
    """The name a reader knows for `code` (any case): "Bolivia" rather than "Bolivia,
    Plurinational State of"; None when `code` is no country's code."""
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        return None
    found = pycountry.countries.get(alpha_2=code.upper())
    if found is None:
        return None
    return getattr(found, "common_name", None) or found.name


@functools.cache
def _country_names() -> frozenset[str]:
    extra = json.loads(_EXTRA.read_text(encoding="utf-8"))
    names = [*extra["canonical"].values()]
    names += [alias for aliases in extra["aliases"].values() for alias in aliases]
    for country in pycountry.countries:
        names += [country.name, getattr(country, "official_name", ""),
                  getattr(country, "common_name", "")]  # fmt: skip
    return frozenset(name_key(name) for name in names if name)


def is_country_name(name: str) -> bool:
    """Whether `name` is a country's name ("Rwanda", "the United Kingdom", "U.S."), as the
    starter registry knows countries, without the database."""
    return bool(name) and name_key(name.removeprefix("the ")) in _country_names()
