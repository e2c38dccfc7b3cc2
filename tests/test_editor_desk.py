"""The editor's desk through the admin: releases brought in from the admin, tagging in one
place, lists that tell the truth, old addresses, and who may do what from the story list."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from people.models import Organization, Person, Role
from stories.models import Story, StoryOrganization, StoryStatus
from tests.admin_forms import form_data, inline_data
from tests.factories import (
    OrganizationFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db

DEMO = Path(settings.BASE_DIR) / "demo" / "stories"
RELEASE = """Harbor board approves a second ferry pier for the island route

Webp h4rb0rp13r2
Mara Lindqvist, Spokesperson of the Office of Example Harbors | Official Website

Harbor board approves a second ferry pier for the island route

ORGANIZATIONS IN THIS STORY

The Office of Example Harbors said on Monday that a second pier will cut waiting times in summer.

Work starts in March, Ms. Lindqvist said, and the old pier stays open throughout.

ORGANIZATIONS IN THIS STORY
"""


@pytest.fixture
def harbor_office():
    return OrganizationFactory(name="Office of Example Harbors", slug="office-of-example-harbors")


def user_in(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def change_data(client, story, **changes):
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = client.get(url)
    data = {**form_data(page.context["adminform"].form), **inline_data(page)}
    data.update({"tags": ", ".join(story.tags.names()), **changes})
    return url, data


# --- Import releases --------------------------------------------------------------------------


def test_import_page_previews_then_creates_drafts_with_links(editor_client, harbor_office):
    url = reverse("admin:stories_story_import")
    assertContains(editor_client.get(url), "Or paste a release")
    files = [
        SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")
        for path in sorted(DEMO.glob("*.txt"))[:2]
    ]
    preview = editor_client.post(url, {"files": files, "pasted": RELEASE, "step": "preview"})

    html = preview.content.decode()
    assert "3 of 3 releases can be imported" in html
    assert "Harbor board approves a second ferry pier for the island route" in html
    assert "Mara Lindqvist, Spokesperson — Office of Example Harbors" in html
    assert "Paragraphs (2)" in html and "Office of Example Harbors" in html
    assert not Story.objects.exists() and not Person.objects.exists()  # a dry run

    data = {"step": "confirm", "count": "3"}
    for i, field in enumerate(preview.context["previews"]):
        data.update({f"release-{i}-name": field.name, f"release-{i}-text": field.text,
                     f"release-{i}-include": "1"})  # fmt: skip
    done = editor_client.post(url, data)
    assert Story.objects.filter(status=StoryStatus.DRAFT).count() == 3
    harbor = Story.objects.get(headline__startswith="Harbor board approves")
    assertContains(done, reverse("admin:stories_story_change", args=[harbor.pk]))
    assert harbor.paragraphs[1].startswith("Work starts in March")
    assert harbor.story_organizations.first().organization == harbor_office
    assert harbor.source_role.person.full_name == "Mara Lindqvist"


def test_a_refused_release_shows_the_line_and_the_others_still_import(editor_client):
    url = reverse("admin:stories_story_import")
    broken = SimpleUploadedFile("broken.txt", b"\n\n\n", content_type="text/plain")
    good = SimpleUploadedFile("harbor.txt", RELEASE.encode(), content_type="text/plain")
    preview = editor_client.post(url, {"files": [broken, good], "step": "preview"})
    html = preview.content.decode()
    assert "1 of 2 releases can be imported" in html
    assert "Refused: broken.txt, line 1: expected a headline" in html


def test_import_page_is_refused_without_permission(client, django_user_model):
    staff = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:stories_story_import")).status_code == 403


def test_add_story_splits_a_pasted_release_into_its_fields(editor_client, harbor_office):
    response = editor_client.post(
        reverse("admin:stories_story_add"),
        {"headline": "", "slug": "", "body": RELEASE.replace("\n", "\r\n"), "tags": "",
         "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0"},
    )  # fmt: skip
    story = Story.objects.get()
    assert response["Location"].endswith(f"/{story.pk}/change/")
    assert story.headline == "Harbor board approves a second ferry pier for the island route"
    assert story.image_asset_id == "h4rb0rp13r2" and story.source_label == "Official Website"
    assert len(story.paragraphs) == 2 and "ORGANIZATIONS" not in story.body
    assert story.created_by is not None and story.status == StoryStatus.DRAFT


def test_the_importer_finds_a_story_typed_in_the_admin(editor_client, harbor_office, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    typed = StoryFactory(
        headline="Harbor board approves a second ferry pier for the island route",
        body="Typed by hand first.", source_role=None,
    )  # fmt: skip
    (tmp_path / "harbor.txt").write_text(RELEASE)
    call_command("import_stories", str(tmp_path / "harbor.txt"), stdout=StringIO())
    assert Story.objects.count() == 1
    typed.refresh_from_db()
    assert typed.import_key and typed.paragraphs[0].startswith("The Office of Example Harbors")


# --- Tagging in one place ---------------------------------------------------------------------


def test_accept_all_takes_countries_too_unless_the_setting_says_no(editor_client, settings):
    agency = OrganizationFactory(name="Bureau of Lighthouses")
    country = OrganizationFactory(name="Norway", kind="country", country="NO", slug="norway")
    story = StoryFactory(body="The Bureau of Lighthouses met officials from Norway.",
                         source_role=None)  # fmt: skip
    url, data = change_data(editor_client, story, _panel="accept_all")
    settings.ACCEPT_ALL_INCLUDES_COUNTRIES = False
    editor_client.post(url, data)
    assert list(story.organizations.all()) == [agency]
    settings.ACCEPT_ALL_INCLUDES_COUNTRIES = True
    url, data = change_data(editor_client, story, _panel="accept_all")
    editor_client.post(url, data)
    assert list(story.organizations.order_by("story_links__position")) == [agency, country]


def test_the_source_organization_goes_first_and_positions_start_at_1(editor_client):
    source = RoleFactory(organization__name="Office of Example Bridges")
    OrganizationFactory(name="Bureau of Ferries")
    story = StoryFactory(
        body="The Bureau of Ferries and the Office of Example Bridges agreed.", source_role=source
    )
    url, data = change_data(editor_client, story, _panel="accept_all")
    editor_client.post(url, data)
    links = list(story.story_organizations.order_by("position"))
    assert [(link.organization.name, link.position) for link in links] == [
        ("Office of Example Bridges", 1), ("Bureau of Ferries", 2),
    ]  # fmt: skip
    page = editor_client.get(url).content.decode()
    first = page.split('class="tagged-organization"')[1]
    assert "Office of Example Bridges" in first and "main</strong>" in first


def test_a_candidate_is_created_with_country_parent_and_aliases_then_leaves_the_list(
    editor_client,
):
    OrganizationFactory(name="Japan", kind="country", country="JP", slug="japan")
    ministry_parent = OrganizationFactory(name="Cabinet Office")
    story = StoryFactory(
        body="The Ministry of Tidal Energy (MTE) of Japan spoke after the Cabinet Office.",
        source_role=None,
    )
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = editor_client.get(url).content.decode()
    candidate = page.split('class="candidate"')[1].split("Create and tag")[0]
    n = candidate.split('name="candidate-name-')[1].split('"')[0]
    found = candidate.split(f'name="candidate-name-{n}" value="')[1].split('"')[0]
    assert 'value="JP"' in candidate  # the country the text names, prefilled
    url, data = change_data(editor_client, story, _panel=f"create:{n}", **{
        f"candidate-name-{n}": found + " Affairs", f"candidate-kind-{n}": "ministry",
        f"candidate-country-{n}": "JP", f"candidate-parent-{n}": ministry_parent.pk,
        f"candidate-aliases-{n}": "MTE", f"candidate-found-{n}": found,
    })  # fmt: skip
    editor_client.post(url, data)
    created = Organization.objects.get(name=found + " Affairs")
    assert (created.kind, created.country, created.parent) == ("ministry", "JP", ministry_parent)
    assert list(created.aliases.values_list("name", flat=True)) == ["MTE"]
    assert story.organizations.filter(pk=created.pk).exists()
    page = editor_client.get(url).content.decode()
    assert f'value="{found}"' not in page.split('class="suggestions-panel"')[1]


def test_panel_actions_join_the_next_revision_instead_of_one_each(editor_client):
    names = ["Bureau of Tides", "Office of Buoys", "Harbor Pilots Board"]
    for name in names:
        OrganizationFactory(name=name)
    story = StoryFactory(body=" and ".join(f"the {n}" for n in names) + ".", source_role=None)
    url = reverse("admin:stories_story_change", args=[story.pk])
    for name in names:
        organization = Organization.objects.get(name=name)
        _, data = change_data(editor_client, story, _panel=f"accept:{organization.pk}")
        assert editor_client.post(url, data).status_code == 302
    assert not Version.objects.get_for_object(story).exists()
    assert not LogEntry.objects.filter(object_id=str(story.pk)).exists()

    _, data = change_data(editor_client, story)  # a save without edits records them
    editor_client.post(url, data)
    (version,) = Version.objects.get_for_object(story)
    linked = [v.object_repr for v in version.revision.version_set.all()]
    assert set(names) <= set(linked)
    assert "Organizations in this story" in LogEntry.objects.get().get_change_message()


# --- Lists that tell the truth ----------------------------------------------------------------


def test_scheduled_stories_say_so_in_the_list_and_on_the_dashboard(editor_client):
    soon = timezone.now() + timedelta(days=1)
    story = StoryFactory(status=StoryStatus.PUBLISHED, published_at=soon, headline="Tomorrow")
    changelist = editor_client.get(reverse("admin:stories_story_changelist")).content.decode()
    row = changelist.split("Tomorrow</a>")[1].split("</tr>")[0]
    assert "Scheduled for" in row and "Published" not in row
    dashboard = editor_client.get(reverse("admin:index")).content.decode()
    assert "Scheduled for" in dashboard.split(story.headline)[1].split("</li>")[0]


def test_imported_drafts_are_listed_to_review(editor_client, tmp_path, harbor_office):
    from io import StringIO

    from django.core.management import call_command

    (tmp_path / "harbor.txt").write_text(RELEASE)
    call_command("import_stories", str(tmp_path / "harbor.txt"), stdout=StringIO())
    StoryFactory(headline="Typed by an editor", created_by=None)
    dashboard = editor_client.get(reverse("admin:index")).content.decode()
    section = dashboard.split("Imported, to review")[1].split("</ul>")[0]
    assert "Harbor board approves" in section and "Typed by an editor" not in section
    listed = editor_client.get(reverse("admin:stories_story_changelist"), {"mine": "imported"})
    assertContains(listed, "Harbor board approves")
    assertNotContains(listed, "Typed by an editor")


def test_the_admin_is_branded_newsroom_and_links_import(editor_client):
    page = editor_client.get(reverse("admin:stories_story_changelist")).content.decode()
    assert ">Newsroom</a>" in page and "Django administration" not in page
    assert reverse("admin:stories_story_import") in page


# --- Old addresses ----------------------------------------------------------------------------


def test_every_earlier_slug_redirects_to_the_story(editor_client):
    client = Client()
    story = StoryFactory(published=True, slug="first-address")
    for slug in ("second-address", "third-address"):
        url, data = change_data(editor_client, story, slug=slug)
        assert editor_client.post(url, data).status_code == 302
    story.refresh_from_db()
    for old in ("first-address", "second-address"):
        response = client.get(f"/stories/{old}/")
        assert response.status_code == 301
        assert response["Location"] == story.get_absolute_url()
    assert client.get("/stories/never-was/").status_code == 404


def test_an_old_slug_of_a_draft_stays_hidden(editor_client):
    story = StoryFactory(slug="draft-address")
    url, data = change_data(editor_client, story, slug="draft-renamed")
    editor_client.post(url, data)
    assert editor_client.get("/stories/draft-address/").status_code == 301  # staff: preview
    assert Client().get("/stories/draft-address/").status_code == 404


# --- Who may do what from the story list ------------------------------------------------------


@pytest.mark.parametrize(
    "action",
    ["submit_selected", "publish_selected", "unpublish_selected", "archive_selected"],
)
def test_bulk_actions_with_and_without_permission(client, django_user_model, action):
    reporter = user_in(django_user_model, "reporter", "Reporter")
    editor = user_in(django_user_model, "editor", "Editor")
    start = {"submit_selected": StoryStatus.DRAFT, "publish_selected": StoryStatus.IN_REVIEW,
             "unpublish_selected": StoryStatus.PUBLISHED,
             "archive_selected": StoryStatus.PUBLISHED}[action]  # fmt: skip
    stories = [
        StoryFactory(status=start, created_by=reporter, published_at=timezone.now())
        for _ in range(2)
    ]
    for story in stories:
        StoryOrganizationFactory(story=story)
    changelist = reverse("admin:stories_story_changelist")
    data = {"action": action, "_selected_action": [s.pk for s in stories]}

    client.force_login(reporter)
    client.post(changelist, data)
    allowed_to_reporter = action == "submit_selected"
    after = {s.status for s in Story.objects.filter(pk__in=[s.pk for s in stories])}
    assert (after == {start}) is not allowed_to_reporter

    if not allowed_to_reporter:
        client.force_login(editor)
        response = client.post(changelist, data, follow=True)
        after = {s.status for s in Story.objects.filter(pk__in=[s.pk for s in stories])}
        assert after != {start}
        assertContains(response, ": 2 stories.")


def test_a_reporter_cannot_tag_anothers_story_from_the_list(client, django_user_model):
    reporter = user_in(django_user_model, "reporter", "Reporter")
    theirs = StoryFactory(published=True, created_by=None, body="The Bureau of Kites spoke.")
    own = StoryFactory(created_by=reporter, body="The Bureau of Kites spoke.", source_role=None)
    kites = OrganizationFactory(name="Bureau of Kites")
    client.force_login(reporter)
    changelist = reverse("admin:stories_story_changelist")
    selected = {"_selected_action": [theirs.pk, own.pk]}
    response = client.post(
        changelist, {"action": "tag_suggested_organizations", **selected}, follow=True
    )
    assertContains(response, "you may not change this story")
    client.post(changelist, {"action": "add_organization", "apply": "1",
                             "organization": kites.pk, **selected})  # fmt: skip
    assert not theirs.story_organizations.exists()
    assert StoryOrganization.objects.filter(story=own, organization=kites).exists()
    own.refresh_from_db()
    assert own.version > 1  # the edit-conflict guard sees the change


def test_a_reporter_cannot_unpublish_through_history(client, django_user_model):
    reporter = user_in(django_user_model, "reporter", "Reporter")
    editor = user_in(django_user_model, "editor", "Editor")
    story = StoryFactory(created_by=reporter, source_role=None, body="Typed.")
    StoryOrganizationFactory(story=story)
    client.force_login(editor)
    for body in ("First words.", "Second words."):  # revisions 1 and 2, drafts
        url, data = change_data(client, story, body=body)
        client.post(url, data)
    response = client.post(reverse("admin:stories_story_transition", args=[story.pk]),
                           {"transition": "publish"}, follow=True)  # fmt: skip
    assert "the story is now published" in response.content.decode()
    first = Version.objects.get_for_object(story).order_by("pk").first()
    revert = reverse("admin:stories_story_revision", args=[story.pk, first.pk])

    client.force_login(reporter)
    assert client.post(revert, {**data, "body": "First words."}).status_code == 403
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED and story.body == "Second words."

    client.force_login(editor)  # an editor restores the text; the story stays published
    form = client.get(revert).context["adminform"].form
    response = client.post(revert, {**form_data(form), "tags": "",
                                    "story_people-TOTAL_FORMS": "0",
                                    "story_people-INITIAL_FORMS": "0"})  # fmt: skip
    assert response.status_code == 302
    before = story.version
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED and story.body == "First words."
    assert story.version == before + 1


def test_history_of_a_missing_story_is_not_an_error(editor_client):
    response = editor_client.get("/admin/stories/story/9999/history/")
    assert response.status_code in (302, 404)
    assert editor_client.get("/admin/stories/story/9999/change/").status_code in (302, 404)


def test_people_resolution_is_unchanged_by_the_desk():
    # The people a pasted release names are the importer's: a known spokesperson keeps one role.
    role = RoleFactory(person__full_name="Mara Lindqvist", title="Spokesperson",
                       organization__name="Office of Example Harbors")  # fmt: skip
    from stories.admin.imports import preview_release

    preview = preview_release("pasted release", RELEASE)
    assert preview.result is not None and preview.error is None
    assert Role.objects.filter(person=role.person).count() == 1


def test_command_links_follow_the_site_address(settings, tmp_path, harbor_office):
    import json
    from io import StringIO

    from django.core.management import call_command

    settings.SITE_URL = "http://192.0.2.10:8123"
    (tmp_path / "harbor.txt").write_text(RELEASE)
    out = StringIO()
    call_command("import_stories", str(tmp_path / "harbor.txt"), "--json", stdout=out)
    (record,) = json.loads(out.getvalue())
    assert record["story"]["url"].startswith("http://192.0.2.10:8123/stories/")
