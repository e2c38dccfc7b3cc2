"""The admin story list and story form on the archive of `make bench`, in this process: p50
over --repeat requests (test client, signed in as a superuser) and the queries of each page.

    .venv/bin/python bench/adminpages.py [--repeat 20] [--database-url postgres://…/nr_bench]
"""

import argparse

from _setup import DEFAULT_BENCH_DATABASE, bench_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    args = parser.parse_args()
    bench_database(args.database_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from run import admin_timings

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
