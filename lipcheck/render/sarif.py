"""SARIF 2.1.0 for code scanning: one run, the pack's rules as the driver's rules, one result per gap.

A result is a rule not fully met, or a problem that makes the file an invalid proposal. Its
location is the proposal's path relative to the repository, with line and column; its
fingerprint leaves out the line, so an alert survives edits elsewhere in the file.

Given the address where lipcheck's docs/ folder is served (`docs`), each rule links to its section
of the rule reference (`helpUri`) and the driver to the docs (`informationUri`); SARIF wants both
absolute, and lipcheck has no address of its own, so without `docs` neither is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from lipcheck import __version__
from lipcheck.findings import Finding, Location, Report, RuleResult, Severity, WaiverState, WaiverUse
from lipcheck.messages import colon, render, text
from lipcheck.packs import Pack, Rule
from lipcheck.render import flat
from lipcheck.render.rule_reference import rule_section
from lipcheck.render.sentences import waiver_message
from lipcheck.render.workflow_commands import JSON, defuse

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {
    Severity.BLOCKER: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
FINGERPRINT = "lipcheck/v1"
WAIVER_CODES = {WaiverState.EXPIRED: "waiver-expired", WaiverState.UNUSED: "waiver-unused"}
SOURCE_ROOT = "%SRCROOT%"


LOCALE = {"en": "en-CA", "fr": "fr-CA"}
"""The run's `language` (RFC 5646): Canadian English and Canadian French."""


def render_reports(
    reports: Sequence[Report],
    packs: Mapping[str, Pack],
    lang: str = "en",
    root: PurePath | None = None,
    docs: str | None = None,
) -> str:
    """The SARIF log of `reports`; `packs` by id gives the rules, `root` makes absolute paths relative,
    `docs` (an absolute address ending in `/`, see `lipcheck.docs_url`) is where the docs are."""
    log = json.dumps(sarif_log(reports, packs, lang, root, docs), indent=2, ensure_ascii=False)
    return defuse(log, JSON) + "\n"


def sarif_log(
    reports: Sequence[Report],
    packs: Mapping[str, Pack],
    lang: str = "en",
    root: PurePath | None = None,
    docs: str | None = None,
) -> dict[str, Any]:
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for pack_id in dict.fromkeys(report.pack_id for report in reports):
        pack = packs.get(pack_id)
        if pack is None:
            continue
        for rule in pack.rules:
            if rule.id not in index:
                index[rule.id] = len(descriptors)
                descriptors.append(_rule_descriptor(rule, pack, lang, docs))
    for report in reports:
        for finding in (*report.findings, *report.warnings_found):
            if finding.code not in index:
                index[finding.code] = len(descriptors)
                descriptors.append(_finding_descriptor(finding, lang))
    results: list[dict[str, Any]] = []
    for report in reports:
        uri = artifact_uri(report.path, root)
        results += [_finding_result(finding, uri, index, lang) for finding in report.findings]
        results += [
            _rule_result(result, report, uri, index, lang)
            for result in report.results
            if result.failed or result.waiver is not None
        ]
        results += [
            _warning_result(use, root, index, lang) for use in report.waivers if use.state in WAIVER_CODES
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lipcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        **({"informationUri": docs} if docs else {}),
                        "rules": descriptors,
                    }
                },
                "language": LOCALE.get(lang, lang),
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"reports": [_scores(report) for report in reports]},
            }
        ],
    }


def _scores(report: Report) -> dict[str, Any]:
    """A proposal's score and the points behind it, as the JSON report gives them."""
    return {
        "file": report.path,
        "pack": report.pack_id,
        "verdict": report.verdict.value,
        "score": None if report.score is None else round(report.score, 2),
        "earned": None if report.earned is None else round(report.earned, 2),
        "possible": None if report.possible is None else round(report.possible, 2),
        **(
            {"scoreWithoutWaivers": round(report.score_without_waivers, 2)}
            if report.waivers and report.score_without_waivers is not None
            else {}
        ),
        **({"config": report.config} if report.config is not None else {}),
    }


def artifact_uri(path: str, root: PurePath | None) -> str:
    """The proposal as a URI relative to `root` (the repository), which code scanning requires."""
    given = PurePath(path)
    if given.is_absolute():
        if root is not None and given.is_relative_to(root):
            given = given.relative_to(root)
        else:
            # Outside the repository there is nothing to be relative to: say exactly where.
            return quote(PurePosixPath(given.as_posix()).as_uri(), safe=":/%")
    parts = [part for part in PurePosixPath(given.as_posix()).parts if part != "."]
    return quote("/".join(parts), safe="/")


def _rule_descriptor(rule: Rule, pack: Pack, lang: str, docs: str | None) -> dict[str, Any]:
    remediation, source = _flat(rule.remediation.in_(lang)), _flat(rule.source.in_(lang))
    how, source_label = text("explain.remediation", lang), text("explain.source", lang)
    section = rule_section(rule, pack) if docs else None
    return {
        "id": rule.id,
        # The name is an identifier code scanning shows beside the id: the same in every language.
        "name": _pascal(rule.title.en),
        "shortDescription": {"text": rule.title.in_(lang)},
        "fullDescription": {"text": _flat(rule.rationale.in_(lang))},
        "help": {
            "text": f"{remediation}\n\n{text('sarif.source', lang, source=source)}",
            "markdown": f"**{how}.** {remediation}\n\n**{source_label}.** {source}",
        },
        **({"helpUri": f"{docs}{section}"} if docs and section else {}),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": ["lipcheck", pack.id, rule.severity.value],
            "precision": "very-high",
            "severity": rule.severity.value,
            "weight": rule.weight,
        },
    }


def _finding_descriptor(finding: Finding, lang: str) -> dict[str, Any]:
    code = finding.code
    if code.startswith("waiver-") and code != "waiver-unknown-rule":
        description = text("out.waiver-rule", lang, code=code)
        level, tag = "warning", "waiver"
    else:
        description = text("out.invalid-rule", lang, code=code)
        level, tag = "error", "invalid-proposal"
    return {
        "id": code,
        "name": _pascal(code),
        "shortDescription": {"text": description},
        "fullDescription": {"text": description},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["lipcheck", tag], "precision": "very-high"},
    }


def _suppression(result: RuleResult) -> dict[str, Any]:
    """The waiver as SARIF says it: accepted, why (the reason), and who and until when (properties)."""
    assert result.waiver is not None
    waiver = result.waiver
    return {
        "kind": "external" if waiver.in_config else "inSource",
        "status": "accepted",
        "justification": waiver.reason,
        "properties": {"owner": waiver.owner, "expires": waiver.expires.isoformat(), "file": waiver.source},
    }


def _warning_result(
    use: WaiverUse, root: PurePath | None, index: Mapping[str, int], lang: str
) -> dict[str, Any]:
    """A waiver that expired or is not needed: a warning where the waiver is written."""
    code = WAIVER_CODES[use.state]
    message = render(waiver_message(use), lang)
    uri = artifact_uri(use.source, root)
    return {
        "ruleId": code,
        "ruleIndex": index.get(code, -1),
        "level": "warning",
        "kind": "fail",
        "message": {"text": message},
        "locations": [_location(uri, use.location)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(code, use.rule, uri)},
    }


def _rule_result(
    result: RuleResult, report: Report, uri: str, index: Mapping[str, int], lang: str
) -> dict[str, Any]:
    return {
        "ruleId": result.rule,
        "ruleIndex": index.get(result.rule, -1),
        "level": LEVEL[result.severity],
        "kind": "fail",
        "message": {"text": f"{result.title.in_(lang)}{colon(lang)}{render(result.message, lang)}"},
        "locations": [_location(uri, result.location)],
        "partialFingerprints": {
            FINGERPRINT: _fingerprint(report.pack_id.removesuffix("+config"), result.rule, uri)
        },
        **({"suppressions": [_suppression(result)]} if result.waiver is not None else {}),
        "properties": {
            "status": result.status.value,
            "points": round(result.points, 2),
            "weight": result.weight,
            "gain": round(result.gain, 2),
            "missing": list(result.missing),
        },
    }


def _finding_result(finding: Finding, uri: str, index: Mapping[str, int], lang: str) -> dict[str, Any]:
    message = render(finding.message, lang)
    if finding.hint:
        message += f" ({render(finding.hint, lang)})"
    return {
        "ruleId": finding.code,
        "ruleIndex": index.get(finding.code, -1),
        "level": "error",
        "kind": "fail",
        "message": {"text": message},
        "locations": [_location(uri, finding.location)],
        # The message, not the line: the same problem moved by an edit above keeps its alert.
        "partialFingerprints": {FINGERPRINT: _fingerprint(finding.code, render(finding.message, lang), uri)},
    }


def _location(uri: str, location: Location | None) -> dict[str, Any]:
    where = location or Location(1, 1)
    if where.file is not None:
        uri = artifact_uri(where.file, None)  # a row of the council spreadsheet the proposal names
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = SOURCE_ROOT
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": where.line, "startColumn": where.column},
        }
    }


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _pascal(words: str) -> str:
    """`The council includes every core sector` -> `TheCouncilIncludesEveryCoreSector`."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", words)) or "Rule"


def _flat(paragraph: str) -> str:
    return flat(paragraph)
