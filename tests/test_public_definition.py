"""One definition of what readers may see: Story.is_public, the exporters' own "public" (the
records' flag and the default selection) and Story.objects.public() agree on every story."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from stories.exporters import Selection, select_stories
from stories.exporters.records import story_records
from stories.models import Story, StoryStatus
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

OFFSETS = [None, timedelta(days=-30), timedelta(seconds=-1), timedelta(0),
           timedelta(seconds=1), timedelta(days=30)]  # fmt: skip


def test_every_definition_of_public_agrees_for_every_status_and_time():
    now = timezone.now().replace(microsecond=0)
    with time_machine.travel(now, tick=False):
        for status in StoryStatus.values:
            for offset in OFFSETS:
                if status == StoryStatus.PUBLISHED and offset is None:
                    continue  # the database refuses a published story without a time
                StoryFactory(status=status, published_at=None if offset is None else now + offset)
        queryset = set(Story.objects.public().values_list("pk", flat=True))
        model = {s.pk for s in Story.objects.all() if s.is_public}
        records = {r.row["pk"] for r in story_records(Story.objects.all()) if r.public}
        selected = set(select_stories(Selection()).values_list("pk", flat=True))
    assert queryset == model == records == selected
    # Not vacuous: some stories are public (at the very second included), some not yet.
    assert len(queryset) == 3 and Story.objects.count() == len(StoryStatus.values) * 6 - 1
