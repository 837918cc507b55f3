"""Many proposals at once, against plain `yaml.load(CSafeLoader)` on the same files.

    .venv/bin/python benchmarks/batch.py [--files 10000] [--runs 3]

Targets: within 0.8x of the baseline on one core (`--jobs 1`) and 0.4x with two (`--jobs 2`);
memory flat in the number of files (peak memory for N/10 files vs N files).
The proposals are the shipped examples with their names varied, so no two files are equal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import medians

ROOT = Path(__file__).resolve().parent.parent
IMPORTS_ONLY = "import typer, yaml; from pydantic import BaseModel"
BASELINE = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""


def write_proposals(folder: Path, count: int) -> list[str]:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in examples]
    names = []
    for index in range(count):
        text = texts[index % len(texts)].replace("Local Immigration Partnership", f"LIP no. {index}", 1)
        path = folder / f"p{index:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        names.append(path.name)
    return names


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lipcheck = shutil.which("lipcheck", path=str(Path(sys.executable).parent)) or shutil.which("lipcheck")
    if not lipcheck:
        print("needs `lipcheck` installed beside this Python")
        return 2
    with tempfile.TemporaryDirectory(prefix="lipcheck-batch-") as tmp:
        folder = Path(tmp)
        names = write_proposals(folder, args.files)
        tenth = names[: max(1, len(names) // 10)]
        commands = {
            "yaml.load(CSafeLoader) (baseline)": [sys.executable, "-c", BASELINE, *names],
            "lipcheck -q --jobs 1": [lipcheck, "validate", "-q", "--jobs", "1", *names],
            "lipcheck -q --jobs 2": [lipcheck, "validate", "-q", "--jobs", "2", *names],
            "lipcheck --format json --jobs 1": [lipcheck, "validate", "--format", "json", *names],
            "lipcheck --format json --jobs 2": [lipcheck, "validate", "--format", "json", "-j", "2", *names],
            f"lipcheck -q --jobs 1, {len(tenth)} files": [lipcheck, "validate", "-q", *tenth],
            # The interpreter with the same imports and argument list, checking nothing: what a
            # long argument list costs by itself, for the memory comparison.
            "imports only, FILES as arguments": [sys.executable, "-c", IMPORTS_ONLY, *names],
            f"imports only, {len(tenth)} files": [sys.executable, "-c", IMPORTS_ONLY, *tenth],
        }
        results = medians(commands, args.runs, cwd=str(folder))
    base = results["yaml.load(CSafeLoader) (baseline)"][0]
    print(f"{args.files} proposals, {args.runs} interleaved runs each; medians")
    print(f"{'command':40} {'s':>7} {'x baseline':>11} {'us/file':>8} {'peak MiB':>9}")
    for name, (seconds, kib) in results.items():
        count = len(tenth) if name.endswith(f"{len(tenth)} files") else args.files
        timed = count == args.files and not name.startswith("imports only")
        ratio = f"{seconds / base:11.2f}" if timed else f"{'':>11}"
        print(f"{name:40} {seconds:7.2f} {ratio} {seconds / count * 1e6:8.0f} {kib / 1024:9.1f}")
    print("targets: --jobs 1 <= 0.80x, --jobs 2 <= 0.40x; memory flat: lipcheck's growth from N/10 to N")
    print("files should match the interpreter's own growth for the longer argument list (imports only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
