"""Which proposal files a run checks: files, folders searched for proposals, glob patterns (`**` included)."""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message
from lipcheck.frozen import frozen
from lipcheck.paths import leaves_trusted_folders, shown_path


def expand(patterns: Iterable[str], exclude: Iterable[str], base: str) -> list[str]:
    """The files under `base` that a pattern of `patterns` matches and no pattern of `exclude` does.

    Patterns are relative to `base` and use `/`; `**` matches any number of folders. The result
    is sorted and holds each file once, each path joined to `base` as given.
    """
    excluded: set[str] = set()
    for pattern in exclude:
        excluded.update(_matches(pattern, base))
        # `archive/**` names the folder's whole tree, files included.
        if pattern.endswith("/**"):
            excluded.update(_matches(pattern + "/*", base))
    found = {path for pattern in patterns for path in _matches(pattern, base)}
    # Each path joined once: a pattern can match thousands of files, and os.path.join is Python.
    joined = [os.path.join(base, path) for path in found - excluded]  # noqa: PTH118 - plain os, as in paths.py
    return sorted(path for path in joined if os.path.isfile(path))  # noqa: PTH113


def name_matcher(pattern: str) -> Callable[[str], bool] | None:
    """A test of a file's path (relative to the pattern's base, `/` between names) that says what
    `expand([pattern], (), base)` would say of that existing file, without listing any folder; None
    for a pattern only a listing can answer (`.`, `..` or an empty name in it, or absolute).

    As glob.glob reads the pattern: `*`, `?` and `[...]` match within one name, and not a name that
    starts with a dot unless the pattern's name does; a name without them matches itself only; `**`
    alone between slashes matches any number of folders (none hidden), or, last, of names.
    """
    names = pattern.split("/")
    if os.sep != "/" or pattern.startswith("/") or any(name in ("", ".", "..") for name in names):
        return None
    parts: list[_Part] = [
        None if name == "**" else re.compile(fnmatch.translate(name)) if _MAGIC.search(name) else name
        for name in names
    ]
    hidden_ok = [name.startswith(".") for name in names]

    def matches(relative: str) -> bool:
        return _match(parts, hidden_ok, relative.split("/"), 0, 0)

    return matches


_Part = str | re.Pattern[str] | None
"""A name of a pattern: itself, a pattern within one name, or None for `**`."""
_MAGIC = re.compile("[*?[]")
"""What makes a name of a pattern match more than itself (glob's own test)."""


def _match(parts: Sequence[_Part], hidden_ok: Sequence[bool], names: Sequence[str], i: int, j: int) -> bool:
    """Whether `names[j:]` matches `parts[i:]` (None is `**`)."""
    while i < len(parts):
        part = parts[i]
        if part is None:
            if i == len(parts) - 1:  # last: any names below, none hidden (the file's own included)
                return j < len(names) and not any(name.startswith(".") for name in names[j:])
            for k in range(j, len(names)):
                if _match(parts, hidden_ok, names, i + 1, k):
                    return True
                if names[k].startswith("."):
                    return False  # `**` never goes into a hidden folder
            return False
        if j >= len(names):
            return False
        name = names[j]
        if isinstance(part, str):
            if name != part:
                return False
        elif part.match(name) is None or (name.startswith(".") and not hidden_ok[i]):
            return False
        i += 1
        j += 1
    return j == len(names)


def _matches(pattern: str, base: str) -> set[str]:
    # glob.glob, not Path.glob: `*` and `**` skip hidden names (`.git/`), as a shell's globs do.
    return {os.path.normpath(path) for path in glob.glob(pattern, root_dir=base, recursive=True)}  # noqa: PTH207


SKIPPED_FOLDERS = frozenset({".git", "node_modules"})
"""Never searched (hidden folders, whose names start with a dot, are not either)."""
SNIFF_BYTES = 64 * 1024
_PROPOSAL_KEY = re.compile(rb"""^(?:lipcheck|"lipcheck"|'lipcheck')[ \t]*:""", re.MULTILINE)


@frozen
class Found:
    """The proposal files of a run, and what the search passed over."""

    files: tuple[str, ...]
    skipped: int = 0
    """YAML files in the folders and patterns searched that are not proposals (no `lipcheck` key)."""
    searched: bool = False
    """A folder or a pattern was among the arguments: the run is over a collection of proposals."""


def find(arguments: Sequence[str], exclude: Sequence[str] = (), follow_symlinks: bool = False) -> Found:
    """The proposals the arguments name: files as given (in the order given), then each folder's
    proposals (searched recursively) and each pattern's (expanded by lipcheck, `**` included), in
    sorted order. A file a folder or a pattern finds comes once. Raises LipcheckError for a
    folder or a pattern with none.

    In folders and patterns, a `.yaml`/`.yml` file is a proposal when its top-level mapping has the
    key `lipcheck` (a line that starts with `lipcheck:`, read from its first 64 KiB, never parsed);
    hidden folders, `.git`, `node_modules` and `exclude` patterns are passed over. A symlinked
    folder is not entered; a symlinked file that leads out of the folders lipcheck trusts is not
    opened to sniff: it is kept, so that reading it is refused with the usual message.
    """
    files: list[str] = []
    # The files so far as their paths normalise, which only a folder or a pattern needs to look
    # at: files[unseen:] are files named since the last one, not normalised yet.
    seen: set[str] = set()
    unseen = 0
    skipped = 0
    searched = False
    rules = [_glob_regex(pattern) for pattern in exclude]
    for argument in arguments:
        if _is_pattern(argument) and not os.path.lexists(argument):
            searched = True
            candidates = expand([argument], exclude, os.curdir)
            candidates = [
                os.path.relpath(path)  # no `./` in front
                for path in candidates
                if not SKIPPED_FOLDERS.intersection(os.path.normpath(path).split(os.sep))  # noqa: PTH206
            ]
        elif os.path.isdir(argument):  # noqa: PTH112
            searched = True
            candidates = sorted(_walk(argument, rules))
        else:
            files.append(argument)  # as given, even twice: the user asked for it
            continue
        seen.update(os.path.normpath(name) for name in files[unseen:])
        proposals = [path for path in candidates if _yaml(path) and _is_proposal(path, follow_symlinks)]
        skipped += sum(1 for path in candidates if _yaml(path)) - len(proposals)
        if not proposals:
            kind = "discover.no-proposal-pattern" if _is_pattern(argument) else "discover.no-proposal-folder"
            raise LipcheckError(Message(kind, {"path": shown_path(argument)}), Message("hint.discover"))
        for path in proposals:
            if path not in seen:
                seen.add(path)
                files.append(path)
        unseen = len(files)
    return Found(tuple(files), skipped, searched)


def searched(arguments: Sequence[str]) -> bool:
    """Whether a folder or a pattern is among the arguments."""
    return any((_is_pattern(a) and not os.path.lexists(a)) or os.path.isdir(a) for a in arguments)  # noqa: PTH112


def _is_pattern(argument: str) -> bool:
    """`*` or `?` makes an argument a pattern; `[` alone does not (file names hold brackets far
    more often). Asked of every file named: two scans in C."""
    return "*" in argument or "?" in argument


def _yaml(path: str) -> bool:
    return path.lower().endswith((".yaml", ".yml"))


def _walk(folder: str, rules: Sequence[re.Pattern[str]]) -> Iterator[str]:
    for root, folders, names in os.walk(folder, followlinks=False):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in names:
            path = os.path.normpath(os.path.join(root, name))  # noqa: PTH118
            if name.startswith(".") or _excluded(path, rules):
                continue
            yield path


def _excluded(path: str, rules: Sequence[re.Pattern[str]]) -> bool:
    relative = os.path.relpath(path).replace(os.sep, "/")
    name = os.path.basename(path)  # noqa: PTH119
    return any(rule.fullmatch(relative) or rule.fullmatch(name) for rule in rules)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """`pattern` as glob.glob reads it: `**/` any folders, `*` and `?` within one name."""
    out = ""
    index = 0
    pattern = pattern.removeprefix("./")
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
        elif pattern.startswith("**", index):
            out += ".*"
            index += 2
        elif pattern[index] == "*":
            out += "[^/]*"
            index += 1
        elif pattern[index] == "?":
            out += "[^/]"
            index += 1
        else:
            out += re.escape(pattern[index])
            index += 1
    return re.compile(out)


def _is_proposal(path: str, follow_symlinks: bool) -> bool:
    """Whether the file at `path` starts a proposal; a file lipcheck may not open counts as one."""
    if not follow_symlinks and leaves_trusted_folders(path):
        return True  # the loader refuses it, naming the file: never silently passed over
    try:
        info = os.stat(path)  # noqa: PTH116
        if not stat.S_ISREG(info.st_mode):
            return False
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        handle = os.open(path, flags)
        try:
            head = os.read(handle, SNIFF_BYTES)
        finally:
            os.close(handle)
    except OSError:
        return True  # unreadable: the loader says why
    return _PROPOSAL_KEY.search(head.removeprefix(b"\xef\xbb\xbf")) is not None
