from django.contrib import admin
from django.urls import include, path

from newsroom import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("stories/", include("stories.urls")),
    path("", include("people.urls")),
    path("admin/", admin.site.urls),
]
