"""`lipcheck report DIR... -o OUT/`: the portfolio index and a page a proposal, also in a real browser."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.render.portfolio import page_name
from tests.conftest import EXAMPLES, ROOT, TODAY
from tests.report.chromium import Chromium, Page
from tests.report.test_browser import AXE, AXE_RUN, PAPER, PDFS, SCREENSHOTS, browser  # noqa: F401 (a fixture)

FILES = sorted(f"examples/{path.name}" for path in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portfolio") / "out"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        code = main(["report", *FILES, "-o", f"{out}/", "--today", TODAY, "--sort", "score", "--jobs", "2"])
    finally:
        os.chdir(cwd)
    assert code == 1
    return out


def test_the_folder_holds_the_index_and_one_page_a_proposal(portfolio: Path) -> None:
    names = sorted(path.name for path in portfolio.iterdir())
    assert names == sorted(["index.html", *(Path(name).stem + ".html" for name in FILES)])
    page = (portfolio / "brooks-not-ready.html").read_text(encoding="utf-8")
    assert "Brooks Local Immigration Partnership (draft)" in page


def test_the_index_counts_verdicts_links_every_page_and_sorts_as_asked(portfolio: Path) -> None:
    index = (portfolio / "index.html").read_text(encoding="utf-8")
    assert f"{len(FILES)} proposals" in index
    assert re.search(r'<span class="count-number">5</span> <span aria-hidden="true">✓</span> ready', index)
    table = index[index.index('class="proposals"') : index.index('class="heat"')]
    links = re.findall(r'<a href="([^"]+)">', table)
    assert sorted(links) == sorted(Path(name).stem + ".html" for name in FILES)
    assert links[0] == "hamilton-renewal-ready.html" and links[-1] == "brooks-not-ready.html", (
        "score, highest first"
    )
    assert "Sorted by score, highest first" in table


def test_the_heat_map_shows_each_credit_by_a_mark_and_a_number_not_colour_alone(portfolio: Path) -> None:
    index = (portfolio / "index.html").read_text(encoding="utf-8")
    heat = index[index.index('class="heat"') :]
    assert '<td class="cell partial"><span aria-hidden="true">◐ 43</span>' in heat
    assert '<td class="cell unmet"><span aria-hidden="true">✗</span><span class="sr">not met</span>' in heat
    assert "<abbr title=" in heat


def test_sector_coverage_counts_the_councils_reaching_each_sector(portfolio: Path) -> None:
    index = (portfolio / "index.html").read_text(encoding="utf-8")
    sectors = index[index.index('class="sectors"') :]
    every = len(FILES)  # each example's council has a municipal member
    assert f'Local or regional government <code>municipal</code></th><td class="num">{every}</td>' in sectors


def test_one_proposal_and_a_file_keep_todays_single_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "one.html"
    assert main(["report", FILES[0], "-o", str(target), "--today", TODAY]) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["one.html"]
    assert "Portfolio of proposals" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("examples/brooks-not-ready.yaml", "brooks-not-ready.html"),
        ("a/Québec Été.yml", "quebec-ete.html"),
        ("../../etc/passwd", "passwd.html"),
        ("x/index.yaml", "index-proposal.html"),
        ("x/CON.yaml", "con-proposal.html"),
        ("x/<script>.yaml", "script.html"),
        ("x/.hidden.yaml", "hidden.html"),
        ("x/\u202e\x00.yaml", "proposal.html"),
    ],
)
def test_page_names_are_safe(path: str, expected: str) -> None:
    assert page_name(path, {"index"}) == expected


def test_page_names_are_made_unique_in_the_order_proposals_come() -> None:
    taken = {"index"}
    assert [page_name(p, taken) for p in ["a/p.yaml", "b/p.yaml", "c/P.yml"]] == [
        "p.html",
        "p-2.html",
        "p-3.html",
    ]


def test_a_page_is_never_written_through_a_symlink_out_of_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    (work / "out").mkdir(parents=True)
    outside = tmp_path / "outside.html"
    outside.write_text("keep", encoding="utf-8")
    (work / "out" / "brooks-not-ready.html").symlink_to(outside)
    for name in FILES[:2]:
        (work / Path(name).name).write_bytes((ROOT / name).read_bytes())
    monkeypatch.chdir(work)
    code = main(
        ["report", "brooks-not-ready.yaml", "hamilton-renewal-ready.yaml", "-o", "out/", "--today", TODAY]
    )
    assert code == 2
    assert outside.read_text(encoding="utf-8") == "keep"
    assert "symlink" in capsys.readouterr().err


def test_the_index_in_chromium_loads_nothing_else_prints_landscape_and_passes_axe(
    browser: Chromium,  # noqa: F811 - the fixture imported from the single report's browser test
    portfolio: Path,
) -> None:
    page = Page(browser)
    url = (portfolio / "index.html").resolve().as_uri()
    page.open(url)
    assert page.console_errors() == []
    assert page.requests() == [url], "the index must load nothing but itself"
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    PDFS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "portfolio-index.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG")
    for paper, (width, height) in PAPER.items():
        pdf = page.pdf(PDFS / f"portfolio-index-{paper}.pdf", width, height)
        assert pdf.startswith(b"%PDF")
        boxes = {tuple(box) for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)}
        assert any(float(w) > float(h) for w, h in boxes), (
            "the table and the heat map print on landscape pages"
        )
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN, await_promise=True)
    assert violations == [], json.dumps(violations, indent=2)


def test_hostile_text_in_a_portfolio_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    code = main(["report", "tests/report/data/hostile.yaml", FILES[0], "-o", f"{out}/", "--today", TODAY])
    assert code == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index and "<b>" not in index
    assert not re.search(r"^\s*::", index, re.MULTILINE) and "##[" not in index
