"""Sitemaps (sitemaps.org 0.9) for stories, sections, organizations, people and tags, a Google News
sitemap (stories of the last two days, at most 1,000), and robots.txt naming both."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from people.models import Organization, Person
from stories.models import Story
from stories.sections import SECTIONS


class _SiteSitemap(Sitemap):
    """Absolute URLs on SITE_URL, whatever host the request came to."""

    limit = 50000

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StorySitemap(_SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Story.objects.public().only("slug", "updated_at").order_by("-published_at", "pk")

    def lastmod(self, story):
        return story.updated_at


class _WithPublicStoriesSitemap(_SiteSitemap):
    """Records that have at least one public story (the others have empty pages), dated by
    the newest of those stories."""

    model = None

    def items(self):
        return (
            self.model.objects.filter(stories__in=Story.objects.public())
            .annotate(last=Max("stories__updated_at"))
            .only("slug")
            .order_by("pk")
        )

    def lastmod(self, record):
        return record.last


class OrganizationSitemap(_WithPublicStoriesSitemap):
    model = Organization


class PersonSitemap(_WithPublicStoriesSitemap):
    model = Person


class TagSitemap(_SiteSitemap):
    def items(self):
        public = Story.objects.public()
        newest = public.filter(tags=OuterRef("pk")).order_by("-updated_at").values("updated_at")[:1]
        return (
            Tag.objects.filter(taggit_taggeditem_items__object_id__in=public.values("pk"))
            .distinct()
            .annotate(last=Subquery(newest))
            .order_by("pk")
        )

    def lastmod(self, tag):
        return tag.last

    def location(self, tag):
        return reverse("stories:tag", kwargs={"slug": tag.slug})


class SectionSitemap(_SiteSitemap):
    """The sections (stories.sections) that have public stories, dated by the newest."""

    def items(self):
        dated = ((section, section.stories().aggregate(last=Max("updated_at"))["last"])
                 for section in SECTIONS)  # fmt: skip
        return [(section, last) for section, last in dated if last]

    def lastmod(self, item):
        return item[1]

    def location(self, item):
        return item[0].get_absolute_url()


SITEMAPS = {
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "organizations": OrganizationSitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
}


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News: the public stories of the last two days, newest first, at most 1,000."""
    since = timezone.now() - timedelta(days=2)
    stories = (
        Story.objects.public()
        .filter(published_at__gte=since)
        .only("slug", "headline", "published_at")
        .order_by("-published_at")[:1000]
    )
    return TemplateResponse(
        request,
        "newsroom/news_sitemap.xml",
        {"stories": stories, "publication": settings.SITE_NAME},
        content_type="application/xml; charset=utf-8",
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /stories/preview/",
        "Disallow: /search/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        f"Sitemap: {settings.SITE_URL}{reverse('news-sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _non_empty() -> dict:
    def has_items(items) -> bool:
        return items.exists() if hasattr(items, "exists") else bool(items)

    return {name: cls for name, cls in SITEMAPS.items() if has_items(cls().items())}


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The index of the sections that have entries (an empty urlset is not valid)."""
    return sitemap_views.index(request, sitemaps=_non_empty(), sitemap_url_name="sitemap-section")


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in _non_empty():
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)
