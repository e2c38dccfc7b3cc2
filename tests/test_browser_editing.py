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


def change_url(live_server, story) -> str:
    return f"{live_server.url}/admin/stories/story/{story.pk}/change/"


def test_typing_then_accepting_a_suggestion_keeps_the_text(editor_page, live_server, demo_story):
    page = editor_page
    typed = "\n\nA paragraph typed just before clicking Accept."
    demo_story.story_organizations.order_by("position").last().delete()  # offered again
    page.goto(change_url(live_server, demo_story))
    page.locator("textarea[name='body']").press("Control+End")
    page.locator("textarea[name='body']").type(typed)
    accept = page.locator(".suggestions-panel").get_by_role("button", name="Accept all")
    accept.click()
    page.wait_for_load_state()
    messages_shown = page.locator(".messagelist").inner_text()
    assert "Your edits were saved." in messages_shown and "Tagged" in messages_shown
    assert page.locator("textarea[name='body']").input_value().endswith(typed.strip())
    demo_story.refresh_from_db()
    assert demo_story.paragraphs[-1] == typed.strip()


def test_typing_then_a_workflow_button_keeps_the_text(editor_page, live_server, demo_story):
    page = editor_page
    page.goto(change_url(live_server, demo_story))
    page.fill("input[name='headline']", "A headline changed before unpublishing")
    page.locator(".workflow-panel").get_by_role("button", name="Unpublish").click()
    page.wait_for_load_state()
    assert "the story is now unpublished" in page.locator(".messagelist").inner_text()
    assert page.locator("input[name='headline']").input_value() == (
        "A headline changed before unpublishing"
    )
    demo_story.refresh_from_db()
    assert (demo_story.headline, demo_story.status) == (
        "A headline changed before unpublishing", "unpublished",
    )  # fmt: skip


def test_a_closed_tab_loses_nothing(editor_page, live_server, demo_story):
    page = editor_page
    typed = " Typed, then the tab was closed."
    page.goto(change_url(live_server, demo_story))
    page.locator("textarea[name='body']").press("Control+End")
    page.locator("textarea[name='body']").type(typed)
    page.wait_for_selector(".autosave-status:has-text('Draft kept on the server')", timeout=15000)
    browser = page.context.browser
    page.close(run_before_unload=False)

    again = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    login(again, live_server, "editor", "a-long-password")
    again.goto(change_url(live_server, demo_story))
    offer = again.locator(".autosaved-offer")
    assert "You have unsaved work on this story" in offer.inner_text()
    assert not again.locator("textarea[name='body']").input_value().endswith(typed.strip())
    offer.get_by_role("button", name="Restore my unsaved text").click()
    assert again.locator("textarea[name='body']").input_value().endswith(typed.strip())
    again.locator("input[name='_save']").click()
    again.wait_for_load_state()
    demo_story.refresh_from_db()
    assert demo_story.body.endswith(typed.strip())
    again.goto(change_url(live_server, demo_story))
    assert again.locator(".autosaved-offer").count() == 0  # saved: nothing left to offer


def test_leaving_with_unsaved_changes_asks_first(editor_page, live_server, demo_story):
    page = editor_page
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # "Stay on page"

    page.on("dialog", answer)
    page.goto(change_url(live_server, demo_story))
    page.get_by_role("link", name="History").click()  # nothing typed: no question
    page.wait_for_url("**/history/")
    assert asked == []

    page.goto(change_url(live_server, demo_story))
    page.locator("textarea[name='body']").press("Control+End")
    page.keyboard.type(" Not saved yet.")
    page.get_by_role("link", name="History").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith("/change/")
    assert page.locator("textarea[name='body']").input_value().endswith("Not saved yet.")
