"""HTML into clean paragraphs: a whole page through trafilatura (which drops menus, footers and
other boilerplate), a fragment from a feed (content:encoded, an Atom content) through lxml."""

import re
from dataclasses import dataclass
from datetime import datetime

import lxml.html
import trafilatura
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from lxml.etree import ParserError

BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt",
}  # fmt: skip
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class Page:
    """What a release's web page says: everything optional but the paragraphs."""

    paragraphs: list[str]
    title: str = ""
    image_url: str = ""
    released_at: datetime | None = None


def page_paragraphs(html: str, *, url: str = "") -> Page:
    """The main text of a whole web page, boilerplate removed, with its title, lead image and
    date when the page names them. Paragraphs are empty when the page holds no article."""
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not document.text:
        return Page([])
    title = _clean(document.title or "")
    paragraphs = [p for p in (_clean(line) for line in document.text.split("\n")) if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return Page(
        paragraphs,
        title=title,
        image_url=document.image or "",
        released_at=parse_when(document.date or ""),
    )


def fragment_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment: one per block element or blank-line-separated run;
    scripts, styles and markup dropped, entities decoded, white space collapsed."""
    if "<" not in html:
        return [p for p in (_clean(block) for block in re.split(r"\n\s*\n", html)) if p]
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except ParserError:
        return []
    for element in root.iter("script", "style", "noscript", "iframe", "form"):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    blocks = re.split(r"\n\s*\n", text)
    return [p for p in (_clean(block.replace("\n", " ")) for block in blocks) if p]


def parse_when(text: str) -> datetime | None:
    """An ISO date or date-time as an aware datetime (midnight in the site's zone for a date)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = parse_datetime(text)
        if value is None and (day := parse_date(text[:10])) is not None:
            value = datetime.combine(day, datetime.min.time())
    except ValueError:  # well-formed but impossible, "2026-02-30"
        return None
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()
