"""Every performance target of issue 13, measured side by side in one run, each as a ratio to its baseline.

    .venv/bin/pip install -e '.[test]'      # brings yamllint and check-jsonschema, the baselines
    .venv/bin/python benchmarks/targets.py [--files 10000] [--runs 3] [--single-runs 11]
        [--only ROW,ROW] [--json PATH] [--markdown]
    .venv/bin/python benchmarks/targets.py --from-json PATH   # a saved run as Markdown

Commands run as child processes with their output thrown away; a group's commands are run in
turn, A B C A B C ..., and each figure is the median of its runs, so the machine's noise spreads
over all of them alike. Rows whose command and baseline are both single-file commands take
`--single-runs` runs; the batch rows (`--files` proposals) take `--runs`. Peak memory is the
largest resident set of the process or of any of its workers.

Exit status: 0 when every row with a target meets it, 1 when one misses, 2 when the benchmark
could not measure (a baseline tool is missing, or a command failed: exit code above 1).
Rows marked `info` have no target and never change the exit status. docs/performance.md says
what each row means and holds the figures of a recent run.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proposals import EXAMPLES, write_large_proposal, write_proposals
from _timing import Figures, measure, run_child

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT_BYTES = 80_000_000  # "80 MB" in the issue, taken literally: 76.3 MiB
MEMORY_FLAT_RATIO = 1.10  # peak at N within 10% of the peak at N/10
BATCH_BASELINE = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""
# What the fixed stack costs before lipcheck does anything of its own: the CLI framework, the
# YAML parser, and one pydantic model defined and used.
FLOOR = """
import typer, yaml
from pydantic import BaseModel
class Proposal(BaseModel):
    lipcheck: int
Proposal.model_validate({"lipcheck": 1})
"""
# One shipped example a pack and one in French, for the single-file rows beyond the large
# `lip-2012` proposal (the examples declare their own `call`).
VARIANTS = {
    "ircc-2024": "hamilton-renewal-ready.yaml",
    "ontario-2008": "london-middlesex-2008-nearly-ready.yaml",
    "fr-proposal": "saint-boniface-francophone.yaml",
}
CONFIG = """\
lipcheck-config: 1
default-call: lip-2012
gate: {fail-under: 75, fail-on: blocker}
rules:                  # rules of every shipped pack, since the folder mixes them
  LIP403: off
  LIP103: {severity: minor, weight: 6, check: {target: 12}}
waivers:
  - rule: LIP402
    reason: The city's own 2026 newcomer survey already covers the needs research.
    owner: Jane Doe, City of Lethbridge
    expires: 2099-12-31
    files: ["p0*.yaml", "one.yaml"]
  - rule: LIP102
    reason: The wider sectors join in the second year, as the council's terms of reference say.
    owner: Jane Doe, City of Medicine Hat
    expires: 2099-12-31
"""


@dataclass(frozen=True)
class Row:
    """One line of the table: a command measured against a baseline of the same run."""

    id: str
    """What `--only` names, and the key in the JSON figures."""
    what: str
    """The command as the issue's table writes it."""
    command: str
    """The name of the measured command in its group."""
    baseline: str | None
    """The name of the baseline command in the same group, or None for a memory row."""
    target: float | None
    """The highest ratio allowed; None for a row given for information."""
    group: str
    """`single` (single-file commands, `--single-runs`) or `batch` (`--files` proposals, `--runs`)."""
    kind: str = "time"
    """`time` (ratio of median wall times), `peak` (peak MiB, against the limit) or `flat` (N / N/10)."""


def machine() -> dict[str, str]:
    """The machine the figures belong to."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ram = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    elif hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        ram = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    return {
        "cpu": f"{model}, {os.cpu_count()} logical CPUs ({usable} usable)",
        "ram": ram,
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def tool(name: str) -> str | None:
    """The console script beside this Python (the venv's), else the first on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def child_environment(cache: Path) -> dict[str, str]:
    """The environment of every timed command: an installation as a user has it, in English.

    PYTHONDONTWRITEBYTECODE is dropped so that a module without a .pyc gets one on the first run,
    as after `pip install` (which compiles everything); a fresh pack cache keeps the figures
    independent of the user's own cache while still timing the cached path after the warm-up.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("LIPCHECK_LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    env["LIPCHECK_CACHE_DIR"] = str(cache)
    return env


def compile_installation() -> None:
    """Compile lipcheck (an editable install has no .pyc) and the site-packages, as pip would."""
    compileall.compile_dir(str(ROOT / "lipcheck"), quiet=1)
    for key in ("purelib", "platlib"):
        folder = sysconfig.get_paths()[key]
        if os.access(folder, os.W_OK):
            compileall.compile_dir(folder, quiet=1)


def single_commands(
    folder: Path, lipcheck: str, yamllint: str, jsonschema: str
) -> tuple[dict[str, list[str]], list[Row]]:
    """Commands on one proposal at a time, and the rows that compare them."""
    write_large_proposal(folder / "one.yaml")
    configured = folder / "configured"
    configured.mkdir()
    shutil.copy(folder / "one.yaml", configured / "one.yaml")
    (configured / ".lipcheck.yaml").write_text(CONFIG, encoding="utf-8")
    schema = subprocess.run([lipcheck, "schema"], capture_output=True, text=True, check=True).stdout
    (folder / "schema.json").write_text(schema, encoding="utf-8")
    for name in VARIANTS.values():
        shutil.copy(EXAMPLES / name, folder / name)
    py = sys.executable
    commands: dict[str, list[str]] = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import yaml'": [py, "-c", "import yaml"],
        "floor: typer, yaml, one pydantic model": [py, "-c", FLOOR],
        "lipcheck --version": [lipcheck, "--version"],
        "lipcheck --help": [lipcheck, "--help"],
        "lipcheck --lang fr --help": [lipcheck, "--lang", "fr", "--help"],
    }
    rows = [
        Row("version", "lipcheck --version", "lipcheck --version", "python -c 'import yaml'", 2.0, "single"),
        Row("help", "lipcheck --help", "lipcheck --help", "python -c 'import yaml'", 2.0, "single"),
        Row(
            "help:fr",
            "lipcheck --lang fr --help",
            "lipcheck --lang fr --help",
            "python -c 'import yaml'",
            2.0,
            "single",
        ),
        Row(
            "floor",
            "typer + yaml + one pydantic model",
            "floor: typer, yaml, one pydantic model",
            "yamllint one.yaml",
            None,
            "single",
        ),
    ]
    # (suffix of the row id, file, extra flags, description)
    cases = [
        ("", "one.yaml", [], "one.yaml (40 members, lip-2012)"),
        (":fr", "one.yaml", ["--lang", "fr"], "one.yaml --lang fr"),
        *[(f":{key}", name, [], f"{name} ({key})") for key, name in VARIANTS.items()],
    ]
    for suffix, name, flags, label in cases:
        validate, report = (
            f"lipcheck validate {name} {' '.join(flags)}".strip(),
            f"lipcheck report {name} --html",
        )
        if flags:
            report += " " + " ".join(flags)
        commands.setdefault(f"yamllint {name}", [yamllint, name])
        commands.setdefault(f"check-jsonschema {name}", [jsonschema, "--schemafile", "schema.json", name])
        commands[validate] = [lipcheck, "validate", name, *flags]
        commands[report] = [
            lipcheck,
            "report",
            name,
            "--html",
            "-o",
            f"report-{suffix[1:] or 'one'}.html",
            *flags,
        ]
        rows += [
            Row(
                f"validate/yamllint{suffix}", f"validate {label}", validate, f"yamllint {name}", 1.3, "single"
            ),
            Row(
                f"validate/check-jsonschema{suffix}",
                f"validate {label}",
                validate,
                f"check-jsonschema {name}",
                0.55,
                "single",
            ),
            Row(f"report-html/validate{suffix}", f"report --html {label}", report, validate, 1.5, "single"),
        ]
    commands["lipcheck validate configured/one.yaml"] = [lipcheck, "validate", "configured/one.yaml"]
    rows.append(
        Row(
            "validate/yamllint:config",
            "validate one.yaml beside a .lipcheck.yaml with waivers",
            "lipcheck validate configured/one.yaml",
            "yamllint one.yaml",
            1.3,
            "single",
        )
    )
    return commands, rows


def batch_commands(folder: Path, files: int, lipcheck: str) -> tuple[dict[str, list[str]], list[Row]]:
    """Commands on `files` proposals at once, and the rows that compare them."""
    plain, configured = folder / "proposals", folder / "configured"
    plain.mkdir()
    configured.mkdir()
    names = write_proposals(plain, files)
    write_proposals(configured, files)
    (configured / ".lipcheck.yaml").write_text(CONFIG, encoding="utf-8")
    tenth = names[: max(1, files // 10)]
    (folder / "tenth").mkdir()
    write_proposals(folder / "tenth", len(tenth))  # the same first tenth, as a folder of its own
    loop = "yaml.load(CSafeLoader) loop"
    in_plain = [f"proposals/{name}" for name in names]
    in_configured = [f"configured/{name}" for name in names]
    validate_one_worker = [lipcheck, "validate", "-q", "--jobs", "1"]
    commands = {
        loop: [sys.executable, "-c", BATCH_BASELINE, *in_plain],
        "validate -q --jobs 1": [lipcheck, "validate", "-q", "--jobs", "1", *in_plain],
        "validate -q --jobs 2": [lipcheck, "validate", "-q", "--jobs", "2", *in_plain],
        "validate -q --jobs 1 (config, waivers)": [lipcheck, "validate", "-q", "--jobs", "1", *in_configured],
        "validate -q --jobs 2 (config, waivers)": [lipcheck, "validate", "-q", "--jobs", "2", *in_configured],
        "report FOLDER -o out/ --jobs 1 (portfolio)": [
            lipcheck,
            "report",
            "proposals",
            "-o",
            "out/",
            "-j",
            "1",
        ],
        f"validate -q --jobs 1, {len(tenth)} files": [
            lipcheck,
            "validate",
            "-q",
            "--jobs",
            "1",
            *[f"proposals/{name}" for name in tenth],
        ],
        "validate -q --jobs 1 proposals/": [*validate_one_worker, "proposals"],
        f"validate -q --jobs 1 tenth/ ({len(tenth)} files)": [*validate_one_worker, "tenth"],
    }
    n = f"{files:,} proposals"
    rows = [
        Row("batch:jobs1", f"validate -q over {n}, one worker", "validate -q --jobs 1", loop, 0.8, "batch"),
        Row("batch:jobs2", f"validate -q over {n}, two workers", "validate -q --jobs 2", loop, 0.4, "batch"),
        Row(
            "batch:jobs1:config",
            "the same, one worker, .lipcheck.yaml with waivers",
            "validate -q --jobs 1 (config, waivers)",
            loop,
            0.8,
            "batch",
        ),
        Row(
            "batch:jobs2:config",
            "the same, two workers, .lipcheck.yaml with waivers",
            "validate -q --jobs 2 (config, waivers)",
            loop,
            0.4,
            "batch",
        ),
        Row(
            "portfolio",
            f"report FOLDER -o out/ ({n}, one worker)",
            "report FOLDER -o out/ --jobs 1 (portfolio)",
            loop,
            None,
            "batch",
        ),
        Row(
            "memory:peak",
            f"peak memory, validate -q over {n}, one worker",
            "validate -q --jobs 1",
            None,
            MEMORY_LIMIT_BYTES / 2**20,
            "batch",
            "peak",
        ),
        Row(
            "memory:peak:jobs2",
            f"peak memory of a process, two workers, {n}",
            "validate -q --jobs 2",
            None,
            MEMORY_LIMIT_BYTES / 2**20,
            "batch",
            "peak",
        ),
        Row(
            "memory:flat",
            f"peak at {files:,} / peak at {len(tenth):,} proposals (a folder)",
            "validate -q --jobs 1 proposals/",
            f"validate -q --jobs 1 tenth/ ({len(tenth)} files)",
            MEMORY_FLAT_RATIO,
            "batch",
            "flat",
        ),
        Row(
            "memory:flat:names",
            f"the same, the {files:,} / {len(tenth):,} file names on the command line",
            "validate -q --jobs 1",
            f"validate -q --jobs 1, {len(tenth)} files",
            None,
            "batch",
            "flat",
        ),
    ]
    return commands, rows


@dataclass(frozen=True)
class Result:
    """A row with its figures."""

    row: Row
    command_ms: float
    baseline_ms: float | None
    ratio: float
    peak_mib: float
    baseline_peak_mib: float | None
    passed: bool | None


def judge(row: Row, figures: dict[str, Figures]) -> Result:
    """The row's ratio, from the figures of its group."""
    got = figures[row.command]
    base = figures[row.baseline] if row.baseline else None
    peak_mib = got.max_kib / 1024
    if row.kind == "peak":
        ratio = peak_mib  # shown against the limit in MiB
    elif row.kind == "flat":
        assert base is not None
        ratio = got.max_kib / base.max_kib
    else:
        assert base is not None
        ratio = got.seconds / base.seconds
    return Result(
        row=row,
        command_ms=got.seconds * 1000,
        baseline_ms=base.seconds * 1000 if base else None,
        ratio=ratio,
        peak_mib=peak_mib,
        baseline_peak_mib=base.max_kib / 1024 if base else None,
        passed=None if row.target is None else ratio <= row.target,
    )


def target_text(row: Row) -> str:
    if row.target is None:
        return "info"
    if row.kind == "peak":
        return f"<= {row.target:.1f} MiB"
    return f"<= {row.target:g}x"


def ratio_text(result: Result) -> str:
    return f"{result.ratio:.1f} MiB" if result.row.kind == "peak" else f"{result.ratio:.2f}x"


def verdict_text(result: Result) -> str:
    return {None: "info", True: "pass", False: "FAIL"}[result.passed]


def text_table(results: list[Result]) -> str:
    head = ("row", "command", "ms", "base ms", "ratio", "target", "", "peak MiB", "base MiB")
    lines = [
        (
            r.row.id,
            r.row.what,
            f"{r.command_ms:.0f}",
            "" if r.baseline_ms is None else f"{r.baseline_ms:.0f}",
            ratio_text(r),
            target_text(r.row),
            verdict_text(r),
            f"{r.peak_mib:.1f}",
            "" if r.baseline_peak_mib is None else f"{r.baseline_peak_mib:.1f}",
        )
        for r in results
    ]
    widths = [max(len(line[i]) for line in [head, *lines]) for i in range(len(head))]
    right = {2, 3, 4, 7, 8}

    def fmt(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in pairs)

    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *(fmt(line) for line in lines)])


def figures_of(r: Result) -> dict[str, Any]:
    """A row's figures as the JSON file holds them (and as `--from-json` reads them back)."""
    return {
        "id": r.row.id,
        "what": r.row.what,
        "command": r.row.command,
        "baseline": r.row.baseline,
        "kind": r.row.kind,
        "median_ms": round(r.command_ms, 2),
        "baseline_median_ms": None if r.baseline_ms is None else round(r.baseline_ms, 2),
        "ratio": round(r.ratio, 4),
        "target": r.row.target,
        "passed": r.passed,
        "peak_mib": round(r.peak_mib, 2),
        "baseline_peak_mib": None if r.baseline_peak_mib is None else round(r.baseline_peak_mib, 2),
    }


def markdown(document: dict[str, Any]) -> str:
    """The machine and the table of a run, in Markdown, for docs/performance.md."""
    settings = document["settings"]
    lines = [f"- {key}: {value}" for key, value in document["machine"].items()]
    lines += [
        f"- runs: {settings['single_runs']} per single-file command, {settings['runs']} per batch command "
        f"({settings['files']:,} proposals); interleaved; medians",
        "",
        "| row | command | median ms | baseline | baseline ms | ratio | target | | peak MiB |",
        "|---|---|--:|---|--:|--:|---|---|--:|",
    ]
    for row in document["rows"]:
        base_ms = "—" if row["baseline_median_ms"] is None else f"{row['baseline_median_ms']:.0f}"
        if row["kind"] == "peak":
            ratio, target = f"{row['ratio']:.1f} MiB", f"≤ {row['target']:.1f} MiB"
        else:
            ratio, target = f"{row['ratio']:.2f}x", "" if row["target"] is None else f"≤ {row['target']:g}x"
        verdict = {None: "info", True: "pass", False: "**FAIL**"}[row["passed"]]
        base = row["baseline"] or "—"
        lines.append(
            f"| `{row['id']}` | {row['what']} | {row['median_ms']:.0f} | {base} | {base_ms} "
            f"| {ratio} | {target or 'info'} | {verdict} | {row['peak_mib']:.1f} |"
        )
    return "\n".join(lines)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files", type=int, default=10_000, help="proposals in the batch rows (default 10000)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="interleaved runs of each batch command (default 3)"
    )
    parser.add_argument(
        "--single-runs",
        type=int,
        default=11,
        help="interleaved runs of each single-file command (default 11)",
    )
    parser.add_argument("--only", default=None, help="comma-separated row ids, or prefixes such as `batch`")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="print the machine and table as Markdown")
    parser.add_argument(
        "--from-json",
        type=Path,
        default=None,
        help="print a run saved with --json as Markdown; measure nothing",
    )
    options = parser.parse_args(argv)
    if options.files < 10 or options.runs < 1 or options.single_runs < 1:
        parser.error("--files must be at least 10, --runs and --single-runs at least 1")
    return options


def selected(rows: list[Row], only: str | None) -> list[Row]:
    if only is None:
        return rows
    wanted = [part.strip() for part in only.split(",") if part.strip()]
    return [
        row
        for row in rows
        if any(row.id == w or row.id.startswith(w + ":") or row.id.startswith(w + "/") for w in wanted)
    ]


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    if options.from_json:
        print(markdown(json.loads(options.from_json.read_text(encoding="utf-8"))))
        return 0
    lipcheck, yamllint, jsonschema = tool("lipcheck"), tool("yamllint"), tool("check-jsonschema")
    missing = [
        name
        for name, path in [("lipcheck", lipcheck), ("yamllint", yamllint), ("check-jsonschema", jsonschema)]
        if path is None
    ]
    if missing:
        print(
            f"needs {', '.join(missing)} installed beside this Python: pip install -e '.[test]'",
            file=sys.stderr,
        )
        return 2
    assert lipcheck and yamllint and jsonschema
    compile_installation()
    version = subprocess.run(
        [lipcheck, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    about = {**machine(), "lipcheck": version}
    results: list[Result] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lipcheck-targets-") as tmp:
        env = child_environment(Path(tmp) / "cache")
        groups = {"single": Path(tmp) / "single", "batch": Path(tmp) / "batch"}
        for folder in groups.values():
            folder.mkdir()
        single, single_rows = single_commands(groups["single"], lipcheck, yamllint, jsonschema)
        batch, batch_rows = batch_commands(groups["batch"], options.files, lipcheck)
        rows = selected(single_rows + batch_rows, options.only)
        if not rows:
            print(f"no row matches --only {options.only}", file=sys.stderr)
            return 2
        print(f"lipcheck targets (issue 13): {version}")
        for key, value in about.items():
            print(f"  {key:8} {value}")
        print(
            f"  runs     {options.single_runs} per single-file command, {options.runs} per batch command "
            f"({options.files:,} proposals); interleaved; medians",
            flush=True,
        )
        for group, commands, runs in (
            ("single", single, options.single_runs),
            ("batch", batch, options.runs),
        ):
            mine = [row for row in rows if row.group == group]
            needed = {name for row in mine for name in (row.command, row.baseline) if name}
            if not needed:
                continue
            wanted = {name: argv for name, argv in commands.items() if name in needed}
            # One untimed run of each single-file command fills the pack cache and writes any .pyc;
            # the batch commands start from that warm state (warming them would double the run).
            if group == "single":
                for command in wanted.values():
                    run_child(command, str(groups[group]), env)
            else:
                run_child(
                    [lipcheck, "validate", "-q", *[str(EXAMPLES / n) for n in VARIANTS.values()]],
                    str(groups[group]),
                    env,
                )
            figures = measure(wanted, runs, cwd=str(groups[group]), env=env)
            for name, got in figures.items():
                if any(code not in (0, 1) for code in got.exit_codes):
                    failures.append(
                        f"`{name}` exited with {got.exit_codes}: {' '.join(wanted[name][:6])} ..."
                    )
            results += [judge(row, figures) for row in mine]
    document = {
        "machine": about,
        "settings": {"files": options.files, "runs": options.runs, "single_runs": options.single_runs},
        "rows": [figures_of(r) for r in results],
        "errors": failures,
    }
    print()
    print(markdown(document) if options.markdown else text_table(results))
    missed = [r.row.id for r in results if r.passed is False]
    print()
    for failure in failures:
        print(f"could not measure: {failure}")
    met = sum(r.passed is True for r in results)
    print(f"{met} of {met + len(missed)} targets met" + (f"; missed: {', '.join(missed)}" if missed else ""))
    if options.json:
        options.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if failures:
        return 2
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
