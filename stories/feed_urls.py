from django.urls import path

from stories import feeds, section_feeds

app_name = "feeds"
urlpatterns = [
    path("latest.rss", feeds.LatestStoriesFeed(), name="latest-rss"),
    path("latest.atom", feeds.LatestStoriesAtomFeed(), name="latest-atom"),
    path("latest.json", feeds.LatestStoriesJsonFeed(), name="latest-json"),
    path("corrections.rss", feeds.CorrectionsFeed(), name="corrections-rss"),
    path("corrections.atom", feeds.CorrectionsAtomFeed(), name="corrections-atom"),
    path("organizations/<slug:slug>.rss", feeds.OrganizationFeed(), name="organization-rss"),
    path("organizations/<slug:slug>.atom", feeds.OrganizationAtomFeed(), name="organization-atom"),
    path("organizations/<slug:slug>.json", feeds.OrganizationJsonFeed(), name="organization-json"),
    path("people/<slug:slug>.rss", feeds.PersonFeed(), name="person-rss"),
    path("people/<slug:slug>.atom", feeds.PersonAtomFeed(), name="person-atom"),
    path("people/<slug:slug>.json", feeds.PersonJsonFeed(), name="person-json"),
    path("tags/<slug:slug>.rss", feeds.TagFeed(), name="tag-rss"),
    path("tags/<slug:slug>.atom", feeds.TagAtomFeed(), name="tag-atom"),
    path("tags/<slug:slug>.json", feeds.TagJsonFeed(), name="tag-json"),
    path("sections/<slug:slug>.rss", section_feeds.SectionFeed(), name="section-rss"),
    path("sections/<slug:slug>.atom", section_feeds.SectionAtomFeed(), name="section-atom"),
    path("sections/<slug:slug>.json", section_feeds.SectionJsonFeed(), name="section-json"),
    path("countries/<slug:code>.rss", section_feeds.CountryFeed(), name="country-rss"),
    path("countries/<slug:code>.atom", section_feeds.CountryAtomFeed(), name="country-atom"),
    path("countries/<slug:code>.json", section_feeds.CountryJsonFeed(), name="country-json"),
]
