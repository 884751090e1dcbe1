"""Person pages rendered from their parts build the same site as Markdown (kithbook.site.fast_pages).

Each test builds a small site with MkDocs twice: as the plugin builds it, and with every page
going through Markdown and Material's search parser (the prerendered path turned off).
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kithbook.site import fast_pages
from kithbook.site.prerender import SearchSection

ADA = """
    ---
    name: Ada Lovelace
    role: Engineer
    company: Acme Analytics
    emails: [ada@example.org]
    circle: friend
    knows: [bob-stone]
    memories: [The long walk by the river]
    ---
    Ada likes engines and tea.

    ## Log
    - 2026-01-10 -> email: Asked about the conference
    - 2025-06-01 <- phone: She called about *the* engine

    ## Private
    PRIVATE-SECRET
    """
BOB = "---\nname: Bob Stone\ncompany: Brightline\n---\nNotes with **emphasis** & [a link](https://example.org).\n"
HIDDEN = "---\nname: Carol Hidden\nprivate: true\n---\nHIDDEN-NOTE\n"
# A name Markdown reads (emphasis, a tag): this page goes through Markdown, the others do not.
ODD = '---\nname: "Dee *Star* <b>Lee"\nmemories: ["a_b `c`"]\n---\n    code block\n'

CONFIG = """
    site_name: Test network
    theme:
      name: material
      font: false
    plugins:
      - search
      - kithbook
    """


@pytest.fixture
def network(make_network, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    contacts = {"ada-lovelace": ADA, "bob-stone": BOB, "carol-hidden": HIDDEN, "dee-lee": ODD}
    root = make_network(contacts, CONFIG)
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n")
    return root


def run_build(root: Path, site: str) -> Path:
    config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / site))
    build(config)
    return root / site


def files_of(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix != ".gz"  # the sitemap's gzip header has a time
    }


@pytest.fixture
def counted(monkeypatch):
    """How many person pages were prerendered and how many were indexed from their sections."""
    counts = {"rendered": 0, "indexed": 0}
    render, index = fast_pages.Prerenderer.render, fast_pages.Prerenderer.index

    def counting_render(self, page, config, files):
        done = render(self, page, config, files)
        counts["rendered"] += bool(done and self.html)
        return done

    def counting_index(self, page):
        done = index(self, page)
        counts["indexed"] += done
        return done

    monkeypatch.setattr(fast_pages.Prerenderer, "render", counting_render)
    monkeypatch.setattr(fast_pages.Prerenderer, "index", counting_index)
    return counts


def through_markdown(network: Path, monkeypatch) -> dict[str, bytes]:
    """The site with every page through Markdown and Material's search parser."""
    with monkeypatch.context() as patch:
        patch.setattr(fast_pages.Prerenderer, "page", lambda self, file, config, generated: None)
        return files_of(run_build(network, "site-markdown"))


def test_the_prerendered_site_is_byte_for_byte_the_site_markdown_builds(
    network, monkeypatch, counted
):
    fast = files_of(run_build(network, "site"))
    assert counted == {"rendered": 2, "indexed": 2}  # Dee's page went through Markdown
    assert "Dee *Star* &lt;b&gt;Lee" in fast["people/dee-lee/index.html"].decode()
    assert fast == through_markdown(network, monkeypatch)


def test_the_search_index_finds_a_person_by_name_and_notes_and_never_their_private_section(
    network, counted
):
    index = json.loads((run_build(network, "site") / "search" / "search_index.json").read_text())
    assert counted["indexed"] == 2
    ada = [doc for doc in index["docs"] if doc["location"].startswith("people/ada-lovelace/")]
    assert ada[0]["title"] == "Ada Lovelace" and "ada@example.org" in ada[0]["text"]
    words = json.dumps(ada)
    assert "Ada likes engines and tea." in words and "She called about" in words
    text = json.dumps(index)
    for secret in ("PRIVATE-SECRET", "HIDDEN-NOTE", "Carol Hidden"):
        assert secret not in text


def test_a_first_page_that_differs_sends_every_page_through_markdown(
    network, monkeypatch, caplog, counted
):
    real = fast_pages.prerender

    def wrong_content(*args):
        result = real(*args)
        if result is None:
            return None
        return replace(result, content=result.content + "<p>x</p>")

    monkeypatch.setattr(fast_pages, "prerender", wrong_content)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kithbook"):
        site = files_of(run_build(network, "site"))
    assert counted["rendered"] == 0
    assert "person pages go through Markdown" in caplog.text
    monkeypatch.setattr(fast_pages, "prerender", real)
    assert site == through_markdown(network, monkeypatch)


@pytest.mark.parametrize(
    "markdown",
    [
        "markdown_extensions:\n  - toc:\n      permalink: true\n",
        "markdown_extensions:\n  - abbr\n",
    ],
)
def test_markdown_settings_it_does_not_know_send_person_pages_through_markdown_and_say_so(
    network, markdown, counted, caplog
):
    config = network / "mkdocs.yml"
    config.write_text(config.read_text() + markdown)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kithbook"):
        site = run_build(network, "site")
    page = (site / "people" / "ada-lovelace" / "index.html").read_text()
    assert counted["rendered"] == 0
    said = [r.message for r in caplog.records if "person pages go through Markdown" in r.message]
    assert len(said) == 1 and "mkdocs.yml" in said[0]
    if "permalink" in markdown:
        assert 'class="headerlink"' in page


def test_a_dirty_rebuild_after_an_edit_renders_the_edited_person_page_and_skips_the_rest(
    network, counted
):
    site = run_build(network, "site")
    edited = network / "contacts" / "ada-lovelace.md"
    edited.write_text(edited.read_text().replace("tea.", "tea and maps."))
    counted.update(rendered=0, indexed=0)
    config = load_config(str(network / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)
    assert counted == {"rendered": 1, "indexed": 1}  # Bob's page did not change
    assert "tea and maps." in (site / "people" / "ada-lovelace" / "index.html").read_text()
    assert "tea and maps." in (site / "search" / "search_index.json").read_text()


def test_a_material_search_that_indexes_pages_otherwise_parses_every_person_page_itself(
    network, monkeypatch, counted, caplog
):
    # Another Material version whose entries hold more than the sections' words (here a field of
    # its own): the first person page's entries differ, so Material indexes every page itself.
    from material.plugins.search.plugin import SearchIndex

    add_entry = SearchIndex.add_entry_from_context

    def with_a_field(self, page):
        before = len(self.entries)
        add_entry(self, page)
        for entry in self.entries[before:]:
            entry["words"] = len(entry["text"].split())

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", with_a_field)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kithbook"):
        fast = files_of(run_build(network, "site"))
    assert counted["indexed"] == 0 and "its entries differ" in caplog.text
    index = json.loads(fast["search/search_index.json"])
    assert all("words" in doc for doc in index["docs"])
    assert fast == through_markdown(network, monkeypatch)


def test_a_material_search_parser_of_another_shape_leaves_the_notes_to_material(monkeypatch):
    import material.plugins.search.plugin as material_search

    class Reshaped(material_search.Parser):
        def close(self):
            super().close()
            self.data = [object() for _ in self.data]  # sections without .text or .title

    notes = "<p>Ada <em>likes</em> tea.</p>"
    assert (
        "".join(fast_pages.Prerenderer._search_text(notes) or []).strip() == "<p>Ada likes tea.</p>"
    )
    monkeypatch.setattr(material_search, "Parser", Reshaped)
    assert fast_pages.Prerenderer._search_text(notes) is None


@pytest.mark.parametrize("differs", ["html", "search"])
def test_a_later_page_with_a_kind_of_block_the_first_did_not_show_is_checked_too(
    network, monkeypatch, counted, caplog, differs
):
    # Bob's notes go through nh3 and Material's parser, a kind of block Ada's page has not: were
    # his page wrong (another Markdown or Material), the site would say so and stay right.
    real = fast_pages.prerender

    def wrong_for_bob(parts, *args):
        result = real(parts, *args)
        if result is None or parts[0].markdown != "# Bob Stone":
            return result
        if differs == "html":
            return replace(result, content=result.content + "<p>x</p>")
        sections = [
            SearchSection(s.id, s.searched, s.title, s.text + " x") for s in result.sections
        ]
        return replace(result, sections=sections)

    monkeypatch.setattr(fast_pages, "prerender", wrong_for_bob)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kithbook"):
        site = files_of(run_build(network, "site"))
    said = "person pages go through Markdown" if differs == "html" else "its entries differ"
    assert said in caplog.text
    assert counted["indexed"] == 1  # Ada's page, checked first, still is
    monkeypatch.setattr(fast_pages, "prerender", real)
    assert site == through_markdown(network, monkeypatch)
