"""The pack and rule files as written: pydantic schemas, strict like the proposal's (cache misses only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, Severity, Status, Text

MAX_WEIGHT = 1_000_000
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT, strict=True, allow_inf_nan=False)]
"""Points: a number from 0 to 1,000,000; not `true`, not `'20'`, not `1e308`. Finite alone is not
enough: two rules of 1e308 points add up to infinity and a score to NaN. With the cap, no pack a
file can hold (at most 50,000 values) comes near a float's range."""
Percent = Annotated[float, Field(ge=0, le=100, strict=True, allow_inf_nan=False)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+[0-9]{3}$")]
Parameter = StrictBool | StrictInt | Number | StrictStr | list[StrictStr | StrictInt]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


class TextFile(_Strict):
    """A text written in both languages: `{en: ..., fr: ...}`."""

    en: StrictStr
    fr: StrictStr | None = None


PackText = StrictStr | TextFile
"""A pack's text: plain (English only) or `{en: ..., fr: ...}`; shipped packs give both."""


def as_text(value: PackText) -> Text:
    """The text as the packs carry it, the French set in French typography (see messages.fr)."""
    if isinstance(value, str):
        return Text(value)
    from lipcheck.messages.fr import typeset

    return Text(value.en, None if value.fr is None else typeset(" ".join(value.fr.split(" "))))


TEXT_FIELDS = ("title", "rationale", "remediation", "source", "reading")
"""The fields of a rule that are texts for people, and so need a French version in a shipped pack."""


class ThresholdsFile(_Strict):
    ready: Percent
    nearly_ready: Percent = Field(alias="nearly-ready")

    @model_validator(mode="after")
    def _ordered(self) -> ThresholdsFile:
        if self.nearly_ready > self.ready:
            raise ValueError("`nearly-ready` may not be above `ready`")
        return self


def _once(ids: list[str]) -> list[str]:
    twice = sorted({rule for rule in ids if ids.count(rule) > 1})
    if twice:
        raise ValueError(f"listed more than once: {', '.join(twice)}")
    return ids


class Example(_Strict):
    """A proposal fragment and what the rule must conclude about it."""

    name: str
    proposal: dict[str, Any]
    status: Status
    credit: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)


class Examples(_Strict):
    passing: list[Example] = Field(alias="pass", min_length=1)
    failing: list[Example] = Field(alias="fail", min_length=1)


class OverrideFile(_Strict):
    """What a pack changes in one of its rules; every key optional."""

    weight: Weight | None = None
    severity: Severity | None = None
    check: dict[str, Any] | None = None
    title: PackText | None = None
    rationale: PackText | None = None
    remediation: PackText | None = None
    source: PackText | None = None
    reading: PackText | None = None
    examples: Examples | None = None


class PackFile(_Strict):
    """The pack file: what call the pack encodes, what it inherits, and how scores become verdicts."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: PackText
    source: PackText
    years: tuple[StrictInt, StrictInt] | None = None
    extends: str | None = None
    thresholds: ThresholdsFile | None = None
    parameters: dict[str, Parameter] = {}
    remove: list[RuleId] = []
    replace: list[RuleId] = []
    include: list[RuleId] = []
    override: dict[RuleId, OverrideFile] = {}
    rules: list[RuleId] | None = Field(default=None, min_length=1, description="Rule ids, in report order.")

    @field_validator("rules", "remove", "replace", "include")
    @classmethod
    def _each_once(cls, ids: list[str] | None) -> list[str] | None:
        return _once(ids) if ids else ids

    @field_validator("years")
    @classmethod
    def _first_then_last(cls, years: tuple[int, int] | None) -> tuple[int, int] | None:
        if years is not None and years[0] > years[1]:
            raise ValueError("the first year comes before the last")
        return years


class RuleFile(_Strict):
    """One rule: its public id, how much it matters, how it is checked, and how to meet it."""

    id: str = Field(pattern=r"^[A-Z]+[0-9]{3}$")
    title: PackText
    severity: Severity
    weight: Weight
    check: dict[str, Any]
    rationale: PackText
    remediation: PackText
    source: PackText
    reading: PackText | None = Field(default=None, description="lipcheck's own interpretation, if any.")
    examples: Examples


def read_examples(path: Path, at: tuple[str, ...]) -> Examples:
    """The examples at `at` in the file `path` (a rule file, or a pack file overriding them)."""
    from lipcheck.loader import read_proposal

    document = read_proposal(path)
    data: Any = document.data
    for key in at:
        data = data.get(key) if isinstance(data, dict) else None
    if document.findings or data is None:
        raise LipcheckError(Message("pack.missing-file", {"path": str(path)}))
    return Examples.model_validate(data)
