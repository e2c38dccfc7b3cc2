from django.urls import path

from stories import views

app_name = "stories"
urlpatterns = [
    path("preview/<str:token>/", views.preview, name="preview"),
    path("<slug:slug>/", views.StoryDetailView.as_view(), name="detail"),
]
