"""A contact file's text cut into parts without changing a byte; the check every edit ends with."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from yaml.nodes import Node

from kithbook.errors import KithbookError
from kithbook.parse.document import DocumentError, lf_text, split
from kithbook.parse.yamlnodes import TooComplex, YAMLSyntaxError, compose, key_text, to_python

_BREAK = re.compile(r"\r\n|\r|\n")
Edit = TypeVar("Edit", bound=Callable[..., str])


class EditError(KithbookError):
    """An edit that cannot be done safely; the message says why and what to do by hand."""


@dataclass(frozen=True)
class Text:
    """`head` (BOM, opening ---) + `front_matter` + `fence` (closing ---) + `body` == the text."""

    head: str
    front_matter: str
    fence: str
    body: str
    eol: str

    @classmethod
    def parse(cls, text: str) -> Text:
        """Cut a contact file's text into parts where the loader does (`document.split`, whatever
        the line breaks); EditError when it has no closed front matter."""
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        content = text[len(bom) :]
        try:
            document = split(lf_text(content))
        except DocumentError as error:
            raise EditError(f"{error.message}; fix it first") from None
        # line n (1-based) starts after the (n-1)th line break; the loader's lines are the same
        starts = [match.end() for match in islice(_BREAK.finditer(content), document.body_line - 1)]
        closing = starts[document.body_line - 3]
        body_start = starts[-1] if len(starts) == document.body_line - 1 else len(content)
        return cls(
            head=bom + content[: starts[0]],
            front_matter=content[starts[0] : closing],
            fence=content[closing:body_start],
            body=content[body_start:],
            eol=line_ending(text),
        )

    def with_front_matter(self, front_matter: str) -> str:
        return self.head + front_matter + self.fence + self.body

    def with_body(self, body: str) -> str:
        return self.head + self.front_matter + self.fence + body


def line_ending(text: str) -> str:
    """The file's line ending: CRLF when most of its line breaks are CRLF, CR in an old-Mac file
    (CR breaks only), else LF."""
    crlf = text.count("\r\n")
    if crlf and crlf * 2 >= text.count("\n"):
        return "\r\n"
    return "\r" if "\n" not in text and "\r" in text else "\n"


def old_mac_as_lf(edit: Edit) -> Edit:
    """Let a text edit, which finds lines by their LF, change an old-Mac file (CR breaks only): it
    edits the text with LF breaks, and the result gets its CR breaks back, every other byte kept."""

    @functools.wraps(edit)
    def edit_with_cr_kept(text: str, *args: Any, **kwargs: Any) -> str:
        if "\n" in text or "\r" not in text:
            return edit(text, *args, **kwargs)
        return edit(text.replace("\r", "\n"), *args, **kwargs).replace("\n", "\r")

    return edit_with_cr_kept  # type: ignore[return-value]


def front_matter_pairs(text: str) -> list[tuple[str, Any]]:
    """The (key, value) pairs of a file's front matter, in order, as YAML reads them."""
    source = Text.parse(text).front_matter.replace("\r\n", "\n")
    try:
        return node_pairs(compose(source))
    except YAMLSyntaxError as error:
        message = f"the edited front matter does not read back ({error}); nothing was written"
        raise EditError(message) from None


def node_pairs(root: Node | None) -> list[tuple[str, Any]]:
    """The (key, value) pairs of an already composed front matter, so no text is parsed twice."""
    if root is None or not getattr(root, "value", None) or isinstance(root.value, str):
        return []
    try:
        return [(key_text(key), to_python(value)) for key, value in root.value]
    except TooComplex as error:
        message = f"the edited front matter does not read back ({error}); nothing was written"
        raise EditError(message) from None


def verify_front_matter(
    before: str,
    after: str,
    key: str,
    expected: Any,
    old_pairs: list[tuple[str, Any]] | None = None,
) -> None:
    """EditError unless `after` differs from `before` only in `key`, now reading as `expected`;
    `old_pairs` are `before`'s pairs when the caller has already read them. (Whether the file
    loads and validates is the write service's one check.)"""
    if old_pairs is None:
        old_pairs = front_matter_pairs(before)
    old = [(k, v) for k, v in old_pairs if k != key]
    pairs = front_matter_pairs(after)
    new = [(k, v) for k, v in pairs if k != key]
    values = [v for k, v in pairs if k == key]
    if old != new or values != [expected] or Text.parse(after).body != Text.parse(before).body:
        raise EditError(f"{key}: the edit would not read back as intended; edit the file by hand")
