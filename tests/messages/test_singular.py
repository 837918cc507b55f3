"""A count of one reads in the singular: `<id>.one` is the sentence for it, in each language's rule."""

from __future__ import annotations

import pytest

from lipcheck.findings import Message
from lipcheck.language import LANGUAGES
from lipcheck.messages import COUNTED, catalogue, en, parts, render, singular, text

SINGULARS = sorted(message_id for message_id in en.MESSAGES if message_id.endswith(".one"))


def test_english_says_one_in_the_singular_and_zero_in_the_plural() -> None:
    assert text("gate.invalid", "en", count=1) == "invalid (1 problem in the file)"
    assert text("gate.invalid", "en", count=0) == "invalid (0 problems in the file)"
    assert text("gate.invalid", "en", count=2) == "invalid (2 problems in the file)"


def test_french_says_zero_and_one_in_the_singular() -> None:
    assert text("gate.invalid", "fr", count=0) == "invalide (0 problème dans le fichier)"
    assert text("gate.invalid", "fr", count=1) == "invalide (1 problème dans le fichier)"
    assert text("gate.invalid", "fr", count=2) == "invalide (2 problèmes dans le fichier)"


def test_the_verb_agrees_with_the_count() -> None:
    assert text("gate.files-short", "en", count=1, files=3) == "1 of 3 proposals falls short"
    assert text("gate.files-short", "en", count=2, files=3) == "2 of 3 proposals fall short"
    assert text("gate.files-short", "fr", count=1, files=3) == "1 proposition sur 3 n'atteint pas le seuil"
    french = text("gate.files-short", "fr", count=2, files=3)
    assert french == "2 propositions sur 3 n'atteignent pas le seuil"


def test_years_count_like_count() -> None:
    one = text("check.established.enough.submitted", "en", year=2011, years=1)
    assert one == "founded in 2011, 1 year before submission"
    many = text("check.established.enough.submitted", "fr", year=2000, years=12)
    assert many == "fondé en 2000, 12 ans avant la présentation"


def test_the_singular_holds_for_a_message_rendered_whole_or_in_parts() -> None:
    message = Message("pack.problems", {"count": 1})
    assert render(message, "fr") == "le paquet de règles a 1 problème\u00a0:"
    assert "".join(piece for piece, _ in parts(message, "fr")) == render(message, "fr")


def test_a_count_that_is_not_a_whole_number_reads_in_the_plural() -> None:
    assert not singular(True, "en")
    assert not singular(1.0, "en")
    assert not singular("1", "fr")
    assert text("gate.invalid", "en", count="1") == "invalid (1 problems in the file)"


def test_a_message_without_a_singular_reads_the_same_for_any_count() -> None:
    assert "report.invalid.one" not in en.MESSAGES
    assert text("report.invalid", "en", count=1) == en.MESSAGES["report.invalid"].format(count=1)


@pytest.mark.parametrize("message_id", SINGULARS)
def test_every_singular_stands_beside_its_plural_and_counts_the_same_argument(message_id: str) -> None:
    plural = message_id.removesuffix(".one")
    for lang in LANGUAGES:
        words = catalogue(lang)
        assert plural in words
        counted = [name for name in COUNTED if "{" + name + "}" in words[message_id]]
        assert counted and counted == [name for name in COUNTED if "{" + name + "}" in words[plural]]
