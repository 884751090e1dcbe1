"""A Markdown extension that sets the site's generated HTML blocks aside before Markdown parses them.

Python-Markdown parses every raw HTML block with Python's HTML parser to find where it ends; for a
site of 1,000 contacts that is most of the build's Markdown time, spent on HTML Kithbook wrote
itself. A block marked by `markup.html_block` goes straight into Markdown's own stash of raw HTML,
from which Markdown puts it back verbatim after rendering, exactly as a raw HTML block comes out.
The markers themselves are dropped. Unmarked HTML, such as a contact's own notes, is untouched.

One difference remains: when someone's notes leave an HTML element open, Markdown reads the rest of
the page as raw HTML, and each generated block then comes out with one more line break after it
(visible only inside an unclosed `<pre>`).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from kithbook.site.markup import HTML_BLOCK_MARK, TIGHT, html_digest

_OPENING = f"<!-- {HTML_BLOCK_MARK} "
# A marked block: markers on lines of their own, no other opening marker inside, and a digest that
# matches the block; anything else (such words in someone's notes) is left to Markdown as it is.
_MARKED = re.compile(
    rf"^{re.escape(_OPENING)}([0-9a-f]{{16}})( {TIGHT})? -->\n((?:(?!{re.escape(_OPENING)}).)*?)\n"
    rf"<!-- /{re.escape(HTML_BLOCK_MARK)} -->$",
    re.DOTALL | re.MULTILINE,
)


class _SetAsideGeneratedHtml(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if _OPENING not in source:
            return lines
        return _MARKED.sub(self._set_aside, source).split("\n")

    def _set_aside(self, block: re.Match[str]) -> str:
        digest, tight, html = block[1], block[2], block[3]
        if html_digest(html) != digest:
            return block[0]
        # Stored with its closing line break, as Markdown's own raw HTML parser stores a block, and
        # in the block's place: the page comes out byte for byte as it would without this extension.
        # A tight block (HTML that Markdown would have made itself, such as a table) has none.
        return self.md.htmlStash.store(html if tight else html + "\n")


class GeneratedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After whitespace normalisation (30), before the raw HTML block parser (20).
        md.preprocessors.register(_SetAsideGeneratedHtml(md), "kithbook_generated_html", 25)


def makeExtension(**kwargs: object) -> GeneratedHtmlExtension:  # noqa: N802 (Markdown's name)
    return GeneratedHtmlExtension(**kwargs)
