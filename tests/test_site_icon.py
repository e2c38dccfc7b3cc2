"""The site's icon: linked from every page, and at /favicon.ico for clients that ask there
(a missing icon is a console error in browsers and a Lighthouse best-practices failure)."""

import pytest
from django.contrib.staticfiles import finders
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_every_page_links_the_icon_and_favicon_ico_leads_to_it(client):
    assertContains(client.get("/"), '<link rel="icon" href="/static/favicon.svg"')
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    for name in ("favicon.ico", "favicon.svg"):
        assert finders.find(name), name
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file
