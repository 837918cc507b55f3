r"""What a CI runner would obey in a report, defused: every format passes its whole document through here.

GitHub's runner reads each line a step prints twice (actions/runner, `ActionCommand.cs`):
`TryParseV2` takes a line that starts with `::` once leading white space is trimmed, and the
legacy `TryParse` takes `##[` *anywhere* in the line. Both use .NET's culture-sensitive
`StartsWith`/`IndexOf`, which with ICU skip characters that weigh nothing in collation (zero-width
spaces, joiners, soft hyphens, control characters, combining marks): `#\u200b#[` is `##[` to the
runner, and a zero-width space between two colons does not break them. So the defusing looks
through such characters, and what it puts in is visible: each medium's own escape for `[` or `:`
(JSON `\u005b`, HTML and XML `&#91;`, Markdown `\[`), which its reader turns back into the
character, or the terminal's visible `\x5b` where there is no such escape.

The same pass turns lone surrogates (a file name that is not UTF-8, decoded by Python with
`surrogateescape`) into escapes, so no output ever fails to encode as UTF-8.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Categories the runner's ICU may weigh as nothing, or that a newer Unicode may make so (unassigned
# code points): too wide a net only escapes a `[` or `:` that needed none.
_WEIGHTLESS = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me"})
# Default-ignorable letters (Hangul fillers) that are not in those categories.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
# Where .NET's StreamReader (and Python's splitlines) starts a new line.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Medium:
    """How one output format writes `[` and `:` so its reader still sees them, but a runner does not."""

    bracket: str
    colon: str
    surrogate: str
    """A format string for a lone surrogate, given `code` (its code point) and `byte` (the byte
    it stands for, when it is one of a file name's bytes that are not UTF-8)."""


TEXT = Medium(bracket="\\x5b", colon="\\x3a", surrogate="\\x{byte:02x}")
JSON = Medium(bracket="\\u005b", colon="\\u003a", surrogate="\\u{code:04x}")
MARKUP = Medium(bracket="&#91;", colon="&#58;", surrogate="\\x{byte:02x}")
"""HTML and XML: character references, which every parser turns back into the character."""
MARKDOWN = Medium(bracket="\\[", colon="\\:", surrogate="\\\\x{byte:02x}")
"""CommonMark: a backslash escapes any ASCII punctuation."""


def weightless(char: str) -> bool:
    """Whether the runner's culture-sensitive matching may skip `char` as if it were not there."""
    return unicodedata.category(char) in _WEIGHTLESS or char in _FILLERS


def defuse(document: str, medium: Medium, own_commands: bool = False) -> str:
    """`document` with no `##[` the runner could read and no line it could take for a `::` command.

    `own_commands`: the document is lipcheck's GitHub format, whose every line is a command lipcheck
    wrote on purpose (its values are escaped by the format), so lines starting with `::` stay.
    """
    if _SURROGATE.search(document):
        document = _SURROGATE.sub(lambda match: _surrogate(match.group(), medium), document)
    if "#" in document and "[" in document:
        document = _defuse_legacy(document, medium)
    if not own_commands and ":" in document:
        document = _defuse_line_starts(document, medium)
    return document


def _surrogate(char: str, medium: Medium) -> str:
    code = ord(char)
    byte = code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else code
    return medium.surrogate.format(code=code, byte=byte)


def _defuse_legacy(document: str, medium: Medium) -> str:
    """Each `[` after two `#` (with only weightless characters between) as the medium's escape."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"\[", document):
        at = match.start()
        if _after_two_hashes(document, at):
            out.append(document[start:at])
            out.append(medium.bracket)
            start = at + 1
    if not out:
        return document
    out.append(document[start:])
    return "".join(out)


def _after_two_hashes(document: str, at: int) -> bool:
    position = at - 1
    for _ in range(2):
        while position >= 0 and document[position] != "#" and weightless(document[position]):
            position -= 1
        if position < 0 or document[position] != "#":
            return False
        position -= 1
    return True


def _defuse_line_starts(document: str, medium: Medium) -> str:
    """A line whose first visible characters are two colons gets its first colon escaped."""
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(document))]
    out: list[str] = []
    done = 0
    for start in starts:
        first = _command_colon(document, start)
        if first is not None:
            out.append(document[done:first])
            out.append(medium.colon)
            done = first + 1
    if not out:
        return document
    out.append(document[done:])
    return "".join(out)


def _command_colon(document: str, start: int) -> int | None:
    """Where the first of two colons that open the line at `start` is, if they do."""
    end = len(document)
    position = start
    while position < end and document[position] != ":" and _skipped_at_line_start(document[position]):
        position += 1
    if position >= end or document[position] != ":":
        return None
    second = position + 1
    while second < end and document[second] != ":" and weightless(document[second]):
        if _LINE_BREAK.match(document[second]):
            return None
        second += 1
    return position if second < end and document[second] == ":" else None


def _skipped_at_line_start(char: str) -> bool:
    # `TrimStart()` drops .NET white space; ICU then skips weightless characters. A line break
    # ends the line, so it is never skipped.
    return (char.isspace() or weightless(char)) and not _LINE_BREAK.match(char)
