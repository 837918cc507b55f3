"""How well lipcheck places council members by name: precision of the first code, and coverage.

Run: `python benchmarks/inference.py [--split held-out|tuning|all]`. The names are real council and
network members compiled from public LIP pages (benchmarks/data/council-names.md says how). A first
inferred code is *right* when it is one of the sectors the annotator gave the name (the primary
one is reported too). Targets: precision >= 95%, coverage >= 80%.

The held-out split (every name whose row number is odd) was not looked at while the lexicon was
tuned; `tuning` is the other half. Figures are printed for each language and in all.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lipcheck.sectors import infer

DATA = Path(__file__).parent / "data" / "council-names.tsv"


def rows(split: str) -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        everything = list(csv.DictReader(handle, delimiter="\t"))
    if split == "all":
        return everything
    keep = 1 if split == "held-out" else 0
    return [row for number, row in enumerate(everything) if number % 2 == keep]


def figures(sample: list[dict[str, str]], show_misses: bool) -> tuple[int, int, int, int]:
    inferred = right = primary = 0
    for row in sample:
        labels = row["sectors"].split("|")
        codes = infer(row["name"])
        if not codes:
            if show_misses:
                print(f"  none   {row['name']}  [{row['sectors']}]")
            continue
        inferred += 1
        right += codes[0] in labels
        primary += codes[0] == labels[0]
        if show_misses and codes[0] not in labels:
            print(f"  wrong  {row['name']}  [{row['sectors']}] -> {','.join(codes)}")
    return len(sample), inferred, right, primary


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["all", "held-out", "tuning"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the names placed wrongly or not at all")
    options = parser.parse_args()
    sample = rows(options.split)
    print(f"sector inference on {len(sample)} council member names ({options.split}; {DATA.name})")
    failed = False
    for lang in ("en", "fr", None):
        part = [row for row in sample if lang is None or row["lang"] == lang]
        total, inferred, right, primary = figures(part, options.misses and lang is None)
        precision = right / inferred if inferred else 0.0
        cover = inferred / total if total else 0.0
        print(
            f"{lang or 'all':>4}: {total:3} names; coverage {cover:6.1%} (target 80%);"
            f" precision of the first code {precision:6.1%} (target 95%);"
            f" first code = primary sector {primary / inferred if inferred else 0:6.1%}"
        )
        failed = lang is None and (precision < 0.95 or cover < 0.80)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
