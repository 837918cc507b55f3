"""Orders and counts over many proposals' summary rows: shared by the text table and the portfolio index."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

from lipcheck.findings import ProposalRow, Verdict


class SortOrder(str, enum.Enum):
    """`--sort`: how the summary table and the portfolio index order proposals."""

    PATH = "path"
    SCORE = "score"
    VERDICT = "verdict"


_VERDICT_ORDER = {verdict: rank for rank, verdict in enumerate(Verdict)}


def sorted_rows(rows: Iterable[ProposalRow], order: SortOrder) -> list[ProposalRow]:
    """Rows by path; by score (highest first, invalid last); or by verdict (ready first); ties by path."""
    by_path = sorted(rows, key=lambda row: row.path)
    if order is SortOrder.SCORE:
        return sorted(by_path, key=lambda row: (row.score is None, -(row.score or 0.0)))
    if order is SortOrder.VERDICT:
        return sorted(by_path, key=lambda row: _VERDICT_ORDER[row.verdict])
    return by_path


def verdict_counts(rows: Sequence[ProposalRow]) -> dict[str, int]:
    """Each verdict, in the verdicts' order, with how many rows have it (zeros kept)."""
    counts = {verdict.value: 0 for verdict in Verdict}
    for row in rows:
        counts[row.verdict.value] += 1
    return counts
