"""Proposal files -> plain data plus the line and column of every node; problems come back as findings.

This module reads files safely (regular files only, bounded, no symlink out of the trusted
folders), decodes them and refuses what would mislead every reader (UTF-16, NUL bytes, odd line
breaks). Two readers then make the Document: `block_reader`, line by line, for the plain block
style nearly every proposal uses, and `composed_reader`, through libyaml, for any other file;
both give the same Document for the same text.
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

from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Location, Message
from lipcheck.frozen import frozen
from lipcheck.paths import leaves_trusted_folders, on_working_device, opened_outside, shown_path

PathKey = tuple[str | int, ...]
"""A path into the document, in pydantic's `loc` form: ("council", "members", 2, "sectors")."""

INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
# A float needs a point or an exponent, and no leading zero: `0755` and `1_000` stay text.
FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# The most nesting lipcheck reads whatever --max-depth says: the walk recurses a few Python
# frames a level, and Python stops at 1000 frames, well before libyaml's own ceiling.
DEEPEST = 200
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
SPECIAL: dict[str, Any] = {**dict.fromkeys(NULLS), **BOOLS}
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
MOST_DIGITS = sys.get_int_max_str_digits() or 4300
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


Spot = tuple[int, int]
"""Where the block reader says a node starts: (line, column), from 0, in the file being read. A
pair, not a mark object: a file has a few hundred of them, and most are never read."""


@dataclass
class Positions:
    """Where each node of the document starts, keyed by its path.

    The table keeps the parser's own mark objects and turns one into a Location only when a
    finding or a result asks for it: most positions are never read.
    """

    values: dict[PathKey, Mark | Spot] = field(default_factory=dict)
    keys: dict[PathKey, Mark | Spot] = field(default_factory=dict)

    def value(self, path: PathKey) -> Location:
        """The value at `path`, or the nearest enclosing node that exists (where something is missing)."""
        return self._nearest(self.values, path)

    def key(self, path: PathKey) -> Location:
        """The key that names `path` (for an unknown or misplaced key), else `value(path)`."""
        found = self.keys.get(path)
        return location_of(found) if found else self._nearest(self.values, path)

    @staticmethod
    def _nearest(table: dict[PathKey, Mark | Spot], path: PathKey) -> Location:
        found = table.get(path)
        if found:  # most asks: a node that exists
            return location_of(found)
        for end in range(len(path) - 1, -1, -1):
            found = table.get(path[:end])
            if found:
                return location_of(found)
        return Location(1, 1)


def location_of(mark: Mark | Spot) -> Location:
    if isinstance(mark, tuple):
        return Location(mark[0] + 1, mark[1] + 1)
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


def read_proposal(path: str | os.PathLike[str], limits: Limits = Limits(), placed: bool = True) -> Document:
    """Read and load the proposal at `path` (`placed`: see `load_text`).

    Raises LipcheckError when there is no proposal to read (missing, a folder, a pipe, a device,
    unreadable, or a symlink out of the folders lipcheck trusts); anything wrong *inside* the
    file comes back as findings. Nothing but a regular file is ever opened, and it is opened
    non-blocking and checked again once open, so a file swapped for a pipe cannot hang the read.
    Plain `os` calls, not pathlib: pathlib interns every part of every path for good, and a run
    over ten thousand files should not grow with their names.
    """
    info = _regular_file(path, limits, opened_next=True)
    if info.st_size > limits.max_bytes:
        return only(limit_finding("file-size", info.st_size, limits.max_bytes, "--max-file-size"))
    if info.st_size == 0:
        # Empty, or a /proc or /sys file, which says 0 and may block or never end when read.
        return load_bytes(b"", limits)
    raw = _read_regular(path, info, limits)
    if len(raw) > limits.max_bytes:  # the file grew between stat and read
        return only(limit_finding("file-size", len(raw), limits.max_bytes, "--max-file-size"))
    last = _LAST_READ[0] if _LAST_READ else None
    if last is not None and last[0] == raw and last[1] == limits:
        return last[2]
    document = load_bytes(raw, limits, placed)
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
    info = _regular_file(path, limits, opened_next=True)
    if info.st_size > limits.max_bytes:
        return None
    if info.st_size == 0:  # empty, or a /proc or /sys file: not read, as `read_proposal` does not
        return b""
    raw = _read_regular(path, info, limits)
    return raw if len(raw) <= limits.max_bytes else None


def _regular_file(path: str | os.PathLike[str], limits: Limits, opened_next: bool = False) -> os.stat_result:
    """What `stat` says of `path`, when it is a regular file lipcheck may read; else LipcheckError.

    `opened_next`: the caller reads the file next with `_read_regular`, which asks the handle
    where the file leads (cheaper than resolving the path). That is left to it only for a file it
    will open: regular, not empty, within the size limit, on the working folder's file system.
    """
    try:
        info = os.stat(path)  # noqa: PTH116 - see read_proposal
    except FileNotFoundError:
        _fail("input.missing", path)
    except OSError as error:
        _fail("input.unreadable", path, reason=error.strerror or str(error))
    later = opened_next and _opened_next(info, limits)
    if not limits.follow_symlinks and not later and leaves_trusted_folders(path):
        # Said before anything else about the target, so nothing of it reaches a report.
        _fail("input.symlink-outside", path)
    if stat.S_ISDIR(info.st_mode):
        _fail("input.directory", path)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device would block, read forever, or make the device act.
        _fail("input.not-regular", path)
    return info


def _opened_next(info: os.stat_result, limits: Limits) -> bool:
    return stat.S_ISREG(info.st_mode) and 0 < info.st_size <= limits.max_bytes and on_working_device(info)


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
        if not limits.follow_symlinks and opened_outside(handle, path):
            _fail("input.symlink-outside", path)  # before anything else about the file is looked at
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


def load_bytes(raw: bytes, limits: Limits = Limits(), placed: bool = True) -> Document:
    """Decode `raw` as UTF-8 (a BOM is fine) and load it (`placed`: see `load_text`)."""
    # Without a BOM, UTF-16 shows as a NUL beside each ASCII letter; say so rather than "NUL byte".
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return only(finding("encoding-utf16", Location(1, 1), "hint.save-utf8", encoding="UTF-32"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0) != (raw[1] == 0)):
        return only(finding("encoding-utf16", Location(1, 1), "hint.save-utf8", encoding="UTF-16"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        return only(
            finding(
                "encoding-invalid", Location(line, column), "hint.save-utf8", byte=f"0x{raw[error.start]:02x}"
            )
        )
    return load_text(text, limits, placed)


def load_text(text: str, limits: Limits = Limits(), placed: bool = True) -> Document:
    """Load a proposal from decoded text.

    Unless `placed`, a file of the block reader's subset gets its positions worked out only when
    something asks where a node is (the same table, later): for a brief report, which shows none.
    """
    if limits.max_depth > DEEPEST:
        limits = replace(limits, max_depth=DEEPEST)
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        return only(finding("nul-byte", Location(line, column), "hint.save-utf8"))
    # `in` is far quicker than the expression, which only finds the first one.
    odd = not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text)
    odd_break = _ODD_BREAKS.search(text) if odd else None
    if odd_break is not None:
        # YAML 1.1 (libyaml) ends a line at each of these, text editors and `grep -n` do not: every
        # line number after one would point at the wrong line, and a break inside a plain value
        # can move what follows into another key. Refuse, at the place an editor shows.
        at = odd_break.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        char = odd_break.group()
        return only(
            finding("odd-line-break", Location(line, column), "hint.odd-line-break",
                    name=_ODD_BREAK_NAMES[char], codepoint=f"U+{ord(char):04X}")
        )  # fmt: skip
    from lipcheck.block_reader import read_block  # which imports this module

    quick = read_block(text, limits, placed)
    if quick is not None:
        return quick
    from lipcheck.composed_reader import load_composed  # PyYAML: only for a file that needs it

    return load_composed(text, limits)


def listed(findings: Sequence[Finding], unlisted: int) -> tuple[Finding, ...]:
    """`findings`, followed by one that counts the `unlisted` problems left out, if any."""
    if unlisted <= 0:
        return tuple(findings)
    more = Message("more-problems", {"count": unlisted})
    return (
        *findings,
        Finding("more-problems", more, None, Message("hint.more-problems", {"most": MOST_FINDINGS})),
    )


def plain_scalar(value: str) -> Any:
    """What an untagged, unquoted scalar means: YAML's core schema, nothing more."""
    special = SPECIAL.get(value, _NOT_SPECIAL)
    if special is not _NOT_SPECIAL:
        return special
    if value[:1] in NUMBER_START:
        if INT.match(value):
            return whole(value)
        if FLOAT.match(value) and not value.isdigit():
            return float(value)
    return value


def whole(digits: str) -> int | object:
    """`digits` as an int, or `TOO_MANY_DIGITS` past Python's limit on converting text to int."""
    try:
        return int(digits)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows (4,300 by default)
        return TOO_MANY_DIGITS


def finding(code: str, location: Location | None, hint: str, **args: object) -> Finding:
    return Finding(code, Message(code, args), location, Message(hint, args))


def limit_finding(name: str, seen: int, limit: int, option: str, location: Location | None = None) -> Finding:
    args = {"limit": limit, "seen": seen, "option": option}
    return Finding(
        f"limit-{name}",
        Message(f"limit-{name}", args),
        location or Location(1, 1),
        Message("hint.limit-ceiling" if name == "depth" and limit >= DEEPEST else "hint.limit", args),
    )


def only(finding: Finding) -> Document:
    return Document(None, Positions(), (finding,))


def _fail(message_id: str, path: str | os.PathLike[str], **args: object) -> NoReturn:
    args = {"path": shown_path(path), **args}
    raise LipcheckError(Message(message_id, args), Message(f"hint.{message_id}", args))
