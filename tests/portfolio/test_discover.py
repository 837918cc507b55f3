"""Finding proposals: folders searched, patterns lipcheck expands itself, YAML sniffed for `lipcheck`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.run.discover import find
from tests.conftest import EXAMPLES, TODAY

BROOKS = (EXAMPLES / "brooks-not-ready.yaml").read_bytes()
LETHBRIDGE = (EXAMPLES / "lethbridge-ready.yaml").read_bytes()


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """proposals/ with nested proposals, YAML that is not a proposal, and folders never searched."""
    files = {
        "proposals/brooks.yaml": BROOKS,
        "proposals/alberta/lethbridge.yml": LETHBRIDGE,
        "proposals/alberta/2026/brooks-v2.yaml": BROOKS,
        "proposals/.github/workflows/ci.yaml": b"on: push\n",
        "proposals/alberta/budget.yaml": b"total: 12\n",
        "proposals/mkdocs.yml": b"site_name: x\n# lipcheck: not at the top\n",
        "proposals/.hidden/secret.yaml": BROOKS,
        "proposals/node_modules/pkg/proposal.yaml": BROOKS,
        "proposals/.git/proposal.yaml": BROOKS,
        "proposals/archive/old.yaml": BROOKS,
        "proposals/notes.txt": b"lipcheck: 1\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_is_searched_recursively_for_yaml_files_with_a_lipcheck_key(tree: Path) -> None:
    found = find(["proposals"])
    assert found.files == (
        "proposals/alberta/2026/brooks-v2.yaml",
        "proposals/alberta/lethbridge.yml",
        "proposals/archive/old.yaml",
        "proposals/brooks.yaml",
    )
    assert found.skipped == 2, "budget.yaml and mkdocs.yml; hidden folders and node_modules are not searched"
    assert found.searched


def test_exclude_leaves_out_files_and_folders(tree: Path) -> None:
    assert "proposals/archive/old.yaml" not in find(["proposals"], ["proposals/archive/**"]).files
    assert find(["proposals"], ["*-v2.yaml"]).files[0] == "proposals/alberta/lethbridge.yml"


def test_a_pattern_is_expanded_by_lipcheck_including_double_star(tree: Path) -> None:
    found = find(["proposals/**/*.yaml"])
    assert found.files == (
        "proposals/alberta/2026/brooks-v2.yaml",
        "proposals/archive/old.yaml",
        "proposals/brooks.yaml",
    )
    assert find(["proposals/*.yaml"]).files == ("proposals/brooks.yaml",)


def test_a_file_named_before_a_folder_or_a_pattern_that_finds_it_comes_once(tree: Path) -> None:
    named = ["./proposals/brooks.yaml", "proposals", "proposals/alberta//lethbridge.yml", "proposals/*.yaml"]
    found = find(named)
    assert found.files == (
        "./proposals/brooks.yaml",
        "proposals/alberta/2026/brooks-v2.yaml",
        "proposals/alberta/lethbridge.yml",
        "proposals/archive/old.yaml",
        "proposals/alberta//lethbridge.yml",  # named: as given, even when a folder found it before
    )


def test_files_named_stay_in_the_order_given(tree: Path) -> None:
    assert find(["proposals/brooks.yaml", "proposals/alberta/lethbridge.yml"]).files == (
        "proposals/brooks.yaml",
        "proposals/alberta/lethbridge.yml",
    )


def test_a_folder_or_a_pattern_with_no_proposal_is_exit_2_with_a_hint(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "empty").mkdir()
    assert main(["validate", "empty"]) == 2
    err = capsys.readouterr().err
    assert "lipcheck: empty holds no proposal (no .yaml or .yml file with a top-level `lipcheck` key)" in err
    assert "hint: a proposal file starts with `lipcheck: 1`" in err
    assert main(["validate", "nowhere/**/*.yaml"]) == 2
    assert "no proposal matches nowhere/**/*.yaml" in capsys.readouterr().err


def test_validate_says_how_many_other_yaml_files_it_skipped(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "proposals", "--today", TODAY, "--summary-only"]) == 1
    captured = capsys.readouterr()
    assert "lipcheck: 2 other YAML files skipped (no top-level `lipcheck` key)" in captured.err
    assert "4 files: 2 ready" not in captured.out and "4 files:" in captured.out


def test_the_order_is_the_same_whatever_the_number_of_jobs(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for jobs in ("1", "2", "auto"):
        main(["validate", "proposals", "--today", TODAY, "-q", "--jobs", jobs])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert [line.split(":")[0] for line in outputs[0].splitlines()[:4]] == list(find(["proposals"]).files)


def test_a_symlinked_folder_is_not_entered_and_a_link_out_is_refused_by_name(
    tree: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "p.yaml").write_bytes(BROOKS)
    (tree / "proposals" / "linked").symlink_to(outside)
    (tree / "proposals" / "link-out.yaml").symlink_to(outside / "p.yaml")
    found = find(["proposals"])
    assert not any(path.startswith("proposals/linked/") for path in found.files)
    assert "proposals/link-out.yaml" in found.files, (
        "kept, so that reading it is refused with the usual message"
    )
    assert main(["validate", "proposals", "--today", TODAY, "-q"]) == 2
    assert "proposals/link-out.yaml leads, through a symlink, out of the folder" in capsys.readouterr().err


def test_a_named_pipe_in_a_folder_is_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "proposals" / "pipe.yaml")
    assert "proposals/pipe.yaml" not in find(["proposals"]).files  # opening it would block


def test_report_of_a_folder_to_a_folder_writes_a_portfolio(tree: Path) -> None:
    assert main(["report", "proposals", "-o", "out/", "--today", TODAY]) == 1
    names = sorted(path.name for path in (tree / "out").iterdir())
    assert names == ["brooks-v2.html", "brooks.html", "index.html", "lethbridge.html", "old.html"]


# Names that try every rule of glob.glob's: hidden files and folders, brackets, nesting, a
# symlinked folder (which `**` enters), names that look like patterns.
MATCHED_TREE = [
    "a.yaml", "b.yml", ".hidden.yaml", "ab.yaml", "[a].yaml", "a*b.yaml",
    "x/a.yaml", "x/.h.yaml", "x/y/a.yaml", "x/y/z/b.yaml", "x/.dot/a.yaml", ".dot/a.yaml",
    ".dot/y/a.yaml", "p0/p01.yaml", "p1/p0x.yaml", "deep/er/still/p0.yaml", "x/yy/a.yaml",
]  # fmt: skip
MATCHED_PATTERNS = [
    "*.yaml", "*", "?.yaml", "[ab].yaml", "[!a]*.yaml", "\\[a\\].yaml", "[[]a].yaml", "a*b.yaml",
    ".*", ".*.yaml", "**", "**/*.yaml", "**/a.yaml", "**/.h.yaml", "**/.dot/a.yaml", "x/**",
    "x/**/a.yaml", "x/**/**/a.yaml", "**/y/*.yaml", "*/a.yaml", "*/*/a.yaml", "x/*", "x/.*",
    "x/y/a.yaml", "a.yaml", "x/y", "p0*", "p0*/*.yaml", "p?/p0*.yaml", "**/p0*.yaml", "a**b.yaml",
    "**.yaml", "x/**/", "./a.yaml", "x/../a.yaml", "x//a.yaml", "linked/**", "linked/*.yaml",
    "**/z/*", "deep/**/p0.yaml", ".dot/**", "*/.dot/*", "x/y*/a.yaml",
]  # fmt: skip


def test_a_waiver_pattern_matched_name_by_name_takes_in_what_expanding_it_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Config waivers match a proposal's path against their `files` without listing the folder;
    for every pattern and every file, the answer is glob's (expand), or the pattern is listed."""
    from lipcheck.run.discover import expand, name_matcher

    for name in MATCHED_TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("lipcheck: 1\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to("x")
    files = [
        os.path.relpath(os.path.join(root, name), tmp_path)  # noqa: PTH118
        for root, _, names in os.walk(tmp_path, followlinks=True)
        for name in names
    ]
    assert "linked/y/z/b.yaml" in files
    monkeypatch.chdir(tmp_path)
    listed = []
    for pattern in MATCHED_PATTERNS:
        test = name_matcher(pattern)
        if test is None:
            listed.append(pattern)
            continue
        found = {os.path.relpath(path, tmp_path) for path in expand([pattern], (), str(tmp_path))}
        assert {name for name in files if test(name)} == found, pattern
    assert listed == ["x/**/", "./a.yaml", "x/../a.yaml", "x//a.yaml"]


def test_config_waivers_take_in_the_files_their_patterns_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lipcheck.run.config import read_config

    for name in ("one/p1.yaml", "one/q1.yaml", "two/p2.yaml", "one/.p3.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("lipcheck: 1\n", encoding="utf-8")
    (tmp_path / ".lipcheck.yaml").write_text(
        "lipcheck-config: 1\nwaivers:\n"
        + "".join(
            f"  - {{rule: LIP10{i}, reason: r, owner: o, expires: 2099-01-01, files: {files}}}\n"
            for i, files in enumerate(['["**/p*.yaml"]', '["one/*", "two/../one/q1.yaml"]', "[]"])
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "one")
    config = read_config(str(tmp_path / ".lipcheck.yaml"))
    taken = {
        name: [w.rule for w in config.waivers_for(name)]
        for name in ("p1.yaml", "q1.yaml", ".p3.yaml", "../two/p2.yaml", str(tmp_path / "two" / "p2.yaml"))
    }
    assert taken == {
        "p1.yaml": ["LIP100", "LIP101", "LIP102"],
        "q1.yaml": ["LIP101", "LIP102"],
        ".p3.yaml": ["LIP102"],
        "../two/p2.yaml": ["LIP100", "LIP102"],
        str(tmp_path / "two" / "p2.yaml"): ["LIP100", "LIP102"],
    }
