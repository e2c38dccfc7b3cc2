"""Lead images: upload in the admin, validation, WebP renditions, srcset, alt before publishing."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from stories.models import Story, StoryStatus
from tests.admin_forms import form_data, inline_data
from tests.factories import StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_file(fmt="JPEG", size=(1000, 600), name="photo.jpg"):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def upload(client, story, file, **extra):
    url = reverse("admin:stories_story_change", args=[story.pk])
    page = client.get(url)
    data = {**form_data(page.context["adminform"].form), **inline_data(page)}
    data.update(tags="", lead_image=file, **extra)
    return client.post(url, data)


def test_an_upload_gets_webp_renditions_and_a_responsive_img(editor_client, client, media_root):
    story = StoryFactory(published=True, image_asset_id="e16l2sc6x5qdmh3jlwtpw95528yk")
    response = upload(editor_client, story, image_file(), image_alt="Two officials shake hands")
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.image_asset_id == "e16l2sc6x5qdmh3jlwtpw95528yk"  # the import's key is kept
    assert (story.image_width, story.image_height, story.image_format) == (1000, 600, "webp")
    files = sorted(p.name for p in (media_root / "renditions").iterdir())
    assert files == [f"e16l2sc6x5qdmh3jlwtpw95528yk-{w}.webp" for w in (1000, 480, 800)]
    with Image.open(media_root / "renditions" / files[1]) as rendition:
        assert (rendition.format, rendition.size) == ("WEBP", (480, 288))
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'srcset="/media/renditions/e16l2sc6x5qdmh3jlwtpw95528yk-480.webp 480w' in html
    assert 'width="1000" height="600" alt="Two officials shake hands"' in html
    served = client.get("/media/renditions/e16l2sc6x5qdmh3jlwtpw95528yk-800.webp")
    assert served.status_code == 200 and "immutable" in served["Cache-Control"]


def test_an_upload_without_an_asset_id_gets_one(editor_client):
    story = StoryFactory()
    upload(editor_client, story, image_file("PNG", name="chart.png"))
    story.refresh_from_db()
    assert len(story.image_asset_id) == 28 and story.renditions


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("fake.jpg", b"not an image at all"), "Upload a valid image"),
        (image_file("GIF", name="anim.gif"), "Upload a JPEG, PNG or WebP image, not GIF."),
        (image_file(size=(200, 100)), "The image is 200 px wide; at least 400 px, please."),
    ],
)
def test_bad_uploads_are_refused_on_the_form(editor_client, media_root, file, message):
    story = StoryFactory(headline="Unchanged")
    response = upload(editor_client, story, file, headline="Changed")
    assert response.status_code == 200
    assert message in response.content.decode()
    story.refresh_from_db()
    assert story.headline == "Unchanged" and not story.lead_image
    assert not (media_root / "renditions").exists()


def test_publishing_an_uploaded_image_needs_alt_text(editor_client):
    story = StoryFactory(status=StoryStatus.IN_REVIEW)
    StoryOrganizationFactory(story=story)
    upload(editor_client, story, image_file())
    response = editor_client.post(
        reverse("admin:stories_story_transition", args=[story.pk]), {"transition": "publish"}
    )
    assert "Not done: Describe the lead image in its alt text." in [
        str(m) for m in response.wsgi_request._messages
    ]
    assert Story.objects.get(pk=story.pk).status == StoryStatus.IN_REVIEW
