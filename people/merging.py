"""Merge duplicate organizations or people into one survivor, in one transaction.

Everything that pointed at a removed record moves to the survivor: story tags, roles, aliases,
child organizations (and, for people, story appearances). A removed organization's name becomes
an alias of the survivor, so the importer and the suggestion engine find the survivor by it.
Models that point at organizations or people from other apps are found through Django's
relation metadata, so `people` needs no import of `stories`.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from people.models import AliasKind, Organization, OrganizationAlias, Person
from people.names import name_key


@transaction.atomic
def merge_organizations(
    survivor: Organization, others: list[Organization], *, by: AbstractBaseUser | None = None
) -> Organization:
    """Fold `others` into `survivor`; returns the survivor. The others are deleted."""
    if by is not None and not (
        by.has_perm("people.change_organization") and by.has_perm("people.delete_organization")
    ):
        raise PermissionDenied("You may not merge organizations.")
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        raise ValidationError("Choose at least two organizations to merge.")
    known = set(survivor.aliases.values_list("name_key", flat=True)) | {survivor.name_key}
    for other in others:
        for alias in other.aliases.all():
            if alias.name_key in known:
                alias.delete()
            else:
                alias.organization = survivor
                alias.save(update_fields=["organization"])
                known.add(alias.name_key)
        if other.name_key not in known:
            OrganizationAlias.objects.create(
                organization=survivor, name=other.name, kind=AliasKind.FORMER_NAME
            )
            known.add(other.name_key)
        Organization.objects.filter(parent=other).exclude(pk=survivor.pk).update(parent=survivor)
        other.roles.update(organization=survivor)
        _move_links(other, survivor, "story_links", "organization")
        for field in ("country", "website", "description"):
            if not getattr(survivor, field) and getattr(other, field):
                setattr(survivor, field, getattr(other, field))
        if survivor.parent_id == other.pk:
            survivor.parent = other.parent if other.parent_id != survivor.pk else None
        survivor.save()
        other.delete()
    return survivor


@transaction.atomic
def merge_people(
    survivor: Person, others: list[Person], *, by: AbstractBaseUser | None = None
) -> Person:
    """Fold `others` into `survivor`: their roles and story appearances move to it."""
    if by is not None and not (
        by.has_perm("people.change_person") and by.has_perm("people.delete_person")
    ):
        raise PermissionDenied("You may not merge people.")
    others = [p for p in others if p.pk != survivor.pk]
    if not others:
        raise ValidationError("Choose at least two people to merge.")
    for other in others:
        for role in other.roles.all():
            twin = survivor.roles.filter(
                title__iexact=role.title, organization_id=role.organization_id
            ).first()
            if twin is None:
                role.person = survivor
                role.save(update_fields=["person"])
            else:
                _repoint(role, twin)
                role.delete()
        _move_links(other, survivor, "story_links", "person")
        if not survivor.nickname and other.nickname:
            survivor.nickname = other.nickname
        if not survivor.bio and other.bio:
            survivor.bio = other.bio
        survivor.save()
        other.delete()
    return survivor


def _move_links(other, survivor, related_name: str, field: str) -> None:
    """Move link rows (one per story) from `other` to `survivor`, dropping duplicates."""
    links = getattr(other, related_name)
    model = links.model
    taken = set(model.objects.filter(**{field: survivor}).values_list("story_id", flat=True))
    model.objects.filter(**{field: other}, story_id__in=taken).delete()
    links.update(**{field: survivor})


def _repoint(role, twin) -> None:
    """Everything that points at `role` (stories' sources, story appearances) moves to `twin`."""
    for relation in role._meta.related_objects:
        if relation.many_to_many or relation.one_to_one:
            continue
        relation.related_model._default_manager.filter(**{relation.field.name: role}).update(
            **{relation.field.name: twin}
        )


def duplicate_key(name: str) -> str:
    """Names that differ only in word order, punctuation, "the", "of", "U.S." share a key."""
    words = name_key(name).replace(".", "").replace(",", " ").replace("-", " ").split()
    ignored = {"the", "of", "for", "and", "&", "us", "usa", "united", "states", "inc", "ltd"}
    return " ".join(sorted(w for w in words if w not in ignored))
