"""A person's page as MkDocs would render it, known without running Markdown or the search parser.

A person's page is the plugin's own Markdown: headings, and blocks of HTML that Markdown passes
through unchanged (`markup.html_block`), with a few short lists. Running Markdown on it (a new
converter per page, as MkDocs does) and then Material's search parser on its HTML was most of the
time of a big site's build, spent on text the plugin wrote itself. So each part of the page also
says what it becomes: its HTML, and the words Material's search would take from it. A page whose
parts all know that is rendered by `prerender` in microseconds; any other page (a contact file
with errors, unusual text, another plugin's change) goes through Markdown as before.

The plugin checks the first such page of every build against Markdown and Material's search and
keeps using this only when both agree (site/fast_pages.py); tests compare them on random contacts.

Public API: `Heading`, `Part`, `heading_part`, `html_part`, `list_part`, `inline_html`,
`html_events`, `Prerendered`, `prerender`, `SearchSection`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Text that Markdown renders as itself, HTML-escaped, once `markup.text` has escaped it: letters,
# digits, single spaces and punctuation that means nothing to Markdown in the middle of a line.
_SIMPLE = re.compile(r"[^\W_](?:[^\W_]|[.,:;!?'’\"()/@%+=&-]| (?! ))*(?<! )")
# A line of only spaces, which Markdown's whitespace clean-up empties (see _changed_by_markdown).
_SPACES_LINE = re.compile(r"(?:^|\n) +(?:\n|$)")
_TAG = re.compile(r"<[a-zA-Z/][^<>]*>")

# A search event: (DATA, text) | (OPEN, tag) | (CLOSE, tag), as Material's parser sees the HTML.
DATA, OPEN, CLOSE = 0, 1, 2
Event = tuple[int, str]


@dataclass(frozen=True)
class Heading:
    """A heading of the page: its level, its text as Markdown renders it, an explicit id and any
    other attributes as Markdown writes them (` data-search-exclude`)."""

    level: int
    inner: str
    id: str | None = None
    attributes: str = ""

    @property
    def searched(self) -> bool:
        return "data-search-exclude" not in self.attributes


@dataclass(frozen=True)
class Part:
    """One block of a page: its Markdown, and when known, its HTML and the search's events.

    `html` is None when only Markdown knows what the part becomes; `search` is None when the part's
    words for the search index are not known (the notes: parsed on their own, see `prerender`)."""

    markdown: str
    html: str | None = None
    heading: Heading | None = None
    search: tuple[Event, ...] | None = ()
    verbatim: bool = True  # HTML that Markdown passes through (a raw block): ends with a newline


def inline_html(value: str) -> str | None:
    """What Markdown makes of `markup.text(value)` in a heading or a list item, when that is simply
    the value HTML-escaped; None when Markdown might do more (emphasis, escapes, line breaks...)."""
    if not _SIMPLE.fullmatch(value):
        return None
    return html.escape(value, quote=False)


def heading_part(
    level: int, markdown: str, text: str, *, id: str | None = None, attributes: str = ""
) -> Part:
    """A heading whose Markdown is `markdown` and whose text is `text` (unescaped)."""
    inner = inline_html(text)
    heading = None if inner is None else Heading(level, inner, id, attributes)
    return Part(markdown, heading=heading)


def html_part(markdown: str, html_text: str, search: Iterable[Event] | None = ()) -> Part:
    """A block of raw HTML (marked or not) that Markdown passes through unchanged."""
    known = None if _changed_by_markdown(html_text) else html_text
    return Part(markdown, known, search=None if search is None else tuple(search))


def _changed_by_markdown(html_text: str) -> bool:
    """Whether Markdown's clean-up would touch the block (checked cheaply first: most never are)."""
    if "\t" in html_text or "\r" in html_text or "\x02" in html_text or "\x03" in html_text:
        return True
    if "<!-- kithbook:html " in html_text or "<!-- /kithbook:html -->" in html_text:
        return True  # the markers would not find the block
    return (" \n" in html_text or html_text.startswith(" ") or html_text.endswith(" ")) and bool(
        _SPACES_LINE.search(html_text)
    )


def list_part(markdown: str, items: Sequence[tuple[str, str]], tag: str = "ul") -> Part:
    """A Markdown list; `items` are each item's HTML prefix (already HTML) and its plain text, which
    must be simple (see `inline_html`) for the HTML to be known."""
    rendered, events = [], [(OPEN, tag), (DATA, "\n")]
    for prefix, value in items:
        inner = inline_html(value)
        if inner is None:
            return Part(markdown)
        rendered.append(f"<li>{prefix}{inner}</li>")
        events += [(OPEN, "li"), *html_events(prefix + inner), (CLOSE, "li"), (DATA, "\n")]
    events.append((CLOSE, tag))
    body = "\n".join(rendered)
    return Part(markdown, f"<{tag}>\n{body}\n</{tag}>", search=tuple(events), verbatim=False)


def html_events(fragment: str) -> list[Event]:
    """The search events of a fragment of inline HTML that holds no kept or excluded element (a
    link, `<wbr>`, `<strong>`): its text between the tags."""
    return [
        (DATA, html.unescape(text) if "&" in text else text)
        for text in _TAG.split(fragment)
        if text
    ]


class Section:
    """A section of the search index as Material's parser builds it: a heading and its text."""

    def __init__(self, id: str | None, searched: bool, title: str) -> None:
        self.id, self.searched = id, searched
        self.title = [title] if title else []
        self.text: list[str] = []

    def data(self, value: str) -> None:
        """Material's `handle_data` outside a heading: whitespace collapses to one space."""
        if not value:
            return
        if value.isspace():
            if not self.text or not self.text[-1].isspace():
                self.text.append(" ")
        else:
            self.text.append(html.escape(value.replace("\n", " "), quote=False))

    def close(self, tag: str) -> None:
        """Material's `handle_endtag` for a kept tag: an element with only whitespace is dropped."""
        index = self.text.index(f"<{tag}>")
        if any(not chunk.isspace() for chunk in self.text[index + 1 :]):
            self.text.append(f"</{tag}>")
        else:
            del self.text[index:]

    def replay(self, events: Iterable[Event]) -> None:
        """`data`, an opening kept tag and `close` for each event (inlined: a site has millions)."""
        text = self.text
        for kind, value in events:
            if kind == DATA:
                if not value:
                    continue
                if value.isspace():
                    if not text or not text[-1].isspace():
                        text.append(" ")
                elif "&" in value or "<" in value or ">" in value:
                    text.append(html.escape(value.replace("\n", " "), quote=False))
                else:
                    text.append(value.replace("\n", " "))
            elif kind == OPEN:
                text.append(f"<{value}>")
            else:
                self.close(value)


@dataclass(frozen=True)
class SearchSection:
    """A finished section of the search index: its id, whether it is searched, title and text."""

    id: str | None
    searched: bool
    title: str
    text: str


@dataclass
class Prerendered:
    """What MkDocs' `Page.render` would set, and the search index's sections."""

    content: str
    toc_tokens: list[dict]
    anchor_ids: set[str]
    title: str | None
    sections: list[SearchSection] | None = field(default=None)


def prerender(
    parts: Sequence[Part],
    slugify: Callable[[str, str], str],
    unique: Callable[[str, set[str]], str],
    nest: Callable[[list[Any]], list[Any]],
    search_fragment: Callable[[str], list[str] | None],
) -> Prerendered | None:
    """The page's HTML, table of contents, anchors and search sections, as Markdown (with the
    `toc` extension's `slugify`, `unique` and `nest_toc_tokens`) and Material's search would make
    them; None when a part is not known. `search_fragment` gives the search text of a block Material
    must parse itself (the notes), or None."""
    if any(part.html is None and part.heading is None for part in parts):
        return None
    used = {part.heading.id for part in parts if part.heading and part.heading.id}
    anchors, tokens, blocks = set(used), [], []
    title: str | None = None
    sections: list[Section] | None = []
    section: Section | None = None
    for index, part in enumerate(parts):
        heading = part.heading
        if heading is not None:
            name = heading.inner
            id = heading.id or unique(slugify(html.unescape(name), "-"), used)
            anchors.add(id)
            tag = f"h{heading.level}"
            blocks.append(f'<{tag}{heading.attributes} id="{html.escape(id)}">{name}</{tag}>')
            tokens.append({"level": heading.level, "id": id, "name": name, "html": name})
            tokens[-1]["data-toc-label"] = ""
            if index == 0 and heading.level == 1:
                title = name
            if sections is not None:
                # The first heading starts the page's first section, which has no id.
                words = name if heading.searched else ""  # an excluded heading's words are not read
                section = Section(id if sections else None, heading.searched, words)
                sections.append(section)
                section.data("\n")
            continue
        assert part.html is not None
        blocks.append(part.html + "\n" if part.verbatim else part.html)
        if sections is None or section is None:
            sections = None
        elif part.search is not None:
            section.replay(part.search)
            section.data("\n")
        else:
            text = search_fragment(part.html)
            if text is None or section.text != [" "]:
                sections = None
            else:  # the fragment's text, with the whitespace that follows it
                section.text = text
    finished = None
    if sections is not None:
        finished = [
            SearchSection(s.id, s.searched, "".join(s.title), "".join(s.text)) for s in sections
        ]
    return Prerendered("\n".join(blocks).strip(), nest(tokens), anchors, title, finished)
