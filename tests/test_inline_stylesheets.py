"""The reader pages carry their stylesheet in the page (newsroom/stylesheets.py): no stylesheet
request to wait for before the first paint, and the Content-Security-Policy allows the inline
text by its hash."""

import pytest
from django.contrib.staticfiles import finders

from newsroom.content_security import csp_hash
from newsroom.stylesheets import stylesheet_text
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


def style_src(response) -> list[str]:
    header = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in header.split(";") if part.split()[0] == "style-src")


def test_pages_carry_the_stylesheet_and_link_none(client):
    StoryFactory(published=True, headline="Ferry timetable changes")
    site_css = open(finders.find("css/site.css"), encoding="utf-8").read()
    for url in ("/", "/organizations/", "/search/?q=ferry"):
        response = client.get(url)
        html = response.content.decode()
        assert f"<style>{site_css}</style>" in html, url
        assert 'rel="stylesheet"' not in html, url
        assert csp_hash(site_css) in style_src(response), url
    search_css = open(finders.find("css/search.css"), encoding="utf-8").read()
    response = client.get("/search/?q=ferry")
    assert f"<style>{search_css}</style>" in response.content.decode()
    assert csp_hash(search_css) in style_src(response)


def test_the_print_rules_come_with_the_page():
    assert "@media print" in stylesheet_text("css/site.css")
    assert not finders.find("css/print.css")  # no second request for them


def test_only_the_listed_stylesheets_can_be_inlined():
    with pytest.raises(ValueError, match="not one of INLINE_STYLESHEETS"):
        stylesheet_text("css/admin.css")
