"""Person pages that MkDocs renders from what the plugin already knows (kithbook.site.prerender).

`PersonPage` is an MkDocs `Page` (as Material's blog plugin makes its posts) whose `render` sets the
HTML, table of contents and anchors that Markdown would, without running Markdown; `Prerenderer`
hands Material's search index the page's sections, so that the search plugin does not parse the
page's HTML again. Both are used only while they give exactly what MkDocs and Material give: with
the Markdown extensions and `toc` settings they were made for, and after the first person page of
each build, rendered and parsed both ways, came out the same (and so did each later page that holds
a kind of block the checked pages did not). Otherwise every page goes through Markdown and the
search parser as before (a message at the info level says so).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from kithbook.site.markup import Page as GeneratedPage
from kithbook.site.prerender import Part, Prerendered, SearchSection, prerender

log = logging.getLogger("mkdocs.plugins.kithbook")

# The Markdown extensions whose effect on a person page `prerender` knows: MkDocs' defaults and
# the plugin's own, without settings. Any other extension, or any setting of these (such as `toc:
# permalink`), and pages go through Markdown.
KNOWN_EXTENSIONS = frozenset(
    {"toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html"}
    | {"kithbook.site.html_blocks"}
)


class Prerenderer:
    """The prerendered path of one build: on until a checked page shows a difference. A page is
    checked when it holds a kind of block no checked page held (see `_kinds`): the first person
    page, then at most a few more."""

    def __init__(self, config: MkDocsConfig) -> None:
        unknown = _unknown_markdown(config)
        self.html = not unknown
        if unknown:
            log.info(f"kithbook: person pages go through Markdown ({unknown})")
        self.html_checked: frozenset[Hashable] = frozenset()  # the kinds of block checked
        self.search_index = _material_search_index(config)
        self.search_checked: frozenset[Hashable] = frozenset()

    def page(self, file: File, config: MkDocsConfig, generated: GeneratedPage) -> None:
        """Makes a person page's `PersonPage` (it becomes `file.page`), rendered now from its parts;
        other pages are left to MkDocs, and so is every page when the build's Markdown is not the
        one `prerender` knows."""
        if not self.html or generated.parts is None:
            return
        if not file.is_modified():  # a dirty build (`kith serve`) will not render it: no need
            return
        result = prerender(generated.parts, slugify, unique, nest_toc_tokens, self._search_text)
        if result is not None:
            digest = _digest(generated.body.strip() + "\n")
            PersonPage(file, config, digest, _kinds(generated.parts), result, self)

    def render(self, page: PersonPage, config: MkDocsConfig, files: Files) -> bool:
        """Sets what `Page.render` would from the prerendered page; False when the page must go
        through Markdown (another plugin changed its Markdown, or a checked page differed)."""
        result, page.result = page.result, None
        if result is None or not self.html or _digest(page.markdown or "") != page.expected:
            return False
        if not page.kinds <= self.html_checked:
            self.html_checked |= page.kinds
            Page.render(page, config, files)
            difference = _difference(page, result)
            if difference:
                self.html = False
                log.info(f"kithbook: person pages go through Markdown ({difference})")
                return True
        page.content = result.content
        page.toc = get_toc(result.toc_tokens)  # type: ignore[arg-type]
        page._title_from_render = result.title
        page.present_anchor_ids = result.anchor_ids
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}
        page.sections = result.sections
        return True

    def index(self, page: Page) -> bool:
        """Adds the page's sections to Material's search index; False when the search plugin must
        parse the page itself."""
        if not isinstance(page, PersonPage) or page.sections is None:
            return False
        sections, index = page.sections, self.search_index
        if index is None or (page.meta.get("search") or {}).get("exclude"):
            return False
        if not page.kinds <= self.search_checked:
            self.search_checked |= page.kinds
            if not _same_entries(index, page, sections):
                self.search_index = None
                log.info("kithbook: Material's search parses person pages (its entries differ)")
                return False
        _add_sections(index, page, sections)
        return True

    @staticmethod
    def _search_text(fragment: str) -> list[str] | None:
        """The text Material's search parser takes from a block that starts a section (the
        notes): the block parsed on its own under a heading, as it stands in the page."""
        try:
            sections = _material_parse(f'<h2 id="kithbook">Notes</h2>\n{fragment}\n\n')
            # The parser opens a section of its own before a first heading that is not an `<h1>`.
            # A heading in the block (Material adds its words to the section's title): not handled.
            if sections is None or len(sections) != 2 or sections[0].text:
                return None
            if sections[1].title != ["Notes"]:
                return None
            return list(sections[1].text)
        except Exception:  # another Material version's parser: the page is parsed by Material
            return None


class PersonPage(Page):
    """A person's page: rendered from its parts when the build's `Prerenderer` allows it."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        expected: bytes,
        kinds: frozenset[Hashable],
        result: Prerendered,
        renderer: Prerenderer,
    ) -> None:
        super().__init__(None, file, config)
        self.expected = expected  # the digest of the Markdown the page was prerendered from
        self.kinds = kinds  # the kinds of block it is made of (`_kinds`)
        self.result: Prerendered | None = result  # until rendered
        self.renderer = renderer
        self.sections: list[SearchSection] | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.sections = None
        if not self.renderer.render(self, config, files):
            super().render(config, files)


def _kinds(parts: Sequence[Part]) -> frozenset[Hashable]:
    """The kinds of block a page is made of: each heading's level, explicit id and attributes, and
    each other block's form (a raw HTML block or a list) and how its search words are known. What
    a page holds that the checked pages did not (a write box, a list, notes that Material parses)
    is checked on that page, so no form reaches the site unchecked."""
    kinds: set[Hashable] = set()
    for part in parts:
        heading = part.heading
        if heading is not None:
            kinds.add(("heading", heading.level, heading.id is not None, heading.attributes))
        else:
            form = "raw" if part.verbatim else (part.html or "")[:4]
            kinds.add((form, part.search is None))
    return frozenset(kinds)


def _unknown_markdown(config: MkDocsConfig) -> str:
    """What in the build's Markdown settings `prerender` does not know, or ''."""
    for extension in config.markdown_extensions:
        if not isinstance(extension, str) or extension not in KNOWN_EXTENSIONS:
            return f"mkdocs.yml adds the Markdown extension {extension!r}"
    settings = config.mdx_configs or {}
    for name in sorted(KNOWN_EXTENSIONS):
        if settings.get(name):
            return f"mkdocs.yml sets options of the Markdown extension {name!r}"
    return ""


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _difference(page: Page, result: Prerendered) -> str:
    """What differs between Markdown's rendering of the page and the prerendered one, or ''."""
    if page.content != result.content:
        return f"{page.file.src_uri}: the HTML differs"
    if list(_toc_items(page.toc)) != list(_toc_items(get_toc(result.toc_tokens))):  # type: ignore[arg-type]
        return f"{page.file.src_uri}: the table of contents differs"
    if page.present_anchor_ids != result.anchor_ids:
        return f"{page.file.src_uri}: the anchors differ"
    if page._title_from_render != result.title:
        return f"{page.file.src_uri}: the title differs"
    if page.links_to_anchors:
        return f"{page.file.src_uri}: it links to anchors"
    return ""


def _toc_items(items: Any) -> Iterator[tuple[str, str, int, tuple]]:
    for item in items:
        assert isinstance(item, AnchorLink)
        yield item.title, item.id, item.level, tuple(_toc_items(item.children))


def _material_search_index(config: MkDocsConfig) -> Any:
    """The search index of Material's search plugin in this build, or None."""
    try:
        from material.plugins.search.plugin import SearchIndex, SearchPlugin
    except ImportError:
        return None
    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            index = getattr(plugin, "search_index", None)
            return index if isinstance(index, SearchIndex) else None
    return None


def _material_parse(html: str) -> list[Any] | None:
    try:
        from material.plugins.search.plugin import Parser
    except ImportError:
        return None
    parser = Parser()
    parser.feed(html)
    parser.close()
    return list(parser.data)


def _add_sections(index: Any, page: Page, sections: list[SearchSection]) -> None:
    """Adds the page's searched sections to Material's index, as its parser's would be."""
    from material.plugins.search.plugin import Element
    from material.plugins.search.plugin import Section as MaterialSection

    for ours in sections:
        if not ours.searched:
            continue
        section = MaterialSection(Element("h1" if ours.id is None else "h2"))
        section.id, section.title, section.text = (
            ours.id,
            [ours.title] if ours.title else [],
            [ours.text],
        )
        index.create_entry_for_section(section, page.toc, page.url, page)


def _same_entries(index: Any, page: Page, sections: list[SearchSection]) -> bool:
    """Whether Material's own indexing of the page makes the entries that ours make, each in a
    new index like `index`. Both use Material's internals (its index, parser and sections), so an
    error counts as a difference: another Material version has its search parse the pages."""
    try:
        theirs, ours = type(index)(**index.config), type(index)(**index.config)
        theirs.add_entry_from_context(page)
        _add_sections(ours, page, sections)
        return bool(theirs.entries == ours.entries)
    except Exception:  # any error of another Material version: its own parser is used
        return False
