from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from stories.models import Story
from stories.previews import story_for_token


class StoryDetailView(DetailView):
    template_name = "stories/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        stories = Story.objects.for_page()
        if self.request.user.has_perm("stories.view_story"):
            return stories  # editors preview drafts; never cached, see render_to_response
        return stories.public()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


def preview(request: HttpRequest, token: str) -> HttpResponse:
    """A draft by its signed link: exactly the story page, marked as a preview."""
    story = story_for_token(token)
    if story is None:
        raise Http404("This preview link is not valid or has expired.")
    response = TemplateResponse(
        request, "stories/story_detail.html", {"story": story, "object": story, "preview": True}
    )
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
