"""Signed preview links: a draft seen exactly as it will be published, by whoever has the link,
until it expires. Never indexed, never cached."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from stories.models import Story

SALT = "stories.preview"


def preview_token(story: Story) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(story.pk))


def preview_url(story: Story) -> str:
    """The absolute signed link to send to a source for fact-checking."""
    return settings.SITE_URL + reverse("stories:preview", kwargs={"token": preview_token(story)})


def story_for_token(token: str) -> Story | None:
    """The story a valid, unexpired token names; None otherwise."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.PREVIEW_LINK_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return None
    return Story.objects.for_page().filter(pk=pk).first()
