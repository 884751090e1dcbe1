"""The `kithbook` MkDocs plugin: a thin adapter that feeds `site_pages` into an MkDocs build.

It reads the `kithbook` options of the config file MkDocs was given (`-f other.yml` too) and uses the
same loader as the tools, logs every error in a contact file as an MkDocs warning (so `mkdocs build
--strict` fails), and puts the pages of `docs_dir` under a Help section so they can never collide
with generated pages. Person pages are rendered, and given to Material's search index, from what the
plugin already knows of them (site/fast_pages.py), not by Markdown and the search parser per page.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from kithbook.cache import cache_path, read_cache_file, write_cache_file
from kithbook.config import (
    CONFIG_FILE,
    MAX_CONFIG_BYTES,
    OPTIONS,
    Config,
    config_from_bytes,
    load_config,
)
from kithbook.model import Problem
from kithbook.site.markup import Page as GeneratedPage

log = logging.getLogger("mkdocs.plugins.kithbook")

HELP = "help"
PAGE_CACHE = "pages"  # in the cache folder
_MD_HREF = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')
EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "kithbook.site.html_blocks")


_NOTHING = object()


class _AnyValue(config_options.BaseConfigOption):
    """Accepts any value: kithbook.config validates the options, with file and line."""

    def run_validation(self, value: object) -> object:
        return value


if TYPE_CHECKING:
    KithbookConfig = base.Config
else:  # an MkDocs option per Kithbook option, made from the one declaration in kithbook.config
    KithbookConfig = type("KithbookConfig", (base.Config,), {n: _AnyValue() for n in OPTIONS})


class KithbookPlugin(BasePlugin[KithbookConfig]):
    """Generates the network's pages: home, people, due, calendar, groups, graph, contacts."""

    _searched: object = _NOTHING  # a person page's search meta while the search plugin runs

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """A dirty build (`kith serve`) is what this plugin is made for: keep it quiet."""
        if dirty:
            from mkdocs.commands import build

            build.log.addFilter(_quiet_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from kithbook.clock import ClockError, today

        self.root = Path(config.config_file_path or ".").resolve().parent
        self.kithbook_config, problems = _kithbook_config(config.config_file_path, self.root)
        _report(problems)
        try:
            self.today = today()
        except ClockError as error:
            raise PluginError(str(error)) from None
        for extension in EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        from kithbook.site.pages import CSS, JAVASCRIPT

        config.extra_css.extend(path for path in CSS if path not in config.extra_css)
        config.extra_javascript.extend(
            path for path in JAVASCRIPT if path not in config.extra_javascript
        )
        if config.theme.name == "material" and config.theme.get("font") is not False:
            log.warning(
                "theme.font is not false: Material would load Google Fonts from another host; "
                "set 'font: false' under theme in mkdocs.yml"
            )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = str(Path(config.docs_dir).resolve())
        help_pages = []
        for file in list(files):
            if file.src_dir and file.abs_src_path and str(Path(file.src_dir).resolve()) == docs_dir:
                files.remove(file)
                moved = File.generated(
                    config,
                    f"{HELP}/{file.src_uri}",
                    abs_src_path=file.abs_src_path,
                    inclusion=file.inclusion,
                )
                files.append(moved)
                if moved.is_documentation_page() and moved.inclusion.is_in_nav():
                    help_pages.append(moved.src_uri)
        from kithbook.site.fast_pages import Prerenderer

        self.prerenderer = Prerenderer(config)
        self.generated: set[str] = set()
        self._link_targets: dict[str, dict[str, tuple[str, File | None]]] = {}
        nav = []
        for page in self._pages():  # one at a time: only what MkDocs keeps stays in memory
            self.generated.add(page.uri)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = self._generated(config, page.uri, page.markdown.encode(), inclusion)
            files.append(file)
            self.prerenderer.page(file, config, page)  # a person page becomes file.page
            if page.in_nav:
                nav.append({page.title: page.uri})
        from kithbook.site.pages import asset_files

        for uri, content in asset_files().items():
            files.append(self._generated(config, uri, content, InclusionLevel.UNDEFINED))
        if not config.nav:
            config.nav = nav
            if help_pages:
                config.nav.append({"Help": nest_paths(sorted(help_pages))})
        return files

    @event_priority(50)  # before Material's search plugin
    def _index_person_page(
        self, context: dict, page: Page, config: MkDocsConfig, nav: object
    ) -> dict:
        """Gives Material's search index a person page's sections, which the plugin knows, and
        has the search plugin skip parsing the page (it still strips the page's search marks)."""
        if self.prerenderer.index(page):
            self._searched = page.meta.get("search")
            page.meta["search"] = {**(self._searched or {}), "exclude": True}
        return context

    @event_priority(-50)  # after Material's search plugin
    def _restore_search_meta(
        self, context: dict, page: Page, config: MkDocsConfig, nav: object
    ) -> dict:
        if self._searched is not _NOTHING:
            if self._searched is None:
                page.meta.pop("search", None)
            else:
                page.meta["search"] = self._searched
            self._searched = _NOTHING
        return context

    on_page_context = CombinedEvent(_index_person_page, _restore_search_meta)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Turn the `.md` hrefs of generated pages into URLs; a target that is missing is a
        warning, as MkDocs does for Markdown links."""
        if page.file.src_uri not in self.generated:
            return html
        folder = posixpath.dirname(page.file.src_uri)
        targets = self._link_targets.setdefault(folder, {})  # a big site has 100,000 links

        def url(match: re.Match) -> str:
            href = match[1]
            if href not in targets:
                target = posixpath.normpath(posixpath.join(folder, unquote(href)))
                targets[href] = (target, files.get_file_from_path(target))
            target, file = targets[href]
            if file is None:
                log.warning(f"{page.file.src_uri}: link to {target}, which is not a page")
                return match[0]
            return f'href="{file.url_relative_to(page.file)}{match[2] or ""}"'

        return _MD_HREF.sub(url, html)

    def _generated(
        self, config: MkDocsConfig, uri: str, content: bytes, inclusion: InclusionLevel
    ) -> File:
        """A generated file backed by a cached copy that is rewritten only when its content
        changes, so `mkdocs serve --dirty` re-renders only the pages an edit touched."""
        path = cache_path(self.root, PAGE_CACHE, *uri.split("/"))
        unchanged = read_cache_file(path) == content  # never through a link
        if not unchanged and not write_cache_file(self.root, path, content):
            return File.generated(config, uri, content=content, inclusion=inclusion)
        return File.generated(config, uri, abs_src_path=str(path), inclusion=inclusion)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        server.watch(str(self.root / self.kithbook_config.contacts_dir))
        return server

    def _pages(self) -> Iterator[GeneratedPage]:
        from kithbook.parse.load import load
        from kithbook.repo.history import file_histories
        from kithbook.rules.validate import validate
        from kithbook.site.pages import each_site_page

        network = load(self.root, config=self.kithbook_config)
        problems = validate(network, self.today)
        _report(problems)
        return each_site_page(
            network, self.today, problems, file_histories(self.root, self.kithbook_config)
        )


def _kithbook_config(config_file: str | None, root: Path) -> tuple[Config, list[Problem]]:
    """The kithbook options of the file MkDocs loaded (`mkdocs build -f other.yml` included), its
    problems named after that file; `<root>/mkdocs.yml` when MkDocs read no file."""
    if not config_file:
        return load_config(root)
    path = Path(config_file)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise PluginError(f"{config_file}: cannot read the file: {error.strerror}") from None
    config, problems = config_from_bytes(data)
    if path.name == CONFIG_FILE:
        return config, problems
    return config, [dataclasses.replace(problem, path=path.name) for problem in problems]


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    """Drops MkDocs' warning that a dirty build "will likely lead to inaccurate navigation": the
    plugin rewrites every generated page whose text changed (navigation pages included), so it is
    not true of the network's pages; docs/site.md says when it still applies (your own docs)."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def _report(problems: list[Problem]) -> None:
    """Errors as MkDocs warnings (a strict build fails on them), warnings as information."""
    for problem in problems:
        (log.warning if problem.severity == "error" else log.info)(str(problem))
