"""Lead images: validate an upload, make WebP renditions at several widths (Pillow).

The rendition files are keyed by the story's image asset id (an imported story keeps the id of
its source's asset store; an upload without one gets a new id), so an image and its renditions
can be found, replaced and cached for a long time.
"""

import secrets
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from stories.models import Story

WIDTHS = (480, 800, 1200, 1600)
ACCEPTED = {"JPEG", "PNG", "WEBP"}
MAX_BYTES = 20 * 1024 * 1024
MIN_WIDTH = 400


def rendition_widths(original_width: int) -> list[int]:
    """The rendition widths an image of this width gets (never wider than the original)."""
    widths = [w for w in WIDTHS if w < original_width]
    return [*widths, min(original_width, WIDTHS[-1])] if original_width > 0 else []


def rendition_name(asset_id: str, width: int) -> str:
    return f"renditions/{asset_id}-{width}.webp"


def rendition_url(asset_id: str, width: int) -> str:
    return default_storage.url(rendition_name(asset_id, width))


def validate_upload(upload) -> tuple[int, int]:
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP image we can use.
    Returns its (width, height)."""
    if upload.size > MAX_BYTES:
        raise ValidationError(f"The image is larger than {MAX_BYTES // 1024 // 1024} MB.")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            kind, (width, height) = image.format, ImageOps.exif_transpose(image).size
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError("This file is not an image we can read (JPEG, PNG or WebP).") from exc
    finally:
        upload.seek(0)
    if kind not in ACCEPTED:
        raise ValidationError(f"Upload a JPEG, PNG or WebP image, not {kind}.")
    if width < MIN_WIDTH:
        raise ValidationError(f"The image is {width} px wide; at least {MIN_WIDTH} px, please.")
    return width, height


def make_renditions(story: Story) -> list[str]:
    """Write the WebP renditions of `story.lead_image` and record its size and asset id.
    Returns the names of the files written. Saves the story's image fields."""
    if not story.image_asset_id:
        story.image_asset_id = secrets.token_hex(14)
    story.lead_image.open("rb")
    with Image.open(story.lead_image) as original:
        image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        written = []
        for width in rendition_widths(image.width):
            height = round(image.height * width / image.width)
            buffer = BytesIO()
            image.resize((width, height), Image.Resampling.LANCZOS).save(
                buffer, "WEBP", quality=80, method=4
            )
            name = rendition_name(story.image_asset_id, width)
            if default_storage.exists(name):
                default_storage.delete(name)
            written.append(default_storage.save(name, ContentFile(buffer.getvalue())))
        story.image_width, story.image_height = image.width, image.height
    story.lead_image.close()
    story.image_format = "webp"
    Story.objects.filter(pk=story.pk).update(
        image_asset_id=story.image_asset_id, image_format="webp",
        image_width=story.image_width, image_height=story.image_height,
    )  # fmt: skip
    return written
