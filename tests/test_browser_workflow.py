"""The editorial workflow in a real browser: a reporter submits, an editor publishes, and two
editors saving the same story cannot overwrite each other."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission

from stories.models import Story, StoryStatus
from tests.conftest import SCREENSHOTS, login
from tests.factories import StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)
GROUPS = importlib.import_module("stories.migrations.0004_newsroom_groups")


def make_user(django_user_model, name, group):
    """A user in a newsroom group. The tables are flushed between browser tests, so the groups
    the data migration made are made again here, with the same permissions."""
    grants = {"Reporter": GROUPS.REPORTER, "Editor": GROUPS.EDITOR}[group]
    group_row, _ = Group.objects.get_or_create(name=group)
    for app_label, codenames in grants.items():
        group_row.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    user = django_user_model.objects.create_user(name, password="a-long-password", is_staff=True)
    user.groups.add(group_row)
    return user


def test_reporter_submits_and_editor_publishes(browser_page, live_server, django_user_model):
    page = browser_page
    reporter = make_user(django_user_model, "reporter", "Reporter")
    make_user(django_user_model, "editor", "Editor")
    story = StoryFactory(headline="From the reporter", created_by=reporter, source_role=None)
    StoryOrganizationFactory(story=story)
    change_url = f"{live_server.url}/admin/stories/story/{story.pk}/change/"

    login(page, live_server, "reporter", "a-long-password")
    page.goto(change_url)
    panel = page.locator(".workflow-panel")
    assert panel.get_by_role("button", name="Publish now").count() == 0
    page.select_option("#wf-reviewer", label="editor")
    page.fill("#wf-note", "Ready when you are")
    panel.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert "the story is now in review" in page.locator(".messagelist").inner_text()
    assert page.locator("input[name='headline']").count() == 0  # no longer the reporter's to edit

    page.context.clear_cookies()
    login(page, live_server, "editor", "a-long-password")
    assert "From the reporter" in page.locator(".newsroom-dashboard").inner_text()
    page.goto(change_url)
    assert "Ready when you are" in page.locator(".workflow-panel").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "admin-workflow-1280.png"), full_page=False)
    page.locator(".workflow-panel").get_by_role("button", name="Publish now").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED and story.is_public
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "From the reporter"


def test_two_editors_saving_one_story(browser_page, live_server, django_user_model):
    first = browser_page
    make_user(django_user_model, "first", "Editor")
    make_user(django_user_model, "second", "Editor")
    story = StoryFactory(headline="Shared", body="Shared body.", source_role=None)
    change_url = f"{live_server.url}/admin/stories/story/{story.pk}/change/"
    second = first.context.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

    login(first, live_server, "first", "a-long-password")
    login(second, live_server, "second", "a-long-password")
    first.goto(change_url)
    second.goto(change_url)

    first.fill("textarea[name='body']", "The first editor's body.")
    first.click("input[name='_continue']")
    first.wait_for_load_state()
    assert "was changed successfully" in first.locator(".messagelist").inner_text()

    second.fill("input[name='headline']", "The second editor's headline")
    second.click("input[name='_continue']")
    second.wait_for_load_state()
    assert "Someone else saved this story" in second.locator("ul.errorlist").first.inner_text()
    assert second.input_value("input[name='headline']") == "The second editor's headline"
    second.screenshot(path=str(SCREENSHOTS / "admin-edit-conflict-1280.png"), full_page=False)

    story.refresh_from_db()
    assert (story.headline, story.body) == ("Shared", "The first editor's body.")
    assert Story.objects.count() == 1
