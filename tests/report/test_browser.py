"""The HTML report in a real browser: Debian's Chromium, headless, driven over the DevTools protocol.

For every example (and the hostile one) the page must load with no console error and no request
but its own file, render to a screenshot (kept under artifacts/screenshots/ for CI to upload),
print to PDF on A4 and on Letter, and pass axe-core with no serious or critical violation.

Without Chromium the test is skipped, but never when CI is set: there it must run.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, TODAY
from tests.report.chromium import Chromium, Page, find_chromium
from tests.report.conftest import EXAMPLE_STEMS

ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
PDFS = ARTIFACTS / "pdf"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAPER = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
PAGES = [*EXAMPLE_STEMS, "hostile", "all-examples", "wood-buffalo-in-french"]
FRENCH_PAGES = {"saint-boniface-francophone", "wood-buffalo-in-french"}
"""Pages in French: one proposal written in French (`language: fr`), one English one read with --lang fr."""
AXE_RUN = """
axe.run(document, {resultTypes: ['violations']}).then(result => result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
})))
"""


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require(present: bool, what: str, how: str) -> None:
    if present:
        return
    if in_ci():
        pytest.fail(f"CI is set but {what} is missing: {how}")
    pytest.skip(f"{what} is not installed ({how}); this test always runs when CI is set")


@pytest.fixture(scope="module")
def browser() -> Any:
    executable = find_chromium()
    require(executable is not None, "chromium", "apt-get install chromium, as tests/run does")
    require(AXE.is_file(), "axe-core", "npm ci at the repository root, as tests/run does")
    assert executable is not None
    with Chromium(executable) as running:
        yield running


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The HTML report of each page name, written by the CLI itself."""
    from lipcheck.cli import main

    folder = tmp_path_factory.mktemp("html")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        out = {}
        for name in PAGES:
            if name == "hostile":
                files = ["tests/report/data/hostile.yaml"]
            elif name == "all-examples":
                files = [f"examples/{stem}.yaml" for stem in EXAMPLE_STEMS]
            elif name == "wood-buffalo-in-french":
                files = ["examples/wood-buffalo-ineligible.yaml", "--lang", "fr"]
            else:
                files = [f"examples/{name}.yaml"]
            out[name] = folder / f"{name}.html"
            assert main(["report", *files, "--html", "-o", str(out[name]), "--today", TODAY]) in (0, 1)
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize("name", PAGES)
def test_report_in_chromium(browser: Chromium, pages: dict[str, Path], name: str) -> None:
    page = Page(browser)
    url = pages[name].resolve().as_uri()
    page.open(url)

    assert page.console_errors() == []
    assert page.requests() == [url], "the report must load nothing but itself"
    assert page.evaluate("document.documentElement.lang") == ("fr" if name in FRENCH_PAGES else "en")
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    if name == "hostile":
        assert page.evaluate("window.__injected === undefined && !document.querySelector('b, i, img')")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    PDFS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
    for paper, (width, height) in PAPER.items():
        pdf = page.pdf(PDFS / f"{name}-{paper}.pdf", width, height)
        assert pdf.startswith(b"%PDF")
        count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        # A council chair prints one proposal: the decision on page 1, the gaps within two more.
        most = 12 * len(EXAMPLE_STEMS) if name == "all-examples" else 12 if name == "hostile" else 3
        assert 1 <= count <= most, f"{count} pages on {paper}"

    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN, await_promise=True)
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{name}.json").write_text(json.dumps(violations, indent=2) + "\n", encoding="utf-8")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=2)
    assert page.console_errors() == [], "axe-core itself must not have tripped the page"
