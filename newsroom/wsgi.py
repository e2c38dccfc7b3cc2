"""WSGI entry point."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()

from newsroom.checks import require_secret_key  # noqa: E402 - after Django is set up

require_secret_key()
