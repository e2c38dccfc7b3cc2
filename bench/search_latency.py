"""Search latency alone (issue 13: p95 ≤ 50 ms over 200 varied queries at 100k stories): the
part of `make bench` that measures it, without the rest of the suite.

Serves the site as `make bench` does (gunicorn, DEBUG off, Redis page cache) on an archive made
by bench/generate.py, sends the same kind of 200 varied searches one at a time, each at a new
address (a page-cache miss), and prints p50 / p95 and the slowest searches.

    .venv/bin/python bench/search_latency.py [--database-url postgres://…/nr_bench] [--seed 7]
"""

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

from _setup import DEFAULT_BENCH_DATABASE, bench_database
from run import Server, flush_redis, percentile, search_latency, search_path, search_queries


def database_backends() -> list[int]:
    """Process ids of the other connections to this database (the served site's)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return [pid for (pid,) in cursor.fetchall()]


def cpu_seconds(pids: list[int]) -> float:
    """CPU time used so far by these processes (those still running)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    )
    args = parser.parse_args()
    bench_database(args.database_url)  # migrated onto this checkout
    from django.core.management import call_command

    from stories.models import Story

    call_command("collectstatic", "--no-input", verbosity=0)
    paths = [search_path(q) for q in search_queries(random.Random(args.seed), args.count)]
    flush_redis(args.redis_url)
    log = Path(tempfile.mkdtemp(prefix="newsroom-search-")) / "gunicorn.log"
    server = Server(args.port, args.workers, args.redis_url, log)
    try:
        search_latency(server, paths[:5])  # start-up costs (templates, connections) aside
        flush_redis(args.redis_url)
        backends = database_backends()  # the workers' connections, kept between requests
        app_before, database_before = server.cpu_seconds(), cpu_seconds(backends)
        latencies = search_latency(server, paths)
        app = (server.cpu_seconds() - app_before) * 1000 / len(paths)
        database = (cpu_seconds(backends) - database_before) * 1000 / len(paths)
    finally:
        server.stop()
        flush_redis(args.redis_url)
    print(
        f"{Story.objects.count():,} stories; search latency over {len(latencies)} varied "
        f"queries: p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f}"
        f" ms, max {max(latencies):.0f} ms"
    )
    # CPU time does not grow when other processes compete for the cores; latency does.
    print(
        f"CPU per search: {app:.1f} ms in gunicorn, {database:.1f} ms in PostgreSQL "
        f"({len(backends)} connections); load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores"
    )
    slowest = sorted(zip(latencies, paths, strict=True), reverse=True)[:10]
    for ms, path in slowest:
        print(f"  {ms:6.0f} ms  {path}")


if __name__ == "__main__":
    sys.exit(main())
