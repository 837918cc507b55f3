"""Loaded data -> a Proposal, or every schema error at once as findings with locations and hints."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from typing import TYPE_CHECKING, Any

from lipcheck.compiled_schemas import (
    CONFIG_SCHEMA,
    CONFIG_SECTIONS,
    PROPOSAL_SCHEMA,
    PROPOSAL_SECTIONS,
    Proposal,
)
from lipcheck.core_validator import SchemaValidator, ValidationError
from lipcheck.findings import Finding, Location, Message
from lipcheck.loader import MOST_FINDINGS, Document, PathKey, listed
from lipcheck.messages import has
from lipcheck.placeholders import filled_in
from lipcheck.records import Sections
from lipcheck.synonyms import synonyms

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails
_QUOTED = re.compile(r"'([^']*)'")
_DIGITS = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_AMOUNT = re.compile(r"[$]?\s*[0-9][0-9 ,.\u00a0\u202f]*\s*[$]?\Z")
_TYPE_NAMES = {
    bool: Message("type.bool"), int: Message("type.number"), float: Message("type.number"),
    str: Message("type.text"), dict: Message("type.section"), list: Message("type.list"),
    type(None): Message("type.nothing"),
}  # fmt: skip
"""What a value is, as a sentence says it ("should be text, not a list"), in the reader's language."""
_SOME_VALUE = Message("type.value")
# Errors pydantic reports under a field whose position is the key, not the value.
_AT_KEY = frozenset({"extra_forbidden"})


class Format:
    """A file format lipcheck validates: its compiled schema, and the keys each of its sections takes."""

    def __init__(self, schema: dict[str, Any], sections: Sections):
        self._schema = schema
        self.sections = sections
        self.root = next(iter(sections))  # the compiler writes the top section first

    @functools.cached_property
    def validator(self) -> SchemaValidator:
        """Built on first use (a run without a config never builds the config's)."""
        return SchemaValidator(self._schema)

    def allowed_keys(self, path: PathKey) -> set[str]:
        """The keys the section at `path` accepts, as written (aliases where there are)."""
        section: str | None = self.root
        for part in path:
            if isinstance(part, int) or section is None:
                continue
            section = next((inner for key, _, inner, _ in self.sections[section] if key == part), None)
        return {key for key, *_ in self.sections[section]} if section else set()


PROPOSAL_FORMAT = Format(PROPOSAL_SCHEMA, PROPOSAL_SECTIONS)
CONFIG_FORMAT = Format(CONFIG_SCHEMA, CONFIG_SECTIONS)


def validate(
    document: Document, today: dt.date | None = None, placeholders: tuple[PathKey, ...] | None = None
) -> tuple[Proposal | None, tuple[Finding, ...]]:
    """The proposal in `document` checked against the format; findings are sorted by position.

    `today` is the date the checks judge by (`--today`): a founding year after it is in the future.
    Placeholders (`TODO`, `TBD`, `À compléter`, `...`, blank) are read as fields left out: see
    lipcheck.placeholders, the one place that says what *filled in* means. A caller that has
    already taken them out of `document` (lipcheck.placeholders.filled_in) passes where they
    were as `placeholders`; without it, they are taken out here.
    """
    if placeholders is None:
        document, left = filled_in(document)
        placeholders = tuple(spot.path for spot in left)
    return validate_as(PROPOSAL_FORMAT, document, today, unfilled=frozenset(placeholders))


def validate_as(
    model: Format,
    document: Document,
    today: dt.date | None = None,
    top: str = "schema.top-level",
    unfilled: frozenset[PathKey] = frozenset(),
) -> tuple[Any, tuple[Finding, ...]]:
    """`document` checked against `model` (the proposal, or `.lipcheck.yaml`), findings as for a proposal.

    `top` is the message id that names the file's top level (`in the proposal`); `unfilled` are
    the places that held a placeholder.
    """
    if not isinstance(document.data, dict):
        where = document.positions.value(())
        found = _TYPE_NAMES.get(type(document.data), _SOME_VALUE)
        finding = Finding(
            "not-a-mapping",
            Message("not-a-mapping", {"found": found}),
            where,
            Message("hint.not-a-mapping"),
        )
        return None, (finding,)
    data = document.data
    for _ in range(4 if unfilled else 0):
        try:
            return model.validator.validate_python(data, context={"today": today}), ()
        except ValidationError as error:
            # A section whose required key is still a placeholder is a section not filled in:
            # read it as absent, as its other keys cannot stand without it.
            sections = {
                tuple(detail["loc"][:-1])
                for detail in error.errors(include_url=False)
                if detail["type"] == "missing" and tuple(detail["loc"]) in unfilled
            }
            # An entry of a list whose required key is a placeholder is an entry not written yet.
            sections = {path for path in sections if path}
            if not sections:
                break
            data = _without_sections(data, sections)
    try:
        return model.validator.validate_python(data, context={"today": today}), ()
    except ValidationError as error:
        first: dict[PathKey, ErrorDetails] = {}
        for detail in error.errors(include_url=False):
            # A union reports each alternative it tried; the user needs one message per place.
            first.setdefault(_clean(detail["loc"], document.data), detail)
        _one_finding_a_mistake(first, document.data, model)
        # Only the findings listed are worded (a did-you-mean costs a fuzzy match): a generated
        # file with 30,000 bad codes took 20 s to report, and no one reads past the first few.
        places = sorted(first.items(), key=lambda place: _position(_location(place[1], place[0], document)))
        findings = [_finding(detail, path, document, model, top) for path, detail in places[:MOST_FINDINGS]]
        return None, listed(findings, len(places) - len(findings))


def _without_sections(data: Any, sections: set[PathKey]) -> Any:
    """`data` without the sections at `sections` (each a path ending in a key or a list index)."""
    if isinstance(data, dict):
        return {
            key: _without_sections(value, {path[1:] for path in sections if path[0] == key})
            for key, value in data.items()
            if (key,) not in sections
        }
    if isinstance(data, list):
        return [
            _without_sections(value, {path[1:] for path in sections if path[0] == index})
            for index, value in enumerate(data)
            if (index,) not in sections
        ]
    return data


def _one_finding_a_mistake(first: dict[PathKey, ErrorDetails], data: Any, model: Format) -> None:
    """Drop the errors that repeat another one in other words (in place).

    `sector: [a, Bad]` fails both alternatives of `Sector | list[Sector]`: the error on the whole
    list says nothing the error on `Bad` does not. `organisation:` is an unknown key *and* a missing
    `organization`: the did-you-mean on the unknown key is the one finding the user needs.
    """
    for path, detail in list(first.items()):
        if (
            detail["type"] == "literal_error"
            and isinstance(detail.get("input"), list)
            and any(other[: len(path)] == path and len(other) > len(path) for other in first)
        ):
            del first[path]
    unknown = {
        path[:-1]: str(path[-1])
        for path, detail in first.items()
        if detail["type"] == "extra_forbidden" and path
    }
    for path, detail in list(first.items()):
        if detail["type"] == "missing" and path and path[:-1] in unknown:
            allowed = sorted(model.allowed_keys(path[:-1]))
            if difflib.get_close_matches(unknown[path[:-1]], allowed, n=1, cutoff=0.6) == [path[-1]]:
                del first[path]


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


def _finding(detail: ErrorDetails, path: PathKey, document: Document, model: Format, top: str) -> Finding:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    args: dict[str, object] = {
        "field": dotted(path) if path else Message("schema.top-level-field"),
        "key": path[-1] if path else "",
        "parent": Message("schema.parent", {"path": dotted(path[:-1])}) if len(path) > 1 else Message(top),
        "value": _shown(value),
        "found": _TYPE_NAMES.get(type(value), _SOME_VALUE),
        "detail": detail["msg"],
        **{name: ctx[name] for name in ("min_length", "ge", "year") if name in ctx},
    }
    hint: Message | None = None
    if kind == "extra_forbidden":
        allowed = sorted(model.allowed_keys(path[:-1]))
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = (
            Message("hint.did-you-mean", {"suggestion": close[0]})
            if close
            else Message("hint.allowed-keys", {"allowed": ", ".join(allowed)})
        )
    elif kind == "literal_error":
        choices = _QUOTED.findall(str(ctx.get("expected", "")))
        folded = {choice.casefold(): choice for choice in choices}
        same_letters = folded.get(str(value).casefold())
        meant = [code for code in synonyms(str(value)) if code in choices]
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        args["allowed"] = ", ".join(choices)
        if path == ("lipcheck",):
            hint = Message("hint.format-version-quoted" if value == "1" else "hint.format-version")
        elif same_letters is not None:
            hint = Message("hint.case-only", {"value": value, "code": same_letters})
        elif meant:
            hint = Message(
                "hint.synonym", {"value": value, "codes": " or ".join(f"`{code}`" for code in meant)}
            )
        elif close:
            hint = Message("hint.did-you-mean", {"suggestion": close[0]})
        else:
            hint = Message("hint.allowed-values", {"allowed": ", ".join(choices)})
        if any(part in ("sector", "sectors") for part in path):
            # The codes are learnt where they are explained, not from a list of 25 words.
            hint = Message("hint.with-sectors", {"hint": hint})
    elif kind in ("string_type", "int_type", "float_type", "bool_type") and isinstance(
        value, (int, float, bool)
    ):
        hint = Message("hint.quote-text") if kind == "string_type" else None
    elif kind in ("int_type", "float_type") and isinstance(value, str) and _DIGITS.match(value.strip()):
        hint = Message("hint.number-in-quotes", {"value": value.strip()})
    elif kind in ("int_type", "float_type") and isinstance(value, str) and _AMOUNT.match(value.strip()):
        plain = re.sub(r"[^0-9.]", "", value.replace(",", "")) or "15000"
        hint = Message("hint.plain-number", {"value": value, "plain": plain})
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
    message = Message(message_id, args)
    member = _member_named(path, document.data)
    if member is not None:
        # People know their members by name, not by index: "member 5, `Hanover Police Service`".
        message = Message(
            "schema.in-member", {"number": member[0], "organization": member[1], "message": message}
        )
    return Finding(f"schema-{kind.replace('_', '-')}", message, location, hint)


def _member_named(path: PathKey, data: Any) -> tuple[int, str] | None:
    """(number from 1, organization) of the council member `path` lies in, when it names one."""
    if len(path) < 4 or path[:2] != ("council", "members") or not isinstance(path[2], int):
        return None
    try:
        entry = data["council"]["members"][path[2]]
        organization = entry.get("organization") or entry.get("organisation")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return (path[2] + 1, organization) if isinstance(organization, str) and organization.strip() else None


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
