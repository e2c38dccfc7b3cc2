"""Countries as readers see them: the name for an organization's ISO 3166-1 alpha-2 code."""

import pycountry


def country_name(code: str) -> str | None:
    """The name a reader knows for `code` (any case): "Bolivia" rather than "Bolivia,
    Plurinational State of"; None when `code` is no country's code."""
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        return None
    found = pycountry.countries.get(alpha_2=code.upper())
    if found is None:
        return None
    return getattr(found, "common_name", None) or found.name
