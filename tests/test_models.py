"""Rules the content model keeps: one definition of public, constraints in the database."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from people.models import Organization, Person
from stories.models import Story, StoryStatus
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
)

pytestmark = pytest.mark.django_db


def test_public_means_published_and_its_time_has_come():
    now = timezone.now()
    visible = StoryFactory(status=StoryStatus.PUBLISHED, published_at=now - timedelta(minutes=1))
    StoryFactory(status=StoryStatus.PUBLISHED, published_at=now + timedelta(minutes=1))
    StoryFactory(status=StoryStatus.DRAFT, published_at=now - timedelta(days=1))
    StoryFactory(status=StoryStatus.IN_REVIEW)
    assert list(Story.objects.public()) == [visible]


def test_a_published_story_needs_a_publish_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(status=StoryStatus.PUBLISHED, published_at=None)


def test_story_slugs_are_unique_and_derived_from_the_headline():
    first = StoryFactory(headline="Same headline", slug="")
    second = StoryFactory(headline="Same headline", slug="")
    assert (first.slug, second.slug) == ("same-headline", "same-headline-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(slug="same-headline")


def test_an_organization_appears_once_per_story():
    link = StoryOrganizationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryOrganizationFactory(story=link.story, organization=link.organization)


def test_a_role_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(started_on=date(2025, 1, 20), ended_on=date(2024, 1, 1))
    RoleFactory(started_on=date(2025, 1, 20), ended_on=date(2025, 1, 20))


def test_organizations_are_found_by_name_or_alias_whatever_the_typography():
    state = OrganizationFactory(name="Department of State")
    OrganizationAliasFactory(organization=state, name="State Department")
    assert list(Organization.objects.named("the Department of State")) == [state]
    assert list(Organization.objects.named("state department")) == [state]
    assert list(Organization.objects.named("Department of Energy")) == []


def test_people_have_unique_slugs_and_a_display_name_with_nickname():
    first = PersonFactory(full_name="Thomas Pigott", nickname="Tommy", slug="")
    second = PersonFactory(full_name="Thomas Pigott", slug="")
    assert (first.slug, second.slug) == ("thomas-pigott", "thomas-pigott-2")
    assert first.display_name == 'Thomas "Tommy" Pigott'
    assert Person.objects.named("thomas  pigott").count() == 2


def test_a_role_reads_like_a_source_line():
    role = RoleFactory(
        title="Principal Deputy Spokesperson",
        organization=OrganizationFactory(name="Department of State"),
    )
    assert role.label == "Principal Deputy Spokesperson for the Department of State"
    assert RoleFactory(
        title="CEO", organization=OrganizationFactory(name="Acme Trading", kind="company")
    ).label == ("CEO for Acme Trading")
