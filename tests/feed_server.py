"""A real HTTP server on 127.0.0.1 (port 0, in a thread) for the ingest tests: routes serve
feeds and pages; a route can be slow, broken, redirecting, or changed between requests.
`serve_releases` serves an agency's feed of realistic releases (tests and bench/ingest.py)."""

import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str = ""
    location: str = ""
    delay: float = 0.0


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def start(server_state: FeedServer) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server_state.requests.append((self.path, dict(self.headers)))
            route = server_state.routes.get(self.path)
            if route is None:
                return self._send(404, b"not here", "text/plain")
            if route.delay:
                time.sleep(route.delay)
            if route.location:
                self.send_response(route.status)
                self.send_header("Location", route.location)
                self.end_headers()
                return None
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return None
            return self._send(route.status, route.body, route.content_type, route.etag)

        def _send(self, status, body, content_type, etag=""):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a client that timed out and hung up (the slow route's test) is expected

    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def rss(items: list[dict], *, title: str = "Agency press releases") -> bytes:
    """An RSS 2.0 feed; each item: guid, title, link, and `content` (full HTML) or `summary`."""
    parts = []
    for item in items:
        extra = ""
        if "content" in item:
            extra += f"<content:encoded>{escape(item['content'])}</content:encoded>"
        if "summary" in item:
            extra += f"<description>{escape(item['summary'])}</description>"
        if "image" in item:
            extra += f'<media:content url="{escape(item["image"])}" medium="image"/>'
        parts.append(
            f"<item><guid>{escape(item['guid'])}</guid><title>{escape(item['title'])}</title>"
            f"<link>{escape(item['link'])}</link>"
            f"<pubDate>{formatdate(1795000000 + len(parts) * 60, usegmt=True)}</pubDate>"
            f"{extra}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>{escape(title)}</title><link>http://example.org/</link>"
        f"{''.join(parts)}</channel></rss>"
    ).encode()


def page(headline: str, paragraphs: list[str], *, image: str = "") -> bytes:
    """A release's web page with the boilerplate a real one has around the article."""
    meta = f'<meta property="og:image" content="{escape(image)}">' if image else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(headline)} | Ministry</title>{meta}</head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/contact'>Contact us"
        "</a></nav><header><p>Skip to main content</p></header>"
        f"<main><article><h1>{escape(headline)}</h1>{body}</article></main>"
        "<footer><p>Copyright 2026 the Ministry. All rights reserved. Privacy. Cookies.</p>"
        "</footer></body></html>"
    ).encode()


# --- an agency's news feed: realistic releases naming starter-registry organizations -------

AGENCIES = [
    "Environmental Protection Agency", "Department of Energy", "Food and Drug Administration",
    "Federal Emergency Management Agency", "Department of Agriculture", "Federal Aviation "
    "Administration", "National Oceanic and Atmospheric Administration", "Department of "
    "Transportation", "Centers for Disease Control and Prevention", "Department of Education",
    "Small Business Administration", "Department of the Interior", "Department of Homeland "
    "Security", "National Aeronautics and Space Administration",
]  # fmt: skip
PARTNERS = [
    "World Health Organization", "World Bank", "International Monetary Fund", "European Union",
    "United Nations",
]  # fmt: skip
COUNTRIES = ["Canada", "Mexico", "Japan", "Germany"]
PLACES = ["Denver", "Tulsa", "Sacramento", "Mobile", "Duluth", "Spokane", "Albany", "Boise"]
TOPICS = [
    ("grants", "for rural water systems"), ("guidance", "on wildfire smoke"),
    ("a pilot program", "for drone inspections of bridges"), ("funding", "for school ventilation"),
    ("new rules", "on lead pipes"), ("an agreement", "on vaccine supply"),
    ("a report", "on coastal flooding"), ("loans", "for small manufacturers"),
]  # fmt: skip
DETAIL = (
    "communities counties tribes operators schools hospitals utilities inspectors families "
    "applicants manufacturers farmers airports ports pipelines clinics laboratories students "
    "will receive apply review update report expand reduce replace monitor fund train publish "
    "within months years weeks before after during under across through including beginning"
).split()


def release(n: int, *, changed: bool = False) -> dict:
    """A release as an agency's press office writes it: the lead naming two agencies and a
    partner, a quote, then details no other release shares."""
    rng = random.Random(n * 7 + changed)
    first, second = rng.sample(AGENCIES, 2)
    partner, place, country = rng.choice(PARTNERS), rng.choice(PLACES), rng.choice(COUNTRIES)
    what, about = TOPICS[n % len(TOPICS)]
    amount = rng.randint(12, 950)
    headline = f"{first} announces ${amount} million in {what} {about} (release {n})"
    if changed:
        headline += ", updated"
    details = [" ".join(rng.choice(DETAIL) for _ in range(16)).capitalize() + "." for _ in range(6)]
    paragraphs = [
        f"WASHINGTON — The {first} on Tuesday announced ${amount} million in {what} {about}, "
        f"working with the {second}, the {partner} and officials from {country}.",
        f"“This is about the people of {place} and every town like it,” the {first} "
        f"spokesperson said at an event in {place}. {' '.join(details[:3])}",
        f"Applications open next month. {' '.join(details[3:])}"
        + (" The deadline was extended by two weeks." if changed else ""),
    ]
    return {
        "headline": headline,
        "paragraphs": paragraphs,
        "expected": {first, second, partner},
    }


def serve_releases(server: FeedServer, numbers, *, changed=frozenset()) -> dict[int, dict]:
    """The feed (teasers only: each release is read from its page) and the pages."""
    releases, items = {}, []
    for n in numbers:
        releases[n] = release(n, changed=n in changed)
        page_path = f"/news/releases/{n}"
        body = page(releases[n]["headline"], releases[n]["paragraphs"])
        server.routes[page_path] = Route(
            body,
            content_type="text/html; charset=utf-8",
            etag=f'"{hashlib.sha1(body).hexdigest()[:16]}"',  # as a web server sends for a file
        )
        items.append({
            "guid": f"https://agency.example.gov/news/releases/{n}",
            "title": releases[n]["headline"],
            "link": server.url(page_path),
            "summary": releases[n]["paragraphs"][0][:120] + "…",
        })  # fmt: skip
    server.routes["/news/rss.xml"] = Route(rss(items))
    return releases
