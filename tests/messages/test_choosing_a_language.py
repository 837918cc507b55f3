"""Which language lipcheck speaks: the flag, LIPCHECK_LANG, the config, the locale, the proposal, English."""

from __future__ import annotations

import pytest

from lipcheck.cli import main
from lipcheck.errors import LipcheckError
from lipcheck.language import choose_language
from tests.conftest import ROOT

NOTHING: dict[str, str] = {}


def test_english_when_nothing_says_otherwise() -> None:
    assert choose_language(None, environ=NOTHING) == "en"


def test_the_flag_comes_first() -> None:
    environ = {"LIPCHECK_LANG": "en", "LANG": "en_CA.UTF-8"}
    assert choose_language("fr", config_lang="en", proposal_lang="en", environ=environ) == "fr"


def test_the_variable_comes_before_the_config_and_the_locale() -> None:
    environ = {"LIPCHECK_LANG": "fr", "LC_ALL": "en_CA.UTF-8"}
    assert choose_language(None, config_lang="en", environ=environ) == "fr"


def test_the_config_comes_before_the_locale() -> None:
    assert choose_language(None, config_lang="fr", environ={"LANG": "en_CA.UTF-8"}) == "fr"


@pytest.mark.parametrize(
    ("environ", "spoken"),
    [
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LC_MESSAGES": "fr_FR@euro", "LANG": "en_CA.UTF-8"}, "fr"),
        ({"LC_ALL": "en_CA.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "fr_CA.UTF-8"}, "fr"),
    ],
)
def test_the_locale_is_read_as_gettext_reads_it(environ: dict[str, str], spoken: str) -> None:
    assert choose_language(None, proposal_lang="en" if spoken == "fr" else "fr", environ=environ) == spoken


@pytest.mark.parametrize("locale", ["C.UTF-8", "POSIX", "de_DE.UTF-8"])
def test_a_locale_in_neither_language_leaves_it_to_the_proposal(locale: str) -> None:
    assert choose_language(None, proposal_lang="fr", environ={"LANG": locale}) == "fr"
    assert choose_language(None, environ={"LANG": locale}) == "en"


def test_the_proposal_is_read_only_when_nothing_before_it_decides() -> None:
    def unread() -> str:
        raise AssertionError("the proposal was read although the flag decided")

    assert choose_language("en", proposal_lang=unread, environ=NOTHING) == "en"
    assert choose_language(None, proposal_lang=lambda: "fr", environ=NOTHING) == "fr"


@pytest.mark.parametrize(
    "given", [{"flag": "de"}, {"config_lang": "es"}, {"environ": {"LIPCHECK_LANG": "klingon"}}]
)
def test_an_unknown_language_is_refused_with_the_ones_there_are(given: dict[str, object]) -> None:
    flag = given.get("flag")
    with pytest.raises(LipcheckError) as refused:
        choose_language(
            flag if isinstance(flag, str) else None,
            config_lang=str(given["config_lang"]) if "config_lang" in given else None,
            environ=given.get("environ", NOTHING),  # type: ignore[arg-type]
        )
    assert refused.value.message.id == "cli.unknown-lang"
    assert refused.value.message.args["languages"] == "en, fr"


def test_an_unknown_language_on_the_command_line_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "examples" / "lethbridge-ready.yaml"), "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "`de`" in err and "en, fr" in err and "Traceback" not in err


def test_a_french_locale_gives_a_french_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    main(["validate", str(ROOT / "examples" / "lethbridge-ready.yaml"), "--today", "2026-01-01"])
    out = capsys.readouterr().out
    assert "prête" in out and "PRÊTE" in out and "Note " in out


def test_a_proposal_written_in_french_gets_its_report_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", str(ROOT / "examples" / "saint-boniface-francophone.yaml"), "--today", "2026-01-01"])
    assert "PRÊTE" in capsys.readouterr().out


def test_the_flag_overrules_the_proposals_language(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "saint-boniface-francophone.yaml")
    main(["validate", path, "--lang", "en", "--today", "2026-01-01"])
    assert "READY" in capsys.readouterr().out


def test_in_a_batch_the_first_proposal_chooses_for_the_whole_run(capsys: pytest.CaptureFixture[str]) -> None:
    french, english = (
        str(ROOT / "examples" / f"saint-boniface-{n}.yaml") for n in ("francophone", "english")
    )
    main(["validate", "-q", french, english, "--today", "2026-01-01"])
    out = capsys.readouterr().out
    assert out.count("réussite") == 2


def test_the_root_command_takes_the_flag_too(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "fr", "rules"])
    assert "Paquet lip-2012" in capsys.readouterr().out


def test_schema_descriptions_come_from_the_catalogue_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from lipcheck.messages import catalogue
    from lipcheck.schema import schema_json

    french = dict(catalogue("fr"))
    french["field.community.province.description"] = "Province ou territoire, en code de deux lettres."
    french["field.lipcheck.description"] = "Version de ce format."
    monkeypatch.setitem(__import__("lipcheck.messages", fromlist=["_CATALOGUES"])._CATALOGUES, "fr", french)
    schema = json.loads(schema_json("fr"))
    assert schema["properties"]["lipcheck"]["description"] == "Version de ce format."
    community = schema["$defs"]["Community"]["properties"]["province"]
    assert community["description"] == "Province ou territoire, en code de deux lettres."
    assert (
        json.loads(schema_json("en"))["properties"]["lipcheck"]["description"]
        == "The format version of this file: the number 1, without quotes"
    )


@pytest.mark.parametrize(
    ("args", "split"),
    [
        (["validate", "x.yaml"], (["validate", "x.yaml"], None)),
        (["--lang", "fr", "validate"], (["validate"], "fr")),
        (["validate", "--lang=fr", "x.yaml"], (["validate", "x.yaml"], "fr")),
        (["validate", "--", "--lang", "fr"], (["validate", "--", "--lang", "fr"], None)),  # names
        (["validate", "--lang"], None),  # no value: Click says so
    ],
)
def test_the_lang_flag_is_read_before_click_parses_the_rest(
    args: list[str], split: tuple[list[str], str | None] | None
) -> None:
    from lipcheck.language import split_lang_flag

    assert split_lang_flag(args) == split
