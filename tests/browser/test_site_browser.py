"""The built demo site in headless Chromium: due list, search, timeline, sorting, graph, offline."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)",
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are checked by the test, not printed."""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    """The demo network built with `mkdocs build --strict`, served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "KITHBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-d", str(out)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site):
    """A page that records every request leaving localhost, and every script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.outside, tab.errors = [], []

    def route(request_route):
        host = urlsplit(request_route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            tab.outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.outside == [], "requests left localhost"
    assert tab.errors == [], "script errors"
    context.close()


def test_the_home_page_lists_the_demos_due_people_and_the_build_date(page, site):
    page.goto(site + "/")
    assert "Built on Tuesday 1 December 2026" in page.inner_text(".kb-built")
    due = page.locator("xpath=//h2[@id='due-today']/following-sibling::div[1]//table")
    names = due.locator("tbody tr td:first-child").all_inner_texts()
    assert "Farid Haddad-Noor" in names and "Nadia Petrosyan" in names


def test_search_finds_a_contact_by_company(page, site):
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("Lanternfish")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    links = results.evaluate_all("links => links.map(link => link.href)")
    assert any("/people/ada-quillfeather/" in link for link in links)
    assert any("/companies/lanternfish-analytics/" in link for link in links)


def test_a_contact_page_shows_its_log_as_a_timeline_newest_first(page, site):
    page.goto(site + "/people/ada-quillfeather/")
    dates = page.locator(".kb-timeline time").evaluate_all("times => times.map(t => t.dateTime)")
    assert len(dates) >= 3 and dates == sorted(dates, reverse=True)
    assert page.locator(".kb-entry--out .kb-dir").first.get_attribute("title") == "you reached out"


def test_the_people_table_sorts_by_a_column_and_filters_by_text(page, site):
    page.goto(site + "/people/")
    table = page.locator(".kb-people table")
    header = table.locator("thead th", has_text="Company")
    header.click()
    companies = [text for text in table.locator("tbody td:nth-child(3)").all_inner_texts() if text]
    assert companies == sorted(companies, key=str.lower)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    page.fill(".kb-filter", "lanternfish")
    visible = table.locator("tbody tr:visible td:first-child").all_inner_texts()
    assert "Ada Quillfeather" in visible and len(visible) < 5


def test_the_graph_draws_a_node_per_person_and_opens_a_page_on_click(page, site):
    page.goto(site + "/graph/")
    page.wait_for_selector("#kb-graph[data-ready]")
    nodes = page.locator("#kb-graph .kb-node")
    assert nodes.count() == int(page.get_attribute("#kb-graph", "data-ready")) > 20
    assert page.locator("#kb-graph line").count() > 10
    page.locator('#kb-graph .kb-node[data-slug="ada-quillfeather"] circle').click()
    page.wait_for_url("**/people/ada-quillfeather/")


def test_a_private_contact_has_no_page_and_is_not_in_search(page, site):
    response = page.goto(site + "/people/rosalind-achebe-ward/")
    assert response.status == 404
    index = page.goto(site + "/search/search_index.json").text()
    assert "Rosalind" not in index and "Achebe" not in index
