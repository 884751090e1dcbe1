"""What reaches a terminal: the control characters of untrusted text made visible.

A contact's name, company or log line comes from a file anyone may have written (an imported vCard,
a cloned network). Printed as it is, `\\x1b]52;...` writes the clipboard, `\\x1b]0;...` the window
title, `\\x1b[2J` or `\\r` hide or overwrite what kith printed. On a terminal every control character
but newline (`\\r\\n` too: a vCard) and tab is shown as `\\xNN`; colour codes (`\\x1b[...m`, kith's
own) pass. Output to a file or a pipe is left byte for byte as it is (an export must be exact).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_CONTROL = re.compile(r"\x1b\[[0-9;]*m|\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with every control character but newlines, tabs and colour codes shown as `\\xNN`."""
    return _CONTROL.sub(
        lambda found: found[0] if len(found[0]) > 1 else f"\\x{ord(found[0]):02x}", text
    )


class SafeTerminal:
    """A terminal's text stream that writes `visible(text)`; everything else is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guarded(stream: TextIO) -> TextIO:
    """`stream` made safe when it is a terminal; as it is otherwise."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        return stream
    return SafeTerminal(stream) if terminal else stream  # type: ignore[return-value]
