"""The YAML files in `lipcheck/data/` (word lists and templates shipped with the package)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_yaml(name: str) -> Any:
    """`data/NAME`, read by libyaml's safe loader (the package's own files: a tenth of the Python cost)."""
    text = resources.files("lipcheck").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)
