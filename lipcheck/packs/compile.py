"""Pack files -> a compiled Pack: inheritance, includes, overrides, parameters and weight checks.

Every problem of a pack (and of the packs it extends) is collected with its file, line and
column, and all of them are raised together as one PackError, so an author fixes a pack in one
pass. Imported on a cache miss only.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from lipcheck import checks
from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Location, Message, Severity, Text, Thresholds
from lipcheck.frozen import frozen
from lipcheck.loader import Document, PathKey, read_proposal
from lipcheck.messages import said_by_pydantic
from lipcheck.packs import COMMON, PACK_FILE, RULE_FILE, Change, Pack, PackError, PackProblem, Rule, registry
from lipcheck.packs.files import (
    TEXT_FIELDS,
    OverrideFile,
    PackFile,
    RuleFile,
    TextFile,
    ThresholdsFile,
    as_text,
)
from lipcheck.packs.options import read_options
from lipcheck.validation import dotted

if TYPE_CHECKING:
    from lipcheck.run.config import Config

NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)
"""Severities that carry no points: their weight must be 0."""
_M = TypeVar("_M", bound=BaseModel)


@dataclass
class _Problems:
    found: list[PackProblem] = field(default_factory=list)
    keys: set[tuple[Path, object]] = field(default_factory=set)
    """(file, top-level key) of each problem, so that a broken key is not also called missing."""

    def add(
        self,
        path: Path,
        document: Document | None,
        loc: PathKey,
        message: Message,
        hint: Message | None = None,
        value: bool = False,
    ) -> None:
        """A problem at the key `loc` names (or at its value, for a value that is wrong)."""
        positions = document.positions if document is not None else None
        where = Location(1, 1) if positions is None else positions.value(loc) if value else positions.key(loc)
        problem = PackProblem(path, where, message, hint)
        if loc:
            self.keys.add((path, loc[0]))
        if problem not in self.found:
            self.found.append(problem)


@frozen
class _Where:
    """Where a value was written: for a problem found only once the pack is assembled."""

    path: Path
    document: Document
    loc: PathKey


@dataclass
class _Draft:
    """A rule as inherited so far, before parameters are filled in and options typed."""

    spec: dict[str, Any]
    check: dict[str, Any]
    file: Path
    origin: str
    options_at: dict[str, _Where]
    weight_at: _Where
    """Where the weight or severity was last written: a blocker with points is refused there."""
    check_at: _Where
    examples_file: Path
    examples_at: tuple[str, ...] = ("examples",)
    changes: list[Change] = field(default_factory=list)

    def copy(self) -> _Draft:
        return _Draft(
            dict(self.spec), dict(self.check), self.file, self.origin, dict(self.options_at),
            self.weight_at, self.check_at, self.examples_file, self.examples_at, list(self.changes),
        )  # fmt: skip


@dataclass
class _Assembled:
    """A pack with its chain resolved: rules in order, merged parameters and thresholds."""

    file: PackFile
    path: Path
    document: Document
    rules: dict[str, _Draft]
    order: list[str]
    parameters: dict[str, Any]
    thresholds: ThresholdsFile
    folders: list[Path]
    parameters_at: dict[str, _Where] = field(default_factory=dict)
    """Where each parameter's value was last written: an option it fills is wrong there."""


def compile_pack(folder: Path) -> tuple[Pack, tuple[Path, ...]]:
    """The pack in `folder`, and every folder its files came from (for the cache to watch).

    Raises PackError with every problem found.
    """
    problems = _Problems()
    assembled = _assemble(folder, [], problems)
    pack = _finish(assembled, folder, problems) if assembled is not None else None
    if problems.found or pack is None or assembled is None:
        raise PackError(
            problems.found or [PackProblem(folder / PACK_FILE, Location(1, 1), Message("pack.unusable"))]
        )
    return pack, tuple(dict.fromkeys(assembled.folders))


def tune(pack: Pack, config: Config) -> tuple[Pack, tuple[Path, ...]]:
    """`pack` with a `.lipcheck.yaml`'s `rules` applied over it, by the same overrides a child pack
    makes, and every folder its files came from (for the cache to watch).

    Its id becomes `ID+config`, so no report passes the tuned rubric off as the pack's own. Raises
    ConfigError (exit 2) with every problem, each located in the config.
    """
    from lipcheck.run.config import ConfigError

    problems = _Problems()
    assembled = _assemble(pack.folder, [], problems)
    tuned: Pack | None = None
    if assembled is not None:
        config_path = Path(config.path)
        for rule_id, tuning in config.file.rules.items():
            at = _Where(config_path, config.document, ("rules", rule_id))
            if rule_id not in assembled.rules:
                close = difflib.get_close_matches(rule_id, assembled.order, n=1, cutoff=0.6)
                problems.add(
                    config_path, config.document, at.loc,
                    Message("config.no-such-rule", {"rule": rule_id, "pack": pack.id}),
                    Message("hint.did-you-mean", {"suggestion": close[0]}) if close else None,
                )  # fmt: skip
            elif tuning == "off":
                del assembled.rules[rule_id]
                assembled.order.remove(rule_id)
            else:
                override = OverrideFile(severity=tuning.severity, weight=tuning.weight, check=tuning.check)
                _apply(assembled.rules[rule_id], override, "config", at, assembled.parameters, problems)
        tuned = _finish(assembled, pack.folder, problems)
    if problems.found or tuned is None:
        findings = tuple(
            Finding("config-rules", problem.message, problem.location, problem.hint)
            for problem in problems.found
        )
        unusable = Finding("config-rules", Message("pack.unusable"), None)
        raise ConfigError(config.shown, findings or (unusable,))
    assert assembled is not None
    return dataclasses.replace(tuned, id=f"{pack.id}+config"), tuple(dict.fromkeys(assembled.folders))


def _assemble(folder: Path, chain: list[Path], problems: _Problems) -> _Assembled | None:
    pack_path = folder / PACK_FILE
    document = _read(pack_path, problems)
    pack_file = _parse_pack(document, pack_path, problems) if document is not None else None
    # A folder pack taking a shipped pack's id: its reports would pass for the shipped pack's.
    taken = pack_file is not None and pack_file.id in registry.shipped_ids()
    if taken and pack_file is not None and document is not None and not registry.is_shipped(folder):
        problems.add(pack_path, document, ("id",), Message("pack.id-shipped", {"id": pack_file.id}))
    local, broken = _local_rules(folder, pack_file.id if pack_file else folder.name, problems)
    if pack_file is None or document is None:
        return None
    if registry.is_shipped(folder):
        _require_french(pack_file, pack_path, document, (), problems)
        for rule_id, override in pack_file.override.items():
            _require_french(override, pack_path, document, ("override", rule_id), problems)
    parent = _parent(pack_file, folder, chain, document, problems)
    if pack_file.extends is not None and parent is None:
        return None
    return _inherit(pack_file, folder, document, parent, local, broken, problems)


def _parent(
    pack_file: PackFile, folder: Path, chain: list[Path], document: Document, problems: _Problems
) -> _Assembled | None:
    """The assembled parent pack, or None (and a problem) when it cannot be had."""
    pack_path = folder / PACK_FILE
    name = pack_file.extends
    if name is None:
        return None
    here = folder.resolve()
    if registry.is_path(name):
        if registry.is_shipped(folder):
            problems.add(
                pack_path, document, ("extends",), Message("pack.shipped-extends-folder", {"parent": name})
            )
            return None
        parent_folder = folder / name
        if not (parent_folder / PACK_FILE).is_file():
            problems.add(
                pack_path, document, ("extends",),
                Message("pack.parent-folder-missing", {"parent": name, "folder": str(parent_folder)}),
            )  # fmt: skip
            return None
    else:
        parent_folder = registry.packs_folder() / name
        if name == COMMON or not (parent_folder / PACK_FILE).is_file():
            close = difflib.get_close_matches(name, registry.shipped_ids(), n=1, cutoff=0.6)
            problems.add(
                pack_path, document, ("extends",), Message("pack.unknown-parent", {"parent": name}),
                Message("hint.did-you-mean", {"suggestion": close[0]}) if close else None,
            )  # fmt: skip
            return None
    resolved = parent_folder.resolve()
    if resolved in (*chain, here):
        names = " → ".join([*(str(p.name) for p in (*chain, here)), resolved.name])
        problems.add(pack_path, document, ("extends",), Message("pack.cycle", {"chain": names}))
        return None
    return _assemble(parent_folder, [*chain, here], problems)


def _local_rules(folder: Path, origin: str, problems: _Problems) -> tuple[dict[str, _Draft], set[str]]:
    """The rule files in `folder`, each read and checked against its schema; and the ids of those
    that are broken (their problems are noted; nothing more is said about them)."""
    try:
        names = sorted(entry.name for entry in folder.iterdir() if RULE_FILE.match(entry.name))
    except OSError:
        return {}, set()
    drafts: dict[str, _Draft] = {}
    broken: set[str] = set()
    for name in names:
        draft = _rule_draft(folder / name, origin, problems)
        if draft is not None:
            drafts[draft.spec["id"]] = draft
        else:
            broken.add(name.removesuffix(".yaml"))
    return drafts, broken


def _rule_draft(path: Path, origin: str, problems: _Problems) -> _Draft | None:
    document = _read(path, problems)
    spec = _parse(RuleFile, document, path, problems) if document is not None else None
    if spec is None or document is None:
        return None
    if spec.id != path.stem:
        problems.add(path, document, ("id",), Message("pack.id-mismatch", {"id": spec.id, "file": path.stem}))
        return None
    if registry.is_shipped(path.parent) or origin == COMMON:
        _require_french(spec, path, document, (), problems)
    raw = document.data
    return _Draft(
        spec={
            "id": spec.id, "title": as_text(spec.title), "severity": spec.severity, "weight": spec.weight,
            "rationale": as_text(spec.rationale), "remediation": as_text(spec.remediation),
            "source": as_text(spec.source),
            "reading": None if spec.reading is None else as_text(spec.reading),
        },
        check=dict(raw["check"]),
        file=path,
        origin=origin,
        options_at={key: _Where(path, document, ("check", key)) for key in raw["check"]},
        weight_at=_Where(path, document, ("weight",)),
        check_at=_Where(path, document, ("check",)),
        examples_file=path,
    )  # fmt: skip


def _require_french(
    written: RuleFile | PackFile | OverrideFile,
    path: Path,
    document: Document,
    at: PathKey,
    problems: _Problems,
) -> None:
    """A problem for each text of a shipped pack's file that is given in English only."""
    for name in TEXT_FIELDS:
        value = getattr(written, name, None)
        if isinstance(value, str) or (isinstance(value, TextFile) and value.fr is None):
            problems.add(path, document, (*at, name), Message("pack.no-french", {"field": name}))


def _inherit(
    pack_file: PackFile,
    folder: Path,
    document: Document,
    parent: _Assembled | None,
    local: dict[str, _Draft],
    broken: set[str],
    problems: _Problems,
) -> _Assembled | None:
    pack_path = folder / PACK_FILE

    def problem(loc: PathKey, message_id: str, **args: object) -> None:
        problems.add(pack_path, document, loc, Message(message_id, args))

    if parent is None:
        for key in ("thresholds", "rules"):
            if getattr(pack_file, key) is None and (pack_path, key) not in problems.keys:
                problem((), "pack.required", key=key)
        for key in ("remove", "replace"):
            if getattr(pack_file, key):
                problem((key,), "pack.needs-extends", key=key)
    parent_id = parent.file.id if parent else ""
    rules: dict[str, _Draft] = {
        rule_id: draft.copy() for rule_id, draft in (parent.rules if parent else {}).items()
    }
    inherited = list(parent.order) if parent else []
    for index, rule_id in enumerate(pack_file.remove if parent else []):
        if rule_id not in rules:
            problem(("remove", index), "pack.not-in-parent", rule=rule_id, parent=parent_id)
        else:
            del rules[rule_id]
            inherited.remove(rule_id)
    for index, rule_id in enumerate(pack_file.replace if parent else []):
        if parent is not None and rule_id not in parent.rules:
            problem(("replace", index), "pack.not-in-parent", rule=rule_id, parent=parent_id)
        elif rule_id not in local and rule_id not in pack_file.include:
            problem(("replace", index), "pack.replace-without-file", rule=rule_id)
    added: list[str] = []
    for rule_id, draft in local.items():
        if parent is not None and rule_id in parent.rules and rule_id not in pack_file.replace:
            problems.add(
                draft.file, None, (), Message("pack.collision", {"rule": rule_id, "parent": parent_id})
            )
            continue
        if rule_id not in rules:
            added.append(rule_id)
        rules[rule_id] = draft
    common = registry.common_folder()
    for index, rule_id in enumerate(pack_file.include):
        path = common / f"{rule_id}.yaml"
        if rule_id in local:
            problem(("include", index), "pack.include-and-file", rule=rule_id)
            continue
        if parent is not None and rule_id in parent.rules and rule_id not in pack_file.replace:
            problem(("include", index), "pack.collision-include", rule=rule_id, parent=parent_id)
            continue
        if not path.is_file():
            problem(("include", index), "pack.include-missing", rule=rule_id)
            continue
        shared = _rule_draft(path, COMMON, problems)
        if shared is not None:
            if rule_id not in rules:
                added.append(rule_id)
            rules[rule_id] = shared
    for rule_id, override in pack_file.override.items():
        if rule_id in broken:
            continue
        if rule_id not in rules:
            problem(("override", rule_id), "pack.no-such-rule", rule=rule_id, pack=pack_file.id)
            continue
        _apply(
            rules[rule_id],
            override,
            pack_file.id,
            _Where(pack_path, document, ("override", rule_id)),
            parent.parameters if parent else {},
            problems,
        )
    parameters = {**(parent.parameters if parent else {}), **pack_file.parameters}
    if parent is not None:
        _note_parameter_changes(rules, parent.parameters, parameters, pack_file.id)
    if pack_file.rules is not None:
        order = list(pack_file.rules)
        for index, rule_id in enumerate(order):
            if rule_id not in rules and rule_id not in broken:
                problem(
                    ("rules", index),
                    "pack.listed-missing",
                    rule=rule_id,
                    file=str(folder / f"{rule_id}.yaml"),
                )
        for rule_id in rules:
            if rule_id not in order:
                problem(("rules",), "pack.not-listed", rule=rule_id)
    else:
        order = [*inherited, *sorted(added)]
    thresholds = pack_file.thresholds or (parent.thresholds if parent else None)
    if thresholds is None:
        return None
    parameters_at = {
        **(parent.parameters_at if parent else {}),
        **{name: _Where(pack_path, document, ("parameters", name)) for name in pack_file.parameters},
    }
    return _Assembled(
        pack_file, pack_path, document, rules, [r for r in order if r in rules], parameters, thresholds,
        [*(parent.folders if parent else []), folder, *([common] if pack_file.include else [])],
        parameters_at,
    )  # fmt: skip


def _apply(
    draft: _Draft,
    override: OverrideFile,
    pack_id: str,
    at: _Where,
    inherited: dict[str, Any],
    problems: _Problems,
) -> None:
    """`override` applied to `draft`, each change noted (a parameter shown with the parent's value)."""
    for name in ("title", "severity", "weight", "rationale", "remediation", "source", "reading"):
        value = getattr(override, name)
        if name in TEXT_FIELDS and value is not None:
            value = as_text(value)
        if value is None or value == draft.spec[name]:
            continue
        draft.changes.append(Change(pack_id, name, _shown(draft.spec[name]), _shown(value)))
        draft.spec[name] = value
        if name in ("weight", "severity"):
            draft.weight_at = _Where(at.path, at.document, (*at.loc, name))
    if override.check is not None:
        kind = override.check.get("kind", draft.check.get("kind"))
        if kind != draft.check.get("kind"):
            problems.add(
                at.path, at.document, (*at.loc, "check", "kind"),
                Message("pack.kind-changed", {"before": draft.check.get("kind"), "after": kind}),
            )  # fmt: skip
            return
        for key, value in override.check.items():
            if key == "kind" or draft.check.get(key) == value:
                continue
            before = _shown(_substitute(draft.check[key], inherited)) if key in draft.check else "-"
            draft.changes.append(Change(pack_id, f"check.{key}", before, _shown(value)))
            draft.check[key] = value
            draft.options_at[key] = _Where(at.path, at.document, (*at.loc, "check", key))
    if override.examples is not None:
        draft.changes.append(Change(pack_id, "examples", draft.origin, pack_id))
        draft.examples_file = at.path
        draft.examples_at = tuple(str(part) for part in (*at.loc, "examples"))


def _note_parameter_changes(
    rules: dict[str, _Draft], before: dict[str, Any], after: dict[str, Any], pack_id: str
) -> None:
    """A child's parameter reaches the rules that name it: say so in those rules' changes."""
    for draft in rules.values():
        for key, value in draft.check.items():
            name = _parameter_name(value)
            if name is not None and name in before and before[name] != after.get(name):
                draft.changes.append(
                    Change(pack_id, f"check.{key}", _shown(before[name]), _shown(after[name]))
                )


def _parameter_name(value: object) -> str | None:
    if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        return value[2:-1]
    return None


def _shown(value: object) -> str:
    if isinstance(value, Text):
        return value.en
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _finish(assembled: _Assembled, folder: Path, problems: _Problems) -> Pack | None:
    """The assembled pack with parameters filled in, options typed and weights checked."""
    rules = [
        _rule(assembled.rules[rule_id], assembled.parameters, assembled.parameters_at, problems)
        for rule_id in assembled.order
    ]
    carrying = [r for r in rules if r is not None and r.severity not in NO_POINTS]
    if not problems.found and not any(rule.weight > 0 for rule in carrying):
        problems.add(assembled.path, assembled.document, ("id",), Message("pack.no-points"))
    if not math.isfinite(math.fsum(rule.weight for rule in carrying)):  # past the cap; checked even so
        total = {"field": "weight", "problem": "the pack's weights add up to more than a number can hold"}
        problems.add(assembled.path, assembled.document, ("id",), Message("pack.bad-value", total))
    if any(r is None for r in rules):
        return None
    pack_file = assembled.file
    return Pack(
        id=pack_file.id,
        version=pack_file.version,
        title=as_text(pack_file.title),
        source=as_text(pack_file.source),
        thresholds=Thresholds(assembled.thresholds.ready, assembled.thresholds.nearly_ready),
        parameters=dict(assembled.parameters),
        rules=tuple(r for r in rules if r is not None),
        folder=folder,
        extends=pack_file.extends,
        years=pack_file.years,
    )


def _rule(
    draft: _Draft, parameters: dict[str, Any], parameters_at: dict[str, _Where], problems: _Problems
) -> Rule | None:
    spec = draft.spec
    severity: Severity = spec["severity"]
    ok = True
    if severity in NO_POINTS and spec["weight"]:
        points = draft.weight_at
        problems.add(points.path, points.document, points.loc,
                     Message("pack.weight-no-points", {"severity": severity.value}))  # fmt: skip
        ok = False
    options: dict[str, Any] = {}
    unfilled = False
    for key, value in draft.check.items():
        filled = _substitute(value, parameters)
        if isinstance(filled, _Unknown):
            written = draft.options_at.get(key, draft.check_at)
            problems.add(written.path, written.document, written.loc,
                         Message("pack.unknown-parameter", {"name": filled.name}))  # fmt: skip
            unfilled = True
        options[key] = filled
    kind = options.pop("kind", None)
    if unfilled:
        return None  # the options cannot be typed without their values
    if kind is None or kind not in checks.KINDS:
        named = draft.options_at.get("kind", draft.check_at)
        message_id = "pack.no-kind" if kind is None else "pack.unknown-kind"
        problems.add(named.path, named.document, named.loc,
                     Message(message_id, {"kind": kind, "kinds": ", ".join(checks.KINDS)}))  # fmt: skip
        return None
    module = checks.load_kind(str(kind))
    params_model: type[checks.Params] = getattr(module, "PARAMS", checks.Params)
    try:
        params = read_options(params_model, options)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            at = draft.options_at.get(str(loc[0]) if loc else "kind", draft.check_at)
            where = (*at.loc[:-1], *loc) if at.loc and at.loc[-1] == loc[0] else at.loc
            said = said_by_pydantic(detail["msg"])
            parameter = _parameter_name(draft.check.get(str(loc[0]))) if loc else None
            if parameter is not None and parameter in parameters_at:  # wrong where the pack gave it
                at = parameters_at[parameter]
                where = (*at.loc, *loc[1:])
            problems.add(
                at.path, at.document, where,
                Message("pack.bad-option", {"option": dotted(loc), "problem": said}),
            )  # fmt: skip
        return None
    if not ok:
        return None
    return Rule(
        spec["id"], spec["title"], severity, float(spec["weight"]), str(kind), module, params,
        spec["rationale"], spec["remediation"], spec["source"], spec["reading"], draft.file,
        origin=draft.origin, changes=tuple(draft.changes), examples_file=draft.examples_file,
        examples_at=draft.examples_at,
    )  # fmt: skip


@frozen
class _Unknown:
    name: str


def _substitute(value: object, parameters: dict[str, Any]) -> object:
    """`${name}` in a rule's check options (or in a list there) stands for the pack parameter `name`."""
    if isinstance(value, list):
        items = [_substitute(item, parameters) for item in value]
        return next((item for item in items if isinstance(item, _Unknown)), items)
    name = _parameter_name(value)
    if name is not None:
        return parameters[name] if name in parameters else _Unknown(name)
    return value


def _read(path: Path, problems: _Problems) -> Document | None:
    if not os.path.lexists(path):
        problems.add(path, None, (), Message("pack.missing-file", {"path": str(path)}))
        return None
    try:  # the loader's own word for what is there but cannot be read: a pipe, a device, a link out
        document = read_proposal(path)
    except LipcheckError as error:
        problems.found.append(PackProblem(path, Location(1, 1), error.message))
        return None
    if document.findings:
        for finding in document.findings:
            where = finding.location or Location(1, 1)
            problems.found.append(PackProblem(path, where, finding.message, finding.hint))
        return None
    return document


def _parse_pack(document: Document, path: Path, problems: _Problems) -> PackFile | None:
    """The pack file; where only optional keys are broken, the rest of it, so that the checks that
    need the whole pack still run and every problem is reported at once (the problems stay)."""
    pack_file = _parse(PackFile, document, path, problems)
    if pack_file is not None or not isinstance(document.data, dict):
        return pack_file
    try:
        PackFile.model_validate(document.data)
    except ValidationError as error:
        broken = {detail["loc"][0] for detail in error.errors(include_url=False) if detail["loc"]}
    required = {name for name, info in PackFile.model_fields.items() if info.is_required()}
    if broken & required or not broken:
        return None
    rest = {key: value for key, value in document.data.items() if key not in broken}
    if "thresholds" in broken and "extends" not in rest:
        rest["thresholds"] = {"ready": 100, "nearly-ready": 0}  # to go on checking; the problem stays
    return _parse(PackFile, Document(rest, document.positions), path, _Problems())


def _parse(model: type[_M], document: Document, path: Path, problems: _Problems) -> _M | None:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        # A misspelt key also leaves a required one missing: name the misspelling, it is the cause.
        extra = {tuple(d["loc"][:-1]) for d in details if d["type"] == "extra_forbidden"}
        for detail in details:
            loc = tuple(detail["loc"])
            if detail["type"] == "missing" and loc[:-1] in extra:
                continue
            if detail["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(loc[-1]), _keys_at(model, loc[:-1]), n=1, cutoff=0.6)
                hint = Message("hint.did-you-mean", {"suggestion": close[0]}) if close else None
                problems.add(path, document, loc, Message("pack.unknown-key", {"key": loc[-1]}), hint)
            else:
                problem = Message(
                    "pack.bad-value", {"field": dotted(loc), "problem": said_by_pydantic(detail["msg"])}
                )
                scalar = not isinstance(_at(document.data, loc), (dict, list))
                problems.add(path, document, loc, problem, Message("hint.pack-format"), value=scalar)
        return None


def _at(data: object, loc: tuple[object, ...]) -> object:
    """The value at `loc` in `data`, or None."""
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _keys_at(model: type[BaseModel], loc: tuple[object, ...]) -> list[str]:
    """The keys the schema knows at `loc`, for did-you-mean."""
    nested: dict[tuple[object, ...], type[BaseModel]] = {(): model}
    if model is PackFile:
        nested[("thresholds",)] = ThresholdsFile
        if len(loc) == 2 and loc[0] == "override":
            nested[loc] = OverrideFile
    chosen = nested.get(loc)
    if chosen is None:
        return []
    return [info.alias or name for name, info in chosen.model_fields.items()]
