"""The message catalogue: every sentence a user reads is looked up here by id and language."""

from __future__ import annotations

import string
from collections.abc import Mapping

from lipcheck.findings import Message
from lipcheck.messages import en

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES}
LANGUAGES = tuple(CATALOGUES)
DEFAULT_LANGUAGE = "en"

Part = tuple[str, bool]
"""A piece of a sentence: its text, and whether it is an argument (True) or the template's own words.

Only the template's words are ours: a backtick there marks code, a backtick in an argument is a
backtick. Renderers that set code apart (HTML, Markdown) decide from this, never from the text.
"""


def text(message_id: str, lang: str = DEFAULT_LANGUAGE, /, **args: object) -> str:
    """The sentence `message_id` in `lang` (falling back to English), filled with `args`.

    An argument that is itself a Message is put in as its sentence in `lang`.
    """
    template = _template(message_id, lang)
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
    template = _template(message.id, lang)
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
    return message_id in CATALOGUES.get(lang, {})


def _filled(value: object, lang: str) -> object:
    return render(value, lang) if isinstance(value, Message) else value


def _template(message_id: str, lang: str) -> str | None:
    catalogue = CATALOGUES.get(lang, en.MESSAGES)
    return catalogue.get(message_id) or en.MESSAGES.get(message_id)
