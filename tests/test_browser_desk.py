"""A new editor at the desk, in a real browser: a release pasted into "Import releases" is
tagged fully and published in a handful of clicks; a folder of releases comes in at once."""

from pathlib import Path

import pytest
from django.conf import settings

from people.models import Organization
from stories.models import Story, StoryStatus
from tests.conftest import SCREENSHOTS, login
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)

DEMO = Path(settings.BASE_DIR) / "demo" / "stories"
RELEASE = """Harbor board approves a second ferry pier for the island route

Webp h4rb0rp13r2
Mara Lindqvist, Spokesperson of the Office of Example Harbors | Official Website

Harbor board approves a second ferry pier for the island route

ORGANIZATIONS IN THIS STORY

The Office of Example Harbors said on Monday that a second pier will cut summer waiting \
times, after talks with the Bureau of Ferries and officials from Norway.

The Island Transport Council will run the new timetable from March, Ms. Lindqvist said.

ORGANIZATIONS IN THIS STORY
"""


class Clicks:
    """Counts the editor's clicks (typing and pasting are not clicks)."""

    def __init__(self):
        self.n = 0

    def __call__(self, locator, **options):
        self.n += 1
        locator.click(**options)
        locator.page.wait_for_load_state()


@pytest.fixture
def desk(browser_page, live_server, django_user_model):
    django_user_model.objects.create_user(
        "newcomer", password="a-long-password", is_staff=True, is_superuser=True
    )
    OrganizationFactory(name="Office of Example Harbors", slug="office-of-example-harbors")
    OrganizationFactory(name="Bureau of Ferries", slug="bureau-of-ferries")
    OrganizationFactory(name="Norway", slug="norway", kind="country", country="NO")
    login(browser_page, live_server, "newcomer", "a-long-password")
    return browser_page


def test_a_pasted_release_is_tagged_and_published_in_six_clicks_or_fewer(desk, live_server):
    page, click = desk, Clicks()
    page.goto(f"{live_server.url}/admin/")
    click(page.get_by_role("link", name="Import releases").first)  # from the dashboard
    start = click.n
    page.fill("textarea[name='pasted']", RELEASE)
    page.screenshot(path=str(SCREENSHOTS / "admin-import-1280.png"), full_page=True)
    click(page.get_by_role("button", name="Preview (nothing is saved yet)"))
    preview = page.locator(".release-preview").inner_text()
    assert "Mara Lindqvist, Spokesperson — Office of Example Harbors" in preview
    assert "Paragraphs (2)" in preview and "Norway" in preview
    page.screenshot(path=str(SCREENSHOTS / "admin-import-preview-1280.png"), full_page=True)
    click(page.get_by_role("button", name="Import 1 as draft"))

    # Straight on to the draft: the source's organization is in already, first and main.
    tagged = page.locator(".tagged-organization .tagged-name")
    assert tagged.first.inner_text() == "Office of Example Harbors"
    click(page.locator(".suggestions-panel").get_by_role("button", name="Accept all"))
    candidate = page.locator(".suggestions-panel .candidate").first
    name = candidate.locator("input[name^='candidate-name-']").input_value()
    assert name == "Island Transport Council"
    assert candidate.locator("input[name^='candidate-country-']").input_value() == "NO"
    click(candidate.get_by_role("button", name=f"Create {name} and tag it"))
    page.screenshot(path=str(SCREENSHOTS / "admin-tagged-1280.png"), full_page=True)
    click(page.locator(".workflow-panel").get_by_role("button", name="Publish now"))
    clicks = click.n - start

    story = Story.objects.get(headline__startswith="Harbor board approves")
    assert story.status == StoryStatus.PUBLISHED and story.is_public
    names = [link.organization.name for link in story.story_organizations.order_by("position")]
    assert names == [
        "Office of Example Harbors", "Bureau of Ferries", "Norway", "Island Transport Council",
    ]  # fmt: skip
    council = Organization.objects.get(name="Island Transport Council")
    assert council.country == "NO"
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert page.locator("section.organizations li a").all_inner_texts() == names
    print(f"clicks from Import releases to published: {clicks}")  # noqa: T201 (the report)
    assert clicks <= 6


def test_a_folder_of_releases_is_previewed_and_imported(desk, live_server):
    page = desk
    page.goto(f"{live_server.url}/admin/stories/story/import/")
    page.set_input_files("#id_folder", str(DEMO))
    page.get_by_role("button", name="Preview (nothing is saved yet)").click()
    page.wait_for_load_state()
    count = len(list(DEMO.glob("*.txt")))
    assert f"{count} of {count} releases can be imported" in page.locator("#content").inner_text()
    assert Story.objects.count() == 0
    page.get_by_role("button", name=f"Import {count} as drafts").click()
    page.wait_for_load_state()
    assert Story.objects.filter(status=StoryStatus.DRAFT).count() == count
    links = page.locator(".import-results a")
    assert links.count() == count
    links.first.click()
    page.wait_for_load_state()
    assert "/change/" in page.url


@pytest.mark.parametrize("width", [1280, 390])
def test_the_desk_at_1280_and_390_pixels(desk, live_server, width):
    page = desk
    page.set_viewport_size({"width": width, "height": 900})
    for path in sorted(DEMO.glob("*.txt"))[:3]:
        page.goto(f"{live_server.url}/admin/stories/story/import/")
        page.fill("textarea[name='pasted']", path.read_text())
        page.get_by_role("button", name="Preview (nothing is saved yet)").click()
        page.get_by_role("button", name="Import 1 as draft").click()
        page.wait_for_load_state()
    page.screenshot(path=str(SCREENSHOTS / f"admin-story-form-{width}.png"), full_page=False)
    page.goto(f"{live_server.url}/admin/stories/story/")
    page.screenshot(path=str(SCREENSHOTS / f"admin-story-list-{width}.png"), full_page=False)
    if width == 1280:  # the list fits: nothing scrolls sideways
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width
    page.goto(f"{live_server.url}/admin/")
    page.screenshot(path=str(SCREENSHOTS / f"admin-dashboard-{width}.png"), full_page=False)
