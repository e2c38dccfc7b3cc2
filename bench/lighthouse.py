"""Lighthouse scores of every public page type, mobile and desktop (issue 14), run by hand or by
`make lighthouse`, not in CI.

The site is served as `make run` serves it: a new SQLite database in a temporary folder with
the registry and the demo stories, `runserver` with DEBUG on, on a free port of loopback. The
pages are found by following links from the home page (so that pages other work adds, such as
sections or a country directory, are measured once they are linked): home, section, story,
organization, person, the directories, country, tag and search. Lighthouse (npm `lighthouse`,
pinned in package.json) runs headless chromium (CHROME_PATH, default /usr/bin/chromium),
offline, on each page as a phone (its default) and as a desktop (`--preset=desktop`).

Prints a markdown table of the four scores per page (and what kept a score under 100) and
writes it to bench/results/lighthouse.md. With --runs N each page and form is measured N times:
the scores are those of the run with the median performance score, and Total Blocking Time is
given as median and worst, beside the main thread's work (style and layout, script) in the
median run. Mobile TBT is simulated from the work observed here, slowed down four times, so a
busy machine inflates it: the machine's load average is written down with the results.

    .venv/bin/python bench/lighthouse.py [--only home,story] [--forms mobile] [--runs 3] [--keep]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Page types, and the address pattern that finds one in a page's links.
PATTERNS = {
    "section": r"/sections?/[\w-]+/",
    "story": r"/stories/(?!preview/)[\w-]+/",
    "organization": r"/organizations/[\w-]+/",
    "person": r"/people/[\w-]+/",
    "country": r"/countries/[\w-]+/",
    "tag": r"/tags/[\w-]+/",
}
DIRECTORIES = {"organizations": "/organizations/", "people": "/people/", "countries": "/countries/"}
EXEMPT = {("search", "seo"): "noindex, rightly"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict, *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError:
        return None


def links(html: str) -> list[str]:
    return [href for href in re.findall(r'href="([^"#?]+)"', html) if href.startswith("/")]


def find_pages(base: str) -> dict[str, str]:
    """Page type -> path: the home page, the directories that answer, and the first page of
    each other type linked from the home page, a story or a directory."""
    pages = {"home": "/"}
    seen = {"/": fetch(base + "/") or ""}
    for name, path in DIRECTORIES.items():
        if (html := fetch(base + path)) is not None:
            pages[name] = path
            seen[path] = html
    stories = [h for h in links(seen["/"]) if re.fullmatch(PATTERNS["story"], h)]
    if stories:
        seen[stories[0]] = fetch(base + stories[0]) or ""
    for kind, pattern in PATTERNS.items():
        for html in seen.values():
            found = next((h for h in links(html) if re.fullmatch(pattern, h)), None)
            if found:
                pages[kind] = found
                break
    # A word of the first story's headline that is sure to be found.
    headline = re.search(r"<h1[^>]*>(.*?)</h1>", seen.get(pages.get("story", ""), ""), re.S)
    words = re.findall(r"[A-Za-z]{6,}", headline[1] if headline else "") or ["statement"]
    pages["search"] = f"/search/?q={quote(words[0].lower())}"
    order = ["home", "section", "story", "organization", "person", "organizations", "people",
             "countries", "country", "tag", "search"]  # fmt: skip
    return {name: pages[name] for name in order if name in pages}


def run_lighthouse(url: str, form: str, folder: Path, args) -> dict:
    """Lighthouse on `url`, args.runs times: the run with the median performance score (as
    Lighthouse's documentation advises for its variance), with "tbt": the Total Blocking Time
    of every run, in ms, lowest first."""
    runs = [_one_run(url, form, folder, args) for _ in range(args.runs)]
    runs.sort(key=lambda run: run["scores"]["performance"])
    return {**runs[len(runs) // 2], "tbt": sorted(run["tbt"] for run in runs)}


def _one_run(url: str, form: str, folder: Path, args) -> dict:
    output = folder / f"report-{time.monotonic_ns()}.json"
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        "--max-wait-for-load=60000",
    ]  # fmt: skip
    if form == "desktop":
        command.append("--preset=desktop")
    if args.cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={args.cpu_slowdown}")
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    # chromium now and then fails to start on a loaded machine, or Lighthouse to record the
    # trace (NO_NAVSTART, seen twice in a row on a quiet machine): three tries
    for attempt in (1, 2, 3):
        done = subprocess.run(command, env=environment, capture_output=True, text=True,
                              timeout=600)  # fmt: skip
        if done.returncode == 0:
            break
        if attempt == 3:
            sys.exit(f"lighthouse failed on {url} ({form}):\n{done.stderr[-2000:]}")
    report = json.loads(output.read_text())
    scores, failing = {}, []
    for category in CATEGORIES:
        entry = report["categories"][category]
        scores[category] = round((entry["score"] or 0) * 100)
        for ref in entry["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f" {audit['displayValue']}" if audit.get("displayValue") else ""
                failing.append(f"{category}: {audit['title']}{value} ({ref['id']})")
    benchmark = report.get("environment", {}).get("benchmarkIndex", 0)
    work = {
        item["group"]: item["duration"]
        for item in report["audits"]["mainthread-work-breakdown"]["details"]["items"]
    }  # as Lighthouse counts it: the observed time times the CPU slowdown on mobile
    return {
        "scores": scores, "failing": failing, "benchmark": benchmark,
        "tbt": report["audits"]["total-blocking-time"]["numericValue"],
        "style_layout": work.get("styleLayout", 0),
        "script": work.get("scriptEvaluation", 0) + work.get("scriptParseCompile", 0),
    }  # fmt: skip


def table(results: dict[tuple[str, str], dict], pages: dict[str, str]) -> str:
    lines = [
        "| page | address | form | performance | accessibility | best practices | SEO "
        "| TBT ms, median (worst) | style & layout ms | script ms | benchmark index |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (name, form), result in results.items():
        cells = []
        for category in CATEGORIES:
            score = str(result["scores"][category])
            if (name, category) in EXEMPT:
                score += f" ({EXEMPT[name, category]})"
            cells.append(score)
        tbt = result["tbt"]
        lines.append(
            f"| {name} | `{pages[name]}` | {form} | "
            + " | ".join(cells)
            + f" | {tbt[(len(tbt) - 1) // 2]:.0f} ({tbt[-1]:.0f})"
            + f" | {result['style_layout']:.0f} | {result['script']:.0f}"
            + f" | {result['benchmark']:.0f} |"
        )
    failing = [
        f"- {name}, {form}: {'; '.join(result['failing'])}"
        for (name, form), result in results.items()
        if [f for f in result["failing"] if (name, f.split(":")[0]) not in EXEMPT]
    ]
    return "\n".join(lines + (["", "Under 100:", *failing] if failing else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated page types (default: every one found)")
    parser.add_argument("--forms", default="mobile,desktop")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per page and form (median and worst; default 3)"
    )
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        help="Lighthouse's CPU slowdown for mobile (default 4, calibrated for a fast machine)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is missing: npm install --ignore-scripts (see package.json)")
    folder = Path(tempfile.mkdtemp(prefix="newsroom-lighthouse-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ, "DEBUG": "1", "SITE_URL": base,
        "DATABASE_URL": f"sqlite:///{folder / 'newsroom.sqlite3'}",
        "CACHE_DIR": str(folder / "cache"),  # no page cached by an earlier run or `make run`
    }  # fmt: skip
    env.pop("REDIS_URL", None)
    print("… the demo site (migrate, load_registry, load_demo)", file=sys.stderr, flush=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_registry")
    manage(env, "load_demo")
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit(f"the server did not start; see {folder / 'server.log'}")
        pages = find_pages(base)
        if args.only:
            pages = {k: v for k, v in pages.items() if k in args.only.split(",")}
        results = {}
        load_before = os.getloadavg()
        for name, path in pages.items():
            for form in args.forms.split(","):
                print(f"… {name} ({form}) {path}", file=sys.stderr, flush=True)
                results[name, form] = run_lighthouse(base + path, form, folder, args)
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    chromium = subprocess.run(
        [os.environ.get("CHROME_PATH", "/usr/bin/chromium"), "--version"],
        capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    version = json.loads((ROOT / "node_modules/lighthouse/package.json").read_text())["version"]
    command = " ".join([".venv/bin/python bench/lighthouse.py", *sys.argv[1:]])
    text = (
        "# Lighthouse scores\n\n"
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; Lighthouse {version}, "
        f"{chromium} headless, offline; the demo site served as `make run` serves it "
        "(SQLite, runserver, DEBUG on); mobile is Lighthouse's default (simulated throttling), "
        f"desktop `--preset=desktop`; the median of {args.runs} run(s) per page"
        + (f", CPU slowdown {args.cpu_slowdown}" if args.cpu_slowdown is not None else "")
        + ". Total Blocking Time: median and worst of the runs; style & layout and script: the "
        "main thread's time in the median run as Lighthouse counts it (times 4 on mobile). "
        "Lighthouse's benchmark index of this machine is in the last column (it expects "
        "about 1,000 or more; less means a busy or slow CPU, and a lower performance score). "
        f"Load average (1, 5, 15 min) of this {os.cpu_count()}-core machine when the runs began: "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; when they ended: "
        + ", ".join(f"{x:.2f}" for x in load_after)
        + f". Command: `{command}`.\n\n"
        + table(results, pages)
        + "\n"
    )
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "lighthouse.md").write_text(text)
    if args.keep:
        print(f"reports and database kept in {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
