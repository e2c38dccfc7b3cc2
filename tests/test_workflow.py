"""The editorial workflow through the admin: transitions, who may do what, scheduling,
revisions, edit conflicts, previews, validation, review and the dashboard."""

from datetime import UTC, datetime, timedelta

import pytest
import reversion
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from stories.models import Story, StoryOrganization, StoryStatus
from stories.previews import preview_url
from stories.search import refresh_search_vectors
from tests.admin_forms import form_data, inline_data
from tests.factories import OrganizationFactory, StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db
S = StoryStatus


@pytest.fixture
def make_user(django_user_model):
    def make(name, group=None, **extra):
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True, **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def people(make_user):
    return {
        "reporter": make_user("reporter", "Reporter"),
        "other_reporter": make_user("other", "Reporter"),
        "editor": make_user("editor", "Editor"),
        "superuser": make_user("boss", is_superuser=True),
    }


def tagged_story(status=S.DRAFT, created_by=None, **kwargs):
    story = StoryFactory(status=status, created_by=created_by, **kwargs)
    StoryOrganizationFactory(story=story)
    return story


def transition(client, story, name, **data):
    url = reverse("admin:stories_story_transition", args=[story.pk])
    return client.post(url, {"transition": name, **data})


ALLOWED = {
    # (role, transition, from status): allowed?
    ("reporter", "submit", S.DRAFT): True,
    ("reporter", "publish", S.DRAFT): False,
    ("reporter", "schedule", S.DRAFT): False,
    ("reporter", "send_back", S.IN_REVIEW): False,
    ("reporter", "unpublish", S.PUBLISHED): False,
    ("reporter", "archive", S.PUBLISHED): False,
    ("reporter", "to_draft", S.UNPUBLISHED): False,
    ("editor", "submit", S.DRAFT): True,
    ("editor", "publish", S.DRAFT): True,
    ("editor", "publish", S.IN_REVIEW): True,
    ("editor", "schedule", S.IN_REVIEW): True,
    ("editor", "send_back", S.IN_REVIEW): True,
    ("editor", "unpublish", S.PUBLISHED): True,
    ("editor", "archive", S.PUBLISHED): True,
    ("editor", "to_draft", S.ARCHIVED): True,
    ("superuser", "publish", S.DRAFT): True,
    ("superuser", "archive", S.UNPUBLISHED): True,
}
TARGET = {"submit": S.IN_REVIEW, "publish": S.PUBLISHED, "schedule": S.PUBLISHED,
          "send_back": S.DRAFT, "unpublish": S.UNPUBLISHED, "archive": S.ARCHIVED,
          "to_draft": S.DRAFT}  # fmt: skip


@pytest.mark.parametrize(("role", "name", "source"), list(ALLOWED), ids=lambda v: str(v))
def test_permission_matrix(client, people, role, name, source):
    user = people[role]
    published_at = timezone.now() - timedelta(days=1) if source == S.PUBLISHED else None
    story = tagged_story(status=source, created_by=people["reporter"], published_at=published_at)
    client.force_login(user)
    at = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = transition(client, story, name, publish_at=at)
    story.refresh_from_db()
    if ALLOWED[(role, name, source)]:
        assert response.status_code == 302
        assert story.status == TARGET[name]
        assert LogEntry.objects.filter(object_id=str(story.pk), user=user).exists()
        assert Version.objects.get_for_object(story).count() >= 1
    else:
        assert response.status_code == 403
        assert story.status == source
        assert story.version == 1


def test_reporters_edit_only_their_own_drafts(client, people):
    own = tagged_story(created_by=people["reporter"], headline="Mine")
    others = tagged_story(created_by=people["other_reporter"], headline="Theirs")
    submitted = tagged_story(status=S.IN_REVIEW, created_by=people["reporter"])
    client.force_login(people["reporter"])
    change = lambda s: reverse("admin:stories_story_change", args=[s.pk])  # noqa: E731
    page = client.get(change(own))
    assertContains(page, 'name="headline"')
    for story in (others, submitted):
        page = client.get(change(story))
        assertNotContains(page, 'name="headline"')  # read-only view, no form to save
        response = client.post(change(story), {"headline": "Forged", "body": "x", "slug": "x"})
        assert response.status_code == 403
        story.refresh_from_db()
        assert story.headline != "Forged"
    delete = reverse("admin:stories_story_delete", args=[own.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Story.objects.filter(pk=own.pk).exists()


def test_reporters_new_stories_are_theirs_and_drafts(client, people):
    client.force_login(people["reporter"])
    response = client.post(
        reverse("admin:stories_story_add"),
        {"headline": "A reporter writes", "slug": "a-reporter-writes", "body": "Text.",
         "tags": "", "status": "published",
         "story_organizations-TOTAL_FORMS": "0", "story_organizations-INITIAL_FORMS": "0",
         "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 302
    story = Story.objects.get(slug="a-reporter-writes")
    assert (story.status, story.created_by) == (S.DRAFT, people["reporter"])


def test_publishing_needs_headline_body_and_an_organization(client, people, settings):
    story = StoryFactory(status=S.IN_REVIEW, body="")
    client.force_login(people["editor"])
    response = transition(client, story, "publish")
    story.refresh_from_db()
    assert story.status == S.IN_REVIEW
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Not done: It needs a body." in messages
    assert "Not done: Tag at least one organization in “Organizations in this story”." in messages
    page = client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assertContains(page, "Not done: It needs a body.")

    settings.REQUIRE_ORGANIZATION_TO_PUBLISH = False
    Story.objects.filter(pk=story.pk).update(body="Now there is a body.")
    transition(client, story, "publish")
    story.refresh_from_db()
    assert story.status == S.PUBLISHED and story.is_public


def test_first_publication_sets_published_at_and_marked_changes_show_as_updated(client, people):
    story = tagged_story(status=S.IN_REVIEW)
    client.force_login(people["editor"])
    transition(client, story, "publish")
    story.refresh_from_db()
    first = story.published_at
    assert first is not None and story.revised_at is None
    url = reverse("admin:stories_story_change", args=[story.pk])
    for body, marked in (("A fixed typo.", ""), ("A corrected body.", "on")):
        page = client.get(url)
        data = {**form_data(page.context["adminform"].form), **inline_data(page)}
        data.update(body=body, tags="", mark_updated=marked)
        assert client.post(url, data).status_code == 302
        story.refresh_from_db()
        assert (story.revised_at is not None) == bool(marked), body
    assert story.published_at == first
    assertContains(client.get(story.get_absolute_url()), "Updated <time")


def test_a_scheduled_story_goes_live_on_time_everywhere(client, people):
    organization = OrganizationFactory(name="Office of Timing")
    story = StoryFactory(status=S.IN_REVIEW, headline="Embargoed until ten")
    StoryOrganizationFactory(story=story, organization=organization)
    client.force_login(people["editor"])
    with time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), tick=False):
        response = transition(client, story, "schedule", publish_at="2026-11-27T10:00")
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.published_at == datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
        assert Story.objects.scheduled().get() == story
    refresh_search_vectors([story.pk])  # what the commit of the save does (on_commit)
    client.logout()
    pages = [reverse("home"), organization.get_absolute_url(), "/feeds/latest.rss",
             "/feeds/latest.json", "/sitemap-news.xml", "/search/?q=Embargoed"]  # fmt: skip
    with time_machine.travel(datetime(2026, 11, 27, 9, 59, 59, tzinfo=UTC), tick=False):
        assert client.get(story.get_absolute_url()).status_code == 404
        assert client.get("/sitemap-stories.xml").status_code == 404  # no public story yet
        for page in pages:
            assertNotContains(client.get(page), "Embargoed until ten")
    with time_machine.travel(datetime(2026, 11, 27, 10, 0, tzinfo=UTC), tick=False):
        assert client.get(story.get_absolute_url()).status_code == 200
        assertContains(client.get("/sitemap-stories.xml"), story.get_absolute_url())
        for page in pages:
            assertContains(client.get(page), "Embargoed until ten")


def test_review_with_reviewer_due_time_and_notes(client, people):
    story = tagged_story(created_by=people["reporter"], headline="Please review me")
    late = tagged_story(status=S.IN_REVIEW, headline="Overdue one", reviewer=people["editor"],
                        review_due_at=timezone.now() - timedelta(hours=2))  # fmt: skip
    client.force_login(people["reporter"])
    transition(client, story, "submit", reviewer=people["editor"].pk,
               due_at="2030-01-01T12:00", note="Check the minister's title")  # fmt: skip
    story.refresh_from_db()
    assert (story.status, story.reviewer, story.review_note) == (
        S.IN_REVIEW, people["editor"], "Check the minister's title",
    )  # fmt: skip
    client.force_login(people["editor"])
    index = client.get(reverse("admin:index")).content.decode()
    section = index.split("Waiting for my review")[1].split("dashboard-section")[0]
    assert section.index("Overdue one") < section.index("Please review me")
    assert "overdue" in section
    transition(client, story, "send_back", note="The quote needs a source")
    story.refresh_from_db()
    assert (story.status, story.review_note) == (S.DRAFT, "The quote needs a source")
    assert late.pk
    client.force_login(people["reporter"])
    page = client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assertContains(page, "The quote needs a source")


def test_dashboard_sections_link_to_filtered_lists(client, people):
    tagged_story(created_by=people["editor"], headline="Editor's own draft")
    StoryFactory(published=True, headline="Live with nothing tagged")
    scheduled = tagged_story(status=S.PUBLISHED, headline="Coming tomorrow",
                             published_at=timezone.now() + timedelta(days=1))  # fmt: skip
    client.force_login(people["editor"])
    html = client.get(reverse("admin:index")).content.decode()
    for title in ("My drafts", "Waiting for my review", "Scheduled", "Recently published",
                  "Published with no organizations"):  # fmt: skip
        assert title in html
    assert "Editor&#x27;s own draft" in html and "Coming tomorrow" in html
    untagged = html.split("Published with no organizations")[1]
    assert "Live with nothing tagged" in untagged
    changelist = client.get(reverse("admin:stories_story_changelist") + "?when=scheduled")
    assertContains(changelist, scheduled.headline)
    assertNotContains(changelist, "Live with nothing tagged")


def test_restoring_a_revision_brings_back_text_tags_and_organizations(client, people):
    client.force_login(people["editor"])
    first_org, second_org = (
        OrganizationFactory(name="First Org"),
        OrganizationFactory(name="Second Org"),
    )
    add = {
        "headline": "Original headline", "slug": "restorable", "body": "Original body.",
        "tags": "alpha, beta", "organization_to_add": first_org.pk,
        "story_people-TOTAL_FORMS": "0", "story_people-INITIAL_FORMS": "0",
    }  # fmt: skip
    assert client.post(reverse("admin:stories_story_add"), add).status_code == 302
    story = Story.objects.get(slug="restorable")
    url = reverse("admin:stories_story_change", args=[story.pk])
    change = {**add, "headline": "New headline", "body": "New body.", "tags": "gamma",
              "loaded_version": story.version, "organization_to_add": second_org.pk,
              "_panel": f"remove:{first_org.pk}"}  # fmt: skip
    response = client.post(url, change)
    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert (story.headline, list(story.tags.names())) == ("New headline", ["gamma"])

    versions = list(Version.objects.get_for_object(story).order_by("pk"))
    assert len(versions) == 2
    history = client.get(reverse("admin:stories_story_history", args=[story.pk]))
    assertContains(history, "Compare the two ticked revisions")
    compare = client.get(reverse("admin:stories_story_compare", args=[story.pk]),
                         {"version": [v.pk for v in versions]})  # fmt: skip
    html = compare.content.decode()
    assert "<del>Original</del>" in html and "<ins>New</ins>" in html
    assert "First Org" in html and "Second Org" in html

    revision_url = reverse("admin:stories_story_revision", args=[story.pk, versions[0].pk])
    form = client.get(revision_url)
    assert form.status_code == 200
    data = form_data(form.context["adminform"].form)
    data.update(tags="alpha, beta", **_inline_data(form))
    response = client.post(revision_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert (story.headline, story.body) == ("Original headline", "Original body.")
    assert sorted(story.tags.names()) == ["alpha", "beta"]
    assert list(story.organizations.all()) == [first_org]


def _inline_data(response) -> dict:
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        prefix = formset.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = management.initial["TOTAL_FORMS"]
        data[f"{prefix}-INITIAL_FORMS"] = management.initial["INITIAL_FORMS"]
        for form in formset.formset.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value is not None:
                    data[f"{form.prefix}-{name}"] = getattr(value, "pk", value)
    return data


def test_a_deleted_story_can_be_recovered(client, people):
    client.force_login(people["superuser"])
    story = tagged_story(headline="Deleted by mistake")
    with reversion.create_revision():  # as every admin save does
        story.save()
    client.post(reverse("admin:stories_story_delete", args=[story.pk]), {"post": "yes"})
    assert not Story.objects.filter(headline="Deleted by mistake").exists()
    recover_list = client.get(reverse("admin:stories_story_recoverlist"))
    assertContains(recover_list, "Deleted by mistake")
    version = Version.objects.get_deleted(Story).get()
    recover = reverse("admin:stories_story_recover", args=[version.pk])
    form = client.get(recover)
    data = form_data(form.context["adminform"].form)
    data.update(tags="", **_inline_data(form))
    assert client.post(recover, data).status_code == 302
    assert Story.objects.get(headline="Deleted by mistake").organizations.count() == 1


def test_the_second_save_of_two_editors_is_refused_and_nothing_is_overwritten(client, people):
    story = tagged_story(headline="Shared headline", body="Shared body.")
    other = OrganizationFactory(name="Added By The First Editor")
    url = reverse("admin:stories_story_change", args=[story.pk])
    client.force_login(people["editor"])
    opened = client.get(url)  # both editors open the story at version 1
    form = opened.context["adminform"].form
    base = form_data(form)
    base.update(tags="", **_inline_data(opened))
    assert base["loaded_version"] == 1

    first = {**base, "body": "The first editor's body.", "organization_to_add": other.pk}
    assert client.post(url, first).status_code == 302

    second = {**base, "headline": "The second editor's headline"}
    response = client.post(url, second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this story while you were editing it" in html
    diff = html.split("revision-diff")[1].split("</table>")[0]  # what changed meanwhile
    assert "<th scope='row'>Body</th>" in diff and "first editor&#x27;s body." in diff
    assert 'value="The second editor&#x27;s headline"' in html  # their text is still there
    story.refresh_from_db()
    assert story.headline == "Shared headline"
    assert story.body == "The first editor's body."
    assert StoryOrganization.objects.filter(story=story, organization=other).exists()


def test_previews_staff_and_signed_link(client, people, settings):
    story = tagged_story(headline="Draft for the source")
    assert client.get(story.get_absolute_url()).status_code == 404
    link = preview_url(story).removeprefix(settings.SITE_URL)
    response = client.get(link)
    assertContains(response, "Draft for the source")
    assertContains(response, '<meta name="robots" content="noindex, nofollow">')
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(link[:-3] + "xyz/").status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=settings.PREVIEW_LINK_DAYS + 1)):
        assert client.get(link).status_code == 404
    client.force_login(people["editor"])
    staff = client.get(story.get_absolute_url())
    assertContains(staff, "Preview: draft")
