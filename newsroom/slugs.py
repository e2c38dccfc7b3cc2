"""Unique slugs for any model with a `slug` field."""

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 80) -> str:
    """Return a slug for `text` that no row of `model` uses yet: `base`, `base-2`, `base-3`, …"""
    full = slugify(text)
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
