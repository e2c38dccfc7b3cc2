"""Profile one page as the server renders it on a cache miss (pyinstrument), in this process.

    .venv/bin/python bench/pageprofile.py /stories/story-12/ [--repeat 200] [--database-url …]
    .venv/bin/python bench/pageprofile.py story   # a page type: story, organization, person, tag,
                                              # home, feed (the archive of `make bench`)

Prints the CPU milliseconds per request (the median of --repeat) and
pyinstrument's call tree of all the requests together. Each request is at a new address, so a
page-cache miss; the listings and feeds keep their rendered body for the generation of pages
(newsroom.caching.cached_page), so this measures what an address variant costs. With --cold the
generation moves on before each request (outside the measurement), as after a publication:
the page is built from the database.
"""

import argparse
import cProfile
import pstats
import statistics
import time

from _setup import DEFAULT_BENCH_DATABASE, bench_database


def resolve(page: str) -> str:
    if page.startswith("/"):
        return page
    from taggit.models import Tag

    from people.models import Person
    from stories.models import Story

    story = Story.objects.public().order_by("-published_at")[5]
    busiest = story.story_organizations.order_by("position").first().organization
    return {
        "story": story.get_absolute_url(),
        "organization": busiest.get_absolute_url(),
        "person": Person.objects.get(pk=story.source_role.person_id).get_absolute_url(),
        "tag": f"/tags/{Tag.objects.filter(taggit_taggeditem_items__object_id=story.pk)[0].slug}/",
        "home": "/",
        "feed": "/feeds/latest.rss?limit=50",
    }[page]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    parser.add_argument(
        "--cpu", action="store_true", help="cProfile on CPU time instead (database waits aside)"
    )
    parser.add_argument(
        "--cold", action="store_true", help="a new generation of pages before each request"
    )
    args = parser.parse_args()
    bench_database(args.database_url)
    from django.core.cache import cache
    from django.test import Client
    from pyinstrument import Profiler

    from newsroom.caching import generation, invalidate_pages, max_age

    cache.clear()  # nothing from an earlier run
    client = Client()
    path = resolve(args.page)
    separator = ("&" if "?" in path else "?") + f"run{time.time_ns()}"  # addresses never cached
    for warm in range(5):
        client.get(f"{path}{separator}warm={warm}")
    times = []
    profiler = (
        cProfile.Profile(time.process_time)
        if args.cpu
        else Profiler(interval=0.001, use_timing_thread=True)
    )
    profiler.enable() if args.cpu else profiler.start()
    for number in range(args.repeat):
        if args.cold:
            profiler.disable() if args.cpu else profiler.stop()
            max_age(invalidate_pages())  # the schedule is read once per generation, in any page
            generation()
            profiler.enable() if args.cpu else profiler.start()
        started = time.process_time()
        client.get(f"{path}{separator}profile={number}")  # a new address: a page cache miss
        times.append((time.process_time() - started) * 1000)
    profiler.disable() if args.cpu else profiler.stop()
    print(f"{path}: {statistics.median(times):.2f} ms CPU per request (median of {args.repeat}),")
    if args.cpu:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
    else:
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
