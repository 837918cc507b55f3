"""The message catalogue: every sentence a user reads is looked up here by id and language."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import string
from collections.abc import Mapping

from lipcheck.findings import Either, Message, Number
from lipcheck.language import DEFAULT_LANGUAGE, LANGUAGES
from lipcheck.messages import en

_CATALOGUES: dict[str, Mapping[str, str]] = {"en": en.MESSAGES}


def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of `lang`, imported the first time they are asked for (French only when chosen)."""
    found = _CATALOGUES.get(lang)
    if found is None:
        if lang not in LANGUAGES:
            return en.MESSAGES
        module = importlib.import_module(f"lipcheck.messages.{lang}")
        found = _CATALOGUES[lang] = module.MESSAGES
    return found


PYDANTIC = (
    (re.compile(r"Input should be a valid number, unable to parse string as a number"), "click.want-number"),
    (
        re.compile(r"Input should be a valid integer, unable to parse string as an integer"),
        "click.want-integer",
    ),
    (re.compile(r"Input should be less than or equal to (?P<limit>\S+)"), "click.at-most"),
    (re.compile(r"Input should be greater than or equal to (?P<limit>\S+)"), "click.at-least"),
    (re.compile(r"Value error, (?P<value>.+) is not one of (?P<choices>.+)\."), "click.not-one-of"),
    (re.compile(r"Input should be a valid number"), "said.number"),
    (re.compile(r"Input should be a finite number"), "said.finite"),
    (re.compile(r"Input should be a valid integer"), "said.integer"),
    (re.compile(r"Input should be a valid string"), "said.string"),
    (re.compile(r"Input should be a valid boolean"), "said.boolean"),
    (re.compile(r"Input should be a valid list"), "said.list"),
    (re.compile(r"Input should be a valid dictionary"), "said.dictionary"),
    (re.compile(r"Field required"), "said.required"),
    (re.compile(r"Extra inputs are not permitted"), "said.extra"),
    (re.compile(r"Value error, `nearly-ready` may not be above `ready`"), "said.thresholds-order"),
    (re.compile(r"Value error, listed more than once: (?P<ids>.+)"), "said.listed-twice"),
    (re.compile(r"Value error, the first year comes before the last"), "said.years-order"),
)
"""What pydantic says of a value lipcheck reads (a pack file, a flag), as a pattern, and the id
that says it in the catalogue: pydantic speaks English only. A sentence matching none stays as
pydantic wrote it."""


def said_by_pydantic(said: str) -> Message | str:
    """Pydantic's sentence `said` as a Message, when the catalogue has its words."""
    for pattern, message_id in PYDANTIC:
        found = pattern.fullmatch(said)
        if found:
            return Message(message_id, found.groupdict())
    return said


def colon(lang: str) -> str:
    """What comes between a label and its value: `: ` in English, ` : ` (non-breaking) in French."""
    return "\u00a0: " if lang == "fr" else ": "


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")  # fmt: skip


def date_text(day: dt.date, lang: str) -> str:
    """`2012-03-15` in English (as proposals write it), `15 mars 2012` in French (1er for the first)."""
    if lang != "fr":
        return day.isoformat()
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}\u00a0{MONTHS_FR[day.month - 1]} {day.year}"


def number_text(number: Number, lang: str) -> str:
    shown = f"{number.value:g}" if number.places is None else f"{number.value:.{number.places}f}"
    return shown.replace(".", ",") if lang == "fr" else shown


Part = tuple[str, bool]
"""A piece of a sentence: its text, and whether it is an argument (True) or the template's own words.

Only the template's words are ours: a backtick there marks code, a backtick in an argument is a
backtick. Renderers that set code apart (HTML, Markdown) decide from this, never from the text.
"""


def text(message_id: str, lang: str = DEFAULT_LANGUAGE, /, **args: object) -> str:
    """The sentence `message_id` in `lang` (falling back to English), filled with `args`.

    An argument that is itself a Message is put in as its sentence in `lang`.
    """
    template = _template(message_id, lang, args)
    if template is None:
        # A missing id is lipcheck's bug; show it rather than hide the finding behind a crash.
        return message_id
    if not args:
        return template
    return template.format(**{name: _filled(value, lang) for name, value in args.items()})


def render(message: Message, lang: str = DEFAULT_LANGUAGE) -> str:
    """`message` as a sentence in `lang`."""
    return text(message.id, lang, **message.args)


def parts(message: Message, lang: str = DEFAULT_LANGUAGE) -> list[Part]:
    """`message` in `lang` as the template's words and the arguments filled in, in order.

    Joined, the texts are `render(message, lang)`: the fields are formatted as `str.format` would
    (conversions and format specs included). An argument that is a Message gives its own parts,
    since its template's words are ours too.
    """
    template = _template(message.id, lang, message.args)
    if template is None:
        return [(message.id, False)]
    if not message.args:
        return [(template, False)] if template else []
    formatter = string.Formatter()
    out: list[Part] = []
    for words, field, spec, conversion in formatter.parse(template):
        if words and out and not out[-1][1]:
            out[-1] = (out[-1][0] + words, False)  # `{{` and `}}` come as pieces of their own
        elif words:
            out.append((words, False))
        if field is None:
            continue
        value, _ = formatter.get_field(field, (), message.args)
        if isinstance(value, Message) and not spec and not conversion:
            out += parts(value, lang)
            continue
        value = formatter.convert_field(_filled(value, lang), conversion)
        # A spec may hold fields of its own (`{value:>{width}}`); those are ours to fill, as format() does.
        out.append((formatter.format_field(value, formatter.vformat(spec or "", (), message.args)), True))
    return out


def has(message_id: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return lang in LANGUAGES and message_id in catalogue(lang)


def _filled(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Number):
        return number_text(value, lang)
    if isinstance(value, Either):
        return text("word.or", lang).join(value.items)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    return value


COUNTED = ("count", "years")
"""The arguments whose number decides between a sentence and its singular, `<id>.one`: the first
of them the message has. A message with no `.one` in the catalogue reads the same for any number."""


def singular(number: object, lang: str) -> bool:
    """Whether `lang` says `number` of a thing in the singular: 1 in English, 0 and 1 in French."""
    if not isinstance(number, int) or isinstance(number, bool):
        return False
    return number in (0, 1) if lang == "fr" else number == 1


def _template(message_id: str, lang: str, args: Mapping[str, object] | None = None) -> str | None:
    # The completeness tests keep French from lacking an id; English stands in only for a
    # catalogue a later branch has not translated yet.
    words = catalogue(lang)
    if args:
        for name in COUNTED:
            if name in args:
                one = words.get(message_id + ".one") if singular(args[name], lang) else None
                if one is not None:
                    return one
                break
    return words.get(message_id) or en.MESSAGES.get(message_id)
