"""What GitHub's runner would obey in a line of a step's output, by its own rules.

After actions/runner `src/Runner.Common/ActionCommand.cs`: `TryParseV2` trims leading white space
and wants `::name ...::`; the legacy `TryParse` finds `##[name ...]` anywhere in the line. The
command name must be registered (`ActionCommandManager.cs`). Both use .NET's culture-sensitive
`StartsWith`/`IndexOf`, which under ICU skip characters of no collation weight; we model that by
dropping every character that is not printable ASCII before matching (after the leading white space
is trimmed), which is a superset of what any ICU skips: the test can only be stricter than the
runner. The model keeps no list of its own on purpose: were it to share the defuser's idea of which
characters are invisible, a hole in one would be a hole in the other.
"""

from __future__ import annotations

import re

REGISTERED = frozenset(
    {
        "internal-set-repo-path", "set-env", "set-output", "save-state", "add-mask", "add-path",
        "add-matcher", "remove-matcher", "debug", "warning", "error", "notice", "group",
        "endgroup", "echo", "stop-commands",
    }
)  # fmt: skip
_LINES = re.compile("\r\n|\r|\n")
_POSSIBLY_IGNORED = re.compile("[^\x20-\x7e]")  # no printable ASCII character weighs nothing


def _collated(text: str) -> str:
    return _POSSIBLY_IGNORED.sub("", text)


def lines(output: str) -> list[str]:
    """The lines the runner reads: .NET's StreamReader breaks at CR, LF and CRLF."""
    return _LINES.split(output)


def v2_command(line: str) -> str | None:
    """The `::name` command the line is, if the runner reads it as one."""
    message = _collated(line.lstrip())  # .NET TrimStart: Unicode white space
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    name = message[2:end].split(" ", 1)[0]
    return name if name in REGISTERED else None


def legacy_command(line: str) -> str | None:
    """The `##[name]` command in the line, if the runner reads one."""
    message = _collated(line)
    start = message.find("##[")
    if start < 0:
        return None
    end = message.find("]", start)
    if end < 0:
        return None
    name = message[start + 3 : end].split(" ", 1)[0]
    return name if name in REGISTERED else None


def obeyed(output: str, own: bool = False) -> list[str]:
    """Every line of `output` the runner would obey; with `own`, lipcheck's own GitHub-format
    annotations (`::error file=`, `::warning file=`, `::notice file=` at the very start) are allowed."""
    found = []
    for line in lines(output):
        mine = own and re.match(r"::(error|warning|notice) file=", line) is not None
        if (v2_command(line) and not mine) or legacy_command(line) or ("##[" in line):
            found.append(line)
    return found
