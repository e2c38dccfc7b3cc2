"""Unique slugs for any model with a `slug` field."""

from django.db import models
from django.utils.text import slugify


def slug_text(text: str) -> str:
    """slugify, keeping what "+" means: "C5+1" → "c5-plus-1", not "c51"."""
    return slugify(text.replace("+", " plus "))


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 80) -> str:
    """Return a slug for `text` that no row of `model` uses yet: `base`, `base-2`, `base-3`, …"""
    full = slug_text(text)
    base = full[:max_length]
    if len(full) > max_length and "-" in base:
        base = base.rsplit("-", 1)[0]  # do not cut a word in half
    base = base.strip("-") or "item"
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
        n += 1
    return slug
