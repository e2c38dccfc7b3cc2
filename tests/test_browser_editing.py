"""Editing a story in a real browser: what the editor typed is never lost or damaged."""

from pathlib import Path

import pytest
from django.conf import settings
from reversion.models import Version

from people.resolution import is_known_organization
from stories.importers.loader import load_story
from stories.importers.plaintext import read_story_file
from tests.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_STORY = Path(settings.BASE_DIR) / "demo" / "stories" / "01-energy-grid-grants.txt"


@pytest.fixture
def demo_story():
    """A demo story, imported and published as `make run` does it."""
    parsed = read_story_file(DEMO_STORY, is_known_organization=is_known_organization)
    return load_story(parsed, publish=True).story


@pytest.fixture
def editor_page(browser_page, live_server, django_user_model):
    django_user_model.objects.create_user(
        "editor", password="a-long-password", is_staff=True, is_superuser=True
    )
    login(browser_page, live_server, "editor", "a-long-password")
    return browser_page


def public_paragraphs(page, live_server, story) -> list[str]:
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    return page.locator("article > .body p").all_inner_texts()


def test_saving_without_edits_keeps_the_paragraphs(editor_page, live_server, demo_story):
    page = editor_page
    before = public_paragraphs(page, live_server, demo_story)
    assert sum("grid resilience grants" in p for p in before) == 1
    revisions = Version.objects.get_for_object(demo_story).count()

    page.goto(f"{live_server.url}/admin/stories/story/{demo_story.pk}/change/")
    textarea = page.locator("textarea[name='body']")
    assert textarea.input_value().count("\n\n") == 2  # three paragraphs, in the real textarea
    page.locator("input[name='_save']").click()
    page.wait_for_load_state()
    assert "nothing was saved" in page.locator(".messagelist").inner_text()

    assert public_paragraphs(page, live_server, demo_story) == before
    assert "Updated" not in page.locator("article").inner_text()
    assert Version.objects.get_for_object(demo_story).count() == revisions
    page.goto(f"{live_server.url}/admin/stories/story/{demo_story.pk}/history/")
    assert "Changed" not in page.locator("#content").inner_text()
    demo_story.refresh_from_db()
    assert "\r" not in demo_story.body and len(demo_story.paragraphs) == 3


def test_an_edit_in_the_textarea_keeps_its_paragraph_breaks(editor_page, live_server, demo_story):
    page = editor_page
    page.goto(f"{live_server.url}/admin/stories/story/{demo_story.pk}/change/")
    textarea = page.locator("textarea[name='body']")
    textarea.fill(textarea.input_value() + "\n\nA fourth paragraph, typed in the admin.")
    page.locator("input[name='_save']").click()
    page.wait_for_load_state()

    paragraphs = public_paragraphs(page, live_server, demo_story)
    assert "A fourth paragraph, typed in the admin." in paragraphs
    demo_story.refresh_from_db()
    assert len(demo_story.paragraphs) == 4 and "\r" not in demo_story.body
