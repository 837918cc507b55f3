"""The package's own data files read the same through lipcheck's readers as through PyYAML."""

from __future__ import annotations

import pytest
import yaml

from lipcheck.block_reader import read_block
from lipcheck.loader import Limits
from lipcheck.package_data import DATA, read_yaml

FILES = sorted(path.name for path in DATA.glob("*.yaml"))


@pytest.mark.parametrize("name", FILES)
def test_a_data_file_reads_as_pyyaml_reads_it(name: str) -> None:
    assert read_yaml(name) == yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["sector-signals.yaml", "init-entries.yaml"])
def test_the_data_every_check_reads_is_in_the_block_style(name: str) -> None:
    """Every check reads the sector lexicon: in the block style, it costs no PyYAML import."""
    assert read_block((DATA / name).read_text(encoding="utf-8"), Limits()) is not None
