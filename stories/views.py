from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from stories.models import Story


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
