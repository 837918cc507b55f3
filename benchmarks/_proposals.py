"""Shared by the benchmark scripts: the proposals they time, written deterministically to a folder."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Sector codes cycled through the added members of the large proposal; all of them exist in every
# shipped pack, so the proposal stays a valid `lip-2012` proposal.
_SECTORS = ["community", "settlement", "employer", "school", "health", "faith", "francophone", "media"]


def write_proposals(folder: Path, count: int) -> list[str]:
    """Write `count` proposals: the shipped examples in turn, their titles varied so no two are equal.

    The examples span every shipped pack, both languages, a proposal with waivers, and every
    verdict, so a batch of them is a mixed repository of proposals.
    """
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.yaml"))]
    names = []
    for index in range(count):
        text = texts[index % len(texts)].replace("Local Immigration Partnership", f"LIP no. {index}", 1)
        path = folder / f"p{index:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        names.append(path.name)
    return names


def write_large_proposal(path: Path, members: int = 40) -> Path:
    """Write the Lethbridge example with its council grown to `members` members (the same file every run)."""
    proposal = yaml.safe_load((EXAMPLES / "lethbridge-ready.yaml").read_text(encoding="utf-8"))
    council = proposal["council"]["members"]
    for number in range(len(council) + 1, members + 1):
        council.append(
            {
                "organization": f"Lethbridge Newcomer Network Partner {number}",
                "sectors": [_SECTORS[number % len(_SECTORS)]],
                "role": "member",
                "representative": f"Representative {number}",
            }
        )
    text = yaml.safe_dump(proposal, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path
