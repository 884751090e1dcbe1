"""The whole site as a plain function: a network in, Markdown pages out.

`site_pages` knows nothing of MkDocs: the plugin feeds its pages in, and `kith site --out DIR`
writes them as files, so another engine could render them unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from importlib import resources

from kithbook.model import Network, Problem
from kithbook.repo.history import FileHistory
from kithbook.site.contact_page import broken_page, contact_page
from kithbook.site.context import broken_uri, public_context
from kithbook.site.graph import graph_page
from kithbook.site.groups import GROUPS, group_pages
from kithbook.site.home import home_page
from kithbook.site.lists import calendar_page, due_page, people_page
from kithbook.site.markup import Page
from kithbook.site.stats import stats_page

ASSETS = ("kithbook.css", "kithbook.js", "graph.js")
ASSET_DIR = "assets/kithbook"
CSS = (f"{ASSET_DIR}/kithbook.css",)
JAVASCRIPT = (f"{ASSET_DIR}/kithbook.js", f"{ASSET_DIR}/graph.js")


def site_pages(
    network: Network,
    today: dt.date,
    problems: list[Problem],
    histories: Mapping[str, FileHistory] | None = None,
) -> list[Page]:
    """Every page of the site, nav pages first in nav order; private contacts appear in none."""
    return list(each_site_page(network, today, problems, histories))


def each_site_page(
    network: Network,
    today: dt.date,
    problems: list[Problem],
    histories: Mapping[str, FileHistory] | None = None,
) -> Iterator[Page]:
    """The pages of `site_pages`, one at a time: a big network's pages need not all be held at
    once. Each page name comes once, the site's own pages first: a contact's page can never take
    the place of one (reserved names are renamed in `page_slug`; this holds whatever collides)."""
    site = public_context(network, today, problems, histories or {})
    seen: set[str] = set()

    def pages() -> Iterator[Page]:
        yield from (home_page(site), people_page(site), due_page(site), calendar_page(site))
        for kind in GROUPS:
            yield from group_pages(site, kind)
        yield graph_page(site)
        yield stats_page(site)
        yield from (contact_page(site, contact) for contact in site.contacts)
        for path in site.broken_files:
            yield broken_page(path, broken_uri(path), site.problems_by_path[path])

    for page in pages():
        if page.uri not in seen:
            seen.add(page.uri)
            yield page


def asset_files() -> dict[str, bytes]:
    """The site's own CSS and JavaScript, by their path in the built site."""
    folder = resources.files("kithbook.site") / "assets"
    return {f"{ASSET_DIR}/{name}": (folder / name).read_bytes() for name in ASSETS}
