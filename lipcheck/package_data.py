"""The YAML files in `lipcheck/data/` (word lists and templates shipped with the package)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
"""Beside the modules: lipcheck is installed as files (`importlib.resources`, for packages run
from a zip, would cost a check the import of `tempfile`, `random` and `zipfile`)."""


def read_yaml(name: str) -> Any:
    """`data/NAME`, read as proposals are: the plain block style by the block reader, so that a
    check whose files are plain too never imports PyYAML. A finding in the package's own file is
    a bug of lipcheck's, never the user's: it raises."""
    from lipcheck.loader import load_text

    document = load_text((DATA / name).read_text(encoding="utf-8"))
    if document.findings:
        raise ValueError(f"lipcheck/data/{name}: {document.findings[0]}")
    return document.data
