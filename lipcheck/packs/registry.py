"""The shipped packs: where they live, their ids, and which folder a `--pack` value names."""

from __future__ import annotations

import os
from pathlib import Path

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message
from lipcheck.packs import COMMON, PACK_FILE
from lipcheck.paths import shown_path

DEFAULT_PACK = "lip-2012"


def packs_folder() -> Path:
    """Where the shipped packs live: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def common_folder() -> Path:
    """The shipped rule files that several packs include."""
    return packs_folder() / COMMON


def shipped_ids() -> list[str]:
    """The ids of the shipped packs, sorted (`rules/common` is not a pack)."""
    folder = packs_folder()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name != COMMON and (p / PACK_FILE).is_file())


def is_path(name: str) -> bool:
    """Whether a `--pack` value is written as a path (`./x`, `rules/x`, absolute), not as an id."""
    return os.sep in name or (os.altsep is not None and os.altsep in name) or name in (".", "..")


def resolve(name: str, shipped_only: bool = False) -> Path:
    """The folder of the pack `name` names.

    A name without a path separator is always a shipped id, even where a folder of that name
    exists in the working folder: a pull request cannot put a `lip-2012/` there and choose its
    own rules. A folder is taken only when written as a path, and never for `shipped_only`
    (a proposal's `call`).
    """
    if is_path(name) and not shipped_only:
        folder = Path(name)
    elif name and name != COMMON and not is_path(name):
        folder = packs_folder() / name
    else:
        folder = None
    if folder is not None and os.path.lexists(folder / PACK_FILE) and not (folder / PACK_FILE).is_file():
        # There is a pack.yaml, but a pipe, a device or a folder: say so, not that there is none.
        shown = {"path": shown_path(folder / PACK_FILE)}
        raise LipcheckError(Message("input.not-regular", shown), unknown_hint(shipped_only))
    if folder is None or not (folder / PACK_FILE).is_file():
        raise LipcheckError(Message("pack.not-found", {"pack": name}), unknown_hint(shipped_only))
    return folder


def unknown_hint(shipped_only: bool) -> Message:
    """What to say after an unknown pack: the shipped ids, and folders only where a folder may be given."""
    packs = ", ".join(shipped_ids()) or "none"
    return Message("hint.calls" if shipped_only else "hint.packs", {"packs": packs})


def is_shipped(folder: Path) -> bool:
    """Whether `folder` is one of the shipped packs (whose parents must be shipped too)."""
    try:
        return folder.resolve().parent == packs_folder().resolve()
    except OSError:
        return False
