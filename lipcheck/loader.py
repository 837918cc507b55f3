"""YAML text -> plain data plus the line and column of every node; problems come back as findings.

We compose with libyaml (when present) and walk the nodes ourselves instead of calling
`yaml.load`: the walk is cheaper than PyYAML's constructor, records positions in a table keyed
by the same paths pydantic reports in an error's `loc`, and lets us decide what a scalar means.
Only YAML's core meaning is kept: `true`/`false` are booleans, `null`/`~`/empty is null,
decimal numbers are numbers, and everything else (`yes`, `on`, `1:30`, `0755`, dates) stays the
text the user wrote. Duplicate keys, merge keys and non-core tags are findings, never guesses.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Location, Message

try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]

    LIBYAML = True
except ImportError:  # pragma: no cover - exercised only where PyYAML was built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    LIBYAML = False

PathKey = tuple[str | int, ...]
"""A path into the document, in pydantic's `loc` form: ("council", "members", 2, "sectors")."""

_YAML = "tag:yaml.org,2002:"
_PLAIN = "lipcheck:plain"  # our marker for an untagged plain scalar, resolved by `_scalar`
_STR, _MAP, _SEQ = _YAML + "str", _YAML + "map", _YAML + "seq"
_ALLOWED_TAGS = frozenset({_PLAIN, _STR, _MAP, _SEQ} | {_YAML + t for t in ("int", "float", "bool", "null")})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
# A float needs a point or an exponent, and no leading zero: `0755` and `1_000` stay text.
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True)
class Limits:
    """Ceilings that keep a hostile file from exhausting time or memory; real proposals stay far below."""

    max_bytes: int = 4 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 200_000


@dataclass
class Positions:
    """Where each node of the document starts, keyed by its path."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def value(self, path: PathKey) -> Location:
        """The value at `path`, or the nearest enclosing node that exists (where something is missing)."""
        return self._nearest(self.values, path)

    def key(self, path: PathKey) -> Location:
        """The key that names `path` (for an unknown or misplaced key), else `value(path)`."""
        found = self.keys.get(path)
        return Location(*found) if found else self._nearest(self.values, path)

    @staticmethod
    def _nearest(table: dict[PathKey, tuple[int, int]], path: PathKey) -> Location:
        for end in range(len(path), -1, -1):
            found = table.get(path[:end])
            if found:
                return Location(*found)
        return Location(1, 1)


@dataclass(frozen=True)
class Document:
    """A proposal file read into plain data; `data` is None when the findings make it unreadable."""

    data: Any
    positions: Positions
    findings: tuple[Finding, ...] = ()


def read_proposal(path: Path, limits: Limits = Limits()) -> Document:
    """Read and load the proposal at `path`.

    Raises LipcheckError when there is no proposal to read (missing, a folder, a pipe,
    unreadable); anything wrong *inside* the file comes back as findings.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        _fail("input.missing", path)
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    if stat.S_ISDIR(info.st_mode):
        _fail("input.directory", path)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device would block or read forever.
        _fail("input.not-regular", path)
    if info.st_size > limits.max_bytes:
        return _only(_limit("file-size", info.st_size, limits.max_bytes, "--max-file-size"))
    try:
        with path.open("rb") as stream:
            raw = stream.read(limits.max_bytes + 1)
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    if len(raw) > limits.max_bytes:  # the file grew between stat and read
        return _only(_limit("file-size", len(raw), limits.max_bytes, "--max-file-size"))
    return load_bytes(raw, limits)


def load_bytes(raw: bytes, limits: Limits = Limits()) -> Document:
    """Decode `raw` as UTF-8 (a BOM is fine) and load it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _only(_finding("encoding-utf16", Location(1, 1), "hint.save-utf8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        return _only(
            _finding(
                "encoding-invalid", Location(line, column), "hint.save-utf8", byte=f"0x{raw[error.start]:02x}"
            )
        )
    return load_text(text, limits)


def load_text(text: str, limits: Limits = Limits()) -> Document:
    """Load a proposal from decoded text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        return _only(_finding("nul-byte", Location(line, column), "hint.save-utf8"))
    parser = _Composer(text)
    try:
        root = parser.get_single_node()
    except yaml.MarkedYAMLError as error:
        return _only(_syntax_finding(error, text))
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports everything with a mark
        return _only(Finding("yaml-syntax", Message("yaml-syntax", {"problem": str(error)}), None))
    except RecursionError:  # pragma: no cover - pure-Python composer only; libyaml caps nesting
        return _only(_limit("depth", limits.max_depth + 1, limits.max_depth, "--max-depth"))
    finally:
        parser.dispose()
    if root is None:
        return _only(_finding("empty", Location(1, 1), "hint.empty"))
    walk = _Walk(limits)
    try:
        data = walk.node(root, (), 0)
    except _LimitReached as reached:
        return _only(reached.finding)
    return Document(data, walk.positions, tuple(walk.findings))


class _Composer(_Parser):
    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        """Tag for an untagged node; plain scalars are resolved later by `_Walk`, not by regexes."""
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # Both composers call these around each collection; path-based resolution is not used.
    def descend_resolver(self, *_: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _LimitReached(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


class _Walk:
    """Turns composed nodes into dicts, lists and scalars, noting positions and problems."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.positions = Positions()
        self.findings: list[Finding] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.open: set[int] = set()

    def node(self, node: Node, path: PathKey, depth: int) -> Any:
        mark = node.start_mark
        where = (mark.line + 1, mark.column + 1)
        self.positions.values[path] = where
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _LimitReached(
                _limit("nodes", self.nodes, self.limits.max_nodes, "--max-nodes", Location(*where))
            )
        if depth > self.limits.max_depth:
            raise _LimitReached(
                _limit("depth", depth, self.limits.max_depth, "--max-depth", Location(*where))
            )
        identity = id(node)
        if identity in self.seen:
            # A node met twice was reached through an alias.
            if identity in self.open:
                raise _LimitReached(_finding("alias-cycle", Location(*where), "hint.alias"))
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise _LimitReached(
                    _limit(
                        "aliases", self.aliases, self.limits.max_aliases, "--max-aliases", Location(*where)
                    )
                )
        self.seen.add(identity)
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            self.findings.append(_finding("unsafe-tag", Location(*where), "hint.tag", tag=tag))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, tag, where)
        self.open.add(identity)
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, path, depth)
            return [self.node(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        finally:
            self.open.discard(identity)

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, ScalarNode):
                self.findings.append(_finding("complex-key", Location(*key_where), "hint.complex-key"))
                continue
            key = str(key_node.value)
            if key == "<<" and key_node.tag == _PLAIN:
                self.findings.append(_finding("merge-key", Location(*key_where), "hint.merge-key"))
                continue
            if key in first_seen:
                self.findings.append(
                    _finding(
                        "duplicate-key",
                        Location(*key_where),
                        "hint.duplicate-key",
                        key=key,
                        first=first_seen[key],
                        second=key_where[0],
                    )
                )
                continue
            first_seen[key] = key_where[0]
            child = (*path, key)
            self.positions.keys[child] = key_where
            result[key] = self.node(value_node, child, depth + 1)
        return result

    def _scalar(self, node: ScalarNode, tag: str, where: tuple[int, int]) -> Any:
        value: str = node.value
        if tag == _STR:
            return value
        if tag == _PLAIN:
            if value in _NULLS:
                return None
            if value in _BOOLS:
                return _BOOLS[value]
            if _INT.match(value):
                return int(value)
            if _FLOAT.match(value) and not value.isdigit():
                return float(value)
            return value
        # An explicit core tag (`!!int 3`) asks for that type; honour it or say why not.
        if tag == _YAML + "null" and value in _NULLS:
            return None
        if tag == _YAML + "bool" and value in _BOOLS:
            return _BOOLS[value]
        if tag == _YAML + "int" and _INT.match(value):
            return int(value)
        if tag == _YAML + "float" and (_FLOAT.match(value) or _INT.match(value)):
            return float(value)
        self.findings.append(_finding("tag-mismatch", Location(*where), "hint.tag", tag=tag, value=value))
        return value


def _syntax_finding(error: yaml.MarkedYAMLError, text: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    location = Location(mark.line + 1, mark.column + 1) if mark else None
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    hint = "hint.yaml-syntax"
    args: dict[str, object] = {"problem": problem}
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        hint = "hint.tabs"
    elif "quoted scalar" in context and error.context_mark is not None:
        hint = "hint.unclosed-quote"
        args["line"] = error.context_mark.line + 1
    elif "maximum nesting depth" in problem:
        return _limit("depth", 1000, 1000, "--max-depth", location)
    return Finding("yaml-syntax", Message("yaml-syntax", args), location, Message(hint, args))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _finding(code: str, location: Location | None, hint: str, **args: object) -> Finding:
    return Finding(code, Message(code, args), location, Message(hint, args))


def _limit(name: str, seen: int, limit: int, option: str, location: Location | None = None) -> Finding:
    args = {"limit": limit, "seen": seen, "option": option}
    return Finding(
        f"limit-{name}",
        Message(f"limit-{name}", args),
        location or Location(1, 1),
        Message("hint.limit", args),
    )


def _only(finding: Finding) -> Document:
    return Document(None, Positions(), (finding,))


def _fail(message_id: str, path: Path, **args: object) -> NoReturn:
    raise LipcheckError(Message(message_id, {"path": os.fspath(path), **args}))
