"""Nothing a reader, a script or a file can send gives a server error."""

import pytest

from tests.factories import StoryFactory, StoryOrganizationFactory

pytestmark = pytest.mark.django_db

ODD_URLS = [
    "/archive/0/", "/archive/2026/0/", "/archive/2026/99/", "/archive/99999999999/",
    "/stories/preview/garbage/", "/stories/preview/1:abc:def/", "/stories/%00/",
    "/tags/%E2%80%9C/", "/search/?page=-1", "/search/?page=99999999999999999999",
    "/search/?q=%00%01", "/search/?from=2026-13-45&to=0000-00-00",
    "/search/?organization=" + "x" * 5000,
    "/feeds/latest.rss?limit=-5", "/feeds/latest.json?limit=1e9", "/feeds/organizations/nope.atom",
    "/feeds/tags/nope.json", "/sitemap-nope.xml", "/sitemap-stories.xml?p=abc",
    "/exports/ndjson/?since=yesterday", "/exports/nope/", "/?page=0", "/?page=%FF",
    "/organizations/nope/?page=2", "/people/x/", "/media/renditions/../../etc/passwd.webp",
    "/media/renditions/nope-1.webp",
]  # fmt: skip


@pytest.mark.parametrize("url", ODD_URLS)
def test_odd_requests_never_give_a_500(client, url):
    story = StoryFactory(published=True)
    StoryOrganizationFactory(story=story)
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize(
    "path",
    ["/admin/stories/story/999999/suggestions/accept/", "/admin/stories/story/999999/transition/",
     "/admin/stories/story/1/suggestions/accept/", "/admin/stories/story/1/transition/",
     "/admin/stories/story/1/suggestions/create-candidate/",
     "/admin/stories/story/1/suggestions/accept-person/",
     "/admin/stories/story/1/suggestions/reject/"],
)  # fmt: skip
def test_odd_admin_posts_never_give_a_500(editor_client, path):
    StoryFactory(pk=1)
    for data in ({}, {"organization": "abc"}, {"transition": "explode"},
                 {"transition": "schedule", "publish_at": "never"},
                 {"transition": "submit", "reviewer": "abc", "due_at": "soon"},
                 {"candidate": "9", "candidate-name-9": "X", "candidate-kind-9": "castle"},
                 {"person": "||"}, {"reject": "nonsense"}):  # fmt: skip
        response = editor_client.post(path, data)
        assert response.status_code < 500, (path, data, response.status_code)
