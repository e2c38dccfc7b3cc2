"""The benchmark suite (`make bench`): the site served as in production, measured against a
trivial Django view served by the same server in the same run.

1. Generates the archive into its own PostgreSQL database (bench/generate.py; once).
2. Counts the queries of each page type (in this process, with the test client).
3. Starts gunicorn with gunicorn.conf.py (DEBUG off, Redis page cache, BENCH on for
   /bench/trivial) and loads every page type with wrk on loopback, uncached (each request a
   new address, so a cache miss) and cached (the same addresses, warmed), reporting req/s,
   p50/p99 latency, the server's CPU time per request and the ratio to the trivial view.
4. Search latency over 200 varied queries; the admin story list and story form; export, import
   and tagging throughput.

Prints a markdown table and writes bench/results/latest.md.

    .venv/bin/python bench/run.py [--stories 100000] [--duration 10] [--workers 2]
    BENCH_STORIES=10000 make bench        # a smaller archive, to try it quickly
"""

import argparse
import io
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from _setup import ROOT, bench_database, progress
from generate import arguments as generator_arguments
from generate import generate

RESULTS = ROOT / "bench" / "results"
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class PageType:
    name: str
    paths: list[str]
    target: float  # the least share of the trivial view's req/s, uncached
    queries: int | None = None
    runs: dict = field(default_factory=dict)  # "uncached"/"cached" -> Load


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float  # server CPU time (all workers) per request
    errors: int


# ---------------------------------------------------------------------------------------------
# What to request


def page_types(rng: random.Random) -> list[PageType]:
    from django.db.models import Count, Q
    from taggit.models import Tag

    from people.models import Organization, Person
    from stories.models import Story

    public = Story.objects.public()
    newest = public.order_by("-published_at").values_list("slug", flat=True)
    story_slugs = list(public.values_list("slug", flat=True).order_by("?")[:200])
    in_public = Q(stories__status="published")
    organizations = list(
        Organization.objects.annotate(n=Count("stories", filter=in_public))
        .filter(n__gt=0)
        .order_by("?")
        .values_list("slug", flat=True)[:50]
    )
    people = list(
        Person.objects.filter(roles__sourced_stories__status="published")
        .distinct()
        .order_by("?")
        .values_list("slug", flat=True)[:50]
    )
    tags = list(Tag.objects.order_by("?").values_list("slug", flat=True)[:50])
    return [
        PageType("story", [f"/stories/{newest[5]}/"], 0.12),
        PageType("200 random stories", [f"/stories/{s}/" for s in story_slugs], 0.12),
        PageType("organization", [f"/organizations/{s}/" for s in organizations], 0.10),
        PageType("person", [f"/people/{s}/" for s in people], 0.10),
        PageType("tag", [f"/tags/{s}/" for s in tags], 0.10),
        PageType("home", ["/"], 0.10),
        PageType("RSS feed, 50 items", ["/feeds/latest.rss?limit=50"], 0.05),
        PageType("search", [search_path(q) for q in search_queries(rng, 200)], 0.0),
    ]


def search_queries(rng: random.Random, count: int) -> list[dict]:
    """Varied searches: topic words, phrases, organization and person names, acronyms, words
    found nowhere, some with an organization or a date filter."""
    from generate import OBJECTS, TOPICS

    from people.models import Organization, OrganizationAlias, Person

    def sample(values, k: int) -> list:  # the same ones for the same seed, run after run
        values = list(values)
        return rng.sample(values, min(k, len(values)))

    names = sample(Organization.objects.order_by("pk").values_list("name", flat=True), 60)
    slugs = sample(Organization.objects.order_by("pk").values_list("slug", flat=True), 30)
    acronyms = sample(
        OrganizationAlias.objects.filter(kind="acronym")
        .order_by("pk")
        .values_list("name", flat=True),
        30,
    )
    people = sample(Person.objects.order_by("pk").values_list("full_name", flat=True), 40)
    makers = [
        lambda: rng.choice(TOPICS).lower(),
        lambda: f"{rng.choice(TOPICS)} {rng.choice(TOPICS)}".lower(),
        lambda: " ".join(rng.choice(OBJECTS).split()[-2:]),
        lambda: f'"{rng.choice(OBJECTS)}"',
        lambda: rng.choice(names),
        lambda: rng.choice(acronyms),
        lambda: rng.choice(people),
        lambda: f"{rng.choice(TOPICS).lower()} -{rng.choice(TOPICS).lower()}",
        lambda: rng.choice(["zyxwv", "quantum teleportation", "platypus"]),
    ]
    queries = []
    for number in range(count):
        query = {"q": rng.choice(makers)()}
        if number % 7 == 0:
            query["organization"] = rng.choice(slugs)
        if number % 11 == 0:
            query["from"] = f"{rng.randrange(2022, 2026)}-0{rng.randrange(1, 10)}-01"
        queries.append(query)
    return queries


def search_path(query: dict) -> str:
    from urllib.parse import urlencode

    return f"/search/?{urlencode(query)}"


# ---------------------------------------------------------------------------------------------
# In-process measurements (the test client; DEBUG off)


def count_queries(types: list[PageType]) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for page_type in types:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page_type.paths[0])
        if response.status_code != 200:
            sys.exit(f"{page_type.paths[0]} answered {response.status_code}")
        page_type.queries = len(queries)


def admin_timings(repeat: int = 7) -> dict[str, float]:
    """p50 milliseconds of the story changelist and the story change form, as a superuser."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from stories.models import Story

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    story = Story.objects.public().order_by("-published_at")[3]
    pages = {
        "admin story list (changelist)": reverse("admin:stories_story_changelist"),
        "admin story list, searched": reverse("admin:stories_story_changelist") + "?q=energy",
        "admin story form": reverse("admin:stories_story_change", args=[story.pk]),
    }
    timings = {}
    for name, url in pages.items():
        client.get(url)  # warm
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings[name] = statistics.median(times)
    return timings


def export_throughput(folder: Path, most: int) -> tuple[int, float]:
    """Export the newest `most` public stories or so (all after a date) to NDJSON (ninjs)."""
    from django.core.management import call_command

    from stories.models import Story

    newest = Story.objects.public().order_by("-published_at").values_list("published_at", flat=True)
    since = newest[most - 1] if newest.count() > most else None
    output = folder / "export.ndjson"
    started = time.perf_counter()
    call_command(
        "export_stories",
        *(["--since", since.date().isoformat()] if since else []),
        format="ndjson",
        output=str(output),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    elapsed = time.perf_counter() - started
    with output.open("rb") as lines:
        return sum(1 for _ in lines), elapsed


RELEASE = """{headline}

Webp {asset}
{person}, {title} of the {org} | Official Website

{headline}

ORGANIZATIONS IN THIS STORY

{body}

ORGANIZATIONS IN THIS STORY
"""


def import_throughput(folder: Path, rng: random.Random, count: int) -> tuple[int, float]:
    """Import `count` generated press releases (with suggestions) and remove them again."""
    from django.core.management import call_command
    from generate import OBJECTS, SENTENCES, VERBS

    from people.models import Organization, Role
    from stories.models import Story

    releases = folder / "releases"
    releases.mkdir()
    orgs = list(Organization.objects.order_by("?").values_list("name", flat=True)[:300])
    roles = list(Role.objects.order_by("?").values_list("person__full_name", "title")[:300])
    run = rng.randrange(10**9)
    for number in range(count):
        person, title = rng.choice(roles)
        fill = {
            "org": rng.choice(orgs),
            "org2": rng.choice(orgs),
            "person": person,
            "number": number,
            "count": 7,
            "day": "Monday",
        }
        body = "\n\n".join(
            " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(4)) for _ in range(6)
        )
        headline = (
            f"{fill['org']} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (release {run}-{number})"
        )
        text = RELEASE.format(
            headline=headline,
            asset=f"bench{run}x{number}",
            person=person,
            title=title,
            org=fill["org"],
            body=body,
        )
        (releases / f"release-{number:03d}.txt").write_text(text)
    imported = Story.objects.filter(import_key__isnull=False)  # the archive has none of its own
    imported.delete()  # left by an interrupted run
    started = time.perf_counter()
    call_command("import_stories", str(releases), stdout=io.StringIO(), stderr=io.StringIO())
    elapsed = time.perf_counter() - started
    count = imported.count()
    imported.delete()  # leave the archive as it was
    return count, elapsed


def tagging_throughput(count: int = 1000) -> tuple[float, int, float]:
    """Seconds to build the suggestion engine from the registry; stories matched per second."""
    from people.suggestions import build_index
    from stories.models import Story

    started = time.perf_counter()
    index = build_index()
    built = time.perf_counter() - started
    texts = [
        f"{headline}\n\n{body}"
        for headline, body in Story.objects.order_by("?").values_list("headline", "body")[:count]
    ]
    started = time.perf_counter()
    for text in texts:
        index.find(text)
    return built, len(texts), time.perf_counter() - started


# ---------------------------------------------------------------------------------------------
# The server and wrk


class Server:
    """gunicorn with the repository's configuration, as `make serve` runs it."""

    def __init__(self, port: int, workers: int, redis_url: str, log: Path):
        self.url = f"http://127.0.0.1:{port}"
        environment = {
            **os.environ,
            "BENCH": "1",
            "REDIS_URL": redis_url,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_LOG_LEVEL": "warning",
        }
        self.log = log.open("w")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        # No access log while measuring: writing it is not what is measured.
        self.process = subprocess.Popen(
            [str(gunicorn), "--config", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{self.url}/bench/trivial", timeout=5).read()
                return
            except OSError:
                time.sleep(0.2)
        sys.exit(f"gunicorn did not start; see {log}")

    def cpu_seconds(self) -> float:
        """CPU time used so far by the master and its workers, those it has replaced included
        (a worker recycled after max_requests counts in the master's cutime and cstime; left
        out, the figure could go down between two readings)."""
        total = 0
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        for pid in [self.process.pid, *children.read_text().split()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
            if pid == self.process.pid:
                total += int(fields[13]) + int(fields[14])  # cutime, cstime: workers gone
        return total / TICKS

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        self.log.close()


LUA = """
local paths = {%s}
local bust = %s
local n = 0
local run = math.random(1, 1000000000)
request = function()
  n = n + 1
  local path = paths[(n %% #paths) + 1]
  if bust then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "nrbench=" .. run .. "-" .. n
  end
  return wrk.format("GET", path)
end
"""


def load(server: Server, paths: list[str], *, bust: bool, args, folder: Path) -> Load:
    """wrk against `paths` (in turn) for args.duration seconds on loopback."""
    script = folder / "paths.lua"
    script.write_text(LUA % (", ".join(json.dumps(p) for p in paths), "true" if bust else "false"))
    cpu = server.cpu_seconds()
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            server.url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    cpu = server.cpu_seconds() - cpu
    output = result.stdout
    requests = int(re.search(r"(\d+) requests in", output)[1])
    errors = int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += int(m[1]) + int(m[4])
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([0-9.]+)", output)[1]),
        p50_ms=_ms(re.search(r"\s50%\s+([0-9.]+\w+)", output)[1]),
        p99_ms=_ms(re.search(r"\s99%\s+([0-9.]+\w+)", output)[1]),
        cpu_ms=cpu * 1000 / max(requests, 1),
        errors=errors,
    )


def _ms(value: str) -> float:
    number, unit = re.match(r"([0-9.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def warm(server: Server, paths: list[str]) -> None:
    for path in paths:
        with urllib.request.urlopen(server.url + path, timeout=120) as response:
            if response.status != 200:
                sys.exit(f"{path} answered {response.status}")


def search_latency(server: Server, paths: list[str]) -> list[float]:
    """Milliseconds for each search, one at a time, uncached."""
    times = []
    for number, path in enumerate(paths):
        started = time.perf_counter()
        with urllib.request.urlopen(f"{server.url}{path}&nrbench=latency-{number}") as response:
            response.read()
        times.append((time.perf_counter() - started) * 1000)
    return times


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


# ---------------------------------------------------------------------------------------------
# The report


def step(name: str) -> None:
    print(f"… {name}", file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(args, stories: int, trivial: list[Load], types: list[PageType], extra: dict) -> str:
    ceiling = statistics.mean(t.requests_per_second for t in trivial)
    lines = [
        "# Newsroom benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {stories:,} stories "
        f"({extra['archive']}); gunicorn {args.workers} sync workers, DEBUG off, Redis page "
        f"cache, PostgreSQL; wrk -t1 -c{args.connections} -d{args.duration}s on loopback; "
        f"{os.cpu_count()} CPUs. Command: `{extra['command']}`.",
        "",
        f"Trivial view (/bench/trivial: Django and its middleware, a fixed 20 KB page, no "
        f"template, no database): {ceiling:,.0f} req/s (runs: "
        + ", ".join(f"{t.requests_per_second:,.0f}" for t in trivial)
        + f"; p50 {trivial[0].p50_ms:.1f} ms; server CPU {trivial[0].cpu_ms:.2f} ms/request).",
        "",
        "| page | cache | req/s | p50 ms | p99 ms | % of trivial | target | server CPU ms/req "
        "| queries | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page_type in types:
        for mode, run in page_type.runs.items():
            share = run.requests_per_second / ceiling
            target = page_type.target if mode == "uncached" else 0.5
            verdict = "" if not target else (" ✓" if share >= target else " ✗")
            lines.append(
                f"| {page_type.name} | {mode} | {run.requests_per_second:,.0f} | "
                f"{run.p50_ms:.1f} | {run.p99_ms:.1f} | {share:.1%}{verdict} | "
                f"{f'≥ {target:.0%}' if target else ''} | {run.cpu_ms:.1f} | "
                f"{page_type.queries if mode == 'uncached' else ''} | {run.errors} |"
            )
    lines += ["", "| measurement | result | target |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in extra["other"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = generator_arguments(argparse.ArgumentParser(description=__doc__.split("\n")[0]))
    parser.set_defaults(stories=int(os.environ.get("BENCH_STORIES", 100_000)))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument("--only", help="comma-separated page types to load (default: all)")
    parser.add_argument(
        "--releases",
        type=int,
        default=int(os.environ.get("BENCH_RELEASES", 1000)),
        help="press releases to import for the import throughput",
    )
    parser.add_argument(
        "--export",
        type=int,
        default=int(os.environ.get("BENCH_EXPORT", 20_000)),
        help="about how many stories to export for the export throughput",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing (Debian: apt-get install wrk)")
    scale = args.stories / 100_000
    if args.stories < 100_000:  # a smaller archive keeps the proportions of the full one
        args.organizations = max(1000, int(args.organizations * scale))
        args.aliases = args.organizations * 3
        args.people = max(1000, int(args.people * scale))
    bench_database(args.database_url, fresh=args.fresh)
    generate(args)
    from django.core.management import call_command

    from people.models import Organization, OrganizationAlias, Person
    from stories.models import Story

    call_command("collectstatic", "--no-input", verbosity=0)
    rng = random.Random(args.seed)
    stories = Story.objects.count()
    archive = (
        f"{Organization.objects.count():,} organizations, "
        f"{OrganizationAlias.objects.count():,} aliases, {Person.objects.count():,} people"
    )
    types = page_types(rng)
    if args.only:
        wanted = set(args.only.split(","))
        types = [t for t in types if t.name in wanted or t.name.split(",")[0] in wanted]
    step("queries per page")
    count_queries(types)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    flush_redis(args.redis_url)
    server = Server(args.port, args.workers, args.redis_url, folder / "gunicorn.log")
    try:
        trivial = [load(server, ["/bench/trivial"], bust=False, args=args, folder=folder)]
        for number, page_type in enumerate(types, start=1):
            progress("pages", number - 1, len(types))
            warm(server, page_type.paths[:20])  # start-up costs (templates, engines) aside
            page_type.runs["uncached"] = load(
                server, page_type.paths, bust=True, args=args, folder=folder
            )
            warm(server, page_type.paths)
            page_type.runs["cached"] = load(
                server, page_type.paths, bust=False, args=args, folder=folder
            )
        progress("pages", len(types), len(types))
        trivial.append(load(server, ["/bench/trivial"], bust=False, args=args, folder=folder))
        searches = next((t for t in types if t.name == "search"), None)
        step("search latency")
        latencies = search_latency(server, searches.paths) if searches else []
    finally:
        server.stop()
        flush_redis(args.redis_url)
    other = []
    if latencies:
        other.append(
            (
                f"search latency over {len(latencies)} varied queries, p50 / p95",
                f"{percentile(latencies, 0.5):.0f} / {percentile(latencies, 0.95):.0f} ms",
                "p95 ≤ 50 ms",
            )
        )
    step("admin pages")
    for name, ms in admin_timings().items():
        other.append((f"{name}, p50", f"{ms:.0f} ms", "≤ 300 ms" if "changelist" in name else ""))
    step("export")
    exported, seconds = export_throughput(folder, args.export)
    other.append(
        (
            "export (NDJSON, ninjs)",
            f"{exported / seconds:,.0f} stories/s ({exported:,} in {seconds:.1f} s)",
            "≥ 5,000 stories/s",
        )
    )
    step("importing releases")
    imported, seconds = import_throughput(folder, rng, args.releases)
    other.append(
        (
            "import with suggestions (PostgreSQL)",
            f"{imported / seconds:,.0f} releases/s ({imported} in {seconds:.1f} s)",
            "≥ 500 releases/s",
        )
    )
    step("tagging engine")
    built, matched, seconds = tagging_throughput()
    other.append(("tagging engine: build from the registry", f"{built:.1f} s", "≤ 3 s"))
    other.append(("tagging engine: matching", f"{matched / seconds:,.0f} stories/s", ""))
    shutil.rmtree(folder, ignore_errors=True)
    command = "make bench" + (f" BENCH_STORIES={args.stories}" if args.stories != 100_000 else "")
    if sys.argv[1:]:  # the options given, as they were given
        command += f' BENCH_ARGS="{" ".join(sys.argv[1:])}"'

    text = report(
        args, stories, trivial, types, {"archive": archive, "other": other, "command": command}
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text)
    print(text)
    print(f"Written to {(RESULTS / 'latest.md').relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
