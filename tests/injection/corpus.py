"""Strings that try to turn a report against its reader: markup, template syntax, XML breakers, workflow
commands, terminal escapes and bidi tricks. Each is put in every text field of a proposal."""

from __future__ import annotations

INJECTIONS: dict[str, str] = {
    "html-script": "<script>alert(1)</script>",
    "html-attribute": '"><img src=x onerror=alert(1)>',
    "html-comment": "<!-- hidden --> -->",
    "html-entity": "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "jinja": "{{ 7*7 }}{% if true %}x{% endif %}{# c #}",
    "format-string": "{0} {title} {__class__} %s %(name)s",
    "xml-cdata-end": "]]></failure><testcase name='fake'>",
    "xml-declaration": "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
    "markdown-link": "[click](javascript:alert(1)) ![img](https://example.invalid/t.png)",
    "markdown-structure": "| a | b |\n|---|---|\n# Heading\n- item\n> quote",
    "markdown-code": "```\ncode\n``` `tick` *star* _under_ ~~strike~~",
    "newline-command": "Guelph\n::error file=x,line=1::forged annotation",
    "crlf-command": "Guelph\r\n::warning::forged\r\n",
    "workflow-command": "::error::forged ::add-mask::secret ::set-output name=x::y ::stop-commands::tok",
    # A word too long for a line is broken anywhere; the break must not leave `::` at a line start.
    "long-word-command": " ".join("a" * width + "::error::forged" for width in range(80, 100)),
    "percent-encoded": "%0A::error::forged%0D%25 %3A %2C",
    "ansi-colour": "\x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared",
    "ansi-hyperlink": "\x1b]8;;https://example.invalid\x07click\x1b]8;;\x07",
    "terminal-title": "\x1b]0;pwned\x07 \x9b31m C1 CSI",
    "carriage-return": "Score 0.0\rScore 100.0 / 100   READY",
    "backspace-bell": "READY\x08\x08\x08\x08\x08\x07 tab\there form\x0cfeed",
    "nul-and-del": "before\x00after\x7f",
    "bidi-override": "\u202eevil\u202c \u2066isolate\u2069 \u200fRLM",
    "line-separators": "one\u2028two\u2029three\x85four",
    "zero-width": "a\u200bb\u200dc\ufeffd",
    "quotes-backslashes": "\"double\" 'single' `back` \\ \\n \\x1b",
    "sql-shell": "'; DROP TABLE proposals; -- $(rm -rf ~) `id`",
    "long-line": "x" * 5000,
    "unicode-mix": "Montréal — 多文化 — مرحبا — 🇨🇦 — Ꭰ",
}
