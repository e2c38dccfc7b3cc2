from django.urls import path

from stories import export_views, quote_views, views

app_name = "stories"
urlpatterns = [
    path("stories/preview/<str:token>/", views.preview, name="preview"),
    path("stories/<slug:slug>/", views.StoryDetailView.as_view(), name="detail"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("archive/<int:year>/", views.ArchiveView.as_view(), name="archive-year"),
    path("archive/<int:year>/<int:month>/", views.ArchiveView.as_view(), name="archive-month"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<slug:code>/", views.CountryView.as_view(), name="country"),
    path("search/", views.search, name="search"),
    path("quotes/", quote_views.quote_search, name="quotes"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("exports/<str:format>/", export_views.export, name="export"),
]
