"""The site's screenshots in docs/images/: the demo network built as of 1 December 2026, opened in
Debian's Chromium at desktop (1400x1000) and phone (390x844) sizes, light and dark.

`python tools/screenshots.py [--out docs/images] [--only home,due]` (needs the test extra, for
Playwright, and /usr/bin/chromium; it downloads nothing and blocks every request off localhost).
The demo has a Korean name: without a CJK font (Debian: fonts-wqy-microhei) it shows as boxes.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TODAY = "2026-12-01"
SIZES = {"": (1400, 1000), "-phone": (390, 844)}
SEARCH = "climbing"
# name: (path, full page?)
SHOTS = {
    "home": ("/", False),
    "due": ("/due/", True),
    "contact": ("/people/ada-quillfeather/", False),
    "graph": ("/graph/", False),
    "search": ("/", False),
}
DARK = {("home", ""), ("contact", "-phone")}  # (name, size suffix) shot dark as well


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Silence: the script prints only the files it writes."""


def build(out: Path) -> None:
    env = {**os.environ, "KITHBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs), "build", "--strict", "-q", "-d", str(out)]
    subprocess.run(command, cwd=REPO, env=env, check=True)


def shoot(base: str, out: Path, only: set[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for suffix, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                context.route("**/*", _local_only)
                for name, (path, full) in SHOTS.items():
                    if (only and name not in only) or (
                        scheme == "dark" and (name, suffix) not in DARK
                    ):
                        continue
                    tab = context.new_page()
                    tab.goto(base + path)
                    tab.wait_for_load_state("networkidle")
                    if name == "graph":
                        tab.wait_for_selector("#kb-graph[data-ready]")
                    if name == "search":
                        tab.keyboard.press("/")
                        tab.keyboard.type(SEARCH)
                        tab.locator(".md-search-result__item").first.wait_for()
                        tab.wait_for_timeout(300)
                    file = out / f"site-{name}{suffix}{'-dark' if scheme == 'dark' else ''}.png"
                    tab.screenshot(path=str(file), full_page=full and suffix == "")
                    print(file.relative_to(REPO) if file.is_relative_to(REPO) else file)
                    tab.close()
                context.close()
        browser.close()


def _local_only(route) -> None:
    host = urlsplit(route.request.url).hostname
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    parser.add_argument("--only", default="", help="comma-separated names: " + ", ".join(SHOTS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            only = {name for name in args.only.split(",") if name}
            shoot(f"http://127.0.0.1:{server.server_address[1]}", args.out, only)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
