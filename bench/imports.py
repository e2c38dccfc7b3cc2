"""Import throughput: `import_stories` (with suggestions) over a folder of generated releases.

Sets up its own database (SQLite in a temporary folder unless DATABASE_URL is set), fills the
registry as bench/generate.py does (smaller by default), writes the releases and imports them
with the command, in this process. Prints releases per second.

    .venv/bin/python bench/imports.py [--releases 1000] [--organizations 20000] [--profile]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_x .venv/bin/python bench/imports.py

`--profile` prints pyinstrument's call tree of the import.
"""

import argparse
import io
import os
import random
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from _setup import django_setup


def write_releases(folder: Path, rng: random.Random, count: int) -> None:
    from generate import OBJECTS, SENTENCES, VERBS
    from run import RELEASE

    from people.models import Organization, Role

    orgs = list(Organization.objects.order_by("?").values_list("name", flat=True)[:300])
    roles = list(
        Role.objects.filter(organization__isnull=False)
        .order_by("?")
        .values_list("person__full_name", "title", "organization__name")[:300]
    )
    for number in range(count):
        # Most releases quote someone in the role the registry knows; one in five someone new.
        person, title, org = rng.choice(roles)
        if number % 5 == 0:
            person, title = f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. Newname{number}", "Director"
        fill = {
            "org": org,
            "org2": rng.choice(orgs),
            "person": person,
            "number": number,
            "count": 7,
            "day": "Monday",
        }
        body = "\n\n".join(
            " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(4)) for _ in range(6)
        )
        headline = f"{fill['org']} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (release {number})"
        text = RELEASE.format(
            headline=headline,
            asset=f"bench{number}",
            person=person,
            title=title,
            org=fill["org"],
            body=body,
        )
        (folder / f"release-{number:04d}.txt").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--organizations", type=int, default=20_000)
    parser.add_argument("--aliases", type=int, default=60_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true", help="print pyinstrument's call tree")
    parser.add_argument("--cpu", action="store_true", help="cProfile on CPU time, top 40")
    parser.add_argument("--queries", action="store_true", help="the slowest kinds of query")
    parser.add_argument("--twice", action="store_true", help="import again (all unchanged)")
    args = parser.parse_args()
    os.environ.setdefault("DEBUG", "0")  # as in production: no query log kept per statement
    django_setup()
    from django.core.management import call_command
    from generate import make_registry

    from people.models import Organization
    from stories.models import Story

    rng = random.Random(13)
    if not Organization.objects.exists():
        started = time.perf_counter()
        make_registry(SimpleNamespace(**vars(args)), rng)
        print(f"registry: {time.perf_counter() - started:.1f} s")
    Story.objects.filter(import_key__isnull=False).delete()
    folder = Path(tempfile.mkdtemp(prefix="newsroom-releases-"))
    write_releases(folder, rng, args.releases)
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    if args.cpu:
        import cProfile

        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
    if args.queries:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        capture = CaptureQueriesContext(connection)
        capture.__enter__()
    for run in ("first import", "again (unchanged)") if args.twice else ("first import",):
        started, cpu = time.perf_counter(), time.process_time()
        call_command("import_stories", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
        elapsed = time.perf_counter() - started
        count = Story.objects.filter(import_key__isnull=False).count()
        print(
            f"{run}: {count} stories, {args.releases / elapsed:,.0f} releases/s "
            f"({elapsed:.2f} s, {time.process_time() - cpu:.2f} s CPU)"
        )
    if args.queries:
        capture.__exit__(None, None, None)
        kinds: dict[str, list[float]] = {}
        for query in capture.captured_queries:
            kinds.setdefault(query["sql"][:110], []).append(float(query["time"]))
        print(f"{len(capture.captured_queries) / args.releases:.1f} queries per release")
        for sql, times in sorted(kinds.items(), key=lambda k: -sum(k[1]))[:12]:
            print(f"{sum(times):7.2f} s {len(times):5}x  {sql}")
    if args.cpu:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    elif profiler:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
