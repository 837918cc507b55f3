"""The one base class for lipcheck's own failures: the CLI turns each into exit code 2."""

from __future__ import annotations

from lipcheck.findings import Message


class LipcheckError(Exception):
    """lipcheck could not run: a missing input file, a broken rule pack, a bad option."""

    def __init__(
        self, message: Message, hint: Message | None = None, details: tuple[Message, ...] = ()
    ) -> None:
        super().__init__(message.id)
        self.message = message
        self.hint = hint
        self.details = details
        """Lines under the message, each shown on its own (every problem of a broken pack)."""
