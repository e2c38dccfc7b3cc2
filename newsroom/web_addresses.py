"""The one check for web addresses we link to: http or https, nothing else.

An organization's website or a story's source link ends up in `<a href>` on public pages, in
feeds and in exports; a `javascript:` or `data:` address there is stored XSS. Every write path
(model validation and so the admin forms, registry files, ninjs restores) uses `validate_web_url`;
templates go through the `web_url` filter, so that a row written before the check is not linked.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

WEB_SCHEMES = ("http", "https")
WEB_URL_MESSAGE = "Enter a web address starting with http:// or https://."

validate_web_url = URLValidator(
    schemes=list(WEB_SCHEMES), message=WEB_URL_MESSAGE, code="not_a_web_address"
)


def is_web_url(value: object) -> bool:
    """True when `value` is an http(s) address that `validate_web_url` accepts."""
    if not isinstance(value, str) or not value:
        return False
    try:
        validate_web_url(value)
    except ValidationError:
        return False
    return True


class WebURLFormField(forms.URLField):
    default_validators = [validate_web_url]


class WebURLField(models.URLField):
    """A URLField that takes http(s) addresses only, in the model and in its forms."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebURLFormField, **kwargs})
