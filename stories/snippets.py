"""A few words of context around a mention, with the mentions marked, as safe HTML."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONTEXT = 70


def highlighted_snippet(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """Text around the first span, every span inside the window wrapped in <mark>."""
    if not spans:
        return mark_safe("")
    first_start, first_end = min(spans)
    start = max(0, first_start - CONTEXT)
    end = min(len(text), first_end + CONTEXT)
    if start > 0 and " " in text[start:first_start]:
        start = text.index(" ", start) + 1  # do not cut a word
    if end < len(text) and " " in text[first_end:end]:
        end = text.rindex(" ", first_end, end)
    parts, cursor = [], start
    for span_start, span_end in sorted(spans):
        if span_start < cursor or span_end > end:
            continue
        parts += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end]),
                  "</mark>"]  # fmt: skip
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts).replace("\n\n", " ¶ ") + suffix)
