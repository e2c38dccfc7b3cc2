"""Keep derived data in step with stories: the search vector after any change that feeds it,
and an address for every tag."""

import hashlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag

from newsroom.caching import pages_changed
from people.models import Organization, OrganizationAlias, Person, Role
from stories.models import Correction, Story, StoryOrganization, StoryPerson
from stories.search import refresh_search_vectors


class _Refresh:
    """The stories whose search vectors to refresh once the transaction commits: one UPDATE
    for all the rows a transaction saves (a story and its links, or a batch of imports)."""

    def __init__(self):
        self.ids: set[int] = set()

    def __call__(self):
        refresh_search_vectors(self.ids)


def refresh_search_vectors_later(story_ids) -> None:
    """Refresh these stories' search vectors once the transaction commits (one UPDATE)."""
    ids = list(story_ids)
    if not ids:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        savepoints = set(connection.savepoint_ids)
        for sids, func, _ in connection.run_on_commit:
            if isinstance(func, _Refresh) and sids == savepoints:
                func.ids.update(ids)  # rolled back with the same savepoint as these rows
                return
    refresh = _Refresh()
    refresh.ids.update(ids)
    transaction.on_commit(refresh)


@receiver(post_save, sender=Story)
def story_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or {"headline", "dek", "body"} & set(update_fields):
        refresh_search_vectors_later([instance.pk])


@receiver([post_save, post_delete], sender=StoryOrganization)
@receiver([post_save, post_delete], sender=StoryPerson)
def link_changed(sender, instance, **kwargs):
    refresh_search_vectors_later([instance.story_id])


@receiver(post_save, sender=Organization)
@receiver(post_save, sender=Person)
def name_changed(sender, instance, created=False, **kwargs):
    if not created:
        refresh_search_vectors_later(instance.story_links.values_list("story_id", flat=True))


@receiver([post_save, post_delete], sender=OrganizationAlias)
def alias_changed(sender, instance, **kwargs):
    links = StoryOrganization.objects.filter(organization_id=instance.organization_id)
    refresh_search_vectors_later(links.values_list("story_id", flat=True))


@receiver([post_save, post_delete], sender=Story)
@receiver([post_save, post_delete], sender=StoryOrganization)
@receiver([post_save, post_delete], sender=StoryPerson)
@receiver([post_save, post_delete], sender=Organization)
@receiver([post_save, post_delete], sender=Person)
@receiver([post_save, post_delete], sender=Role)
@receiver([post_save, post_delete], sender=Correction)
def readers_see_a_change(sender, **kwargs):
    """Whatever a reader can see changed: cached pages are stale (see pages_changed)."""
    pages_changed()


@receiver(pre_save, sender=Tag)
def tag_needs_an_address(sender, instance, **kwargs):
    """A tag named only with punctuation (">", "—", "!!!") slugifies to "": its page, feeds and
    every story carrying it could not be linked (NoReverseMatch, a 500 on the story page)."""
    if not instance.slug:
        digest = hashlib.sha256(instance.name.encode()).hexdigest()[:10]
        instance.slug = f"tag-{digest}"
