"""The story's source line, as the release wrote it, with its person and organization linked."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from people.models import Role

register = template.Library()


@register.simple_tag
def source_line(role: Role | None, attribution: str) -> SafeString:
    """`attribution` as written ("Brooke Rollins, Secretary of the U.S. Department of
    Agriculture"), the person's and the organization's names in it linked to their pages.
    Without an attribution, the role's own words ("Jane Roe, Spokesperson for the Office")."""
    text = (attribution or "").strip()
    if role is None:
        return conditional_escape(text)
    if not text:
        line = format_html(
            '<a href="{}">{}</a>, {}',
            role.person.get_absolute_url(),
            role.person.display_name,
            role.title,
        )
        if role.organization:
            line += format_html(
                ' for <a href="{}">{}</a>',
                role.organization.get_absolute_url(),
                role.organization.name_with_article,
            )
        return line
    links = []  # (start, end, url), non-overlapping, in the order they are found
    names = [(role.person.full_name, role.person.display_name)]
    if role.organization:
        names.append((role.organization.name,))
    targets = [role.person] + ([role.organization] if role.organization else [])
    for target, candidates in zip(targets, names, strict=True):
        span = _find(text, candidates, links)
        if span:
            links.append((*span, target.get_absolute_url()))
    links.sort()
    parts, position = [], 0
    for start, end, url in links:
        parts.append(conditional_escape(text[position:start]))
        parts.append(format_html('<a href="{}">{}</a>', url, text[start:end]))
        position = end
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))  # every part escaped above


def _find(text: str, candidates: tuple[str, ...], taken: list) -> tuple[int, int] | None:
    """The first place one of `candidates` occurs in `text` (case-insensitively), clear of
    the spans already `taken`."""
    folded = text.casefold()
    for candidate in candidates:
        if not candidate:
            continue
        start = folded.find(candidate.casefold())
        while start >= 0:
            end = start + len(candidate)
            if all(end <= a or start >= b for a, b, _ in taken):
                return start, end
            start = folded.find(candidate.casefold(), start + 1)
    return None
