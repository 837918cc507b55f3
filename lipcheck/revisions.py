"""A proposal's content at a git revision, read with `git show` without touching the working tree.

The revision and the path both come from a pull request's world (a workflow input, a file name the
pull request chose), so git is run with a fixed argv and never a shell; the revision must look like
a revision (no leading `-`, no `:`, no white space or control characters), the object name is one
argument after `--end-of-options`, and the path is given as `./path` (relative to where lipcheck
runs), so neither can become a git option or a second object.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message
from lipcheck.paths import shown_path

_REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,199}")
_GIT_SECONDS = 30


def check_revision(revision: str) -> None:
    """Refuse what cannot be a plain revision (a branch, tag, commit, `HEAD~1`, `origin/main`)."""
    if not _REVISION.fullmatch(revision) or ".." in revision or revision.endswith((".lock", "/", ".")):
        raise LipcheckError(
            Message("diff.bad-revision", {"revision": revision}), Message("hint.diff.revision")
        )


def read_at(revision: str, path: str, max_bytes: int) -> bytes | None:
    """The bytes of `path` at `revision`; None when the file did not exist then. Raises LipcheckError."""
    check_revision(revision)
    git = shutil.which("git")
    if git is None:
        raise LipcheckError(Message("diff.no-git"), Message("hint.diff.no-git"))
    relative = os.path.relpath(path)
    if relative.startswith(".." + os.sep) or relative == ".." or os.path.isabs(relative):  # noqa: PTH117
        outside = Message("diff.outside", {"path": shown_path(path)})
        raise LipcheckError(outside, Message("hint.diff.outside"))
    exists = _git(git, ["cat-file", "-e", "--end-of-options", f"{revision}^{{commit}}"], path)
    if exists.returncode != 0:
        raise LipcheckError(
            Message("diff.unknown-revision", {"revision": revision}), Message("hint.diff.revision")
        )
    shown = _git(git, ["cat-file", "-e", "--end-of-options", f"{revision}:./{relative}"], path)
    if shown.returncode != 0:
        return None  # new since the revision
    blob = _git(git, ["cat-file", "blob", "--end-of-options", f"{revision}:./{relative}"], path)
    if blob.returncode != 0:
        reason = blob.stderr.decode("utf-8", "backslashreplace").strip()[:300]
        raise LipcheckError(Message("diff.git-failed", {"path": shown_path(path), "reason": reason}))
    if len(blob.stdout) > max_bytes:
        return blob.stdout[: max_bytes + 1]  # the loader reports it as over the limit
    return blob.stdout


def _git(git: str, arguments: list[str], path: str) -> subprocess.CompletedProcess[bytes]:
    # No pager, no prompt, no local config that runs programs on `cat-file`; output as bytes.
    environment = {**os.environ, "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(
            [git, "--no-pager", *arguments],
            capture_output=True,
            check=False,
            timeout=_GIT_SECONDS,
            env=environment,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        reason = str(error)[:300]
        raise LipcheckError(
            Message("diff.git-failed", {"path": shown_path(path), "reason": reason})
        ) from None
