"""Suggestion engine benchmark: registry of N organizations and M aliases.

Measures: the time to build the engine from the database (median of 3), matching throughput on
generated 800-word stories on one core, and the query count of the story admin change form.
"""

import argparse
import os
import random
import statistics
import time

from _setup import django_setup

HEADS = ["Agency", "Commission", "Office", "Bureau", "Council", "Authority", "Institute",
         "Department", "Service", "Administration", "Foundation", "Association"]  # fmt: skip
WORDS = (
    "national federal regional coastal northern southern eastern western rural urban "
    "marine energy water health transport trade labor housing science space defense "
    "veterans mining forest wildlife climate digital cyber nuclear food drug safety "
    "standards statistics census weather ocean river desert mountain prairie harbor"
).split()
FILLER = (
    "the officials said on monday that a new plan would be ready next week and that "
    "talks with partners were going well while critics asked for more details about "
    "costs timelines and the people affected by the decision"
).split()


def make_registry(n_orgs: int, n_aliases: int, rng: random.Random) -> list[str]:
    from django.db import transaction

    from people.models import Organization, OrganizationAlias, RegistryStamp

    names, seen = [], set()
    while len(names) < n_orgs:
        words = rng.sample(WORDS, 2)
        name = f"{words[0].title()} {words[1].title()} {rng.choice(HEADS)} {len(names)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    with transaction.atomic():
        Organization.objects.bulk_create(
            [Organization(name=n, name_key=n.lower(), slug=f"org-{i}", kind="agency")
             for i, n in enumerate(names)],
            batch_size=2000,
        )  # fmt: skip
        ids = list(Organization.objects.values_list("pk", flat=True))
        aliases = []
        for i in range(n_aliases):
            org_id = ids[i % len(ids)]
            alias = f"ORG{i}X" if i % 3 == 0 else f"Alias Name {i} Office"
            aliases.append(
                OrganizationAlias(
                    organization_id=org_id,
                    name=alias,
                    name_key=alias.lower(),
                    is_case_sensitive=alias.isupper(),
                )  # fmt: skip
            )
        OrganizationAlias.objects.bulk_create(aliases, batch_size=5000)
        RegistryStamp.bump()
    return names


def make_stories(names: list[str], n: int, words: int, rng: random.Random) -> list[str]:
    stories = []
    for _ in range(n):
        out = []
        while len(out) < words:
            if rng.random() < 0.02:
                out.extend(rng.choice(names).split())
            elif rng.random() < 0.01:
                out.append(f"ORG{rng.randrange(0, 60000, 3)}X")
            else:
                out.append(rng.choice(FILLER))
        stories.append(" ".join(out[:words]))
    return stories


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=20000)
    parser.add_argument("--aliases", type=int, default=60000)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument(
        "--profile", action="store_true", help="print cProfile's costliest functions of matching"
    )
    args = parser.parse_args()
    django_setup()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from people.suggestions import build_index

    rng = random.Random(7)
    names = make_registry(args.orgs, args.aliases, rng)
    builds = []
    for _ in range(3):
        started = time.perf_counter()
        index = build_index()
        builds.append(time.perf_counter() - started)
    print(f"registry: {args.orgs} organizations, {args.aliases} aliases")
    print(f"engine build: median {statistics.median(builds):.2f} s (runs: "
          + ", ".join(f"{b:.2f}" for b in builds) + ")")  # fmt: skip

    stories = make_stories(names, args.stories, args.words, rng)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(lambda: [index.find(text) for text in stories])
        order, top = os.environ.get("SORT", "tottime"), int(os.environ.get("TOP", 25))
        pstats.Stats(profiler).sort_stats(order).print_stats(top)
    started, cpu_started = time.perf_counter(), time.process_time()
    found = sum(len(index.find(text).organizations) for text in stories)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"matching: {len(stories)} stories of {args.words} words in {elapsed:.2f} s = "
        f"{len(stories) / elapsed:,.0f} stories/s on one core ({found} organizations found); "
        f"{cpu:.2f} s of CPU = {len(stories) / cpu:,.0f} stories per CPU second"
    )

    real_text(index, cpu_per_word=cpu / (len(stories) * args.words))

    counts = admin_form_queries(stories[:1], CaptureQueriesContext, connection)
    print(f"admin story form queries: {counts}")
    print(f"admin autocompletes: {autocomplete_queries(CaptureQueriesContext, connection)}")


def real_text(index, cpu_per_word: float) -> None:
    """The generated stories are lower-case filler around registry names: no quotations, people
    or titles. The tagging corpus's stories, as written, cost the engine more per word."""
    from _setup import ROOT

    files = sorted((ROOT / "tests" / "tagging_corpus" / "dev").glob("*.txt"))
    if not files:
        return
    texts = [f.read_text(encoding="utf-8") for f in files]
    for text in texts[:20]:
        index.find(text)  # (warm)
    started = time.process_time()
    for text in texts:
        index.find(text)
    cpu = time.process_time() - started
    words = sum(len(text.split()) for text in texts)
    print(
        f"real text: {len(texts)} stories of the tagging corpus (dev/, {words // len(texts)} "
        f"words on average) in {cpu:.2f} s of CPU = {len(texts) / cpu:,.0f} stories per CPU "
        f"second; {words / cpu:,.0f} words per CPU second, against {1 / cpu_per_word:,.0f} in "
        f"the generated stories"
    )


def admin_form_queries(texts, capture, connection) -> str:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from stories.models import Story

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    counts = []
    for words in (50, 800):
        story = Story.objects.create(headline="Bench story", slug=f"bench-{words}",
                                     body=" ".join(texts[0].split()[:words]))  # fmt: skip
        url = reverse("admin:stories_story_change", args=[story.pk])
        client.get(url, secure=True)  # warm the engine
        with capture(connection) as queries:
            response = client.get(url, secure=True)
        assert response.status_code == 200, response.status_code
        counts.append(f"{len(queries)} with a {words}-word story")
    return ", ".join(counts)


def autocomplete_queries(capture, connection) -> str:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench"))
    results = []
    for model, field, term in (("storyorganization", "organization", "Agency"),
                               ("storyorganization", "organization", "ORG12"),
                               ("storyperson", "person", "a")):  # fmt: skip
        params = {"term": term, "app_label": "stories", "model_name": model, "field_name": field}
        started = time.perf_counter()
        with capture(connection) as queries:
            response = client.get(reverse("admin:autocomplete"), params, secure=True)
        elapsed = (time.perf_counter() - started) * 1000
        data = response.json()
        results.append(f"{field} {term!r}: {len(queries)} queries, {len(data['results'])} "
                       f"results, more={data['pagination']['more']}, {elapsed:.0f} ms")  # fmt: skip
    return "; ".join(results)


if __name__ == "__main__":
    main()
