"""Hypothesis strategies: YAML-ish text, and well-typed proposals built from the schema itself.

`proposals()` walks the pydantic model (Literal choices, minimum lengths, lower bounds, nested
sections, lists) so a field added to the format is fuzzed without touching this file. The few
rules a type cannot say (a member has `sector` or `sectors`, a founding year is not in the
future, the call names a pack that exists) are the overrides below.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal, Union

import yaml
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from lipcheck import model

SearchStrategy = st.SearchStrategy


def _field_names() -> list[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            names.update(value.model_fields)
    return sorted(names)


# The words a proposal is made of, so random text reaches past the parser into the schema.
FIELD_NAMES = _field_names()
CODES = sorted(
    {
        str(code)
        for alias in (model.Sector, model.Province, model.ApplicantType, model.Role)
        for code in typing.get_args(alias)
    }
)

_YAML_PIECES = [
    "lipcheck: 1\n", "- ", ": ", ":", "\n", "  ", "    ", "\t", "[", "]", "{", "}", ", ", "&a ", "*a",
    "&b ", "*b", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!python/object/apply:os.system ",
    "!!binary ", "!!set ", "!local ", "!<tag:x,2000:y> ", "'", '"', "''", '\\"', "\\", "\\x1b", "\\u202e",
    "# comment\n", "---\n", "...\n", "<<: ", "? ", "|\n", "|-\n", ">\n", "%YAML 1.2\n", "%TAG ! tag:x:\n",
    "\x00", "\ufeff", "\r\n", "\r", "é", "\u202e", "\x1b[31m", "\u2028", "\x85", "2012-02-30", "2012-03-15",
    "yes", "on", "ON", "~", "null", "true", "1e400", ".nan", ".inf", "0x1F", "0755", "1_000", "-0", "1:30",
    "9" * 40, "a" * 300, "{{ 7*7 }}", "<script>", "::error::", "%0A",
]  # fmt: skip


@st.composite
def yaml_pieces(draw: st.DrawFn) -> str:
    """Text stitched from YAML's own punctuation, the format's keys and codes, and odd characters."""
    pieces = (
        st.sampled_from(_YAML_PIECES)
        | st.sampled_from(FIELD_NAMES)
        | st.sampled_from(CODES)
        | st.text(max_size=4)
    )
    return "".join(draw(st.lists(pieces, max_size=80)))


_KEYS = st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(CODES)
    | st.dates().map(str)
)
DATA = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(_KEYS, children, max_size=6),
    max_leaves=40,
)


@st.composite
def dumped_data(draw: st.DrawFn) -> str:
    """Random data in the shape of a proposal, dumped as YAML, sometimes with one character changed."""
    data = draw(DATA)
    if draw(st.booleans()):
        data = {"lipcheck": 1, **(data if isinstance(data, dict) else {"title": data})}
    text = yaml.safe_dump(
        data, allow_unicode=draw(st.booleans()), default_flow_style=draw(st.sampled_from([None, False, True]))
    )
    if text and draw(st.booleans()):
        where = draw(st.integers(0, len(text) - 1))
        text = (
            text[:where]
            + draw(st.sampled_from(["", ":", "-", "[", "\t", "&x ", "*x", "\n  "]))
            + text[where + 1 :]
        )
    return text


def yaml_texts() -> SearchStrategy[str]:
    return st.text() | yaml_pieces() | dumped_data()


# --- Well-typed proposals, from the schema -----------------------------------------------------------


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):  # Annotated[int, Field(ge=0)] keeps its constraints inside
            found.update(_bounds(item.metadata))
        for name in ("ge", "min_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _for(annotation: Any, metadata: list[Any], text: SearchStrategy[str]) -> SearchStrategy[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _for(inner, [*metadata, *extra], text)
    if origin in (Union, types.UnionType):
        return st.one_of([_for(arg, metadata, text) for arg in typing.get_args(annotation)])
    if origin is Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        least = _bounds(metadata).get("min_length", 0)
        return st.lists(_for(item, [], text), min_size=least, max_size=4)
    bounds = _bounds(metadata)
    if annotation is type(None):
        return st.none()
    if annotation is str:
        if "pattern" in bounds:
            return st.from_regex(bounds["pattern"], fullmatch=True)
        return text
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=bounds.get("ge"), max_value=10**12)
    if annotation is float:
        return st.floats(min_value=bounds.get("ge"), max_value=1e15, allow_nan=False, allow_infinity=False)
    if annotation is dt.date:
        return st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return for_model(annotation, text)
    raise NotImplementedError(f"no strategy for {annotation!r}: teach tests/fuzz/strategies.py")


_EVIDENCE = st.sampled_from(
    ["resolution.pdf", "evidence/letter.pdf", "/etc/passwd", "../../etc/passwd", "a/../b.pdf"]
) | (st.from_regex(r"[A-Za-z0-9 _.\-/é]{1,40}", fullmatch=True))


def _overrides(text: SearchStrategy[str]) -> dict[tuple[type[BaseModel], str], SearchStrategy[Any] | None]:
    """Fields whose valid values a type annotation cannot say; None leaves the field to a map below."""
    return {
        (model.Proposal, "call"): st.just("lip-2012"),
        # A waiver of a rule the pack does not have makes the proposal invalid: name lip-2012's.
        (model.Waiver, "rule"): st.sampled_from(["LIP001", "LIP103", "LIP301", "LIP405", "LIP901"]),
        (model.Applicant, "established"): st.integers(1600, dt.date.today().year),
        (model.Endorsement, "evidence"): _EVIDENCE,
        (model.MunicipalLetter, "evidence"): _EVIDENCE,
        (model.PartnerSupport, "evidence"): _EVIDENCE,
        # A spreadsheet named must exist beside the proposal (tests/authoring/test_council_file.py).
        (model.Council, "members_file"): st.none(),
        # An amount is checked by a validator (records.an_amount), which the annotation walk cannot read.
        (model.Support, "value"): st.none()
        | st.integers(0, 10**12)
        | st.floats(0, 1e15, allow_nan=False, allow_infinity=False),
        **{(section, name): None for section in _IN_SECTORS for name in ("sector", "sectors")},
    }


# Sections that name an organization with `sector` or `sectors` (exactly one of them).
_IN_SECTORS = (model.Member, model.PartnerSupport)


def for_model(section: type[BaseModel], text: SearchStrategy[str]) -> SearchStrategy[dict[str, Any]]:
    overrides = _overrides(text)
    required: dict[str, SearchStrategy[Any]] = {}
    optional: dict[str, SearchStrategy[Any]] = {}
    for name, info in section.model_fields.items():
        strategy = overrides[(section, name)] if (section, name) in overrides else _field(info, text)
        if strategy is None:
            continue
        (required if info.is_required() else optional)[name] = strategy
    built = st.fixed_dictionaries(required, optional=optional)
    if section in _IN_SECTORS:
        sectors = st.lists(st.sampled_from(typing.get_args(model.Sector)), min_size=1, max_size=4)
        one = st.sampled_from(typing.get_args(model.Sector))
        either = st.one_of(
            sectors.map(lambda codes: {"sectors": codes}),
            (one | sectors).map(lambda codes: {"sector": codes}),
        )
        return st.builds(lambda member, codes: {**member, **codes}, built, either)
    return built


def _field(info: FieldInfo, text: SearchStrategy[str]) -> SearchStrategy[Any]:
    return _for(info.annotation, list(info.metadata), text)


def proposals(text: SearchStrategy[str] | None = None) -> SearchStrategy[dict[str, Any]]:
    """Dicts that `Proposal.model_validate` accepts, with text drawn from `text`."""
    return for_model(model.Proposal, text if text is not None else st.text(min_size=1, max_size=30))


class QuotedDumper(yaml.SafeDumper):
    """Every string double-quoted, so no text is read back as a number, a date or true/false."""


QuotedDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def as_yaml(proposal: dict[str, Any], quoted: bool = True) -> str:
    dumper = QuotedDumper if quoted else yaml.SafeDumper
    return yaml.dump(proposal, Dumper=dumper, allow_unicode=True, sort_keys=False, width=80)
