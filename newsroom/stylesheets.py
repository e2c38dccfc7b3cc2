"""The reader site's stylesheets, written into each page's `<head>` rather than linked.

A linked stylesheet is a second request the first paint waits for, and on a cold load it often
arrives after the HTML has been parsed: the browser has by then laid the page out once with its
default styles (at DOMContentLoaded), and lays it out, and looks up its fonts, all over again
when the stylesheet comes. Inline, the page is styled and laid out once, as soon as the HTML is
in. Our stylesheets are small (site.css about 9 kB, 2.5 kB gzipped), so a page loses little
by not sharing a cached file. The Content-Security-Policy allows each one by its hash
(`stylesheet_hashes`), read from the same file once per process, so text and hash always agree;
`runserver` restarts when one of them changes (newsroom/apps.py).
"""

import functools
from pathlib import Path

from newsroom.content_security import csp_hash

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
# The stylesheets a page may inline, relative to static/: {% inline_stylesheet "css/site.css" %}.
INLINE_STYLESHEETS = ("css/site.css", "css/search.css")


@functools.cache
def stylesheet_text(name: str) -> str:
    """The text of the inlinable stylesheet `name`; ValueError for any other name (its hash
    would not be in the policy, and the browser would refuse it)."""
    if name not in INLINE_STYLESHEETS:
        raise ValueError(f"{name} is not one of INLINE_STYLESHEETS")
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    if "</style" in text.lower():
        raise ValueError(f"{name} would close its <style> element")
    return text


def stylesheet_hashes() -> list[str]:
    """The CSP sources ('sha256-…') that allow every inlinable stylesheet."""
    return [csp_hash(stylesheet_text(name)) for name in INLINE_STYLESHEETS]
