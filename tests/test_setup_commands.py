"""The commands behind `make run`, and settings that refuse to run unsafely."""

import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from stories.models import Story

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


def test_load_demo_publishes_varied_stories_and_is_idempotent(starter_registry_in_test):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "created" in out.getvalue()
    stories = Story.objects.public()
    assert stories.count() == Story.objects.count() >= 8
    assert stories.filter(image_asset_id="").exists()  # a story without an image
    assert stories.filter(source_role__isnull=True).exists()  # one without a source person
    assert stories.filter(source_role__person__nickname__gt="").exists()
    assert any(not s.headline.isascii() or not s.body.isascii() for s in stories)
    assert stories.filter(story_organizations__isnull=False).distinct().count() >= 8
    before = list(Story.objects.values_list("pk", "published_at", "version"))
    call_command("load_demo", stdout=StringIO())
    assert list(Story.objects.values_list("pk", "published_at", "version")) == before


def test_ensure_editor_prints_a_login_that_works(monkeypatch):
    monkeypatch.setenv("NEWSROOM_ADMIN_PASSWORD", "a-long-demo-password")
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    assert "user: editor  password: a-long-demo-password" in out.getvalue()
    user = authenticate(username="editor", password="a-long-demo-password")
    assert user is not None and user.is_staff


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr
    serving = subprocess.run(
        [sys.executable, "-c", "import newsroom.wsgi"], cwd=ROOT, env=env, capture_output=True,
        text=True,
    )  # fmt: skip
    assert serving.returncode != 0
    assert "ImproperlyConfigured: Set SECRET_KEY" in serving.stderr


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_SSL_REDIRECT"}}
    env |= {"SECRET_KEY": "x" * 50 + "-not-a-real-key-but-long-and-random-enough"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_static_files_get_hashed_and_compressed_names(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env |= {"SECRET_KEY": "x" * 60, "STATIC_ROOT": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)
    assert (tmp_path / f"{hashed}.gz").exists() or (tmp_path / f"{hashed}.br").exists()
