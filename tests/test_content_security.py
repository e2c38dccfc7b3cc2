"""Content-Security-Policy and Permissions-Policy on every response; the inline blocks we
write on purpose are hashed (no 'unsafe-inline'), and the browser reports no violation on the
public pages or in the admin."""

import re

import pytest
from django.urls import reverse

from newsroom.content_security import csp_hash
from tests.factories import (
    OrganizationFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_inline_blocks_are_hashed(response) -> None:
    html = response.content.decode()
    directives = policy(response)
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[directive]
    for script in SCRIPT.findall(html):
        assert csp_hash(script) in directives["script-src"], script[:80]
    for style in STYLE.findall(html):
        assert csp_hash(style) in directives["style-src"], style[:80]
    assert not re.search(r"<[^>]+\sstyle=", html), "a style attribute would be refused"
    assert not re.search(r"<[^>]+\son[a-z]+=", html), "an inline event handler would be refused"


@pytest.fixture
def site():
    organization = OrganizationFactory(name="Bureau of Widget Safety", slug="bureau")
    story = StoryFactory(
        published=True, headline="Widgets </script><script>alert(1)</script>",
        source_role=RoleFactory(organization=organization),
    )  # fmt: skip
    StoryOrganizationFactory(story=story, organization=organization)
    story.tags.add("widgets")
    return story


@pytest.mark.django_db
def test_every_kind_of_response_carries_both_policies(client, site, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    urls = [
        "/", site.get_absolute_url(), site.organizations.get().get_absolute_url(),
        site.source_role.person.get_absolute_url(), "/tags/widgets/", "/search/?q=widgets",
        "/feeds/latest.rss", "/feeds/latest.json", "/sitemap.xml", "/robots.txt", "/healthz",
        "/no-such-page/", "/media/renditions/missing-320.webp", reverse("admin:login"),
        "/admin/",  # a redirect to the login page
    ]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "object-src 'none'" in response["Content-Security-Policy"], url
    client.force_login(editor)
    for url in (reverse("admin:index"), reverse("admin:stories_story_changelist")):
        response = client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"], url


@pytest.mark.django_db
def test_the_json_ld_is_allowed_by_hash_also_from_the_page_cache(client, site):
    first = client.get(site.get_absolute_url())
    assert first["X-Cache"] == "miss"
    scripts = SCRIPT.findall(first.content.decode())
    assert len(scripts) == 2 and all("</script" not in s for s in scripts)
    assert_inline_blocks_are_hashed(first)
    second = client.get(site.get_absolute_url())
    assert second["X-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
def test_public_and_admin_pages_have_nothing_inline_unhashed(client, site, editor):
    for url in ("/", site.get_absolute_url(), "/tags/widgets/", "/search/?q=widgets",
                site.organizations.get().get_absolute_url(), reverse("admin:login")):  # fmt: skip
        assert_inline_blocks_are_hashed(client.get(url))
    client.force_login(editor)
    for url in (
        reverse("admin:index"),
        reverse("admin:stories_story_changelist"),
        reverse("admin:stories_story_change", args=[site.pk]),
        reverse("admin:stories_story_history", args=[site.pk]),
        reverse("admin:people_organization_changelist"),
        reverse("admin:people_organization_duplicates"),
        reverse("admin:people_organizationalias_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inline_blocks_are_hashed(response)


def test_the_error_pages_own_styles_are_hashed(settings):
    from pathlib import Path

    templates = Path(settings.BASE_DIR) / "templates"
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    for name in ("500.html", "503.html"):
        path = templates / name
        if path.exists():
            for css in STYLE.findall(path.read_text()):
                assert csp_hash(css) in style_src, name
