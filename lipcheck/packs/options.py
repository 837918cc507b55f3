"""A rule's check options, validated by pydantic as its pack is compiled from the rule files.

Each check kind says its options as a frozen dataclass (`PARAMS`, lipcheck.checks); this module
builds, once per kind, the pydantic model that reads them from a pack: types coerced as pydantic
does, unknown options refused, bounds and field paths checked, each error at its option. Only
compiling a pack imports it, so a run from the pack cache never imports pydantic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from lipcheck.checks import Params, option_fields

_CONFIG = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


_MODELS: dict[type[Params], type[BaseModel]] = {}


def options_model(params: type[Params]) -> type[BaseModel]:
    """The pydantic model of a kind's options, built from its dataclass once per kind."""
    if params in _MODELS:
        return _MODELS[params]
    fields: dict[str, Any] = {}
    for each, annotation in option_fields(params):
        bounds = {name: each.metadata[name] for name in ("ge", "pattern") if name in each.metadata}
        typed = annotation
        if "check" in each.metadata:
            typed = Annotated[annotation, AfterValidator(each.metadata["check"])]
        default = ... if each.default is dataclasses.MISSING else each.default
        fields[each.name] = (typed, Field(default, **bounds))
    model = _MODELS[params] = create_model(params.__name__, __config__=_CONFIG, **fields)
    return model


def read_options(params: type[Params], options: Mapping[str, object]) -> Params:
    """The options as the kind's dataclass; pydantic's ValidationError names each wrong option."""
    validated = options_model(params).model_validate(dict(options))
    return params(**{each.name: getattr(validated, each.name) for each, _ in option_fields(params)})
