from pathlib import Path

import pytest

SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "formats" / "sample-story.txt"


@pytest.fixture(autouse=True)
def _fast_and_plain(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def sample_story_path() -> Path:
    if not SHARED_SAMPLE.exists():
        pytest.skip("the shared sample story is not beside this checkout")
    return SHARED_SAMPLE


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="pw", is_staff=True, is_superuser=True
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
