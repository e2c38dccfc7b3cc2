"""The offline validators the suite runs: the Nu Html Checker (npm vnu-jar) and axe-core."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def require(path: Path, what: str) -> None:
    """Skip where a validator is not installed (`npm install`), fail in CI (REQUIRE_BROWSER)."""
    if path.exists() and (path.suffix != ".jar" or shutil.which("java")):
        return
    message = f"{what} is missing: run `npm install --ignore-scripts` (and install Java 11+)"
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def html_errors(pages: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Run the Nu Html Checker once over `pages` (name → HTML); the errors of each page."""
    require(VNU_JAR, "The Nu Html Checker (npm vnu-jar)")
    for name, content in pages.items():
        (folder / f"{name}.html").write_bytes(content)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
         str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stdout or '{"messages": []}')["messages"]
    errors: dict[str, list[str]] = {name: [] for name in pages}
    for message in messages:
        if message.get("type") != "error":
            continue
        name = Path(message.get("url", "")).stem
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message.get('message')} "
            f"[{message.get('extract', '').strip()[:80]}]"
        )
    return errors


def axe_violations(page) -> list[dict]:
    """Serious or critical axe-core violations on the page loaded in Playwright's `page`."""
    require(AXE_JS, "axe-core (npm axe-core)")
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern (a <script> tag added to the page would be refused, as it should be).
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
        }""",
        AXE_TAGS,
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]
