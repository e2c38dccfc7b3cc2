import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from people.models import Organization, OrganizationAlias, OrganizationKind, Person, Role
from stories.models import Origin, Story, StoryOrganization, StoryPerson, StoryStatus


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Office of Example Affairs {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    kind = OrganizationKind.GOVERNMENT_AGENCY


class OrganizationAliasFactory(DjangoModelFactory):
    class Meta:
        model = OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"OEA{n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"person-{n}")


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    title = "Spokesperson"
    organization = factory.SubFactory(OrganizationFactory)


class StoryFactory(DjangoModelFactory):
    class Meta:
        model = Story

    headline = factory.Faker("sentence", nb_words=8)
    slug = factory.Sequence(lambda n: f"story-{n}")
    body = "First paragraph.\n\nSecond paragraph."
    source_role = factory.SubFactory(RoleFactory)
    source_label = "Official Website"

    class Params:
        published = factory.Trait(
            status=StoryStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )


class StoryOrganizationFactory(DjangoModelFactory):
    class Meta:
        model = StoryOrganization

    story = factory.SubFactory(StoryFactory)
    organization = factory.SubFactory(OrganizationFactory)
    position = factory.Sequence(lambda n: n)
    origin = Origin.TYPED


class StoryPersonFactory(DjangoModelFactory):
    class Meta:
        model = StoryPerson

    story = factory.SubFactory(StoryFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n)
