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
    for all the rows a transaction saves (a story and its links, or a batch of imports). An
    alias changed names the stories of its organization, looked up once at the end too (a
    registry load or delete touches thousands of aliases)."""

    def __init__(self):
        self.ids: set[int] = set()
        self.organization_ids: set[int] = set()

    def __call__(self):
        ids = set(self.ids)
        if self.organization_ids:
            links = StoryOrganization.objects.filter(organization_id__in=self.organization_ids)
            ids.update(links.values_list("story_id", flat=True))
        refresh_search_vectors(ids)


def refresh_search_vectors_later(story_ids=(), organization_ids=()) -> None:
    """Refresh the search vectors of these stories, and of the stories of these organizations,
    once the transaction commits (one UPDATE for all)."""
    ids, organization_ids = set(story_ids), set(organization_ids)
    if not ids and not organization_ids:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        savepoints = set(connection.savepoint_ids)
        for sids, func, _ in connection.run_on_commit:
            if isinstance(func, _Refresh) and sids == savepoints:
                func.ids.update(ids)  # rolled back with the same savepoint as these rows
                func.organization_ids.update(organization_ids)
                return
    refresh = _Refresh()
    refresh.ids.update(ids)
    refresh.organization_ids.update(organization_ids)
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
    refresh_search_vectors_later(organization_ids=[instance.organization_id])


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
