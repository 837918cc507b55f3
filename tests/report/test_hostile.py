"""A proposal whose names hold `<script>`, `{{ }}`, pipes and newlines shows them as text in every format.

Each format is decoded the way its reader decodes it (an HTML parser, JSON, XML, GitHub's
unescaping) and the names must come back exactly as written, with nothing executed or expanded.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from tests.report.conftest import Runner

HOSTILE = "tests/report/data/hostile.yaml"
MEMBER = "<script>alert('member')</script> Services\n::error::injected 100%"
TITLE = "Hostile <b>bold</b> {{ 7*7 }} {% if true %}yes{% endif %}"


class Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html(lipcheck: Runner, tmp_path: Path) -> None:
    lipcheck("report", HOSTILE, "--html", "-o", str(tmp_path / "r.html"))
    page = Visible()
    page.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    shown = "".join(page.text)
    assert not {"script", "b", "i", "img"} & page.tags
    assert TITLE in shown
    assert MEMBER in shown
    assert "{{ 7*7 }} Association" in shown and "49" not in shown


def test_markdown(lipcheck: Runner) -> None:
    out = lipcheck("report", HOSTILE, "-f", "markdown").out
    outside_code = re.sub(r"`[^`\n]*`", "", out)
    assert not re.search(r"<(script|b|i|img)\b", outside_code)
    assert "Hostile &lt;b&gt;bold&lt;/b&gt; {{ 7\\*7 }} {% if true %}yes{% endif %}" in out


def test_json(lipcheck: Runner) -> None:
    (document,) = json.loads(lipcheck("report", HOSTILE, "-f", "json").out)["reports"]
    assert document["title"] == TITLE
    messages = [result["message"] for result in document["results"]]
    assert any(f"`{MEMBER}`" in message for message in messages)


def test_sarif(lipcheck: Runner) -> None:
    log = json.loads(lipcheck("report", HOSTILE, "-f", "sarif").out)
    assert any(f"`{MEMBER}`" in r["message"]["text"] for r in log["runs"][0]["results"])


def test_junit(lipcheck: Runner) -> None:
    root = ET.fromstring(lipcheck("report", HOSTILE, "-f", "junit").out)
    assert {p.get("name"): p.get("value") for p in root.iter("property")}["title"] == TITLE
    told = [case.findtext("system-out") or "" for case in root.iter("testcase")]
    assert any(f"`{MEMBER}`" in text for text in told)


def test_github(lipcheck: Runner) -> None:
    lines = lipcheck("report", HOSTILE, "-f", "github").out.splitlines()
    assert all(re.match(r"::(error|warning|notice) file=[^:]*::", line) for line in lines)
    unescaped = [line.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%") for line in lines]
    assert any(f"`{MEMBER}`" in line for line in unescaped)
