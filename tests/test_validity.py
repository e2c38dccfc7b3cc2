"""Every page type has no Nu Html Checker errors, and no serious or critical axe-core
violations in Chromium, light and dark; screenshots at phone and desktop widths."""

import pytest
from django.utils import timezone

from stories.models import StoryQuote
from stories.search import refresh_search_vectors
from tests.conftest import SCREENSHOTS
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)
from tests.validators import axe_violations, html_errors


def build_site():
    """A small site with one of everything a reader can see."""
    department = OrganizationFactory(
        name="Department of Examples", slug="department-of-examples", kind="agency",
        website="https://examples.gov/", description="Runs examples.", country="US",
    )  # fmt: skip
    OrganizationAliasFactory(organization=department, name="DoE")
    bureau = OrganizationFactory(
        name="Bureau of Samples", slug="bureau-of-samples", parent=department
    )
    person = PersonFactory(full_name="José Núñez", nickname="Pepe", slug="jose-nunez")
    role = RoleFactory(person=person, title="Press Secretary", organization=department)
    story = StoryFactory(
        published=True, slug="a-story", source_role=role, source_url="https://examples.gov/news",
        headline="Examples & samples: “agreement” signed",
        dek="Two offices agree to share their samples.",
        body="The Department of Examples signed with the Bureau of Samples.\n\n“We agree.”",
        image_asset_id="abc123", image_format="webp",
    )  # fmt: skip
    StoryOrganizationFactory(story=story, organization=department)
    StoryOrganizationFactory(story=story, organization=bureau)
    StoryPersonFactory(story=story, person=person, role=role)
    story.tags.add("samples")
    StoryQuote.objects.create(
        story=story, paragraph=2, start=1, end=10, text="We agree.", speaker_kind="person",
        speaker_person=person, speaker_name=person.full_name, speaker_title=role.title,
        speaker_organization=department,
    )  # fmt: skip
    other = StoryFactory(published=True, slug="another-story", headline="Another story")
    StoryOrganizationFactory(story=other, organization=bureau)
    refresh_search_vectors([story.pk, other.pk])
    now = timezone.now()
    return {
        "home": "/",
        "story": story.get_absolute_url(),
        "organization": department.get_absolute_url(),
        "person": person.get_absolute_url(),
        "tag": "/tags/samples/",
        "archive-year": f"/archive/{now.year}/",
        "archive-month": f"/archive/{now.year}/{now.month}/",
        "search": "/search/?q=samples",
        "search-empty": "/search/?q=zzzz",
        "quotes": "/quotes/?q=agree",
        "quotes-empty": "/quotes/?q=zzzz",
        "not-found": "/stories/nothing-here/",
        "organizations": "/organizations/",
        "people": "/people/",
        "section": "/sections/government/",
        "section-older": "/sections/government/?before=20200101T000000.000000Z.1",
        "countries": "/countries/",
        "country": "/countries/us/",
        "organizations-found": "/organizations/?q=doe&country=US",
        "office": bureau.get_absolute_url(),
    }


@pytest.mark.django_db
def test_every_page_type_passes_the_nu_html_checker(client, tmp_path):
    pages = {name: client.get(path).content for name, path in build_site().items()}
    errors = html_errors(pages, tmp_path)
    assert {name: e for name, e in errors.items() if e} == {}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_passes_axe_at_phone_and_desktop_widths(browser_page, live_server, scheme):
    page = browser_page
    page.emulate_media(color_scheme=scheme)
    problems = {}
    for name, path in build_site().items():
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}{path}")
            if scheme == "light":
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            if violations := axe_violations(page):
                problems[f"{name} at {width}px, {scheme}"] = violations
    assert problems == {}


def test_the_checker_does_report_errors(tmp_path):
    bad = b"<!DOCTYPE html><html lang=en><head><title>x</title></head><body><img src=x></p>"
    errors = html_errors({"bad": bad}, tmp_path)
    assert any("alt" in e for e in errors["bad"]), errors


@pytest.mark.django_db(transaction=True)
def test_axe_does_report_violations(browser_page, live_server):
    browser_page.set_content(
        "<html><body><img src='x.png'><p style='color:#eee'>faint</p></body></html>"
    )
    assert {v["id"] for v in axe_violations(browser_page)} >= {"image-alt", "html-has-lang"}
