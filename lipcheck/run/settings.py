"""The command line and `.lipcheck.yaml` resolved, per proposal file, into one plain Settings object.

Precedence, the same for every key: the command line, then the config, then the proposal's own
`call`, then `lip-2012`. The config that applies to a file is the nearest `.lipcheck.yaml` from
the file's folder upward, stopping at the repository root (a folder holding `.git`) or the file
system root; `--config PATH` names one for every file and `--no-config` ignores them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from lipcheck.findings import Severity
from lipcheck.frozen import frozen
from lipcheck.loader import Limits
from lipcheck.run.config import CONFIG_FILE, Config, ConfigWaiver, read_config
from lipcheck.waivers import WaiverSpec, from_config


@frozen
class Flags:
    """What the command line said; None (or False) where it said nothing."""

    pack: str | None = None
    fail_under: float | None = None
    fail_on: Severity | None = None
    config: str | None = None
    """`--config PATH`: this config for every file, wherever it is."""
    no_config: bool = False
    """`--no-config`: no `.lipcheck.yaml` is read."""


@frozen
class Settings:
    """Everything that decides how one proposal file is judged, each key resolved once."""

    pack: str | None
    """The pack every proposal is checked under, whatever its `call`: `--pack`, else the config's
    (a folder of the config's joined to the config's folder)."""
    default_call: str | None
    """The pack for a proposal that names no `call` (the config's `default-call`)."""
    fail_under: float | None
    fail_on: Severity | None
    config: Config | None = None
    config_lang: str | None = None
    """The config's `lang`, for the language precedence (`--lang` first) to weigh."""
    waivers: tuple[WaiverSpec, ...] = ()
    """The config's waivers whose `files` take in this proposal (all of them when none names files),
    as they are applied: one WaiverSpec for every file they take in."""
    fail_under_from: str | None = None
    """The config file (as reports show it) when it, not the command line, set `fail_under`: the
    gate's reasons say where their bar was set."""
    fail_on_from: str | None = None
    """The same for `fail_on`."""


@dataclass
class Configs:
    """The configs of a run: each folder's nearest config looked up once, each config read once."""

    flags: Flags
    limits: Limits = field(default_factory=Limits)
    """The loader's limits (`--max-file-size` and friends): a config is read within them too."""
    nearest: dict[str, str | None] = field(default_factory=dict)
    """Folder (absolute) -> the config file that applies there, or None."""
    read: dict[str, Config] = field(default_factory=dict)
    settled: dict[tuple[str, tuple[int, ...]], Settings] = field(default_factory=dict)
    """(config file, its waivers that take a file in, by identity) -> the Settings of such a file
    (see resolve)."""
    given: dict[str, str | None] = field(default_factory=dict)
    """Folder as a path names it (`proposals`, relative to the working folder, which a run never
    leaves) -> the config file that applies there: the files of a folder cost one look-up."""

    def for_file(self, path: str) -> Config | None:
        """The config that applies to the proposal at `path`; raises ConfigError for a broken one."""
        if self.flags.no_config:
            return None
        name = self.flags.config
        if name is None:
            folder = os.path.dirname(path)  # noqa: PTH120
            if folder in self.given:
                name = self.given[folder]
            else:
                name = self.given[folder] = self._nearest(os.path.dirname(os.path.abspath(path)))  # noqa: PTH100, PTH120
        if name is None:
            return None
        if name not in self.read:
            self.read[name] = read_config(name, named=self.flags.config is not None, limits=self.limits)
        return self.read[name]

    def for_run(self) -> Config | None:
        """The config of the working folder (for a run given no files): `--config`, or the nearest."""
        return self.for_file(os.path.join(os.getcwd(), "-"))  # noqa: PTH109, PTH118

    def _nearest(self, folder: str) -> str | None:
        walked: list[str] = []
        found: str | None = None
        while True:
            if folder in self.nearest:
                found = self.nearest[folder]
                break
            walked.append(folder)
            candidate = os.path.join(folder, CONFIG_FILE)  # noqa: PTH118
            if os.path.isfile(candidate):  # noqa: PTH113
                found = candidate
                break
            parent = os.path.dirname(folder)  # noqa: PTH120
            if os.path.exists(os.path.join(folder, ".git")) or parent == folder:  # noqa: PTH110, PTH118
                break
            folder = parent
        for seen in walked:
            self.nearest[seen] = found
        return found


def resolve(path: str, configs: Configs) -> Settings:
    """The settings for the proposal at `path`: the run's flags over its config over the proposal's `call`.

    Files under the same config that its waivers take in alike share one Settings, made once.
    """
    config = configs.for_file(path)
    if config is None:
        key: tuple[str, tuple[int, ...]] = ("", ())
        chosen: tuple[ConfigWaiver, ...] = ()
    else:
        chosen = config.waivers_for(path)
        key = (config.path, tuple(map(id, chosen)))  # the config's own waivers: they live as long as it
    settled = configs.settled.get(key)
    if settled is None:
        settled = configs.settled[key] = _settings(configs.flags, config, chosen)
    return settled


def _settings(flags: Flags, config: Config | None, chosen: tuple[ConfigWaiver, ...]) -> Settings:
    if config is None:
        return Settings(flags.pack, None, flags.fail_under, flags.fail_on)
    fail_under = flags.fail_under if flags.fail_under is not None else config.fail_under
    fail_on = flags.fail_on if flags.fail_on is not None else config.fail_on
    pack = flags.pack or config.pack
    return Settings(
        pack=pack,
        default_call=config.default_call,
        fail_under=fail_under,
        fail_on=fail_on,
        config=config,
        config_lang=config.lang,
        waivers=tuple(from_config(waiver, config) for waiver in chosen),
        fail_under_from=config.shown if flags.fail_under is None and config.fail_under is not None else None,
        fail_on_from=config.shown if flags.fail_on is None and config.fail_on is not None else None,
    )
