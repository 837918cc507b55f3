"""Writes lipcheck/compiled_schemas.py: the pydantic models compiled ahead of time for pydantic-core.

    python -m lipcheck.schema_compiler          # rewrite the module
    python -m lipcheck.schema_compiler --check  # exit 1 when the module is not current

pydantic stays the one definition of the proposal format and of `.lipcheck.yaml` (and of the JSON
Schema export). What a check needs of it is the core schema pydantic builds from those models;
this writes that schema out as a Python literal, with each model replaced by a plain record class
(lipcheck.records.Record) and each validator named by its place in lipcheck.records. Importing the
result costs no pydantic, and a test keeps it current, like the JSON Schema copy in docs/.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lipcheck import codes, findings, records
from lipcheck.records import Sections

TARGET = Path(__file__).with_name("compiled_schemas.py")
_DROPPED = frozenset({"metadata", "serialization", "json_schema_input_schema"})
"""Keys of a core schema that only serialization and the JSON Schema export read."""
_MODULES: dict[str, types.ModuleType] = {"records": records, "codes": codes, "findings": findings}
"""Where a schema's functions and enumerations may come from, by the name the module imports them as."""


def _models() -> dict[str, type[BaseModel]]:
    from lipcheck.model import Proposal
    from lipcheck.run.config_file import ConfigFile

    return {"PROPOSAL": Proposal, "CONFIG": ConfigFile}


class _Compiler:
    """One pass over the core schemas: the records met, in the order met, and each schema as source."""

    def __init__(self) -> None:
        self.records: dict[type[BaseModel], str] = {}
        self.refs: dict[str, str] = {}

    def record(self, model: type[BaseModel]) -> str:
        if model not in self.records:
            name = model.__name__.lstrip("_")
            if name in self.records.values():
                raise ValueError(f"two models are named {name}")
            self.records[model] = name
        return self.records[model]

    def source(self, value: Any, indent: str = "") -> str:
        inner = indent + "    "
        if isinstance(value, dict):
            if value.get("type") == "default" and value.get("default") == []:
                # pydantic-core deep-copies a default it cannot prove immutable, on every record
                # that leaves the field out; a factory of a new empty list costs one call.
                value = {("default_factory" if k == "default" else k): item for k, item in value.items()}
            items = [
                f"{inner}{key!r}: {self._value(key, item, inner)},"
                for key, item in value.items()
                if key not in _DROPPED
            ]
            return "{\n" + "\n".join(items) + f"\n{indent}}}" if items else "{}"
        if isinstance(value, (list, tuple)):
            if all(isinstance(item, (str, int, float, bool, type(None))) for item in value) and not any(
                isinstance(item, enum.Enum) for item in value
            ):
                return repr(list(value))
            items = [f"{inner}{self.source(item, inner)}," for item in value]
            return "[\n" + "\n".join(items) + f"\n{indent}]"
        if isinstance(value, enum.Enum):
            return f"{_named(type(value))}.{value.name}"
        if isinstance(value, type) and issubclass(value, BaseModel):
            return self.record(value)
        if isinstance(value, type) or callable(value):
            return _named(value)
        if isinstance(value, (str, int, float, bool, type(None))):
            return repr(value)
        raise ValueError(f"a core schema holds {value!r}, which cannot be written as source")

    def _value(self, key: str, value: Any, indent: str) -> str:
        if key == "default_factory" and value == []:
            return "list"
        if key in ("ref", "schema_ref") and isinstance(value, str):
            # pydantic's refs end in an id() that changes each run: name them by their model.
            if value not in self.refs:
                name = value.split(":")[0].rsplit(".", 1)[-1]
                taken = set(self.refs.values())
                self.refs[value] = next(
                    candidate
                    for candidate in (name, *(f"{name}-{n}" for n in range(2, 100)))
                    if candidate not in taken
                )
            return repr(self.refs[value])
        return self.source(value, indent)


def _named(thing: Any) -> str:
    """`thing` as `module.name`, for a function or class of one of the modules the output imports."""
    target = getattr(thing, "__func__", thing)
    name = str(getattr(target, "__name__", ""))
    for alias, module in _MODULES.items():
        if name and getattr(module, name, None) is target:
            return f"{alias}.{name}"
    raise ValueError(
        f"{target!r} is not defined in lipcheck.records, codes or findings: "
        "the compiled schema cannot name it"
    )


def _annotation(annotation: Any, compiler: _Compiler) -> str:
    """A field's type as source for the record class (for mypy and readers; never evaluated)."""
    names = ("Sector", "Province", "ApplicantType", "Role", "DirectService")
    aliases = {getattr(codes, name): name for name in names}
    if annotation in aliases:
        return aliases[annotation]
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _annotation(arguments[0], compiler)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_annotation(argument, compiler) for argument in arguments)
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(argument) for argument in arguments)}]"
    if origin in (list, dict, tuple):
        return f"{origin.__name__}[{', '.join(_annotation(argument, compiler) for argument in arguments)}]"
    if annotation is type(None):
        return "None"
    if annotation is dt.date:
        return "dt.date"
    if annotation is Any:
        return "Any"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return compiler.record(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _named(annotation)
    if isinstance(annotation, type) and annotation.__module__ == "builtins":
        return annotation.__name__
    raise ValueError(f"no source for the type {annotation!r}")


def _mixins(model: type[BaseModel]) -> list[str]:
    return [
        f"records.{base.__name__}"
        for base in model.__mro__
        if base.__module__ == records.__name__ and base is not object
    ]


def _record_source(model: type[BaseModel], name: str, compiler: _Compiler) -> Iterator[str]:
    bases = ", ".join(["records.Record", *_mixins(model)])
    yield f"class {name}({bases}):"
    doc = (model.__doc__ or "").strip().splitlines()
    yield f'    """{doc[0] if doc else name}"""'
    yield ""
    yield "    __slots__ = ()"
    for field, info in model.model_fields.items():
        yield f"    {field}: {_annotation(info.annotation, compiler)}"


def _sections(model: type[BaseModel], compiler: _Compiler) -> Sections:
    """The table of lipcheck.records.Sections for `model` and every section inside it."""
    table: Sections = {}

    def visit(current: type[BaseModel]) -> None:
        name = compiler.record(current)
        if name in table:
            return
        rows: list[tuple[str, str, str | None, bool]] = []
        table[name] = ()
        for field, info in current.model_fields.items():
            inner = _section_in(info.annotation)
            many = _is_list(info.annotation)
            rows.append((info.alias or field, field, compiler.record(inner) if inner else None, many))
            if inner:
                visit(inner)
        table[name] = tuple(rows)

    visit(model)
    return table


def _is_list(annotation: Any) -> bool:
    """Whether a field holds a list (through Optional and Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return any(
            _is_list(argument) for argument in typing.get_args(annotation) if argument is not type(None)
        )
    return False


def _section_in(annotation: Any) -> type[BaseModel] | None:
    """The section model inside `annotation` (through Optional, list, dict values and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _section_in(argument)
        if found:
            return found
    return None


def compiled() -> str:
    """The text of lipcheck/compiled_schemas.py as the models define it now."""
    compiler = _Compiler()
    schemas = {
        constant: compiler.source(model.__pydantic_core_schema__) for constant, model in _models().items()
    }
    sections = {constant: _sections(model, compiler) for constant, model in _models().items()}
    classes: list[str] = []
    for model, name in list(compiler.records.items()):
        classes += [*_record_source(model, name, compiler), "", ""]
    lines = [
        '"""The proposal format and `.lipcheck.yaml`, compiled ahead of time for pydantic-core.',
        "",
        "Generated by `python -m lipcheck.schema_compiler` from lipcheck.model and",
        "lipcheck.run.config_file: do not edit. tests/validation/test_compiled_schemas.py fails",
        "when this file is not what the models give.",
        '"""',
        "",
        "# fmt: off",
        "# ruff: noqa: E501, F401",
        "from __future__ import annotations",
        "",
        "import datetime as dt",
        "from typing import Any, Literal",
        "",
        "from lipcheck import codes, findings, records",
        "from lipcheck.codes import ApplicantType, DirectService, Province, Role, Sector",
        "",
        "",
        *classes,
    ]
    for constant, source in schemas.items():
        lines += [f"{constant}_SCHEMA: dict[str, Any] = {source}", ""]
    for constant, table in sections.items():
        rows = "".join(f"    {record!r}: {table[record]!r},\n" for record in table)
        lines += [
            f"{constant}_SECTIONS: records.Sections = {{\n{rows}}}",
            '"""The keys of each section (see lipcheck.records.Sections)."""',
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None, write: Callable[[str], object] = print) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = compiled()
    if "--check" in args:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            write(f"{TARGET} is not current: run python -m lipcheck.schema_compiler")
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    write(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
