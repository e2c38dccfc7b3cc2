"""Merging duplicate organizations and people, and finding possible duplicates, in the admin;
and a starter registry without duplicates to merge in the first place."""

from collections import defaultdict

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse
from pytest_django.asserts import assertContains

from people.models import Organization, OrganizationAlias, OrganizationKind, Person, Role
from people.registry import STARTER_FILES, folded_key, starter_registry
from people.suggestions import suggest
from stories.models import StoryOrganization, StoryPerson
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


def merge(client, model: str, ids: list[int], survivor: int):
    changelist = reverse(f"admin:people_{model}_changelist")
    data = {"action": "merge_selected", "_selected_action": ids}
    page = client.post(changelist, data)
    assert page.status_code == 200
    assertContains(page, "Choose the one that stays")
    return client.post(changelist, {**data, "apply": "Merge", "survivor": survivor})


def test_merging_organizations_moves_everything_to_the_survivor(editor_client, client):
    state = OrganizationFactory(name="Department of State")
    duplicate = OrganizationFactory(name="State Dept")
    OrganizationAliasFactory(organization=duplicate, name="DoS")
    child = OrganizationFactory(name="Bureau of Things", parent=duplicate)
    role = RoleFactory(organization=duplicate)
    both = StoryFactory(published=True)
    StoryOrganizationFactory(story=both, organization=state, position=0)
    StoryOrganizationFactory(story=both, organization=duplicate, position=1)
    only_duplicate = StoryFactory(published=True)
    StoryOrganizationFactory(story=only_duplicate, organization=duplicate, position=0)

    response = merge(editor_client, "organization", [state.pk, duplicate.pk], state.pk)
    assert response.status_code == 302

    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert not StoryOrganization.objects.filter(organization_id=duplicate.pk).exists()
    assert list(both.organizations.all()) == [state]
    assert list(only_duplicate.organizations.all()) == [state]
    child.refresh_from_db()
    role.refresh_from_db()
    assert child.parent == state and role.organization == state
    assert set(state.aliases.values_list("name", flat=True)) == {"State Dept", "DoS"}
    assert list(Organization.objects.named("State Dept")) == [state]
    assert [s.entry.name for s in suggest("The State Dept said").organizations] == [
        "Department of State"
    ]
    assert LogEntry.objects.filter(object_id=str(duplicate.pk), action_flag=DELETION).exists()
    html = client.get(only_duplicate.get_absolute_url()).content.decode()
    assert 'href="/organizations/' + state.slug + '/">Department of State</a>' in html


def test_merging_people_moves_roles_and_stories(editor_client):
    tommy = PersonFactory(full_name="Thomas Pigott", nickname="Tommy")
    twin = PersonFactory(full_name="Tom Pigott")
    state = OrganizationFactory(name="Department of State")
    kept = RoleFactory(person=tommy, title="Spokesperson", organization=state)
    same = RoleFactory(person=twin, title="Spokesperson", organization=state)
    other = RoleFactory(person=twin, title="Press Officer", organization=state)
    story = StoryFactory(source_role=same)
    StoryPersonFactory(story=story, person=twin, role=same)

    response = merge(editor_client, "person", [tommy.pk, twin.pk], tommy.pk)
    assert response.status_code == 302
    assert not Person.objects.filter(pk=twin.pk).exists()
    story.refresh_from_db()
    assert story.source_role == kept
    assert StoryPerson.objects.get(story=story).person == tommy
    assert set(tommy.roles.values_list("title", flat=True)) == {"Spokesperson", "Press Officer"}
    assert Role.objects.get(pk=other.pk).person == tommy


def test_possible_duplicates_page(editor_client):
    OrganizationFactory(name="Department of State")
    OrganizationFactory(name="State Department, U.S.")
    OrganizationFactory(name="Department of Energy")
    PersonFactory(full_name="Jane Roe")
    PersonFactory(full_name="Roe, Jane")
    response = editor_client.get(reverse("admin:people_organization_duplicates"))
    html = response.content.decode()
    assert "Department of State" in html and "State Department, U.S." in html
    assert "Department of Energy" not in html
    response = editor_client.get(reverse("admin:people_person_duplicates"))
    assert response.content.decode().count("Roe") >= 2
    changelist = editor_client.get(reverse("admin:people_organization_changelist"))
    assertContains(changelist, reverse("admin:people_organization_duplicates"))


def test_merging_needs_two_and_the_permission(client, django_user_model):
    a, b = OrganizationFactory(), OrganizationFactory()
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(user)
    response = client.post(
        reverse("admin:people_organization_changelist"),
        {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "apply": "1",
         "survivor": a.pk},
    )  # fmt: skip
    assert response.status_code == 403
    assert Organization.objects.count() == 2
    assert OrganizationAlias.objects.count() == 0


# One alias, two organizations, on purpose: the engine settles these from the context.
KNOWN_AMBIGUOUS = {
    "georgia": {"Georgia", "State of Georgia"},
    "bis": {"Bank for International Settlements", "Bureau of Industry and Security"},
}
# Names several countries give their bodies: only ever with the country in them.
GENERIC = [
    "Foreign Ministry",
    "Ministry of Foreign Affairs",
    "Ministry of Defence",
    "Ministry of Finance",
    "Parliament",
    "National Assembly",
    "House of Commons",
    "Chamber of Deputies",
    "Senate of the Republic",
    "Central Bank",
    "Reserve Bank",
    "National Bank",
    "Presidency",
    "Office of the President",
    "Prime Minister's Office",
    "Cabinet Office",
    "State House",
    "Council of Ministers",
    "Shura Council",
    "House of Councillors",
    "Federal Council",
    "National Council",
    "Legislative Assembly",
    "Department of Health",
    "Attorney General",
    "State Senate",
    "State Assembly",
    "House of Delegates",
]


def starter_keys() -> dict[str, set[str]]:
    """Each folded name or alias of the starter registry → the organizations it names."""
    keys = defaultdict(set)
    for org in starter_registry()["organizations"]:
        for alias in [org["name"], *org.get("aliases", [])]:
            if isinstance(alias, dict) and alias.get("ambiguous"):
                continue
            alias = alias if isinstance(alias, str) else alias["name"]
            keys[folded_key(alias)].add(org["name"])
    return keys


def test_no_two_starter_organizations_share_a_name_or_alias():
    shared = {key: names for key, names in starter_keys().items() if len(names) > 1}
    assert shared == KNOWN_AMBIGUOUS


def test_no_starter_organization_goes_by_a_generic_name():
    keys = starter_keys()
    used = {name: keys[folded_key(name)] for name in GENERIC}
    assert {name: orgs for name, orgs in used.items() if orgs} == {}


def test_every_starter_file_is_loaded_and_well_formed():
    organizations = starter_registry()["organizations"]
    names = [org["name"] for org in organizations]
    assert len(names) == len(set(names))
    by_name = {org["name"]: org for org in organizations}
    for org in organizations:
        assert org.get("kind") in OrganizationKind.values, org["name"]
        parent = by_name.get(org.get("parent")) if org.get("parent") else None
        assert parent is not None or not org.get("parent"), org["name"]
        if org["kind"] == OrganizationKind.LEGISLATURE and parent:  # a chamber, a committee
            assert parent["kind"] in {"legislature", "subnational"}, org["name"]
        assert not org.get("website") or org["website"].startswith("https://"), org["name"]
    assert "national-governments.json" in STARTER_FILES
    # Every UN member state, observer state, Kosovo and Taiwan: its foreign ministry.
    foreign_ministries = {
        org["country"] for org in organizations
        if org["kind"] == OrganizationKind.MINISTRY
        and (org.get("description") or "").startswith("Foreign ministry of")
    }  # fmt: skip
    assert len(foreign_ministries | {"US"}) == 193 + 4
