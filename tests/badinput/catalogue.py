"""The bad-input catalogue: `cases.yaml` read into cases, and builders for inputs too big or odd to commit.

Each case names its input (a file under `files/`, or a builder below that makes it in a fresh
folder), the command line, and what lipcheck must answer: the exact exit code, a fragment of the
message, and the line and column it points at. The pytest module and `benchmarks/badinput.py`
both run the same cases, so the catalogue is written once.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lipcheck.loader import load_text

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "examples" / "lethbridge-ready.yaml"
"""A complete proposal that lipcheck rates ready: the base of the cases that must still work."""

MB = 1024 * 1024


class Unavailable(Exception):
    """This machine cannot set the case up (root reads any file): the case is skipped, with the reason."""


@dataclass(frozen=True)
class Case:
    id: str
    about: str
    exit: int
    says: str
    """A fragment of what lipcheck prints (stdout and stderr, whitespace collapsed)."""
    file: str | None = None
    build: str | None = None
    command: str = "validate"
    args: tuple[str, ...] = ()
    at: str | None = None
    """`line:column` the message points at, printed as `<file>:<line>:<column>`."""
    located_in: str | None = None
    """The file `at` refers to, when it is not the input (a rule pack file)."""
    lacks: tuple[str, ...] = ()
    """Fragments that must not appear in the output."""
    subprocess: bool = False
    """Also run as `python -m lipcheck` in a child process, to see its real stderr."""
    in_process: bool = True
    """False for inputs that could hang the test run if lipcheck regressed (a FIFO)."""
    xfail: str | None = None
    """A known bug, with where it lives; the test fails once it is fixed, so the mark is removed."""


@dataclass
class Setup:
    """A case made ready in `folder`: the command line to run and how to undo what the builder did."""

    folder: Path
    argv: list[str]
    inputs: list[Path]
    undo: list[Callable[[], None]] = field(default_factory=list)

    def cleanup(self) -> None:
        for step in reversed(self.undo):
            step()


def load_cases() -> list[Case]:
    # lipcheck's own loader: PyYAML would keep the last of two `says:` in a case without a word,
    # and read an `about: 2012-02-30` as a date.
    document = load_text((HERE / "cases.yaml").read_text(encoding="utf-8"))
    assert not document.findings, [(f.code, f.location) for f in document.findings]
    raw = document.data
    cases = []
    for entry in raw:
        entry = dict(entry)
        for name in ("args", "lacks"):
            if name in entry:
                entry[name] = tuple(entry[name])
        cases.append(Case(**entry))
    return cases


def prepare(case: Case, folder: Path) -> Setup:
    """Put the case's input in `folder` and return the command line (relative to `folder`)."""
    setup = Setup(folder, [], [])
    if case.file is not None:
        shutil.copyfile(FILES / case.file, folder / case.file)
        name = case.file
    else:
        assert case.build is not None, case.id
        name = BUILDERS[case.build](folder, setup.undo)
    setup.argv = [case.command, name, *case.args]
    setup.inputs = [folder / name]
    return setup


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every entry under `folder` with its mtime, mode and (for small regular files) its bytes."""
    seen: dict[str, tuple[int, int, bytes | None]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        small = stat.S_ISREG(info.st_mode) and info.st_size <= MB and os.access(path, os.R_OK)
        content = path.read_bytes() if small else None
        seen[str(path.relative_to(folder))] = (info.st_mtime_ns, info.st_mode, content)
    return seen


# Builders: each writes the case's input into `folder` and returns the name to give lipcheck.


def _write_chunks(path: Path, head: bytes, chunk: bytes, total: int, tail: bytes = b"\n") -> None:
    """A file of exactly `total` bytes: `head`, `chunk` repeated (the last one cut), `tail`."""
    with path.open("wb") as stream:
        stream.write(head)
        left = total - len(head) - len(tail)
        while left > 0:
            stream.write(chunk[:left])
            left -= len(chunk)
        stream.write(tail)


def huge_file_50mb(folder: Path, undo: list[Callable[[], None]]) -> str:
    _write_chunks(folder / "huge.yaml", b"lipcheck: 1\nmission: ", b"welcome " * 8192, 50 * MB)
    return "huge.yaml"


def huge_string_10mb(folder: Path, undo: list[Callable[[], None]]) -> str:
    _write_chunks(folder / "long-title.yaml", b'lipcheck: 1\ntitle: "', b"Guelph " * 8192, 10 * MB, b'"\n')
    return "long-title.yaml"


def deep_lists_10000(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "deep.yaml").write_text("lipcheck: 1\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n")
    return "deep.yaml"


def deep_sections_10000(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "deep.yaml").write_text("lipcheck: 1\ntitle: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n")
    return "deep.yaml"


def deep_block_sections_100(folder: Path, undo: list[Callable[[], None]]) -> str:
    lines = ["lipcheck: 1\n", "community:\n"] + [f"{'  ' * level}level{level}:\n" for level in range(1, 101)]
    (folder / "deep.yaml").write_text("".join(lines) + "  " * 101 + "bottom: x\n")
    return "deep.yaml"


def nodes_4mb_flow_list(folder: Path, undo: list[Callable[[], None]]) -> str:
    head = b"lipcheck: 1\nplan:\n  funders: ["
    _write_chunks(folder / "funders.yaml", head, b"a," * 4096, 4 * MB - 8192, b"a]\n")
    return "funders.yaml"


def just_under_the_size_limit(folder: Path, undo: list[Callable[[], None]]) -> str:
    """The worst a file may be and still be read: 4 MB of mission text, one byte under the limit."""
    head = b"lipcheck: 1\ntitle: Guelph\nmission: "
    _write_chunks(folder / "big.yaml", head, b"welcome and belonging ", 4 * MB - 1)
    return "big.yaml"


def just_under_the_node_limit(folder: Path, undo: list[Callable[[], None]]) -> str:
    """The most keys and values a file may hold by default (49,990 funders), every one checked."""
    funders = "".join(f"    - Funder number {i}\n" for i in range(49_990))
    (folder / "funders.yaml").write_text(f"lipcheck: 1\ntitle: Guelph\nplan:\n  funders:\n{funders}")
    return "funders.yaml"


def alias_expansion(folder: Path, undo: list[Callable[[], None]]) -> str:
    """Few aliases, each of a big list: the expansion, not the alias count, is what grows."""
    items = ", ".join(f"Funder {i}" for i in range(20_000))
    aliases = "".join(f"  also{i}: *funders\n" for i in range(10))
    text = f"lipcheck: 1\nplan:\n  funders: &funders [{items}]\nextra:\n{aliases}"
    (folder / "aliases.yaml").write_text(text)
    return "aliases.yaml"


def _example(folder: Path, name: str = "proposal.yaml", text: str | None = None) -> str:
    (folder / name).write_bytes((text if text is not None else EXAMPLE.read_text(encoding="utf-8")).encode())
    return name


def utf8_bom(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _example(folder, text="\ufeff" + EXAMPLE.read_text(encoding="utf-8"))


def long_run_of_spaces(folder: Path, undo: list[Callable[[], None]]) -> str:
    """90,000 spaces between a key and a dash: a pattern that could share them costs minutes."""
    text = "lipcheck: 1\nmission:" + " " * 90_000 + "- welcome\n"
    (folder / "spaces.yaml").write_text(text, encoding="utf-8")
    return "spaces.yaml"


def crlf(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _example(folder, text=EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"))


def crlf_bom_control(folder: Path, undo: list[Callable[[], None]]) -> str:
    """CRLF with a syntax error: the position must count lines the same way as with LF."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("      sectors: [school]\n", "      sectors: [school\n", 1)
    return _example(folder, text="\ufeff" + text.replace("\n", "\r\n"))


def complete_text() -> str:
    """The ready example with its last gaps filled, so every rule is met and only the case's change shows.

    With `--fail-on warning` the evidence cases then exit 1 for the evidence (LIP902, a warning)
    and nothing else.
    """
    text = EXAMPLE.read_text(encoding="utf-8")
    members = (
        "    - organization: Southminster United Church\n      sectors: [faith]\n"
        "    - organization: ACFA régionale de Lethbridge\n      sectors: [francophone]\n"
        "municipality:\n"
    )
    for old, new in (
        ("municipality:\n", members),
        ("funders: [Alberta Human Services]", "funders: [Alberta Human Services, United Way]"),
    ):
        assert text.count(old) == 1, f"the example changed near {old!r}; update catalogue.complete_text"
        text = text.replace(old, new)
    return text


def _with_evidence(folder: Path, evidence: str) -> str:
    text = complete_text()
    anchor = "    date: 2012-02-13\n"
    assert anchor in text, "the example's endorsement date moved; update the evidence cases"
    return _example(folder, text=text.replace(anchor, anchor + f"    evidence: {evidence}\n", 1))


def complete_proposal(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _example(folder, text=complete_text())


def evidence_inside(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "evidence").mkdir()
    (folder / "evidence" / "resolution.pdf").write_bytes(b"%PDF-1.4\n")
    return _with_evidence(folder, "evidence/resolution.pdf")


def evidence_absolute(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _with_evidence(folder, "/etc/passwd")


def evidence_parent(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _with_evidence(folder, "../../etc/passwd")


def evidence_symlink_out(folder: Path, undo: list[Callable[[], None]]) -> str:
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "case").mkdir()
    (folder / "case" / "resolution.pdf").symlink_to(outside / "secret.pdf")
    _with_evidence(folder / "case", "resolution.pdf")
    return "case/proposal.yaml"


def evidence_symlink_loop(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "loop-a").symlink_to("loop-b")
    (folder / "loop-b").symlink_to("loop-a")
    return _with_evidence(folder, "loop-a")


def evidence_fifo(folder: Path, undo: list[Callable[[], None]]) -> str:
    os.mkfifo(folder / "resolution.pdf")
    return _with_evidence(folder, "resolution.pdf")


def evidence_too_long(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _with_evidence(folder, "evidence/" + "resolution-" * 30 + ".pdf")


def evidence_too_long_joined(folder: Path, undo: list[Callable[[], None]]) -> str:
    """4,085 bytes of path: under the 4,095 the schema allows, past PATH_MAX once joined to the folder."""
    return _with_evidence(folder, "a/" * 2040 + "x.pdf")


def input_directory(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "proposal.yaml").mkdir()
    return "proposal.yaml"


def input_fifo(folder: Path, undo: list[Callable[[], None]]) -> str:
    os.mkfifo(folder / "proposal.yaml")
    return "proposal.yaml"


def input_unreadable(folder: Path, undo: list[Callable[[], None]]) -> str:
    if os.geteuid() == 0:
        raise Unavailable("root reads a file whatever its mode")
    name = _example(folder)
    (folder / name).chmod(0)
    undo.append(lambda: (folder / name).chmod(0o644))
    return name


def input_read_error(folder: Path, undo: list[Callable[[], None]]) -> str:
    """A link to /proc/self/mem, whose read fails (EIO) even for root: now refused before it is
    opened, since it leads out of the working folder (and, followed, says it holds 0 bytes)."""
    if not Path("/proc/self/mem").exists():
        raise Unavailable("no /proc/self/mem on this system")
    (folder / "proposal.yaml").symlink_to("/proc/self/mem")
    return "proposal.yaml"


def input_under_a_file(folder: Path, undo: list[Callable[[], None]]) -> str:
    _example(folder)
    return "proposal.yaml/part.yaml"


def input_missing(folder: Path, undo: list[Callable[[], None]]) -> str:
    return "absent.yaml"


def input_dangling_symlink(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "proposal.yaml").symlink_to("moved-away.yaml")
    return "proposal.yaml"


def proposal(folder: Path, undo: list[Callable[[], None]]) -> str:
    return _example(folder)


def output_read_only_folder(folder: Path, undo: list[Callable[[], None]]) -> str:
    locked = folder / "locked"
    locked.mkdir()
    if os.geteuid() != 0:
        locked.chmod(0o555)
        undo.append(lambda: locked.chmod(0o755))
    else:
        # Root writes into a 0555 folder; an immutable one refuses even root.
        done = subprocess.run(["chattr", "+i", str(locked)], capture_output=True, check=False)
        if done.returncode != 0:
            raise Unavailable("running as root and `chattr +i` is not available here")
        undo.append(lambda: subprocess.run(["chattr", "-i", str(locked)], capture_output=True, check=False))
    return _example(folder)


def _outside(folder: Path, undo: list[Callable[[], None]]) -> Path:
    """A folder beside the case's folder (which is the working folder): outside what lipcheck trusts."""
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir()
    undo.append(lambda: shutil.rmtree(outside, ignore_errors=True))
    return outside


SECRET = "TOP-SECRET-TARGET-BYTES"
"""Written into files a symlink leads to: no byte of them may reach any output."""


def input_symlink_outside(folder: Path, undo: list[Callable[[], None]]) -> str:
    target = _outside(folder, undo) / "secret.yaml"
    target.write_text(f"lipcheck: 1\ntitle: {SECRET}\nmission: {SECRET}\n", encoding="utf-8")
    (folder / "proposal.yaml").symlink_to(target)
    return "proposal.yaml"


def input_symlink_outside_ready(folder: Path, undo: list[Callable[[], None]]) -> str:
    target = _outside(folder, undo) / "proposal.yaml"
    _example(target.parent)
    (folder / "proposal.yaml").symlink_to(target)
    return "proposal.yaml"


def input_symlink_inside(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "real").mkdir()
    _example(folder / "real")
    (folder / "proposal.yaml").symlink_to("real/proposal.yaml")
    return "proposal.yaml"


def input_through_symlinked_folder(folder: Path, undo: list[Callable[[], None]]) -> str:
    outside = _outside(folder, undo)
    _example(outside)
    (folder / "linked").symlink_to(outside)
    return "linked/proposal.yaml"


def input_proc_file(folder: Path, undo: list[Callable[[], None]]) -> str:
    if not Path("/proc/self/environ").exists():
        raise Unavailable("no /proc/self/environ on this system")
    (folder / "proposal.yaml").symlink_to("/proc/self/environ")
    return "proposal.yaml"


def _device_null(path: Path) -> None:
    """A character device with /dev/null's numbers, made here: never the machine's own /dev/null."""
    if os.geteuid() != 0:
        raise Unavailable("only root may make a device node")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))


def input_char_device(folder: Path, undo: list[Callable[[], None]]) -> str:
    _device_null(folder / "proposal.yaml")
    return "proposal.yaml"


def input_not_utf8_name(folder: Path, undo: list[Callable[[], None]]) -> str:
    name = os.fsdecode(b"bad\xff\xfe.yaml")
    _example(folder, name)
    return name


def output_char_device(folder: Path, undo: list[Callable[[], None]]) -> str:
    _device_null(folder / "null")
    return _example(folder)


def output_fifo(folder: Path, undo: list[Callable[[], None]]) -> str:
    os.mkfifo(folder / "pipe")
    return _example(folder)


def output_socket(folder: Path, undo: list[Callable[[], None]]) -> str:
    import socket

    listener = socket.socket(socket.AF_UNIX)
    undo.append(listener.close)
    try:
        listener.bind(str(folder / "socket"))
    except OSError as error:  # a socket path is limited to about 100 bytes
        raise Unavailable(f"cannot bind a socket here: {error}") from None
    return _example(folder)


def output_symlink_to_stdout(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "out.json").symlink_to("/proc/self/fd/1")
    return _example(folder)


def output_symlink_outside(folder: Path, undo: list[Callable[[], None]]) -> str:
    target = _outside(folder, undo) / "victim.json"
    target.write_text(SECRET, encoding="utf-8")
    (folder / "out.json").symlink_to(target)
    return _example(folder)


def output_symlink_to_git_config(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / ".git" / "hooks").mkdir(parents=True)
    (folder / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (folder / "lipcheck.sarif").symlink_to(".git/config")
    return _example(folder)


def output_through_symlinked_folder(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "reports").symlink_to(_outside(folder, undo))
    return _example(folder)


def output_default_is_folder(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "lipcheck-report.html").mkdir()
    return _example(folder)


def output_default_is_symlink(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "kept.html").write_text(SECRET, encoding="utf-8")
    (folder / "lipcheck-report.html").symlink_to("kept.html")
    return _example(folder)


def output_folder_second(folder: Path, undo: list[Callable[[], None]]) -> str:
    (folder / "taken").mkdir()
    return _example(folder)


def _pack_copy(folder: Path) -> Path:
    from lipcheck.packs.registry import packs_folder

    pack = folder / "pack"
    shutil.copytree(packs_folder() / "lip-2012", pack)
    own = pack / "pack.yaml"  # a folder pack may not keep a shipped pack's id
    own.write_text(own.read_text(encoding="utf-8").replace("id: lip-2012", "id: my-2012", 1), "utf-8")
    return pack


def pack_takes_shipped_id(folder: Path, undo: list[Callable[[], None]]) -> str:
    """A folder pack that keeps `id: lip-2012`: its reports would pass for the shipped pack's."""
    from lipcheck.packs.registry import packs_folder

    shutil.copytree(packs_folder() / "lip-2012", folder / "pack")
    return _example(folder)


def pack_unknown_key(folder: Path, undo: list[Callable[[], None]]) -> str:
    pack = _pack_copy(folder)
    with (pack / "pack.yaml").open("a", encoding="utf-8") as stream:
        stream.write("colour: blue\n")
    return _example(folder)


def rule_unknown_key(folder: Path, undo: list[Callable[[], None]]) -> str:
    pack = _pack_copy(folder)
    rule = pack / "LIP001.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity:", "severty:", 1), encoding="utf-8")
    return _example(folder)


def _pack_edit(folder: Path, file: str, old: str, new: str) -> Path:
    pack = _pack_copy(folder)
    path = pack / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def pack_shadowing_shipped(folder: Path, undo: list[Callable[[], None]]) -> str:
    """A pull request adds `lip-2012/` that would pass anything: `--pack lip-2012` must not take it."""
    _pack_edit(folder, "pack.yaml", "ready: 80", "ready: 1").rename(folder / "lip-2012")
    return _example(folder, text=(ROOT / "examples" / "brooks-not-ready.yaml").read_text(encoding="utf-8"))


def pack_folder_bare_name(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_copy(folder)
    return _example(folder)


def pack_weight_true(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "LIP101.yaml", "weight: 20", "weight: true")
    return _example(folder)


def pack_weight_text(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "LIP101.yaml", "weight: 20", "weight: '20'")
    return _example(folder)


def pack_weight_nan(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "LIP101.yaml", "weight: 20", "weight: .nan")
    return _example(folder)


def pack_weight_1e400(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "LIP101.yaml", "weight: 20", "weight: 1.0e+400")
    return _example(folder)


def pack_weight_negative(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "LIP101.yaml", "weight: 20", "weight: -20")
    return _example(folder)


def pack_weights_1e308(folder: Path, undo: list[Callable[[], None]]) -> str:
    """Finite alone, infinity once two are added: the score would be inf or NaN, the gate passed."""
    (folder / "pack").mkdir()
    (folder / "pack" / "pack.yaml").write_text(
        'id: huge\nversion: "1"\ntitle: Huge weights\nsource: a probe\nextends: lip-2012\n'
        "override:\n  LIP103: {weight: 1e308}\n  LIP101: {weight: 1.0e+308}\n",
        encoding="utf-8",
    )
    return _example(folder, text=(ROOT / "examples" / "brooks-not-ready.yaml").read_text(encoding="utf-8"))


def pack_parameter_negative(folder: Path, undo: list[Callable[[], None]]) -> str:
    """A count below 0 would make the council-breadth rule give full credit to any council."""
    _pack_edit(folder, "pack.yaml", "target_members: 15", "target_members: -5")
    return _example(folder, text=(ROOT / "examples" / "brooks-not-ready.yaml").read_text(encoding="utf-8"))


def pack_thresholds_reversed(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "pack.yaml", "nearly-ready: 60", "nearly-ready: 90")
    return _example(folder)


def pack_threshold_over_100(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "pack.yaml", "ready: 80", "ready: 180")
    return _example(folder)


def pack_threshold_inf(folder: Path, undo: list[Callable[[], None]]) -> str:
    _pack_edit(folder, "pack.yaml", "ready: 80", "ready: .inf")
    return _example(folder)


BUILDERS: dict[str, Callable[[Path, list[Callable[[], None]]], str]] = {
    builder.__name__: builder
    for builder in (
        long_run_of_spaces,
        huge_file_50mb,
        huge_string_10mb,
        deep_lists_10000,
        deep_sections_10000,
        deep_block_sections_100,
        nodes_4mb_flow_list,
        alias_expansion,
        just_under_the_size_limit,
        just_under_the_node_limit,
        utf8_bom,
        crlf,
        crlf_bom_control,
        evidence_inside,
        evidence_absolute,
        evidence_parent,
        evidence_symlink_out,
        evidence_symlink_loop,
        evidence_too_long,
        evidence_fifo,
        evidence_too_long_joined,
        input_directory,
        input_fifo,
        input_unreadable,
        input_read_error,
        input_under_a_file,
        input_missing,
        input_dangling_symlink,
        proposal,
        complete_proposal,
        output_read_only_folder,
        input_symlink_outside,
        input_symlink_outside_ready,
        input_symlink_inside,
        input_through_symlinked_folder,
        input_proc_file,
        input_char_device,
        input_not_utf8_name,
        output_char_device,
        output_fifo,
        output_socket,
        output_symlink_to_stdout,
        output_symlink_to_git_config,
        output_symlink_outside,
        output_through_symlinked_folder,
        output_default_is_folder,
        output_default_is_symlink,
        output_folder_second,
        pack_unknown_key,
        rule_unknown_key,
        pack_shadowing_shipped,
        pack_folder_bare_name,
        pack_weight_true,
        pack_weight_text,
        pack_weight_nan,
        pack_weight_1e400,
        pack_weight_negative,
        pack_weights_1e308,
        pack_takes_shipped_id,
        pack_parameter_negative,
        pack_thresholds_reversed,
        pack_threshold_over_100,
        pack_threshold_inf,
    )
}
