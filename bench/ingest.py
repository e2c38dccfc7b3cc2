"""Ingest benchmark: how long N releases take from an agency's feed to drafts.

Serves a feed of N realistic releases (teasers only, so every release is read from its page
through trafilatura) on 127.0.0.1, with the starter registry loaded, and times the command an
operator would run, `manage.py ingest --feed URL --once --json`, as a separate process: the
first run (N created), the same feed again (N unchanged) and 5 changed + 5 new.

    .venv/bin/python bench/ingest.py [--items 50]
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time

from _setup import ROOT, django_setup


def run_ingest(url: str, *extra: str) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of the command's process, its --json report)."""
    command = [sys.executable, "manage.py", "ingest", "--feed", url, *extra, "--once", "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=50)
    items = parser.parse_args().items
    django_setup()
    from django.core.management import call_command

    from people.models import Organization
    from tests import feed_server

    call_command("load_registry", stdout=io.StringIO())
    server = feed_server.FeedServer()
    httpd = feed_server.start(server)
    os.environ.setdefault("SECRET_KEY", "bench-only-key")
    try:
        feed_server.serve_releases(server, range(items))
        url = server.url("/news/rss.xml")
        speaks_for = Organization.objects.get(name="Department of State").slug
        rows = []
        rows.append(("first run", *run_ingest(url, "--name", "News", "--organization", speaks_for)))
        rows.append(("same feed again", *run_ingest(url)))
        changed = frozenset(range(3, items, max(1, items // 5)))
        feed_server.serve_releases(server, range(items + 5), changed=changed)
        rows.append(("5 changed, 5 new", *run_ingest(url)))
    finally:
        httpd.shutdown()
        httpd.server_close()
    print(f"{items} releases, feed → drafts (`manage.py ingest --feed URL --once`, one process)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| run | wall s | CPU s | seen | created | updated | unchanged | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, wall, cpu, r in rows:
        print(
            f"| {label} | {wall:.1f} | {cpu:.1f} | {r['seen']} | {r['created']} | {r['updated']} "
            f"| {r['unchanged']} | {len(r['errors'])} |"
        )


if __name__ == "__main__":
    main()
