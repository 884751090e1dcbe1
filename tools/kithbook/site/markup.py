"""Writing generated Markdown safely: a Page, escaped text, and links between generated pages.

Every value that comes from a contact file goes through `text` (or `attr`) before it reaches a page,
so a name like `<script>` or `*bold*` shows as written instead of becoming markup.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote

import yaml

# The one plural rule, re-exported for the pages:
from kithbook.rules.phrases import plural as plural
from kithbook.site.prerender import Part

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: a site writes 1,000 of these
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
    # The body's parts, when the page knows what MkDocs makes of them (kithbook.site.prerender).
    parts: tuple[Part, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def markdown(self) -> str:
        """The page as a Markdown file; its front matter is the plugin's own (title escaped)."""
        meta: dict[str, object] = {"title": attr(" ".join(self.title.split())), **self.meta}
        if self.hide:
            meta["hide"] = list(self.hide)
        front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{self.body.strip()}\n"


# The meta of an index page (home, people, due, calendar, tags, circles, companies, graph): left out
# of the search index, so that a search finds the person, not every list that names them.
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}

HTML_BLOCK_MARK = "kithbook:html"


def html_block(html: str, *, tight: bool = False) -> str:
    """A block of generated HTML, marked so that Markdown sets it aside whole (see html_blocks.py)
    instead of parsing it with Python's HTML parser: a contact page's card and timeline are most of
    its text. The opening marker carries a digest of the block, so that the same words in someone's
    notes mark nothing. Without that extension the markers are plain HTML comments. A `tight` block
    is followed by one line break in the page, as an element Markdown made is (a raw HTML block is
    followed by two)."""
    flag = f" {TIGHT}" if tight else ""
    return (
        f"<!-- {HTML_BLOCK_MARK} {html_digest(html)}{flag} -->\n{html}\n<!-- /{HTML_BLOCK_MARK} -->"
    )


TIGHT = "tight"
_TABLE_CELL_TEXT = re.compile(r"[\w .,:;!?'’\"()/@%+=#-]*")
_ENTITIES = re.compile(r"&(?:amp|lt|gt);")
_TAG = re.compile(r"<[a-zA-Z/][^<>]*>")


def table_html(headers: list[str], rows: list[list[str]]) -> str | None:
    """The HTML that Markdown's `tables` extension makes of `table(headers, rows)`, when every cell
    renders as itself (plain text and inline HTML, no backslash escapes); None otherwise. A big
    network's lists are tables of thousands of rows: as an HTML block they skip Markdown."""
    for cell in (*headers, *(cell for row in rows for cell in row)):
        if cell != cell.strip() or any(char in cell for char in "\n\r\t_|`\\"):
            return None
        pieces = _TAG.split(cell)
        if not all(_TABLE_CELL_TEXT.fullmatch(_ENTITIES.sub("", piece)) for piece in pieces):
            return None
    head = "".join(f"<th>{header}</th>\n" for header in headers)
    body = "".join(
        "<tr>\n" + "".join(f"<td>{cell}</td>\n" for cell in row) + "</tr>\n" for row in rows
    )
    return f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def html_digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text(value: object) -> str:
    """A value as inline Markdown that renders exactly as written: HTML- and Markdown-escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split("\n")))
    return html.escape(_LINE_START.sub(r"\1\\\2", escaped), quote=False)


def attr(value: object) -> str:
    """A value for an HTML attribute or raw HTML element content."""
    return html.escape(str(value), quote=True)


def relative(from_uri: str, to_uri: str) -> str:
    """The relative link target from one generated page to another (`../tags/python.md`)."""
    source, target = from_uri.split("/")[:-1], to_uri.split("/")
    shared = 0
    while shared < min(len(source), len(target) - 1) and source[shared] == target[shared]:
        shared += 1
    return quote("/".join([".."] * (len(source) - shared) + target[shared:]))


def link(label: str, from_uri: str, to_uri: str) -> str:
    """A link to another generated page, as HTML with a relative `.md` href: cheap to render, valid
    in Markdown and raw HTML alike; the plugin turns the href into the page's URL and checks it.
    The label is already escaped (`text` in Markdown, `attr` in raw HTML)."""
    return f'<a href="{relative(from_uri, to_uri)}">{label}</a>'


def external(label: str, url: str) -> str:
    """A link to an address outside the site (mailto:, tel:, https:), as HTML; escaped here."""
    return f'<a href="{attr(url)}">{attr(label)}</a>'


def mail_link(address: str) -> str:
    """A `mailto:` link whose text may wrap after the `@` on a narrow screen."""
    href = attr("mailto:" + quote(address, safe="@.+-_"))
    return f'<a href="{href}">{attr(address).replace("@", "@<wbr>", 1)}</a>'


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are already-escaped Markdown (pipes escaped by `text`)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or "" for cell in row) + " |" for row in rows]
    return "\n".join(lines)
