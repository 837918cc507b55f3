"""Rule documentation from the pack itself: `lipcheck packs`, `rules`, `explain`, and docs/rules/.

python -m lipcheck.render.rule_reference docs    # writes docs/rules.md and docs/rules/<id>.md
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from pathlib import Path

from lipcheck.checks import written_options
from lipcheck.messages import colon, text
from lipcheck.packs import Change, Pack, Rule
from lipcheck.render import flat, short_number
from lipcheck.render.workflow_commands import TEXT, defuse

PACKS_FORMAT = "lipcheck-packs/1"
RULES_FOLDER = "rules"
"""Where the pack pages are, relative to the docs folder: `rules/<pack id>.md`."""
_LONG = ("title", "rationale", "remediation", "source", "reading")
"""Fields whose change is named, not shown: they are paragraphs."""


def rule_heading(rule: Rule) -> str:
    """The heading of a rule's section on its pack's page, as `pack_reference` writes it."""
    return rule.id


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lowercased, every character but letters,
    digits, `-`, `_` and spaces dropped, then each space made `-` (`LIP 101: Who?` -> `lip-101-who`)."""
    kept = "".join(char for char in heading.strip().lower() if char.isalnum() or char in "-_ ")
    return kept.replace(" ", "-")


def pack_page(pack_id: str) -> str:
    """The page of a shipped pack, relative to the docs folder."""
    return f"{RULES_FOLDER}/{pack_id}.md"


def rule_section(rule: Rule, pack: Pack) -> str | None:
    """Where `rule` is documented, relative to the docs folder (`rules/lip-2012.md#lip101`).

    A shipped pack, tuned by a config or not, has its own page; a pack of the user's own has none,
    but a rule it inherits from a shipped pack is on that pack's page. None when no page has it.
    """
    from lipcheck.packs.registry import is_shipped, shipped_ids

    if is_shipped(pack.folder):
        page = pack.folder.name
    elif rule.origin in shipped_ids():
        page = rule.origin
    else:
        return None
    return f"{pack_page(page)}#{heading_anchor(rule_heading(rule))}"


def _shown_in_full(change: Change) -> bool:
    """A short value is shown (`weight 20 → 14`); a paragraph, a long list or examples only named."""
    return change.field not in (*_LONG, "examples") and len(change.before) + len(change.after) <= 40


def changes_text(rule: Rule, lang: str = "en") -> str:
    """What packs down the chain changed in `rule`, pack by pack: `weight 20 → 14, title,
    check.sectors and examples changed (ircc-2024)`."""
    by_pack: dict[str, list[Change]] = {}
    for change in rule.changes:
        by_pack.setdefault(change.pack, []).append(change)
    said = []
    for pack, changes in by_pack.items():
        parts = [f"{c.field} {c.before} → {c.after}" for c in changes if _shown_in_full(c)]
        named = [c.field for c in changes if not _shown_in_full(c)]
        if named:
            parts.append(text("explain.fields-changed", lang, fields=", ".join(named)))
        said.append(f"{', '.join(parts)} ({pack})")
    return "; ".join(said)


def packs_table(packs: Sequence[Pack], lang: str = "en") -> str:
    """`lipcheck packs`: one line a pack, with its version, parent, number of rules and years."""
    rows = [(text("packs.id", lang), text("packs.version", lang), text("packs.extends", lang),
             text("packs.rules", lang), text("packs.years", lang), text("packs.title", lang))]  # fmt: skip
    for pack in packs:
        years = f"{pack.years[0]}–{pack.years[1]}" if pack.years else "–"
        rows.append(
            (pack.id, pack.version, pack.extends or "–", str(len(pack.rules)), years, pack.title.in_(lang))
        )
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[5]])
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def packs_json(packs: Sequence[Pack]) -> str:
    """`lipcheck packs --format json`: the same facts, for scripts."""
    listed = [
        {
            "id": pack.id,
            "version": pack.version,
            "title": pack.title.en,
            "extends": pack.extends,
            "rules": len(pack.rules),
            "years": list(pack.years) if pack.years else None,
        }
        for pack in packs
    ]
    return json.dumps({"format": PACKS_FORMAT, "packs": listed}, indent=2, ensure_ascii=False) + "\n"


def pack_heading(pack: Pack, chosen: str, lang: str = "en") -> str:
    """Which pack `rules` and `explain` use, and why that one (`chosen`: `flag` or `default`)."""
    parent = f" ({text('packs.extends', lang)} {pack.extends})" if pack.extends else ""
    return text("explain.pack", lang, pack=f"{pack.id} {pack.version}", title=pack.title.in_(lang),
                parent=parent, chosen=text("explain.chosen." + chosen, lang))  # fmt: skip


def rules_table(pack: Pack, chosen: str, lang: str = "en") -> str:
    """`lipcheck rules`: each rule with severity, weight, the pack it comes from and what changed."""
    lines = [pack_heading(pack, chosen, lang), ""]
    width = max(len(rule.origin) for rule in pack.rules)
    severities = {rule.severity: text("severity." + rule.severity.value, lang) for rule in pack.rules}
    severity_width = max(8, *(len(label) for label in severities.values()))
    for rule in pack.rules:
        weight = short_number(rule.weight, lang) if rule.weight else "-"
        severity = f"{severities[rule.severity]:<{severity_width}}"
        line = f"{rule.id}  {severity} {weight:>3}  {rule.origin:<{width}}  {rule.title.in_(lang)}"
        if rule.changes:
            line += f"  [{text('explain.changed', lang)}{colon(lang)}{changes_text(rule, lang)}]"
        lines.append(line)
    # A pack may come from a folder a pull request made (`--pack ./pack`): CI logs read this too.
    return defuse("\n".join(lines) + "\n", TEXT)


def explain_rule(rule: Rule, pack: Pack | None = None, chosen: str = "default", lang: str = "en") -> str:
    weight = f"{rule.weight:g}" if rule.weight else "-"
    lines = [pack_heading(pack, chosen, lang), ""] if pack is not None else []
    lines += [
        f"{rule.id}{colon(lang)}{rule.title.in_(lang)}",
        f"{text('explain.from', lang)}{colon(lang)}{rule.origin}",
    ]
    if rule.changes:
        lines.append(f"{text('explain.changes', lang)}{colon(lang)}{changes_text(rule, lang)}")
    lines += [
        f"{text('explain.severity', lang)}{colon(lang)}{text('severity.' + rule.severity.value, lang)}",
        f"{text('explain.weight', lang)}{colon(lang)}{weight}",
        f"{text('explain.check', lang)}{colon(lang)}{_check(rule)}",
        "",
        f"{text('explain.rationale', lang)}{colon(lang).rstrip()}",
        _indent(rule.rationale.in_(lang)),
        f"{text('explain.remediation', lang)}{colon(lang).rstrip()}",
        _indent(rule.remediation.in_(lang)),
    ]
    if rule.reading:
        lines += [f"{text('explain.reading', lang)}{colon(lang).rstrip()}", _indent(rule.reading.in_(lang))]
    lines += [f"{text('explain.source', lang)}{colon(lang)}{rule.source.in_(lang).strip()}", ""]
    # A pack may come from a folder a pull request made (`--pack ./pack`): CI logs read this too.
    return defuse("\n".join(lines), TEXT)


def rules_index(packs: Sequence[Pack]) -> str:
    """docs/rules.md: the shipped packs, each linking to its own page."""
    out = [
        "# Rule reference",
        "",
        "<!-- Generated by `python -m lipcheck.render.rule_reference docs`; do not edit by hand. -->",
        "",
        "lipcheck ships one rule pack per call for proposals. A proposal names its call with `call:`;",
        "`lipcheck validate --pack ID` chooses another. [packs.md](packs.md) describes the pack format, for",
        "writing a pack of your own that extends one of these.",
        "",
        "| pack | version | extends | rules | years | title |",
        "|---|---|---|---|---|---|",
    ]
    for pack in packs:
        years = f"{pack.years[0]}–{pack.years[1]}" if pack.years else "–"
        out.append(
            f"| [{pack.id}]({pack_page(pack.id)}) | {pack.version} | {pack.extends or '–'} "
            f"| {len(pack.rules)} | {years} | {pack.title.en} |"
        )
    return "\n".join(out) + "\n"


def write_docs(folder: Path, packs: Sequence[Pack]) -> None:
    """docs/rules.md and one page a pack under docs/rules/, removing pages of packs no longer shipped."""
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "rules.md").write_text(rules_index(packs), encoding="utf-8")
    wanted = {f"{pack.id}.md" for pack in packs}
    for page in (folder / "rules").glob("*.md"):
        if page.name not in wanted:
            page.unlink()
    for pack in packs:
        (folder / "rules" / f"{pack.id}.md").write_text(pack_reference(pack), encoding="utf-8")


def pack_reference(pack: Pack) -> str:
    """docs/rules/<id>.md: every rule of `pack` with its examples, generated so it never drifts."""
    import yaml

    class _ExampleDumper(yaml.SafeDumper):
        """Writes example proposals as a user would: lists indented under their key, dates unquoted."""

        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    # lipcheck reads `2012-03-15` as text, so the dumper need not quote dates to protect them.
    _ExampleDumper.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }

    def short_list(dumper: yaml.SafeDumper, items: list[object]) -> yaml.SequenceNode:
        # Sector codes and funders read best on one line, as the rule files write them.
        flat = all(not isinstance(item, (dict, list)) for item in items)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flat)

    _ExampleDumper.add_representer(list, short_list)

    def points(weight: float) -> str:
        return f"{weight:g}" if weight else "–"

    def example_yaml(proposal: dict[str, object]) -> str:
        shown = {key: value for key, value in proposal.items() if key != "lipcheck"}
        dumped: str = yaml.dump(shown, Dumper=_ExampleDumper, sort_keys=False, allow_unicode=True, width=1000)
        return dumped.rstrip("\n")

    thresholds = pack.thresholds
    parameters = ", ".join(f"`{name}` = {value}" for name, value in pack.parameters.items())
    out = [
        f"# Rule reference: {pack.id} {pack.version}",
        "",
        "<!-- Generated by `python -m lipcheck.render.rule_reference docs`; do not edit by hand. -->",
        "",
        f"**{pack.title.en}.** Source: {pack.source.en.strip()}",
        "",
    ]
    if pack.extends:
        out += [f"Extends [{pack.extends}]({pack.extends}.md): each rule below says which pack it comes "
                "from and what this pack changed.", ""]  # fmt: skip
    if pack.years:
        out += [f"The call covers {pack.years[0]} to {pack.years[1]}.", ""]
    out += [
        "Each rule earns its weight times its credit (0 to 1). The score is 100 × the points earned "
        "÷ the points possible, over the major and minor rules that apply to the proposal: a rule "
        "that is not applicable leaves both. Blockers and warnings carry no points: a failed blocker "
        "makes the proposal `ineligible`, and warnings only point at housekeeping.",
        "",
        f"Verdicts: `ready` at a score of {thresholds.ready:g} or more, `nearly-ready` at "
        f"{thresholds.nearly_ready:g} or more, otherwise `not-ready`; `ineligible` when a blocker "
        "is unmet, whatever the score.",
        "",
    ]
    if parameters:
        out += [f"Pack parameters: {parameters}.", ""]
    out += [
        "A paragraph headed *lipcheck's reading* marks where the pack settles something the call "
        "leaves open; that reading is lipcheck's, not the funder's.",
        "",
        "Each rule's examples are whole proposals, shown without their `lipcheck: 1` line; the test "
        "suite runs every one and expects the status shown.",
        "",
        "| id | title | severity | points |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{r.id}](#{heading_anchor(rule_heading(r))}) | {r.title.en} | {r.severity.value} "
        f"| {points(r.weight)} |"
        for r in pack.rules
    ]
    for rule in pack.rules:
        out += [
            "",
            f"## {rule_heading(rule)}",
            "",
            f"**{rule.title.en}.**",
            "",
            f"Severity: {rule.severity.value}. Points: {points(rule.weight)}. "
            f"How it is checked: {_check(rule)}.",
            "",
            *_provenance(rule, pack),
            rule.rationale.en.strip(),
            "",
            f"**How to meet it.** {rule.remediation.en.strip()}",
            "",
        ]
        if rule.reading:
            out += [f"**lipcheck's reading.** {rule.reading.en.strip()}", ""]
        out += [f"Source: {rule.source.en.strip()}", ""]
        for label, examples in (
            ("Examples that pass:", rule.examples.passing),
            ("Examples that fall short:", rule.examples.failing),
        ):
            out += [label, ""]
            for example in examples:
                outcome = example.status.value
                if example.credit is not None and 0 < example.credit < 1:
                    outcome += f", credit {round(example.credit, 2):g}"
                out += [
                    f"- {example.name}: **{outcome}**",
                    "",
                    "  ```yaml",
                    *(f"  {line}" for line in example_yaml(example.proposal).splitlines()),
                    "  ```",
                    "",
                ]
        out.pop()  # the blank line after the last example; the next rule starts with one
    return "\n".join(out) + "\n"


def _provenance(rule: Rule, pack: Pack) -> list[str]:
    """For a pack that inherits: where the rule comes from and what this chain changed."""
    if not pack.extends and rule.origin == pack.id:
        return []
    changed = f" Changed: {changes_text(rule)}." if rule.changes else ""
    return [f"From {_from(rule, pack)}.{changed}", ""]


def _from(rule: Rule, pack: Pack) -> str:
    if rule.origin == "common":
        return "the shared rules (`rules/common`)"
    section = heading_anchor(rule_heading(rule))
    return "this pack" if rule.origin == pack.id else f"[{rule.origin}]({rule.origin}.md#{section})"


def _check(rule: Rule) -> str:
    options = written_options(rule.params)
    shown = ", ".join(
        f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"
        for key, value in options.items()
    )
    return f"`{rule.kind}`" + (f" ({shown})" if shown else "")


def _indent(paragraph: str) -> str:
    """A paragraph wrapped for a terminal, indented under its heading."""
    # Not after a hyphen: `hospitalit- ;` is one stem and its French punctuation.
    return textwrap.fill(
        flat(paragraph), width=88, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )


if __name__ == "__main__":
    import sys

    from lipcheck.packs import load_pack
    from lipcheck.packs.registry import shipped_ids

    write_docs(
        Path(sys.argv[1] if len(sys.argv) > 1 else "docs"), [load_pack(pack) for pack in shipped_ids()]
    )
