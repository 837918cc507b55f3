"""The full YAML reader: any file, composed by libyaml (when present) and walked into a Document.

`loader.load_text` comes here for a file the block reader declines. We compose with libyaml and
walk the nodes ourselves instead of calling `yaml.load`: the walk is cheaper than PyYAML's
constructor, records positions in a table keyed by the same paths pydantic reports in an
error's `loc`, and lets us decide what a scalar means. Duplicate keys, merge keys, non-core tags,
aliases past the limit and syntax errors become findings, each at its line and column. This is
the only module that imports PyYAML on a check's way: a run whose files are all plain block
style never loads it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lipcheck.findings import Finding, Location, Message
from lipcheck.loader import (
    BOOLS,
    FLOAT,
    INT,
    MOST_DIGITS,
    MOST_FINDINGS,
    NULLS,
    TOO_MANY_DIGITS,
    Document,
    Limits,
    PathKey,
    Positions,
    finding,
    limit_finding,
    listed,
    location_of,
    only,
    plain_scalar,
    whole,
)

try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
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


_YAML = "tag:yaml.org,2002:"
_PLAIN = "lipcheck:plain"  # our marker for an untagged plain scalar, resolved by `_Walk`
_STR, _MAP, _SEQ = _YAML + "str", _YAML + "map", _YAML + "seq"
_ALLOWED_TAGS = frozenset({_PLAIN, _STR, _MAP, _SEQ} | {_YAML + t for t in ("int", "float", "bool", "null")})
_LIBYAML_DEPTH = 1000  # libyaml's own ceiling on nesting (yaml_set_max_nest_level)


def load_composed(text: str, limits: Limits) -> Document:
    """Load `text` (checked by `load_text`) through the YAML composer: any file, any problem."""
    parser = _Composer(text, limits)
    try:
        root = parser.get_single_node()
    except _LimitReached as reached:
        return only(reached.finding)
    except yaml.MarkedYAMLError as error:
        return only(_syntax_finding(error, text, limits))
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports everything with a mark
        return only(Finding("yaml-syntax", Message("yaml-syntax", {"problem": str(error)}), None))
    except RecursionError:  # pragma: no cover - pure-Python composer only; libyaml caps nesting
        return only(limit_finding("depth", limits.max_depth + 1, limits.max_depth, "--max-depth"))
    finally:
        parser.dispose()
    if root is None:
        return only(finding("empty", Location(1, 1), "hint.empty"))
    walk = _Walk(limits, aliases_possible="*" in text)
    try:
        data = walk.node(root, (), 0)
    except _LimitReached as reached:
        return only(reached.finding)
    return Document(data, walk.positions, listed(walk.findings, walk.unlisted), walk.placeholder_seen)


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
            raise _LimitReached(
                limit_finding("depth", self.depth - 1, self.limits.max_depth, "--max-depth", where)
            )
        if self.nodes > self.limits.max_nodes:
            where = _near(parent, index)
            raise _LimitReached(
                limit_finding("nodes", self.nodes, self.limits.max_nodes, "--max-nodes", where)
            )

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
                limit_finding(
                    "nodes", self.nodes, self.limits.max_nodes, "--max-nodes", location_of(node.start_mark)
                )
            )
        if depth > self.limits.max_depth:
            raise _LimitReached(
                limit_finding(
                    "depth", depth, self.limits.max_depth, "--max-depth", location_of(node.start_mark)
                )
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
                raise _LimitReached(finding("alias-cycle", location_of(node.start_mark), "hint.alias"))
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise _LimitReached(
                    limit_finding(
                        "aliases",
                        self.aliases,
                        self.limits.max_aliases,
                        "--max-aliases",
                        location_of(node.start_mark),
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
                first = location_of(keys[first_key]).line
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
        self.findings.append(finding(code, location_of(node.start_mark), hint, **args))

    def _too_many_digits(self, node: Node) -> None:
        digits = len(node.value.lstrip("+-"))
        self._problem("number-too-long", node, "hint.number-too-long", digits=digits, most=f"{MOST_DIGITS:,}")

    def _tagged_scalar(self, node: Node, tag: str) -> Any:
        """A quoted scalar, or one with an explicit core tag (`!!int 3`): honour it or say why not."""
        value: str = node.value
        if tag == _STR:
            return value
        if tag == _YAML + "null" and value in NULLS:
            return None
        if tag == _YAML + "bool" and value in BOOLS:
            return BOOLS[value]
        if tag == _YAML + "int" and INT.match(value):
            number = whole(value)
            return self._too_many_digits(node) if number is TOO_MANY_DIGITS else number
        if tag == _YAML + "float" and (FLOAT.match(value) or INT.match(value)):
            return float(value)
        self._problem("tag-mismatch", node, "hint.tag", tag=_as_written(tag), value=value)
        return value


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
        location = location_of(error.context_mark)
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
        return limit_finding("depth", _LIBYAML_DEPTH, limits.max_depth, "--max-depth", location)
    return Finding("yaml-syntax", Message("yaml-syntax", args), location, Message(hint, args))


def _as_written(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` as the user typed it: `!!python/object`."""
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""
