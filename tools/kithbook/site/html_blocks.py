"""A Markdown extension that sets the site's generated HTML blocks aside before Markdown parses them.

Python-Markdown parses every raw HTML block with Python's HTML parser to find where it ends; for a
site of 1,000 contacts that is most of the build's Markdown time, spent on HTML Kithbook wrote
itself. A block marked by `markup.html_block` goes straight into Markdown's own stash of raw HTML,
from which Markdown puts it back verbatim after rendering, exactly as a raw HTML block comes out.
The markers themselves are dropped. Unmarked HTML, such as a contact's own notes, is untouched.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from kithbook.site.markup import HTML_BLOCK_BEGIN, HTML_BLOCK_END

_BEGIN, _END = re.escape(HTML_BLOCK_BEGIN), re.escape(HTML_BLOCK_END)
# A marked block: markers on lines of their own, and no other begin marker inside (a stray marker
# in someone's notes then starts no block of its own).
_MARKED = re.compile(
    rf"^{_BEGIN}\n((?:(?!{_BEGIN}).)*?)\n{_END}$", re.DOTALL | re.MULTILINE
)


class _SetAsideGeneratedHtml(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if HTML_BLOCK_BEGIN not in source:
            return lines
        # Stored with its closing line break, as Markdown's own raw HTML parser stores a block: the
        # page comes out byte for byte as it would without this extension.
        stashed = _MARKED.sub(
            lambda block: "\n\n" + self.md.htmlStash.store(block[1] + "\n") + "\n\n", source
        )
        return stashed.split("\n")


class GeneratedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After whitespace normalisation (30), before the raw HTML block parser (20).
        md.preprocessors.register(_SetAsideGeneratedHtml(md), "kithbook_generated_html", 25)


def makeExtension(**kwargs: object) -> GeneratedHtmlExtension:  # noqa: N802 (Markdown's name)
    return GeneratedHtmlExtension(**kwargs)
