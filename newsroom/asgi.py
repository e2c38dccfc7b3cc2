"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_asgi_application()

from newsroom.checks import require_secret_key  # noqa: E402 - after Django is set up

require_secret_key()
