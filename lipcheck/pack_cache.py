"""A compiled rule pack kept between runs, so a single check does not re-read 19 YAML files.

The cache holds what a run needs from a pack once it has been read and validated (ids, texts,
weights, check kinds and their options), as JSON in the user's cache folder, keyed by
lipcheck's version and the name, size and modification time of every file in the pack folder:
any edit to a pack, or a new lipcheck, reads the pack afresh. Examples are not cached; tests and
docs read them from the rule files. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from lipcheck import __version__

FORMAT = 1


def folder() -> Path | None:
    """$LIPCHECK_CACHE_DIR, else $XDG_CACHE_HOME/lipcheck, else ~/.cache/lipcheck; empty disables."""
    chosen = os.environ.get("LIPCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "lipcheck"


def key(pack_folder: Path) -> str:
    """What the cached copy must match: lipcheck's version and every file of the pack as it is now."""
    entries = sorted(
        (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
        for entry in os.scandir(pack_folder)
        if entry.is_file()
    )
    blob = json.dumps([FORMAT, __version__, str(pack_folder.resolve()), entries])
    return hashlib.sha256(blob.encode()).hexdigest()


def read(wanted: str) -> dict[str, Any] | None:
    """The cached pack stored under `wanted` (see `key`), else None."""
    where = folder()
    if where is None:
        return None
    try:
        with open(where / f"pack-{wanted[:32]}.json", encoding="utf-8") as stream:  # noqa: PTH123
            cached = json.load(stream)
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("key") != wanted:
        return None
    pack = cached.get("pack")
    return pack if isinstance(pack, dict) else None


def write(wanted: str, pack: dict[str, Any]) -> None:
    """Keep `pack` under `wanted` for next time; atomically, and silently not at all where that fails."""
    import tempfile  # only on a cache miss: it pulls in `random` and `hashlib` seeding

    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".pack-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"key": wanted, "pack": pack}, stream)
            Path(temporary).replace(where / f"pack-{wanted[:32]}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
