"""The organization directory's name box in a real browser: suggestions as you type, under
the page's Content-Security-Policy; and a reader paging back through a section."""

import pytest

from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_a_short_name_suggests_the_organization(browser_page, live_server):
    page = browser_page
    refused, failed = [], []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    page.on(
        "response",
        lambda r: r.status >= 400 and "favicon" not in r.url and failed.append(r.url),
    )
    epa = OrganizationFactory(name="Environmental Protection Agency", slug="epa", country="US")
    OrganizationAliasFactory(organization=epa, name="EPA")
    OrganizationFactory(name="Department of Energy", slug="energy", country="US")

    page.goto(f"{live_server.url}/organizations/")
    page.locator("#organization-q").press_sequentially("ep", delay=50)
    suggestions = page.locator("#name-suggestions-list a")
    suggestions.first.wait_for()
    assert suggestions.all_inner_texts() == ["Environmental Protection Agency"]
    assert "(also “EPA”)" in page.locator("#name-suggestions").inner_text()
    assert "1 organization matching “ep”" in page.locator("[role=status]").inner_text()
    suggestions.first.click()
    page.wait_for_url(f"{live_server.url}/organizations/epa/")
    assert refused == [] and failed == []


def test_without_the_script_the_form_still_finds_by_name(browser_page, live_server):
    page = browser_page
    page.context.route("**/*.js", lambda route: route.abort())
    OrganizationAliasFactory(
        organization=OrganizationFactory(name="Department of State", slug="state"),
        name="State Department",
    )
    page.goto(f"{live_server.url}/organizations/")
    page.fill("#organization-q", "state dep")
    page.get_by_role("button", name="Show").click()
    assert "q=state+dep" in page.url
    results = page.locator("#directory-results").inner_text()
    assert "Department of State" in results and "(also “State Department”)" in results


def test_a_reader_pages_back_through_a_section(browser_page, live_server, settings):
    settings.STORIES_PER_PAGE = 2
    agency = OrganizationFactory(kind="agency")
    for n in range(5):
        story = StoryFactory(published=True, headline=f"Agency story {n}")
        StoryOrganizationFactory(story=story, organization=agency)
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.locator("nav[aria-label='Sections and countries']").get_by_role(
        "link", name="Government"
    ).click()
    page.wait_for_url("**/sections/government/")
    seen = []
    while True:
        seen += page.locator(".story-card h2").all_inner_texts()
        older = page.get_by_role("link", name="Older →")
        if not older.count():
            break
        leaving = page.url
        older.click()
        # the cards are read from the older page, not from the page being left
        page.wait_for_url(lambda url, leaving=leaving: url != leaving)
    assert sorted(seen) == [f"Agency story {n}" for n in range(5)]


def test_the_directory_fits_a_phone_with_long_country_names(browser_page, live_server):
    OrganizationFactory(name="Island Council", country="SH")  # Saint Helena, Ascension and …
    OrganizationFactory(name="Grand Duchy Office", country="GB")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/organizations/?country=SH")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.locator("#directory-results").inner_text().count("Island Council") == 1
