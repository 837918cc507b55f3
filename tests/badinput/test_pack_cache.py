"""A compiled pack is used only while it matches every file it came from, and is untrusted input."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lipcheck.cli import main
from lipcheck.packs import Pack, PackError, cache, load_pack
from lipcheck.packs import compile as compile_module
from tests.badinput.catalogue import EXAMPLE
from tests.conftest import ROOT, TODAY


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "pack")
    own = tmp_path / "pack" / "pack.yaml"  # a folder pack may not keep a shipped pack's id
    own.write_text(own.read_text(encoding="utf-8").replace("id: lip-2012", "id: my-2012", 1), "utf-8")
    return tmp_path / "pack"


def summary(pack: Pack) -> list[object]:
    return [
        pack.id, pack.version, pack.title, pack.thresholds, pack.extends, pack.years,
        dict(pack.parameters),
        [(r.id, r.title, r.severity, r.weight, r.kind, r.params, r.remediation, r.origin, r.changes)
         for r in pack.rules],
        [r.reading for r in pack.rules],
    ]  # fmt: skip


def forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path) -> object:
        raise AssertionError(f"{folder} was compiled from its files")

    monkeypatch.setattr(compile_module, "compile_pack", refuse)


def cache_file(tmp_path: Path) -> Path:
    (entry,) = (tmp_path / "cache").glob("pack-*.json")
    return entry


def test_the_second_load_comes_from_the_cache_and_is_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_pack(str(folder))
    forbid_compiling(monkeypatch)
    second = load_pack(str(folder))
    assert summary(second) == summary(first)
    assert second.rule("LIP401").params.stems == first.rule("LIP401").params.stems  # a tuple again
    assert second.rule("LIP101").examples.passing  # examples are read from the rule file on demand


def test_a_child_pack_is_cached_with_its_changes(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = tmp_path / "child"
    child.mkdir()
    (child / "pack.yaml").write_text(
        "id: child\nversion: '1'\ntitle: t\nsource: s\nextends: ../pack\nyears: [2025, 2030]\n"
        "override: {LIP103: {weight: 6}}\nremove: [LIP405]\n",
        encoding="utf-8",
    )
    first = load_pack(str(child))
    forbid_compiling(monkeypatch)
    assert summary(load_pack(str(child))) == summary(first)


def test_an_edited_parent_is_read_afresh(folder: Path, tmp_path: Path) -> None:
    child = tmp_path / "child"
    child.mkdir()
    (child / "pack.yaml").write_text(
        "id: child\nversion: '1'\ntitle: t\nsource: s\nextends: ../pack\n", "utf-8"
    )
    load_pack(str(child))
    rule = folder / "LIP103.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("weight: 4", "weight: 3"), encoding="utf-8")
    assert load_pack(str(child)).rule("LIP103").weight == 3


def test_an_edit_of_the_same_size_and_time_is_read_afresh(folder: Path) -> None:
    # `cp -p` of a same-sized edit keeps size and mtime: only the bytes tell.
    load_pack(str(folder))
    rule = folder / "LIP103.yaml"
    before = rule.stat()
    rule.write_text(rule.read_text(encoding="utf-8").replace("weight: 4", "weight: 3"), encoding="utf-8")
    os.utime(rule, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert rule.stat().st_size == before.st_size
    assert load_pack(str(folder)).rule("LIP103").weight == 3


def test_a_new_rule_file_in_the_folder_is_seen(folder: Path) -> None:
    load_pack(str(folder))
    shutil.copy(folder / "LIP103.yaml", folder / "LIP199.yaml")
    with pytest.raises(PackError):  # LIP199.yaml's id is LIP103, and it is not listed
        load_pack(str(folder))


def _edit(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    def damage(entry: Path) -> None:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        change(stored)
        entry.write_text(json.dumps(stored), encoding="utf-8")

    return damage


def _text(old: str, new: str) -> Callable[[Path], None]:
    def damage(entry: Path) -> None:
        text = entry.read_text(encoding="utf-8")
        assert old in text
        entry.write_text(text.replace(old, new, 1), encoding="utf-8")

    return damage


def _rule(index: int, key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda stored: stored["pack"]["rules"][index].__setitem__(key, value)


def _option(index: int, key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda stored: stored["pack"]["rules"][index]["options"].__setitem__(key, value)


DAMAGE: dict[str, Callable[[Path], object]] = {
    "not-json": lambda e: e.write_text("{not json", encoding="utf-8"),
    "not-an-object": lambda e: e.write_text("[]", encoding="utf-8"),
    "deeply-nested": lambda e: e.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),
    "huge": lambda e: e.write_bytes(b" " * (cache.MAX_BYTES + 10)),
    "not-utf8": lambda e: e.write_bytes(b"\xff\xfe{}"),
    "weight-1e400": _text('"weight": 20.0', '"weight": 1e400'),
    "weight-nan": _text('"weight": 20.0', '"weight": NaN'),
    "weight-true": _edit(_rule(4, "weight", True)),
    "weight-string": _edit(_rule(4, "weight", "20")),
    "weight-negative": _edit(_rule(4, "weight", -3)),
    "blocker-with-points": _edit(_rule(0, "weight", 5)),
    "unknown-kind": _edit(_rule(0, "kind", "os.system")),
    "unknown-severity": _edit(_rule(4, "severity", "fatal")),
    "option-type": _edit(_option(6, "target", "15")),
    "option-unknown": _edit(_option(6, "extra", 1)),
    "option-missing": _edit(lambda s: s["pack"]["rules"][6]["options"].clear()),
    "option-value": _edit(lambda s: s["pack"]["rules"][4]["options"]["sectors"].append("army")),
    "thresholds-reversed": _edit(lambda s: s["pack"].__setitem__("thresholds", [50, 90])),
    "thresholds-nan-string": _edit(lambda s: s["pack"].__setitem__("thresholds", ["nan", 60])),
    "no-rules": _edit(lambda s: s["pack"]["rules"].clear()),
    "no-manifest": _edit(lambda s: s["folders"].clear()),
    "wrong-type": _edit(lambda s: s.__setitem__("pack", 7)),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_or_forged_cache_is_ignored_and_rewritten(
    folder: Path, tmp_path: Path, damage: object
) -> None:
    fresh = summary(load_pack(str(folder)))
    entry = cache_file(tmp_path)
    damage(entry)  # type: ignore[operator]
    assert summary(load_pack(str(folder))) == fresh
    assert cache.read(folder) is not None, "the damaged entry was rewritten"


def test_a_fifo_in_place_of_the_cache_file_never_hangs(folder: Path, tmp_path: Path) -> None:
    fresh = summary(load_pack(str(folder)))
    entry = cache_file(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    assert cache.read(folder) is None
    assert summary(load_pack(str(folder))) == fresh
    assert entry.is_file() and not entry.is_symlink()


def test_a_symlink_in_place_of_the_cache_file_is_not_followed(folder: Path, tmp_path: Path) -> None:
    load_pack(str(folder))
    entry = cache_file(tmp_path)
    target = tmp_path / "elsewhere.json"
    entry.rename(target)
    entry.symlink_to(target)
    assert cache.read(folder) is None
    load_pack(str(folder))
    assert not entry.is_symlink()
    assert target.exists()


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LIPCHECK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.folder() == tmp_path / "home" / ".cache" / "lipcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "lipcheck"


def test_an_empty_cache_setting_turns_the_cache_off(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", "")
    load_pack(str(folder))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_is_not_an_error(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(blocker / "cache"))
    assert load_pack(str(folder)).id == "my-2012"


def test_a_folder_given_another_way_uses_the_same_entry(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    load_pack("./pack")
    monkeypatch.chdir(folder)
    forbid_compiling(monkeypatch)
    again = load_pack(str(folder))
    assert again.rule("LIP101").file.resolve() == folder / "LIP101.yaml"
    assert again.rule("LIP101").examples.passing


def test_hashing_reads_only_the_files_the_compiler_reads_and_never_blocks(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 3 GB sparse `big.yaml` and a named pipe `zz.yaml` beside the pack: the compiler never reads
    them, so neither does the cache's hashing (before, it read the 3 GB and hung on the pipe)."""
    with (folder / "big.yaml").open("wb") as stream:
        stream.truncate(3 << 30)
    os.mkfifo(folder / "zz.yaml")
    hashed: list[str] = []
    real = cache.read_bounded

    def spy(path: str) -> bytes | None:
        hashed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(cache, "read_bounded", spy)
    first = load_pack(str(folder))
    assert "big.yaml" not in hashed and "zz.yaml" not in hashed
    # pack.yaml and rule files only (rules/common's whole folder, which the pack includes from)
    assert set(hashed) >= {"pack.yaml", *(f"{rule.id}.yaml" for rule in first.rules)}
    assert all(name == "pack.yaml" or re.fullmatch(r"[A-Z]+[0-9]{3}\.yaml", name) for name in hashed)
    forbid_compiling(monkeypatch)
    assert summary(load_pack(str(folder))) == summary(first)  # and still cached


@pytest.mark.parametrize(
    ("kind", "says"),
    [("fifo", "LIP999.yaml is not a regular file"), ("huge", "over the limit"), ("link-out", "LIP999.yaml")],
)
def test_a_rule_file_that_cannot_be_read_safely_is_neither_hashed_nor_cached(
    folder: Path, tmp_path: Path, kind: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule file the compiler would refuse is refused with the loader's own message: the hashing
    opens it no other way, so it never blocks on a pipe nor reads 3 GB; nothing is cached."""
    rule = folder / "LIP999.yaml"
    if kind == "fifo":
        os.mkfifo(rule)
    elif kind == "huge":
        with rule.open("wb") as stream:
            stream.truncate(3 << 30)
    else:
        (tmp_path / "elsewhere.yaml").write_text("id: LIP999\n", encoding="utf-8")
        rule.symlink_to(tmp_path / "elsewhere.yaml")
    assert cache.manifest([folder]) is None
    capsys.readouterr()
    assert main(["validate", "--pack", str(folder), "--today", TODAY, str(EXAMPLE)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert "LIP999.yaml" in said and says in said, said
    assert not list((tmp_path / "cache").glob("pack-*.json"))


def test_a_pack_yaml_that_is_a_named_pipe_is_said_to_be_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "no rule pack": there is a pack.yaml, and it is not a regular file (never opened)."""
    (folder / "pack.yaml").unlink()
    os.mkfifo(folder / "pack.yaml")
    capsys.readouterr()
    assert main(["validate", "--pack", str(folder), "--today", TODAY, str(EXAMPLE)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "pack.yaml is not a regular file (a pipe or a device?)" in err


class TestTunedPacks:
    """A pack tuned by a config's `rules` is cached too, apart from the pack, one entry per tuning."""

    def _repo(self, tmp_path: Path, rules: str) -> Path:
        repo = tmp_path / "repo"
        repo.mkdir(exist_ok=True)
        (repo / ".lipcheck.yaml").write_text(f"lipcheck-config: 1\nrules:\n{rules}", encoding="utf-8")
        shutil.copy(EXAMPLE, repo / "p.yaml")
        return repo

    def _score(self, repo: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
        capsys.readouterr()
        main(["validate", "--format", "json", *TODAY, str(repo / "p.yaml")])
        report: dict[str, Any] = json.loads(capsys.readouterr().out)["reports"][0]
        return report

    def test_the_second_run_reads_the_tuned_pack_from_the_cache(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
        repo = self._repo(tmp_path, "  LIP405: off\n  LIP103: {weight: 6}\n")
        first = self._score(repo, capsys)
        assert len(list((tmp_path / "cache").glob("pack-*.json"))) == 2  # the pack, and as tuned

        def refuse(*args: object) -> object:
            raise AssertionError("the tuned pack was compiled again")

        monkeypatch.setattr(compile_module, "tune", refuse)
        assert self._score(repo, capsys) == first
        assert first["pack"]["id"] == "lip-2012+config"

    def test_other_rules_tune_afresh(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
        repo = self._repo(tmp_path, "  LIP103: {weight: 6}\n")
        six = self._score(repo, capsys)
        self._repo(tmp_path, "  LIP103: {weight: 9}\n")
        nine = self._score(repo, capsys)
        weights = [{r["rule"]: r["weight"] for r in report["results"]}["LIP103"] for report in (six, nine)]
        assert weights == [6, 9]

    def test_a_tuned_entry_is_never_read_as_the_pack_itself(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
        self._score(self._repo(tmp_path, "  LIP405: off\n"), capsys)
        assert load_pack("lip-2012").id == "lip-2012"
        assert load_pack("lip-2012").rule("LIP405") is not None
