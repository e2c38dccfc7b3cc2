"""What readers see: the story page, the home page, organization and person pages."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from people.models import Organization
from stories.models import StoryStatus
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db


def published_story(n_organizations: int = 1, **kwargs):
    story = StoryFactory(published=True, **kwargs)
    for _ in range(n_organizations):
        StoryOrganizationFactory(story=story)
    story.tags.add("minerals", "diplomacy")
    return story


def test_the_story_page_is_laid_out_like_the_sample(client):
    state = OrganizationFactory(name="Department of State", slug="department-of-state")
    pigott = PersonFactory(full_name="Thomas Pigott", nickname="Tommy", slug="thomas-pigott")
    role = RoleFactory(person=pigott, title="Principal Deputy Spokesperson", organization=state)
    story = StoryFactory(
        published=True,
        headline="U.S. and Uzbekistan officials meet",
        body="Secretary Rubio’s first paragraph.\n\n“A quoted paragraph.”",
        source_role=role,
        source_label="Official Website",
        source_url="https://www.state.gov/",
    )
    StoryOrganizationFactory(story=story, organization=state)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<h1>U.S. and Uzbekistan officials meet</h1>" in html
    assert (
        '<a href="/people/thomas-pigott/">Thomas &quot;Tommy&quot; Pigott</a>, Principal Deputy '
        'Spokesperson for <a href="/organizations/department-of-state/">the Department of State</a>'
    ) in html
    assert '| <a href="https://www.state.gov/" rel="external nofollow">Official Website</a>' in html
    assert "Organizations in this story" in html
    section = html.split('id="orgs-heading"')[1].split("</section>")[0]
    assert '<a href="/organizations/department-of-state/">Department of State</a>' in section
    assert "<p>Secretary Rubio’s first paragraph.</p>" in html
    assert "<p>“A quoted paragraph.”</p>" in html
    assert f'<time datetime="{story.published_at.isoformat(timespec="seconds")}">' in html
    assert 'class="lead-image"' not in html  # no image: no box, no placeholder


def test_a_story_with_an_image_reserves_its_box(client, settings):
    settings.IMAGE_URL_TEMPLATE = "https://images.example/{asset_id}.{format}"
    story = published_story(image_asset_id="abc123", image_alt="A pier at dawn")
    html = client.get(story.get_absolute_url()).content.decode()
    figure = html.split('<figure class="lead-image">')[1].split("</figure>")[0]
    assert 'src="https://images.example/abc123.webp"' in figure
    assert 'width="1200" height="675"' in figure
    assert 'alt="A pier at dawn"' in figure


def test_the_source_line_reads_as_the_release_wrote_it(client):
    agriculture = OrganizationFactory(name="Department of Agriculture", slug="usda", kind="agency")
    rollins = PersonFactory(full_name="Brooke Rollins", slug="brooke-rollins")
    role = RoleFactory(person=rollins, title="Secretary", organization=agriculture)
    story = published_story(
        source_role=role,
        source_attribution="Brooke Rollins, Secretary of the U.S. Department of Agriculture",
    )
    html = client.get(story.get_absolute_url()).content.decode()
    line = html.split('<p class="source-line">')[1].split("</p>")[0]
    assert (
        '<a href="/people/brooke-rollins/">Brooke Rollins</a>, Secretary of the U.S. '
        '<a href="/organizations/usda/">Department of Agriculture</a>'
    ) in line
    assert "Secretary for" not in line


def test_a_source_line_without_a_role_is_the_attribution_escaped(client):
    story = published_story(source_role=None, source_attribution="Press Office <Harbours>")
    html = client.get(story.get_absolute_url()).content.decode()
    line = html.split('<p class="source-line">')[1].split("</p>")[0]
    assert "Press Office &lt;Harbours&gt;" in line
    assert '<a href="/people/' not in line


def test_every_card_has_a_dek_or_first_sentence_and_a_date(client):
    with_dek = published_story(headline="With a dek", dek="Harbour fees fall for small boats.")
    without = published_story(
        headline="Without a dek",
        dek="",
        body="The U.S. Department of Energy opened grants on Monday. A second sentence.\n\nMore.",
    )
    archive = reverse("stories:archive-year", kwargs={"year": without.published_at.year})
    html = client.get(archive).content.decode()
    cards = html.split('<li class="story-card">')[1:]
    by_headline = {card.split("</a>")[0].split(">")[-1]: card for card in cards}
    assert '<p class="card-dek">Harbour fees fall for small boats.</p>' in by_headline["With a dek"]
    assert (
        '<p class="card-dek">The U.S. Department of Energy opened grants on Monday.</p>'
        in by_headline["Without a dek"]
    )
    for story in (with_dek, without):
        card = by_headline[story.headline]
        assert f'<time datetime="{story.published_at.isoformat(timespec="seconds")}">' in card


def test_story_text_is_escaped(client):
    story = published_story(headline="<script>alert(1)</script>", body="<b>bold</b>")
    response = client.get(story.get_absolute_url())
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;b&gt;bold&lt;/b&gt;")


@pytest.mark.parametrize("n", [1, 20])
def test_story_page_query_count_does_not_grow_with_organizations_tags_people(
    client, django_assert_num_queries, n
):
    story = published_story(n_organizations=n)
    story.tags.add(*[f"tag {i}" for i in range(n)])
    for _ in range(n):
        StoryPersonFactory(story=story, role=RoleFactory())
    # The story; its organizations, people and tags (one query); related stories; the schedule.
    with django_assert_num_queries(4):
        response = client.get(story.get_absolute_url())
    html = response.content.decode()
    assert html.count('href="/organizations/') >= n
    assert html.count('rel="tag"') == n + 2  # published_story adds two
    assert html.split('id="people-heading"')[1].split("</section>")[0].count("<li>") == n


def test_drafts_in_review_and_scheduled_stories_are_404_to_readers(client):
    draft = StoryFactory(status=StoryStatus.DRAFT)
    review = StoryFactory(status=StoryStatus.IN_REVIEW)
    scheduled = StoryFactory(
        status=StoryStatus.PUBLISHED, published_at=timezone.now() + timedelta(hours=1)
    )
    for story in (draft, review, scheduled):
        assert client.get(story.get_absolute_url()).status_code == 404
    home = client.get(reverse("home"))
    for story in (draft, review, scheduled):
        assertNotContains(home, story.headline)


def test_editors_preview_drafts_never_cached_and_not_indexed(editor_client):
    draft = StoryFactory(headline="Embargoed until Monday")
    response = editor_client.get(draft.get_absolute_url())
    assertContains(response, "Embargoed until Monday")
    assertContains(response, "Preview: draft")
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_home_lists_latest_public_stories_paginated(
    client, settings, django_assert_max_num_queries
):
    settings.STORIES_PER_PAGE = 5
    now = timezone.now()
    stories = [
        StoryFactory(
            published=True, headline=f"Story number {i:02d}", published_at=now - timedelta(hours=i)
        )
        for i in range(12)
    ]
    for story in stories:
        StoryOrganizationFactory(story=story)
    with django_assert_max_num_queries(7):  # and two for "In the news"
        first = client.get(reverse("home"))
    assertContains(first, "Story number 00")
    assertNotContains(first, "Story number 05")
    older = re.search(r'<a rel="next" href="\?([^"]+)">Older', first.content.decode())[1]
    second = client.get(reverse("home") + "?" + older.replace("&amp;", "&"))
    assertContains(second, "Story number 05")
    assertContains(second, "← Newer")
    assertNotContains(second, "Story number 04")
    assert client.get(reverse("home") + "?page=99").status_code == 200  # the first page
    assert client.get(reverse("home") + "?before=abc").status_code == 200


def test_home_is_a_front_page_with_a_lead_and_who_is_in_the_news(client, settings):
    settings.IMAGE_URL_TEMPLATE = "https://images.example/{asset_id}.{format}"
    now = timezone.now()
    harbours = OrganizationFactory(name="Ministry of Harbours")
    ferries = OrganizationFactory(name="Ferry Board")
    roe = PersonFactory(full_name="Jane Roe")
    for hours, organizations in ((1, [harbours, ferries]), (2, [harbours]), (3, [harbours])):
        story = StoryFactory(published=True, published_at=now - timedelta(hours=hours))
        for organization in organizations:
            StoryOrganizationFactory(story=story, organization=organization)
        StoryPersonFactory(story=story, person=roe)
    old = StoryFactory(published=True, published_at=now - timedelta(days=9))
    StoryOrganizationFactory(story=old, organization=OrganizationFactory(name="Old Office"))
    lead = StoryFactory(
        published=True, headline="Pier opens", dek="The second pier opens today.",
        image_asset_id="pier1", image_alt="The new pier",
    )  # fmt: skip
    StoryOrganizationFactory(story=lead, organization=ferries)
    html = client.get(reverse("home")).content.decode()
    article = html.split('<article class="lead-story"')[1].split("</article>")[0]
    assert ">Pier opens</a></h2>" in article
    assert "The second pier opens today." in article
    assert 'src="https://images.example/pier1.webp"' in article
    assert ">Ferry Board</a>" in article
    assert html.count(">Pier opens</a>") == 1  # not repeated in the list below
    news = html.split('class="in-the-news"')[1].split("</aside>")[0]
    organizations = news.split("<h3>Organizations</h3>")[1].split("</ul>")[0]
    assert organizations.index("Ministry of Harbours") < organizations.index("Ferry Board")
    assert "3 stories" in organizations and "2 stories" in organizations
    assert "Old Office" not in news  # nine days ago
    assert 'Jane Roe</a> <span class="count">3 stories</span>' in news


def test_home_query_count_is_flat(client, django_assert_num_queries):
    published_story(n_organizations=1)
    with django_assert_num_queries(5) as one:  # 3 for the stories (no count), 2 for "In the news"
        client.get(reverse("home"))
    for _ in range(49):
        published_story(n_organizations=3)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("home"))


def test_organization_page_lists_its_public_stories(client, django_assert_max_num_queries):
    org = OrganizationFactory(name="Bureau of Widget Safety", description="Keeps widgets safe.")
    parent = OrganizationFactory(name="Department of Widgets")
    Organization.objects.filter(pk=org.pk).update(parent=parent)
    public = published_story()
    StoryOrganizationFactory(story=public, organization=org)
    draft = StoryFactory(headline="Unpublished widget news")
    StoryOrganizationFactory(story=draft, organization=org)
    with django_assert_max_num_queries(9):  # the ninth: the quotes of it and its people
        response = client.get(org.get_absolute_url())
    assertContains(response, "<h1>Bureau of Widget Safety</h1>", html=True)
    assertContains(response, "Keeps widgets safe.")
    assertContains(response, parent.get_absolute_url())
    assertContains(response, public.headline)
    assertNotContains(response, "Unpublished widget news")


def test_person_page_lists_roles_and_stories(client):
    role = RoleFactory(person__full_name="Bakhtiyor Saidov", title="Foreign Minister")
    sourced = published_story(source_role=role)
    appears = published_story()
    StoryPersonFactory(story=appears, person=role.person)
    hidden = StoryFactory(source_role=role, headline="A draft about Saidov")
    response = client.get(role.person.get_absolute_url())
    assertContains(response, "Bakhtiyor Saidov")
    assertContains(response, "Foreign Minister")
    assertContains(response, sourced.headline)
    assertContains(response, appears.headline)
    assertNotContains(response, hidden.headline)


def test_unknown_addresses_are_404(client):
    assert client.get("/stories/no-such-story/").status_code == 404
    assert client.get("/organizations/nobody/").status_code == 404
    assert client.get("/people/nobody/").status_code == 404


def test_healthz(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_tag_made_only_of_punctuation_still_has_a_page(client):
    story = StoryFactory(published=True)
    story.tags.add(">", "—", "Grants")
    slugs = set(story.tags.values_list("slug", flat=True))
    assert "" not in slugs and len(slugs) == 3
    assert client.get(story.get_absolute_url()).status_code == 200
    for slug in slugs:
        assert client.get(f"/tags/{slug}/").status_code == 200
        assert client.get(f"/feeds/tags/{slug}.rss").status_code == 200


def test_the_organization_directory_filters_by_kind_and_letter_with_story_counts(
    client, django_assert_max_num_queries
):
    harbours = OrganizationFactory(name="Harbour Authority", kind="agency")
    OrganizationFactory(name="Harbour Bank", kind="company")
    OrganizationFactory(name="Zinc Works", kind="company")
    for _ in range(2):
        StoryOrganizationFactory(story=StoryFactory(published=True), organization=harbours)
    StoryOrganizationFactory(story=StoryFactory(), organization=harbours)  # a draft: not counted
    with django_assert_max_num_queries(5):  # count, page, story counts, countries, schedule
        html = client.get(reverse("people:organization-list")).content.decode()
    directory = html.split('<ul class="directory">')[1].split("</ul>")[0]
    assert directory.index("Harbour Authority") < directory.index("Zinc Works")
    assert (
        'Harbour Authority</a> <span class="count">Government department or agency · 2 stories'
        in directory
    )
    by_kind = client.get(reverse("people:organization-list") + "?kind=company&letter=h")
    directory = by_kind.content.decode().split('<ul class="directory">')[1].split("</ul>")[0]
    assert "Harbour Bank" in directory
    assert "Harbour Authority" not in directory and "Zinc Works" not in directory
    for n in range(50):
        OrganizationFactory(name=f"Harbour Co {n:02d}", kind="company")
    second = client.get(reverse("people:organization-list") + "?kind=company&page=2")
    assertContains(second, '<a rel="prev" href="?kind=company&amp;page=1">← Previous</a>')
    assertContains(second, "Zinc Works")  # 52 companies: the 51st and 52nd on page 2
    odd = client.get(reverse("people:organization-list") + "?kind=nonsense&letter=%3C")
    assert odd.status_code == 200
    assert 'href="/organizations/"' in client.get(reverse("home")).content.decode()


def test_the_people_directory_shows_each_persons_current_role(client):
    roe = PersonFactory(full_name="Jane Roe")
    office = OrganizationFactory(name="Office of Tides")
    RoleFactory(person=roe, title="Deputy", organization=office, ended_on="2024-01-31")
    RoleFactory(person=roe, title="Director", organization=office)
    html = client.get(reverse("people:person-list")).content.decode()
    assert '>Jane Roe</a> <span class="count">Director, Office of Tides</span>' in html
    assert 'href="/people/"' in html
