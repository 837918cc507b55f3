"""Which language lipcheck speaks: the flag, the variable, the config, the locale, the proposal.

Kept apart from the catalogue (lipcheck.messages) so that `lipcheck --help` can choose its page
without loading any message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

LANGUAGES = ("en", "fr")
"""The languages lipcheck speaks; lipcheck.messages has a module of each, with every id of `en`."""
DEFAULT_LANGUAGE = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Read in this order, as gettext does: the first one set decides."""


def choose_language(
    flag: str | None,
    config_lang: str | None = None,
    proposal_lang: str | Callable[[], str | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language to speak, from the first of these that gives one.

    1. `flag`: `--lang`;
    2. `LIPCHECK_LANG`;
    3. `config_lang`: the `lang` of the configuration file (the config branch passes it in);
    4. the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty;
       `fr…` gives French, `en…` English, anything else (`C`, `POSIX`, `de_DE`) says nothing;
    5. `proposal_lang`: the proposal's own `language:` (for a run over several proposals the
       caller passes the first proposal's, so one run speaks one language); a callable is called
       only when nothing before it decided, so the file is read only when needed;
    6. English.

    An unknown language given by the flag, the variable or the config is the user's error:
    LipcheckError (exit 2) naming the languages there are. A locale is never an error: it was
    not set for lipcheck.
    """
    environ = os.environ if environ is None else environ
    for given in (flag, environ.get("LIPCHECK_LANG") or None, config_lang):
        if given is not None:
            return checked_language(given)
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            spoken = value.split("_")[0].split(".")[0].split("@")[0].lower()
            if spoken in LANGUAGES:
                return spoken
            break
    if callable(proposal_lang):
        proposal_lang = proposal_lang()
    if proposal_lang in LANGUAGES:
        return str(proposal_lang)
    return DEFAULT_LANGUAGE


def split_lang_flag(args: list[str]) -> tuple[list[str], str | None] | None:
    """`args` without their first `--lang X` (or `--lang=X`), and X (None when there is none),
    read before Click parses them; None when `--lang` ends `args` without a value. After `--`,
    every argument is a name, never a flag."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return [*args[:index], *args[index + 1 :]], arg.removeprefix("--lang=")
        if arg == "--lang":
            if index + 1 >= len(args):
                return None
            return [*args[:index], *args[index + 2 :]], args[index + 1]
    return args, None


def is_spoken(lang: str) -> bool:
    """Whether `lang` (any case, spaces around) is a language lipcheck speaks."""
    return lang.strip().lower() in LANGUAGES


def checked_language(lang: str) -> str:
    """`lang`, lower-cased, if lipcheck speaks it; else LipcheckError listing those it speaks."""
    if not is_spoken(lang):
        from lipcheck.errors import LipcheckError
        from lipcheck.findings import Message

        raise LipcheckError(Message("cli.unknown-lang", {"lang": lang, "languages": ", ".join(LANGUAGES)}))
    return lang.strip().lower()
