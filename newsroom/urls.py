from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from newsroom import sitemaps, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="news-sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("feeds/", include("stories.feed_urls")),
    path("ingest/", include("stories.ingest.urls")),
    path("", include("stories.urls")),
    path("", include("people.urls")),
    path("admin/", admin.site.urls),
    # Uploaded images and their renditions. A large site serves these from object storage
    # or a CDN instead (MEDIA_URL); the files are immutable, named by asset id and width.
    # No path segment may start with "." (no "..", no hidden file): renditions/ and below only.
    re_path(
        r"^media/renditions/(?P<path>(?:[\w-][\w.-]*/)*[\w-][\w.-]*\.webp)$",
        views.rendition,
        name="rendition",
    ),
]

if settings.BENCH:  # the benchmark's ceiling: a page from Django with no template, no database
    urlpatterns.append(path("bench/trivial", views.bench_trivial))
