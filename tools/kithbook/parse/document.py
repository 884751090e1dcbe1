"""A contact file's bytes as text split into front matter and body, with the line each part starts on."""

from __future__ import annotations

import re
from typing import NamedTuple

from kithbook.errors import KithbookError

# A `---` or `...` line, found from the line break before it (a literal first character lets the
# regex engine skip ahead, where `^` would be tried at every position).
_FENCE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


class Document(NamedTuple):
    """`front_matter` starts on line `front_matter_line`; `body` on line `body_line` (1-based)."""

    front_matter: str
    body: str
    front_matter_line: int
    body_line: int


class DocumentError(KithbookError):
    """The file cannot be read as a contact file at all; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) as text with LF line endings (CRLF and old Mac CR alike);
    DocumentError names the bad line."""
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise DocumentError(line, "this is not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise DocumentError(
            line,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column}); save the file as UTF-8",
        ) from None
    return lf_text(text)


def lf_text(text: str) -> str:
    """The text with LF line breaks, as the loader reads it: CRLF and a CR alone (old Mac) alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def split(text: str) -> Document:
    """Separate the `---` front matter from the Markdown body."""
    if not text or text.isspace():
        raise DocumentError(
            1, "the file is empty; a contact file starts with '---', 'name: ...', '---'"
        )
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.rstrip() != "---":
        raise DocumentError(
            1,
            "no front matter: a contact file starts with a '---' line, then 'name: ...', then '---'",
        )
    if first_end < 0:
        raise DocumentError(1, "the front matter opened here is never closed with a '---' line")
    closing = _FENCE.search(text, first_end)
    if closing is None:
        raise DocumentError(1, "the front matter opened here is never closed with a '---' line")
    fence_start = closing.start() + 1
    front_matter = text[first_end + 1 : fence_start]
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1 :]
    closing_line = text.count("\n", 0, fence_start) + 1
    return Document(front_matter, body, 2, closing_line + 1)
