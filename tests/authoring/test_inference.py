"""Sector codes read from organization names, with the lexicon kept as data in the package."""

from __future__ import annotations

from importlib import resources

import pytest

from lipcheck.sectors import infer, nearest


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Ville de Shippagan", "municipal"),
        ("Conseil scolaire francophone de la Colombie-Britannique", "school"),
        ("Red Deer Polytechnic", "postsecondary"),
        ("Centre de santé Saint-Thomas", "health"),
        ("Newcomer Centre of Peel", "settlement"),
        ("CENTRE DE SANTE SAINT-THOMAS", "health"),  # case and accents do not matter
        ("Hanover Police Service", "police"),
    ],
)
def test_names_from_the_issue_are_placed(name: str, first: str) -> None:
    assert infer(name)[0] == first


def test_words_match_on_word_boundaries() -> None:
    assert "police" not in infer("Policy Options Forum")
    assert "school" not in infer("Preschooler Parents Circle")  # a stem matches word starts only


def test_a_name_that_signals_nothing_is_not_placed_but_gets_nearest_codes() -> None:
    assert infer("Aisling Discoveries") == ()
    assert "health" in nearest("Helth Network Society")


def test_the_lexicon_is_data_shipped_in_the_package() -> None:
    assert resources.files("lipcheck").joinpath("data/sector-signals.yaml").is_file()


@pytest.mark.parametrize("split", ["held-out", "all"])
def test_the_benchmark_meets_its_targets(split: str) -> None:
    from benchmarks.inference import figures, rows

    total, inferred, right, _ = figures(rows(split), show_misses=False)
    assert inferred / total >= 0.80, "coverage"
    assert right / inferred >= 0.95, "precision of the first inferred code"
