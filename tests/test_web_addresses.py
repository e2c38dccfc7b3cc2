"""Web addresses (an organization's website, a story's source link) are http(s) on every write
path — model validation, the admin, registry files, ninjs restores — and never reach an href
otherwise (stored XSS through `javascript:` or `data:`)."""

import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from people.models import Organization
from stories.models import Story
from tests.factories import OrganizationFactory, StoryFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/release.txt",
]


@pytest.mark.parametrize("address", HOSTILE)
def test_models_refuse_a_web_address_that_is_not_http(address):
    with pytest.raises(ValidationError) as error:
        OrganizationFactory.build(name="Hostile", slug="hostile", website=address).full_clean()
    assert "website" in error.value.message_dict
    story = StoryFactory(source_url="")
    story.source_url = address
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "source_url" in error.value.message_dict


def test_models_accept_http_and_https():
    OrganizationFactory.build(
        name="Fine", slug="fine", website="https://www.state.gov/"
    ).full_clean()
    StoryFactory.build(slug="fine", source_url="http://example.org/release").full_clean(
        exclude=["source_role"]
    )


@pytest.mark.parametrize("address", HOSTILE)
def test_a_registry_file_with_a_hostile_website_is_refused_and_changes_nothing(tmp_path, address):
    OrganizationFactory(name="Already Here", website="https://already.example.org/")
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"organizations": [
        {"name": "Fine Agency", "website": "https://fine.example.org/"},
        {"name": "Already Here", "website": address},
    ]}))  # fmt: skip
    with pytest.raises(CommandError) as error:
        call_command("load_registry", str(path), stdout=StringIO())
    assert f"{path}, organizations[1].website: expected a web address" in str(error.value)
    assert list(Organization.objects.values_list("name", "website")) == [
        ("Already Here", "https://already.example.org/")
    ]


def test_a_registry_csv_with_a_hostile_website_names_the_line(tmp_path):
    path = tmp_path / "hostile.csv"
    path.write_text(
        "name,kind,website\nFine Agency,agency,https://fine.example.org/\n"
        "Bad Agency,agency,javascript:alert(1)\n"
    )
    with pytest.raises(CommandError) as error:
        call_command("load_registry", str(path), stdout=StringIO())
    assert f"{path}, line 3, column website: expected a web address" in str(error.value)
    assert not Organization.objects.exists()


def test_the_admin_refuses_a_hostile_website(editor_client):
    organization = OrganizationFactory(name="Office of Tests", website="")
    url = reverse("admin:people_organization_change", args=[organization.pk])
    form = {
        "name": "Office of Tests", "slug": organization.slug, "kind": "agency",
        "website": "javascript:alert(1)", "description": "",
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
        "children-TOTAL_FORMS": "0", "children-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = editor_client.post(url, form)
    assert response.status_code == 200
    assert "http:// or https://" in response.content.decode()
    organization.refresh_from_db()
    assert organization.website == ""


def ninjs_document(label_uri: str) -> dict:
    return {
        "uri": "http://testserver/stories/a-restored-story/",
        "altIds": [{"role": "slug", "value": "a-restored-story"}],
        "headlines": [{"role": "main", "value": "A restored story"}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": "Text."}],
        "infoSources": [{"role": "label", "name": "Official Website", "uri": label_uri}],
        "firstCreated": "2026-11-01T09:00:00+00:00",
        "versionCreated": "2026-11-01T09:00:00+00:00",
    }


@pytest.mark.parametrize("address", HOSTILE)
def test_a_ninjs_restore_with_a_hostile_source_link_is_refused(tmp_path, address):
    path = tmp_path / "backup.ndjson"
    path.write_text(json.dumps(ninjs_document(address)) + "\n")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 refused"):
        call_command("import_stories", "--format", "ninjs", str(path), stdout=out, stderr=err)
    assert f"{path}, line 1: expected" in err.getvalue()
    assert "source_url" in err.getvalue() or "web address" in err.getvalue()
    assert not Story.objects.exists()


def test_pages_never_link_to_a_stored_hostile_address(client):
    organization = OrganizationFactory(name="Legacy Row")
    # A row written before the check existed, straight into the table.
    Organization.objects.filter(pk=organization.pk).update(website="javascript:alert(1)")
    story = StoryFactory(published=True, source_label="Official Website")
    Story.objects.filter(pk=story.pk).update(source_url="data:text/html,<script>alert(1)</script>")
    page = client.get(organization.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in page
    story_page = client.get(story.get_absolute_url()).content.decode()
    assert 'href="data:' not in story_page
    assert "Official Website" in story_page
