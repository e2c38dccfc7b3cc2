"""The search index's narrow table (PostgreSQL): each story's search vector beside what search
filters and sorts on (status, publish time).

Why a table of its own: a search that matches thousands of stories must read, for each match,
its status and publish time. In stories_story those sit in wide rows (headline, body…), so a
GIN bitmap scan there visits most of the table; here the rows are a few dozen bytes (the vector
is kept out of line, toast_tuple_target), so the same scan reads a few hundred pages.

A trigger on stories_story (migration 0017) copies status, published_at and search_vector here
on every insert and on every change to them, however the change is made (the ORM, a bulk
update, the search-vector refresh in raw SQL). The rows mirror Story.objects.public() with
status = published and published_at <= now. On SQLite the table stays empty and unused.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class StorySearchEntry(models.Model):
    story = models.OneToOneField(
        "stories.Story", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    status = models.CharField(max_length=20)
    published_at = models.DateTimeField(null=True)
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name_plural = "story search entries"

    def __str__(self) -> str:
        return f"search entry of story {self.story_id}"
