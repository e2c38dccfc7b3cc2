"""An editor tags a story from its suggestions in a real browser; readers see the result."""

import pytest

from people.models import Organization
from tests.conftest import SCREENSHOTS, login
from tests.factories import OrganizationFactory, StoryFactory

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "The Bureau of Widget Safety met the Gadget Commission and the Office of Sprockets.\n\n"
    "The Ministry of Cogs and Levers will join the talks next month."
)


def section(page) -> list[str]:
    return page.locator("section.organizations li a").all_inner_texts()


def offered(page) -> list[str]:
    return page.locator(".suggestions-panel tr.suggestion th").all_inner_texts()


def test_editor_accepts_rejects_creates_and_orders(browser_page, live_server, django_user_model):
    page = browser_page
    django_user_model.objects.create_user(
        "editor", password="a-long-password", is_staff=True, is_superuser=True
    )
    for name in ("Bureau of Widget Safety", "Gadget Commission", "Office of Sprockets"):
        OrganizationFactory(name=name, slug=name.lower().replace(" ", "-"))
    story = StoryFactory(
        published=True, headline="Widgets and gadgets", body=BODY, source_role=None
    )
    change_url = f"{live_server.url}/admin/stories/story/{story.pk}/change/"

    login(page, live_server, "editor", "a-long-password")
    page.goto(change_url)
    panel = page.locator(".suggestions-panel")
    assert panel.locator("mark", has_text="Gadget Commission").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "admin-suggestions-1280.png"), full_page=True)

    panel.get_by_role("button", name="Accept Office of Sprockets", exact=True).click()
    page.wait_for_load_state()
    assert "is now in this story" in page.locator(".messagelist").inner_text()

    page.get_by_role("button", name="Reject Gadget Commission", exact=True).click()
    page.wait_for_load_state()
    assert offered(page) == ["Bureau of Widget Safety"]

    candidate = page.locator(".suggestions-panel .candidate")
    name = candidate.locator("input[name^='candidate-name-']")
    assert name.input_value() == "Ministry of Cogs and Levers"
    assert candidate.locator("select[name^='candidate-kind-']").input_value() == "ministry"
    candidate.get_by_role("button", name="Create Ministry of Cogs and Levers and tag it").click()
    page.wait_for_load_state()
    assert Organization.objects.get(name="Ministry of Cogs and Levers").kind == "ministry"

    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert section(page) == ["Office of Sprockets", "Ministry of Cogs and Levers"]

    # Dragging in "In this story" is the editor's final word: put the ministry first.
    page.goto(change_url)
    tagged = page.locator(".tagged-organization")
    assert tagged.locator(".tagged-name").all_inner_texts() == [
        "Office of Sprockets", "Ministry of Cogs and Levers",
    ]  # fmt: skip
    tagged.nth(1).drag_to(tagged.nth(0), target_position={"x": 20, "y": 2})
    page.wait_for_selector(".messagelist")
    assert "Order changed" in page.locator(".messagelist").inner_text()
    assert page.locator(".tagged-organization").first.locator(".main-badge").count() == 1
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert section(page) == ["Ministry of Cogs and Levers", "Office of Sprockets"]
    page.screenshot(path=str(SCREENSHOTS / "story-after-tagging-1280.png"), full_page=True)

    # Edited and saved again, the rejected suggestion does not come back.
    page.goto(change_url)
    page.fill("textarea[name='body']", BODY + "\n\nThe Gadget Commission had more to say.")
    page.click("input[name='_continue']")
    page.wait_for_load_state()
    assert offered(page) == ["Bureau of Widget Safety"]


def test_the_panel_refreshes_while_the_editor_types(browser_page, live_server, django_user_model):
    page = browser_page
    django_user_model.objects.create_user("typist", password="a-long-password", is_staff=True,
                                          is_superuser=True)  # fmt: skip
    OrganizationFactory(name="Harbor Authority", slug="harbor-authority")
    story = StoryFactory(headline="Draft", body="Nothing yet.", source_role=None)
    login(page, live_server, "typist", "a-long-password")
    page.goto(f"{live_server.url}/admin/stories/story/{story.pk}/change/")
    assert offered(page) == []
    page.fill("textarea[name='body']", "The Harbor Authority closed the port.")
    page.wait_for_selector(".suggestions-panel tr.suggestion th:text('Harbor Authority')")
    assert offered(page) == ["Harbor Authority"]
