"""Rule packs: find a pack folder, read its pack file and one file per rule, refuse anything unknown."""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lipcheck import checks, pack_cache
from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, Severity, Status
from lipcheck.loader import Document, PathKey, read_proposal
from lipcheck.messages import render
from lipcheck.validation import dotted

PACK_FILE = "pack.yaml"
_M = TypeVar("_M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Thresholds(_Strict):
    ready: float = Field(ge=0, le=100)
    nearly_ready: float = Field(alias="nearly-ready", ge=0, le=100)


class PackFile(_Strict):
    """The pack file: what call the pack encodes and how scores become verdicts."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: str
    source: str
    thresholds: Thresholds
    parameters: dict[str, int | float | str] = {}
    rules: list[str] = Field(min_length=1, description="Rule ids, in report order.")

    @field_validator("rules")
    @classmethod
    def _each_rule_once(cls, rules: list[str]) -> list[str]:
        twice = sorted({rule for rule in rules if rules.count(rule) > 1})
        if twice:
            raise ValueError(f"listed more than once: {', '.join(twice)}")
        return rules


class Example(_Strict):
    """A proposal fragment and what the rule must conclude about it."""

    name: str
    proposal: dict[str, Any]
    status: Status
    credit: float | None = Field(default=None, ge=0, le=1)


class Examples(_Strict):
    passing: list[Example] = Field(alias="pass", min_length=1)
    failing: list[Example] = Field(alias="fail", min_length=1)


class RuleFile(_Strict):
    """One rule: its public id, how much it matters, how it is checked, and how to meet it."""

    id: str = Field(pattern=r"^[A-Z]+[0-9]{3}$")
    title: str
    severity: Severity
    weight: float = Field(ge=0)
    check: dict[str, Any]
    rationale: str
    remediation: str
    source: str
    reading: str | None = Field(default=None, description="lipcheck's own interpretation, if any.")
    examples: Examples


@dataclass(frozen=True)
class Rule:
    """A rule ready to run: its file's content with the check kind resolved and its options typed."""

    id: str
    title: str
    severity: Severity
    weight: float
    kind: str
    module: ModuleType
    params: checks.Params
    rationale: str
    remediation: str
    source: str
    reading: str | None
    file: Path
    """The rule file, read again for `examples` (which a compiled pack does not keep)."""

    @functools.cached_property
    def examples(self) -> Examples:
        return _parse(RuleFile, _read(self.file), self.file).examples


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    title: str
    source: str
    thresholds: Thresholds
    parameters: Mapping[str, object]
    rules: tuple[Rule, ...]
    folder: Path

    def rule(self, rule_id: str) -> Rule | None:
        wanted = rule_id.upper()
        return next((rule for rule in self.rules if rule.id == wanted), None)


def packs_folder() -> Path:
    """Where the shipped packs live: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def available_packs() -> list[str]:
    folder = packs_folder()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / PACK_FILE).is_file())


def load_pack(name: str, shipped_only: bool = False) -> Pack:
    """The pack called `name` (a shipped pack's id) or at `name` (a folder holding pack.yaml).

    `shipped_only` is for names a proposal gives (`call:`): a file under review must not be able
    to point lipcheck at a folder of its choosing.
    """
    given = Path(name)
    is_folder = not shipped_only and (os.sep in name or given.is_dir())
    folder = given if is_folder else packs_folder() / name
    if not (folder / PACK_FILE).is_file():
        raise LipcheckError(
            Message("pack.not-found", {"pack": name}),
            Message("hint.packs", {"packs": ", ".join(available_packs()) or "none"}),
        )
    try:
        wanted = pack_cache.key(folder)
    except OSError:  # the folder went away or cannot be listed: read it the long way, uncached
        return _read_pack(folder)
    cached = pack_cache.read(wanted)
    compiled = _from_cache(cached, folder) if cached is not None else None
    if compiled is not None:
        return compiled
    pack = _read_pack(folder)
    pack_cache.write(wanted, _to_cache(pack))
    return pack


def _read_pack(folder: Path) -> Pack:
    """The pack in `folder`, read and validated from its files."""
    pack_path = folder / PACK_FILE
    pack_doc = _read(pack_path)
    pack_file = _parse(PackFile, pack_doc, pack_path)
    rules = tuple(
        _rule(folder / f"{rule_id}.yaml", rule_id, pack_file.parameters) for rule_id in pack_file.rules
    )
    return Pack(
        pack_file.id,
        pack_file.version,
        pack_file.title,
        pack_file.source,
        pack_file.thresholds,
        pack_file.parameters,
        rules,
        folder,
    )


def _to_cache(pack: Pack) -> dict[str, Any]:
    return {
        "id": pack.id,
        "version": pack.version,
        "title": pack.title,
        "source": pack.source,
        "thresholds": [pack.thresholds.ready, pack.thresholds.nearly_ready],
        "parameters": dict(pack.parameters),
        "rules": [
            {
                "id": rule.id,
                "title": rule.title,
                "severity": rule.severity.value,
                "weight": rule.weight,
                "kind": rule.kind,
                "options": rule.params.model_dump(mode="json"),
                "rationale": rule.rationale,
                "remediation": rule.remediation,
                "source": rule.source,
                "reading": rule.reading,
            }
            for rule in pack.rules
        ],
    }


def _from_cache(cached: dict[str, Any], folder: Path) -> Pack | None:
    """The pack from its compiled form, or None when that form is not what this lipcheck wrote.

    The options were validated when the pack was compiled, so they are set without validating
    again (which would build every check kind's schema on every run).
    """
    try:
        rules = []
        for rule in cached["rules"]:
            if rule["kind"] not in checks.KINDS:
                return None
            module = checks.load_kind(rule["kind"])
            params_model: type[checks.Params] = getattr(module, "PARAMS", checks.Params)
            options: dict[str, Any] = {name: _as_tuple(value) for name, value in rule["options"].items()}
            rules.append(
                Rule(
                    rule["id"],
                    rule["title"],
                    Severity(rule["severity"]),
                    float(rule["weight"]),
                    rule["kind"],
                    module,
                    params_model.model_construct(**options),
                    rule["rationale"],
                    rule["remediation"],
                    rule["source"],
                    rule["reading"],
                    folder / f"{rule['id']}.yaml",
                )
            )
        ready, nearly_ready = cached["thresholds"]
        return Pack(
            cached["id"], cached["version"], cached["title"], cached["source"],
            Thresholds.model_construct(ready=ready, nearly_ready=nearly_ready),
            cached["parameters"], tuple(rules), folder,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None


def _as_tuple(value: object) -> object:
    """Check options hold tuples, which JSON brings back as lists."""
    return tuple(value) if isinstance(value, list) else value


def _rule(path: Path, rule_id: str, parameters: Mapping[str, object]) -> Rule:
    document = _read(path)
    spec = _parse(RuleFile, document, path)
    if spec.id != rule_id:
        _broken(path, document, ("id",), Message("pack.id-mismatch", {"id": spec.id, "file": rule_id}))
    if spec.severity in (Severity.BLOCKER, Severity.WARNING, Severity.INFO) and spec.weight:
        _broken(
            path, document, ("weight",), Message("pack.weight-no-points", {"severity": spec.severity.value})
        )
    options = {key: _substitute(value, parameters, path, document, key) for key, value in spec.check.items()}
    kind = options.pop("kind", None)
    if kind is None:
        _broken(path, document, ("check",), Message("pack.no-kind", {"kinds": ", ".join(checks.KINDS)}))
    if kind not in checks.KINDS:
        _broken(
            path,
            document,
            ("check", "kind"),
            Message("pack.unknown-kind", {"kind": kind, "kinds": ", ".join(checks.KINDS)}),
        )
    module = checks.load_kind(str(kind))
    params_model: type[checks.Params] = getattr(module, "PARAMS", checks.Params)
    try:
        params = params_model.model_validate(options)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = ("check", *detail["loc"])
        _broken(
            path,
            document,
            where,
            Message("pack.bad-option", {"option": dotted(where[1:]), "problem": detail["msg"]}),
        )
    return Rule(
        spec.id,
        spec.title,
        spec.severity,
        spec.weight,
        str(kind),
        module,
        params,
        spec.rationale,
        spec.remediation,
        spec.source,
        spec.reading,
        path,
    )


def _substitute(
    value: object, parameters: Mapping[str, object], path: Path, document: Document, key: str
) -> object:
    """`${name}` in a rule's check options (or in a list there) stands for the pack parameter `name`."""
    if isinstance(value, list):
        return [_substitute(item, parameters, path, document, key) for item in value]
    if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        name = value[2:-1]
        if name not in parameters:
            _broken(path, document, ("check", key), Message("pack.unknown-parameter", {"name": name}))
        return parameters[name]
    return value


def _read(path: Path) -> Document:
    if not path.is_file():
        raise LipcheckError(Message("pack.missing-file", {"path": str(path)}))
    document = read_proposal(path)
    if document.findings:
        finding = document.findings[0]
        where = finding.location
        raise LipcheckError(
            Message(
                "pack.invalid",
                {
                    "path": str(path),
                    "line": where.line if where else 1,
                    "column": where.column if where else 1,
                    "problem": render(finding.message),
                },
            ),
            finding.hint,
        )
    return document


def _parse(model: type[_M], document: Document, path: Path) -> _M:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        # A misspelt key also leaves a required one missing: name the misspelling, it is the cause.
        details = sorted(error.errors(include_url=False), key=lambda d: d["type"] != "extra_forbidden")
        detail = details[0]
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden":
            known = _keys_of(model) if len(loc) == 1 else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            hint = Message("hint.did-you-mean", {"suggestion": close[0]}) if close else None
            problem = Message("pack.unknown-key", {"key": loc[-1]})
        else:
            hint = Message("hint.pack-format")
            problem = Message("pack.bad-value", {"field": dotted(loc), "problem": detail["msg"]})
        _broken(path, document, loc, problem, hint)


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def _broken(
    path: Path, document: Document, loc: PathKey, problem: Message, hint: Message | None = None
) -> NoReturn:
    where = document.positions.key(loc)
    raise LipcheckError(
        Message(
            "pack.invalid",
            {"path": str(path), "line": where.line, "column": where.column, "problem": render(problem)},
        ),
        hint or Message("hint.pack-format"),
    )
