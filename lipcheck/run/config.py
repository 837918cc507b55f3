"""`.lipcheck.yaml`: the rubric a repository agrees on, read with the proposal loader, every problem at once.

A broken config stops the run (exit 2) with every problem located (file:line:column) and a
did-you-mean for a misspelt key. A config that lipcheck found by itself lies in the checkout, so a
pull request can write it: its `pack` may only name a folder inside the working folder (see
docs/security.md); a config named with `--config` is trusted like the workflow that names it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable
from dataclasses import field

from lipcheck.compiled_schemas import ConfigFile
from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Location, Message, Severity
from lipcheck.frozen import frozen
from lipcheck.language import LANGUAGES
from lipcheck.loader import Document, Limits, PathKey, read_proposal
from lipcheck.paths import shown_path, within, working_folder

CONFIG_FILE = ".lipcheck.yaml"
VERSION_KEY = "lipcheck-config"


@frozen
class ConfigWaiver:
    """A waiver as the config gives it, with where it is written (to locate a problem with it)."""

    rule: str
    reason: str
    owner: str
    expires: dt.date
    location: Location | None
    rule_at: Location | None
    files: tuple[str, ...] = ()


@frozen
class Config:
    """A valid config: its keys, where each is written, its folder (globs and `pack` count from it)."""

    path: str
    """The file, absolute."""
    shown: str
    """The file as reports show it: relative to the working folder where it lies under it."""
    folder: str
    file: ConfigFile
    document: Document
    waivers: tuple[ConfigWaiver, ...] = ()
    _takes_in: dict[int, Callable[[str], bool]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """A waiver (by index) -> whether its `files` take in the proposal at an absolute path."""
    _folders: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """A proposal's folder as its path names it -> absolute (for `waivers_for`)."""

    @property
    def pack(self) -> str | None:
        """The config's `pack`, as a folder joined to the config's folder (a shipped id stays an id)."""
        from lipcheck.packs.registry import is_path

        name = self.file.pack
        if name is None or not is_path(name):
            return name
        return os.path.normpath(os.path.join(self.folder, name))  # noqa: PTH118

    @property
    def default_call(self) -> str | None:
        return self.file.default_call

    @property
    def fail_under(self) -> float | None:
        return self.file.gate.fail_under if self.file.gate else None

    @property
    def fail_on(self) -> Severity | None:
        return self.file.gate.fail_on if self.file.gate else None

    @property
    def lang(self) -> str | None:
        return self.file.lang

    @property
    def tunes_rules(self) -> bool:
        return bool(self.file.rules)

    def at(self, loc: PathKey, value: bool = True) -> Location:
        return self.document.positions.value(loc) if value else self.document.positions.key(loc)

    def waivers_for(self, path: str) -> tuple[ConfigWaiver, ...]:
        """The waivers that take in the proposal at `path`, a file read next: its path is matched
        against their `files`, and whether it exists is left to the read."""
        wanted = None
        chosen = []
        for index, waiver in enumerate(self.waivers):
            if not waiver.files:
                chosen.append(waiver)
                continue
            if wanted is None:
                folder, name = os.path.split(path)
                absolute = self._folders.get(folder)
                if absolute is None:  # once a folder: the working folder is asked of the system each time
                    absolute = self._folders[folder] = os.path.abspath(folder or os.curdir)  # noqa: PTH100
                wanted = os.path.join(absolute, name)  # noqa: PTH118
            takes_in = self._takes_in.get(index)
            if takes_in is None:
                takes_in = self._takes_in[index] = self._files_test(waiver.files)
            if takes_in(wanted):
                chosen.append(waiver)
        return tuple(chosen)

    def _files_test(self, patterns: tuple[str, ...]) -> Callable[[str], bool]:
        """Whether a proposal, at an absolute path, is one of the files `patterns` name from the
        config's folder. Each pattern is matched against the path's names, not expanded: a folder of
        ten thousand proposals is not listed for a waiver (a pattern with `..` in it still is)."""
        from lipcheck.run.discover import expand, name_matcher

        tests = [name_matcher(pattern) for pattern in patterns]
        listed = [pattern for pattern, test in zip(patterns, tests, strict=True) if test is None]
        found = None
        if listed:
            found = frozenset(os.path.abspath(name) for name in expand(listed, (), self.folder))  # noqa: PTH100
        matching = [test for test in tests if test is not None]
        prefix = self.folder.rstrip(os.sep) + os.sep

        def takes_in(path: str) -> bool:
            if found is not None and path in found:
                return True
            return path.startswith(prefix) and any(test(path[len(prefix) :]) for test in matching)

        return takes_in

    def proposals(self) -> list[str]:
        """The files `proposals` and `exclude` name, relative to the working folder where they can be."""
        from lipcheck.run.discover import expand

        return [_relative(name) for name in expand(self.file.proposals, self.file.exclude, self.folder)]


class ConfigError(LipcheckError):
    """A config lipcheck cannot use (exit 2), with every problem in it located."""

    def __init__(self, path: str, findings: tuple[Finding, ...]) -> None:
        lines = tuple(_line(path, finding) for finding in findings)
        if len(lines) == 1:
            only = findings[0]
            super().__init__(lines[0], only.hint or Message("hint.config-format"))
        else:
            super().__init__(
                Message("config.problems", {"path": path, "count": len(lines)}),
                Message("hint.config-format"),
                lines,
            )


def _line(path: str, finding: Finding) -> Message:
    where = finding.location or Location(1, 1)
    problem = finding.message
    if finding.hint is not None and finding.hint.id == "hint.did-you-mean":
        problem = Message("pack.problem-hinted", {"problem": finding.message, "hint": finding.hint})
    return Message(
        "config.invalid", {"path": path, "line": where.line, "column": where.column, "problem": problem}
    )


def read_config(name: str, named: bool = False, limits: Limits | None = None) -> Config:
    """The config at `name`; `named` when the user named it (`--config`), not found in the checkout.

    Raises ConfigError with every problem found, LipcheckError when the file cannot be read.
    """
    from lipcheck.validation import CONFIG_FORMAT, validate_as

    path = os.path.abspath(name)  # noqa: PTH100
    shown = _relative(path)
    document = read_proposal(path, limits or Limits())
    if document.findings:
        raise ConfigError(shown, document.findings)
    problems: list[Finding] = []
    if isinstance(document.data, dict) and document.data and next(iter(document.data)) != VERSION_KEY:
        first = next(iter(document.data))
        problems.append(
            Finding(
                "config-version-first",
                Message("config.version-first", {"key": VERSION_KEY}),
                document.positions.key((first,)),
                Message("hint.config-version"),
            )
        )
    config_file, findings = validate_as(CONFIG_FORMAT, document, top="config.top-level")
    problems += findings
    if config_file is not None and config_file.lang is not None and config_file.lang not in LANGUAGES:
        problems.append(
            Finding(
                "config-unknown-lang",
                Message("cli.unknown-lang", {"lang": config_file.lang, "languages": ", ".join(LANGUAGES)}),
                document.positions.value(("lang",)),
            )
        )
    folder = os.path.dirname(path)  # noqa: PTH120
    if config_file is not None:
        problems += _pack_problems(config_file, document, folder, named)
    if problems or config_file is None:
        raise ConfigError(shown, tuple(sorted(problems, key=_position)))
    waivers = tuple(
        ConfigWaiver(
            w.rule,
            w.reason,
            w.owner,
            w.expires,
            document.positions.key(("waivers", index)),
            document.positions.value(("waivers", index, "rule")),
            tuple(w.files),
        )
        for index, w in enumerate(config_file.waivers)
    )
    return Config(path, shown, folder, config_file, document, waivers)


def _pack_problems(config_file: ConfigFile, document: Document, folder: str, named: bool) -> list[Finding]:
    """The packs the config names must exist; a folder pack of a config found in the checkout must
    stay in the working folder (symlinks followed)."""
    from lipcheck.packs import PACK_FILE
    from lipcheck.packs.registry import is_path, packs_folder, shipped_ids, unknown_hint

    problems = []
    for key, name in (("default-call", config_file.default_call), ("pack", config_file.pack)):
        if name is None:
            continue
        where = document.positions.value((key,))
        if is_path(name) and key == "pack":
            path = os.path.join(folder, name)  # noqa: PTH118
            if not named and not within(os.path.realpath(path), working_folder()):
                message, hint = (
                    Message("config.pack-outside", {"pack": name}),
                    Message("hint.config-pack-outside"),
                )
                problems.append(Finding("config-pack-outside", message, where, hint))
            elif not os.path.isfile(os.path.join(path, PACK_FILE)):  # noqa: PTH113, PTH118
                message = Message("config.no-pack", {"key": key, "pack": name})
                problems.append(Finding("config-unknown-pack", message, where, unknown_hint(False)))
        elif is_path(name) or not (packs_folder() / name / PACK_FILE).is_file() or name == "common":
            close = difflib.get_close_matches(name, shipped_ids(), n=1, cutoff=0.6)
            hint = Message("hint.did-you-mean", {"suggestion": close[0]}) if close else unknown_hint(True)
            message = Message("config.no-pack", {"key": key, "pack": name})
            problems.append(Finding("config-unknown-pack", message, where, hint))
    return problems


def _position(finding: Finding) -> tuple[int, int]:
    where = finding.location or Location(1, 1)
    return (where.line, where.column)


def _relative(path: str) -> str:
    """`path` relative to the working folder when it lies under it, else as given; always shown safely."""
    here = os.getcwd()  # noqa: PTH109
    absolute = os.path.abspath(path)  # noqa: PTH100
    if within(absolute, here):
        return shown_path(os.path.relpath(absolute, here))
    return shown_path(absolute)
