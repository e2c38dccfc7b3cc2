"""Unique slugs for any model with a `slug` field, also when two saves race for the same one."""

from django.db import IntegrityError, connections, models, router, transaction
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
    stems = sorted({base[: max_length - 8] for base in bases})  # room for a 7-digit suffix
    in_use = _slugs_beginning_with(model, stems)
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


def _slugs_beginning_with(model: type[models.Model], stems: list[str]) -> list[str]:
    """The slugs of `model` that begin with one of `stems`, in one query per 400 stems.

    Written as SQL: the ORM spent more time building a condition of a few hundred ORs than
    the database spent answering it (a tenth of a bulk import's time). SQLite runs LIKE
    ignoring case, so it cannot use the slug's index alone: the range of the slugs that begin
    with the stem can (SQLite compares text by code point; elsewhere a range would follow the
    collation, and PostgreSQL's LIKE uses the index)."""
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    column = quote(model._meta.get_field("slug").column)
    table = quote(model._meta.db_table)
    ranged = connection.vendor == "sqlite"
    condition = f"({column} >= %s AND {column} < %s AND " if ranged else "("
    condition += f"{column} LIKE %s ESCAPE '\\')"
    found = []
    with connection.cursor() as cursor:
        for start in range(0, len(stems), 400):
            batch = stems[start : start + 400]
            params = []
            for stem in batch:
                like = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                params += [stem, stem + "\U0010ffff", like] if ranged else [like]
            where = " OR ".join([condition] * len(batch))
            cursor.execute(f"SELECT {column} FROM {table} WHERE {where}", params)
            found += [slug for (slug,) in cursor.fetchall()]
    return found


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
