import os
from pathlib import Path

import pytest
from django.db import connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests (tests/test_property_importers.py): few examples in CI, many on demand with
# HYPOTHESIS_PROFILE=fuzz. No example database: nothing is written into the checkout.
hypothesis_settings.register_profile(
    "ci", max_examples=10, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
hypothesis_settings.register_profile(
    "fuzz", max_examples=500, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "formats" / "sample-story.txt"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """On SQLite, test in a file as production does: an in-memory shared-cache database answers
    "table is locked" to a second writer instead of waiting (the concurrency tests need that)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test_file = tmp_path_factory.mktemp("db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(test_file)
    elif database["ENGINE"] == "django.db.backends.postgresql":
        # A test database is thrown away: its commits need not wait for the disk (as SQLite's
        # WAL with synchronous=NORMAL does not). Nothing else changes: isolation, constraints
        # and what each transaction sees are PostgreSQL's own.
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(scope="session")
def _cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _same_made_up_data_every_run(request):
    """Factories draw names and sentences from a seed of the test's own: a test that passes once
    passes every time, and a failure can be run again. Names with honorifics, suffixes and
    particles have tests of their own."""
    import zlib

    import factory.random

    factory.random.reseed_random(zlib.crc32(request.node.nodeid.encode()))


@pytest.fixture(autouse=True)
def _fast_and_plain(settings, _cache_dir):
    from django.core.cache import cache

    # The default cache as configured (files shared by processes), in a folder of this run's own.
    settings.CACHES = (
        {"default": {**settings.CACHES["default"], "LOCATION": str(_cache_dir)}}
        if "FileBasedCache" in settings.CACHES["default"]["BACKEND"]
        else settings.CACHES
    )
    cache.clear()  # cached pages must not leak from one test into another
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.NEWSROOM_ENGINE_DIR = str(_cache_dir / "engine")  # not the checkout's var/
    settings.SITE_URL = "http://testserver"


def redis_url_of_this_run() -> str:
    """A Redis database of this run's own. CI runs the suite on PostgreSQL and on SQLite side by
    side against one Redis, and a test that clears its cache (Redis clears a whole database)
    must not clear the cache of a test running in the other suite."""
    from django.db import connection

    return f"redis://127.0.0.1:6379/{9 if connection.vendor == 'postgresql' else 8}"


def required_in_ci() -> bool:
    """CI (REQUIRE_BROWSER, or CI as most CI services set it) must run every test."""
    return bool(os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"))


def require_shared(path: Path, what: str) -> Path:
    """`path` from ../shared beside this checkout: skipped locally where it is missing, a
    failure in CI, so that a check never silently stops running there."""
    if not path.exists():
        message = f"{what} is not beside this checkout ({path.name})"
        if required_in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


class _StarterRows:
    """The rows a load of the starter registry writes into the registry's tables, kept for the
    run. The first load is a real `load_registry`; later ones put the same rows back, one INSERT
    (COPY on PostgreSQL) per table: about a second, against 5-15 s for a load. The registry's
    version stamp comes back too, so the suggestion engine saved for it is read back, not built
    again. The tests of `load_registry` itself load for real."""

    rows: dict | None = None

    @classmethod
    def models(cls) -> list:
        from django.apps import apps

        return list(apps.get_app_config("people").get_models())

    @classmethod
    def load(cls) -> None:
        from django.db import connection

        from people.registry import load_registry, starter_registry

        if any(model.objects.exists() for model in cls.models()):  # not on an empty registry
            load_registry(starter_registry())
            return
        if cls.rows is None:
            load_registry(starter_registry())
            cls.rows = {}
            with connection.cursor() as cursor:
                for model in cls.models():
                    table, columns = cls._table(model)
                    cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")
                    cls.rows[model] = cursor.fetchall()
            return
        with connection.cursor() as cursor:
            for model, rows in cls.rows.items():
                table, columns = cls._table(model)
                if connection.vendor == "postgresql":  # COPY: several times executemany's speed
                    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                elif rows:
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                    )

    @staticmethod
    def _table(model) -> tuple[str, list[str]]:
        from django.db import connection

        quote = connection.ops.quote_name
        return quote(model._meta.db_table), [
            quote(field.column) for field in model._meta.concrete_fields
        ]


@pytest.fixture(scope="module")
def _starter_registry_for_module(django_db_setup, django_db_blocker):
    """The starter registry, loaded once for the module in a transaction rolled back at its
    end; each test runs in a savepoint inside it. Every database test of the module that runs
    after the first one asking for it sees the registry: for modules without transactional
    tests, whose tests all tolerate it."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            _StarterRows.load()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def starter_registry_loaded(_starter_registry_for_module, db):
    """The starter registry in the database (loaded once per module, see above)."""


@pytest.fixture
def starter_registry_in_test(db):
    """The starter registry in this test's database only, as `make run` loads it first."""
    _StarterRows.load()


@pytest.fixture
def sample_story_path() -> Path:
    return require_shared(SHARED_SAMPLE, "the shared sample story")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="pw", is_staff=True, is_superuser=True
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A page in Debian's chromium, driven by Playwright, for tests of what happens in a browser.

    Skipped where chromium is missing unless REQUIRE_BROWSER is set (CI sets it).
    """
    if not CHROMIUM.exists():
        if required_in_ci():
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between page actions are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15000)
        yield page
        browser.close()
        # While Playwright's event loop runs, Django keeps this thread's connections apart
        # (asgiref's Local): the test's ORM calls had a connection of their own, which left
        # open keeps PostgreSQL from dropping the test database at the end of the session.
        connections.close_all()


def login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
