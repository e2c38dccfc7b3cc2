"""Machine-readable dates for templates."""

from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso8601(value: datetime | None) -> str:
    """`2026-11-27T09:30:00+00:00`: seconds precision, with the zone, for `<time datetime>`."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
