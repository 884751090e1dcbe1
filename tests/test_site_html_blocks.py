"""Generated HTML blocks skip Markdown's HTML parser, and the page comes out byte for byte the same."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from kithbook.site.markup import HTML_BLOCK_BEGIN, HTML_BLOCK_END, html_block
from kithbook.site.plugin import EXTENSIONS

WITHOUT = [extension for extension in EXTENSIONS if extension != "kithbook.site.html_blocks"]

CARD = (
    '<div class="kb-card">\n<div class="kb-card__head"><span class="kb-avatar">AL</span>'
    '<p class="kb-card__lede">Engineer at <a href="../companies/x.md">X &amp; Co</a></p></div>\n'
    '<dl class="kb-facts">\n<dt>Email</dt><dd>ada@example.org</dd>\n</dl>\n</div>'
)
TIMELINE = (
    '<ol class="kb-timeline">\n<li class="kb-entry"><time datetime="2026-11-02">2 Nov</time>'
    '<span class="kb-entry__text">*not emphasis* &lt;b&gt;</span></li>\n</ol>'
)


def render(source: str, extensions: list[str]) -> str:
    return markdown.markdown(source, extensions=extensions)


def plain(source: str) -> str:
    """The page as it was before the markers: the HTML blocks as ordinary raw HTML."""
    return source.replace(HTML_BLOCK_BEGIN + "\n", "").replace("\n" + HTML_BLOCK_END, "")


def test_a_marked_block_comes_out_as_the_raw_html_block_would() -> None:
    source = f"# Ada\n\n{html_block(CARD)}\n\n## Log\n\n### 2026\n\n{html_block(TIMELINE)}\n"
    assert render(source, list(EXTENSIONS)) == render(plain(source), WITHOUT)
    assert "kithbook:html" not in render(source, list(EXTENSIONS))
    assert "*not emphasis*" in render(source, list(EXTENSIONS))


def test_html_in_notes_is_left_to_markdown_and_a_stray_marker_takes_nothing_with_it() -> None:
    notes = f"{HTML_BLOCK_BEGIN}\n<div>notes</div>\n\n*emphasis*"
    source = f"{notes}\n\n## Log\n\n{html_block(TIMELINE)}\n"
    output = render(source, list(EXTENSIONS))
    assert "<h2" in output and "<em>emphasis</em>" in output
    assert output.count('<ol class="kb-timeline">') == 1


SECTIONS = st.sampled_from([
    "# Title", "## Notes", "Some *text* with <span>html</span>.", "- one\n- two",
    '!!! warning "Due now"\n\n    - soon', '<p class="kb-muted">3 entries</p>',
    "| a | b |\n|---|---|\n| 1 | 2 |", html_block(CARD), html_block(TIMELINE),
    html_block('<p class="kb-muted">1 commit</p>'),
])


@given(st.lists(SECTIONS, min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_any_page_renders_the_same_with_the_markers_as_without(sections: list[str]) -> None:
    source = "\n\n".join(sections) + "\n"
    assert render(source, list(EXTENSIONS)) == render(plain(source), WITHOUT)
