"""A portfolio of many proposals in one run, its peak memory printed beside `validate`'s.

    .venv/bin/python benchmarks/portfolio.py [--files 10000] [--runs 1]

Target: `lipcheck report FOLDER -o OUT/` stays at or under 120 MiB peak (resident) for 10,000
proposals, close to `validate -q` on the same files: each page is written as its proposal
finishes and the index keeps a few hundred bytes a proposal. Memory is the process's own peak
(`--jobs 1`, so nothing hides in worker processes); `--jobs 2` is timed too.
The proposals are the shipped examples with their names varied, as in benchmarks/targets.py.

Measured (2 shared cores, 2026-12-02): 10,000 proposals, `report --jobs 1` peak 62.2 MiB
(index.html 38 MiB, 10,001 pages), `validate -q --jobs 1` peak 42.7 MiB on the same files.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proposals import write_proposals
from _timing import medians

TARGET_MIB = 120


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    lipcheck = shutil.which("lipcheck", path=str(Path(sys.executable).parent)) or shutil.which("lipcheck")
    if not lipcheck:
        print("needs `lipcheck` installed beside this Python")
        return 2
    with tempfile.TemporaryDirectory(prefix="lipcheck-portfolio-") as tmp:
        folder = Path(tmp)
        (folder / "proposals").mkdir()
        write_proposals(folder / "proposals", args.files)
        today = ["--today", "2026-01-01"]
        commands = {
            "validate -q --jobs 1": [lipcheck, "validate", "proposals", "-q", "--jobs", "1", *today],
            "report --jobs 1 (portfolio)": [lipcheck, "report", "proposals", "-o", "out/", "-j1", *today],
            "report --jobs 2 (portfolio)": [lipcheck, "report", "proposals", "-o", "out2/", "-j2", *today],
        }
        results = medians(commands, args.runs, cwd=str(folder))
        pages = len(list((folder / "out").glob("*.html")))
        index_kib = (folder / "out" / "index.html").stat().st_size / 1024
    print(f"{args.files} proposals, {args.runs} run(s) each; medians")
    print(f"{'command':40} {'s':>7} {'us/file':>8} {'peak MiB':>9}")
    for name, (seconds, kib) in results.items():
        print(f"{name:40} {seconds:7.2f} {seconds / args.files * 1e6:8.0f} {kib / 1024:9.1f}")
    portfolio_mib = results["report --jobs 1 (portfolio)"][1] / 1024
    print(f"pages written: {pages} (index {index_kib:.0f} KiB)")
    verdict = "met" if portfolio_mib <= TARGET_MIB else "MISSED"
    print(f"target: portfolio peak <= {TARGET_MIB} MiB: {verdict} ({portfolio_mib:.1f} MiB)")
    return 0 if pages == args.files + 1 else 1


if __name__ == "__main__":
    sys.exit(main())
