"""The spreadsheet report: RFC 4180 CSV, one row per proposal, one column per rule, written row by row.

The columns are known before the first proposal is read, so the header streams first: the fixed
columns, then every rule of the packs a run can meet (each shipped pack in the registry's order,
and a pack named with `--pack`), each rule id once, in the order its first pack lists it. A rule
the proposal's pack does not have is an empty cell.

A cell a spreadsheet would run as a formula (text from the proposal that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return) is neutralised with a leading `'`, as OWASP advises for
CSV injection; numbers lipcheck writes itself are left as numbers. See docs/security.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from lipcheck.findings import Report, RuleResult, Status
from lipcheck.messages import text
from lipcheck.render.workflow_commands import TEXT, defuse

FIXED_COLUMNS = (
    "path",
    "title",
    "community",
    "province",
    "call",
    "pack_version",
    "score",
    "verdict",
    "gate",
)
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rule_columns(rule_lists: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """Every rule id of the packs, once each, in the order the first pack to name it lists it."""
    return tuple(dict.fromkeys(rule for rules in rule_lists for rule in rules))


def header(rules: Sequence[str], excel: bool = False) -> str:
    """The first line; with `excel`, after a UTF-8 byte order mark so a spreadsheet reads UTF-8."""
    return (BOM if excel else "") + _line([*FIXED_COLUMNS, *rules])


def row(report: Report, rules: Sequence[str], lang: str = "en") -> str:
    """One proposal's line: its own columns, then each rule's points (weighted rules) or status."""
    by_rule = {result.rule: result for result in report.results}
    gate = ""
    if report.gate is not None:
        gate = text("csv.gate-passed" if report.gate.passed else "csv.gate-failed", lang)
    cells = [
        safe_cell(report.path),
        safe_cell(report.title or ""),
        safe_cell(report.community or ""),
        safe_cell(report.province or ""),
        report.pack_id,
        report.pack_version,
        "" if report.score is None else f"{report.score:.2f}",
        report.verdict.value,
        gate,
        *(_rule_cell(by_rule.get(rule)) for rule in rules),
    ]
    return _line(cells)


def unreadable_row(path: str, rules: Sequence[str]) -> str:
    """A file that could not be read keeps its row, so the sheet has every file the run was given."""
    return _line([safe_cell(path), "", "", "", "", "", "", "unreadable", "", *("" for _ in rules)])


def _rule_cell(result: RuleResult | None) -> str:
    if result is None:
        return ""
    if result.status is Status.NOT_APPLICABLE:
        return "n/a"
    if result.weight:
        return f"{round(result.points, 2):g}"
    return str(result.status.value)


def safe_cell(value: str) -> str:
    """`value` as a spreadsheet shows it, never run: a leading formula character gets a `'` before it."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)  # RFC 4180: CRLF, quotes doubled
    # A CI log shows what is printed: no cell may read to the runner as a workflow command.
    return defuse(buffer.getvalue(), TEXT)
