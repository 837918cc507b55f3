"""The portfolio: an index page over many proposals, each with its own report page beside it.

Memory stays flat in the number of proposals: each page is written as its proposal finishes, and
the index keeps only an IndexRow a proposal (a few hundred bytes: its heat-map cells packed in one
string) and a count a sector. The index is rendered as a stream of chunks, never one string.

Every value is prepared here, translated; the template only lays out, and Jinja2 escapes it all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lipcheck import __version__
from lipcheck.codes import SECTOR_CODES
from lipcheck.findings import ProposalRow, Status, Verdict
from lipcheck.frozen import frozen
from lipcheck.messages import text
from lipcheck.render import one_decimal
from lipcheck.render.html import STATUS_MARK, VERDICT_MARK
from lipcheck.render.portfolio_rows import SortOrder
from lipcheck.render.sentences import counted_verdict, sector_label
from lipcheck.render.workflow_commands import MARKUP, defuse

INDEX = "index.html"
TEMPLATE = "portfolio.html.j2"
_STATUS_CODE = {
    Status.MET: "m",
    Status.PARTIAL: "p",
    Status.UNMET: "u",
    Status.NOT_APPLICABLE: "n",
    Status.WAIVED: "w",
}
_MARK = {**STATUS_MARK, Status.WAIVED: "W"}
_CODE_STATUS = {code: status for status, code in _STATUS_CODE.items()}
_UNSAFE = re.compile(r"[^a-z0-9]+")
_RESERVED = {
    "index",
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}
_NAME_MOST = 60


def page_name(path: str, taken: set[str]) -> str:
    """A page name for the proposal at `path`: its stem in lower-case ASCII letters, digits and
    hyphens (no dot, slash or control character can survive), never `index` or a name Windows
    reserves, made unique with `-2`, `-3`... in the order the proposals come. Adds it to `taken`."""
    stem = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    base = _UNSAFE.sub("-", ascii_stem).strip("-")[:_NAME_MOST].strip("-") or "proposal"
    if base in _RESERVED:
        base = f"{base}-proposal"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    return name + ".html"


@dataclass(frozen=True, slots=True)
class IndexRow:
    """What the index keeps of one proposal."""

    path: str
    title: str | None
    community: str | None
    call: str
    score: float | None
    verdict: Verdict
    passed: bool
    page: str | None
    """None when the file could not be read: the index lists it without a link."""
    cells: str = ""
    """`RULE=mCREDIT;...`: each rule's status code and credit in percent, packed in one string."""


@dataclass
class PortfolioIndex:
    """The index's state while proposals stream past."""

    rows: list[IndexRow] = field(default_factory=list)
    sectors: Counter[str] = field(default_factory=Counter)
    councils: int = 0
    """Proposals whose council lists at least one member in a sector."""
    rules: dict[str, str] = field(default_factory=dict)
    """Each rule seen, with its title (the first seen)."""

    def add(self, row: ProposalRow, page: str, titles: dict[str, str]) -> None:
        cells = ";".join(f"{c.rule}={_STATUS_CODE[c.status]}{round(c.credit * 100)}" for c in row.cells)
        for rule in (cell.rule for cell in row.cells):
            if rule not in self.rules:
                self.rules[rule] = titles.get(rule, rule)
        if row.sectors:
            self.councils += 1
            self.sectors.update(row.sectors)
        self.rows.append(
            IndexRow(
                row.path, row.title, row.community, row.call, row.score, row.verdict, row.passed, page, cells
            )
        )

    def add_unreadable(self, path: str) -> None:
        self.rows.append(IndexRow(path, None, None, "", None, Verdict.INVALID, False, None))


@frozen
class HeatCell:
    mark: str
    label: str
    number: str
    band: str
    """met, partial, unmet, na or absent: a colour, always with the mark and the number."""


def render_index(index: PortfolioIndex, order: SortOrder, lang: str = "en") -> Iterator[str]:
    """The index page, as chunks to write one after another."""
    from lipcheck.render.html import _environment

    environment = _environment()
    template = environment.get_template(TEMPLATE)
    rules = sorted(index.rules)
    counts = {verdict.value: 0 for verdict in Verdict}
    for row in index.rows:
        counts[row.verdict.value] += 1
    context = {
        "lang": lang,
        "t": lambda message_id, **args: text(message_id, lang, **args),
        "total": len(index.rows),
        "counts": [
            {
                "verdict": verdict,
                "label": counted_verdict(verdict, count, lang),
                "mark": VERDICT_MARK[Verdict(verdict)],
                "count": count,
            }
            for verdict, count in counts.items()
        ],
        "rows": lambda: (_row_view(row, rules, lang) for row in _ordered(index.rows, order)),
        "rules": [{"id": rule, "title": index.rules[rule]} for rule in rules],
        "sort_label": text("portfolio.sorted." + order.value, lang),
        "sectors": _sectors(index, lang),
        "councils": index.councils,
        "made_by": text("portfolio.made-by", lang, version=__version__),
    }
    for chunk in template.generate(**context):
        yield defuse(chunk, MARKUP)
    yield "\n"


def _ordered(rows: list[IndexRow], order: SortOrder) -> list[IndexRow]:
    by_path = sorted(rows, key=lambda row: row.path)
    if order is SortOrder.SCORE:
        return sorted(by_path, key=lambda row: (row.score is None, -(row.score or 0.0)))
    if order is SortOrder.VERDICT:
        ranks = {verdict: rank for rank, verdict in enumerate(Verdict)}
        return sorted(by_path, key=lambda row: ranks[row.verdict])
    return by_path


def _row_view(row: IndexRow, rules: list[str], lang: str) -> dict[str, object]:
    cells: dict[str, str] = dict(item.split("=", 1) for item in row.cells.split(";") if item)
    return {
        "path": row.path,
        "title": row.title or text("out.untitled", lang),
        "community": row.community or "–",
        "call": row.call or "–",
        "score": "–" if row.score is None else one_decimal(row.score, lang),
        "verdict": row.verdict.value,
        "verdict_label": text("verdict." + row.verdict.value, lang)
        if row.page
        else text("portfolio.unreadable", lang),
        "verdict_mark": VERDICT_MARK[row.verdict],
        "gate": text("gate.passed" if row.passed else "gate.failed", lang),
        "passed": row.passed,
        "page": row.page,
        "cells": [_heat(cells.get(rule), lang) for rule in rules],
    }


def _heat(cell: str | None, lang: str) -> HeatCell:
    if cell is None:
        return HeatCell("", text("portfolio.heat.absent", lang), "", "absent")
    status = _CODE_STATUS[cell[0]]
    percent = cell[1:]
    bands = {Status.MET: "met", Status.PARTIAL: "partial", Status.UNMET: "unmet", Status.WAIVED: "waived"}
    band = bands.get(status, "na")
    number = percent if status is Status.PARTIAL else ""
    label = text("diff.status." + status.value, lang)
    if status is Status.PARTIAL:
        label = text("portfolio.heat.partial", lang, percent=percent)
    return HeatCell(_MARK[status], label, number, band)


def _sectors(index: PortfolioIndex, lang: str) -> list[dict[str, object]]:
    total = max(index.councils, 1)
    return [
        {
            "code": code,
            "label": sector_label(code, lang),
            "count": count,
            "percent": f"{100 * count / total:.0f}",
        }
        for code, count in sorted(
            ((code, index.sectors.get(code, 0)) for code in SECTOR_CODES), key=lambda item: -item[1]
        )
    ]
