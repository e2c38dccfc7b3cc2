"""Content-Security-Policy and Permissions-Policy on every response.

The policy allows scripts and styles from our own origin only, plus, by hash, the few inline
blocks we write on purpose: the `<style>` of the self-contained error pages (they must render
when static files cannot be served) and of Django's admin changelist, found in the templates
below when the settings load; and the JSON-LD of each story page, hashed by the view that writes
it (`csp_hash`). Nothing inline that is not hashed here runs or applies: an injected `<script>`
or `style` attribute is refused by the browser. Permissions-Policy turns off the browser
features a news site never uses.
"""

import base64
import hashlib
import re
from pathlib import Path

import django

STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.DOTALL)
TEMPLATE_DIRS = [
    Path(__file__).resolve().parent.parent / "templates",
    Path(django.__file__).resolve().parent / "contrib" / "admin" / "templates",
]
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip


def csp_hash(text: str) -> str:
    """The CSP source ('sha256-…') that allows an inline block whose content is `text`."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def template_style_hashes(directories: list[Path] = TEMPLATE_DIRS) -> list[str]:
    """Hashes of every `<style>` block written out verbatim in the templates (a block holding
    template syntax could not be hashed in advance and is left out: it would be refused)."""
    hashes = set()
    for directory in directories:
        for path in sorted(directory.rglob("*.html")):
            for css in STYLE_BLOCK.findall(path.read_text(encoding="utf-8")):
                if "{{" not in css and "{%" not in css:
                    hashes.add(csp_hash(css))
    return sorted(hashes)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
