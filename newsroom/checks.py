"""The deployment refuses to start without a secret key: `check --deploy` reports it, and the
WSGI and ASGI entry points (and so runserver) raise. Commands that serve nothing still run."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET = "Set SECRET_KEY in the environment (or DEBUG=1 for development)."


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    return [] if settings.HAS_SECRET_KEY else [Error(MISSING_SECRET, id="newsroom.E001")]


def require_secret_key() -> None:
    """Refuse to serve without a secret key."""
    if not settings.HAS_SECRET_KEY:
        raise ImproperlyConfigured(MISSING_SECRET)
