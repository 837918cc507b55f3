"""JUnit XML for CI test tabs: one testsuite per proposal, one testcase per rule, and the gate.

The first testcase of each suite says whether the file is a valid proposal at all; an invalid
file has only that one, failed, with every problem listed. Rules that do not apply are skipped.
The last testcase, `gate`, fails exactly when the proposal falls short (exit 1). A CI server marks
a build unstable for any failure, so a rule not fully met is a `<failure>` only when it fails the
gate by itself (a failed blocker, `--fail-on`); any other gap is told in the case's `<system-out>`.
Each suite's properties carry the score and verdict, and its `<system-out>` the council roster and
the placeholders left, for whoever reads the CI server's page. The shape follows the JUnit schema
CI servers validate against (Jenkins' xUnit `junit-10.xsd`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from lipcheck.findings import GateResult, Report, RuleResult, Status
from lipcheck.messages import colon, render, text
from lipcheck.render import flat, one_decimal
from lipcheck.render.sentences import (
    gate_line,
    labelled_field,
    missing_labels,
    placeholders_heading,
    points,
    roster_role,
    roster_sectors,
    where,
)
from lipcheck.render.workflow_commands import MARKUP, defuse

# XML 1.0 cannot carry most control characters, even escaped; a proposal cannot smuggle one in.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
VALID_CASE = "valid-proposal"
GATE_CASE = "gate"


def render_reports(reports: Sequence[Report], lang: str = "en") -> str:
    suites = [_suite(report, lang) for report in reports]
    root = ET.Element(
        "testsuites",
        {
            "name": "lipcheck",
            "tests": str(sum(int(suite.get("tests", "0")) for suite in suites)),
            "failures": str(sum(int(suite.get("failures", "0")) for suite in suites)),
            "errors": "0",
            "time": "0",
        },
    )
    root.extend(suites)
    ET.indent(root, space="  ")
    document = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + defuse(document, MARKUP) + "\n"


def _suite(report: Report, lang: str) -> ET.Element:
    # CI servers group test cases by the dots of their class name: keep the file name in one piece.
    classname = _clean(f"lipcheck.{report.path.replace('.', '_')}")
    cases = [_validity(report, classname, lang)]
    failing = None if report.gate is None else frozenset(report.gate.rules)
    cases += [_case(result, report.path, classname, lang, failing) for result in report.results]
    if report.gate is not None:
        cases.append(_gate(report.gate, classname, lang))
    failures = sum(1 for case in cases if case.find("failure") is not None)
    skipped = sum(1 for case in cases if case.find("skipped") is not None)
    suite = ET.Element(
        "testsuite",
        {
            "name": _clean(report.path),
            "tests": str(len(cases)),
            "failures": str(failures),
            "errors": "0",
            "skipped": str(skipped),
            "time": "0",
            "file": _clean(report.path),
        },
    )
    properties = ET.SubElement(suite, "properties")
    facts = {
        "title": report.title or "",
        "pack": f"{report.pack_id} {report.pack_version}",
        "score": one_decimal(report.score) if report.score is not None else "",
        "earned": one_decimal(report.earned) if report.earned is not None else "",
        "possible": one_decimal(report.possible) if report.possible is not None else "",
        "verdict": report.verdict.value,
        "fixes-to-ready": ", ".join(report.fixes),
    }
    if report.waivers and report.score_without_waivers is not None:
        facts["score-without-waivers"] = one_decimal(report.score_without_waivers)
    if report.config is not None:
        facts["config"] = report.config
    if report.placeholders:
        facts["placeholders-left"] = ", ".join(spot.field for spot in report.placeholders)
    for name, value in facts.items():
        ET.SubElement(properties, "property", {"name": name, "value": _clean(value)})
    suite.extend(cases)
    told = _council_and_placeholders(report, lang)
    if told:
        ET.SubElement(suite, "system-out").text = _clean(told)
    return suite


def _council_and_placeholders(report: Report, lang: str) -> str:
    """The suite's own output, for people reading the CI server's page: the council roster, its
    sectors marked where read from a name, and the fields still holding a placeholder."""
    lines: list[str] = []
    sep = colon(lang)
    if report.roster:
        lines.append(f"{text('out.roster', lang)} ({len(report.roster)})")
        for member in report.roster:
            said = [roster_sectors(member, lang) or "–", roster_role(member, lang)]
            said += [member.representative] if member.representative else []
            lines.append(f"  {member.organization}{sep}{' · '.join(said)}")
    if report.placeholders:
        if lines:
            lines.append("")
        lines.append(render(placeholders_heading(report), lang))
        for spot in report.placeholders:
            words, path = labelled_field(spot.field, lang)
            named = path if words == path else f"{words} ({path})"
            lines.append(f"  {named}{sep}{report.path}, {where(spot.location, lang)}")
    return "\n".join(lines)


def _validity(report: Report, classname: str, lang: str) -> ET.Element:
    case = ET.Element(
        "testcase", {"name": _clean(text("out.valid-proposal", lang)), "classname": classname, "time": "0"}
    )
    if report.findings:
        lines = []
        for finding in report.findings:
            hint = f" ({render(finding.hint, lang)})" if finding.hint else ""
            sep = colon(lang)
            lines.append(
                f"{report.path}{sep}{where(finding.location, lang)}{sep}{render(finding.message, lang)}{hint}"
            )
        failure = ET.SubElement(
            case,
            "failure",
            {"type": "invalid", "message": _clean(text("report.invalid", lang, count=len(report.findings)))},
        )
        failure.text = _clean("\n".join(lines))
    return case


def _gate(gate: GateResult, classname: str, lang: str) -> ET.Element:
    case = ET.Element("testcase", {"name": GATE_CASE, "classname": classname, "time": "0"})
    if not gate.passed:
        line = gate_line(gate, lang)
        failure = ET.SubElement(case, "failure", {"type": "gate", "message": _clean(line)})
        failure.text = _clean("\n".join(render(reason, lang) for reason in gate.reasons))
    return case


def _case(
    result: RuleResult, path: str, classname: str, lang: str, failing: frozenset[str] | None
) -> ET.Element:
    """One rule; `failing` names the rules that fail the gate (None: every gap is a failure)."""
    case = ET.Element(
        "testcase",
        {"name": _clean(f"{result.rule}: {result.title.in_(lang)}"), "classname": classname, "time": "0"},
    )
    message = render(result.message, lang)
    if result.status is Status.NOT_APPLICABLE:
        ET.SubElement(case, "skipped", {"message": _clean(message)})
    elif result.waiver is not None:
        waiver = result.waiver
        args = {"reason": waiver.reason, "owner": waiver.owner, "expires": waiver.expires.isoformat()}
        skipped = ET.SubElement(case, "skipped", {"message": _clean(text("junit.waived", lang, **args))})
        skipped.text = _clean(f"{text('out.found', lang)}: {message}")
    elif result.failed:
        details = [
            f"{text('out.found', lang)}{colon(lang)}{message}",
            f"{text('out.col.status', lang)}{colon(lang)}{text('status.' + result.status.value, lang)}",
            f"{text('out.col.points', lang)}{colon(lang)}{points(result, lang)}",
        ]
        if result.missing:
            details.append(
                f"{text('report.missing', lang)}{colon(lang)}{', '.join(missing_labels(result, lang))}"
            )
        details += [
            f"{text('report.fix', lang)}{colon(lang)}{flat(result.remediation.in_(lang))}",
            f"{text('out.where', lang)}{colon(lang)}{path}, {where(result.location, lang)}"
            if result.location
            else f"{text('out.where', lang)}{colon(lang)}{path}",
            f"{text('out.source', lang)}{colon(lang)}{flat(result.source.in_(lang))}",
        ]
        if failing is None or result.rule in failing:
            failure = ET.SubElement(
                case, "failure", {"type": result.severity.value, "message": _clean(message)}
            )
            failure.text = _clean("\n".join(details))
        else:
            told = ET.SubElement(case, "system-out")
            told.text = _clean("\n".join(details))
    return case


def _clean(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)
