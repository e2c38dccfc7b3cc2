"""Readers and editors in a real browser: a reader follows the links from the home page to a
feed; an editor writes a story, accepts its suggested organizations and publishes it."""

import pytest
from playwright.sync_api import expect

from tests.conftest import login
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_goes_home_story_organization_person_search_feed(browser_page, live_server):
    page = browser_page
    agency = OrganizationFactory(name="Agency of Rivers", slug="agency-of-rivers")
    person = PersonFactory(full_name="Lena Ortiz", slug="lena-ortiz")
    role = RoleFactory(person=person, title="Director", organization=agency)
    story = StoryFactory(published=True, headline="Rivers agency maps floods", source_role=role,
                         body="The Agency of Rivers mapped the floods.")  # fmt: skip
    StoryOrganizationFactory(story=story, organization=agency)
    StoryPersonFactory(story=story, person=person, role=role)

    page.goto(live_server.url)
    page.get_by_role("link", name="Rivers agency maps floods").click()
    expect(page.locator("h1")).to_have_text("Rivers agency maps floods")
    page.locator("section.organizations").get_by_role("link", name="Agency of Rivers").click()
    expect(page.locator("h1")).to_have_text("Agency of Rivers")
    page.get_by_role("link", name="Lena Ortiz").first.click()
    expect(page.locator("h1")).to_have_text("Lena Ortiz")
    page.fill("#site-search-q", "floods")
    page.locator(".site-search button").click()
    expect(page.locator("main")).to_contain_text("1 story for “floods”")
    assert page.locator("mark").first.inner_text().lower() == "floods"
    page.goto(live_server.url)
    feed = page.locator("link[rel=alternate][type='application/rss+xml']").get_attribute("href")
    response = page.request.get(f"{live_server.url}{feed}")
    assert response.ok and "Rivers agency maps floods" in response.text()


def test_editor_writes_tags_and_publishes_and_a_reader_sees_it(
    browser_page, live_server, django_user_model
):
    page = browser_page
    django_user_model.objects.create_user("chief", password="a-long-password", is_staff=True,
                                          is_superuser=True)  # fmt: skip
    OrganizationFactory(name="Harbor Safety Board", slug="harbor-safety-board")
    login(page, live_server, "chief", "a-long-password")
    page.goto(f"{live_server.url}/admin/stories/story/add/")
    page.fill("input[name='headline']", "Harbor board tightens crane rules")
    page.fill("textarea[name='body']", "The Harbor Safety Board issued new crane rules on Monday.")
    page.click("input[name='_continue']")
    page.wait_for_load_state()
    page.get_by_role("button", name="Accept Harbor Safety Board", exact=True).click()
    page.wait_for_load_state()
    page.locator(".workflow-panel").get_by_role("button", name="Publish now").click()
    page.wait_for_load_state()
    assert "the story is now published" in page.locator(".messagelist").inner_text()

    reader = page.context.browser.new_context().new_page()
    reader.goto(live_server.url)
    reader.get_by_role("link", name="Harbor board tightens crane rules").click()
    section = reader.locator("section.organizations").inner_text()
    assert "Harbor Safety Board" in section


def test_a_person_page_sets_roles_like_its_other_meta_lines(browser_page, live_server):
    """The inline stylesheet applies under the Content-Security-Policy, the Roles list is set in
    the sans face of the page's other meta lines (not the serif of the body text), and printing
    leaves the header out."""
    page = browser_page
    person = PersonFactory(full_name="Lena Ortiz", slug="lena-ortiz")
    RoleFactory(person=person, title="Director", organization=OrganizationFactory())
    page.goto(f"{live_server.url}{person.get_absolute_url()}")
    family = "el => getComputedStyle(el).fontFamily"
    body = page.locator("body").evaluate(family)
    meta = page.locator("header.entity .meta").evaluate(family)
    assert body.startswith("Georgia") and meta.startswith("system-ui")
    assert page.locator(".roles li").first.evaluate(family) == meta
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()


def test_a_long_unbroken_word_wraps_instead_of_widening_the_page(browser_page, live_server):
    """A search for one 1,200-letter word (or a story's long address) fits a phone's width."""
    word = "floods" * 200
    StoryFactory(published=True, headline="Rivers agency maps floods", body=f"See {word} now.")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/search/?q={word}")
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") == 390
