"""Loaded data -> a Proposal, or every schema error at once as findings with locations and hints."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lipcheck.findings import Finding, Location, Message
from lipcheck.loader import MOST_FINDINGS, Document, PathKey, listed
from lipcheck.messages import has
from lipcheck.model import Proposal

_M = TypeVar("_M", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'")
_TYPE_NAMES = {
    bool: "true/false", int: "a number", float: "a number", str: "text", dict: "a section",
    list: "a list", type(None): "nothing",
}  # fmt: skip
# Errors pydantic reports under a field whose position is the key, not the value.
_AT_KEY = frozenset({"extra_forbidden"})


def validate(document: Document, today: dt.date | None = None) -> tuple[Proposal | None, tuple[Finding, ...]]:
    """The proposal in `document` checked against the format; findings are sorted by position.

    `today` is the date the checks judge by (`--today`): a founding year after it is in the future.
    """
    return validate_as(Proposal, document, today)


def validate_as(
    model: type[_M], document: Document, today: dt.date | None = None
) -> tuple[_M | None, tuple[Finding, ...]]:
    """`document` checked against `model` (the proposal, or `.lipcheck.yaml`), findings as for a proposal."""
    if not isinstance(document.data, dict):
        where = document.positions.value(())
        found = _TYPE_NAMES.get(type(document.data), "value")
        finding = Finding(
            "not-a-mapping",
            Message("not-a-mapping", {"found": found}),
            where,
            Message("hint.not-a-mapping"),
        )
        return None, (finding,)
    try:
        return model.model_validate(document.data, context={"today": today}), ()
    except ValidationError as error:
        first: dict[PathKey, ErrorDetails] = {}
        for detail in error.errors(include_url=False):
            # A union reports each alternative it tried; the user needs one message per place.
            first.setdefault(_clean(detail["loc"], document.data), detail)
        # Only the findings listed are worded (a did-you-mean costs a fuzzy match): a generated
        # file with 30,000 bad codes took 20 s to report, and no one reads past the first few.
        places = sorted(first.items(), key=lambda place: _position(_location(place[1], place[0], document)))
        findings = [_finding(detail, path, document, model) for path, detail in places[:MOST_FINDINGS]]
        return None, listed(findings, len(places) - len(findings))


def _position(where: Location) -> tuple[int, int]:
    return (where.line, where.column)


def _location(detail: ErrorDetails, path: PathKey, document: Document) -> Location:
    return document.positions.key(path) if detail["type"] in _AT_KEY else document.positions.value(path)


def _clean(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """`loc` as a path into `data`, without the names pydantic gives union alternatives.

    A union reports `("value", "int")` and `("value", "float")` for one bad value, and
    `("sector", "list[...]", 0)` for an item of the list alternative: following the data
    tells the user's keys and indexes from those names.
    """
    path: list[int | str] = []
    current: Any = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str):
            if part in current:
                current = current[part]
            elif "[" not in part:
                current = None  # a missing or unknown key: the path ends here
            else:
                continue
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
    return tuple(path)


def dotted(path: PathKey) -> str:
    """`("council", "members", 2, "sectors")` as the user reads it: `council.members[2].sectors`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def _finding(detail: ErrorDetails, path: PathKey, document: Document, model: type[BaseModel]) -> Finding:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    args: dict[str, object] = {
        "field": dotted(path),
        "key": path[-1] if path else "",
        "parent": Message("schema.parent", {"path": dotted(path[:-1])})
        if len(path) > 1
        else Message("schema.top-level"),
        "value": _shown(value),
        "found": _TYPE_NAMES.get(type(value), "value"),
        "detail": detail["msg"],
        **{name: ctx[name] for name in ("min_length", "ge", "year") if name in ctx},
    }
    hint: Message | None = None
    if kind == "extra_forbidden":
        allowed = sorted(_allowed_keys(path[:-1], model))
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = (
            Message("hint.did-you-mean", {"suggestion": close[0]})
            if close
            else Message("hint.allowed-keys", {"allowed": ", ".join(allowed)})
        )
    elif kind == "literal_error":
        choices = _QUOTED.findall(str(ctx.get("expected", "")))
        folded = {choice.casefold(): choice for choice in choices}
        close = [folded[str(value).casefold()]] if str(value).casefold() in folded else []
        close = close or difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        args["allowed"] = ", ".join(choices)
        if path == ("lipcheck",):
            hint = Message("hint.format-version")
        elif close:
            hint = Message("hint.did-you-mean", {"suggestion": close[0]})
        else:
            hint = Message("hint.allowed-values", {"allowed": ", ".join(choices)})
    elif kind in ("string_type", "int_type", "float_type", "bool_type") and isinstance(
        value, (int, float, bool)
    ):
        hint = Message("hint.quote-text") if kind == "string_type" else None
    elif kind in ("iso_date", "impossible_date"):
        hint = Message("hint.iso-date")
    elif kind == "applicant_list":
        hint = Message("hint.applicant-list")
    elif kind in ("path_control_character", "path_too_long"):
        hint = Message("hint.evidence-path")
    elif kind == "missing" and path and path[-1] == "lipcheck":
        hint = Message("hint.format-version")
    retyped = _yaml11_reading(value) if kind != "extra_forbidden" else None
    if retyped is not None:
        # The value is one that older YAML tools silently turn into something else: say so,
        # since that is why what the user wrote and what they meant part ways.
        listed_values = args.get("allowed")
        hint = Message(
            f"{retyped}-choice" if listed_values else retyped, {"value": value, "allowed": listed_values}
        )
    if hint is None and has(f"hint.schema.{kind}"):
        hint = Message(f"hint.schema.{kind}", args)
    message_id = f"schema.{kind}"
    if not has(message_id):
        message_id = "schema.other"
    location = _location(detail, path, document)
    return Finding(f"schema-{kind.replace('_', '-')}", Message(message_id, args), location, hint)


_YAML11_BOOLS = frozenset(
    word for base in ("yes", "no", "on", "off", "y", "n") for word in (base, base.upper(), base.title())
)
_INFINITIES = (".inf", ".Inf", ".INF")
_YAML11_SPECIAL_FLOATS = frozenset(
    (*_INFINITIES, *(sign + word for sign in "+-" for word in _INFINITIES), ".nan", ".NaN", ".NAN")
)
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+\Z")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")


def _yaml11_reading(value: Any) -> str | None:
    """The hint for text that YAML 1.1 tools would have read as a boolean or a number, if it is."""
    if not isinstance(value, str):
        return None
    if value in _YAML11_BOOLS:
        return "hint.yaml11-bool"
    if value in _YAML11_SPECIAL_FLOATS:
        return "hint.yaml11-special-float"
    if _LEADING_ZERO.match(value):
        return "hint.yaml11-octal"
    if _SEXAGESIMAL.match(value):
        return "hint.yaml11-sexagesimal"
    return None


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(path: PathKey, top: type[BaseModel]) -> set[str]:
    """The keys the schema accepts in the section at `path` (as written: aliases where there are)."""
    model: type[BaseModel] | None = top
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        model = _model_in(field.annotation) if field else None
    return {info.alias or name for name, info in model.model_fields.items()} if model else set()


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The section model inside `annotation` (through Optional, list and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
