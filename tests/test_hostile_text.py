"""Hostile text never becomes live markup, never breaks a document and never gives a 500.

The matrix: 10 payloads (script tag, attribute breaker with <img onerror>, javascript: and data:
URLs, </script> inside JSON-LD, ]]> CDATA breaker, control characters, RTL override U+202E,
a 100 KB string, NUL)

  × 18 editable fields (story headline, dek, body, image alt/credit/caption, source
    attribution/label/url, tag name, organization name/description/website/aliases, person
    name/nickname/bio, role title) — stored, and posted through the admin's forms —
    and 4 file-borne paths (plain-text release, ninjs document, registry JSON, registry CSV)

  × 50 outputs: the story, organization, person, tag, home, archive (year and month) pages and
    search (3 queries, one of them the payload itself); the admin index, the changelists of
    stories, organizations, aliases, people, roles and tags, the change forms of story,
    organization, person, role and tag, the story's history and two admin searches for the
    payload; RSS, Atom and JSON Feed for the latest stories, the organization, the person and
    the tag; the story's JSON-LD; the ninjs, NDJSON, CSV, RSS, Atom and JSON Feed exports; the
    sitemap index, its 4 sections and the news sitemap.

10 payloads × 22 fields and files × 50 outputs = 11,000 cells, run as 164 tests: 10 payloads ×
9 output groups on stored text (each test builds its story, organization, person, role and tag
once and reads all the group's outputs), 10 × 4 file paths (then every public output of what was
imported), 10 payloads through every admin form, and 24 tests of dangerous URLs on each write
path (admin forms, registry JSON and CSV, plain-text release, ninjs).

What is checked: HTML is parsed with lxml and must hold no injected element (<script> running
the payload, <img src=x>, <x>), no on* attribute from the payload and no href/src/action with a
javascript:/data:/vbscript: URL; every <script type="application/ld+json"> parses as JSON and
gives the headline back; XML (feeds, sitemaps) parses strictly and the text comes back as it was
stored (characters XML cannot carry removed); the HTML inside feeds (RSS description and
content:encoded, Atom summary and content, JSON Feed content_html) is itself checked as HTML;
JSON and CSV parse and give the stored text back. No response is a 5xx.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from io import StringIO
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from lxml import etree, html

from people.models import Organization, OrganizationAlias, Person, Role
from stories.models import Story, StoryStatus
from tests.factories import (
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    RoleFactory,
    StoryFactory,
    StoryOrganizationFactory,
    StoryPersonFactory,
)

pytestmark = pytest.mark.django_db
csv.field_size_limit(1_000_000)  # the 100 KB payload is one CSV field

HUGE = ("Lorem <b>ipsum</b> dolor & sit amet. " * 3000)[:100_000]
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '"><img src=x onerror=alert(1)>',
    "javascript-url": "javascript:alert(1)",
    "data-url": "data:text/html,<script>alert(1)</script>",
    "jsonld-breaker": '</script><script>alert(1)</script><script type="application/ld+json">',
    "cdata-breaker": "]]><x>injected</x><![CDATA[",
    "control-chars": "bell\x07 backspace\x08 vtab\x0b formfeed\x0c escape\x1b delete\x7f end",
    "rtl-override": "invoice \u202egpj.exe",
    "huge": HUGE,
    "nul": "before\x00after",
}
# What the database can hold of each: PostgreSQL refuses NUL in text, and every write path
# (forms, importers, registry) refuses or drops it; the stored-text tests use what remains.
STORABLE = {name: value.replace("\x00", "") for name, value in PAYLOADS.items()}
DANGEROUS_URLS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
]  # fmt: skip
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "xlink:href")
# XML 1.0 cannot carry these; a writer must drop them rather than produce a broken document.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return XML_ILLEGAL.sub("", value)


def squeeze(value: str) -> str:
    return " ".join(value.split())


def fit(model, field: str, text: str) -> str:
    """`text` cut to what the column holds (the database refuses longer values)."""
    limit = model._meta.get_field(field).max_length
    return text[:limit] if limit else text


# --- checking outputs -------------------------------------------------------------------------


def assert_safe_html(content: str | bytes, where: str) -> html.HtmlElement:
    """No element, attribute, script or URL the payloads could have injected."""
    if isinstance(content, bytes):
        content = content.decode()
    if not content.strip():
        return None
    document = html.fromstring(content)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        tag = element.tag.lower()
        assert tag != "x", f"{where}: an injected <x> element"
        assert not (tag == "img" and element.get("src") == "x"), f"{where}: an injected <img>"
        for name, value in element.attrib.items():
            assert not (name.lower().startswith("on") and "alert" in value), (
                f"{where}: an injected {name} attribute on <{tag}>"
            )
            if name.lower() in URL_ATTRIBUTES:
                bare = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not bare.startswith(BAD_SCHEMES), f"{where}: <{tag} {name}={value!r}>"
        if tag == "script":
            text = element.text or ""
            if element.get("type") == "application/ld+json":
                json.loads(text)  # a </script> breaker would leave broken JSON here
            else:
                assert "alert(1)" not in text, f"{where}: an injected inline <script>"
    return document


def assert_safe_xml(content: bytes, where: str) -> etree._Element:
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise AssertionError(f"{where}: not well-formed XML ({error})") from error
    for element in root.iter():
        if isinstance(element.tag, str):
            assert etree.QName(element).localname not in ("x", "script", "img"), (
                f"{where}: an injected <{element.tag}> element"
            )
    return root


def get(client: Client, url: str, **headers):
    response = client.get(url, **headers)
    assert response.status_code < 500, (url, response.status_code)
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body


# --- the stored world -------------------------------------------------------------------------


@dataclass
class World:
    story: Story
    organization: Organization
    person: Person
    role: Role
    alias: OrganizationAlias
    tag_slug: str
    payload: str


def build_world(payload: str) -> World:
    """One public story with the payload in every field it has, and its organization, person,
    role and tag carrying it too. URL fields hold the payload only when it is a valid http(s)
    URL, as every write path checks (tested below); otherwise an ordinary address."""

    def url_or_plain(value: str) -> str:
        return value if value.startswith(("http://", "https://")) else "https://example.org/a"

    organization = OrganizationFactory(
        name=fit(Organization, "name", "Org " + payload),
        description="About " + payload,
        website=url_or_plain(payload),
    )
    alias = OrganizationAliasFactory(
        organization=organization, name=fit(OrganizationAlias, "name", "Alias " + payload)
    )
    person = PersonFactory(
        full_name=fit(Person, "full_name", "Person " + payload),
        nickname=fit(Person, "nickname", "Nick " + payload),
        bio="Bio " + payload,
    )
    role = RoleFactory(
        person=person, organization=organization, title=fit(Role, "title", "Title " + payload)
    )
    story = StoryFactory(
        published=True,
        headline=fit(Story, "headline", "Headline " + payload),
        dek="Dek " + payload,
        body=f"First paragraph {payload}\n\nSecond paragraph with searchable words {payload}",
        image_asset_id="abc123",
        image_format="webp",
        image_alt=fit(Story, "image_alt", "Alt " + payload),
        image_credit=fit(Story, "image_credit", "Credit " + payload),
        image_caption=fit(Story, "image_caption", "Caption " + payload),
        source_role=role,
        source_attribution=fit(Story, "source_attribution", "Attribution " + payload),
        source_label=fit(Story, "source_label", "Label " + payload),
        source_url=url_or_plain(payload),
    )
    story.tags.add(fit(Organization, "name", "Tag " + payload)[:100])
    StoryOrganizationFactory(story=story, organization=organization)
    StoryPersonFactory(story=story, person=person, role=role)
    tag_slug = story.tags.get().slug
    return World(story, organization, person, role, alias, tag_slug, payload)


def superuser_client() -> Client:
    user = get_user_model().objects.create_user(
        "hostile-admin", password="pw", is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    return client


# --- the output groups: each fetches its outputs for a world and checks them ------------------


def check_pages(world: World) -> None:
    client, story = Client(), world.story
    published = timezone.localtime(story.published_at)
    document = assert_safe_html(get(client, story.get_absolute_url()), "story page")
    assert squeeze(document.xpath("//h1")[0].text_content()) == squeeze(story.headline)
    for url in (
        "/", world.organization.get_absolute_url(), world.person.get_absolute_url(),
        f"/tags/{world.tag_slug}/", f"/archive/{published.year}/",
        f"/archive/{published.year}/{published.month}/",
    ):  # fmt: skip
        assert_safe_html(get(client, url), url)
    home = html.fromstring(get(client, "/"))
    assert squeeze(story.headline) in squeeze(home.text_content())


def check_search(world: World) -> None:
    client = Client()
    for query in ("searchable words", world.payload[:200], "paragraph"):
        url = f"/search/?q={quote(query)}&organization={quote(world.organization.slug)}"
        assert_safe_html(get(client, url), f"search {query[:30]!r}")


def check_json_ld(world: World) -> None:
    document = assert_safe_html(get(Client(), world.story.get_absolute_url()), "story page")
    scripts = document.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 2, "a </script> breaker split the JSON-LD"
    article = json.loads(scripts[0].text)
    assert article["headline"] == world.story.headline
    assert article["author"][0]["name"] == world.person.full_name
    assert article["about"][0]["name"] == world.organization.name


def check_admin(world: World) -> None:
    client = superuser_client()
    story, organization, person = world.story, world.organization, world.person
    for url in (
        "/admin/", "/admin/stories/story/", f"/admin/stories/story/{story.pk}/change/",
        f"/admin/stories/story/{story.pk}/history/", "/admin/people/organization/",
        f"/admin/people/organization/{organization.pk}/change/", "/admin/people/person/",
        f"/admin/people/person/{person.pk}/change/", "/admin/people/role/",
        f"/admin/people/role/{world.role.pk}/change/", "/admin/people/organizationalias/",
        "/admin/taggit/tag/", f"/admin/taggit/tag/{story.tags.get().pk}/change/",
        f"/admin/stories/story/?q={quote(world.payload[:100])}",
        f"/admin/people/organization/?q={quote(world.payload[:100])}",
    ):  # fmt: skip
        assert_safe_html(get(client, url), url)


def _feed_urls(world: World, extension: str) -> list[str]:
    return [
        f"/feeds/latest.{extension}",
        f"/feeds/organizations/{world.organization.slug}.{extension}",
        f"/feeds/people/{world.person.slug}.{extension}",
        f"/feeds/tags/{world.tag_slug}.{extension}",
    ]


def check_rss(world: World) -> None:
    client = Client()
    for url in _feed_urls(world, "rss"):
        check_rss_document(get(client, url), world, url)


def check_rss_document(content: bytes, world: World, where: str) -> None:
    root = assert_safe_xml(content, where)
    content_ns = "{http://purl.org/rss/1.0/modules/content/}encoded"
    (item,) = root.iter("item")
    assert item.findtext("title") == xml_text(world.story.headline), where
    for element in [*root.iter("description"), *root.iter(content_ns)]:
        assert_safe_html(element.text or "", f"{where} <{element.tag}> as HTML")


def check_atom(world: World) -> None:
    client = Client()
    for url in _feed_urls(world, "atom"):
        check_atom_document(get(client, url), world, url)


def check_atom_document(content: bytes, world: World, where: str) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    root = assert_safe_xml(content, where)
    (entry,) = root.iter(f"{atom}entry")
    assert entry.findtext(f"{atom}title") == xml_text(world.story.headline), where
    for element in root.iter(f"{atom}summary", f"{atom}content", f"{atom}subtitle"):
        if element.get("type") == "html":
            assert_safe_html(element.text or "", f"{where} <{element.tag}> as HTML")


def check_jsonfeed(world: World) -> None:
    client = Client()
    for url in _feed_urls(world, "json"):
        check_jsonfeed_document(get(client, url), world, url)


def check_jsonfeed_document(content: bytes, world: World, where: str) -> None:
    (item,) = json.loads(content)["items"]
    assert item["title"] == world.story.headline, where
    assert_safe_html(item["content_html"], f"{where} content_html")


def check_exports(world: World) -> None:
    client, story = superuser_client(), world.story
    (document,) = json.loads(get(client, "/exports/ninjs/"))
    assert document["headlines"][0]["value"] == story.headline
    assert document["descriptions"][0]["value"] == story.dek
    assert document["by"] == story.source_attribution
    for body in document["bodies"]:
        if body["contentType"] == "text/html":
            assert_safe_html(body["value"], "ninjs text/html body")
        else:
            assert body["value"] == story.body
    lines = get(client, "/exports/ndjson/").decode().splitlines()
    assert [json.loads(line) for line in lines] == [document]
    rows = list(csv.DictReader(io.StringIO(get(client, "/exports/csv/").decode("utf-8-sig"))))
    (row,) = rows
    assert row["headline"].removeprefix("'") == story.headline
    assert row["body"].removeprefix("'") == story.body
    check_rss_document(get(client, "/exports/rss/"), world, "RSS export")
    check_atom_document(get(client, "/exports/atom/"), world, "Atom export")
    check_jsonfeed_document(get(client, "/exports/jsonfeed/"), world, "JSON Feed export")


def check_sitemaps(world: World) -> None:
    client = Client()
    sitemap = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = assert_safe_xml(get(client, "/sitemap.xml"), "sitemap index")
    sections = [loc.text for loc in index.iter(f"{sitemap}loc")]
    assert len(sections) >= 4
    for location in sections:
        path = location.removeprefix("http://testserver")
        assert_safe_xml(get(client, path), path)
    news = assert_safe_xml(get(client, "/sitemap-news.xml"), "news sitemap")
    titles = [e.text for e in news.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")]
    assert titles == [xml_text(world.story.headline)]


OUTPUT_GROUPS = {
    "pages": check_pages,
    "search": check_search,
    "json-ld": check_json_ld,
    "admin": check_admin,
    "rss": check_rss,
    "atom": check_atom,
    "jsonfeed": check_jsonfeed,
    "exports": check_exports,
    "sitemaps": check_sitemaps,
}


# (payload, output group) cells that fail because of a finding another change fixes.
@pytest.mark.parametrize("group", list(OUTPUT_GROUPS))
@pytest.mark.parametrize("payload", list(STORABLE))
def test_stored_hostile_text_is_inert_in_every_output(payload, group):
    world = build_world(STORABLE[payload])
    OUTPUT_GROUPS[group](world)


# --- write paths: the admin's forms -----------------------------------------------------------


def _post(client: Client, url: str, data: dict):
    response = client.post(url, data)
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code == 200:  # the form again, with the values typed and the errors
        assert_safe_html(response.content, f"{url} redisplayed")
    return response


def _inlines(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}  # fmt: skip
    for n, row in enumerate(rows):
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
    return data


def post_every_form(client: Client, payload: str) -> dict:
    """Post the payload in every editable field of the organization, person (with a role), tag
    and story forms; returns what was saved, by model."""
    saved = {}
    _post(client, "/admin/people/organization/add/", {
        "name": "Org " + payload, "slug": "hostile-org", "kind": "agency", "country": "",
        "website": "https://example.org/", "description": "About " + payload,
        **_inlines("aliases", [{"name": "Alias " + payload, "kind": "short"}]),
        **_inlines("children", []),
    })  # fmt: skip
    saved["organization"] = Organization.objects.filter(slug="hostile-org").first()
    _post(client, "/admin/people/person/add/", {
        "full_name": "Person " + payload, "nickname": "Nick " + payload, "slug": "hostile-person",
        "bio": "Bio " + payload,
        **_inlines("roles", [{"title": "Title " + payload, "organization": ""}]),
    })  # fmt: skip
    saved["person"] = Person.objects.filter(slug="hostile-person").first()
    _post(client, "/admin/taggit/tag/add/", {"name": "Tag " + payload, "slug": "hostile-tag"})
    role = RoleFactory()
    _post(client, "/admin/stories/story/add/", {
        "headline": "Headline " + payload, "slug": "hostile-story", "dek": "Dek " + payload,
        "body": f"First {payload}\n\nSecond {payload}", "tags": '"Tag ' + payload + '"',
        "source_role": role.pk, "source_attribution": "Attribution " + payload,
        "source_label": "Label " + payload, "source_url": "https://example.org/release",
        "image_alt": "Alt " + payload, "image_credit": "Credit " + payload,
        "image_caption": "Caption " + payload, "image_asset_id": "abc123", "image_format": "webp",
        **_inlines("story_organizations", []), **_inlines("story_people", []),
    })  # fmt: skip
    saved["story"] = Story.objects.filter(slug="hostile-story").first()
    return saved


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_text_typed_into_every_admin_form(payload):
    client = superuser_client()
    text = PAYLOADS[payload]
    saved = post_every_form(client, text)
    story = saved["story"]
    if "\x00" in text or len(text) > 300:
        assert story is None  # refused with a message on the form, not stored
    else:
        assert story is not None, "the story form refused ordinary (if hostile) text"
        assert story.dek == f"Dek {text}".strip()
        Story.objects.filter(pk=story.pk).update(
            status=StoryStatus.PUBLISHED, published_at=timezone.now()
        )
        page = assert_safe_html(get(Client(), story.get_absolute_url()), "story page")
        assert squeeze(page.xpath("//h1")[0].text_content()) == squeeze(story.headline)
        assert_safe_html(get(client, f"/admin/stories/story/{story.pk}/change/"), "change form")
    for name in ("organization", "person"):
        if saved[name] is not None:
            assert "\x00" not in str(saved[name])
            assert_safe_html(get(Client(), saved[name].get_absolute_url()), f"{name} page")


# --- write paths: URLs ------------------------------------------------------------------------


def _stored_urls() -> list[str]:
    return [
        *Organization.objects.values_list("website", flat=True),
        *Story.objects.values_list("source_url", flat=True),
    ]


def _refused_or_dropped(urls: list[str]) -> None:
    for url in urls:
        bare = re.sub(r"[\s\x00-\x1f]", "", url).lower()
        assert not bare.startswith(BAD_SCHEMES), f"{url!r} was stored"


@pytest.mark.parametrize("url", DANGEROUS_URLS)
def test_the_admin_refuses_dangerous_urls(url):
    client = superuser_client()
    organization = OrganizationFactory()
    response = _post(client, f"/admin/people/organization/{organization.pk}/change/", {
        "name": organization.name, "slug": organization.slug, "kind": "agency",
        "website": url, "description": "",
        **_inlines("aliases", []), **_inlines("children", []),
    })  # fmt: skip
    assert response.status_code == 200  # the form again, with an error on the website
    story = StoryFactory(created_by=None)
    response = _post(client, f"/admin/stories/story/{story.pk}/change/", {
        "headline": story.headline, "slug": story.slug, "body": story.body,
        "source_url": url, "loaded_version": story.version,
        **_inlines("story_organizations", []), **_inlines("story_people", []),
    })  # fmt: skip
    _refused_or_dropped(_stored_urls())


@pytest.mark.parametrize("url", DANGEROUS_URLS)
@pytest.mark.parametrize("form", ["json", "csv"])
def test_registry_files_never_store_a_dangerous_website(tmp_path, url, form):
    if form == "json":
        path = tmp_path / "registry.json"
        path.write_text(json.dumps({"organizations": [{"name": "Hostile Office", "website": url}]}))
    else:
        path = tmp_path / "registry.csv"
        with path.open("w", newline="") as out:
            csv.writer(out).writerows([["name", "website"], ["Hostile Office", url]])
    with pytest.raises(CommandError):  # refused, naming the file and the entry
        call_command("load_registry", str(path), stdout=StringIO())
    _refused_or_dropped(_stored_urls())


@pytest.mark.parametrize("url", DANGEROUS_URLS)
def test_imports_never_store_a_dangerous_source_url(tmp_path, url):
    document = _ninjs_document("hostile-url", tmp_path)
    release = tmp_path / "release.txt"
    release.write_text(
        f"Grants reopen\n\nJane Roe, Spokesperson for the Office of Grants | {url}\n\n"
        "Grants reopen\n\nThe office said grants reopen.\n"
    )
    _import("text", release)
    for source in document["infoSources"]:
        source["uri"] = url
    path = tmp_path / "story.ndjson"
    path.write_text(json.dumps(document) + "\n")
    _import("ninjs", path)
    _refused_or_dropped(_stored_urls())


# --- write paths: files -----------------------------------------------------------------------


def _import(format: str, path) -> dict | None:
    """Import a file; the report of its story, or None when refused (with a message)."""
    out = StringIO()
    try:
        call_command("import_stories", "--format", format, "--publish", "--json", str(path),
                     stdout=out, stderr=StringIO())  # fmt: skip
    except CommandError as error:
        assert str(path.name) in str(error) or "refused" in str(error)
        return None
    (report,) = json.loads(out.getvalue())
    return report


def _ninjs_document(slug: str, tmp_path) -> dict:
    story = StoryFactory(published=True, slug="template-story", dek="A dek")
    story.tags.add("grants")
    StoryOrganizationFactory(story=story)
    StoryPersonFactory(story=story)
    exported = tmp_path / "export.ndjson"
    call_command("export_stories", "--format", "ndjson", "--status", "all", "--output",
                 str(exported), stderr=StringIO())  # fmt: skip
    (line,) = exported.read_text().splitlines()
    story.delete()
    document = json.loads(line)
    document["uri"] = f"http://testserver/stories/{slug}/"
    for alt in document["altIds"]:
        if alt["role"] == "slug":
            alt["value"] = slug
    return document


def _row_counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (Story, Organization, OrganizationAlias, Person, Role)}  # fmt: skip


def check_everything_public() -> None:
    """Every public page, feed and sitemap of whatever is in the database, and two admin lists."""
    client = Client()
    urls = ["/", "/feeds/latest.rss", "/feeds/latest.atom", "/feeds/latest.json", "/sitemap.xml",
            "/sitemap-news.xml", "/search/?q=paragraph"]  # fmt: skip
    urls += [story.get_absolute_url() for story in Story.objects.public()]
    urls += [organization.get_absolute_url() for organization in Organization.objects.all()]
    urls += [person.get_absolute_url() for person in Person.objects.all()]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        if response.status_code == 404:
            continue
        if url.endswith((".rss", ".atom", ".xml")):
            assert_safe_xml(response.content, url)
        elif url.endswith(".json"):
            for item in json.loads(response.content)["items"]:
                assert_safe_html(item["content_html"], f"{url} content_html")
        else:
            assert_safe_html(response.content, url)
    admin = superuser_client()  # the lists that show what the file brought
    for url in ("/admin/stories/story/", "/admin/people/organization/"):
        assert_safe_html(get(admin, url), url)


@pytest.mark.parametrize("path", ["release", "ninjs", "registry-json", "registry-csv"])
@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_text_in_files(tmp_path, payload, path):
    text = PAYLOADS[payload]
    before = _row_counts()
    if path == "release":
        release = tmp_path / "release.txt"
        release.write_text(
            f"Headline {text}\n\nWebp abc123\nJane Roe {text}, Spokesperson for the Office of "
            f"{text} | Label {text}\n\nHeadline {text}\n\nORGANIZATIONS IN THIS STORY\n\n"
            f"First paragraph {text}.\n\nSecond paragraph {text}.\n\nORGANIZATIONS IN THIS STORY\n"
        )
        report = _import("text", release)
        if report is None:
            assert _row_counts() == before, "a refused file changed the database"
        before = _row_counts()
        body_only = tmp_path / "body-only.txt"
        body_only.write_text(
            f"Quiet headline\n\nThe office said so.\n\nFirst paragraph {text}.\n\nEnd.\n"
        )
        report = _import("text", body_only)
    elif path == "ninjs":
        document = _ninjs_document("hostile-ninjs", tmp_path)
        before = _row_counts()
        document["headlines"][0]["value"] = "Headline " + text
        document["descriptions"] = [{"role": "summary", "value": "Dek " + text}]
        document["by"] = "Attribution " + text
        for body in document["bodies"]:
            body["value"] = f"<p>First {text}</p>" if "html" in body["contentType"] else text
        for key in ("organisations", "people", "subjects", "infoSources"):
            for item in document.get(key, []):
                item["name"] = f"{key} {text}"
        ninjs = tmp_path / "stories.ndjson"
        ninjs.write_text(json.dumps(document, ensure_ascii=False) + "\n")
        report = _import("ninjs", ninjs)
    else:
        organization = {
            "name": "Org " + text, "aliases": ["Alias " + text],
            "description": "About " + text, "website": "https://example.org/",
        }  # fmt: skip
        if path == "registry-json":
            registry = tmp_path / "registry.json"
            registry.write_text(json.dumps({"organizations": [organization], "people": [
                {"name": "Person " + text, "nickname": "Nick", "roles": [
                    {"title": "Title " + text, "organization": "Org " + text}]}]}))  # fmt: skip
        else:
            registry = tmp_path / "registry.csv"
            with registry.open("w", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(["name", "aliases", "website", "description"])
                writer.writerow(
                    [
                        organization["name"],
                        organization["aliases"][0],
                        organization["website"],
                        organization["description"],
                    ]
                )
        try:
            call_command("load_registry", str(registry), stdout=StringIO())
            report = {}
        except CommandError as error:
            assert registry.name in str(error)
            report = None
    if report is None:
        assert _row_counts() == before, "a refused file changed the database"
    assert not any("\x00" in str(v) for v in Story.objects.values_list("headline", "body"))
    check_everything_public()
