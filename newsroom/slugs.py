"""Unique slugs for any model with a `slug` field, also when two saves race for the same one."""

from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import Q
from django.utils.text import slugify

SLUG_ATTEMPTS = 5


def slug_text(text: str) -> str:
    """slugify, keeping what "+" means: "C5+1" → "c5-plus-1", not "c51"."""
    return slugify(text.replace("+", " plus "))


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 80) -> str:
    """Return a slug for `text` that no row of `model` uses yet: `base`, `base-2`, `base-3`, …

    A suffix may shorten `base` to stay within `max_length`, so the slugs in use are read by a
    prefix short enough to cover every suffixed form (else "base-2" is handed out twice).
    """
    return unique_slugs(model, [text], max_length=max_length)[0]


def unique_slugs(model: type[models.Model], texts: list[str], *, max_length: int = 80) -> list[str]:
    """unique_slug for each of `texts` in turn, as if each slug were saved before the next one
    is chosen ("base", then "base-2" for a second text of the same base), in one query."""
    if not texts:
        return []
    bases = [_slug_base(text, max_length) for text in texts]
    stems = {base[: max_length - 8] for base in bases}  # room for a suffix of up to 7 digits
    # SQLite runs startswith as a LIKE, which ignores case and so cannot use the slug's index
    # (the table was read once per stem); the range of the slugs that begin with the stem can
    # (SQLite compares text by code point; elsewhere a range follows the collation).
    indexed = connections[router.db_for_read(model)].vendor == "sqlite"
    prefixes = Q()
    for stem in stems:
        prefix = Q(slug__startswith=stem)
        if indexed:
            prefix &= Q(slug__gte=stem, slug__lt=stem + "\U0010ffff")
        prefixes |= prefix
    in_use = model._default_manager.filter(prefixes).order_by().values_list("slug", flat=True)
    taken, slugs = set(in_use), []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            suffix = f"-{n}"
            slug = base[: max_length - len(suffix)].rstrip("-") + suffix
            n += 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _slug_base(text: str, max_length: int) -> str:
    full = slug_text(text)
    base = full[:max_length]
    if len(full) > max_length and "-" in base:
        base = base.rsplit("-", 1)[0]  # do not cut a word in half
    return base.strip("-") or "item"


def save_with_unique_slug(instance: models.Model, save, text: str) -> None:
    """Run `save()` (the model's own) for a new `instance` without a slug, giving it one.

    Two imports may compute the same slug at the same moment; the one whose INSERT loses gets
    an IntegrityError, inside a savepoint, and tries again with the slug the winner left free.
    """
    model = type(instance)
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        instance.slug = unique_slug(model, text)
        try:
            with transaction.atomic():
                save()
            return
        except IntegrityError:
            taken = model._default_manager.filter(slug=instance.slug).exists()
            instance.slug = ""
            if not taken or attempt == SLUG_ATTEMPTS:
                raise  # another constraint failed, or the race goes on: not ours to hide
