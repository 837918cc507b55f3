"""Phrases every report format shares: points, gains, the way to ready, locations, sectors, code spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lipcheck.findings import (
    GateResult,
    Location,
    Message,
    Number,
    Report,
    RosterEntry,
    RuleResult,
    Severity,
    Verdict,
    WaiverState,
    WaiverUse,
)
from lipcheck.messages import Part, has, render, text
from lipcheck.render import one_decimal

Sentence = Sequence[Part]
"""A sentence as `lipcheck.messages.parts` gives it: the template's words and the arguments."""

# What str.splitlines() breaks at: any of them in an argument would end the line it is set in.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")

_INDEX = re.compile(r"\[\d*\]")
BIGGEST_FIXES = 3
"""How many fixes the summary of a report for people names."""


def code_runs(sentence: Iterable[Part]) -> list[tuple[str, bool]]:
    """`sentence` as runs of (text, is_code), for the formats that set code apart (HTML, Markdown).

    Only backticks in the template's words open and close code; they are not part of any run. An
    argument is text wherever it stands, inside code or out: its backticks are backticks, and its
    line breaks become spaces, since a sentence is one line. A backtick the template never closes
    is shown as a backtick.
    """
    runs: list[tuple[str, bool]] = []
    run, code = "", False
    for words, is_argument in sentence:
        if is_argument:
            run += _LINE_BREAKS.sub(" ", words)
            continue
        first, *rest = words.split("`")
        run += first
        for after_backtick in rest:
            runs.append((run, code))
            run, code = after_backtick, not code
    if code:
        before, _ = runs.pop()
        run, code = f"{before}`{run}", False
    runs.append((run, code))
    # An empty code span stays (the template showed an empty value); empty plain text says nothing.
    return [(words, is_code) for words, is_code in runs if words or is_code]


def pack_text(words: str) -> Sentence:
    """A rule's title, remediation or rationale: the pack is ours, so its backticks mark code."""
    return [(words, False)]


def as_text(words: str) -> Sentence:
    """Words from the proposal or the command line (a title, a file name), shown as they are."""
    return [(words, True)]


def as_code(words: str) -> Sentence:
    """Words from the proposal or the command line set as code, whatever they hold."""
    return [("`", False), (words, True), ("`", False)]


def score_text(report: Report, lang: str = "en") -> str:
    """The score with one decimal, or a dash for a proposal that has none (invalid)."""
    return one_decimal(report.score, lang) if report.score is not None else "–"


def _score(report: Report) -> object:
    return Number(report.score) if report.score is not None else "–"


def earned_of(report: Report) -> Message | None:
    """`65.0 of 90.0 points`: the rule points behind the score; None for an invalid proposal."""
    if report.earned is None or report.possible is None:
        return None
    return Message("out.earned-of", {"earned": Number(report.earned), "possible": Number(report.possible)})


def score_message(report: Report) -> Message:
    """`72.2 / 100 (65.0 of 90.0 points)`, or `– / 100` for an invalid proposal."""
    if report.earned is None or report.possible is None:
        return Message("out.score-of", {"score": "–"})
    args = {"earned": Number(report.earned), "possible": Number(report.possible)}
    return Message("out.score-points", {"score": _score(report), **args})


def to_ready(report: Report, lang: str) -> str:
    """The one sentence on the way to `ready`, as every report says it."""
    return render(to_ready_message(report), lang)


def to_ready_message(report: Report) -> Message:
    threshold = Number(report.thresholds["ready"])
    if report.verdict is Verdict.READY:
        return Message("report.already-ready")
    gain = sum(r.gain for r in report.results if r.rule in report.fixes)
    total = (report.score or 0.0) + gain
    if total < report.thresholds["ready"]:
        return Message("report.cannot-reach", {"threshold": threshold})
    return Message(
        "report.to-ready",
        {"threshold": threshold, "rules": ", ".join(report.fixes), "score": Number(total)},
    )


def points(result: RuleResult, lang: str) -> str:
    """`8.6 of 12`, or `no points` for the rules that carry none (blockers, warnings)."""
    return render(points_message(result), lang)


def points_message(result: RuleResult) -> Message:
    if not result.weight:
        return Message("out.no-points")
    return Message("out.points", {"points": Number(result.points), "weight": Number(result.weight, None)})


def gain(result: RuleResult, lang: str) -> str:
    return render(gain_message(result), lang)


def gain_message(result: RuleResult) -> Message:
    """`+8.6 points`: score points (out of 100) the proposal gains by meeting the rule fully."""
    if result.severity is Severity.BLOCKER:
        return Message("out.blocker")
    return Message("out.gain", {"points": Number(result.gain)})


def sector_label(code: str, lang: str) -> str:
    return text("sector." + code, lang) if has("sector." + code, lang) else code


def missing_labels(result: RuleResult, lang: str) -> tuple[str, ...]:
    """What a rule lacks on one line each, in words and code: `Settlement agencies (settlement)`,
    `Municipality › Liaison intent (municipality.liaison_intent)`."""
    return tuple(
        words if words == code else f"{words} ({code})" for words, code in labelled_missing(result, lang)
    )


def labelled_field(path: str, lang: str) -> tuple[str, str]:
    """A field path as (words, path): `(Municipality › Liaison intent, municipality.liaison_intent)`;
    the words are the path itself when the schema does not title it."""
    return (field_label(path, lang) or path, path)


def field_label(path: str, lang: str) -> str | None:
    """A field path as the reader names it, `Municipality › Liaison intent`; None if not a field.

    A member's place in its list (`council.members[2].organization`) is left to the path.
    """
    steps = _INDEX.sub("", path).split(".")
    titles = []
    for end in range(1, len(steps) + 1):
        message_id = "field." + ".".join(steps[:end]) + ".title"
        if not has(message_id, lang):
            return None
        titles.append(render(Message(message_id), lang))
    return " › ".join(titles)


def labelled_missing(result: RuleResult, lang: str) -> tuple[tuple[str, str], ...]:
    """What a rule lacks as (words, code): `(Plan › Gap analysis, plan.gap_analysis)`."""
    out = []
    for code in result.missing:
        if has("sector." + code, lang):
            out.append((sector_label(code, lang), code))
        else:
            out.append((field_label(code, lang) or code, code))
    return tuple(out)


def where(location: Location | None, lang: str) -> str:
    message = where_message(location)
    return "" if message is None else render(message, lang)


def where_message(location: Location | None) -> Message | None:
    if location is None:
        return None
    if location.file is not None:
        return Message(
            "report.row", {"file": location.file, "line": location.line, "column": location.column}
        )
    return Message("report.line", {"line": location.line, "column": location.column})


def counted_verdict(verdict: str, count: int, lang: str) -> str:
    """The verdict's label after a count: `1 prête`, `5 prêtes` (French agrees from two on)."""
    return text(f"verdict.{verdict}.many" if count > 1 else f"verdict.{verdict}", lang)


def gate_line(gate: GateResult, lang: str) -> str:
    """The gate's answer in one line: `PASS`, or `FAIL: ` and every reason, `; ` between them."""
    if gate.passed:
        return text("gate.pass", lang)
    return text("gate.fail", lang, reasons="; ".join(render(reason, lang) for reason in gate.reasons))


def days_message(days_left: int) -> Message:
    """`120 days left`, `expires today`, or `expired 3 days ago`."""
    if days_left > 0:
        return Message("waiver.days-left", {"days": days_left})
    if days_left == 0:
        return Message("waiver.expires-today")
    return Message("waiver.expired-ago", {"days": -days_left})


def waiver_message(use: WaiverUse) -> Message:
    """What a waiver says, or what became of it when it was not applied (expired, unused)."""
    args = {"rule": use.rule, "expires": use.expires, "owner": use.owner, "reason": use.reason}
    if use.state is WaiverState.EXPIRED:
        return Message("waiver.expired", args)
    if use.state is WaiverState.UNUSED:
        return Message("waiver.unused", args)
    return Message("waiver.applied", args)


def without_waivers(report: Report) -> Message | None:
    """`Score without waivers: 70.0` (and `ineligible without waivers (LIP001)`); None if none applies."""
    if not any(use.state is WaiverState.APPLIED for use in report.waivers):
        return None
    score = Number(report.score_without_waivers or 0.0)
    message = Message("report.score-without-waivers", {"score": score})
    if report.ineligible_without_waivers:
        rules = ", ".join(report.ineligible_without_waivers)
        ineligible = Message("report.ineligible-without-waivers", {"rules": rules})
        return Message("report.without-waivers-both", {"score": message, "ineligible": ineligible})
    return message


def roster_sectors(member: RosterEntry, lang: str) -> str:
    """A member's sectors in words, marked as the text report marks them when read from its name:
    `Settlement agencies, Language training (inferred)`."""
    sectors = ", ".join(sector_label(code, lang) for code in member.sectors)
    if not member.inferred:
        return sectors
    if not sectors:
        return text("out.roster.inferred-none", lang)
    return text("out.roster.inferred", lang, sectors=sectors)


def roster_role(member: RosterEntry, lang: str) -> str:
    return text("role." + member.role, lang)


def placeholders_heading(report: Report) -> Message:
    """`Placeholders left to fill in (18)`."""
    return Message("report.placeholders", {"count": len(report.placeholders)})
