"""Untrusted Markdown (a contact's notes) as safe HTML for the site.

Notes are the one place where the site renders what someone wrote (or an import brought in) as
Markdown with raw HTML, so they are rendered here, on their own, and the HTML is cleaned by nh3 (the
Rust `ammonia` sanitiser) with an allow-list: what ordinary Markdown produces stays (paragraphs,
emphasis, lists, tables, code, quotes, headings, links, images from the site itself, admonitions);
scripts, event handlers, styles, forms, frames, objects, `<meta>` and `<link>`, `javascript:` and
other unsafe URLs, and anything loaded from another host are dropped. Any heading titled Private
that the loader did not already leave out (inside a quote or a list) is dropped with what follows
it. The result goes into the page as a generated HTML block that MkDocs does not parse again.

Public API: `safe_html`, `plain_paragraphs`, `paragraphs_html`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kithbook.parse.body import PRIVATE_TITLE, heading_title

EXTENSIONS = ("tables", "fenced_code", "attr_list", "admonition", "md_in_html")
TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"),
        *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"),
        *("kbd", "abbr", "q", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "a", "img"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary"),
    }
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ADMONITIONS = {
    *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
    *("success", "check", "done", "question", "help", "faq", "warning", "caution", "attention"),
    *("failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite"),
}
CLASSES = {"div": {"admonition", *ADMONITIONS}, "p": {"admonition-title"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
LOADING_ATTRIBUTES = frozenset({"src"})
# A URL that names a host or a scheme: `https://`, `//host`, `/\host` (read by browsers as
# `//host`), `data:`; what is left loads from the site itself.
_OTHER_HOST = re.compile(r"^[\s\x00-\x1f]*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
# A line of plain text (see plain_paragraphs): no leading or trailing space, no double space, no
# character Markdown or HTML reads (`*_`[]<>&#|\\` ...), and not `1. ` (an ordered list).
_PLAIN_LINE = re.compile(r"(?!\d+\. )[^\W_](?:[^\W_]|[.,:;!?'’\"()/@%+=-]| (?! ))*(?<! )")
_BLANK_LINES = re.compile(r"\n(?: *\n)+")


def safe_html(notes: str) -> str:
    """A contact's notes (Markdown with perhaps raw HTML) as sanitised HTML."""
    paragraphs = plain_paragraphs(notes)
    if paragraphs is not None:
        return paragraphs_html(paragraphs)
    renderer = _renderer()
    try:
        rendered = renderer.convert(notes)
    finally:
        renderer.reset()
    return nh3.clean(
        rendered,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_same_host_loads,
        url_schemes=set(LINK_SCHEMES),
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        strip_comments=True,
    ).strip()


def plain_paragraphs(notes: str) -> list[str] | None:
    """The notes' paragraphs when they are plain text (letters, digits, spaces, punctuation that
    means nothing to Markdown or HTML, no line that starts a list): Markdown makes each a `<p>` of
    its lines as written, which the sanitiser keeps as it is. A thousand contacts' notes are mostly
    such; None for anything else, which goes through Markdown and nh3."""
    paragraphs = []
    for block in _BLANK_LINES.split(notes.strip("\n")):
        lines = block.split("\n")
        if not all(_PLAIN_LINE.fullmatch(line) for line in lines):
            return None
        paragraphs.append(block)
    return paragraphs


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    """One Markdown converter for all notes (reset after each): making one costs a millisecond."""
    return markdown.Markdown(
        extensions=[*EXTENSIONS, _DropPrivateHeadings()],
        extension_configs={"tables": {"use_align_attribute": True}},
    )


def _same_host_loads(tag: str, attribute: str, value: str) -> str | None:
    """Keep a URL the browser loads by itself (an image's `src`) only when it is the site's own."""
    if attribute in LOADING_ATTRIBUTES and _OTHER_HOST.match(value):
        return None
    return value


class _PrivateHeadingsRemover(Treeprocessor):
    """Drops every heading titled Private, and what follows it up to a heading of its level or
    higher, wherever it stands (a quote, a list item, a `<div markdown>`)."""

    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            hiding_at: int | None = None
            for child in list(parent):
                level = _HEADING_TAGS.get(child.tag) if isinstance(child.tag, str) else None
                if hiding_at is not None and (level is None or level > hiding_at):
                    parent.remove(child)
                    continue
                hiding_at = None
                if level is not None and heading_title("".join(child.itertext())) == PRIVATE_TITLE:
                    hiding_at = level
                    parent.remove(child)


class _DropPrivateHeadings(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After attr_list (8), which takes `{#id}` off a heading's text.
        md.treeprocessors.register(_PrivateHeadingsRemover(md), "kithbook_private_headings", 5)
