"""The HTML report's structure: self-contained, accessible markup, escaped proposal text, print styles.

How it looks and whether axe-core finds it accessible is checked in a real browser by
test_browser.py; these checks run everywhere, fast.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lipcheck.findings import Finding, Location, Message, Report, Verdict
from lipcheck.packs import load_pack
from lipcheck.render.html import render_reports
from tests.conftest import ROOT
from tests.report.conftest import EXAMPLE_STEMS, Runner, example


class Outline(HTMLParser):
    """Tags, attributes and headings of a page, to check structure without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


def html(lipcheck: Runner, tmp_path: Path, *files: str) -> str:
    target = tmp_path / "report.html"
    run = lipcheck("report", *files, "--html", "-o", str(target))
    assert run.code in (0, 1), run.err
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", EXAMPLE_STEMS)
def test_self_contained_and_accessible_markup(lipcheck: Runner, tmp_path: Path, stem: str) -> None:
    page = html(lipcheck, tmp_path, example(stem))
    parsed = outline(page)
    tags = [tag for tag, _ in parsed.tags]
    assert page.startswith("<!DOCTYPE html>")
    # A proposal written in French (`language: fr`) gets its report in French.
    written_in = "fr" if "\nlanguage: fr\n" in (ROOT / example(stem)).read_text(encoding="utf-8") else "en"
    assert parsed.tags[0] == ("html", {"lang": written_in})
    assert "script" not in tags and "link" not in tags and "iframe" not in tags and "img" not in tags
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert csp and "default-src 'none'" in csp
    assert parsed.headings[0] == 1 and parsed.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False)), (
        "no skipped heading level"
    )
    headers = [a for t, a in parsed.tags if t == "th"]
    assert headers and all(a.get("scope") in ("col", "row") for a in headers)
    assert "caption" in tags
    assert "@media print" in page and "@page" in page and "break-inside: avoid" in page


def test_summary_names_score_verdict_and_three_fixes(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, example("brooks-not-ready"))
    text = " ".join("".join(outline(page).text).split())
    assert "Score 44.0 / 100" in text
    assert "Verdict: not ready" in text
    assert 'role="img" aria-label="Score 44.0 out of 100. Nearly ready from 60, ready from 80."' in page
    fixes = re.search(r'<ol class="fixes">(.*?)</ol>', page, re.S)
    assert fixes and fixes.group(1).count("<li class=\"fix") == 3
    assert fixes.group(1).index("LIP203") < fixes.group(1).index("LIP301") < fixes.group(1).index("LIP101")


def test_every_rule_has_status_points_fix_and_source(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, example("brooks-not-ready"))
    rule = re.search(r'<section class="rule status-unmet" id="p1-LIP203">(.*?)</section>', page, re.S)
    assert rule
    body = " ".join(re.sub(r"<[^>]+>", " ", rule.group(1)).split())
    assert "✗ not met" in body  # a word and a mark, never colour alone
    assert "Points: 0.0 of 14" in body
    assert "How to fix List under municipality.support" in body
    assert "Source 2012 LIP best practices" in body
    assert page.count('<section class="rule ') == len(load_pack("lip-2012").rules)


def test_sector_coverage_names_who_covers_what(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, example("lethbridge-ready"))
    coverage = page.split('<section class="coverage">', 1)[1].split("</section>", 1)[0]
    assert "LIP101: 7 of 7 sectors covered" in coverage
    assert "LIP102: 7 of 9 sectors covered" in coverage
    tile = re.search(r'<li class="sector uncovered">(.*?)</li>', coverage, re.S)
    assert tile and "missing" in tile.group(1) and "Religious organizations" in tile.group(1)
    settlement = re.search(
        r'<li class="sector covered">((?:(?!</ul>).)*Settlement agencies.*?)</ul>', coverage, re.S
    )
    assert settlement and "Lethbridge Family Services" in settlement.group(1)
    assert "Other sectors on the council" in coverage


def test_several_reports_share_one_page_with_contents(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, *(example(stem) for stem in EXAMPLE_STEMS))
    parsed = outline(page)
    assert parsed.headings.count(1) == 1
    assert page.count('<article class="report"') == len(EXAMPLE_STEMS)
    ids = [a["id"] for _, a in parsed.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "ids stay unique across reports"
    for index in range(1, len(EXAMPLE_STEMS) + 1):
        assert f'href="#p{index}"' in page


def test_an_invalid_file_lists_its_problems(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, "tests/report/data/invalid.yaml")
    assert "The file is not a valid proposal" in page
    assert "line 6, column 3" in page and "did you mean <code>type</code>?" in page


def test_hostile_names_show_as_text(lipcheck: Runner, tmp_path: Path) -> None:
    page = html(lipcheck, tmp_path, "tests/report/data/hostile.yaml")
    tags = {tag for tag, _ in outline(page).tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags and "i" not in tags
    assert "&lt;script&gt;alert(&#39;member&#39;)&lt;/script&gt; Services" in page
    assert "Hostile &lt;b&gt;bold&lt;/b&gt; {{ 7*7 }} {% if true %}yes{% endif %}" in page
    assert "{{ 7*7 }} Association *bold* [link](https://example.invalid) `tick`" in page
    assert "49" not in page


def test_renders_without_a_council() -> None:
    report = Report("p.yaml", "lip-2012", "1.0.0", 0.0, Verdict.NOT_READY, {"ready": 80, "nearly-ready": 60})
    page = render_reports([report])
    assert "Untitled proposal" in page and '<html lang="en">' in page


def test_code_spans_come_from_the_template_not_the_proposal() -> None:
    """A backtick or a line break in a key is the key's text; the template's backticks make the code."""
    finding = Finding(
        "schema",
        Message("schema.extra_forbidden", {"key": "a`b\n<i>c</i>", "parent": "`council` | x"}),
        Location(3, 1),
        hint=Message("hint.did-you-mean", {"suggestion": "`type`"}),
    )
    report = Report(
        "p.yaml",
        "lip-2012",
        "1.0.0",
        None,
        Verdict.INVALID,
        {"ready": 80, "nearly-ready": 60},
        findings=(finding,),
    )
    page = render_reports([report])
    assert "unknown key <code>a`b &lt;i&gt;c&lt;/i&gt;</code> in `council` | x" in page
    assert "did you mean <code>`type`</code>?" in page


def test_templates_ship_in_the_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hatchling = pytest.importorskip("hatchling.build", reason="hatchling builds the wheel (test extra)")
    monkeypatch.chdir(ROOT)
    name = hatchling.build_wheel(str(tmp_path))
    names = zipfile.ZipFile(tmp_path / name).namelist()
    assert "lipcheck/render/templates/report.html.j2" in names
    assert "lipcheck/render/templates/report.css" in names
