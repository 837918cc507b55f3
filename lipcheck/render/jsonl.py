"""JSON Lines: one report object a line, as each file is checked, and the run's summary last.

Each report line is the object `--format json` puts in its `reports` list (docs/json-report.md);
the last line is `{"format": "lipcheck-report/2", "summary": {...}}`. A reader can act on each
proposal as it arrives and stop at any line without losing the ones before.
"""

from __future__ import annotations

import json
from typing import Any

from lipcheck.findings import Report, Summary
from lipcheck.render.json import FORMAT, gate_object, report_object
from lipcheck.render.workflow_commands import JSON, defuse


def report_line(report: Report, lang: str = "en") -> str:
    return _line(report_object(report, lang))


def unreadable_line(path: str, error: str, hint: str | None) -> str:
    """A file that could not be read: its line says so, so a reader counts every file given."""
    return _line({"file": path, "unreadable": True, "error": error, "hint": hint})


def summary_line(summary: Summary, lang: str = "en") -> str:
    from lipcheck.run.runner import judge_run

    tail: dict[str, Any] = {
        "files": summary.files,
        "verdicts": summary.verdicts,
        "unreadable": summary.unreadable,
        "gate": gate_object(judge_run(summary), lang),
    }
    return _line({"format": FORMAT, "summary": tail})


# Characters that are line breaks to some readers (Python's splitlines, JavaScript before ES2019)
# but not to JSON: escaped, so one report is always one line, whatever the proposal holds.
_BREAKS = {ord(char): f"\\u{ord(char):04x}" for char in "\x85\u2028\u2029"}


def _line(value: object) -> str:
    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_BREAKS)
    return defuse(dumped, JSON) + "\n"
