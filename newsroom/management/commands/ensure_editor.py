"""ensure_editor — make sure the admin login `editor` exists and print how to use it."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = (
        "Create or update the admin user 'editor'. The password comes from "
        "NEWSROOM_ADMIN_PASSWORD, else from var/editor-password, else is generated there."
    )

    def handle(self, *args, **options):
        password = os.environ.get("NEWSROOM_ADMIN_PASSWORD") or _stored_password()
        user, created = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {settings.SITE_URL}/admin/  user: {USERNAME}  password: {password}"
            )
        )


def _stored_password() -> str:
    path = Path(settings.BASE_DIR) / "var" / "editor-password"
    if path.exists() and (password := path.read_text().strip()):
        return password
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password
