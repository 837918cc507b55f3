"""A compiled rule pack kept between runs, so a single check neither re-reads nor re-resolves a pack.

The cache holds what a run needs from a pack once it has been read, inherited and validated (ids,
texts, weights, check kinds and options, provenance), as JSON in the user's cache folder. An
entry names every folder its pack came from (the pack, its parents, `rules/common`) with the
sha256 of each YAML file there, and is used only while all of them are unchanged: any edit, even
one of the same size restored with `cp -p`, reads the pack afresh, and so does a new lipcheck.

The cache file is untrusted input (anyone who can write the cache folder can write it): it is
opened without following symlinks and without blocking, must be a regular file of at most
`MAX_BYTES`, is parsed without NaN or infinities, and every value is checked for its type and
range before it is used. Anything else is ignored (and rewritten after the pack is compiled).
Examples are not cached; tests and docs read them from the rule files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import re
import stat
import types
import typing
from pathlib import Path
from typing import Any

from lipcheck import __version__, checks
from lipcheck.errors import LipcheckError
from lipcheck.findings import Severity, Text, Thresholds
from lipcheck.loader import read_bounded
from lipcheck.packs import PACK_FILE, RULE_FILE, Change, Pack, Rule

FORMAT = 3
MAX_BYTES = 4 * 1024 * 1024
"""A compiled pack is a few tens of kB: a bigger cache file is not ours."""
_NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)
_PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TUNED_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\+config$")  # a pack tuned by a config's `rules`
_RULE_ID = re.compile(r"^[A-Z]+[0-9]{3}$")


class _Refused(ValueError):
    """The cache holds something lipcheck did not write."""


def folder() -> Path | None:
    """$LIPCHECK_CACHE_DIR, else $XDG_CACHE_HOME/lipcheck, else ~/.cache/lipcheck; empty disables.

    A relative XDG_CACHE_HOME is ignored, as the XDG Base Directory spec says.
    """
    chosen = os.environ.get("LIPCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = Path(os.environ.get("XDG_CACHE_HOME", ""))
    return (base if base.is_absolute() else Path.home() / ".cache") / "lipcheck"


def _key(pack_folder: Path, tuning: str | None) -> list[object]:
    """What an entry is for: the cache format, lipcheck's version, the pack, and the config's
    `rules` that tune it (a tuned pack is kept apart from the pack, one entry per tuning)."""
    return [FORMAT, __version__, str(pack_folder.resolve()), *([] if tuning is None else [tuning])]


def _entry(pack_folder: Path, tuning: str | None = None) -> Path | None:
    where = folder()
    if where is None:
        return None
    name = json.dumps(_key(pack_folder, tuning))
    return where / f"pack-{hashlib.sha256(name.encode()).hexdigest()[:32]}.json"


def manifest(folders: tuple[Path, ...] | list[Path]) -> list[list[Any]] | None:
    """Each folder with the name and sha256 of every file in it the compiler may read (`pack.yaml`
    and the rule files), as the cache stores it; None when one of them cannot be read as the
    compiler reads it (a pipe, a device, a link out, over the size limit): such a pack is not cached,
    and compiling it says what is wrong. Hashing opens a file exactly as the loader does, never more.
    """
    listed = []
    for where in (folder.resolve() for folder in folders):
        files = []
        for entry in sorted(os.scandir(where), key=lambda e: e.name):
            if entry.name != PACK_FILE and not RULE_FILE.match(entry.name):
                continue
            try:
                raw = read_bounded(entry.path)
            except LipcheckError:
                return None
            if raw is None:
                return None
            files.append([entry.name, hashlib.sha256(raw).hexdigest()])
        listed.append([str(where), files])
    return listed


def read(pack_folder: Path, tuning: str | None = None) -> Pack | None:
    """The cached pack compiled from `pack_folder`, if its files are unchanged; else None.

    `tuning` is a config's `rules` as `tuning_of` writes them: the pack tuned by them is read.
    """
    try:
        path = _entry(pack_folder, tuning)
        if path is None:
            return None
        stored = _load(path)
        if stored.get("key") != _key(pack_folder, tuning):
            return None
        folders = stored["folders"]
        if not isinstance(folders, list) or not all(isinstance(f, list) and len(f) == 2 for f in folders):
            return None
        names = [_text(f[0]) for f in folders]
        if str(pack_folder.resolve()) not in names:
            return None
        current = manifest([Path(name) for name in names])
        if current is None or current != folders:
            return None
        return _pack(stored["pack"], pack_folder, _TUNED_ID if tuning is not None else _PACK_ID)
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None


def tuning_of(rules: object) -> str:
    """A config's `rules`, as the user wrote them, as the text that keys the pack they tune."""
    return json.dumps(rules, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def write(pack_folder: Path, pack: Pack, folders: tuple[Path, ...], tuning: str | None = None) -> None:
    """Keep `pack` for next time; atomically, and silently not at all where that fails."""
    import tempfile  # only on a cache miss: it pulls in `random` and `hashlib` seeding

    try:
        path = _entry(pack_folder, tuning)
        if path is None:
            return
        files = manifest(folders)
        if files is None:  # a file the compiler read cannot be hashed the same safe way: not cached
            return
        stored = {
            "key": _key(pack_folder, tuning),
            "folders": files,
            "pack": _stored(pack, pack_folder),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pack-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(stored, stream, allow_nan=False)
            # A rename replaces whatever is at the path (a FIFO, a symlink) and never writes through it.
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return


def _load(path: Path) -> dict[str, Any]:
    """The cache file's JSON: a regular file, not a symlink, bounded, without NaN or infinities."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            raise _Refused(path)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            blob = stream.read(MAX_BYTES + 1)
    finally:
        os.close(handle)
    if len(blob) > MAX_BYTES:
        raise _Refused(path)
    value = json.loads(blob.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite)
    if not isinstance(value, dict):
        raise _Refused(path)
    return value


def _no_constant(name: str) -> object:
    raise _Refused(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as infinity
        raise _Refused(text)
    return value


def _path(path: Path, pack_folder: Path) -> str:
    """A rule file as stored: relative to the pack folder when that was given relative, so the
    entry holds for every spelling of the folder that resolves to it."""
    return str(path) if path.is_absolute() else os.path.relpath(path, pack_folder)


def _stored(pack: Pack, pack_folder: Path) -> dict[str, Any]:
    return {
        "id": pack.id,
        "version": pack.version,
        "title": _stored_text(pack.title),
        "source": _stored_text(pack.source),
        "extends": pack.extends,
        "years": list(pack.years) if pack.years else None,
        "thresholds": [pack.thresholds.ready, pack.thresholds.nearly_ready],
        "parameters": dict(pack.parameters),
        "rules": [
            {
                "id": rule.id,
                "title": _stored_text(rule.title),
                "severity": rule.severity.value,
                "weight": rule.weight,
                "kind": rule.kind,
                "options": checks.written_options(rule.params),
                "rationale": _stored_text(rule.rationale),
                "remediation": _stored_text(rule.remediation),
                "source": _stored_text(rule.source),
                "reading": None if rule.reading is None else _stored_text(rule.reading),
                "file": _path(rule.file, pack_folder),
                "origin": rule.origin,
                "changes": [[c.pack, c.field, c.before, c.after] for c in rule.changes],
                "examples_file": _path(rule.examples_file, pack_folder) if rule.examples_file else None,
                "examples_at": list(rule.examples_at),
            }
            for rule in pack.rules
        ],
    }


def _pack(stored: object, pack_folder: Path, pack_id: re.Pattern[str] = _PACK_ID) -> Pack:
    """The pack from its stored form, every value checked; raises ValueError for anything else.

    Options are checked against their check kind's field types here and then set without
    pydantic validation, which would build every check kind's schema on every run.
    """
    if not isinstance(stored, dict):
        raise _Refused("pack")
    ready, nearly_ready = (_number(v, 0, 100) for v in _list(stored["thresholds"], 2))
    if nearly_ready > ready:
        raise _Refused("thresholds")
    years = stored["years"]
    rules = tuple(_rule(rule, pack_folder) for rule in _list(stored["rules"]))
    if not rules or not any(r.weight > 0 for r in rules if r.severity not in _NO_POINTS):
        raise _Refused("rules")
    parameters = stored["parameters"]
    if not isinstance(parameters, dict) or not all(_is_option(v) for v in parameters.values()):
        raise _Refused("parameters")
    return Pack(
        id=_text(stored["id"], pack_id),
        version=_text(stored["version"]),
        title=_pack_text(stored["title"]),
        source=_pack_text(stored["source"]),
        thresholds=Thresholds(ready, nearly_ready),
        parameters=parameters,
        rules=rules,
        folder=pack_folder,
        extends=None if stored["extends"] is None else _text(stored["extends"]),
        years=None if years is None else (_integer(_list(years, 2)[0]), _integer(years[1])),
    )


def _rule(stored: object, pack_folder: Path) -> Rule:
    if not isinstance(stored, dict):
        raise _Refused("rule")
    kind = _text(stored["kind"])
    if kind not in checks.KINDS:
        raise _Refused(kind)
    severity = Severity(_text(stored["severity"]))
    weight = _number(stored["weight"], 0, math.inf)
    if severity in _NO_POINTS and weight:
        raise _Refused("weight")
    module = checks.load_kind(kind)
    params_model: type[checks.Params] = getattr(module, "PARAMS", checks.Params)
    options = stored["options"]
    fields = {each.name: (each, annotation) for each, annotation in checks.option_fields(params_model)}
    required = {name for name, (each, _) in fields.items() if each.default is dataclasses.MISSING}
    if not isinstance(options, dict) or not required <= set(options) <= set(fields):
        raise _Refused("options")
    typed: dict[str, Any] = {name: _option(value, fields[name][1]) for name, value in options.items()}
    reading = stored["reading"]
    examples_file = stored["examples_file"]
    return Rule(
        _text(stored["id"], _RULE_ID),
        _pack_text(stored["title"]),
        severity,
        weight,
        kind,
        module,
        params_model(**typed),  # checks each option's bounds too
        _pack_text(stored["rationale"]),
        _pack_text(stored["remediation"]),
        _pack_text(stored["source"]),
        None if reading is None else _pack_text(reading),
        pack_folder / _text(stored["file"]),
        origin=_text(stored["origin"]),
        changes=tuple(Change(*(_text(part) for part in _list(c, 4))) for c in _list(stored["changes"])),
        examples_file=None if examples_file is None else pack_folder / _text(examples_file),
        examples_at=tuple(_text(part) for part in _list(stored["examples_at"])),
    )


def _option(value: object, annotation: object) -> object:
    """`value` as the check option typed `annotation` wants (tuples from JSON lists), or _Refused."""
    origin = typing.get_origin(annotation)
    if origin is tuple:
        item, *rest = typing.get_args(annotation)
        if rest != [Ellipsis]:
            raise _Refused("option")
        return tuple(_option(v, item) for v in _list(value))
    if origin is dict:  # named groups of codes (groups_covered): JSON keeps a mapping's order
        key, item = typing.get_args(annotation)
        if not isinstance(value, dict):
            raise _Refused("option")
        return {_option(k, key): _option(v, item) for k, v in value.items()}
    if origin is typing.Literal:
        if value not in typing.get_args(annotation) or isinstance(value, bool):
            raise _Refused("option")
        return value
    if origin in (typing.Union, types.UnionType):
        for choice in typing.get_args(annotation):
            try:
                return _option(value, choice)
            except _Refused:
                continue
        raise _Refused("option")
    if annotation is type(None) and value is None:
        return value
    if annotation is bool and isinstance(value, bool):
        return value
    if annotation is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if annotation is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value, -math.inf, math.inf)
    if annotation is str and isinstance(value, str):
        return value
    raise _Refused("option")


def _is_option(value: object) -> bool:
    if isinstance(value, list):
        return all(_is_option(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool))


def _list(value: object, length: int | None = None) -> list[Any]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise _Refused("list")
    return value


def _stored_text(text: Text) -> list[str | None]:
    return [text.en, text.fr]


def _pack_text(value: object) -> Text:
    """A text of the pack as stored: `[english, french or null]`."""
    en, fr = _list(value, 2)
    return Text(_text(en), None if fr is None else _text(fr))


def _text(value: object, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or (pattern is not None and not pattern.match(value)):
        raise _Refused("text")
    return value


def _number(value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Refused("number")
    number = float(value)
    if not (math.isfinite(number) and low <= number <= high):
        raise _Refused("number")
    return number


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Refused("integer")
    return value
