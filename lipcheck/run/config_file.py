"""`.lipcheck.yaml`, version 1, as pydantic models: the one definition of the config's format.

Only lipcheck.schema_compiler reads these models: a run validates a config with their schema
compiled ahead of time (lipcheck.compiled_schemas), and gets its records.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lipcheck.findings import Severity
from lipcheck.model import IsoDate, RuleId, Text
from lipcheck.run.config import VERSION_KEY

Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Glob = Annotated[str, Field(min_length=1)]
Level = Annotated[Severity, Field(strict=False)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class GateFile(_Section):
    """When a proposal falls short (exit 1); `--fail-under` and `--fail-on` win."""

    fail_under: Percent | None = Field(default=None, alias="fail-under")
    fail_on: Level | None = Field(default=None, alias="fail-on")


class RuleTuning(_Section):
    """A repository's change to one rule of the pack: its severity, weight or check options."""

    severity: Level | None = None
    weight: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    check: dict[str, Any] | None = None


class ConfigWaiverFile(_Section):
    """A waiver in the config: a proposal's waiver, for the files its `files` globs name (all without)."""

    rule: RuleId
    reason: Text
    owner: Text
    expires: IsoDate
    files: list[Glob] = Field(default=[], description="Globs relative to the config; none: every proposal.")


class ConfigFile(_Section):
    """`.lipcheck.yaml`, version 1."""

    lipcheck_config: Literal[1] = Field(alias=VERSION_KEY)
    default_call: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = Field(
        default=None, alias="default-call"
    )
    pack: Text | None = None
    proposals: list[Glob] = []
    exclude: list[Glob] = []
    gate: GateFile | None = None
    """Without it, the gate is the flags' or the default: ready, and no rule named by `fail-on`."""
    lang: Text | None = None
    rules: dict[RuleId, Literal["off"] | RuleTuning] = {}
    waivers: list[ConfigWaiverFile] = []
