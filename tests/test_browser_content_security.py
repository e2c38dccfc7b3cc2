"""In chromium, with the Content-Security-Policy on: no violation on the public pages or in the
admin (index, changelists, the story form with its suggestions panel, history, login), and an
injected inline script is refused."""

import pytest

from tests.conftest import login
from tests.factories import OrganizationFactory, StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def visit(page, url: str) -> list[str]:
    """Open `url`; the CSP violations it caused (events, and chromium's console messages)."""
    console = []

    def listen(message):
        console.append(message)

    page.on("console", listen)
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # scripts run at load (the suggestions panel) report late
        violations = page.evaluate("window.__violations")
    finally:
        page.remove_listener("console", listen)
    return violations + [m.text for m in console if "Content Security Policy" in m.text]


def test_no_violation_on_public_pages_and_in_the_admin(
    browser_page, live_server, django_user_model
):
    page = browser_page
    page.add_init_script(LISTEN)
    django_user_model.objects.create_user(
        "editor", password="a-long-password", is_staff=True, is_superuser=True
    )
    bureau = OrganizationFactory(name="Bureau of Widget Safety", slug="bureau-of-widget-safety")
    OrganizationFactory(name="Gadget Commission", slug="gadget-commission")
    story = StoryFactory(
        published=True, headline="Widgets and gadgets", source_role=None,
        body="The Bureau of Widget Safety met the Gadget Commission.\n\nTalks go on.",
    )  # fmt: skip
    StoryOrganizationFactory(story=story, organization=bureau)
    story.tags.add("widgets")
    base = live_server.url
    public = [
        "/", story.get_absolute_url(), bureau.get_absolute_url(), "/tags/widgets/",
        "/search/?q=widgets", "/admin/login/",
    ]  # fmt: skip
    found = {url: visit(page, base + url) for url in public}

    login(page, live_server, "editor", "a-long-password")
    admin = [
        "/admin/", "/admin/stories/story/", f"/admin/stories/story/{story.pk}/change/",
        f"/admin/stories/story/{story.pk}/history/", "/admin/people/organization/",
        "/admin/people/organization/duplicates/", f"/admin/people/organization/{bureau.pk}/change/",
        "/admin/people/person/", "/admin/auth/user/",
    ]  # fmt: skip
    for url in admin:
        found[url] = visit(page, base + url)
        if url == f"/admin/stories/story/{story.pk}/change/":
            assert page.locator(".suggestions-panel").count() == 1  # the panel was there
    assert {url: v for url, v in found.items() if v} == {}


def test_an_injected_inline_script_is_refused(browser_page, live_server):
    page = browser_page
    page.add_init_script(LISTEN)
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__ran = true"; document.body.appendChild(s); }"""
    )
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
