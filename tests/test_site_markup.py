"""Escaping and links in generated Markdown (kithbook.site.markup)."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.utils.meta import get_data

from kithbook.site.markup import Page, attr, external, relative, text


def render(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize(
    "value, html",
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("O'Hare & *Sons* _x_", "<p>O'Hare &amp; *Sons* _x_</p>"),
        ("[click](https://example.org)", "<p>[click](https://example.org)</p>"),
        ("`code` {: .class}", "<p>`code` {: .class}</p>"),
        ("# not a heading", "<p># not a heading</p>"),
        ("1. not a list", "<p>1. not a list</p>"),
        ("- not a list", "<p>- not a list</p>"),
        ("two\nlines", "<p>two lines</p>"),
    ],
)
def test_text_renders_exactly_as_written(value, html):
    assert render(text(value)) == html


def test_a_pipe_in_text_does_not_split_a_table_cell():
    table = f"| a | b |\n|---|---|\n| {text('x|y')} | z |"
    assert "<td>x|y</td>" in render(table)


@pytest.mark.parametrize(
    "value, escaped",
    [
        ('"><img src=x>', "&quot;&gt;&lt;img src=x&gt;"),
        ("it's", "it&#x27;s"),
    ],
)
def test_attr_escapes_quotes_and_tags(value, escaped):
    assert attr(value) == escaped


@pytest.mark.parametrize(
    "source, target, link",
    [
        ("index.md", "people/ada.md", "people/ada.md"),
        ("people/ada.md", "people/bob.md", "bob.md"),
        ("people/ada.md", "tags/python.md", "../tags/python.md"),
        ("tags/index.md", "index.md", "../index.md"),
    ],
)
def test_relative_links_go_from_one_generated_page_to_another(source, target, link):
    assert relative(source, target) == link


def test_an_external_link_keeps_its_address_whole_and_escapes_its_label():
    assert render(external("a_b@example.org", "mailto:a_b@example.org")) == (
        '<p><a href="mailto:a_b@example.org">a_b@example.org</a></p>'
    )


@pytest.mark.parametrize(
    "title, shown",
    [
        ("Ada", "Ada"),
        ("<b>Ada</b>", "&lt;b&gt;Ada&lt;/b&gt;"),
        ("x\n---\nhide: [toc]\ntemplate: a.html", "x --- hide: [toc] template: a.html"),
    ],
)
def test_a_pages_front_matter_is_only_the_plugins_own(title, shown):
    body, meta = get_data(Page("people/ada.md", title, "body", hide=("toc",)).markdown)
    assert meta == {"title": shown, "hide": ["toc"]}
    assert body == "body\n"
