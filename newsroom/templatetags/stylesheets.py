"""`{% inline_stylesheet "css/site.css" %}`: the stylesheet in a `<style>` element (see
newsroom/stylesheets.py for why, and for the names allowed)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsroom.stylesheets import stylesheet_text

register = template.Library()


@register.simple_tag
def inline_stylesheet(name: str) -> str:
    # Our own file, checked not to close the element: nothing to escape (CSS is not HTML).
    return format_html("<style>{}</style>", mark_safe(stylesheet_text(name)))
