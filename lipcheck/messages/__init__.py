"""The message catalogue: every sentence a user reads is looked up here by id and language."""

from __future__ import annotations

from collections.abc import Mapping

from lipcheck.findings import Message
from lipcheck.messages import en

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES}
LANGUAGES = tuple(CATALOGUES)
DEFAULT_LANGUAGE = "en"


def text(message_id: str, lang: str = DEFAULT_LANGUAGE, /, **args: object) -> str:
    """The sentence `message_id` in `lang` (falling back to English), filled with `args`."""
    catalogue = CATALOGUES.get(lang, en.MESSAGES)
    template = catalogue.get(message_id) or en.MESSAGES.get(message_id)
    if template is None:
        # A missing id is lipcheck's bug; show it rather than hide the finding behind a crash.
        return message_id
    return template.format(**args) if args else template


def render(message: Message, lang: str = DEFAULT_LANGUAGE) -> str:
    """`message` as a sentence in `lang`."""
    return text(message.id, lang, **message.args)


def has(message_id: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return message_id in CATALOGUES.get(lang, {})
