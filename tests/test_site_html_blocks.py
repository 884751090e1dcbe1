"""Generated HTML blocks skip Markdown's HTML parser, and the page comes out byte for byte the same."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithbook.site.markup import html_block, html_digest
from kithbook.site.plugin import EXTENSIONS

WITHOUT = [extension for extension in EXTENSIONS if extension != "kithbook.site.html_blocks"]
GENERATED = re.compile(
    r"<!-- kithbook:html ([0-9a-f]{16}) -->\n((?:(?!<!-- kithbook).)*?)\n<!-- /kithbook:html -->",
    re.DOTALL,
)

CARD = (
    '<div class="kb-card">\n<div class="kb-card__head"><span class="kb-avatar">AL</span>'
    '<p class="kb-card__lede">Engineer at <a href="../companies/x.md">X &amp; Co</a></p></div>\n'
    '<dl class="kb-facts">\n<dt>Email</dt><dd>ada@example.org</dd>\n</dl>\n</div>'
)
TIMELINE = (
    '<ol class="kb-timeline">\n<li class="kb-entry"><time datetime="2026-11-02">2 Nov</time>'
    '<span class="kb-entry__text">*not emphasis* &lt;b&gt;</span></li>\n</ol>'
)
NOTES = [
    "Plain *notes*.",
    "<!-- kithbook:html -->\n*emphasis* in a pair & <b>x</b>\n<!-- /kithbook:html -->",
    "<!-- kithbook:html 0123456789abcdef -->\n# not a heading\n<!-- /kithbook:html -->",
    "<!-- kithbook:html 0123456789abcdef -->\n<div>notes</div>\n\n*emphasis*",
]
UNCLOSED_NOTES = ['<div class="x">\nunclosed *x*', "<pre>\nunclosed pre"]


def render(source: str, extensions: list[str]) -> str:
    return markdown.markdown(source, extensions=extensions)


def unmarked(source: str) -> str:
    """The page as it was before the markers: the generated blocks as ordinary raw HTML."""
    return GENERATED.sub(
        lambda block: block[2] if html_digest(block[2]) == block[1] else block[0], source
    )


def page(notes: str) -> str:
    return (
        f"# Ada\n\n{html_block(CARD)}\n\n## Notes\n\n{notes}\n\n## Log\n\n### 2026\n\n"
        f"{html_block(TIMELINE)}\n\n### 2025\n\n{html_block(TIMELINE)}\n"
    )


def test_a_marked_block_comes_out_as_the_raw_html_block_would() -> None:
    output = render(page("Notes."), list(EXTENSIONS))
    assert output == render(unmarked(page("Notes.")), WITHOUT)
    assert "kithbook:html" not in output
    assert "*not emphasis*" in output


def test_a_marker_in_someones_notes_marks_nothing() -> None:
    """Notes are the person's own Markdown: words like the markers (without the block's digest)
    stay comments, and what is between them is rendered as before."""
    for notes in NOTES:
        source = page(notes)
        assert render(source, list(EXTENSIONS)) == render(unmarked(source), WITHOUT), notes


def test_after_notes_that_leave_an_element_open_only_line_breaks_differ() -> None:
    """Markdown then reads the rest of the page as raw HTML, the generated blocks included; each
    comes out with one more line break after it, which shows nowhere but in an unclosed <pre>."""
    for notes in UNCLOSED_NOTES:
        source = page(notes)
        ours, before = render(source, list(EXTENSIONS)), render(unmarked(source), WITHOUT)
        assert ours.split() == before.split(), notes


SECTIONS = st.sampled_from(
    [
        "# Title",
        "## Notes",
        "Some *text* with <span>html</span>.",
        "- one\n- two",
        '!!! warning "Due now"\n\n    - soon',
        '<p class="kb-muted">3 entries</p>',
        "| a | b |\n|---|---|\n| 1 | 2 |",
        html_block(CARD),
        html_block(TIMELINE),
        html_block('<p class="kb-muted">1 commit</p>'),
        *NOTES,
    ]
)


@pytest.mark.slow
@given(st.lists(SECTIONS, min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_any_page_renders_the_same_with_the_markers_as_without(sections: list[str]) -> None:
    source = "\n\n".join(sections) + "\n"
    assert render(source, list(EXTENSIONS)) == render(unmarked(source), WITHOUT)


def test_a_tight_block_is_followed_by_one_line_break_as_a_table_markdown_made_is() -> None:
    from kithbook.site.markup import table, table_html

    headers, rows = ["Day", "Person"], [["Tue 1", '<a href="ada.md">Ada &amp; Co</a>']]
    known = table_html(headers, rows)
    assert known is not None
    tight = f"## May\n\n{html_block(known, tight=True)}\n\n## June\n"
    assert render(tight, list(EXTENSIONS)) == render(
        f"## May\n\n{table(headers, rows)}\n\n## June\n", WITHOUT
    )
