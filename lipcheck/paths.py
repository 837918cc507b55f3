"""File names as lipcheck shows them, and which folders a path from a pull request may lead into.

A pull request can add symlinks and odd file names, and CI runs lipcheck as root: a name is shown
as text every format can carry, and a path is trusted only as far as it stays in the folder
lipcheck was started in (the checkout), or in a folder its user named outside that one.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path


def shown_path(path: str | os.PathLike[str]) -> str:
    """`path` as text: bytes that are not UTF-8 (kept by Python as lone surrogates) become `\\xff`.

    The same form in every format, so the JSON stays valid and the terminal shows what the name holds.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def working_folder() -> str:
    """The folder lipcheck was started in, with every symlink resolved."""
    return _resolved(os.getcwd())[0]  # noqa: PTH109 - plain os: see loader.read_proposal


@functools.lru_cache(maxsize=1)
def _resolved(folder: str) -> tuple[str, int]:
    """`folder` with its symlinks resolved, and the device it is on, once per run (every file read
    asks for the working folder)."""
    resolved = os.path.realpath(folder)
    try:
        device = os.stat(resolved).st_dev  # noqa: PTH116
    except OSError:
        device = -1  # a working folder removed under lipcheck: no file counts as on its device
    return resolved, device


def on_working_device(seen: os.stat_result) -> bool:
    """Whether the file `seen` is on the working folder's file system (not /proc, /sys, a device's):
    opening such a regular file runs no driver's code, so it may be opened before `opened_outside`
    says where it leads."""
    return seen.st_dev == _resolved(os.getcwd())[1]  # noqa: PTH109


def opened_outside(handle: int, path: str | os.PathLike[str]) -> bool:
    """`leaves_trusted_folders` for the file open as `handle` (opened through `path`).

    The system names the file a handle holds (`/proc/self/fd`), every symlink resolved: when that
    name lies in the working folder, the file does, and no path need be resolved step by step.
    Any other answer (no /proc, another folder) takes the path's own test.
    """
    try:
        opened = os.readlink(f"/proc/self/fd/{handle}")  # noqa: PTH115
    except OSError:
        return leaves_trusted_folders(path)
    if opened.startswith(os.sep) and within(opened, working_folder()):
        return False
    return leaves_trusted_folders(path)


def within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or lies under it (both resolved, absolute)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def leaves_trusted_folders(path: str | os.PathLike[str]) -> bool:
    """Whether `path`, every symlink followed, ends outside the folders it may lead into.

    Those are the working folder, and, for a path named outside the working folder, the folder it
    names (its user chose it; a path inside the checkout could be a symlink the pull request made).
    """
    resolved = os.path.realpath(path)
    working = working_folder()
    if within(resolved, working):
        return False
    named_folder = os.path.dirname(os.path.abspath(path))  # noqa: PTH100, PTH120
    if within(named_folder, os.path.abspath(working)) or within(os.path.realpath(named_folder), working):  # noqa: PTH100
        return True
    return not within(resolved, os.path.realpath(named_folder))


def confined_file(folder: Path, written: str) -> tuple[Path | None, str]:
    """The regular file `written` names inside `folder`, or None and why not.

    The reason is one of `absolute`, `unresolvable` (a symlink loop), `outside` (the path, or a
    symlink on it, leads out of the folder), `too-long`, `missing`, `not-regular` (a folder, a pipe,
    a device). The file is only looked at, never opened, so a pipe named here cannot block.
    """
    if Path(written).is_absolute():
        return None, "absolute"
    inside = folder.resolve()
    try:
        target = (inside / written).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return None, "unresolvable"
    # resolve() follows symlinks, so a link that points out of the folder is caught here too.
    if not target.is_relative_to(inside):
        return None, "outside"
    try:
        kind = target.stat().st_mode
    except OSError as error:
        # Short enough alone, the path can pass the system's limit once joined to the folder.
        return None, "too-long" if error.errno == errno.ENAMETOOLONG else "missing"
    if not stat.S_ISREG(kind):
        return None, "not-regular"
    return target, ""
