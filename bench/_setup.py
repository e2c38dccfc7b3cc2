"""Shared set-up for the benchmarks: Django on a throwaway database."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DEBUG", "1")
    if "DATABASE_URL" not in os.environ:
        folder = tempfile.mkdtemp(prefix="newsroom-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


DEFAULT_BENCH_DATABASE = "postgres://postgres@127.0.0.1:5432/nr_bench"


def bench_database(url: str, *, fresh: bool = False) -> None:
    """Use the PostgreSQL database at `url` (created when missing; dropped first if `fresh`),
    migrated, with production settings (DEBUG off)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as server:
        if fresh:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)  # this process caches in its own memory; servers get Redis
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-key-not-for-production")
    os.environ["HTTPS"] = "false"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    django_setup()


def progress(label: str, done: int, total: int) -> None:
    """A progress bar on standard error: `stories  [#####-----]  52,000/100,000`."""
    done = min(done, total)
    filled = round(30 * done / total) if total else 30
    end = "\n" if done >= total else ""
    bar = "#" * filled + "-" * (30 - filled)
    print(f"\r{label:<14}[{bar}] {done:>9,}/{total:,}", end=end, file=sys.stderr, flush=True)
