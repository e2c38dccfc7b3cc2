"""Merging duplicate organizations and people, and finding possible duplicates, in the admin;
and the starter registry's own hygiene: no name shared by two organizations, every entry usable."""

from collections import defaultdict
from io import StringIO

import pycountry
import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from people.models import Organization, OrganizationAlias, Person, Role
from people.registry import (
    DATA_DIR,
    STARTER_FILES,
    folded_key,
    read_registry_file,
    starter_registry,
)
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


NON_GOVERNMENT_FILES = ["companies.json", "institutions.json"]


def _names(entry: dict) -> list[str]:
    aliases = [a if isinstance(a, str) else a["name"] for a in entry.get("aliases", [])]
    return [entry["name"], *aliases]


def test_companies_and_institutions_share_no_folded_name_with_another_organization():
    """Stricter than the starter registry's own rule: not even another kind or country may
    share a name with a company or an institution (no "ICC" for a court and a chamber)."""
    owners = defaultdict(set)
    for entry in starter_registry()["organizations"]:
        for name in _names(entry):
            owners[folded_key(name)].add(entry["name"])
    for file_name in NON_GOVERNMENT_FILES:
        for entry in read_registry_file(DATA_DIR / file_name)["organizations"]:
            for name in _names(entry):
                assert owners[folded_key(name)] == {entry["name"]}, (file_name, name)


def test_every_starter_entry_is_complete_and_names_a_real_parent():
    organizations = starter_registry()["organizations"]
    names = [entry["name"] for entry in organizations]
    assert len(names) == len(set(names))
    known = set(names)
    for entry in organizations:
        assert entry.get("kind"), entry["name"]
        assert entry.get("parent") in known | {None}, entry["name"]
        if entry.get("country"):
            assert pycountry.countries.get(alpha_2=entry["country"]), entry["name"]
        if entry.get("website"):
            assert entry["website"].startswith("https://"), entry["name"]
        # A one-word name is matched as written; "The X" keeps "X" case-insensitive, so it
        # would take every lower-case "x" in a story.
        for name in _names(entry):
            if name.lower().startswith("the "):
                assert " " in name[4:].strip(), name
    assert STARTER_FILES[-1] == "people.json"  # people's roles name the organizations


def test_companies_and_institutions_are_found_and_common_words_are_not():
    call_command("load_registry", stdout=StringIO())
    text = (
        "Delta Air Lines and United Airlines ordered jets from Boeing and Airbus; Pratt & "
        "Whitney will supply engines. Google DeepMind, Mandiant and CrowdStrike studied the "
        "attack, which Palo Alto Networks also tracked. Researchers at MIT and UCLA and the "
        "Sierra Club joined the Brookings Institution. Target Corporation hired. "
        "Lawmakers presented a united front on the target, floods hit the delta region, shell "
        "companies were closed, the chase ended and Visa applications rose."
    )
    found = {s.entry.name for s in suggest(text).organizations}
    assert {
        "Delta Air Lines, Inc.", "United Airlines, Inc.", "The Boeing Company", "Airbus SE",
        "Pratt & Whitney", "Google DeepMind", "Mandiant, Inc.", "CrowdStrike Holdings, Inc.",
        "Palo Alto Networks, Inc.", "Massachusetts Institute of Technology",
        "University of California, Los Angeles", "Sierra Club", "Brookings Institution",
        "Target Corporation",
    } == found  # fmt: skip
    # The subsidiary is tagged, not its parent, and it knows its parent.
    deepmind = Organization.objects.get(name="Google DeepMind")
    assert deepmind.parent.name == "Google LLC" and deepmind.parent.parent.name == "Alphabet Inc."
    assert Organization.objects.get(name="Jeep").parent.name == "Stellantis N.V."
