"""With DEBUG off and `collectstatic` not run yet (no manifest), pages still answer: static
files fall back to their plain names and the log says what to run."""

import logging

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_static(settings, tmp_path, monkeypatch):
    from newsroom.storage import StaticFilesStorage

    monkeypatch.setattr(StaticFilesStorage, "_warned", False)  # the log says it once a process
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "staticfiles"  # collectstatic never ran: empty
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "newsroom.storage.StaticFilesStorage"},
    }


def test_pages_answer_without_a_manifest(client, editor, production_static, caplog):
    story = StoryFactory(published=True)
    StoryOrganizationFactory(story=story, organization=OrganizationFactory())
    urls = [
        reverse("home"), story.get_absolute_url(), story.organizations.get().get_absolute_url(),
        reverse("stories:search") + "?q=x", reverse("admin:login"), "/no-such-page/",
    ]  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="newsroom.storage"):
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert b"/static/" in response.content or url == "/no-such-page/", url
        client.force_login(editor)
        assert client.get(reverse("admin:index")).status_code == 200
    assert "run `manage.py collectstatic`" in caplog.text


def test_the_production_storage_is_the_default_with_debug_off():
    import subprocess
    import sys
    from pathlib import Path

    code = "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True,
        env={"DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "x" * 50,
             "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.stdout.strip() == "newsroom.storage.StaticFilesStorage", result.stderr
