"""The built demo site in headless Chromium, at desktop and phone sizes: today's plan, search, the
timeline, sorting, the graph, nothing wider than a phone, and nothing loaded from another host."""

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
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
TIMEOUT = 10_000  # ms: every wait is bounded

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
def open_page(browser):
    """Opens tabs of a given size that record every request leaving localhost and every script
    error; both must be empty when the test ends."""
    contexts, tabs = [], []

    def open_tab(size: dict = DESKTOP, touch: bool = False):
        context = browser.new_context(viewport=size, has_touch=touch, is_mobile=touch)
        context.set_default_timeout(TIMEOUT)
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
        contexts.append(context)
        tabs.append(tab)
        return tab

    yield open_tab
    for tab in tabs:
        assert tab.outside == [], "requests left localhost"
        assert tab.errors == [], "script errors"
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page(DESKTOP)


def test_the_home_page_shows_the_build_date_and_todays_plan_first(page, site):
    page.goto(site + "/")
    assert "Built on Tuesday 1 December 2026" in page.inner_text(".kb-built")
    names = page.locator(".kb-plan-card__name").all_inner_texts()
    assert names == ["Farid Haddad-Noor", "Nadia Petrosyan", "Tamsin Blackwood"]


@pytest.mark.parametrize("size", SIZES)
def test_every_plan_card_on_the_due_page_has_an_address_link_the_last_interaction_and_the_goal(
    open_page, site, size
):
    page = open_page(SIZES[size])
    page.goto(site + "/due/")
    cards = page.locator(".kb-plan-card")
    assert cards.count() == 3
    for index in range(cards.count()):
        card = cards.nth(index)
        addresses = card.locator(
            ".kb-plan-reach a[href^='mailto:'], .kb-plan-reach a[href^='tel:'], "
            ".kb-plan-reach a[href^='sms:']"
        )
        assert addresses.count() >= 1
        assert card.locator(".kb-plan-last").inner_text().strip()
        assert card.locator(".kb-plan-goal").inner_text().strip()
        assert card.locator("a.kb-plan-card__write").get_attribute("href").endswith("#write-to")
        assert card.bounding_box()["width"] <= SIZES[size]["width"]
    farid = page.locator("#plan-farid-haddad-noor")
    assert "Coffee after parkrun" in farid.locator(".kb-plan-last").inner_text()
    assert "spring half marathon" in farid.locator(".kb-plan-goal").inner_text()
    nadia = page.locator("#plan-nadia-petrosyan .kb-plan-reach a").first
    assert nadia.get_attribute("href") == "sms:+442079460104"  # she prefers messages
    assert page.locator("h2", has_text="Also due").count() == 1
    assert page.locator(".kb-coming li").count() == 3


# Every kind of page: generated indexes and lists, a person, a group, and the manual.
PAGES = [
    "/",
    "/due/",
    "/people/",
    "/calendar/",
    "/tags/",
    "/circles/",
    "/companies/",
    "/companies/lanternfish-analytics/",
    "/tags/python/",
    "/graph/",
    "/people/ada-quillfeather/",
    "/people/quentin-abernathy/",
    "/help/format/",
    "/help/site/",
]

# Elements that may be wider than the page because they scroll inside their own box, and the
# theme's drawer and search, which sit off-screen until opened.
OVERFLOW_CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const inScrollBox = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
    }
    return false;
  };
  const wide = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('.md-sidebar, .md-search, .md-header, .md-tabs, script, style')) continue;
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if ((box.right > width + 1 || box.left < -1) && !inScrollBox(element)) {
      wide.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_is_wider_than_a_phone(open_page, site, width):
    page = open_page({"width": width, "height": 800})
    for path in PAGES:
        page.goto(site + path)
        if path == "/graph/":
            page.wait_for_selector("#kb-graph[data-ready]")
        found = page.evaluate(OVERFLOW_CHECK)
        assert found["scroll"] <= found["width"], (path, found)
        assert found["wide"] == [], (path, found)


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Kauri Learning", "Wendell Ngata"),  # a company
        ("finance", "Umaima Rahmani"),  # a tag, written nowhere else in her file
        ("Undercut", "Ada Quillfeather"),  # a word of the log
        ("Galway", "Cormac O'Hare-Lune"),  # a city
        ("pizza", "Ada Quillfeather"),  # a word of a memory
    ],
    ids=["company", "tag", "log-word", "city", "memory-word"],
)
def test_search_returns_the_person_first(page, site, query, person):
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type(query)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert first.locator("h1").inner_text() == person
    assert "/people/" in first.locator("a").first.get_attribute("href")


def test_a_persons_search_result_reads_well_role_facts_and_chips(page, site):
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("Lanternfish")
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    text = result.inner_text()
    assert result.locator("h1").inner_text() in ("Ada Quillfeather", "Nadia Petrosyan")
    assert "Email: " in text and " · Phone: " in text
    chips = [" ".join(chip.split()) for chip in result.locator(".md-tag").all_inner_texts()]
    assert "Lanternfish Analytics" in chips


def test_a_tag_search_lists_its_people_first_then_the_tags_page(page, site):
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("python")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    tagged = ["ada-quillfeather", "beatriz-montalvo", "nadia-petrosyan", "sven-ostergaard"]
    assert sorted(href.split("/")[-2] for href in hrefs[:4]) == tagged
    assert hrefs[4].endswith("/tags/python/")


def test_index_pages_are_left_out_of_the_search_index_and_group_pages_reduced_to_titles(page, site):
    index = page.goto(site + "/search/search_index.json").json()
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "people/ada-quillfeather/" in locations
    for path in ("", "due/", "people/", "calendar/", "tags/", "companies/", "graph/"):
        assert path not in locations
    (python,) = [doc for doc in index["docs"] if doc["location"] == "tags/python/"]
    assert python["title"] == "python" and python["text"] == "<p>4 people · all tags</p>"


TEXT_LEFTS = """entries => entries.map(entry => [entry.className.includes('kb-entry--note'),
  Math.round(entry.querySelector('.kb-entry__text').getBoundingClientRect().left)])"""


@pytest.mark.parametrize("size", SIZES)
def test_the_timeline_lines_up_notes_and_interactions_alike(open_page, site, size):
    page = open_page(SIZES[size])
    lefts = []
    for person in ("quentin-abernathy", "ada-quillfeather"):  # notes only; interactions only
        page.goto(f"{site}/people/{person}/")
        lefts += page.locator(".kb-entry").evaluate_all(TEXT_LEFTS)
    assert {is_note for is_note, _ in lefts} == {True, False}
    assert len({left for _, left in lefts}) == 1, lefts


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


LABEL_BOXES = """() => [...document.querySelectorAll('#kb-graph .kb-node text')]
  .filter(label => label.style.display !== 'none')
  .map(label => { const b = label.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"""


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
    ]


@pytest.mark.parametrize("size", SIZES)
def test_the_graph_fits_the_screen_with_labels_that_do_not_overlap(open_page, site, size):
    viewport = SIZES[size]
    page = open_page(viewport)
    page.goto(site + "/graph/")
    page.wait_for_selector("#kb-graph[data-ready]")
    frame = page.locator("#kb-graph")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert box["width"] <= viewport["width"] and box["height"] <= viewport["height"]
    dots = page.locator("#kb-graph .kb-node circle").evaluate_all(
        "dots => dots.map(dot => { const b = dot.getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom]; })"
    )
    assert len(dots) > 20
    for left, top, right, bottom in dots:
        assert 0 <= left and right <= viewport["width"]
        assert box["y"] - 1 <= top and bottom <= box["y"] + box["height"] + 1
    labels = page.evaluate(LABEL_BOXES)
    assert len(labels) >= 10  # most people are named at rest
    assert overlapping(labels) == []


def test_a_tap_on_a_person_in_the_graph_opens_their_page_on_a_phone(open_page, site):
    page = open_page(PHONE, touch=True)
    page.goto(site + "/graph/")
    page.wait_for_selector("#kb-graph[data-ready]")
    page.locator('#kb-graph .kb-node[data-slug="ada-quillfeather"] circle').tap()
    page.wait_for_url("**/people/ada-quillfeather/")


def test_a_private_contact_has_no_page_and_is_not_in_search(page, site):
    response = page.goto(site + "/people/rosalind-achebe-ward/")
    assert response.status == 404
    index = page.goto(site + "/search/search_index.json").text()
    assert "Rosalind" not in index and "Achebe" not in index


def test_the_people_table_becomes_a_card_per_person_on_a_phone_and_still_filters(open_page, site):
    page = open_page(PHONE)
    page.goto(site + "/people/")
    rows = page.locator(".kb-people tbody tr")
    assert rows.first.evaluate("row => getComputedStyle(row).display") == "block"
    assert rows.first.bounding_box()["width"] <= PHONE["width"]
    page.fill(".kb-filter", "lanternfish")
    assert 0 < page.locator(".kb-people tbody tr:visible").count() < 5


def test_the_write_box_copies_the_draft_and_links_to_the_mail_program(page, site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page.goto(f"{site}/people/bram-okafor-lind/#write-to")
    draft = page.evaluate("document.getElementById('kb-draft-bram-okafor-lind').textContent")
    assert draft.startswith("Subject: ") and "In case my email got buried" in draft
    href = page.locator(".kb-write a[href^='mailto:']").get_attribute("href")
    assert href.startswith("mailto:bram@example.org?subject=")
    page.locator("[data-kb-copy]").click()
    page.wait_for_function(
        "() => document.querySelector('[data-kb-copy]').textContent === 'Copied'"
    )
    assert page.evaluate("navigator.clipboard.readText()") == draft


def test_a_persons_page_has_the_write_box_at_the_write_to_anchor(page, site):
    page.goto(f"{site}/people/dario-fenwick/")
    assert page.locator("#write-to").inner_text() == "Write to Dario"
    box = page.locator(".kb-write").inner_text()
    assert "Talking points: catching up with Dario Fenwick" in box
