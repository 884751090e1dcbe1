"""Issue 11, in a real browser: a contact page whose notes hold every hostile payload runs no script
and loads nothing from another host (headless Chromium against the built site on 127.0.0.1)."""

from __future__ import annotations

import functools
import http.server
import textwrap
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_hostile_notes import PAYLOADS, VCARD_NOTES

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
CONFIG = """
    site_name: Hostile network
    theme:
      name: material
      font: false
    plugins:
      - search
      - kithbook
    """

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)",
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are checked by the test, not printed."""


@pytest.fixture
def hostile_site(make_network, monkeypatch):
    """A network with one contact whose notes hold every payload, built and served on 127.0.0.1."""
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    notes = "\n\n".join([*PAYLOADS.values(), *VCARD_NOTES.values()]).replace(
        "alert(1)", "window.kbPwned=1"
    )
    root = make_network(
        {"mallory": f"---\nname: Mallory Evans\n---\nBefore.\n\n{notes}\n"},
        textwrap.dedent(CONFIG),
    )
    (root / "docs").mkdir()
    out = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)))
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_hostile_notes_run_no_script_and_load_nothing_from_another_host(hostile_site):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context()
        outside: list[str] = []
        dialogs: list[str] = []

        def route(request_route):
            if urlsplit(request_route.request.url).hostname in ("127.0.0.1", "localhost"):
                request_route.continue_()
            else:
                outside.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_site + "/people/mallory/")
        page.wait_for_load_state("networkidle")
        for details in page.locator("details").all():
            details.evaluate("element => { element.open = true; }")  # what ontoggle waits for
        page.wait_for_timeout(200)
        assert page.url.startswith(hostile_site)  # no meta refresh took the tab away
        assert page.evaluate("typeof window.kbPwned") == "undefined"
        assert "Before." in page.inner_text("article", timeout=5_000)
        browser.close()
    assert outside == [] and dialogs == []
