"""/quotes/: the quotes of public stories, searched by their words and their speakers."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from stories.models import StoryQuote

QUOTES_PER_PAGE = 20
MAX_QUERY = 200


def search_quotes(query: str):
    """Public quotes whose text or speaker holds every word of `query`, newest first."""
    quotes = StoryQuote.objects.public().for_listing()
    for word in query.split()[:10]:
        quotes = quotes.filter(
            Q(text__icontains=word)
            | Q(speaker_name__icontains=word)
            | Q(speaker_title__icontains=word)
            | Q(speaker_person__full_name__icontains=word)
            | Q(speaker_organization__name__icontains=word)
        )
    return quotes


def quote_search(request: HttpRequest) -> HttpResponse:
    """Search the quotes of public stories; paginated, the query kept in the box."""
    query = " ".join(request.GET.get("q", "")[:MAX_QUERY].split())
    page = Paginator(search_quotes(query), QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "stories/quote_search.html",
        {
            "query_text": query,
            "quotes": page.object_list,
            "page_obj": page,
            "querystring": urlencode({"q": query}) if query else "",
        },
    )
