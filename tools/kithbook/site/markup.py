"""Writing generated Markdown safely: a Page, escaped text, and links between generated pages.

Every value that comes from a contact file goes through `text` (or `attr`) before it reaches a page,
so a name like `<script>` or `*bold*` shows as written instead of becoming markup.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote

import yaml

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\d+(?=[.)])|)([#+\-=.)])")


@dataclass(frozen=True)
class Page:
    """One generated page: its path (`people/ada.md`), title, Markdown body, and nav membership."""

    uri: str
    title: str
    body: str
    in_nav: bool = True
    hide: tuple[str, ...] = ("navigation",)
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def markdown(self) -> str:
        """The page as a Markdown file; its front matter is the plugin's own (title escaped)."""
        meta: dict[str, object] = {"title": attr(" ".join(self.title.split())), **self.meta}
        if self.hide:
            meta["hide"] = list(self.hide)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{self.body.strip()}\n"


def text(value: object) -> str:
    """A value as inline Markdown that renders exactly as written: HTML- and Markdown-escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split("\n")))
    return html.escape(_LINE_START.sub(r"\1\\\2", escaped), quote=False)


def attr(value: object) -> str:
    """A value for an HTML attribute or raw HTML element content."""
    return html.escape(str(value), quote=True)


def relative(from_uri: str, to_uri: str) -> str:
    """The relative link target from one generated page to another (`../tags/python.md`)."""
    return quote(posixpath.relpath(to_uri, posixpath.dirname(from_uri) or "."))


def link(label: str, from_uri: str, to_uri: str) -> str:
    """A Markdown link whose label is already-escaped Markdown."""
    return f"[{label}]({relative(from_uri, to_uri)})"


def external(label: str, url: str) -> str:
    """A link to an address outside the site (mailto:, tel:, https:); the label is escaped here."""
    return f"[{text(label)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are already-escaped Markdown (pipes escaped by `text`)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or "" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
