"""Which proposal files a run checks: glob patterns (`**` included) expanded under a folder."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable


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
    return sorted(
        os.path.join(base, path)  # noqa: PTH118 - plain os, as in paths.py
        for path in found - excluded
        if os.path.isfile(os.path.join(base, path))  # noqa: PTH113, PTH118
    )


def _matches(pattern: str, base: str) -> set[str]:
    # glob.glob, not Path.glob: `*` and `**` skip hidden names (`.git/`), as a shell's globs do.
    return {os.path.normpath(path) for path in glob.glob(pattern, root_dir=base, recursive=True)}  # noqa: PTH207
