"""The machine-readable report: a documented, versioned JSON object (see docs/json-report.md).

Always one object, `{"format": ..., "reports": [...], "summary": {...}}`, for one file as for
many, so a pipeline never branches on the count; it is written piece by piece so memory stays
flat however many files there are.
"""

from __future__ import annotations

import json
from typing import Any

from lipcheck.findings import Finding, GateResult, Location, Message, Report, RuleResult, Summary
from lipcheck.messages import render
from lipcheck.render.workflow_commands import JSON, defuse

FORMAT = "lipcheck-report/2"


def report_object(report: Report, lang: str = "en") -> dict[str, Any]:
    return {
        "file": report.path,
        "title": report.title,
        "pack": {"id": report.pack_id, "version": report.pack_version},
        "score": _rounded(report.score),
        "earned": _rounded(report.earned),
        "possible": _rounded(report.possible),
        "verdict": report.verdict.value,
        "thresholds": dict(report.thresholds),
        "results": [_result(result, lang) for result in report.results],
        "findings": [_finding(finding, lang) for finding in report.findings],
        "fixes_to_ready": list(report.fixes),
        "coverage": [
            {"sector": entry.sector, "rule": entry.rule, "members": list(entry.members)}
            for entry in report.coverage
        ],
        "notes": [render(note, lang) for note in report.notes],
        **({"gate": gate_object(report.gate, lang)} if report.gate is not None else {}),
    }


def gate_object(gate: GateResult, lang: str = "en") -> dict[str, Any]:
    """`{"passed": false, "reasons": [{"code": "fail-under", "message": "score 80.0 is below ..."}]}`."""
    return {
        "passed": gate.passed,
        "reasons": [{"code": _gate_code(reason), "message": render(reason, lang)} for reason in gate.reasons],
    }


def _gate_code(reason: Message) -> str:
    """`gate.fail-on-many` -> `fail-on`: one code a reason, however many rules its sentence names."""
    return reason.id.removeprefix("gate.").removesuffix("-many")


def batch_start() -> str:
    return '{\n  "format": "' + FORMAT + '",\n  "reports": [\n'


def batch_item(report: Report, lang: str = "en", indent: bool = False) -> str:
    """One report of the `reports` list: on one line (compact, and fast to write for thousands of
    files), or indented for a person reading the report on a single file."""
    if indent:
        return "\n".join("    " + line for line in _dump(report_object(report, lang)).split("\n"))
    item = json.dumps(report_object(report, lang), ensure_ascii=False, separators=(", ", ": "))
    return "    " + defuse(item, JSON)


def batch_end(summary: Summary, lang: str = "en") -> str:
    from lipcheck.run.runner import judge_run

    tail = _dump(
        {
            "files": summary.files,
            "verdicts": summary.verdicts,
            "unreadable": summary.unreadable,
            "gate": gate_object(judge_run(summary), lang),
        }
    )
    indented = "\n".join(("  " + line if i else line) for i, line in enumerate(tail.splitlines()))
    return f'\n  ],\n  "summary": {indented}\n}}\n'


def _result(result: RuleResult, lang: str) -> dict[str, Any]:
    return {
        "rule": result.rule,
        "title": result.title,
        "severity": result.severity.value,
        "status": result.status.value,
        "credit": round(result.credit, 4),
        "weight": result.weight,
        "points": round(result.points, 2),
        "gain": round(result.gain, 2),
        "message": render(result.message, lang),
        "missing": list(result.missing),
        "location": _location(result.location),
        "remediation": result.remediation.strip(),
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "message": render(finding.message, lang),
        "hint": render(finding.hint, lang) if finding.hint else None,
        "location": _location(finding.location),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _location(location: Location | None) -> dict[str, int] | None:
    return {"line": location.line, "column": location.column} if location else None


def _dump(value: object) -> str:
    # Text stays readable (not \u-escaped) but never carries a command a CI log would obey; the
    # escapes put in are JSON's own, so a reader gets the text back exactly.
    return defuse(json.dumps(value, indent=2, ensure_ascii=False), JSON)
