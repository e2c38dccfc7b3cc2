"""The admin story list and story form on the archive of `make bench`, in this process: p50
over --repeat requests (test client, signed in as a superuser) and the queries of each page.

    .venv/bin/python bench/adminpages.py [--repeat 20] [--database-url postgres://…/nr_bench]
    .venv/bin/python bench/adminpages.py --varied [--repeat 5]

`--varied` times the story list as editors use it: each filter, each sortable column, searches
(a common word, a rare one, a person, a slug), a deep page; every page with a cold cache (the
filters' cached choices cleared before each request) and the p50 of each, then the p50 and p95
over all of them.
"""

import argparse
import statistics
import time

from _setup import DEFAULT_BENCH_DATABASE, bench_database


def varied_pages() -> dict[str, str]:
    """Addresses of the story list: filters, sorts, searches and a deep page."""
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from people.models import Organization, Person
    from stories.models import Story, StoryOrganization

    changelist = reverse("admin:stories_story_changelist")
    busiest = (
        StoryOrganization.objects.filter(story__in=Story.objects.order_by("-pk")[:2000])
        .values_list("organization__slug", flat=True)
        .first()
    )
    rare = Organization.objects.order_by("-pk").values_list("slug", flat=True).first()
    person = Person.objects.order_by("pk").values_list("full_name", flat=True).first()
    slug = Story.objects.order_by("pk").values_list("slug", flat=True)[500]
    week_ago = (timezone.localdate() - timedelta(days=7)).isoformat()
    queries = {
        "plain": "",
        "status draft": "status__exact=draft",
        "status published": "status__exact=published",
        "written by me": "mine=created",
        "imported, to review": "mine=imported",
        "scheduled": "when=scheduled",
        "public now": "when=public",
        "no organizations yet": "tagged=no",
        "has organizations": "tagged=yes",
        "a busy organization": f"organization={busiest}",
        "a rare organization": f"organization={rare}",
        "published past 7 days": f"published_at__gte={week_ago}",
        "image webp": "image_format__exact=webp",
        "with copies": "copies=yes",
        "one source only": "copies=no",
        "quotes to attribute": "quotes=unattributed",
        "sorted by headline": "o=1",
        "sorted by status": "o=2",
        "sorted by source": "o=3",
        "sorted by oldest change": "o=-6",
        "page 50": "p=50",
        "search a common word": "q=energy",
        "search two words": "q=coastal+flooding",
        "search a rare word": "q=platypus",
        "search a person": f"q={person.replace(' ', '+')}",
        "search a slug": f"q={slug}",
        "search and draft": "q=energy&status__exact=draft",
    }
    return {
        name: f"{changelist}?{query}" if query else changelist for name, query in queries.items()
    }


def time_pages(pages: dict[str, str], repeat: int, *, cold: bool) -> dict[str, list[float]]:
    """Milliseconds of each request to each page (after one request to warm the process)."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    times: dict[str, list[float]] = {}
    for name, url in pages.items():
        client.get(url)
        times[name] = []
        for _ in range(repeat):
            if cold:
                cache.clear()
                client.force_login(user)  # the session lives in the cache too
            started = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    parser.add_argument("--varied", action="store_true", help="filters, sorts and searches")
    args = parser.parse_args()
    bench_database(args.database_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from run import admin_timings

    if args.varied:
        pages = varied_pages()
        with CaptureQueriesContext(connection) as queries:
            times = time_pages(pages, args.repeat, cold=True)
        for name, ms in times.items():
            print(f"{name:<28} p50 {statistics.median(ms):7,.0f} ms  max {max(ms):7,.0f} ms")
        medians = [statistics.median(ms) for ms in times.values()]
        print(
            f"over {len(pages)} pages: p50 of the p50s {statistics.median(medians):,.0f} ms, "
            f"p95 {percentile(medians, 0.95):,.0f} ms, worst {max(medians):,.0f} ms"
        )
    else:
        with CaptureQueriesContext(connection) as queries:
            timings = admin_timings(repeat=args.repeat)
        for name, ms in timings.items():
            print(f"{name}: p50 {ms:,.0f} ms")
        per_page = len(queries.captured_queries) / (args.repeat + 1) / len(timings)
        print(f"about {per_page:.0f} queries per page")
    slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]
    for query in slowest:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:160]}")


if __name__ == "__main__":
    main()
