"""Story slugs are unique whatever the headline: long headlines that differ only at the end,
the same headline every day, and two imports saving at the same moment."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from newsroom import slugs
from newsroom.slugs import slug_text
from people.models import Organization
from stories.models import Story
from tests.factories import StoryFactory

RELEASE = """\
{headline}

Webp asset{n}
Ann Poe, Director of the Bureau of Widget Safety | Official Website

{headline}

ORGANIZATIONS IN THIS STORY

Release number {n} about the press office.

ORGANIZATIONS IN THIS STORY
"""
# Its slug has a hyphen at position 80, where the slug is cut: the edge that used to collide.
LONG = "The U.S. Department of State announces that its new Principal Deputy Spokesperson "
LONG += "Vedant Patel joins the press office, part {n}"


@pytest.mark.django_db
def test_eight_releases_differing_after_the_80th_character_are_eight_stories(tmp_path):
    assert slug_text(LONG.format(n=1))[79] == "-"
    for n in range(1, 9):
        (tmp_path / f"{n}.txt").write_text(RELEASE.format(headline=LONG.format(n=n), n=n))
    out = StringIO()
    call_command("import_stories", str(tmp_path), stdout=out, stderr=StringIO())
    assert out.getvalue().strip().endswith("8 created.")
    slugs_made = list(Story.objects.values_list("slug", flat=True))
    assert len(set(slugs_made)) == 8
    assert all(len(slug) <= 80 for slug in slugs_made)
    for story in Story.objects.all():  # each one has its own page
        assert Story.objects.get(slug=story.slug) == story


@pytest.mark.django_db
def test_the_same_headline_every_day_gets_a_slug_every_day():
    made = [
        StoryFactory(slug="", headline="Department Press Briefing — November 27, 2026").slug
        for _ in range(12)
    ] + [StoryFactory(slug="", headline="Department Press Briefing").slug for _ in range(12)]
    assert len(set(made)) == 24
    assert made[:3] == [
        "department-press-briefing-november-27-2026",
        "department-press-briefing-november-27-2026-2",
        "department-press-briefing-november-27-2026-3",
    ]
    long_ones = [StoryFactory(slug="", headline="W" * 90 + f" {n}").slug for n in range(12)]
    assert len(set(long_ones)) == 12 and all(len(slug) <= 80 for slug in long_ones)


@pytest.mark.django_db
def test_organizations_with_long_similar_names_get_their_own_slugs():
    names = [LONG.format(n=n) for n in range(1, 6)]
    made = [Organization.objects.create(name=name).slug for name in names]
    assert len(set(made)) == 5


def import_at_once(paths, monkeypatch) -> tuple[list, list[str]]:
    """Import each file in its own thread; every thread computes its story's slug, then waits
    for the others (a barrier) before saving, so that they race for the same one."""
    barrier = threading.Barrier(len(paths), timeout=3)
    first_call = threading.local()
    raced = []
    real = slugs.unique_slug

    def racing(model, text, **kwargs):
        slug = real(model, text, **kwargs)
        if model is Story and not getattr(first_call, "done", False):
            first_call.done = True
            try:
                barrier.wait()  # every thread now holds the same slug
                raced.append(slug)
            except threading.BrokenBarrierError:
                pass  # SQLite: one writer at a time, the others wait for its lock
        return slug

    monkeypatch.setattr(slugs, "unique_slug", racing)
    outcomes = []

    def run(path):
        out, err = StringIO(), StringIO()
        try:
            call_command("import_stories", str(path), stdout=out, stderr=err)
            outcomes.append(out.getvalue().split()[0])
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            outcomes.append(f"{exc}: {err.getvalue()}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes), raced


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("headlines", "outcomes", "made"),
    [
        # Two releases whose slugs are cut to the same 80 characters: two stories.
        ([LONG.format(n=1), LONG.format(n=2)], ["created", "created"],
         [slug_text(LONG.format(n=1))[:79], slug_text(LONG.format(n=1))[:78] + "-2"]),
        # The same release from two wires at once: one story, created by one, updated by the other.
        (["Department Press Briefing — November 28, 2026"] * 2, ["created", "updated"],
         ["department-press-briefing-november-28-2026"]),
    ],
)  # fmt: skip
def test_two_imports_saving_at_once_both_succeed(tmp_path, monkeypatch, headlines, outcomes, made):
    # The source is known (an earlier release): the race is for the story alone.
    earlier = tmp_path / "earlier.txt"
    earlier.write_text(RELEASE.format(headline="An earlier release", n=9))
    call_command("import_stories", str(earlier), stdout=StringIO(), stderr=StringIO())
    paths = []
    for n, headline in enumerate(headlines):
        path = tmp_path / f"{n}.txt"
        path.write_text(RELEASE.format(headline=headline, n=n))
        paths.append(path)
    found, raced = import_at_once(paths, monkeypatch)
    assert found == outcomes
    assert sorted(Story.objects.exclude(headline="An earlier release").values_list(
        "slug", flat=True)) == sorted(made)  # fmt: skip
    if connection.vendor == "postgresql":  # where the race is real
        assert len(raced) == 2 and raced[0] == raced[1]
