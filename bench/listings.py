"""The reader's listing pages on the benchmark archive: the first page and a page deep in the
archive (reached by its Older cursor), with their query counts and database time.

    .venv/bin/python bench/listings.py [--repeat 5] [--database-url postgres://…/nr_bench]

Each page is rendered in this process on a cache miss (the page cache cleared before each
request); the median of --repeat is printed, with the queries of one request. "deep" is the page
just after the story 90% of the way down the listing: with OFFSET it would cost a scan of the
stories before it, with the (published_at, id) cursor it costs what the first page costs.
"""

import argparse
import statistics
import time

from _setup import DEFAULT_BENCH_DATABASE, bench_database


def pages() -> dict[str, str]:
    from django.db.models import Count
    from taggit.models import Tag

    from people.models import Organization, Person
    from stories.models import Story

    busiest = (
        Organization.objects.annotate(n=Count("story_links")).order_by("-n").only("slug").first()
    )
    rare = (
        Organization.objects.annotate(n=Count("story_links"))
        .filter(n__gte=3)
        .order_by("n")
        .only("slug")
        .first()
    )
    person = Person.objects.annotate(n=Count("story_links")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n").first()
    country = (
        Organization.objects.exclude(country="").values_list("country", flat=True).first() or "US"
    )
    total = Story.objects.public().count()
    return {
        "home": "/",
        "section government": "/sections/government/",
        "section companies": "/sections/companies/",
        f"organization (busiest, {busiest.n} stories)": busiest.get_absolute_url(),
        f"organization ({rare.n} stories)": rare.get_absolute_url(),
        f"person ({person.n} stories)": person.get_absolute_url(),
        f"tag ({tag.n} stories)": f"/tags/{tag.slug}/",
        f"country {country}": f"/countries/{country.lower()}/",
        "countries": "/countries/",
        "organizations A–Z": "/organizations/",
        "organizations ?q=energy": "/organizations/?q=energy",
        "names.json ?q=nat": "/organizations/names.json?q=nat",
        f"({total:,} public stories)": "",
    }


def deep_cursor(path: str) -> str | None:
    """The ?before= of the page 90% of the way down the listing at `path` (None: not a story
    listing)."""
    from django.urls import resolve

    from newsroom.keyset import Cursor
    from people.views import OrganizationDetailView, PersonDetailView
    from stories.models import Story
    from stories.views import CountryView, SectionView, TagView

    match = resolve(path.split("?")[0])
    if "?" in path:
        return None
    view = getattr(match.func, "view_class", None)
    stories = Story.objects.public()
    if path == "/":
        pass
    elif view is SectionView:
        from stories.sections import SECTIONS_BY_SLUG

        stories = SECTIONS_BY_SLUG[match.kwargs["slug"]].stories()
    elif view is CountryView:
        from stories.sections import country_named

        stories = country_named(match.kwargs["code"]).stories()
    elif view is TagView:
        stories = stories.filter(tags__slug=match.kwargs["slug"])
    elif view is OrganizationDetailView:
        stories = stories.filter(story_organizations__organization__slug=match.kwargs["slug"])
    elif view is PersonDetailView:
        stories = stories.quoting(slug=match.kwargs["slug"])
    else:
        return None
    n = stories.count()
    row = (
        stories.order_by("-published_at", "-pk")
        .values_list("published_at", "pk")[int(n * 0.9) : int(n * 0.9) + 1]
        .first()
    )
    return f"?before={Cursor(*row)}" if row else None


def measure(client, url: str, repeat: int) -> tuple[float, int, float]:
    """Median milliseconds, queries, and database milliseconds of one request."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, db = [], 0, 0.0
    for _ in range(repeat):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured.captured_queries)
        db = sum(float(q["time"]) for q in captured.captured_queries) * 1000
    return statistics.median(times), queries, db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    args = parser.parse_args()
    bench_database(args.database_url)
    from django.conf import settings
    from django.test import Client

    settings.DEBUG = True  # to read the queries' times; templates as in production
    client = Client()
    print(
        f"{'page':<42} {'first ms':>9} {'q':>3} {'db ms':>7}   {'deep ms':>8} {'q':>3} {'db ms':>7}"
    )
    for name, path in pages().items():
        if not path:
            print(name)
            continue
        first = measure(client, path, args.repeat)
        cursor = deep_cursor(path)
        deep = measure(client, path + cursor, args.repeat) if cursor else None
        line = f"{name:<42} {first[0]:>9.1f} {first[1]:>3} {first[2]:>7.1f}"
        if deep:
            line += f"   {deep[0]:>8.1f} {deep[1]:>3} {deep[2]:>7.1f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
