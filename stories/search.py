"""Searching public stories: PostgreSQL full-text search with ranking and highlighted snippets,
and a plain fallback on SQLite; facets with counts; "did you mean" for organization names.
Queries are free text; nothing a reader types raises an error.

The search vector weighs the headline (A) above the dek (B) above the body and the names of the
story's organizations (with their aliases) and people (C). It is refreshed after every change
that affects it (stories.signals).

Every search is bounded, however common its words: the newest MAX_RESULTS matches (ids and
dates, one query) are the "scope"; it gives the count, the facet counts and, sorted by
relevance, the stories ranked. A larger match says "more than 1,000" and is narrowed by the
facets. The scope and the facets are cached for the current generation of pages, so turning a
page or changing the sort does not compute them again.
"""

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pycountry
from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    TrigramSimilarity,
)
from django.core.paginator import Page, Paginator
from django.db import connection, connections, transaction
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from newsroom.caching import cached_fragment
from people.models import Organization, OrganizationAlias, OrganizationKind
from people.names import name_key
from stories.models import Story, StoryOrganization, StoryStatus
from stories.search_entries import StorySearchEntry
from stories.snippets import highlighted_snippet

MAX_QUERY = 200
MAX_RESULTS = 1000  # the scope: counted, ranked and paged; more are narrowed, not paged
FACET_SCOPE = 200  # the newest matches the facets count
RANK_POOL = 200  # the newest matches ranked by relevance (ranking reads each one's vector)
MAX_VALUES = 5  # values of one facet a search may select at once
FACET_SIZE = 10  # organizations and countries listed per facet
SUGGEST_BELOW = 5  # "did you mean" when a search finds fewer stories than this
SUGGEST_SIMILARITY = 0.4  # the least trigram similarity (0..1) of a suggested name
SUGGEST_CANDIDATES = 5000  # names compared on SQLite (difflib), at most
SORTS = {"relevance": "Relevance", "date": "Newest first"}

# The names of the story's organizations (with their aliases) and people, each looked up by its
# key from the story's links: a plan that stays an index look-up whatever the statistics say
# (before the first ANALYZE after a bulk import the planner hashed the whole registry for
# every story).
_REFRESH = """
UPDATE stories_story s SET search_vector =
    setweight(to_tsvector('english', coalesce(s.headline, '')), 'A')
 || setweight(to_tsvector('english', coalesce(s.dek, '')), 'B')
 || setweight(to_tsvector('english', coalesce(s.body, '')), 'C')
 || setweight(to_tsvector('simple', coalesce((
        SELECT string_agg((
            SELECT o.name || ' ' || coalesce((
                SELECT string_agg(a.name, ' ') FROM people_organizationalias a
                WHERE a.organization_id = o.id), '')
            FROM people_organization o WHERE o.id = so.organization_id), ' ')
        FROM stories_storyorganization so WHERE so.story_id = s.id), '')), 'C')
 || setweight(to_tsvector('simple', coalesce((
        SELECT string_agg((
            SELECT p.full_name || ' ' || p.nickname FROM people_person p
            WHERE p.id = sp.person_id), ' ')
        FROM stories_storyperson sp WHERE sp.story_id = s.id), '')), 'C')
WHERE s.id = ANY(%s)
"""


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def refresh_search_vectors(story_ids: Iterable[int]) -> None:
    """Recompute the search vector of these stories (PostgreSQL; a no-op elsewhere)."""
    ids = sorted(set(story_ids))
    if ids and uses_full_text():
        with transaction.atomic(), connection.cursor() as cursor:
            # The estimates of its subqueries make PostgreSQL compile this statement (JIT),
            # which takes longer than running it (0.17 of 0.25 s for 250 stories). SET LOCAL
            # lasts until the transaction ends: this one, or the caller's.
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(_REFRESH, [ids])


# --- what the reader asked for ---------------------------------------------------------------


def _clean(value: str, limit: int) -> str:
    """Text without NUL and control characters (PostgreSQL refuses NUL), spaces collapsed."""
    value = re.sub(r"[\x00-\x1f\x7f]", " ", value[: limit * 4])
    return re.sub(r"\s+", " ", value).strip()[:limit]


def _date(value: str | None) -> date | None:
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class SearchFilters:
    query: str = ""
    organizations: tuple[str, ...] = ()  # slugs; each one narrows the results
    kinds: tuple[str, ...] = ()  # OrganizationKind values
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    start: date | None = None
    end: date | None = None
    sort: str = "relevance"

    @classmethod
    def from_params(cls, params: QueryDict) -> "SearchFilters":
        """The filters in a search address; whatever is malformed is left out."""

        def values(name: str, limit: int) -> tuple[str, ...]:
            cleaned = (_clean(v, limit) for v in params.getlist(name))
            return tuple(dict.fromkeys(v for v in cleaned if v))[:MAX_VALUES]

        sort = params.get("sort", "")
        return cls(
            query=params.get("q", ""),
            organizations=values("organization", 300),
            kinds=tuple(k for k in values("kind", 20) if k in OrganizationKind.values),
            countries=tuple(c.upper() for c in values("country", 2) if re.fullmatch(r"\w\w", c)),
            start=_date(_clean(params.get("from", ""), 10)),
            end=_date(_clean(params.get("to", ""), 10)),
            sort=sort if sort in SORTS else "relevance",
        )

    @property
    def cleaned_query(self) -> str:
        return _clean(self.query, MAX_QUERY)

    @property
    def narrowed(self) -> bool:
        return bool(self.organizations or self.kinds or self.countries or self.start or self.end)

    @property
    def by_relevance(self) -> bool:
        return bool(self.cleaned_query) and self.sort == "relevance"

    @property
    def cache_key(self) -> str:
        """What the scope depends on (not the sort, not the page)."""
        parts = [self.cleaned_query, *self.organizations, "|", *self.kinds, "|", *self.countries]
        parts += [str(self.start), str(self.end), connection.vendor]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- matching --------------------------------------------------------------------------------


def _full_text_query(text: str) -> SearchQuery:
    # English stems ("states" finds "State"); "simple" keeps names and acronyms as written.
    return SearchQuery(text, search_type="websearch", config="english") | SearchQuery(
        text, search_type="websearch", config="simple"
    )


@dataclass(frozen=True)
class Terms:
    """A query as the SQLite fallback reads it: words and "quoted phrases" that must all be
    there, and -words that must not."""

    required: tuple[str, ...]
    excluded: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Terms":
        required, excluded = [], []
        for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', text):
            negative = word.startswith("-") and len(word) > 1
            words = re.findall(r"\w+(?:['’.]\w+)*", phrase or word)
            if words:
                (excluded if negative else required).append(" ".join(words))
        return cls(tuple(required[:10]), tuple(excluded[:10]))

    @staticmethod
    def pattern(term: str) -> str:
        """A regular expression for `term` as whole words (a plural or possessive too)."""
        words = r"\s+".join(re.escape(w) for w in term.split())
        return rf"(?<!\w){words}(?:s|es|'s|’s)?(?!\w)"

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the required terms are in `text`, whole words only."""
        return [
            m.span()
            for term in self.required
            for m in re.finditer(self.pattern(term), text, flags=re.IGNORECASE)
        ]


def _term_condition(term: str) -> Q:
    pattern = Terms.pattern(term)
    # LIKE first (in C, cheap), then the whole-word regular expression on what it let through.
    return Q(
        Q(headline__icontains=term, headline__iregex=pattern)
        | Q(dek__icontains=term, dek__iregex=pattern)
        | Q(body__icontains=term, body__iregex=pattern)
        | Q(story_organizations__organization__name__iregex=pattern)
        | Q(story_organizations__organization__aliases__name__iregex=pattern)
        | Q(story_people__person__full_name__iregex=pattern)
    )


def _with_term(term: str) -> QuerySet:
    return Story.objects.filter(_term_condition(term)).values("pk")


def _linked(**organization) -> QuerySet:
    return StoryOrganization.objects.filter(
        **{f"organization__{k}": v for k, v in organization.items()}
    ).values("story_id")


def _narrowed(rows: QuerySet, filters: SearchFilters, story: str) -> QuerySet:
    """`rows` (stories, or search entries: `story` names their story id field) narrowed by the
    organizations, kinds, countries and dates of `filters`."""
    # Each organization by its id, not by a join on its slug: PostgreSQL then knows from its
    # statistics how many stories name it (tens of thousands, for a ministry) and plans for it.
    chosen = dict(
        Organization.objects.filter(slug__in=filters.organizations).values_list("slug", "pk")
        if filters.organizations
        else ()
    )
    for slug in filters.organizations:
        links = StoryOrganization.objects.filter(organization_id=chosen.get(slug, 0))
        rows = rows.filter(**{f"{story}__in": links.values("story_id")})
    for kind in filters.kinds:
        rows = rows.filter(**{f"{story}__in": _linked(kind=kind)})
    for country in filters.countries:
        rows = rows.filter(**{f"{story}__in": _linked(country=country)})
    if filters.start:
        rows = rows.filter(published_at__date__gte=filters.start)
    if filters.end:
        rows = rows.filter(published_at__date__lte=filters.end)
    return rows


class _Unphrased(Func):
    """A tsquery with its phrases ("a <-> b") as plain conjunctions ("a & b"): the GIN index
    answers it alone, where a phrase makes PostgreSQL read every candidate's vector (out of
    line, in TOAST) to check the words' positions."""

    template = "regexp_replace((%(expressions)s)::text, '<(-|[0-9]+)>', '&', 'g')::tsquery"
    output_field = SearchQueryField()


class _Matches(Func):
    """`vector @@ query` as a condition."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


# The phrase check on the candidates in date order, until the scope is full: PostgreSQL reads
# the vectors of the newest candidates only. With no phrase in the query the check folds to
# TRUE when the query is planned (the functions are immutable), and nothing is read.
_PHRASES_CHECKED = """\
SELECT story_id, published_at FROM ({candidates} OFFSET 0) candidate
WHERE regexp_replace(({query})::text, '<(-|[0-9]+)>', '&', 'g') = ({query})::text
   OR candidate.search_vector @@ ({query})
LIMIT %s
"""


def matching(filters: SearchFilters) -> QuerySet:
    """(story id, publish time) of the public stories matching `filters`, newest first. On
    PostgreSQL, with a query: the candidates (stories with every word, phrases aside) and
    their vectors, for `_fetch` to check the phrases of."""
    text = filters.cleaned_query
    if text and uses_full_text():
        # The narrow table: the same definition as Story.objects.public(), on its own rows.
        entries = StorySearchEntry.objects.filter(
            _Matches(F("search_vector"), _Unphrased(_full_text_query(text))),
            status=StoryStatus.PUBLISHED,
            published_at__lte=timezone.now(),
        )
        rows = _narrowed(entries, filters, "story_id")
        return rows.order_by("-published_at", "-story_id").values_list(
            "story_id", "published_at", "search_vector"
        )
    stories = _narrowed(Story.objects.public(), filters, "pk")
    if text:
        terms = Terms.parse(text)
        if not terms.required:
            return Story.objects.none().values_list("pk", "published_at")  # only punctuation
        for term in terms.required:
            stories = stories.filter(pk__in=_with_term(term))
        for term in terms.excluded:
            stories = stories.exclude(pk__in=_with_term(term))
    return stories.order_by("-published_at", "-pk").values_list("pk", "published_at")


# --- facets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetValue:
    param: str  # the address parameter it sets: organization, kind, country, or "date"
    value: str | tuple[str, str]  # for dates: (from, to) as ISO dates
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: tuple[FacetValue, ...]


def _country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def _facets(filters: SearchFilters, scope: list[tuple[int, date]]) -> list[Facet]:
    """Facet counts over the scope (the newest FACET_SCOPE matches)."""
    # Two queries, each by an index: the links, then the organizations they name (a join
    # makes the planner hash the whole organization table).
    links = list(
        StoryOrganization.objects.filter(story_id__in=[pk for pk, _ in scope])
        .order_by()
        .values_list("story_id", "organization_id")
    )
    named = {
        pk: (slug, name, kind, country)
        for pk, slug, name, kind, country in Organization.objects.filter(
            pk__in={organization for _, organization in links}
        )
        .order_by()
        .values_list("pk", "slug", "name", "kind", "country")
    }
    links = [(story_id, *named[organization]) for story_id, organization in links]
    per_story: dict[int, tuple[set, set, set]] = defaultdict(lambda: (set(), set(), set()))
    names = {}
    for story_id, slug, name, kind, country in links:
        names[slug] = name
        slugs, story_kinds, story_countries = per_story[story_id]
        slugs.add(slug)
        story_kinds.add(kind)
        if country:
            story_countries.add(country)
    organizations, kinds, countries = Counter(), Counter(), Counter()
    for slugs, story_kinds, story_countries in per_story.values():
        organizations.update(slugs)
        kinds.update(story_kinds)
        countries.update(story_countries)

    def top(counter: Counter, selected: tuple[str, ...]) -> list[tuple[str, int]]:
        ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        shown = ordered[:FACET_SIZE]
        return shown + [item for item in ordered[FACET_SIZE:] if item[0] in selected]

    kind_labels = dict(OrganizationKind.choices)
    facets = [
        Facet("organization", "Organization", tuple(
            FacetValue("organization", slug, names[slug], n, slug in filters.organizations)
            for slug, n in top(organizations, filters.organizations)
        )),
        Facet("kind", "Kind of organization", tuple(
            FacetValue("kind", kind, kind_labels.get(kind, kind), n, kind in filters.kinds)
            for kind, n in top(kinds, filters.kinds)
        )),
        Facet("country", "Country", tuple(
            FacetValue("country", code, _country_name(code), n, code in filters.countries)
            for code, n in top(countries, filters.countries)
        )),
    ]  # fmt: skip
    facets.append(Facet("date", "Date", tuple(_date_values(filters, [d for _, d in scope]))))
    return [facet for facet in facets if facet.values]


def _date_values(filters: SearchFilters, dates: list[date]) -> Iterable[FacetValue]:
    """Past week, month and year, then each year, with how many stories in each."""
    today = timezone.localdate()
    chosen = (filters.start, filters.end)
    for label, days in (("Past week", 7), ("Past month", 30), ("Past year", 365)):
        start = today - timedelta(days=days)
        count = sum(1 for d in dates if d >= start)
        if count:
            yield FacetValue("date", (start.isoformat(), ""), label, count, chosen == (start, None))
    for year, count in sorted(Counter(d.year for d in dates).items(), reverse=True)[:FACET_SIZE]:
        start, end = date(year, 1, 1), date(year, 12, 31)
        yield FacetValue(
            "date", (start.isoformat(), end.isoformat()), str(year), count, chosen == (start, end)
        )


def chosen_filters(filters: SearchFilters) -> list[tuple[str, str, str]]:
    """(parameter, value, label) of each organization, kind and country the search is
    narrowed to; an organization slug that names none is left out."""
    names = dict(
        Organization.objects.filter(slug__in=filters.organizations).values_list("slug", "name")
        if filters.organizations
        else ()
    )
    kind_labels = dict(OrganizationKind.choices)
    return (
        [("organization", slug, names[slug]) for slug in filters.organizations if slug in names]
        + [("kind", kind, kind_labels[kind]) for kind in filters.kinds]
        + [("country", code, _country_name(code)) for code in filters.countries]
    )


# --- "did you mean" --------------------------------------------------------------------------


def suggest_organization(text: str) -> str | None:
    """The name (or alias) of an organization that `text` looks like a misspelling of; None
    when nothing is close enough or `text` is already a name."""
    if not 3 <= len(text) <= 100:
        return None
    key = name_key(text)
    if (
        Organization.objects.filter(name_key=key).exists()
        or OrganizationAlias.objects.filter(name_key=key).exists()
    ):
        return None
    if uses_full_text():
        candidates = []
        for model in (Organization, OrganizationAlias):
            candidates += (
                model.objects.filter(name__trigram_similar=text)
                .annotate(similarity=TrigramSimilarity("name", text))
                .filter(similarity__gte=SUGGEST_SIMILARITY)
                .order_by("-similarity", "name")
                .values_list("similarity", "name")[:1]
            )
        best = max(candidates, default=None, key=lambda c: c[0])
        return best[1] if best else None
    names = list(Organization.objects.values_list("name", flat=True)[:SUGGEST_CANDIDATES])
    names += OrganizationAlias.objects.values_list("name", flat=True)[:SUGGEST_CANDIDATES]
    by_key = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(text.casefold(), by_key, n=1, cutoff=0.75)
    return by_key[close[0]] if close else None


# --- results ---------------------------------------------------------------------------------


class BoundedPaginator(Paginator):
    """Pages over at most MAX_RESULTS results, counted beforehand (no COUNT over everything)."""

    def __init__(self, object_list, per_page: int, *, total: int):
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self) -> int:
        return self.total


@dataclass
class SearchResults:
    filters: SearchFilters
    page: Page
    items: list[tuple[Story, SafeString]]
    total: int  # at most MAX_RESULTS
    more: bool  # more stories match than MAX_RESULTS
    facets: list[Facet] = field(default_factory=list)
    suggestion: str | None = None

    @property
    def faceted(self) -> int:
        """How many of the matches the facets counted."""
        return min(self.total, FACET_SCOPE)

    @property
    def facets_partial(self) -> bool:
        return self.more or self.total > FACET_SCOPE


def _scope(filters: SearchFilters) -> dict:
    """The newest MAX_RESULTS + 1 matches (ids and dates) and their facets."""
    rows = _fetch(filters, MAX_RESULTS + 1)
    zone = timezone.get_current_timezone()  # once, not once per row (1,000 of them)
    scope = [(pk, published.astimezone(zone).date()) for pk, published in rows[:MAX_RESULTS]]
    facets = _facets(filters, scope[:FACET_SCOPE])
    return {"scope": scope, "more": len(rows) > MAX_RESULTS, "facets": facets}


def _fetch(filters: SearchFilters, limit: int) -> list[tuple[int, datetime]]:
    """The newest `limit` matches of `filters` (id, publish time). On PostgreSQL with a query:
    through the GIN index always (the planner costs the text match as cheap and may scan the
    narrow table instead, matching every row's vector read from TOAST: seconds, where the index
    answers in milliseconds), in this process alone (parallel workers cost more to start than
    they save here, and a busy machine has no core to spare), phrases checked on the newest
    candidates only (_PHRASES_CHECKED)."""
    rows = matching(filters)
    text = filters.cleaned_query
    if not (text and uses_full_text()):
        return list(rows[:limit])
    alias = rows.db  # chosen once: a replica router may pick another one each time it is asked
    connection = connections[alias]
    compiler = rows.query.get_compiler(alias)
    candidates, params = compiler.as_sql()
    query, query_params = compiler.compile(_full_text_query(text))
    sql = _PHRASES_CHECKED.format(candidates=candidates, query=query)
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(  # SET LOCAL, both in one round trip
            "SELECT set_config('enable_seqscan', 'off', true),"
            " set_config('max_parallel_workers_per_gather', '0', true)"
        )
        cursor.execute(sql, [*params, *query_params * 3, limit])
        return cursor.fetchall()


def _ranked(filters: SearchFilters, ids: list[int]) -> QuerySet:
    """The ids of the stories `ids`, best first."""
    text = filters.cleaned_query
    if uses_full_text():
        rank = SearchRank(F("search_vector"), _full_text_query(text))
        entries = StorySearchEntry.objects.filter(story_id__in=ids).annotate(rank=rank)
        return entries.order_by("-rank", "-published_at", "-story_id").values_list(
            "story_id", flat=True
        )
    stories = Story.objects.filter(pk__in=ids)
    # SQLite: stories with every word in the headline first, then the newest.
    required = Terms.parse(text).required
    if not required:
        return stories.order_by("-published_at", "-pk").values_list("pk", flat=True)
    in_headline = Q()
    for term in required:
        in_headline &= Q(headline__iregex=Terms.pattern(term))
    first = Case(When(in_headline, then=Value(0)), default=Value(1), output_field=IntegerField())
    return stories.order_by(first, "-published_at", "-pk").values_list("pk", flat=True)


def _for_results() -> QuerySet:
    """What a result shows: the story (not its search vector, as long as its text) and the
    names and addresses of its organizations; not its source."""
    links = StoryOrganization.objects.select_related("organization").only(
        "story", "position", "organization__name", "organization__slug"
    )
    return Story.objects.defer("search_vector").prefetch_related(
        Prefetch("story_organizations", queryset=links)
    )


def search(filters: SearchFilters, page_number: str | int | None, per_page: int) -> SearchResults:
    """One page of the public stories matching `filters`, with their snippets, the facets of
    the whole (bounded) match and, when little is found, a suggested organization name."""
    found = cached_fragment("search-scope", filters.cache_key, lambda: _scope(filters))
    scope = found["scope"]
    ids = [pk for pk, _ in scope]
    if filters.by_relevance:  # the newest RANK_POOL matches ranked, then the older ones
        ids = list(_ranked(filters, ids[:RANK_POOL])) + ids[RANK_POOL:]
    page = BoundedPaginator(ids, per_page, total=len(scope)).get_page(page_number)
    page_ids = list(page.object_list)
    stories = _for_results().in_bulk(page_ids)
    page.object_list = [stories[pk] for pk in page_ids if pk in stories]
    text = filters.cleaned_query
    snippets = _snippets(page.object_list, text) if text else {}
    items = [(story, snippets.get(story.pk, "")) for story in page.object_list]
    suggestion = suggest_organization(text) if text and len(scope) < SUGGEST_BELOW else None
    return SearchResults(
        filters=filters,
        page=page,
        items=items,
        total=len(scope),
        more=found["more"],
        facets=found["facets"],
        suggestion=suggestion,
    )


def _snippets(stories: list[Story], text: str) -> dict[int, SafeString]:
    """The highlighted passage to show under each result: whole words marked, never part of
    one ("State" marks "State" and "States", not "estate"). In Python on every database
    (PostgreSQL's ts_headline costs about 2 ms a story); a story whose body has none of the
    words as written (found by a stem or a name) shows its summary instead."""
    terms = Terms.parse(text)
    return {
        story.pk: highlighted_snippet(story.body, spans)
        for story in stories
        if (spans := terms.spans(story.body))
    }
