"""The admin, driven through the test client as an editor."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from people.models import Organization, OrganizationAlias, Person, Role
from stories.models import Origin, Story, StoryOrganization
from tests.admin_forms import form_data
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

MODELS = [Story, Organization, OrganizationAlias, Person, Role]


def make_one(model):
    if model is Story:
        story = StoryFactory(published=True)
        StoryOrganizationFactory(story=story)
        StoryPersonFactory(story=story, role=story.source_role)
        story.tags.add("energy")
        return story
    if model is Organization:
        org = OrganizationFactory()
        OrganizationAliasFactory(organization=org)
        return org
    if model is OrganizationAlias:
        return OrganizationAliasFactory()
    if model is Person:
        return RoleFactory().person
    return RoleFactory()


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_query_count_is_flat(editor_client, django_assert_num_queries, model):
    make_one(model)
    editor_client.get(admin_url(model, "changelist"))  # filters may cache their choices
    with django_assert_num_queries(12, exact=False) as one:
        assert editor_client.get(admin_url(model, "changelist")).status_code == 200
    for _ in range(20):
        make_one(model)
    with django_assert_num_queries(len(one.captured_queries)):
        response = editor_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_add_and_change_pages_load_with_bounded_queries(
    editor_client, django_assert_max_num_queries, model
):
    obj = make_one(model)
    with django_assert_max_num_queries(15):
        assert editor_client.get(admin_url(model, "add")).status_code == 200
    with django_assert_max_num_queries(30):
        assert editor_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_story_changelist_shows_status_dates_source_and_organization_count(editor_client):
    story = StoryFactory(published=True, source_role__person__full_name="Kaja Mägi")
    for _ in range(3):
        StoryOrganizationFactory(story=story)
    response = editor_client.get(admin_url(Story, "changelist"))
    assertContains(response, story.headline)
    assertContains(response, "Kaja Mägi")
    cell = response.content.decode().split('class="field-organization_count">')[1].split("</td>")[0]
    assert ">3</a>" in cell
    assertContains(response, "Published")


def test_story_form_shows_the_organizations_beside_the_suggestions(editor_client):
    story = make_one(Story)
    second = OrganizationFactory(name="Second Office")
    StoryOrganizationFactory(story=story, organization=second)
    html = editor_client.get(admin_url(Story, "change", story.pk)).content.decode()
    panel = html.split('class="suggestions-panel"')[1].split("</fieldset>")[0]
    tagged = panel.split('class="tagged-organizations"')[1].split("</ol>")[0]
    positions = [p.split("<")[0] for p in tagged.split('class="position">')[1:]]
    assert positions == ["1", "2"]  # numbered from 1, in the order readers see
    assert tagged.index("main</strong>") < tagged.index("Second Office")
    assert 'name="organization_to_add"' in html  # any organization, by autocomplete
    assert "story_organizations-0-organization" not in html  # no inline at the bottom any more
    assert 'name="story_people-0-person"' in html


def test_editor_adds_a_story_then_orders_its_organizations(editor_client):
    first, second = (
        OrganizationFactory(name="Zeta Agency"),
        OrganizationFactory(name="Alpha Office"),
    )
    role = RoleFactory()
    data = {
        "headline": "A story typed in the admin", "slug": "a-story-typed-in-the-admin",
        "body": "One.\n\nTwo.", "tags": "energy, minerals", "source_role": role.pk,
        "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = editor_client.post(admin_url(Story, "add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    story = Story.objects.get(slug="a-story-typed-in-the-admin")
    assert set(story.tags.names()) == {"energy", "minerals"}
    change = admin_url(Story, "change", story.pk)
    for organization in (second, first):
        form = editor_client.get(change).context["adminform"].form
        posted = {**form_data(form), "organization_to_add": organization.pk, "tags": "energy",
                  "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0"}  # fmt: skip
        assert editor_client.post(change, posted).status_code == 302
    form = editor_client.get(change).context["adminform"].form
    posted = {**form_data(form), "tags": "energy", "_panel": f"up:{first.pk}",
              "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0"}  # fmt: skip
    assert editor_client.post(change, posted).status_code == 302
    links = list(StoryOrganization.objects.filter(story=story).order_by("position"))
    assert [(link.organization, link.position) for link in links] == [(first, 1), (second, 2)]
    assert {link.origin for link in links} == {Origin.TYPED}


def test_a_bad_story_form_is_shown_again_with_the_problem_marked(editor_client):
    response = editor_client.post(
        admin_url(Story, "add"),
        {
            "headline": "",
            "slug": "x",
            "status": "published",
            "story_organizations-TOTAL_FORMS": "0",
            "story_organizations-INITIAL_FORMS": "0",
            "story_people-TOTAL_FORMS": "0",
            "story_people-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assertContains(response, "This field is required.")
    assert not Story.objects.exists()


def test_saving_a_story_bumps_its_version(editor_client):
    story = StoryFactory()
    form = editor_client.get(admin_url(Story, "change", story.pk)).context["adminform"].form
    data = {k: v for k, v in form_data(form).items() if k != "tags"}
    data.update(
        headline="Edited headline",
        source_role=story.source_role_id,
        **{
            "story_organizations-TOTAL_FORMS": "0",
            "story_organizations-INITIAL_FORMS": "0",
            "story_people-TOTAL_FORMS": "0",
            "story_people-INITIAL_FORMS": "0",
        },
    )
    response = editor_client.post(admin_url(Story, "change", story.pk), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.headline, story.version) == ("Edited headline", 2)


def test_organization_autocomplete_finds_aliases(editor_client):
    epa = OrganizationFactory(name="Environmental Protection Agency")
    OrganizationAliasFactory(organization=epa, name="USEPA")
    OrganizationFactory(name="Department of Energy")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "usepa", "app_label": "stories", "model_name": "storyorganization",
         "field_name": "organization"},
    )  # fmt: skip
    assert [r["text"] for r in response.json()["results"]] == ["Environmental Protection Agency"]


def test_role_autocomplete_is_one_query_per_page(editor_client, django_assert_max_num_queries):
    for _ in range(25):
        RoleFactory(title="Spokesperson")
    with django_assert_max_num_queries(6):
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {"term": "Spokes", "app_label": "stories", "model_name": "story",
             "field_name": "source_role"},
        )  # fmt: skip
    assert len(response.json()["results"]) == 20
    assert response.json()["pagination"]["more"] is True


def test_organization_change_page_has_aliases_inline(editor_client):
    org = make_one(Organization)
    response = editor_client.get(admin_url(Organization, "change", org.pk))
    assertContains(response, 'name="aliases-0-name"')


def test_person_change_page_has_roles_inline(editor_client):
    person = PersonFactory()
    RoleFactory(person=person)
    response = editor_client.get(admin_url(Person, "change", person.pk))
    assertContains(response, 'name="roles-0-title"')


def test_non_staff_are_sent_to_login(client):
    response = client.get(admin_url(Story, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("n", [1, 15])
def test_story_form_shows_suggestions_in_a_fixed_number_of_queries(
    editor_client, django_assert_num_queries, n
):
    names = [f"Bureau of Widget Affairs {i}" for i in range(n)]
    for name in names:
        OrganizationFactory(name=name)
    story = StoryFactory(body=" and ".join(f"the {name}" for name in names) + ".")
    StoryOrganizationFactory(story=story, organization=Organization.objects.get(name=names[0]))
    editor_client.get(admin_url(Story, "change", story.pk))  # builds the engine once
    with django_assert_num_queries(15):  # the same with 1 and with 15 in the text
        response = editor_client.get(admin_url(Story, "change", story.pk))
    html = response.content.decode()
    assert "Found in the text" in html
    panel = html.split('class="suggestions-panel"')[1]
    assert "Bureau of Widget Affairs 0</th>" not in panel  # tagged already
    if n > 1:
        assert "Bureau of Widget Affairs 14</th>" in panel
