"""The HTML templates are compiled ahead of time, render as their sources do, and are never used
by a Jinja2 other than the one that compiled them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import jinja2
import pytest

from lipcheck.findings import Report
from lipcheck.loader import Limits
from lipcheck.pipeline import Packs, assess_file
from lipcheck.render import html, template_compiler
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _reports(names: list[Path]) -> list[Report]:
    packs = Packs()
    return [assess_file(path, path.name, packs, Limits(), dt.date(2026, 1, 1)) for path in names]


def test_the_compiled_templates_are_current_for_the_jinja2_installed() -> None:
    recorded = (template_compiler.COMPILED / template_compiler.VERSION_FILE).read_text(encoding="utf-8")
    if recorded.strip() == jinja2.__version__:
        assert template_compiler.stale() == [], "run: python -m lipcheck.render.template_compiler"
    else:  # another Jinja2: the templates are compiled from their sources, never from stale modules
        assert isinstance(html._environment().loader, jinja2.PackageLoader)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_compiled_and_source_templates_render_the_same_page(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = _reports(EXAMPLES)
    compiled = html.render_reports(reports, lang, stamp="2026-01-01")
    monkeypatch.setattr(html, "_environment", html.source_environment)
    assert compiled == html.render_reports(reports, lang, stamp="2026-01-01")


def test_modules_compiled_by_another_jinja2_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "compiled_templates"
    shutil.copytree(template_compiler.COMPILED, copy)
    (copy / template_compiler.VERSION_FILE).write_text("2.11.3\n", encoding="utf-8")
    monkeypatch.setattr(template_compiler, "COMPILED", copy)
    assert isinstance(html._environment().loader, jinja2.PackageLoader)
    (copy / template_compiler.VERSION_FILE).write_text(jinja2.__version__ + "\n", encoding="utf-8")
    assert isinstance(html._environment().loader, jinja2.ModuleLoader)
