"""What changed between drafts, as text (a terminal), JSON (a pipeline) or Markdown (for a pull request)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from lipcheck.diff import Change, RuleChange
from lipcheck.findings import Report, Status
from lipcheck.messages import colon, text
from lipcheck.render import DiffFormat, one_decimal, unreachable
from lipcheck.render.markdown import inline
from lipcheck.render.sentences import as_code, as_text
from lipcheck.render.workflow_commands import JSON, MARKDOWN, TEXT, defuse

DIFF_FORMAT = "lipcheck-diff/1"


def render(changes: Sequence[Change], output_format: DiffFormat, lang: str = "en") -> str:
    """The one dispatch from `diff --format` to a renderer."""
    if output_format is DiffFormat.TEXT:
        return render_text(changes, lang)
    if output_format is DiffFormat.JSON:
        return render_json(changes, lang)
    if output_format is DiffFormat.MARKDOWN:
        return render_markdown(changes, lang)
    return unreachable(output_format)


def _score(report: Report | None, lang: str) -> str:
    return "–" if report is None or report.score is None else one_decimal(report.score, lang)


def _signed(value: float, lang: str) -> str:
    return ("+" if value >= 0 else "−") + one_decimal(abs(value), lang)


def _verdict(report: Report | None, lang: str) -> str:
    return "–" if report is None else text("verdict." + report.verdict.value, lang)


def _status(status: Status | None, lang: str) -> str:
    return "–" if status is None else text("diff.status." + status.value, lang)


def _headline(change: Change, lang: str) -> str:
    if change.before is None:
        return text("diff.new", lang, score=_score(change.after, lang), verdict=_verdict(change.after, lang))
    delta = change.score_delta
    return text(
        "diff.headline",
        lang,
        before=_score(change.before, lang),
        after=_score(change.after, lang),
        change="" if delta is None else f" ({_signed(delta, lang)})",
        was=_verdict(change.before, lang),
        now=_verdict(change.after, lang),
    )


def _pack_line(change: Change, lang: str) -> str | None:
    if not change.pack_changed or change.before is None:
        return None
    before, after = change.before, change.after
    return text(
        "diff.pack-changed",
        lang,
        before=f"{before.pack_id} {before.pack_version}",
        after=f"{after.pack_id} {after.pack_version}",
    )


def _rule_line(rule: RuleChange, lang: str) -> str:
    return text(
        "diff.rule",
        lang,
        rule=rule.rule,
        title=rule.title.in_(lang),
        before=_points(rule.before_points, lang),
        after=_points(rule.after_points, lang),
        change=_signed(rule.delta, lang),
        was=_status(rule.before_status, lang),
        now=_status(rule.after_status, lang),
    )


def render_text(changes: Sequence[Change], lang: str = "en") -> str:
    from lipcheck.render.text import terminal_safe

    lines: list[str] = []
    for change in changes:
        lines.append(f"{terminal_safe(change.path)}{colon(lang)}{_headline(change, lang)}")
        pack = _pack_line(change, lang)
        if pack:
            lines.append(f"  {pack}")
        lines += [f"  {terminal_safe(_rule_line(rule, lang))}" for rule in change.rules]
        for label, items in _lists(change):
            if items:
                lines.append(f"  {text(label, lang, items=', '.join(items))}")
        if change.before is not None and not change.rules and not change.opened and not change.closed:
            lines.append(f"  {text('diff.no-change', lang)}")
    return defuse("\n".join(lines) + "\n", TEXT)


def _lists(change: Change) -> list[tuple[str, tuple[str, ...]]]:
    return [
        ("diff.opened", change.opened),
        ("diff.closed", change.closed),
        ("diff.waivers-added", change.waivers_added),
        ("diff.waivers-expired", change.waivers_expired),
    ]


def render_json(changes: Sequence[Change], lang: str = "en") -> str:
    document = {
        "format": DIFF_FORMAT,
        "lang": lang,
        "changes": [_change_object(change, lang) for change in changes],
    }
    return defuse(json.dumps(document, indent=2, ensure_ascii=False), JSON) + "\n"


def _side(report: Report | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "score": None if report.score is None else round(report.score, 2),
        "verdict": report.verdict.value,
        "pack": {"id": report.pack_id, "version": report.pack_version},
    }


def _change_object(change: Change, lang: str) -> dict[str, Any]:
    delta = change.score_delta
    return {
        "file": change.path,
        "new": change.before is None,
        "before": _side(change.before),
        "after": _side(change.after),
        "score_change": None if delta is None else round(delta, 2),
        "pack_changed": change.pack_changed,
        "rules": [
            {
                "rule": rule.rule,
                "title": rule.title.in_(lang),
                "before": {
                    "status": rule.before_status and rule.before_status.value,
                    "points": rule.before_points,
                },
                "after": {
                    "status": rule.after_status and rule.after_status.value,
                    "points": rule.after_points,
                },
                "change": round(rule.delta, 4),
            }
            for rule in change.rules
        ],
        "opened": list(change.opened),
        "closed": list(change.closed),
        "waivers": {"added": list(change.waivers_added), "expired": list(change.waivers_expired)},
    }


def _rule_side(status: Status | None, points: float) -> dict[str, Any]:
    return {"status": None if status is None else status.value, "points": round(points, 4)}


def _points(value: float, lang: str) -> str:
    shown = f"{round(value, 2):g}"
    return shown.replace(".", ",") if lang == "fr" else shown


def render_markdown(changes: Sequence[Change], lang: str = "en") -> str:
    """Short enough for a pull-request comment: one table row a proposal, the rules in `<details>`."""
    score, verdict = text("report.score", lang), text("report.verdict", lang)
    out = [
        f"### {text('diff.title', lang)}",
        "",
        f"| {text('out.file', lang)} | {score} | {verdict} |",
        "| --- | --- | --- |",
    ]
    for change in changes:
        path = inline(as_code(change.path), table=True)
        if change.before is None:
            shown = f"{_score(change.after, lang)} ({text('diff.new-short', lang)})"
        else:
            delta = change.score_delta
            shown = f"{_score(change.before, lang)} → {_score(change.after, lang)}"
            shown += "" if delta is None else f" (**{_signed(delta, lang)}**)"
        verdicts = f"{_verdict(change.before, lang)} → {_verdict(change.after, lang)}"
        out.append(f"| {path} | {shown} | {verdicts} |")
    for change in changes:
        details = _markdown_details(change, lang)
        if details:
            out += ["", *details]
    return defuse("\n".join(out) + "\n", MARKDOWN)


def _markdown_details(change: Change, lang: str) -> list[str]:
    pack = _pack_line(change, lang)
    lists = [(label, items) for label, items in _lists(change) if items]
    if not change.rules and not lists and not pack:
        return []
    summary = text("diff.details", lang, path=change.path, count=len(change.rules))
    body = ["<details>", f"<summary>{_html(summary)}</summary>", ""]
    if pack:
        body += [f"> {_html(pack)}", ""]
    if change.rules:
        body += [
            f"| {text('diff.rule-column', lang)} | {text('diff.points-column', lang)} | "
            f"{text('diff.status-column', lang)} |",
            "| --- | --- | --- |",
        ]
        for rule in change.rules:
            before, after = _points(rule.before_points, lang), _points(rule.after_points, lang)
            points = f"{before} → {after} ({_signed(rule.delta, lang)})"
            statuses = f"{_status(rule.before_status, lang)} → {_status(rule.after_status, lang)}"
            title = inline(as_text(rule.title.in_(lang)), table=True)
            body.append(f"| {rule.rule} {title} | {points} | {statuses} |")
        body.append("")
    for label, items in lists:
        body += [text(label, lang, items=", ".join(items)), ""]
    body.append("</details>")
    return body


def _html(words: str) -> str:
    # Inside <summary> Markdown is not read: HTML's own escapes keep a file name from adding markup.
    return words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
