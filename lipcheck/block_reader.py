"""The plain block-style YAML nearly every proposal is written in, read without composing nodes.

`loader.load_text` asks this module first. It reads a file only when every line is one of a
few plain forms (`key: value`, `key:`, `- value`, `- key: value`, comments and blank lines, a
value plain, quoted on one line without escapes, or a one-line list of plain words) and the
file holds nothing else: no tabs, no carriage returns, no anchors, tags, block scalars, values
over several lines, document markers or duplicate keys. For such a file it gives exactly the
Document the full loader gives: the same data, the same line and column for every key and
value, the same placeholder note. For any other file it gives None, without a finding, and the
full loader reads it: this module never decides that a file is wrong, so its subset can only
make lipcheck faster, never change what it says. The equivalence is a test
(tests/loader/test_block_reader.py), on every shipped file and on generated and mutated ones.

A line is matched by one regular expression and the tree is built from the matches, so a
file costs a few Python steps per line instead of libyaml's node, mark and resolver objects.
Every run of spaces in the expression is taken whole (`[ ]+(?![ ])`): two runs side by side
could otherwise share the spaces in every way when a line fails, which costs the square of the
line's length (minutes for one long line of spaces).
"""

from __future__ import annotations

import re
from typing import Any

from lipcheck.loader import (
    DEEPEST,
    NUMBER_START,
    SPECIAL,
    TOO_MANY_DIGITS,
    Document,
    Limits,
    PathKey,
    Positions,
    plain_scalar,
)
from lipcheck.placeholders import STARTS, is_placeholder

_LINE = re.compile(
    r"""
    (?P<indent>[ ]*)(?![ ])
    (?:
        (?P<dash>-[ ]+(?![ ]))?
        (?:(?P<key>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}):(?P<gap>[ ]+(?![ ])|(?=\n|\Z)))?
        (?:
            (?P<plain>
                (?:[^\s\-?:,\[\]{}\#&*!|>'"%@`]|-(?=[0-9.]))  # what may start a plain value
                [^\n:\#\ ]*
                (?:  # then runs of ordinary characters, each after one of these:
                    (?:[ ]+(?=[^\ \n\#])  # spaces, unless a comment or the line's end follows
                      | :(?=[^\ \n])  # a colon, unless a space or the line's end follows
                      | \#  # a hash right after a character (after a space it starts a comment)
                    )
                    [^\n:\#\ ]*
                )*
            )
          | (?P<flow>\[[^\n\[\]{}\#'"]*\])
          | (?P<single>'[^'\n]*(?:''[^'\n]*)*')
          | (?P<double>"[^"\\\n]*")
        )?
        [ ]*(?:(?<![^\ \n])\#[^\n]*)?  # a comment, after a space or at the start of its line
        (?:\n|\Z)
    |
        (?P<other>[^\n]*)(?:\n|\Z)
    )
    """,
    re.VERBOSE,
)
# What makes a file the full loader's: what libyaml refuses (control characters, surrogates,
# U+FFFE and U+FFFF), and the tab, carriage return, next-line character, line and paragraph
# separators and byte-order mark, which it reads in ways this module does not follow.
_OUTSIDE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


# Of the first 256 code points, `_OUTSIDE` holds the C0 controls but the line feed, DEL and the C1
# controls: 0 marks them, 1 the rest, for `bytes.translate`.
_LATIN_OUTSIDE = bytes(0 if chr(code) != "\n" and _OUTSIDE.match(chr(code)) else 1 for code in range(256))


def _outside(text: str) -> bool:
    """Whether `text` holds a character of `_OUTSIDE`."""
    try:
        latin = text.encode("latin-1")  # a copy, for text that is all ASCII or Latin-1
    except UnicodeEncodeError:
        return _OUTSIDE.search(text) is not None  # a character past U+00FF: the expression looks
    # The same question answered in C, five times quicker than the expression or `isprintable`.
    return 0 in latin.translate(_LATIN_OUTSIDE)


# An entry of a one-line list: plain, and without a colon (which in a flow list may start a pair).
_FLOW_ITEM = re.compile(r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-(?=[0-9.]))[^:,\[\]{}#]*\Z")

_PLAIN, _FLOW, _SINGLE, _DOUBLE = 1, 2, 3, 4
# The first characters of a plain value `_Reader.plain` must look at (a number, null or boolean,
# or perhaps a placeholder): any other ASCII character starts text that is none of these.
_LOOK_CLOSER = frozenset(NUMBER_START | set(STARTS) | {word[0] for word in SPECIAL if word})


class _Unread(Exception):
    """The file leaves the subset: the full loader reads it."""


# A line that holds something: (line, indent, dash, key, key column, kind, value, value column).
# `indent` is where the line's first token starts (its dash, else its key or value).
_Token = tuple[int, int, bool, str | None, int, int, str, int]


def read_block(text: str, limits: Limits, placed: bool = True) -> Document | None:
    """The Document for `text` when it is written in the plain block subset, else None.

    Unless `placed`, the tree is built without its position table, which is worked out from the
    lines' tokens when first asked for (a brief report asks for none when the file is valid).
    """
    if len(text) >= 2 * limits.max_nodes or limits.max_depth > DEEPEST or _outside(text):
        return None  # the reader recurses a level at a time: deeper limits are the full reader's
    tokens = _tokens(text)
    if not tokens or tokens[0][2] or tokens[0][3] is None:
        return None  # empty, a line outside the subset, or a root that is not a mapping
    if 3 * len(tokens) + text.count(",") > limits.max_nodes:
        return None  # perhaps over --max-nodes (a line makes three nodes at most, a comma one more)
    reader = _Reader(tokens, limits, placed)
    try:
        data, end = reader.mapping(0, tokens[0][1], ())
    except _Unread:
        return None
    if end != len(tokens):
        return None
    positions = reader.positions if placed else _Later(tokens, limits)
    return Document(data, positions, (), reader.placeholder_seen)


class _Later(Positions):
    """The position table of a file read unplaced: its tokens read again, placed, when first asked for."""

    def __init__(self, tokens: list[_Token], limits: Limits) -> None:
        # No `values` or `keys` yet: the first look at either comes to __getattr__, which makes both.
        self._tokens = tokens
        self._limits = limits

    def __getattr__(self, name: str) -> Any:
        if name not in ("values", "keys"):
            raise AttributeError(name)
        reader = _Reader(self._tokens, self._limits, True)
        reader.mapping(0, self._tokens[0][1], ())  # as the first reading went, without an _Unread
        self.values, self.keys = reader.values, reader.keys
        return reader.values if name == "values" else reader.keys


# A line cut at its indentation, dash, key and the spaces after its colon; the rest is its value.
_PARTS = re.compile(
    r"([ ]*)(-[ ]+)?(?:([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}):([ ]+|(?=\n|\Z)))?([^\n]*)(?:\n|\Z)"
)
# What a plain value may not start with (a minus may, before a digit or a point).
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_AFTER_MINUS = frozenset("0123456789.")
_QUICK_FLOW = re.compile(r"\[[^\[\]{}#'\"]*\]\Z")


def _tokens(text: str) -> list[_Token] | None:
    """A token for each line of `text` that holds something; None when a line leaves the subset.

    `_PARTS` cuts each line (a cheaper expression than `_LINE`: it judges no value), and string
    methods settle the usual values: plain without `: `, `#` or a trailing space or colon, quoted
    without escapes, a one-line list of plain entries. A line whose value they leave unsettled is
    read with `_LINE`, which says what every line means; the two agree wherever the quick way
    settles a line (tests/loader/test_block_reader.py).
    """
    tokens: list[_Token] = []
    for line, (indent, dash, key, gap, rest) in enumerate(_PARTS.findall(text)):
        if not rest or rest[0] == "#":  # no value, perhaps a comment (after a space: see _PARTS)
            if not dash and not key:
                continue  # a blank line, or only a comment
            kind, value = 0, ""
        else:
            first = rest[0]
            last = rest[-1]
            kind = 0
            if (first not in _NOT_PLAIN_FIRST and not first.isspace()) or (
                first == "-" and rest[1:2] in _AFTER_MINUS
            ):
                if last != " " and last != ":" and "#" not in rest and ": " not in rest:
                    kind, value = _PLAIN, rest
            elif first == "[":
                if _QUICK_FLOW.match(rest):
                    kind, value = _FLOW, rest
            elif (first == "'" or first == '"') and last == first and len(rest) > 1:
                value = rest[1:-1]
                if first == '"':
                    if '"' not in value and "\\" not in value:
                        kind = _DOUBLE
                elif "'" not in value.replace("''", ""):
                    kind, value = _SINGLE, value.replace("''", "'")
            if not kind:
                token = _matched_token(line, f"{indent}{dash}{key}{':' if key else ''}{gap}{rest}")
                if token is None:
                    return None
                if token is not _NOTHING:
                    tokens.append(token)
                continue
        column = len(indent)
        key_column = column + len(dash)
        # A value starts right after the dash, key, colon and spaces before it (a quoted one at its quote).
        value_column = key_column + len(key) + 1 + len(gap) if key else key_column
        tokens.append(
            (line, column, bool(dash), key or None, key_column, kind, value, value_column if kind else 0)
        )
    return tokens


_NOTHING: _Token = (-1, -1, False, None, -1, -1, "", -1)
"""What `_matched_token` gives for a line that holds nothing but spaces and a comment."""


def _matched_token(line: int, written: str) -> _Token | None:
    """The token of the line `written` as `_LINE` reads it; None when the line leaves the
    subset, `_NOTHING` when it holds no token."""
    matched = _LINE.match(written)
    assert matched is not None  # its last branch takes any line
    indent, dash, key, gap, plain, flow, single, double, other = matched.groups("")
    if other:
        return None
    if plain:
        kind, value = _PLAIN, plain
    elif flow:
        kind, value = _FLOW, flow
    elif single:
        kind, value = _SINGLE, single[1:-1].replace("''", "'")
    elif double:
        kind, value = _DOUBLE, double[1:-1]
    elif not dash and not key:
        return _NOTHING  # a blank line, or only a comment
    else:
        kind, value = 0, ""
    column = len(indent)
    key_column = column + len(dash)
    value_column = key_column + len(key) + 1 + len(gap) if key else key_column
    return (line, column, bool(dash), key or None, key_column, kind, value, value_column if kind else 0)


class _Reader:
    """Builds the tree from the tokens, by indentation, as libyaml's block rules would."""

    def __init__(self, tokens: list[_Token], limits: Limits, placed: bool = True) -> None:
        self.tokens = tokens
        self.count = len(tokens)
        self.deepest = limits.max_depth
        self.placed = placed
        """Whether each node's position goes into the table (else the table stays empty)."""
        self.positions = Positions()
        self.values = self.positions.values
        self.keys = self.positions.keys
        self.placeholder_seen = False

    def mapping(self, index: int, indent: int, path: PathKey) -> tuple[dict[str, Any], int]:
        """The mapping whose keys start at column `indent`, from token `index` (its first key)."""
        if len(path) >= self.deepest:
            raise _Unread  # its values would be past --max-depth: the full loader says so
        tokens = self.tokens
        count = self.count
        first = tokens[index]
        keys = self.keys
        values = self.values
        placed = self.placed
        if placed:
            values[path] = (first[0], first[4])
        result: dict[str, Any] = {}
        while index < count:
            line, column, dash, key, key_column, kind, value, value_column = tokens[index]
            if result and (column != indent or dash):
                if column < indent:
                    break
                raise _Unread  # deeper than its siblings: a value continued, or a stray dash
            if key is None or key in result:
                raise _Unread  # a duplicate key is a finding: the full loader words it
            child = path + (key,)  # noqa: RUF005 - half the cost of (*path, key), per node
            if placed:
                keys[child] = (line, key_column)
            index += 1
            if kind == _PLAIN:
                if placed:
                    values[child] = (line, value_column)
                start = value[0]
                result[key] = self.plain(value) if start in _LOOK_CLOSER or not start.isascii() else value
            elif kind:
                result[key] = self.scalar(kind, value, child, line, value_column)
            elif index < count and tokens[index][1] > indent:
                following = tokens[index]
                if following[2]:
                    result[key], index = self.sequence(index, following[1], child, False)
                elif following[3] is not None:
                    result[key], index = self.mapping(index, following[1], child)
                else:
                    raise _Unread  # a value continued on the next line
            elif index < count and tokens[index][1] == indent and tokens[index][2]:
                result[key], index = self.sequence(index, indent, child, True)
            else:
                # An empty value is null, and libyaml places it just after the colon.
                if placed:
                    values[child] = (line, key_column + len(key) + 1)
                result[key] = None
        return result, index

    def sequence(self, index: int, indent: int, path: PathKey, indentless: bool) -> tuple[list[Any], int]:
        """The list whose dashes stand at column `indent`, from token `index` (its first dash)."""
        if len(path) >= self.deepest:
            raise _Unread
        tokens = self.tokens
        if self.placed:
            self.values[path] = (tokens[index][0], indent)
        result: list[Any] = []
        while index < self.count:
            line, column, dash, key, key_column, kind, value, value_column = tokens[index]
            if column < indent or (indentless and column == indent and not dash):
                break
            if not dash or column > indent:
                raise _Unread
            child = path + (len(result),)  # noqa: RUF005 - see mapping
            if key is not None:
                item, index = self.mapping(index, key_column, child)
                result.append(item)
            elif kind:
                result.append(self.scalar(kind, value, child, line, value_column))
                index += 1
            else:
                raise _Unread  # an entry on the lines below its dash, or an empty one
        return result, index

    def plain(self, text: str) -> Any:
        """What a plain value means (the loader's own reading), noted if it is a placeholder."""
        first = text[0]  # never a space: a plain value starts with a character and ends with one
        if first in NUMBER_START or text in SPECIAL:
            value = plain_scalar(text)
            if type(value) is not str:
                if value is TOO_MANY_DIGITS:
                    raise _Unread
                return value
        # Most text is told from a placeholder by its first character, without a call.
        if not self.placeholder_seen and (first in STARTS or not first.isascii()):
            self.placeholder_seen = is_placeholder(text)
        return text

    def scalar(self, kind: int, text: str, path: PathKey, line: int, column: int) -> Any:
        """The value written on one line: plain, quoted, or a one-line list."""
        if self.placed:
            self.values[path] = (line, column)
        if kind == _PLAIN:
            return self.plain(text)
        if kind == _FLOW:
            return self.flow(text, path, line, column)
        if not self.placeholder_seen:
            self.placeholder_seen = is_placeholder(text)
        return text

    def flow(self, text: str, path: PathKey, line: int, column: int) -> list[Any]:
        """`[a, b, c]`, each entry a plain word or phrase."""
        if len(path) >= self.deepest:
            raise _Unread
        inner = text[1:-1]
        if not inner.strip(" "):
            return []
        items: list[Any] = []
        values = self.values
        placed = self.placed
        offset = column + 1
        for part in inner.split(","):
            stripped = part.lstrip(" ")
            item = stripped.rstrip(" ")
            if not _FLOW_ITEM.match(item):
                raise _Unread  # an empty entry, a trailing comma, a pair or a quote
            if placed:
                values[path + (len(items),)] = (line, offset + len(part) - len(stripped))  # noqa: RUF005 - see mapping
            start = item[0]
            items.append(self.plain(item) if start in _LOOK_CLOSER or not start.isascii() else item)
            offset += len(part) + 1
        return items
