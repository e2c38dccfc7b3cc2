"""The directories (/organizations/ by country and by name as you type, /people/) and the
organization and person pages: breadcrumbs, children, dated roles, feeds."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db


def directory(response) -> list[str]:
    """The organizations listed, in order."""
    html = response.content.decode().split('<div id="directory-results">')[1]
    return re.findall(r'<li><a href="/organizations/[^"]+">([^<]+)</a>', html)


@pytest.fixture
def registry():
    epa = OrganizationFactory(name="Environmental Protection Agency", country="US", kind="agency")
    OrganizationAliasFactory(organization=epa, name="EPA")
    state = OrganizationFactory(name="Department of State", country="US", kind="agency")
    OrganizationAliasFactory(organization=state, name="State Department")
    kazakhstan = OrganizationFactory(name="Kazakhstan", country="KZ", kind="country")
    OrganizationFactory(name="Statistics Agency of Kazakhstan", country="KZ", kind="agency")
    OrganizationFactory(name="Estate Planners Ltd", country="GB", kind="company")
    for organization in (epa, epa, kazakhstan):
        StoryOrganizationFactory(story=StoryFactory(published=True), organization=organization)
    return {"epa": epa, "state": state, "kazakhstan": kazakhstan}


def test_the_directory_filters_by_country_with_story_counts(client, registry):
    response = client.get("/organizations/?country=KZ")
    assert directory(response) == ["Kazakhstan", "Statistics Agency of Kazakhstan"]
    assertContains(response, '<option value="KZ" selected>Kazakhstan</option>', html=True)
    assertContains(response, "Country or national government · KZ · 1 story")
    us = client.get("/organizations/?country=us&kind=agency")
    assert directory(us) == ["Department of State", "Environmental Protection Agency"]
    assertContains(us, "2 stories")
    # Every country some organization belongs to is a choice, once.
    assertContains(response, '<option value="US">United States</option>', count=1, html=True)
    assert directory(client.get("/organizations/?country=ZZ")) == directory(
        client.get("/organizations/")
    )


def test_the_name_box_finds_names_and_aliases_by_the_start_of_a_word(client, registry):
    assert directory(client.get("/organizations/?q=epa")) == ["Environmental Protection Agency"]
    assertContains(client.get("/organizations/?q=epa"), "(also “EPA”)")
    # "state" starts a word of the Department of State and of the alias "State Department",
    # and "Statistics"; not "Estate" (inside a word).
    found = directory(client.get("/organizations/?q=stat"))
    assert found == ["Department of State", "Statistics Agency of Kazakhstan"]
    assert directory(client.get("/organizations/?q=state+department")) == ["Department of State"]
    both = client.get("/organizations/?q=kazakh&country=KZ&kind=agency")
    assert directory(both) == ["Statistics Agency of Kazakhstan"]
    assertContains(both, 'value="kazakh"')  # the text stays in the box
    assertContains(client.get("/organizations/?q=zzzz"), "No organizations match.")


def test_the_names_endpoint_answers_as_you_type(client, registry):
    data = json.loads(client.get("/organizations/names.json?q=EPA").content)
    assert data == {
        "query": "EPA",
        "results": [
            {
                "name": "Environmental Protection Agency",
                "url": "/organizations/" + registry["epa"].slug + "/",
                "kind": "Government department or agency",
                "alias": "EPA",
            }
        ],
    }
    # The exact name first, then A–Z.
    names = json.loads(client.get("/organizations/names.json?q=kazakhstan").content)
    assert [r["name"] for r in names["results"]] == [
        "Kazakhstan",
        "Statistics Agency of Kazakhstan",
    ]
    assert json.loads(client.get("/organizations/names.json?q=e").content)["results"] == []
    for odd in ("?q=%00%01", "?q=" + "x" * 5000, "?country=%FF&q=ab", "?kind=[]&q=ab"):
        assert client.get("/organizations/names.json" + odd).status_code == 200


def test_search_as_you_type_is_a_static_script_the_policy_allows(client, registry):
    html = client.get("/organizations/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts == [(' src="/static/js/organization-search.js" defer', "")]
    assert "script-src 'self'" in client.get("/organizations/")["Content-Security-Policy"]
    script = Path(settings.BASE_DIR, "static", "js", "organization-search.js").read_text()
    assert "form.dataset.namesUrl" in script  # the address comes from the form
    assertContains(client.get("/organizations/"), 'data-names-url="/organizations/names.json"')


def test_the_organization_page_shows_its_chain_children_people_and_feeds(
    client, django_assert_max_num_queries
):
    department = OrganizationFactory(name="Department of State", slug="state", country="US")
    bureau = OrganizationFactory(name="Bureau of Asian Affairs", slug="asia", parent=department)
    office = OrganizationFactory(name="Office of Central Asia", slug="central", parent=bureau)
    OrganizationFactory(name="Desk for Kazakhstan", slug="kz-desk", parent=office)
    OrganizationAliasFactory(organization=office, name="Central Asia Office")
    lindqvist = PersonFactory(full_name="Margaret Lindqvist", nickname="Peggy")
    RoleFactory(
        person=lindqvist, organization=office, title="Senior Advisor",
        started_on=datetime.date(2024, 3, 1),
    )  # fmt: skip
    RoleFactory(
        person=PersonFactory(full_name="Old Hand"), organization=office, title="Director",
        started_on=datetime.date(2019, 5, 1), ended_on=datetime.date(2023, 8, 31),
    )  # fmt: skip
    story = StoryFactory(published=True, headline="Water talks in Almaty")
    StoryOrganizationFactory(story=story, organization=office)

    with django_assert_max_num_queries(9):
        response = client.get(office.get_absolute_url())
    html = response.content.decode()
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == [
        "Home", "Organizations", "Department of State", "Bureau of Asian Affairs",
        "Office of Central Asia",
    ]  # fmt: skip
    assertContains(response, '<a href="/organizations/kz-desk/">Desk for Kazakhstan</a>')
    assertContains(response, "Also known as: Central Asia Office")
    assertContains(
        response,
        '<a href="/people/' + lindqvist.slug + '/">Margaret "Peggy" Lindqvist</a>, Senior Advisor '
        '<span class="meta">(since March 2024)</span>',
        html=True,
    )
    assertContains(response, 'Director <span class="meta">(May 2019 – August 2023)</span>')
    assertContains(response, "Water talks in Almaty")
    for suffix, kind in (("rss", "rss+xml"), ("atom", "atom+xml"), ("json", "feed+json")):
        href = f"/feeds/organizations/central.{suffix}"
        assertContains(response, f'<link rel="alternate" type="application/{kind}"', count=1)
        assertContains(response, f'<a href="{href}" type="application/{kind}">')
        assert client.get(href).status_code == 200


def test_a_loop_in_the_registry_does_not_hang_the_page(client):
    first = OrganizationFactory(name="Office A")
    second = OrganizationFactory(name="Office B", parent=first)
    first.parent = second
    first.save()
    assert client.get(first.get_absolute_url()).status_code == 200


def test_the_person_page_has_a_breadcrumb_dated_roles_and_stories(client):
    person = PersonFactory(full_name="Brooke Rollins")
    usda = OrganizationFactory(name="Department of Agriculture")
    texas = OrganizationFactory(name="Texas Public Policy Foundation")
    secretary = RoleFactory(
        person=person, organization=usda, title="Secretary of Agriculture",
        started_on=datetime.date(2025, 2, 13),
    )  # fmt: skip
    RoleFactory(
        person=person, organization=texas, title="President",
        started_on=datetime.date(2018, 1, 1), ended_on=datetime.date(2024, 12, 31),
    )  # fmt: skip
    quoted = StoryFactory(published=True, source_role=secretary, headline="Summer meals grow")
    named = StoryFactory(published=True, headline="Farm bill talks")
    StoryPersonFactory(story=named, person=person)
    StoryFactory(source_role=secretary, headline="An unpublished draft")

    response = client.get(person.get_absolute_url())
    crumbs = response.content.decode().split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == ["Home", "People", "Brooke Rollins"]
    html = response.content.decode()
    roles = html.split('id="roles-heading"')[1].split("</section>")[0]
    assert roles.index("Secretary of Agriculture") < roles.index("President")  # newest first
    assert "(since February 2025)" in roles and "(January 2018 – December 2024)" in roles
    assertContains(response, quoted.headline)
    assertContains(response, named.headline)
    assertNotContains(response, "An unpublished draft")
    assertContains(response, f'<a href="/feeds/people/{person.slug}.rss"')


def test_the_people_directory_and_the_countries_are_in_the_site_navigation(client):
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Site"')[1].split("</nav>")[0]
    assert 'href="/people/"' in nav and 'href="/organizations/"' in nav
    browse = html.split('aria-label="Sections and countries"')[1].split("</nav>")[0]
    assert 'href="/countries/"' in browse and 'href="/sections/companies/"' in browse
