from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.utils import timezone
from django.views.generic import DetailView, ListView

from newsroom.caching import set_last_modified
from people.models import Organization, OrganizationKind, Person, Role
from stories.models import StoryStatus


class _StoriesPageMixin:
    """Adds `stories` (a page of public stories) for the object shown, and Last-Modified."""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        set_last_modified(response, self.object, *context["stories"])
        return response

    def stories(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.stories(), settings.STORIES_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(page_obj=page, stories=page.object_list, is_paginated=page.has_other_pages())
        return context


QUOTES_ON_PAGE = 10  # the newest; /quotes/?q= has them all


class OrganizationDetailView(_StoriesPageMixin, DetailView):
    template_name = "people/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("parent").prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        organization = self.object
        return super().get_context_data(
            children=list(organization.children.only("name", "slug").order_by("name")),
            roles=list(
                organization.roles.select_related("person").order_by(
                    "ended_on", "person__full_name"
                )
            ),
            quotes=list(
                organization.quotes.model.objects.public()
                .spoken_for(organization)
                .for_listing()[:QUOTES_ON_PAGE]
            ),  # fmt: skip
            **kwargs,
        )

    def stories(self):
        # Through the relation's own manager: `people` does not import `stories`.
        return self.object.stories.public().for_listing().order_by("-published_at", "-pk")


class PersonDetailView(_StoriesPageMixin, DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"
    queryset = Person.objects.prefetch_related("roles__organization")

    def get_context_data(self, **kwargs):
        roles = list(self.object.roles.all())
        return super().get_context_data(
            current_roles=[r for r in roles if r.ended_on is None],
            past_roles=[r for r in roles if r.ended_on is not None],
            quotes=list(self.object.quotes.public().for_listing()[:QUOTES_ON_PAGE]),
            **kwargs,
        )

    def stories(self):
        person = self.object
        stories = person.stories.model.objects  # Story, without importing `stories`
        return stories.public().quoting(pk=person.pk).for_listing().order_by("-published_at", "-pk")


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
