"""Faults survived: the site under load while Redis stops, PostgreSQL restarts, a gunicorn worker
dies, and while editors publish, edit and import under 60 s of wrk. Loopback only; every run is
bounded and stops by itself, and stops what it started.

    .venv/bin/python bench/faults.py redis|postgres|worker|wrk|all

Uses its own PostgreSQL cluster (`faults`, port 5433, created on first run with
pg_createcluster, database nr_faults) so that restarting it disturbs no other database on the
machine, its own redis-server (port 6390, database 13), and gunicorn on 127.0.0.1:18793.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path

from lxml import html

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG_VERSION = sorted(os.listdir("/etc/postgresql"))[-1] if os.path.isdir("/etc/postgresql") else ""
PG_CLUSTER, PG_PORT = "faults", 5433
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/nr_faults"
REDIS_PORT = 6390
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/13"
PORT = 18793
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "fault-bench-password"


def server_env(**extra) -> dict:
    return {
        **os.environ, "DEBUG": "0", "HTTPS": "false", "SECRET_KEY": "fault-bench-only-key",
        "ALLOWED_HOSTS": "127.0.0.1", "SITE_URL": BASE, "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL, "STATIC_ROOT": str(Path(tempfile.gettempdir(), "nr-faults-static")),
        "LOG_LEVEL": "ERROR", **extra,
    }  # fmt: skip


def run(*command: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=check, capture_output=True, text=True, **kwargs)


# --- the services ---------------------------------------------------------------------------


def ensure_postgres() -> None:
    clusters = run("pg_lsclusters", "--no-header").stdout
    if not any(line.split()[:2] == [PG_VERSION, PG_CLUSTER] for line in clusters.splitlines()):
        run("pg_createcluster", PG_VERSION, PG_CLUSTER, "--port", str(PG_PORT), "--",
            "--auth-host=trust", "--auth-local=trust")  # fmt: skip
    run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "start", check=False)
    for _ in range(30):
        if run("pg_isready", "-h", "127.0.0.1", "-p", str(PG_PORT), check=False).returncode == 0:
            break
        time.sleep(0.5)
    psql = ["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-tAc"]
    if run(*psql, "SELECT 1 FROM pg_database WHERE datname='nr_faults'").stdout.strip() != "1":
        run(*psql, "CREATE DATABASE nr_faults")


def restart_postgres() -> float:
    started = time.monotonic()
    run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "restart")
    return time.monotonic() - started


def start_redis() -> None:
    subprocess.run(["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save",
                    "", "--appendonly", "no", "--daemonize", "yes"], check=True,
                   capture_output=True)  # fmt: skip
    for _ in range(20):
        if run("redis-cli", "-p", str(REDIS_PORT), "ping", check=False).stdout.strip() == "PONG":
            return
        time.sleep(0.2)


def stop_redis() -> None:
    run("redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave", check=False)


def prepare_site() -> None:
    """Migrate, collect static files, and fill the database: 40 public stories, 20 drafts."""
    env = server_env()
    run(PYTHON, "manage.py", "migrate", "--no-input", cwd=ROOT, env=env)
    run(PYTHON, "manage.py", "collectstatic", "--no-input", cwd=ROOT, env=env)
    run(PYTHON, "-c", SEED, cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"})


SEED = f"""
import django; django.setup()
from django.contrib.auth import get_user_model
from django.utils import timezone
from people.models import Organization
from stories.models import Story, StoryOrganization, StoryStatus
User = get_user_model()
if not User.objects.filter(username="faults-editor").exists():
    User.objects.create_user("faults-editor", password="{PASSWORD}", is_staff=True,
                             is_superuser=True)
organization, _ = Organization.objects.get_or_create(slug="office-of-grid-grants",
    defaults={{"name": "Office of Grid Grants", "kind": "agency"}})
for n in range(60):
    story, created = Story.objects.get_or_create(slug=f"fault-story-{{n}}", defaults=dict(
        headline=f"Grid grants reopen, part {{n}}", body="The office said so.\\n\\nMore text.",
        status=StoryStatus.PUBLISHED if n < 40 else StoryStatus.DRAFT,
        published_at=timezone.now() if n < 40 else None))
    StoryOrganization.objects.get_or_create(story=story, organization=organization)
"""


class Server:
    """gunicorn with 3 sync workers on the loopback interface."""

    def __init__(self, **env):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=2)
            raise SystemExit(f"{BASE} is already taken by another server")
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{BASE} is already taken by another server") from error
        except (urllib.error.URLError, OSError):
            pass
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
             "--workers", "3", "--timeout", "30", "--graceful-timeout", "5", "--log-level",
             "warning", "--access-logfile", "/dev/null", "--error-logfile", "-"],
            cwd=ROOT, env=server_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/healthz", timeout=2)
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise SystemExit("gunicorn did not start")

    def workers(self) -> list[int]:
        out = run("pgrep", "-P", str(self.process.pid), check=False).stdout
        return [int(pid) for pid in out.split()]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


# --- clients ------------------------------------------------------------------------------

PUBLIC = ["/", "/stories/fault-story-1/", "/stories/fault-story-7/", "/feeds/latest.rss",
          "/feeds/latest.json", "/search/?q=grants", "/organizations/office-of-grid-grants/",
          "/sitemap.xml", "/archive/2026/", "/healthz"]  # fmt: skip


class Load:
    """Threads fetching public pages until stopped; every answer kept with its time."""

    def __init__(self, threads: int = 6):
        self.results: list[tuple[float, str, str]] = []
        self.stopping = threading.Event()
        self.start = time.monotonic()
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(threads)]
        for thread in self.threads:
            thread.start()

    def _run(self, n: int) -> None:
        i = n
        while not self.stopping.is_set():
            path = PUBLIC[i % len(PUBLIC)]
            i += 1
            try:
                with urllib.request.urlopen(BASE + path, timeout=10) as response:
                    response.read()
                    status = str(response.status)
            except urllib.error.HTTPError as error:
                status = str(error.code)
            except (urllib.error.URLError, OSError) as error:
                status = f"error ({type(error).__name__})"
            self.results.append((time.monotonic() - self.start, path, status))

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def summary(self, start: float = 0, end: float = 1e9) -> dict:
        return dict(Counter(s for t, _, s in self.results if start <= t < end))


class Editor:
    """A signed-in editor driving the admin over HTTP, as a browser would."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        page = self.get("/admin/login/")
        self.post("/admin/login/", {"username": "faults-editor", "password": PASSWORD,
                                    "next": "/admin/", **self._csrf(page)})  # fmt: skip

    def get(self, path: str) -> bytes:
        with self.opener.open(BASE + path, timeout=60) as response:
            return response.read()

    def post(self, path: str, data) -> int:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(BASE + path, body, headers={"Referer": BASE + path})
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    @staticmethod
    def _csrf(page: bytes) -> dict:
        (token,) = html.fromstring(page).xpath('//input[@name="csrfmiddlewaretoken"]/@value')[:1]
        return {"csrfmiddlewaretoken": token}

    def edit(self, slug_number: int, headline: str) -> int:
        """Change a story's headline through its change form; 200 after the redirect = saved."""
        pk = self.pk(f"fault-story-{slug_number}")
        page = self.get(f"/admin/stories/story/{pk}/change/")
        (form,) = html.fromstring(page).xpath('//form[@id="story_form"]')
        data: dict[str, list[str]] = {}
        for name, value in form.form_values():
            data.setdefault(name, []).append(value)
        data["headline"] = [headline]
        data["_continue"] = ["Save and continue editing"]
        return self.post(f"/admin/stories/story/{pk}/change/", data)

    def publish(self, slug_number: int) -> int:
        pk = self.pk(f"fault-story-{slug_number}")
        page = self.get(f"/admin/stories/story/{pk}/change/")
        return self.post(f"/admin/stories/story/{pk}/transition/",
                         {"transition": "publish", **self._csrf(page)})  # fmt: skip

    def pk(self, slug: str) -> int:
        page = self.get(f"/admin/stories/story/?q={slug}")
        for href in html.fromstring(page).xpath('//table[@id="result_list"]//th/a/@href'):
            return int(urllib.parse.urlsplit(href).path.rstrip("/").split("/")[-2])
        raise LookupError(slug)


def story_fields(slugs: list[str]) -> dict[str, tuple[str, str]]:
    """slug → (status, headline), read straight from the database."""
    code = ("import django, json; django.setup(); from stories.models import Story; "
            f"print(json.dumps({{s.slug: [s.status, s.headline] for s in "
            f"Story.objects.filter(slug__in={slugs!r})}}))")  # fmt: skip
    out = run(
        PYTHON,
        "-c",
        code,
        cwd=ROOT,
        env={**server_env(), "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
    ).stdout
    return {slug: tuple(value) for slug, value in json.loads(out).items()}


def healthz() -> dict:
    try:
        with urllib.request.urlopen(BASE + "/healthz", timeout=5) as response:
            return {"http": response.status, **json.loads(response.read())}
    except urllib.error.HTTPError as error:
        return {"http": error.code, **json.loads(error.read() or b"{}")}


# --- the faults ---------------------------------------------------------------------------


def fault_redis() -> dict:
    """Redis stopped for 10 s of a 30 s run: pages keep coming, publishing works, /healthz
    says the cache is degraded; then Redis comes back."""
    start_redis()
    server = Server()
    try:
        editor = Editor()
        load = Load()
        time.sleep(10)
        stop_redis()
        down = time.monotonic() - load.start
        time.sleep(2)
        during = healthz()
        publish_status = editor.publish(40)
        time.sleep(8)
        start_redis()
        up = time.monotonic() - load.start
        time.sleep(10)
        after = healthz()
        load.stop()
    finally:
        server.stop()
        stop_redis()
    stored = story_fields(["fault-story-40"])
    return {
        "requests before": load.summary(0, down), "requests while Redis was down": load.summary(
            down, up), "requests after": load.summary(up),
        "healthz while down": during, "healthz after": after,
        "publish while down (HTTP)": publish_status, "story 40 afterwards": stored,
    }  # fmt: skip


def fault_postgres() -> dict:
    """PostgreSQL restarted mid-run while an editor keeps saving: 503 during the outage, never
    500; back by itself; every save the site acknowledged is in the database."""
    start_redis()
    server = Server()
    acknowledged: dict[str, str] = {}
    refused: Counter = Counter()
    stopping = threading.Event()

    def write() -> None:
        editor, n = Editor(), 0
        while not stopping.is_set():
            headline = f"Edited during the restart, save {n}"
            try:
                status = editor.edit(41 + n % 10, headline)
            except (urllib.error.URLError, OSError, ValueError, LookupError) as error:
                status = type(error).__name__
            if status == 200:
                acknowledged[f"fault-story-{41 + n % 10}"] = headline
            else:
                refused[str(status)] += 1
            n += 1

    try:
        load = Load()
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(10)
        down = time.monotonic() - load.start
        took = restart_postgres()
        up = time.monotonic() - load.start
        time.sleep(15)
        stopping.set()
        writer.join()
        after = healthz()
        load.stop()
    finally:
        server.stop()
        stop_redis()
    stored = story_fields(sorted(acknowledged))
    lost = {slug: h for slug, h in acknowledged.items() if stored.get(slug, ("", ""))[1] != h}
    return {
        "restart took (s)": round(took, 1), "requests before": load.summary(0, down),
        "requests during the restart (+3 s)": load.summary(down, up + 3),
        "requests after": load.summary(up + 3), "saves refused (not acknowledged)": dict(refused),
        "stories whose last acknowledged save was checked": len(acknowledged),
        "acknowledged saves lost": lost, "healthz after": after,
    }  # fmt: skip


def fault_worker() -> dict:
    """A gunicorn worker killed (SIGKILL) under load: the others answer, the master replaces it."""
    start_redis()
    server = Server()
    try:
        load = Load()
        time.sleep(8)
        workers = server.workers()
        killed_at = time.monotonic() - load.start
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(12)
        replaced = server.workers()
        load.stop()
    finally:
        server.stop()
        stop_redis()
    return {
        "workers before": workers, "killed": workers[0], "workers after": replaced,
        "requests before": load.summary(0, killed_at),
        "requests in the 2 s after the kill": load.summary(killed_at, killed_at + 2),
        "requests after": load.summary(killed_at + 2),
    }  # fmt: skip


WRK_SCRIPT = """
local paths = {%s}
local n = 0
local errors = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
response = function(status, headers, body)
  if status >= 500 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("FIVEXX %%d\\n", errors))
end
"""


def fault_wrk() -> dict:
    """60 s of wrk at 64 connections on public pages while an editor publishes, edits and a
    command imports releases: no 5xx, and every edit is in the database afterwards."""
    start_redis()
    server = Server()
    edits: dict[str, str] = {}
    published: list[str] = []
    statuses: Counter = Counter()
    stopping = threading.Event()

    def edit_and_publish() -> None:
        editor, n = Editor(), 0
        while not stopping.is_set():
            number = 50 + n % 10
            headline = f"Edited under load, save {n}"
            try:
                status = editor.edit(number, headline)
            except (urllib.error.URLError, OSError) as error:
                status = type(error).__name__  # not acknowledged: not counted as saved
            statuses[f"edit {status}"] += 1
            if status == 200:
                edits[f"fault-story-{number}"] = headline
            if n < 8:
                try:
                    status = editor.publish(42 + n)
                except (urllib.error.URLError, OSError) as error:
                    status = type(error).__name__
                statuses[f"publish {status}"] += 1
                if status == 200:  # the redirect back to the form, followed
                    published.append(f"fault-story-{42 + n}")
            n += 1
            time.sleep(0.5)

    def import_releases() -> None:
        while not stopping.is_set():
            result = run(PYTHON, "manage.py", "import_stories", "demo/stories", "--publish",
                         cwd=ROOT, env=server_env(), check=False)  # fmt: skip
            statuses[f"import exit {result.returncode}"] += 1
            time.sleep(5)

    lua = Path(tempfile.mkstemp(suffix=".lua")[1])
    lua.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in PUBLIC))
    try:
        helpers = [threading.Thread(target=edit_and_publish),
                   threading.Thread(target=import_releases)]  # fmt: skip
        for thread in helpers:
            thread.start()
        result = run("wrk", "-t2", "-c64", "-d60s", "--timeout", "10s", "-s", str(lua), BASE + "/")
        stopping.set()
        for thread in helpers:
            thread.join()
    finally:
        server.stop()
        stop_redis()
        lua.unlink()
    stored = story_fields(sorted(edits) + published)
    lost = {slug: h for slug, h in edits.items() if stored.get(slug, ("", ""))[1] != h}
    out = result.stdout
    return {
        "wrk": [line.strip() for line in out.splitlines()
                if line.strip().startswith(("Requests/sec", "Latency", "Non-2xx", "Socket"))
                or "requests in" in line],
        "5xx answers": int(out.split("FIVEXX")[-1].split()[0]) if "FIVEXX" in out else None,
        "editor and importer": dict(statuses), "stories edited": len(edits),
        "edits lost": lost,
        "published and public": sum(stored.get(s, ("",))[0] == "published" for s in published),
        "published (acknowledged)": len(published),
    }  # fmt: skip


FAULTS = {"redis": fault_redis, "postgres": fault_postgres, "worker": fault_worker,
          "wrk": fault_wrk}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fault", choices=[*FAULTS, "all"])
    fault = parser.parse_args().fault
    ensure_postgres()
    try:
        prepare_site()
        for name in FAULTS if fault == "all" else [fault]:
            print(f"== {name}")
            print(json.dumps(FAULTS[name](), indent=2, ensure_ascii=False, default=str))
    finally:  # the cluster is kept (created once), not left running
        run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "stop",
            check=False)  # fmt: skip


if __name__ == "__main__":
    main()
