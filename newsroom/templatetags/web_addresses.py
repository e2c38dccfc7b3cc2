"""`{{ value|web_url }}`: the address when it is http(s), else "" (never a `javascript:` href)."""

from django import template

from newsroom.web_addresses import is_web_url

register = template.Library()


@register.filter
def web_url(value: object) -> str:
    return value if is_web_url(value) else ""
