"""The YAML files in `lipcheck/data/` (word lists and templates shipped with the package)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")
"""Beside the modules: lipcheck is installed as files (`importlib.resources`, for packages run
from a zip, would cost a check the import of `tempfile`, `random` and `zipfile`)."""


def read_yaml(name: str) -> Any:
    """`data/NAME`, read by libyaml's safe loader (the package's own files: a tenth of the Python cost)."""
    text = (DATA / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)
