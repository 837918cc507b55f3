"""Proposal text stays data in every output: a corpus of injection strings in every text field.

Each format is rendered twice, once with plain words in the fields and once with the injection,
and the two must have the same structure: the same HTML elements and attributes, the same
Markdown blocks and inline markup, the same XML elements, the same workflow commands, the same
SARIF shape. The terminal report must show no control character from the proposal, and the JSON
report must give the text back exactly.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import typing
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for
from markdown_it import MarkdownIt
from pydantic import BaseModel

from lipcheck import model
from lipcheck.cli import main
from lipcheck.loader import load_text
from tests.badinput.catalogue import ROOT, complete_text
from tests.injection.corpus import INJECTIONS

TODAY = ["--today", "2026-01-01"]
NEUTRAL = "Plain words"
# What a terminal obeys rather than shows (the text renderer's own newlines aside).
_TERMINAL_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_PATH_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NOT_RAW_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def _text_fields() -> set[str]:
    """Names of the fields the schema types as free text (not codes, dates, ids or paths)."""
    names: set[str] = set()
    for section in vars(model).values():
        if not (isinstance(section, type) and issubclass(section, BaseModel) and section is not BaseModel):
            continue
        for name, info in section.model_fields.items():
            if name in ("call", "evidence", "rule"):  # ids and paths, not free text
                continue
            if str in _base_types(info.annotation):
                names.add(name)
    return names


def _base_types(annotation: Any) -> set[Any]:
    """The plain types inside `annotation`, through Optional, unions, lists and Annotated (not Literal)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return set()
    if origin is None:
        return {annotation}
    args = typing.get_args(annotation)
    return (
        _base_types(args[0]) if origin is typing.Annotated else {t for arg in args for t in _base_types(arg)}
    )


TEXT_FIELDS = _text_fields()


def _fill(value: Any, text: str, counter: list[int]) -> Any:
    """`value` with every free-text field set to `text` (numbered, so organizations stay distinct)."""
    if isinstance(value, dict):
        filled = {}
        for key, child in value.items():
            if key in TEXT_FIELDS and isinstance(child, str):
                counter[0] += 1
                filled[key] = text if key == "title" else f"{text} {counter[0]}"
            elif key in TEXT_FIELDS and isinstance(child, list):
                counter[0] += 1
                filled[key] = [f"{text} {counter[0]}-{i}" for i in range(len(child))]
            else:
                filled[key] = _fill(child, text, counter)
        return filled
    if isinstance(value, list):
        return [_fill(item, text, counter) for item in value]
    return value


def _proposal(text: str) -> dict[str, Any]:
    complete = load_text(complete_text()).data
    # Waivers echo their reason and owner in every format: one not needed, one expired.
    complete["waivers"] = [
        {"rule": "LIP301", "reason": "Why", "owner": "Who", "expires": "2027-03-31"},
        {"rule": "LIP101", "reason": "Why", "owner": "Who", "expires": "2025-03-31"},
    ]
    data = _fill(complete, text, [0])
    # A path cannot hold control characters or a 5000-character name (the schema says so).
    data["applicant"]["endorsement"]["evidence"] = (_PATH_UNSAFE.sub("", text) or "x")[:200]
    return data


def _invalid(text: str) -> dict[str, Any]:
    """Injection where the report echoes what is wrong: an unknown key and an unknown code."""
    data = _proposal(text)
    data[text[:1000]] = "unknown key"  # YAML allows 1024 characters in a key on one line
    data["council"]["members"][0]["sectors"] = [text]
    return data


def _write(folder: Path, name: str, data: dict[str, Any]) -> str:
    # JSON is YAML: every string quoted and escaped, so the text arrives exactly as given. YAML
    # refuses a raw C1 control, DEL or BOM and reads U+0085, U+2028 and U+2029 as line breaks, so
    # those are escaped too (not all of Unicode: YAML has no surrogate pairs for JSON's \ud83c).
    text = _NOT_RAW_IN_YAML.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=1)
    )
    (folder / name).write_text(text, encoding="utf-8")
    return name


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, *TODAY])
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue()
    return out.getvalue()


def _report(fmt: str, path: str) -> str:
    if fmt == "text":
        return _run(["validate", path])
    if fmt in ("json", "csv", "jsonl"):
        return _run(["validate", "--format", fmt, path])
    return _run(["report", "-f", fmt, "-o", "-", path])


# Structure of each format, with the text left out.


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


def _html_shape(page: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def _markdown_shape(document: str) -> list[str]:
    shape = []
    for token in MarkdownIt("commonmark").enable("table").parse(document):
        shape.append(token.type)
        shape += [
            f"  {child.type}" for child in token.children or [] if child.type not in ("text", "softbreak")
        ]
    return shape


def _xml_shape(document: str) -> list[tuple[str, tuple[str, ...]]]:
    root = ET.fromstring(document.encode())
    return [(element.tag, tuple(sorted(element.attrib))) for element in root.iter()]


def _json_shape(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [path] + [item for key, child in value.items() for item in _json_shape(child, f"{path}.{key}")]
    if isinstance(value, list):
        return [f"{path}[{len(value)}]"] + [
            item for child in value for item in _json_shape(child, f"{path}[]")
        ]
    return [f"{path}:{type(value).__name__}"]


def _github_shape(lines: str) -> list[str]:
    commands = lines.split("\n")
    assert commands[-1] == ""
    return [line.split(" ", 1)[0] for line in commands[:-1]]


_SARIF = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = validator_for(_SARIF)(_SARIF)
SHAPES = {
    "html": _html_shape,
    "markdown": _markdown_shape,
    "junit": _xml_shape,
    "sarif": lambda document: _json_shape(json.loads(document)),
    "github": _github_shape,
    "csv": lambda document: [len(row) for row in csv.reader(io.StringIO(document, newline=""))],
    "jsonl": lambda document: _json_shape([json.loads(line) for line in document.splitlines()]),
}


@pytest.fixture(scope="module")
def neutral(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Every format for the plain-words proposal, valid and invalid: what the injected runs must match."""
    folder = tmp_path_factory.mktemp("neutral")
    valid = _write(folder, "proposal.yaml", _proposal(NEUTRAL))
    invalid = _write(folder, "bad.yaml", _invalid(NEUTRAL))
    previous = Path.cwd()
    os.chdir(folder)
    try:
        return {fmt: {"valid": _report(fmt, valid), "invalid": _report(fmt, invalid)} for fmt in SHAPES}
    finally:
        os.chdir(previous)


# Cases that do not hold yet, with the reason, as strict xfails: (injection, kind, format) -> reason.
# Empty since code spans come from the catalogue template, not from the filled sentence.
KNOWN: dict[tuple[str, str, str], str] = {}


def _structure_params() -> list[object]:
    params = []
    for name in INJECTIONS:
        for kind in ("valid", "invalid"):
            for fmt in SHAPES:
                reason = KNOWN.get((name, kind, fmt))
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                params.append(pytest.param(name, kind, fmt, id=f"{name}-{kind}-{fmt}", marks=marks))
    return params


@pytest.mark.parametrize(("name", "kind", "fmt"), _structure_params())
def test_structured_formats_keep_injections_as_data(
    name: str,
    kind: str,
    fmt: str,
    neutral: dict[str, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    build = _proposal if kind == "valid" else _invalid
    path = _write(tmp_path, "proposal.yaml" if kind == "valid" else "bad.yaml", build(INJECTIONS[name]))
    output = _report(fmt, path)
    assert SHAPES[fmt](output) == SHAPES[fmt](neutral[fmt][kind]), (
        f"{fmt}: the injection changed the structure"
    )
    if fmt == "sarif":
        SARIF_SCHEMA.validate(json.loads(output))
    if fmt == "github":
        # The runner splits its log at LF and CR only (U+2028 or a form feed is no line break to it).
        assert "\r" not in output
        assert all(line.startswith("::") for line in output.split("\n")[:-1])


@pytest.mark.parametrize("name", list(INJECTIONS))
def test_terminal_report_obeys_nothing_from_the_proposal(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for build in (_proposal, _invalid):
        output = _report("text", _write(tmp_path, "proposal.yaml", build(INJECTIONS[name])))
        assert not _TERMINAL_CONTROL.search(output), repr(_TERMINAL_CONTROL.findall(output))
        # GitHub Actions reads any log line that starts with `::` (after spaces) as a workflow command.
        assert not any(line.lstrip().startswith("::") for line in output.split("\n"))


@pytest.mark.parametrize("name", list(INJECTIONS))
def test_json_report_gives_the_text_back_exactly(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    injection = INJECTIONS[name]
    monkeypatch.chdir(tmp_path)
    proposal = _write(tmp_path, "proposal.yaml", _proposal(injection))
    (report,) = json.loads(_report("json", proposal))["reports"]
    assert report["title"] == injection
    (invalid,) = json.loads(_report("json", _write(tmp_path, "bad.yaml", _invalid(injection))))["reports"]
    messages = " ".join(finding["message"] for finding in invalid["findings"])
    assert f"unknown key `{injection[:1000]}`" in messages


def test_a_hostile_file_name_is_data_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file name is the other text every report shows: it comes from whoever named the file."""
    monkeypatch.chdir(tmp_path)
    plain = _write(tmp_path, "proposal.yaml", _proposal(NEUTRAL))
    hostile = _write(
        tmp_path,
        'p\n::error::x <script>alert(1) "><img src=x onerror=y> \x1b[31m%0A.yaml',
        _proposal(NEUTRAL),
    )
    for fmt, shape in SHAPES.items():
        assert shape(_report(fmt, hostile)) == shape(_report(fmt, plain)), fmt
    assert not _TERMINAL_CONTROL.search(_report("text", hostile))
    assert json.loads(_report("json", hostile))["reports"][0]["file"] == hostile
