from functools import partial

from django.conf import settings
from django.db.models import F, Prefetch
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView

from newsroom.caching import cached_page, set_last_modified
from newsroom.keyset import keyset_page, page_query
from people.countries import country_name
from people.directory import (
    OrganizationFilters,
    countries_with_organizations,
    matching_aliases,
    organizations_matching,
    public_story_counts,
)
from people.models import Organization, OrganizationKind, Person, Role


class _StoriesPageMixin:
    """Adds `stories` (a keyset page of public stories, newsroom.keyset) for the object shown,
    and Last-Modified. The page is rendered once for each generation of pages and page of its
    listing (cached_page)."""

    def get(self, request, *args, **kwargs):
        build = partial(super().get, request, *args, **kwargs)
        return cached_page(request, type(self).__name__, page_query(request.GET), build)

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
QUOTES_ON_PAGE = 10  # the newest; /quotes/?q= has them all


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
            quotes=list(
                organization.quotes.model.objects.public()
                .spoken_for(organization)
                .for_listing()[:QUOTES_ON_PAGE]
            ),  # fmt: skip
            **kwargs,
        )

    def stories(self):
        # Through the relation's own manager: `people` does not import `stories`.
        return self.object.stories.public().cards()


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
            quotes=list(self.object.quotes.public().for_listing()[:QUOTES_ON_PAGE]),
            **kwargs,
        )

    def stories(self):
        person = self.object
        stories = person.stories.model.objects  # Story, without importing `stories`
        role_ids = [role.pk for role in person.roles.all()]  # read with the person
        parts = stories.public().quoting_parts(person.pk, role_ids)
        return [part.cards() for part in parts]


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
    """/organizations/: every organization A–Z with its count of public stories; by kind,
    country and initial letter, or by a name or alias typed in the box; paginated."""

    template_name = "people/organization_list.html"
    context_object_name = "organizations"
    paginate_by = DIRECTORY_PER_PAGE

    def get_queryset(self):
        self.filters = OrganizationFilters.from_query(self.request.GET)
        return organizations_matching(self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organizations = list(context["organizations"])
        counts = public_story_counts(organizations)
        aliases = matching_aliases(organizations, self.filters.query)
        for organization in organizations:
            organization.n_stories = counts.get(organization.pk, 0)
            organization.matched_alias = aliases.get(organization.pk, "")
        filters = self.filters
        context.update(
            organizations=organizations,
            filters=filters,
            kinds=OrganizationKind.choices,
            countries=countries_with_organizations(),
            letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            querystring=filters.as_query(),
            letter_query=filters.as_query(without="letter"),
            breadcrumbs=[("Organizations", None)],
        )
        return context


# The names box asks for at most this many organizations as you type.
SUGGESTIONS = 10


def organization_names(request: HttpRequest) -> JsonResponse:
    """/organizations/names.json?q=…: the first organizations (A–Z) whose name or alias holds
    the typed text, for the directory's search-as-you-type (static/js/organization-search.js);
    the other filters of the form apply too."""
    filters = OrganizationFilters.from_query(request.GET)
    if len(filters.query) < 2:
        return JsonResponse({"query": filters.query, "results": []})
    organizations = list(organizations_matching(filters)[:SUGGESTIONS])
    aliases = matching_aliases(organizations, filters.query)
    return JsonResponse(
        {
            "query": filters.query,
            "results": [
                {
                    "name": organization.name,
                    "url": organization.get_absolute_url(),
                    "kind": organization.get_kind_display(),
                    "alias": aliases.get(organization.pk, ""),
                }
                for organization in organizations
            ],
        }
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
