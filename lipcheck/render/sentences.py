"""Phrases every report format shares: points, gains, the way to ready, locations, sector names."""

from __future__ import annotations

from lipcheck.findings import Location, Report, RuleResult, Severity, Verdict
from lipcheck.messages import has, text
from lipcheck.render import one_decimal


def to_ready(report: Report, lang: str) -> str:
    """The one sentence on the way to `ready`, as every report says it."""
    threshold = one_decimal(report.thresholds["ready"])
    if report.verdict is Verdict.READY:
        return text("report.already-ready", lang)
    gain = sum(r.gain for r in report.results if r.rule in report.fixes)
    total = (report.score or 0.0) + gain
    if total < report.thresholds["ready"]:
        return text("report.cannot-reach", lang, threshold=threshold)
    return text(
        "report.to-ready", lang, threshold=threshold, rules=", ".join(report.fixes), score=one_decimal(total)
    )


def points(result: RuleResult, lang: str) -> str:
    """`8.6 of 12`, or `no points` for the rules that carry none (blockers, warnings)."""
    if not result.weight:
        return text("out.no-points", lang)
    return text("out.points", lang, points=one_decimal(result.points), weight=f"{result.weight:g}")


def gain(result: RuleResult, lang: str) -> str:
    if result.severity is Severity.BLOCKER:
        return text("out.blocker", lang)
    return text("out.gain", lang, points=one_decimal(result.gain))


def sector_label(code: str, lang: str) -> str:
    return text("sector." + code, lang) if has("sector." + code, lang) else code


def missing_labels(result: RuleResult, lang: str) -> tuple[str, ...]:
    """What a rule lacks, with sector codes named in words (`Settlement agencies (settlement)`)."""
    return tuple(
        f"{sector_label(code, lang)} ({code})" if has("sector." + code, lang) else code
        for code in result.missing
    )


def where(location: Location | None, lang: str) -> str:
    if location is None:
        return ""
    return text("report.line", lang, line=location.line, column=location.column)
