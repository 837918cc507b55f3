"""Renderers: each turns Reports into a string for one medium; none of them prints."""

from __future__ import annotations

import enum


class OutputFormat(str, enum.Enum):
    """Formats of `lipcheck validate --format`."""

    TEXT = "text"
    JSON = "json"


def one_decimal(value: float) -> str:
    """Scores are compared unrounded and shown with one decimal."""
    return f"{value:.1f}"
