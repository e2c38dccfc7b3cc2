"""Editors tag "Organizations in this story" from suggestions, through the admin."""

from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from people.models import Organization, OrganizationAlias, Person, Role
from stories.models import Origin, RejectedSuggestion, Story, StoryOrganization
from tests.admin_forms import form_data, inline_data
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "The Bureau of Widget Safety (BWS) met the Gadget Commission and the Office of Sprockets.\n\n"
    "Deputy Director Jane Roe said the Ministry of Cogs and Levers would join. "
    "Secretary Quill agreed."
)


@pytest.fixture
def story():
    for name in ("Bureau of Widget Safety", "Gadget Commission", "Office of Sprockets"):
        OrganizationFactory(name=name, slug=name.lower().replace(" ", "-"))
    quill = PersonFactory(full_name="Amelia Quill", slug="amelia-quill")
    RoleFactory(person=quill, title="Secretary", organization=None)
    return StoryFactory(published=True, headline="Widgets and gadgets", body=BODY, source_role=None)


def panel(client, story) -> str:
    html = client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    return html.split('class="suggestions-panel"')[1].split("</fieldset>")[0]


def post(client, story, name, data):
    url = reverse(f"admin:stories_story_{name}", args=[story.pk])
    return client.post(url, data)


def public_section(client, story) -> list[str]:
    html = client.get(story.get_absolute_url()).content.decode()
    section = html.split('id="orgs-heading"')[1].split("</section>")[0]
    return [part.split("</a>")[0] for part in section.split('/">')[1:]]


def test_the_panel_lists_suggestions_with_highlighted_context(editor_client, story):
    html = panel(editor_client, story)
    for name in ("Bureau of Widget Safety", "Gadget Commission", "Office of Sprockets"):
        assert f'<th scope="row">{name}</th>' in html
    assert "<mark>Bureau of Widget Safety</mark>" in html
    assert "Ministry of Cogs and Levers" in html  # a candidate
    assert "Jane Roe" in html and "Amelia Quill" in html  # people


def test_accept_reject_and_accept_all_follow_through_to_the_public_page(
    editor_client, client, story
):
    office = Organization.objects.get(name="Office of Sprockets")
    response = post(editor_client, story, "accept", {"organization": office.pk})
    assert response.status_code == 302
    assert public_section(client, story) == ["Office of Sprockets"]

    gadget = Organization.objects.get(name="Gadget Commission")
    post(editor_client, story, "reject", {"reject": f"org:{gadget.pk}|Gadget Commission"})
    assert "Gadget Commission</th>" not in panel(editor_client, story)

    post(editor_client, story, "accept_all", {})
    assert public_section(client, story) == ["Office of Sprockets", "Bureau of Widget Safety"]
    links = StoryOrganization.objects.filter(story=story)
    assert {link.origin for link in links} == {Origin.SUGGESTED}
    # The panel's actions make no revision or History line each: they join the next revision.
    assert LogEntry.objects.filter(object_id=str(story.pk)).count() == 0
    assert not Version.objects.get_for_object(story).exists()
    assert Story.objects.get(pk=story.pk).version == 3  # each tagging bumps it (edit conflicts)


def test_a_rejected_suggestion_stays_rejected_after_the_story_is_edited(editor_client, story):
    gadget = Organization.objects.get(name="Gadget Commission")
    post(editor_client, story, "reject", {"reject": f"org:{gadget.pk}|Gadget Commission"})
    form = editor_client.get(reverse("admin:stories_story_change", args=[story.pk]))
    data = {**form_data(form.context["adminform"].form), **inline_data(form)}
    data.update(
        body=BODY + "\n\nThe Gadget Commission said more later.",
        tags="",
        published_at_0="2026-01-01",
        published_at_1="10:00:00",
    )  # fmt: skip
    data.pop("published_at", None)
    response = editor_client.post(reverse("admin:stories_story_change", args=[story.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert "said more later" in story.body
    html = panel(editor_client, story)
    assert "Gadget Commission</th>" not in html
    assert "Office of Sprockets</th>" in html


def test_create_an_organization_from_a_candidate_and_tag_it(editor_client, client, story):
    html = panel(editor_client, story)
    assert 'value="Ministry of Cogs and Levers"' in html
    n = html.split('value="Ministry of Cogs and Levers"')[0].rsplit('name="candidate-name-', 1)[1]
    n = n.split('"')[0]
    response = post(
        editor_client, story, "create_candidate",
        {"candidate": n, f"candidate-name-{n}": "Ministry of Cogs and Levers",
         f"candidate-kind-{n}": "ministry"},
    )  # fmt: skip
    assert response.status_code == 302
    ministry = Organization.objects.get(name="Ministry of Cogs and Levers")
    assert ministry.kind == "ministry"
    assert public_section(client, story) == ["Ministry of Cogs and Levers"]
    assert 'value="Ministry of Cogs and Levers"' not in panel(editor_client, story)


def test_accepting_people_creates_or_reuses_person_and_role(editor_client, client, story):
    post(editor_client, story, "accept_person", {"person": "Jane Roe|Deputy Director|"})
    roe = Person.objects.get(full_name="Jane Roe")
    assert roe.roles.get().title == "Deputy Director"
    post(editor_client, story, "accept_person", {"person": "Amelia Quill|Secretary|"})
    assert Person.objects.filter(full_name="Amelia Quill").count() == 1
    assert Role.objects.filter(person__full_name="Amelia Quill").count() == 1
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Jane Roe</a>, Deputy Director" in html
    post(editor_client, story, "reject", {"reject": "person:jane roe|Jane Roe"})
    assert RejectedSuggestion.objects.filter(story=story, key="person:jane roe").exists()


def test_without_permission_the_buttons_are_refused(client, django_user_model, story):
    user = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_story"))
    client.force_login(user)
    office = Organization.objects.get(name="Office of Sprockets")
    response = post(client, story, "accept", {"organization": office.pk})
    assert response.status_code == 403
    assert not StoryOrganization.objects.exists()


def test_bulk_tag_suggested_organizations(editor_client, story):
    other = StoryFactory(body="The Gadget Commission spoke.", source_role=None)
    response = editor_client.post(
        reverse("admin:stories_story_changelist"),
        {"action": "tag_suggested_organizations", "_selected_action": [story.pk, other.pk]},
    )
    assert response.status_code == 302
    assert story.organizations.count() == 3
    assert list(other.organizations.values_list("name", flat=True)) == ["Gadget Commission"]


def test_bulk_add_organization(editor_client, story):
    nasa = OrganizationFactory(name="Space Agency")
    other = StoryFactory(source_role=None)
    changelist = reverse("admin:stories_story_changelist")
    data = {"action": "add_organization", "_selected_action": [story.pk, other.pk]}
    response = editor_client.post(changelist, data)
    assertContains(response, "Add an organization to the selected stories")
    response = editor_client.post(changelist, {**data, "apply": "1", "organization": nasa.pk})
    assert response.status_code == 302
    assert Story.objects.filter(story_organizations__organization=nasa).count() == 2


def test_changelist_filters_by_organization_and_untagged(editor_client, story):
    tagged = StoryFactory(headline="Tagged story about sprockets")
    office = Organization.objects.get(name="Office of Sprockets")
    StoryOrganizationFactory(story=tagged, organization=office)
    changelist = reverse("admin:stories_story_changelist")
    response = editor_client.get(changelist, {"organization": office.slug})
    assertContains(response, "Tagged story about sprockets")
    assertNotContains(response, "Widgets and gadgets")
    response = editor_client.get(changelist, {"tagged": "no"})
    assertContains(response, "Widgets and gadgets")
    assertNotContains(response, "Tagged story about sprockets")


def test_retag_stories_adds_after_a_new_alias_and_never_removes(story):
    typed = OrganizationFactory(name="Typed By Hand")
    StoryOrganizationFactory(story=story, organization=typed)
    sprockets = Organization.objects.get(name="Office of Sprockets")
    other = StoryFactory(body="The OoS said so.", source_role=None)

    out = StringIO()
    call_command("retag_stories", "--dry-run", stdout=out)
    assert "Would add 3 organizations to 1 stories." in out.getvalue()
    assert story.organizations.count() == 1

    OrganizationAlias.objects.create(organization=sprockets, name="OoS", is_case_sensitive=True)
    call_command("retag_stories", "--organization", sprockets.slug, stdout=StringIO())
    assert list(other.organizations.all()) == [sprockets]
    assert set(story.organizations.values_list("name", flat=True)) == {
        "Typed By Hand", "Office of Sprockets",
    }  # fmt: skip
    call_command("retag_stories", stdout=StringIO())
    assert story.organizations.count() == 4
    assert story.story_organizations.get(organization=typed).origin == Origin.TYPED


def test_autocompletes_answer_a_page_in_fixed_queries(editor_client, django_assert_max_num_queries):
    Organization.objects.bulk_create(
        Organization(name=f"Agency Number {i}", name_key=f"agency number {i}", slug=f"a-{i}")
        for i in range(500)
    )
    for target in (("stories", "storyorganization", "organization"),
                   ("stories", "storyperson", "person")):  # fmt: skip
        with django_assert_max_num_queries(6):
            response = editor_client.get(
                reverse("admin:autocomplete"),
                {"term": "Agency", "app_label": target[0], "model_name": target[1],
                 "field_name": target[2]},
            )  # fmt: skip
        assert response.status_code == 200
        assert len(response.json()["results"]) <= 20


def test_the_panel_follows_unsaved_text(editor_client, story):
    OrganizationFactory(name="Harbor Authority")
    data = {"headline": story.headline, "body": "Only the Harbor Authority now."}
    response = post(editor_client, story, "live_suggestions", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="row">Harbor Authority</th>' in html
    assert "Office of Sprockets</th>" not in html
    story.refresh_from_db()
    assert "Harbor" not in story.body  # nothing saved


def test_an_ambiguous_alias_is_offered_as_a_choice(editor_client, client):
    country = OrganizationFactory(name="Georgia", kind="country", country="GE", slug="georgia")
    state = OrganizationFactory(name="State of Georgia", kind="subnational", country="US",
                                slug="state-of-georgia")  # fmt: skip
    OrganizationAliasFactory(organization=state, name="Georgia")
    story = StoryFactory(published=True, headline="Georgia decides", body="Georgia said so.",
                         source_role=None)  # fmt: skip
    html = panel(editor_client, story)
    assert "could be" in html and 'aria-label="Tag Georgia for' in html
    post(editor_client, story, "accept", {"organization": country.pk})
    assert public_section(client, story) == ["Georgia"]


def test_a_candidates_country_and_parent_are_the_engines(editor_client):
    """ "Harbor Telecom Ethiopia": the panel prefills the country and the parent the engine
    gives the candidate, though the parent is named only inside the candidate's name."""
    OrganizationFactory(name="Ethiopia", kind="country", country="ET", slug="ethiopia")
    OrganizationFactory(name="Kenya", kind="country", country="KE", slug="kenya")
    parent = OrganizationFactory(name="Harbor Telecom PLC", kind="company", country="KE")
    OrganizationAliasFactory(organization=parent, name="Harbor Telecom")
    story = StoryFactory(
        headline="A network opens", body="Kenya's Harbor Telecom Ethiopia opened its network.",
        source_role=None,
    )  # fmt: skip
    html = panel(editor_client, story)
    n = html.split('value="Harbor Telecom Ethiopia"')[0].rsplit('name="candidate-name-', 1)[1]
    n = n.split('"')[0]
    assert f'name="candidate-country-{n}" value="ET"' in html
    part_of = html.split(f'name="candidate-parent-{n}"')[1].split("</select>")[0]
    assert f'<option value="{parent.pk}" selected>Harbor Telecom PLC</option>' in part_of


def test_a_board_is_offered_under_its_bodys_name(editor_client):
    """ "The Board of the Central Bank …": every body has a board; the panel offers to create
    the bank's, named with the bank, never a registry organization called "Board"."""
    bank = OrganizationFactory(name="Harbor Reserve Bank (Harborland)", kind="agency")
    OrganizationAliasFactory(organization=bank, name="Harbor Reserve Bank")
    story = StoryFactory(
        headline="Rates cut",
        body="The Board of the Harbor Reserve Bank cut its rate by half a point.",
        source_role=None,
    )
    html = panel(editor_client, story)
    assert 'name="candidate-name-1" value="Board of the Harbor Reserve Bank"' in html
    assert 'aria-label="Create Board of the Harbor Reserve Bank and tag it"' in html


def test_a_ministry_only_a_ministers_title_implies_is_offered_apart(editor_client):
    """ "Uzbekistan Foreign Minister …": the story names the minister, not the ministry; the
    panel offers the ministry under "Implied by a title", and "Accept all" leaves it out."""
    OrganizationFactory(name="Uzbekistan", kind="country", country="UZ", slug="uzbekistan")
    ministry = OrganizationFactory(
        name="Ministry of Foreign Affairs of Uzbekistan", kind="ministry", country="UZ"
    )
    bureau = OrganizationFactory(name="Bureau of Widget Safety", kind="agency", country="US")
    story = StoryFactory(
        headline="Talks in Tashkent",
        body="Uzbekistan Foreign Minister Bakhtiyor Saidov met the Bureau of Widget Safety.",
        source_role=None,
    )
    html = panel(editor_client, story)
    implied = html.split("Implied by a title")[1].split("</ul>")[0]
    assert "Ministry of Foreign Affairs of Uzbekistan" in implied
    assert f'value="accept:{ministry.pk}"' in implied
    post(editor_client, story, "accept_all", {})
    tagged = set(story.organizations.values_list("pk", flat=True))
    assert bureau.pk in tagged and ministry.pk not in tagged
