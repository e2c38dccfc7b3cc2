from django.conf import settings
from django.db.models import Count, F, Prefetch, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView

from newsroom.caching import set_last_modified
from newsroom.keyset import keyset_page
from people.countries import country_name
from people.models import Organization, OrganizationKind, Person, Role
from stories.models import StoryStatus


class _StoriesPageMixin:
    """Adds `stories` (a keyset page of public stories, newsroom.keyset) for the object shown,
    and Last-Modified."""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        set_last_modified(response, self.object, *context["stories"])
        return response

    def stories(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = keyset_page(self.stories(), self.request.GET, settings.STORIES_PER_PAGE)
        context.update(page=page, stories=page.object_list)
        return context


# An organization's ancestors are read with it, in its one query: offices rarely sit deeper.
PARENT_DEPTH = 5


class OrganizationDetailView(_StoriesPageMixin, DetailView):
    template_name = "people/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("__".join(["parent"] * PARENT_DEPTH))

    def get_context_data(self, **kwargs):
        organization = self.object
        return super().get_context_data(
            ancestors=ancestors(organization),
            country=country_link(organization.country),
            aliases=list(organization.aliases.values_list("name", flat=True)),
            children=list(organization.children.only("name", "slug").order_by("name")),
            roles=list(
                organization.roles.select_related("person").order_by(
                    F("ended_on").desc(nulls_first=True),
                    F("started_on").desc(nulls_last=True),
                    "person__full_name",
                )
            ),  # fmt: skip
            feeds=feed_links("organization", organization.slug, organization.name),
            **kwargs,
        )

    def stories(self):
        # Through the relation's own manager: `people` does not import `stories`.
        return self.object.stories.public().for_listing()


def country_link(code: str) -> dict | None:
    """The name of the country `code` stands for and the address of its page, or None."""
    name = country_name(code) if code else None
    if name is None:
        return None
    return {"name": name, "get_absolute_url": reverse("stories:country", args=[code.lower()])}


def ancestors(organization: Organization) -> list[Organization]:
    """The organizations `organization` is part of, outermost first (a loop in the registry
    stops at the first repeat)."""
    chain, seen = [], {organization.pk}
    parent = organization.parent
    while parent is not None and parent.pk not in seen and len(chain) < PARENT_DEPTH * 2:
        chain.append(parent)
        seen.add(parent.pk)
        parent = parent.parent  # loaded with it up to PARENT_DEPTH, then one query a level
    return chain[::-1]


class PersonDetailView(_StoriesPageMixin, DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"
    queryset = Person.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.current_first().select_related("organization"))
    )

    def get_context_data(self, **kwargs):
        roles = list(self.object.roles.all())
        person = self.object
        return super().get_context_data(
            roles=roles,
            current_roles=[r for r in roles if r.ended_on is None],
            past_roles=[r for r in roles if r.ended_on is not None],
            breadcrumbs=[("People", reverse("people:person-list")), (person.display_name, None)],
            feeds=feed_links("person", person.slug, person.display_name),
            **kwargs,
        )

    def stories(self):
        person = self.object
        stories = person.stories.model.objects  # Story, without importing `stories`
        return stories.public().quoting(pk=person.pk).for_listing()


def feed_links(kind: str, slug: str, name: str) -> list[dict]:
    """An organization's or a person's feeds, for <link rel="alternate"> and visible links."""
    return [
        {"type": type_, "title": f"{name} ({label})", "label": label,
         "href": reverse(f"feeds:{kind}-{suffix}", kwargs={"slug": slug})}
        for suffix, type_, label in (
            ("rss", "application/rss+xml", "RSS"),
            ("atom", "application/atom+xml", "Atom"),
            ("json", "application/feed+json", "JSON Feed"),
        )
    ]  # fmt: skip


DIRECTORY_PER_PAGE = 50


class OrganizationListView(ListView):
    """/organizations/: every organization A–Z with its count of public stories; by kind and
    by initial letter, paginated."""

    template_name = "people/organization_list.html"
    context_object_name = "organizations"
    paginate_by = DIRECTORY_PER_PAGE

    def get_queryset(self):
        self.kind = self.request.GET.get("kind", "")
        if self.kind not in OrganizationKind.values:
            self.kind = ""
        self.letter = self.request.GET.get("letter", "").upper()[:1]
        if not self.letter.isalpha():
            self.letter = ""
        organizations = Organization.objects.only("name", "slug", "kind")
        if self.kind:
            organizations = organizations.filter(kind=self.kind)
        if self.letter:
            organizations = organizations.filter(name__istartswith=self.letter)
        public = Q(
            story_links__story__status=StoryStatus.PUBLISHED,
            story_links__story__published_at__lte=timezone.now(),
        )
        return organizations.annotate(
            n_stories=Count("story_links__story", filter=public, distinct=True)
        ).order_by("name", "pk")

    def get_context_data(self, **kwargs):
        query = QueryDict(mutable=True)
        if self.kind:
            query["kind"] = self.kind
        if self.letter:
            query["letter"] = self.letter
        return super().get_context_data(
            kinds=OrganizationKind.choices,
            kind=self.kind,
            letter=self.letter,
            letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            querystring=query.urlencode(),
            breadcrumbs=[("Organizations", None)],
            **kwargs,
        )


class PersonListView(ListView):
    """/people/: everyone A–Z with the role they hold now (or held last), paginated."""

    template_name = "people/person_list.html"
    context_object_name = "people"
    paginate_by = DIRECTORY_PER_PAGE

    def get_queryset(self):
        return Person.objects.order_by("full_name", "pk").prefetch_related(
            Prefetch(
                "roles",
                queryset=Role.objects.current_first().select_related("organization"),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=[("People", None)], **kwargs)
