"""YAML text -> plain data plus the line and column of every node; problems come back as findings.

A file in the plain block style nearly every proposal uses is read by `block_reader`, line by
line, into the very Document this module would make. Every other file is composed with libyaml
(when present) and we walk the nodes ourselves instead of calling `yaml.load`: the walk is
cheaper than PyYAML's constructor, records positions in a table keyed by the same paths
pydantic reports in an error's `loc`, and lets us decide what a scalar means.
Only YAML's core meaning is kept: `true`/`false` are booleans, `null`/`~`/empty is null,
decimal numbers are numbers, and everything else (`yes`, `on`, `1:30`, `0755`, dates) stays the
text the user wrote. Duplicate keys, merge keys and non-core tags are findings, never guesses.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NoReturn, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Location, Message
from lipcheck.frozen import frozen
from lipcheck.paths import leaves_trusted_folders, shown_path

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
_LIBYAML_DEPTH = 1000  # libyaml's own ceiling on nesting (yaml_set_max_nest_level)
# The most nesting lipcheck reads whatever --max-depth says: the walk recurses a few Python
# frames a level, and Python stops at 1000 frames, well before libyaml's own ceiling.
DEEPEST = 200
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
SPECIAL: dict[str, Any] = {**dict.fromkeys(_NULLS), **_BOOLS}
"""The plain scalars that are not text: nulls and booleans (here and in `block_reader`)."""
_NOT_SPECIAL = object()
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_ODD_BREAK_NAMES = {
    "\x85": "a next-line character",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}
TOO_MANY_DIGITS = object()
# Python refuses to turn longer digit strings into an int (CVE-2020-10735); no count, year or sum
# of money needs more than a few of them.
_MOST_DIGITS = sys.get_int_max_str_digits() or 4300
NUMBER_START = frozenset("0123456789+-.")
"""What a plain scalar that is a number starts with; any other is text or in SPECIAL."""


MOST_FINDINGS = 100
"""Problems listed per file; the rest are counted. A generated file can hold thousands of one
mistake, and listing them all costs seconds and tells the reader nothing more."""


@frozen
class Limits:
    """Ceilings that keep a hostile file from exhausting time or memory; real proposals stay far below."""

    max_bytes: int = 4 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 50_000
    follow_symlinks: bool = False
    """Read a proposal whose path leads, through symlinks, out of the folders lipcheck trusts
    (`--follow-symlinks`, for a user on their own machine): a limit on reach, not on size."""


class Mark(Protocol):
    """Where PyYAML says a node starts; line and column count from 0."""

    line: int
    column: int


@dataclass
class Positions:
    """Where each node of the document starts, keyed by its path.

    The table keeps the parser's own mark objects and turns one into a Location only when a
    finding or a result asks for it: most positions are never read.
    """

    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)

    def value(self, path: PathKey) -> Location:
        """The value at `path`, or the nearest enclosing node that exists (where something is missing)."""
        return self._nearest(self.values, path)

    def key(self, path: PathKey) -> Location:
        """The key that names `path` (for an unknown or misplaced key), else `value(path)`."""
        found = self.keys.get(path)
        return _location(found) if found else self._nearest(self.values, path)

    @staticmethod
    def _nearest(table: dict[PathKey, Mark], path: PathKey) -> Location:
        for end in range(len(path), -1, -1):
            found = table.get(path[:end])
            if found:
                return _location(found)
        return Location(1, 1)


def _location(mark: Mark) -> Location:
    return Location(mark.line + 1, mark.column + 1, getattr(mark, "file", None))


@frozen
class Document:
    """A proposal file read into plain data; `data` is None when the findings make it unreadable."""

    data: Any
    positions: Positions
    findings: tuple[Finding, ...] = ()
    may_hold_placeholders: bool = True
    """False when the loader saw no value that is a placeholder (lipcheck.placeholders), so
    taking them out has nothing to do; True when it saw one, or did not look."""


def read_proposal(path: str | os.PathLike[str], limits: Limits = Limits()) -> Document:
    """Read and load the proposal at `path`.

    Raises LipcheckError when there is no proposal to read (missing, a folder, a pipe, a device,
    unreadable, or a symlink out of the folders lipcheck trusts); anything wrong *inside* the
    file comes back as findings. Nothing but a regular file is ever opened, and it is opened
    non-blocking and checked again once open, so a file swapped for a pipe cannot hang the read.
    Plain `os` calls, not pathlib: pathlib interns every part of every path for good, and a run
    over ten thousand files should not grow with their names.
    """
    info = _regular_file(path, limits)
    if info.st_size > limits.max_bytes:
        return _only(_limit("file-size", info.st_size, limits.max_bytes, "--max-file-size"))
    if info.st_size == 0:
        # Empty, or a /proc or /sys file, which says 0 and may block or never end when read.
        return load_bytes(b"", limits)
    raw = _read_regular(path, info, limits)
    if len(raw) > limits.max_bytes:  # the file grew between stat and read
        return _only(_limit("file-size", len(raw), limits.max_bytes, "--max-file-size"))
    last = _LAST_READ[0] if _LAST_READ else None
    if last is not None and last[0] == raw and last[1] == limits:
        return last[2]
    document = load_bytes(raw, limits)
    _LAST_READ[:] = [(raw, limits, document)]
    return document


_LAST_READ: list[tuple[bytes, Limits, Document]] = []
"""The last file read, by its bytes: a run reads its first proposal for its `language:` and then
checks it, and the same bytes give the same document (which nothing changes: each step makes a
new one). One entry, so memory stays flat over a batch."""


def read_bounded(path: str | os.PathLike[str], limits: Limits = Limits()) -> bytes | None:
    """The bytes of the file at `path` under the same rules as `read_proposal` (for the pack cache's
    hashes, so that hashing a file can never do what reading it may not); None when the file is over
    `limits.max_bytes`. Raises LipcheckError, with the loader's own message, where `read_proposal` would.
    """
    info = _regular_file(path, limits)
    if info.st_size > limits.max_bytes:
        return None
    if info.st_size == 0:  # empty, or a /proc or /sys file: not read, as `read_proposal` does not
        return b""
    raw = _read_regular(path, info, limits)
    return raw if len(raw) <= limits.max_bytes else None


def _regular_file(path: str | os.PathLike[str], limits: Limits) -> os.stat_result:
    """What `stat` says of `path`, when it is a regular file lipcheck may read; else LipcheckError."""
    try:
        info = os.stat(path)  # noqa: PTH116 - see read_proposal
    except FileNotFoundError:
        _fail("input.missing", path)
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    if not limits.follow_symlinks and leaves_trusted_folders(path):
        # Said before anything else about the target, so nothing of it reaches a report.
        _fail("input.symlink-outside", path)
    if stat.S_ISDIR(info.st_mode):
        _fail("input.directory", path)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device would block, read forever, or make the device act.
        _fail("input.not-regular", path)
    return info


def _read_regular(path: str | os.PathLike[str], seen: os.stat_result, limits: Limits) -> bytes:
    """At most one byte over the limit of the regular file `seen` at `path`, opened without blocking.

    A read of n bytes reserves n bytes first: the first read asks for what the file says it holds
    (plus one), not for the limit, so `--max-file-size 1000000000000` does not make every small
    file cost a terabyte. A file that grows while it is read is read on, in steps.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (seen.st_dev, seen.st_ino):
            _fail("input.not-regular", path)
        most = limits.max_bytes + 1
        chunks: list[bytes] = []
        size = 0
        step = min(most, seen.st_size + 1)
        while size < most:
            chunk = os.read(handle, min(step, most - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            step = 1 << 20
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    finally:
        os.close(handle)
    return b"".join(chunks)


def load_bytes(raw: bytes, limits: Limits = Limits()) -> Document:
    """Decode `raw` as UTF-8 (a BOM is fine) and load it."""
    # Without a BOM, UTF-16 shows as a NUL beside each ASCII letter; say so rather than "NUL byte".
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _only(_finding("encoding-utf16", Location(1, 1), "hint.save-utf8", encoding="UTF-32"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0) != (raw[1] == 0)):
        return _only(_finding("encoding-utf16", Location(1, 1), "hint.save-utf8", encoding="UTF-16"))
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
    if limits.max_depth > DEEPEST:
        limits = replace(limits, max_depth=DEEPEST)
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        return _only(_finding("nul-byte", Location(line, column), "hint.save-utf8"))
    odd_break = _ODD_BREAKS.search(text)
    if odd_break is not None:
        # YAML 1.1 (libyaml) ends a line at each of these, text editors and `grep -n` do not: every
        # line number after one would point at the wrong line, and a break inside a plain value
        # can move what follows into another key. Refuse, at the place an editor shows.
        at = odd_break.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        char = odd_break.group()
        return _only(
            _finding("odd-line-break", Location(line, column), "hint.odd-line-break",
                     name=_ODD_BREAK_NAMES[char], codepoint=f"U+{ord(char):04X}")
        )  # fmt: skip
    from lipcheck.block_reader import read_block  # which imports this module

    quick = read_block(text, limits)
    return quick if quick is not None else load_composed(text, limits)


def load_composed(text: str, limits: Limits) -> Document:
    """Load `text` (checked by `load_text`) through the YAML composer: any file, any problem."""
    parser = _Composer(text, limits)
    try:
        root = parser.get_single_node()
    except _LimitReached as reached:
        return _only(reached.finding)
    except yaml.MarkedYAMLError as error:
        return _only(_syntax_finding(error, text, limits))
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports everything with a mark
        return _only(Finding("yaml-syntax", Message("yaml-syntax", {"problem": str(error)}), None))
    except RecursionError:  # pragma: no cover - pure-Python composer only; libyaml caps nesting
        return _only(_limit("depth", limits.max_depth + 1, limits.max_depth, "--max-depth"))
    finally:
        parser.dispose()
    if root is None:
        return _only(_finding("empty", Location(1, 1), "hint.empty"))
    walk = _Walk(limits, aliases_possible="*" in text)
    try:
        data = walk.node(root, (), 0)
    except _LimitReached as reached:
        return _only(reached.finding)
    return Document(data, walk.positions, listed(walk.findings, walk.unlisted), walk.placeholder_seen)


def listed(findings: Sequence[Finding], unlisted: int) -> tuple[Finding, ...]:
    """`findings`, followed by one that counts the `unlisted` problems left out, if any."""
    if unlisted <= 0:
        return tuple(findings)
    more = Message("more-problems", {"count": unlisted})
    return (
        *findings,
        Finding("more-problems", more, None, Message("hint.more-problems", {"most": MOST_FINDINGS})),
    )


class _Composer(_Parser):
    """The YAML composer, stopped as soon as the document grows past the node or depth limit.

    The walk checks the limits too, but only once the whole tree is built: a 4 MB flow list
    of two million numbers would cost seconds and most of a gigabyte before it looked.
    """

    def __init__(self, stream: str, limits: Limits) -> None:
        super().__init__(stream)
        self.limits = limits
        self.nodes = 0
        self.depth = 0
        if len(stream) < 2 * limits.max_nodes:
            # A text this short cannot hold more nodes than the limit (every node costs at least
            # a character and a separator) and composes in well under a millisecond, so skip the
            # per-node counting calls: builtins that accept the same arguments and do nothing
            # useful cost a fraction of a Python call. The walk still checks depth and nodes.
            self.descend_resolver = slice  # type: ignore[method-assign,assignment]
            self.ascend_resolver = tuple  # type: ignore[method-assign,assignment]

    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        """Tag for an untagged node; plain scalars are resolved later by `_Walk`, not by regexes."""
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # Both composers call these around every node (keys too), before composing it; path-based
    # resolution is not used, so they serve to count nodes and nesting while the tree is built.
    def descend_resolver(self, parent: Node | None, index: object) -> None:
        self.nodes += 1
        self.depth += 1
        # The root is composed at depth 1 but walked at depth 0.
        if self.depth - 1 > self.limits.max_depth:
            where = _near(parent, index)
            raise _LimitReached(_limit("depth", self.depth - 1, self.limits.max_depth, "--max-depth", where))
        if self.nodes > self.limits.max_nodes:
            where = _near(parent, index)
            raise _LimitReached(_limit("nodes", self.nodes, self.limits.max_nodes, "--max-nodes", where))

    def ascend_resolver(self) -> None:
        self.depth -= 1


def _near(parent: Node | None, index: object) -> Location:
    """Where the node about to be composed starts, as near as the composer lets us see.

    The composer does not show us the new node's own mark, only its parent and its key (in a
    mapping) or the siblings composed before it (in a list); the end of the last one is close.
    """
    if isinstance(index, Node):
        mark = index.start_mark
    elif parent is not None and parent.value:
        last = parent.value[-1]
        mark = (last[1] if isinstance(last, tuple) else last).end_mark
    elif parent is not None:
        mark = parent.start_mark
    else:
        return Location(1, 1)
    return Location(mark.line + 1, mark.column + 1)


class _LimitReached(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


class _Walk:
    """Turns composed nodes into dicts, lists and scalars, noting positions and problems.

    This runs once per node of every file, so it is written for speed: marks are stored as
    they are, and alias bookkeeping happens only when the text has an alias (`*`) at all.
    """

    def __init__(self, limits: Limits, aliases_possible: bool) -> None:
        self.limits = limits
        self.positions = Positions()
        self.values = self.positions.values
        self.findings: list[Finding] = []
        self.unlisted = 0
        self.nodes = 0
        self.aliases = 0
        self.track = aliases_possible
        self.seen: set[int] = set()
        self.open: set[int] = set()
        from lipcheck.placeholders import is_placeholder  # which imports this module

        self.is_placeholder = is_placeholder
        self.placeholder_seen = False
        """Whether a value (never a key) read so far is a placeholder; looked for until one is."""

    def node(self, node: Node, path: PathKey, depth: int) -> Any:
        self.values[path] = node.start_mark
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _LimitReached(
                _limit("nodes", self.nodes, self.limits.max_nodes, "--max-nodes", _location(node.start_mark))
            )
        if depth > self.limits.max_depth:
            raise _LimitReached(
                _limit("depth", depth, self.limits.max_depth, "--max-depth", _location(node.start_mark))
            )
        tag = node.tag
        if tag == _PLAIN and type(node) is ScalarNode:
            value = plain_scalar(node.value)
            if value is TOO_MANY_DIGITS:
                return self._too_many_digits(node)
            return self._noted(value)
        if tag not in _ALLOWED_TAGS:
            self._problem("unsafe-tag", node, "hint.tag", tag=_as_written(tag))
            return None
        if type(node) is ScalarNode:
            value = self._tagged_scalar(node, tag)
            return self._noted(value)
        if not self.track:
            return self._collection(node, path, depth)
        identity = id(node)
        if identity in self.seen:
            # A collection met twice was reached through an alias.
            if identity in self.open:
                raise _LimitReached(_finding("alias-cycle", _location(node.start_mark), "hint.alias"))
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise _LimitReached(
                    _limit(
                        "aliases",
                        self.aliases,
                        self.limits.max_aliases,
                        "--max-aliases",
                        _location(node.start_mark),
                    )
                )
        self.seen.add(identity)
        self.open.add(identity)
        try:
            return self._collection(node, path, depth)
        finally:
            self.open.discard(identity)

    def _collection(self, node: Node, path: PathKey, depth: int) -> Any:
        if type(node) is MappingNode:
            return self._mapping(node, path, depth + 1)
        walk = self.node
        plain = self._plain_scalar
        return [
            plain(item, child, depth + 1)
            if type(item) is ScalarNode and item.tag == _PLAIN
            else walk(item, child, depth + 1)
            for index, item in enumerate(node.value)
            for child in ((*path, index),)
        ]

    def _mapping(self, node: Node, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        keys = self.positions.keys
        walk = self.node
        plain = self._plain_scalar
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self._problem("complex-key", key_node, "hint.complex-key")
                continue
            key = str(key_node.value)
            if key == "<<" and key_node.tag == _PLAIN:
                self._problem("merge-key", key_node, "hint.merge-key")
                continue
            if key in result:
                first_key = (*path, key)
                first = keys[first_key].line + 1
                second = key_node.start_mark.line + 1
                self._problem("duplicate-key", key_node, "hint.duplicate-key", key=key, first=first,
                              second=second)  # fmt: skip
                continue
            child = (*path, key)
            keys[child] = key_node.start_mark
            if type(value_node) is ScalarNode and value_node.tag == _PLAIN:
                result[key] = plain(value_node, child, depth)
            else:
                result[key] = walk(value_node, child, depth)
        return result

    def _plain_scalar(self, node: Node, path: PathKey, depth: int) -> Any:
        """`node(...)` for an untagged plain scalar, most of a document's nodes, with no tag or
        alias bookkeeping: the same position, counts, limits and meaning, in one call."""
        if self.nodes >= self.limits.max_nodes or depth > self.limits.max_depth:
            return self.node(node, path, depth)  # over a limit: raises, with the same finding
        self.values[path] = node.start_mark
        self.nodes += 1
        value = plain_scalar(node.value)
        if value is TOO_MANY_DIGITS:
            return self._too_many_digits(node)
        return self._noted(value)

    def _noted(self, value: Any) -> Any:
        """`value`, a scalar read as a value (never a key), noted if it is a placeholder."""
        if type(value) is str and not self.placeholder_seen:
            self.placeholder_seen = self.is_placeholder(value)
        return value

    def _problem(self, code: str, node: Node, hint: str, **args: object) -> None:
        if len(self.findings) >= MOST_FINDINGS:
            self.unlisted += 1
            return
        self.findings.append(_finding(code, _location(node.start_mark), hint, **args))

    def _too_many_digits(self, node: Node) -> None:
        digits = len(node.value.lstrip("+-"))
        self._problem(
            "number-too-long", node, "hint.number-too-long", digits=digits, most=f"{_MOST_DIGITS:,}"
        )

    def _tagged_scalar(self, node: Node, tag: str) -> Any:
        """A quoted scalar, or one with an explicit core tag (`!!int 3`): honour it or say why not."""
        value: str = node.value
        if tag == _STR:
            return value
        if tag == _YAML + "null" and value in _NULLS:
            return None
        if tag == _YAML + "bool" and value in _BOOLS:
            return _BOOLS[value]
        if tag == _YAML + "int" and _INT.match(value):
            number = _whole(value)
            return self._too_many_digits(node) if number is TOO_MANY_DIGITS else number
        if tag == _YAML + "float" and (_FLOAT.match(value) or _INT.match(value)):
            return float(value)
        self._problem("tag-mismatch", node, "hint.tag", tag=_as_written(tag), value=value)
        return value


def plain_scalar(value: str) -> Any:
    """What an untagged, unquoted scalar means: YAML's core schema, nothing more."""
    special = SPECIAL.get(value, _NOT_SPECIAL)
    if special is not _NOT_SPECIAL:
        return special
    if value[:1] in NUMBER_START:
        if _INT.match(value):
            return _whole(value)
        if _FLOAT.match(value) and not value.isdigit():
            return float(value)
    return value


def _whole(digits: str) -> int | object:
    """`digits` as an int, or `TOO_MANY_DIGITS` past Python's limit on converting text to int."""
    try:
        return int(digits)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows (4,300 by default)
        return TOO_MANY_DIGITS


def _syntax_finding(error: yaml.MarkedYAMLError, text: str, limits: Limits) -> Finding:
    mark = error.problem_mark or error.context_mark
    location = Location(mark.line + 1, mark.column + 1) if mark else None
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    hint = "hint.yaml-syntax"
    args: dict[str, object] = {"problem": problem}
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        hint = "hint.tabs"
    elif "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        # A bad backslash escape inside double quotes: the quote is closed, the escape is wrong.
        hint = "hint.escape"
    elif "quoted scalar" in context and error.context_mark is not None:
        # Where the parser gave up can be far below; the opening quote is what needs fixing.
        hint = "hint.unclosed-quote"
        args["line"] = error.context_mark.line + 1
        location = _location(error.context_mark)
    elif problem.startswith("mapping values are not allowed"):
        # `mission: Our mission: ...`: the second `: ` reads as a key inside a value.
        hint = "hint.unquoted-colon"
    elif problem == "found undefined alias":
        hint = "hint.undefined-alias"
    elif problem == "but found another document":
        hint = "hint.one-document"
    elif "maximum nesting depth" in problem:
        # libyaml's scanner reads a run of `[` or `{` ahead of any node (each could open a key),
        # so it stops at 1000 levels before the composer or the walk can count: the user's limit
        # is what was exceeded, and this is as near as anyone can point.
        return _limit("depth", _LIBYAML_DEPTH, limits.max_depth, "--max-depth", location)
    return Finding("yaml-syntax", Message("yaml-syntax", args), location, Message(hint, args))


def _as_written(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` as the user typed it: `!!python/object`."""
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


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
        Message("hint.limit-ceiling" if name == "depth" and limit >= DEEPEST else "hint.limit", args),
    )


def _only(finding: Finding) -> Document:
    return Document(None, Positions(), (finding,))


def _fail(message_id: str, path: str | os.PathLike[str], **args: object) -> NoReturn:
    args = {"path": shown_path(path), **args}
    raise LipcheckError(Message(message_id, args), Message(f"hint.{message_id}", args))
