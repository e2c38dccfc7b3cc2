"""Production serving: the settings a deployment gets from its environment, `check --deploy`,
and the site served by gunicorn with the repository's configuration (`make serve`)."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789-abcdefghij",
    "SITE_URL": "https://news.example.org",
    "ALLOWED_HOSTS": "news.example.org",
}
SETTINGS_SHOWN = (
    "SECURE_SSL_REDIRECT SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SECURE_HSTS_SECONDS "
    "SECURE_PROXY_SSL_HEADER SESSION_ENGINE DATABASES DATABASE_REPLICAS"
).split()


def _environment(**values: str) -> dict[str, str]:
    """This process's environment without the test suite's own overrides, plus `values`."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SECURE_SSL_REDIRECT", "DEBUG", "REDIS_URL", "PYTEST_CURRENT_TEST"}
    }
    environment["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    return {**environment, **values}


def _settings(**values: str) -> dict:
    """The settings a process started with this environment gets."""
    script = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {SETTINGS_SHOWN!r}}}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_environment(**values),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environment(**PRODUCTION),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_is_https_only_and_behind_a_proxy_header_by_default():
    production = _settings(**PRODUCTION)
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SECURE_HSTS_SECONDS"] == 365 * 24 * 60 * 60
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]

    own_header = _settings(**PRODUCTION, SECURE_PROXY_SSL_HEADER="X-Scheme")
    assert own_header["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_SCHEME", "https"]
    no_proxy = _settings(**PRODUCTION, SECURE_PROXY_SSL_HEADER="")
    assert no_proxy["SECURE_PROXY_SSL_HEADER"] is None


def test_a_plain_http_test_deployment_is_one_variable_away():
    plain = _settings(**PRODUCTION, HTTPS="false")
    assert plain["SECURE_SSL_REDIRECT"] is False
    assert not plain["SESSION_COOKIE_SECURE"] and not plain["CSRF_COOKIE_SECURE"]
    assert plain["SECURE_HSTS_SECONDS"] == 0


def test_database_connections_persist_with_health_checks_by_default():
    default = _settings(**PRODUCTION)["DATABASES"]["default"]
    assert default["CONN_MAX_AGE"] == 60
    assert default["CONN_HEALTH_CHECKS"] is True
    shorter = _settings(**PRODUCTION, DATABASE_CONN_MAX_AGE="5")["DATABASES"]["default"]
    assert shorter["CONN_MAX_AGE"] == 5


def test_sessions_live_in_the_cache_and_the_database_with_redis():
    assert _settings(**PRODUCTION)["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    with_redis = _settings(**PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/0")
    assert with_redis["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, dict, bytes]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site as `make serve` runs it: collectstatic, migrate, gunicorn with gunicorn.conf.py
    and DEBUG off, on its own SQLite database and a free port, plain HTTP."""
    folder = tmp_path_factory.mktemp("served")
    port = _free_port()
    environment = _environment(
        **{
            **PRODUCTION,
            "SITE_URL": f"http://127.0.0.1:{port}",
            "ALLOWED_HOSTS": "127.0.0.1",
        },
        HTTPS="false",
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
    )
    manage = [sys.executable, "manage.py"]
    for command in (["collectstatic", "--no-input", "-v0"], ["migrate", "--no-input", "-v0"]):
        subprocess.run(manage + command, cwd=ROOT, env=environment, check=True)
    log = (folder / "gunicorn.log").open("w+")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(f"{url}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield url, folder, log
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _log_lines(log) -> list[dict]:
    time.sleep(0.3)  # gunicorn writes the line after the response
    log.seek(0)
    return [json.loads(line) for line in log.read().splitlines() if line.startswith("{")]


def test_gunicorn_serves_pages_over_plain_http_without_debug(served):
    url, _, _ = served
    status, headers, body = _get(f"{url}/")
    assert status == 200
    assert b"<html" in body
    assert "public" in headers["Cache-Control"]
    status, _, body = _get(f"{url}/no-such-page/")
    assert status == 404
    assert b"Traceback" not in body


def test_every_request_is_one_json_log_line_with_its_duration(served):
    url, _, log = served
    _get(f"{url}/?from=log-test")
    (line,) = [line for line in _log_lines(log) if line["query"] == "from=log-test"]
    assert line["method"] == "GET" and line["path"] == "/" and line["status"] == 200
    assert line["duration_ms"] > 0
    assert line["bytes"] > 0


def test_hashed_static_files_are_cached_for_ever(served):
    url, folder, _ = served
    manifest = json.loads((folder / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["favicon.svg"]  # the stylesheet is inlined (newsroom/stylesheets.py)
    assert re.search(r"\.[0-9a-f]{12}\.svg$", hashed)
    status, headers, _ = _get(f"{url}/static/{hashed}")
    assert status == 200
    assert "immutable" in headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"])[1]) >= 365 * 24 * 60 * 60
    _, page_headers, page = _get(f"{url}/")
    assert f"/static/{hashed}".encode() in page  # pages link the hashed name
