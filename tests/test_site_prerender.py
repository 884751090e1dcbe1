"""A person's page rendered from its parts is what Markdown and Material's search make of it.

kithbook.site.prerender skips Markdown and the search parser for the plugin's own pages; these
tests render the same pages both ways, on ordinary and on random contacts, and compare.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import textwrap
from pathlib import Path

import markdown
import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from material.plugins.search.plugin import Parser

from kithbook.config import load_config
from kithbook.parse.load import load
from kithbook.rules.validate import validate
from kithbook.site.fast_pages import Prerenderer
from kithbook.site.markup import Page, table, table_html
from kithbook.site.pages import site_pages
from kithbook.site.plugin import EXTENSIONS
from kithbook.site.prerender import inline_html, prerender
from kithbook.site.sanitize import paragraphs_html, plain_paragraphs, safe_html

TODAY = dt.date(2026, 12, 1)
MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code", *EXTENSIONS]

ADA = """
    ---
    name: Ada Lovelace
    aka: [Countess]
    role: Engineer
    company: Acme & Co
    location: London
    emails: [ada@example.org]
    phones: ["+44 20 7946 0001"]
    circle: friend
    knows: [bob-stone]
    tags: [python, maths]
    memories:
      - The long walk by the river, talking about engines
    goals: [Visit the analytical engine]
    met:
      date: 2020-05-01
      where: a conference
      via: bob-stone
    pets: Two cats
    ---
    Ada likes "engines", 'cards' and tea.
    Second line: still the same paragraph.

    Another paragraph (with brackets), 50% more!

    ## Log
    - 2026-11-10 -> email: Asked about the conference
    - 2026-11-12 <- phone: She called back
    - 2025-03-01 note: Met at the *conference* <b>bold</b>
    - 2025-02-01 <-> in-person:

    ## Private
    PRIVATE-SECRET
    """
BOB = "---\nname: Bob Stone\n---\nNotes with **emphasis**, a [link](https://example.org) & more.\n"
NOTES = "---\nname: Notes\nmemories: [x]\n---\n## Notes heading in the notes\nText.\n"


def pages_of(root: Path) -> dict[str, Page]:
    config, _ = load_config(root)
    network = load(root, config=config)
    return {page.uri: page for page in site_pages(network, TODAY, validate(network, TODAY))}


def write(root: Path, contacts: dict[str, str]) -> Path:
    (root / "contacts").mkdir(parents=True, exist_ok=True)
    for slug, text in contacts.items():
        (root / "contacts" / f"{slug}.md").write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def with_markdown(page: Page) -> tuple[str, list[dict], list[tuple]]:
    """The page's HTML and table of contents as Markdown makes them, and Material's sections."""
    md = markdown.Markdown(extensions=MKDOCS_EXTENSIONS)
    content = md.convert(page.body.strip() + "\n")
    parser = Parser()
    parser.feed(content)
    parser.close()
    sections = [
        (s.id, True, "", "")
        if s.is_excluded()
        else (s.id, False, "".join(s.title).strip(), "".join(s.text).strip())
        for s in parser.data
    ]
    return content, md.toc_tokens, sections


def prerendered(page: Page):
    assert page.parts is not None
    return prerender(page.parts, slugify, unique, nest_toc_tokens, Prerenderer._search_text)


def assert_same(page: Page) -> bool:
    """Asserts that a prerendered page is what Markdown and Material make; False when the page
    has no prerendered form (it goes through Markdown)."""
    result = prerendered(page)
    if result is None:
        return False
    content, tokens, sections = with_markdown(page)
    assert result.content == content
    assert result.toc_tokens == tokens
    if result.sections is not None:
        ours = [
            (s.id, True, "", "")
            if not s.searched
            else (s.id, False, s.title.strip(), s.text.strip())
            for s in result.sections
        ]
        assert ours == sections
    return True


@pytest.mark.parametrize("slug", ["ada-lovelace", "bob-stone", "notes"])
def test_an_ordinary_person_page_is_prerendered_as_markdown_and_the_search_make_it(tmp_path, slug):
    root = write(tmp_path, {"ada-lovelace": ADA, "bob-stone": BOB, "notes": NOTES})
    assert assert_same(pages_of(root)[f"people/{slug}.md"])


def test_the_search_sections_hold_the_name_and_the_notes_and_never_the_private_section(tmp_path):
    root = write(tmp_path, {"ada-lovelace": ADA, "bob-stone": BOB})
    result = prerendered(pages_of(root)["people/ada-lovelace.md"])
    assert result is not None and result.sections is not None
    searched = [(s.title, s.text) for s in result.sections if s.searched]
    assert searched[0][0] == "Ada Lovelace"
    assert any("Ada likes" in text and "tea." in text for _, text in searched)
    assert any("She called back" in text for _, text in searched)
    assert all("PRIVATE-SECRET" not in title + text for title, text in searched)
    assert all("Write to" not in title for title, _ in searched)  # the draft box is left out


def test_a_page_with_errors_goes_through_markdown(tmp_path):
    root = write(tmp_path, {"ada-lovelace": ADA.replace("<- phone", "<- pigeon")})
    assert prerendered(pages_of(root)["people/ada-lovelace.md"]) is None


TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ019 .,:;!?'\"()/@%+=&#-*_`[]{}|<>\\~^$\t\n") + ["é", "’", "\xa0", "ß", "🙂"]
    ),
    max_size=24,
)
# Mostly text a person would write, so that most random pages do take the prerendered path.
WORDS = st.one_of(
    st.text(alphabet=st.sampled_from(list("abc XYZ019.,:'’()&-é")), max_size=24), TEXT
)


def quoted(value: str) -> str:
    return json.dumps(value)  # JSON is YAML


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=WORDS.filter(lambda value: value.strip()),
    role=WORDS,
    where=WORDS,
    memory=WORDS,
    log_text=WORDS.map(lambda value: value.replace("\n", " ")),
    notes=WORDS,
    extra=WORDS,
)
def test_a_random_person_page_is_prerendered_exactly_or_not_at_all(
    name, role, where, memory, log_text, notes, extra
):
    contact = (
        f"---\nname: {quoted(name)}\nrole: {quoted(role)}\nmemories: [{quoted(memory)}]\n"
        f"met:\n  where: {quoted(where)}\nhobby: {quoted(extra)}\n---\n{notes}\n\n"
        f"## Log\n- 2026-11-10 -> email: {log_text}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "contacts").mkdir()
        (root / "contacts" / "someone.md").write_text(contact, encoding="utf-8")
        page = pages_of(root).get("people/someone.md")
    if page is not None and page.parts is not None:
        assert_same(page)


@given(TEXT)
def test_inline_html_is_what_markdown_makes_of_the_escaped_text_when_it_says_so(value):
    from kithbook.site.markup import text

    inner = inline_html(value)
    if inner is not None:
        assert markdown.markdown(f"- {text(value)}") == f"<ul>\n<li>{inner}</li>\n</ul>"


@pytest.mark.parametrize("value", ["Ada Lovelace", "O'Brien-Smith, Jr.", "AT&T (UK)", "1. first"])
def test_ordinary_text_is_simple(value):
    assert inline_html(value) is not None


def slow_safe_html(notes: str) -> str:
    """The notes through Markdown and nh3, as safe_html does for anything but plain text."""
    from kithbook.site import sanitize

    rendered = sanitize._renderer().convert(notes)
    sanitize._renderer().reset()
    return nh3.clean(
        rendered,
        tags=set(sanitize.TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in sanitize.ATTRIBUTES.items()},
        attribute_filter=sanitize._same_host_loads,
        url_schemes=set(sanitize.LINK_SCHEMES),
        allowed_classes={tag: set(names) for tag, names in sanitize.CLASSES.items()},
        strip_comments=True,
    ).strip()


@given(st.lists(TEXT, max_size=4).map("\n".join))
def test_plain_notes_skip_markdown_and_come_out_as_markdown_and_nh3_make_them(notes):
    paragraphs = plain_paragraphs(notes)
    if paragraphs is not None and notes.strip():
        assert paragraphs_html(paragraphs) == slow_safe_html(notes)


@pytest.mark.parametrize(
    ("notes", "plain"),
    [
        ("Met at a conference.\nLikes tea.\n\nSecond paragraph.", True),
        ("Likes *tea*.", False),
        ("1. a list", False),
        ("<script>x</script>", False),
        ("AT&T", False),
    ],
)
def test_only_plain_notes_skip_markdown(notes, plain):
    assert (plain_paragraphs(notes) is not None) is plain
    assert safe_html(notes) == slow_safe_html(notes)


CELL = st.one_of(
    TEXT.map(lambda value: value.strip()),
    TEXT.map(lambda value: f'<a href="x.md">{value.strip()}</a>'),
)


@given(st.lists(st.lists(CELL, min_size=2, max_size=2), min_size=1, max_size=3))
def test_a_known_table_is_what_markdowns_tables_extension_makes(rows):
    headers = ["Name", "Role"]
    known = table_html(headers, rows)
    if known is not None:
        assert known == markdown.markdown(table(headers, rows), extensions=["tables"])
