"""One proposal with the text report, against yamllint on the same file (target: within 1.3x).

    .venv/bin/pip install yamllint && .venv/bin/python benchmarks/startup.py [--runs 21]

A single check is almost all start-up: interpreter, imports, rule pack. Runs are interleaved
and medians reported, because these machines are noisy.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import medians

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3
FLOOR = """
import typer, yaml
from pydantic import BaseModel
class Proposal(BaseModel):
    lipcheck: int
Proposal.model_validate({"lipcheck": 1})
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--file", default=str(ROOT / "examples" / "lethbridge-ready.yaml"))
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    # Time what an installed lipcheck does: compiled modules, as pip leaves them in site-packages.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lipcheck")], check=True)
    yamllint = shutil.which("yamllint", path=str(bin_dir)) or shutil.which("yamllint")
    lipcheck = shutil.which("lipcheck", path=str(bin_dir)) or shutil.which("lipcheck")
    if not yamllint or not lipcheck:
        print("needs both `yamllint` and `lipcheck` installed beside this Python (pip install yamllint)")
        return 2
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "yamllint FILE (baseline)": [yamllint, args.file],
        # What the fixed stack costs before lipcheck does anything of its own: the CLI framework,
        # the YAML parser, and one pydantic model defined and used (defining the first model
        # pulls in pydantic.types, annotated_types and importlib.metadata).
        "floor: typer, yaml, one pydantic model": [sys.executable, "-c", FLOOR],
        "lipcheck validate FILE": [lipcheck, "validate", "--no-color", args.file],
        "lipcheck validate -q FILE": [lipcheck, "validate", "-q", args.file],
        "lipcheck validate --format json FILE": [lipcheck, "validate", "--format", "json", args.file],
    }
    results = medians(commands, args.runs)
    base = results["yamllint FILE (baseline)"][0]
    print(f"{args.runs} interleaved runs each; medians; file {Path(args.file).name}")
    print(f"{'command':40} {'ms':>8} {'x yamllint':>11} {'peak MiB':>9}")
    for name, (seconds, kib) in results.items():
        print(f"{name:40} {seconds * 1000:8.1f} {seconds / base:11.2f} {kib / 1024:9.1f}")
    ratio = results["lipcheck validate FILE"][0] / base
    floor = results["floor: typer, yaml, one pydantic model"][0] / base
    print(f"text report / yamllint = {ratio:.2f} (target {TARGET}; the stack's floor alone: {floor:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
