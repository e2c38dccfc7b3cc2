from django.urls import path

from stories.ingest import views

app_name = "ingest"
urlpatterns = [path("<slug:slug>/", views.receive, name="receive")]
