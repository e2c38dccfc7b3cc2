"""Small holes closed: the preview's Cache-Control, the registry's "duplicates" pages for staff
without permissions, and rendition URLs that climb out of the renditions folder."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from stories.previews import preview_url
from tests.factories import OrganizationFactory, PersonFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_the_preview_says_private_and_no_store_once_each(client, settings):
    story = StoryFactory(headline="A draft for the source to check")
    response = client.get(preview_url(story).removeprefix(settings.SITE_URL))
    assert response.status_code == 200
    directives = [d.strip() for d in response["Cache-Control"].split(",")]
    assert "private" in directives and "no-store" in directives
    assert len(directives) == len(set(directives)), response["Cache-Control"]


@pytest.mark.parametrize("model", ["organization", "person"])
def test_the_duplicates_pages_need_a_permission(client, django_user_model, model):
    OrganizationFactory(name="Department of Examples")
    OrganizationFactory(name="Dept. of Examples")
    PersonFactory(full_name="Jane Roe")
    PersonFactory(full_name="Jane  Roe")
    url = reverse(f"admin:people_{model}_duplicates")
    staff = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename=f"view_{model}"))
    assert client.get(url).status_code == 200


def test_a_rendition_url_cannot_leave_the_renditions_folder(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "renditions").mkdir()
    (tmp_path / "originals").mkdir()
    (tmp_path / "renditions" / "abc-320.webp").write_bytes(b"RIFF....WEBPVP8 ")
    (tmp_path / "x.webp").write_bytes(b"RIFF....WEBPVP8 secret")
    (tmp_path / "originals" / "y.webp").write_bytes(b"RIFF....WEBPVP8 original")
    (tmp_path / "renditions" / "my.photo-640.webp").write_bytes(b"RIFF....WEBPVP8 ")
    assert client.get("/media/renditions/abc-320.webp").status_code == 200
    assert client.get("/media/renditions/my.photo-640.webp").status_code == 200
    for path in (
        "/media/renditions/../x.webp",
        "/media/renditions/../originals/y.webp",
        "/media/renditions/%2e%2e/x.webp",
        "/media/renditions/..%2fx.webp",
        "/media/renditions//x.webp",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
