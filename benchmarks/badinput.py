"""Every case of the bad-input catalogue as its own process, against issue 4's budget: 2 s and 500 MB.

    .venv/bin/python benchmarks/badinput.py [--repeat 3] [--only ID ...]

Each case's input is built first (not timed), then `python -m lipcheck` runs on it as CI would;
the table shows the slowest wall time and the largest peak resident memory over the runs, and
whether the exit code is the one the catalogue expects. The exit status is 1 when a case is
over budget or answers with the wrong code, so the script can gate a release, but it is not a
unit test: timings belong to the machine they were taken on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from _timing import run_child  # noqa: E402

from tests.badinput.catalogue import Unavailable, load_cases, prepare  # noqa: E402

BUDGET_SECONDS = 2.0
BUDGET_MIB = 500


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (worst is shown)")
    parser.add_argument("--only", nargs="*", default=None, help="case ids to run")
    args = parser.parse_args()
    cases = [case for case in load_cases() if args.only is None or case.id in args.only]
    width = max(len(case.id) for case in cases)
    print(f"{'case':<{width}}  {'exit':>4}  {'want':>4}  {'seconds':>7}  {'peak MiB':>8}  verdict")
    print(f"{'-' * width}  ----  ----  -------  --------  -------")
    failures = 0
    worst_seconds, worst_mib = 0.0, 0.0
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="lipcheck-bench-") as folder:
            try:
                setup = prepare(case, Path(folder))
            except Unavailable as reason:
                print(f"{case.id:<{width}}  {'':>4}  {case.exit:>4}  {'':>7}  {'':>8}  skipped: {reason}")
                continue
            try:
                runs = [
                    run_child([sys.executable, "-m", "lipcheck", *setup.argv], cwd=folder)
                    for _ in range(args.repeat)
                ]
            finally:
                setup.cleanup()
        seconds = max(run[0] for run in runs)
        mib = max(run[1] for run in runs) / 1024
        codes = {run[2] for run in runs}
        code = codes.pop() if len(codes) == 1 else -1
        problems = []
        if seconds > BUDGET_SECONDS:
            problems.append("slow")
        if mib > BUDGET_MIB:
            problems.append("memory")
        if code != case.exit:
            problems.append("known bug" if case.xfail else "wrong exit")
        if problems and not case.xfail:
            failures += 1
        worst_seconds, worst_mib = max(worst_seconds, seconds), max(worst_mib, mib)
        verdict = ", ".join(problems) or "ok"
        print(f"{case.id:<{width}}  {code:>4}  {case.exit:>4}  {seconds:>7.2f}  {mib:>8.1f}  {verdict}")
    print()
    print(
        f"{len(cases)} cases, budget {BUDGET_SECONDS:g} s and {BUDGET_MIB} MiB each; "
        f"worst {worst_seconds:.2f} s and {worst_mib:.1f} MiB; {failures} over budget or wrong"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
