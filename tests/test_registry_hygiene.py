"""Merging duplicate organizations and people, and finding possible duplicates, in the admin."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse
from pytest_django.asserts import assertContains

from people.models import Organization, OrganizationAlias, Person, Role
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
