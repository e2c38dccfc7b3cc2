"""Quotes stored with their speakers: found on import and retag, confirmed or corrected on the
story form, never overwritten once an editor has touched them."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from stories.models import QuoteOrigin, SpeakerKind, Story, StoryQuote
from stories.quotes import store_found_quotes
from tests.admin_forms import form_data, inline_data
from tests.factories import OrganizationFactory, PersonFactory, RoleFactory, StoryFactory

pytestmark = pytest.mark.django_db

RELEASE = """Harbor board opens the river lock

Webp ev1
Dana Whitfield, Director of the Office of River Works | Harbor news

Harbor board opens the river lock

ORGANIZATIONS IN THIS STORY

The Office of River Works opened the lock on Tuesday with Mayor Carl Jensen.

“The lock will carry ships for a century,” said Director Dana Whitfield. “It is ready.”

Jensen called the lock “a gift to the city” and thanked the crews.

“Nobody told us about the closures,” one resident said.

ORGANIZATIONS IN THIS STORY
"""


@pytest.fixture
def registry():
    works = OrganizationFactory(name="Office of River Works", kind="agency")
    whitfield = PersonFactory(full_name="Dana Whitfield")
    RoleFactory(person=whitfield, title="Director", organization=works, started_on=date(2020, 1, 1))
    return works, whitfield


@pytest.fixture
def imported(registry, tmp_path) -> Story:
    path = tmp_path / "lock.txt"
    path.write_text(RELEASE, encoding="utf-8")
    call_command("import_stories", str(path), "--publish", stdout=StringIO())
    return Story.objects.get()


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return client


def speakers(story: Story) -> list[tuple]:
    return [
        (q.text, q.speaker_person.full_name if q.speaker_person else q.speaker_name, q.origin)
        for q in story.quotes.select_related("speaker_person")
    ]


def test_an_imported_story_has_its_quotes_with_speakers_from_the_registry(imported, registry):
    works, whitfield = registry
    assert speakers(imported) == [
        ("The lock will carry ships for a century,", "Dana Whitfield", "found"),
        ("It is ready.", "Dana Whitfield", "found"),
        ("a gift to the city", "Carl Jensen", "found"),
        ("Nobody told us about the closures,", "", "found"),
    ]
    first = imported.quotes.first()
    assert (first.speaker_person, first.speaker_organization) == (whitfield, works)
    assert (first.speaker_title, first.speaker_kind, first.paragraph) == (
        "Director",
        SpeakerKind.PERSON,
        2,
    )
    assert imported.paragraphs[1][first.start : first.end] == first.text


def test_finding_again_keeps_confirmed_and_edited_quotes(imported):
    first, second, third, fourth = imported.quotes.all()
    first.origin = QuoteOrigin.CONFIRMED
    first.save()
    third.speaker_name, third.origin = "Carla Jensen", QuoteOrigin.EDITED
    third.save()
    assert store_found_quotes(imported) is False  # nothing the engine found has changed
    call_command("retag_stories", stdout=StringIO())
    assert speakers(imported) == [
        ("The lock will carry ships for a century,", "Dana Whitfield", "confirmed"),
        ("It is ready.", "Dana Whitfield", "found"),
        ("a gift to the city", "Carla Jensen", "edited"),
        ("Nobody told us about the closures,", "", "found"),
    ]
    assert StoryQuote.objects.filter(pk=first.pk).exists()


def test_a_new_body_replaces_only_the_found_quotes(imported):
    first = imported.quotes.first()
    first.origin = QuoteOrigin.CONFIRMED
    first.save()
    imported.body = imported.body.replace("“It is ready.”", "“It opens at dawn.”")
    imported.save()
    assert store_found_quotes(imported) is True
    texts = [q.text for q in imported.quotes.all()]
    assert texts[:2] == ["The lock will carry ships for a century,", "It opens at dawn."]
    assert "It is ready." not in texts
    assert [q.position for q in imported.quotes.all()] == [0, 1, 2, 3]


def save_form(client, story, changes: dict):
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = client.get(url)
    data = {**form_data(page.context["adminform"].form), **inline_data(page), **changes}
    data["_continue"] = "1"
    return client.post(url, data)


def quote_prefix(page, quote: StoryQuote) -> str:
    for inline in page.context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            if isinstance(form.instance, StoryQuote) and form.instance.pk == quote.pk:
                return form.prefix
    raise AssertionError("the quote is not on the form")


def test_the_story_form_shows_quotes_to_confirm_correct_and_assign(editor_client, imported):
    url = reverse("admin:stories_story_change", args=[imported.pk])
    page = editor_client.get(url)
    assertContains(page, "Quotes and who said them")
    assertContains(page, "“Nobody told us about the closures,”")
    assertContains(page, "No speaker yet: choose one.")
    first, _, third, fourth = imported.quotes.all()
    jensen = PersonFactory(full_name="Carl Jensen")
    works = first.speaker_organization
    changes = {
        f"{quote_prefix(page, first)}-confirm": "on",
        f"{quote_prefix(page, third)}-speaker_person": str(jensen.pk),
        f"{quote_prefix(page, fourth)}-speaker_organization": str(works.pk),
    }
    response = save_form(editor_client, imported, changes)
    assert response.status_code == 302, response.context and response.context["errors"]
    first.refresh_from_db()
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert first.origin == QuoteOrigin.CONFIRMED
    assert (third.origin, third.speaker_person, third.speaker_name) == (
        QuoteOrigin.EDITED,
        jensen,
        "Carl Jensen",
    )
    assert (fourth.origin, fourth.speaker_kind, fourth.speaker_name) == (
        QuoteOrigin.EDITED,
        SpeakerKind.ORGANIZATION,
        "Office of River Works",
    )
    # Found again: the editor's choices stand.
    call_command("retag_stories", stdout=StringIO())
    fourth.refresh_from_db()
    assert fourth.speaker_organization == works


def test_the_story_list_filters_stories_with_quotes_to_attribute(editor_client, imported):
    StoryFactory(headline="No quotes at all", body="Nothing was said.")
    url = reverse("admin:stories_story_changelist")
    response = editor_client.get(url, {"quotes": "unattributed"})
    assert [s.pk for s in response.context["cl"].result_list] == [imported.pk]
    fourth = imported.quotes.get(speaker_name="")
    fourth.speaker_name = "A resident"
    fourth.save()
    response = editor_client.get(url, {"quotes": "unattributed"})
    assert list(response.context["cl"].result_list) == []


def test_find_quotes_again_from_the_story_list(editor_client, imported):
    imported.quotes.all().delete()
    url = reverse("admin:stories_story_changelist")
    response = editor_client.post(
        url, {"action": "find_quotes_again", "_selected_action": [imported.pk]}, follow=True
    )
    assertContains(response, "Found the quotes of 1 stories again; 1 changed.")
    assert imported.quotes.count() == 4


def test_a_story_typed_in_the_admin_gets_its_quotes(editor_client, registry):
    url = reverse("admin:stories_story_add")
    page = editor_client.get(url)
    data = {
        **form_data(page.context["adminform"].form),
        **inline_data(page),
        "headline": "Crews finish the lock",
        "slug": "crews-finish-the-lock",
        "body": "“We finished early,” said Jane Moss, the site manager.",
        "_save": "Save",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302
    story = Story.objects.get(slug="crews-finish-the-lock")
    assert speakers(story) == [("We finished early,", "Jane Moss", "found")]


def test_a_speaker_with_two_roles_speaks_for_the_one_the_story_names(tmp_path):
    works = OrganizationFactory(name="Office of River Works", kind="agency")
    whitfield = PersonFactory(full_name="Dana Whitfield")
    # an older entry without an organization is made first (the database may return it first)
    RoleFactory(person=whitfield, title="Director", organization=None, started_on=None)
    RoleFactory(person=whitfield, title="Director", organization=works, started_on=None)
    path = tmp_path / "lock.txt"
    path.write_text(RELEASE, encoding="utf-8")
    call_command("import_stories", str(path), "--publish", stdout=StringIO())
    quote = StoryQuote.objects.get(text__startswith="The lock will carry")
    assert (quote.speaker_person, quote.speaker_organization) == (whitfield, works)
