"""Export benchmark: NDJSON (ninjs) of N stories with 5 organizations, 4 tags and 2 people each.

Fills a throwaway database to 10,000 then 100,000 stories and, at each size, runs
`manage.py export_stories --format ndjson` in a child process, reporting stories per second
and the child's peak memory (ru_maxrss).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from _setup import ROOT, django_setup


def fill(target: int, rng: random.Random) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from people.models import Organization, Person, Role
    from stories.models import Story, StoryOrganization, StoryPerson

    if not Organization.objects.exists():
        Organization.objects.bulk_create(
            Organization(name=f"Bench Agency {i}", name_key=f"bench agency {i}", slug=f"bench-{i}",
                         kind="agency") for i in range(500))  # fmt: skip
        Person.objects.bulk_create(
            Person(full_name=f"Bench Person {i}", name_key=f"bench person {i}", slug=f"p-{i}")
            for i in range(300))  # fmt: skip
        Tag.objects.bulk_create(Tag(name=f"topic {i}", slug=f"topic-{i}") for i in range(200))
        people = list(Person.objects.all())
        orgs = list(Organization.objects.all())
        Role.objects.bulk_create(
            Role(person=p, title="Spokesperson", organization=rng.choice(orgs)) for p in people
        )
    orgs = list(Organization.objects.values_list("pk", flat=True))
    roles = list(Role.objects.values_list("pk", "person_id"))
    tags = list(Tag.objects.values_list("pk", flat=True))
    story_type = ContentType.objects.get_for_model(Story)
    now = timezone.now()
    body = " ".join(["The ministry said the agreement would help exporters and farmers."] * 40)
    start = Story.objects.count()
    while start < target:
        batch = min(5000, target - start)
        with transaction.atomic():
            stories = Story.objects.bulk_create(
                Story(headline=f"Bench story {i}", slug=f"bench-story-{i}", body=body,
                      status="published", published_at=now - timedelta(minutes=i),
                      source_role_id=rng.choice(roles)[0], source_label="Official Website")
                for i in range(start, start + batch))  # fmt: skip
            links, people, tagged = [], [], []
            for story in stories:
                for position, org in enumerate(rng.sample(orgs, 5)):
                    links.append(StoryOrganization(
                        story_id=story.pk, organization_id=org, position=position,
                        origin="imported"))  # fmt: skip
                for position, (role, person) in enumerate(rng.sample(roles, 2)):
                    people.append(StoryPerson(story_id=story.pk, person_id=person, role_id=role,
                                              position=position))  # fmt: skip
                for tag in rng.sample(tags, 4):
                    tagged.append(TaggedItem(content_type=story_type, object_id=story.pk,
                                             tag_id=tag))  # fmt: skip
            StoryOrganization.objects.bulk_create(links, batch_size=5000)
            StoryPerson.objects.bulk_create(people, batch_size=5000)
            TaggedItem.objects.bulk_create(tagged, batch_size=5000)
        start += batch


def measure(output: Path) -> tuple[int, float, float]:
    """Run the export in a child process; its own time and its peak resident memory.

    GNU time runs the child, so that the child is forked from a small process: a child forked
    from this one (which holds the generated data) would start with this one's memory counted."""
    command = [sys.executable, "manage.py", "export_stories", "--format", "ndjson", "--output",
               str(output)]  # fmt: skip
    result = subprocess.run(
        ["/usr/bin/time", "-f", "peak-kb=%M", *command],
        cwd=ROOT, check=True, env=os.environ.copy(), capture_output=True, text=True,
    )  # fmt: skip
    # The command reports its own time, Django's start-up excluded: "… in 1.9 s."
    elapsed = float(re.search(r"in ([0-9.]+) s", result.stderr)[1])
    peak_kb = int(re.search(r"peak-kb=(\d+)", result.stderr)[1])
    lines = sum(1 for _ in output.open("rb"))
    return lines, elapsed, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    django_setup()
    rng = random.Random(11)
    output = Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).parent / "export.ndjson"
    for size in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        fill(size, rng)
        print(f"filled to {size:,} stories in {time.perf_counter() - started:.0f} s")
        lines, elapsed, peak = measure(output)
        print(f"  export: {lines:,} stories in {elapsed:.1f} s = {lines / elapsed:,.0f} stories/s; "
              f"peak memory of the export process {peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
