"""A realistic archive for the benchmarks, generated into its own PostgreSQL database.

Defaults: 100,000 stories (5 organizations, 4 tags and 2 people each, a source role, six
paragraphs of text naming them), 20,000 organizations with 60,000 aliases, 20,000 people with
28,000 roles, 800 tags; 97% of the stories published over five years, the rest drafts and
stories in review. Which organizations, people and tags a story names is skewed (a few appear
in thousands of stories, most in a handful), as in a real archive.

    .venv/bin/python bench/generate.py [--stories 100000] [--database-url postgres://…/nr_bench]

Rows are written with bulk_create in batches, the search vectors with one UPDATE per batch.
Running it again on a database that already holds the archive does nothing; `--fresh` drops
and recreates the database first.
"""

import argparse
import random
import time
from datetime import date, timedelta

from _setup import DEFAULT_BENCH_DATABASE, bench_database, progress

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Amara Wei Olu Sofia Mateo Aisha Hiroshi
Ingrid Pavel Lucia Tomas Nadia Kofi Elena Rahul Mei Omar Fatima Jonas Greta Diego Ana""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Okafor Nakamura Kowalski Haddad Lindqvist Novak Mensah Petrov Rossi Silva Chen Kumar Mwangi Ortiz
Fischer Dubois Yilmaz Tanaka Abebe Kim Park Nguyen Costa Moreau Jansen""".split()
ADJECTIVES = """National Federal Regional Coastal Northern Southern Eastern Western Rural Urban
Marine Central Atlantic Pacific Continental Metropolitan Provincial Municipal Joint
International""".split()
TOPICS = """Energy Water Health Transport Trade Labor Housing Science Space Defense Veterans Mining
Forest Wildlife Climate Digital Cyber Nuclear Food Drug Safety Standards Statistics Weather Ocean
River Agriculture Education Finance Aviation Maritime Border Customs Tourism Culture Justice
Research Infrastructure Broadband Pensions""".split()
HEADS = """Agency Commission Office Bureau Council Authority Institute Department Service
Administration Board Directorate Secretariat Fund Center Association Alliance Ministry""".split()
KINDS = ["agency", "ministry", "legislature", "company", "nonprofit", "university", "multilateral"]
TITLES = """Secretary|Deputy Secretary|Spokesperson|Director|Administrator|Minister|Chair|
Commissioner|Chief Economist|Press Secretary|Ambassador|Governor|President|Vice Chair""".replace(
    "\n", ""
).split("|")
VERBS = """announces|opens|launches|expands|extends|reviews|funds|signs|publishes|welcomes|
proposes|finalizes|suspends|updates|renews""".replace("\n", "").split("|")
OBJECTS = [
    "grants for rural utilities", "a plan to modernize ports", "new rules on data sharing",
    "a partnership on clean water", "a review of safety standards", "support for small farmers",
    "a study of coastal flooding", "funding for broadband in schools",
    "talks on trade in critical minerals", "a framework for pandemic preparedness",
    "new guidance for exporters", "an inquiry into supply chains",
    "training for first responders", "a strategy for housing supply",
    "a program for veterans' health",
]  # fmt: skip
SENTENCES = [
    "{org} said on {day} that the program would start next quarter and run for three years.",
    "“This is about the families who rely on these services every day,” {person} said.",
    "The announcement follows months of talks between {org} and {org2}.",
    "Officials expect the first results to be published before the end of the year.",
    "{org2} welcomed the decision and asked for simpler reporting rules for applicants.",
    "Critics said the plan left open questions about costs, timelines and oversight.",
    "The measure covers {number} projects in {count} regions, according to {org}.",
    "{person} told reporters that the agencies would publish a plain-language checklist.",
    "Applications are due at the end of the month; webinars will explain the process.",
    "The initiative builds on a pilot that reached {number} households last year.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday".split()


def skewed(rng: random.Random, items: list, k: int) -> list:
    """`k` distinct items, the first ones of `items` far more often than the last (Zipf-like)."""
    chosen: dict = {}
    while len(chosen) < k:
        index = min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)
        index = index if rng.random() < 0.7 else rng.randrange(len(items))
        chosen.setdefault(items[index], None)
    return list(chosen)


def make_registry(args, rng: random.Random) -> None:
    from django.db import transaction

    from people.models import Organization, OrganizationAlias, Person, RegistryStamp, Role
    from people.names import name_key

    names, seen = [], set()
    while len(names) < args.organizations:
        name = (
            f"{rng.choice(ADJECTIVES)} {rng.choice(TOPICS)} {rng.choice(HEADS)}"
            if rng.random() < 0.5
            else f"{rng.choice(HEADS)} of {rng.choice(TOPICS)} and {rng.choice(TOPICS)}"
        )
        if name in seen:
            name = f"{name} {len(names)}"  # "… Agency 1234": registries have numbered units too
        seen.add(name)
        names.append(name)
    with transaction.atomic():
        step = 5000
        for start in range(0, len(names), step):
            Organization.objects.bulk_create(
                Organization(
                    name=n,
                    name_key=name_key(n),
                    slug=f"org-{start + i}",
                    kind=rng.choice(KINDS),
                    country=rng.choice(["US", "GB", "DE", ""]),
                    description=f"The {n}.",
                )
                for i, n in enumerate(names[start : start + step])
            )
            progress("organizations", start + step, len(names))
        ids = list(Organization.objects.order_by("pk").values_list("pk", flat=True))
        aliases, per_org = [], max(1, args.aliases // len(ids))
        for number in range(args.aliases):
            org = ids[number // per_org % len(ids)]
            kind = ("acronym", "short", "former")[number % 3]
            alias = (
                f"{'ABCDEFGHJKLMNPRSTUVW'[number % 20]}{number:X}"
                if kind == "acronym"
                else (f"{rng.choice(TOPICS)} {rng.choice(HEADS)} No. {number}")
            )
            aliases.append(
                OrganizationAlias(
                    organization_id=org,
                    name=alias,
                    name_key=name_key(alias),
                    kind=kind,
                    is_case_sensitive=kind == "acronym",
                )
            )
            if len(aliases) == step:
                OrganizationAlias.objects.bulk_create(aliases)
                aliases = []
                progress("aliases", number + 1, args.aliases)
        OrganizationAlias.objects.bulk_create(aliases)
        progress("aliases", args.aliases, args.aliases)

        people = []
        for number in range(args.people):
            full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            people.append(
                Person(
                    full_name=full,
                    name_key=name_key(full),
                    slug=f"person-{number}",
                    bio=f"{full} works in public service.",
                )
            )
        for start in range(0, len(people), step):
            Person.objects.bulk_create(people[start : start + step])
            progress("people", start + step, len(people))
        person_ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        roles = []
        for person in person_ids:
            for held in range(1 if rng.random() < 0.6 else 2):
                started = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
                roles.append(
                    Role(
                        person_id=person,
                        title=rng.choice(TITLES),
                        organization_id=rng.choice(ids),
                        started_on=started,
                        ended_on=started + timedelta(days=900) if held else None,
                    )
                )
        for start in range(0, len(roles), step):
            Role.objects.bulk_create(roles[start : start + step])
            progress("roles", start + step, len(roles))
        RegistryStamp.bump()


def make_stories(args, rng: random.Random) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from people.models import Organization, Role
    from stories.models import Story, StoryOrganization, StoryPerson
    from stories.search import refresh_search_vectors

    if not Tag.objects.exists():
        topics = sorted({f"{a} {t}".lower() for a in ADJECTIVES for t in TOPICS})[: args.tags]
        Tag.objects.bulk_create(Tag(name=t, slug=t.replace(" ", "-")) for t in topics)
    tags = list(Tag.objects.order_by("pk").values_list("pk", flat=True))
    organizations = list(Organization.objects.order_by("pk").values_list("pk", "name"))
    roles = list(  # one role per person: the one a story quotes them in
        Role.objects.order_by("person_id", "-pk")
        .distinct("person_id")
        .values_list("pk", "person_id", "title", "person__full_name")
    )
    rng.shuffle(roles)
    story_type = ContentType.objects.get_for_model(Story)
    now = timezone.now()
    span = 5 * 365 * 24 * 60  # minutes in five years
    done = Story.objects.count()
    while done < args.stories:
        batch = min(2000, args.stories - done)
        with transaction.atomic():
            plans, stories = [], []
            for number in range(done, done + batch):
                orgs = skewed(rng, organizations, 5)
                people = skewed(rng, roles, 2)
                status = "published" if rng.random() < 0.97 else rng.choice(["draft", "review"])
                fill = {
                    "org": orgs[0][1],
                    "org2": orgs[1][1],
                    "person": people[0][3],
                    "number": rng.randrange(12, 900),
                    "count": rng.randrange(2, 40),
                    "day": rng.choice(DAYS),
                }
                paragraphs = [
                    " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(4))
                    for _ in range(6)
                ]
                headline = f"{orgs[0][1]} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
                stories.append(
                    Story(
                        headline=headline,
                        slug=f"story-{number}",
                        dek=paragraphs[0][:180],
                        body="\n\n".join(paragraphs),
                        status=status,
                        published_at=now
                        - timedelta(minutes=rng.randrange(span))
                        - timedelta(minutes=number % 7)
                        if status == "published"
                        else None,
                        source_role_id=people[0][0],
                        source_label="Official Website",
                        source_attribution=f"{people[0][3]}, {people[0][2]}",
                        image_asset_id=f"asset{number:07d}",
                        image_format="webp",
                    )
                )
                plans.append((orgs, people))
            stories = Story.objects.bulk_create(stories)
            links, quoted, tagged = [], [], []
            for story, (orgs, people) in zip(stories, plans, strict=True):
                links += [
                    StoryOrganization(
                        story_id=story.pk,
                        organization_id=org_id,
                        position=position,
                        origin="imported",
                    )
                    for position, (org_id, _) in enumerate(orgs)
                ]
                quoted += [
                    StoryPerson(
                        story_id=story.pk, person_id=person_id, role_id=role_id, position=position
                    )
                    for position, (role_id, person_id, _, _) in enumerate(people)
                ]
                tagged += [
                    TaggedItem(content_type=story_type, object_id=story.pk, tag_id=tag)
                    for tag in skewed(rng, tags, 4)
                ]
            StoryOrganization.objects.bulk_create(links)
            StoryPerson.objects.bulk_create(quoted)
            TaggedItem.objects.bulk_create(tagged)
            refresh_search_vectors(story.pk for story in stories)
        done += batch
        progress("stories", done, args.stories)


SEARCH_INDEX = "stories_story_search_gin"
SEARCH_INDEX_DEFINITION = (
    f"CREATE INDEX {SEARCH_INDEX} ON public.stories_story USING gin (search_vector)"
)


def generate(args) -> None:
    from django.db import connection

    from stories.models import Story

    rng = random.Random(args.seed)
    started = time.perf_counter()
    with connection.cursor() as cursor:  # a crash loses the last batches at most: fine here
        cursor.execute("SET synchronous_commit TO OFF")
    if Story.objects.count() >= args.stories:
        print(f"The archive is there: {Story.objects.count():,} stories.")
        return
    from people.models import Organization

    if not Organization.objects.exists():
        make_registry(args, rng)
    with connection.cursor() as cursor:
        # Kept up to date row by row, the full-text index makes each batch slower than the
        # last; built once at the end it takes seconds.
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX])
        (definition,) = cursor.fetchone() or (SEARCH_INDEX_DEFINITION,)
        cursor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    try:
        make_stories(args, rng)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(definition)
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would: visibility maps set
    print(f"Generated in {time.perf_counter() - started:.0f} s.")


def arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--organizations", type=int, default=20_000)
    parser.add_argument("--aliases", type=int, default=60_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=800)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--database-url", default=DEFAULT_BENCH_DATABASE)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    return parser


def main() -> None:
    args = arguments(argparse.ArgumentParser(description=__doc__.split("\n")[0])).parse_args()
    bench_database(args.database_url, fresh=args.fresh)
    generate(args)


if __name__ == "__main__":
    main()
