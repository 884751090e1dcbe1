"""The "Write to ..." box on a person's page: the draft for their due reason, a mailto: link, a
copy button and their suggestions; escaped, private-free, and nothing from another host."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import markdown

from kithbook.parse.load import load
from kithbook.rules.validate import validate
from kithbook.site.pages import asset_files, site_pages
from kithbook.site.plugin import EXTENSIONS

TODAY = dt.date(2026, 12, 1)

ADA = """\
---
name: Ada <b>Lovelace</b>
emails: [ada@example.org]
circle: friend
memories: ["<script>alert('x')</script> & the engine"]
knows: [carol-hidden]
---

## Log
- 2026-11-10 -> email: Asked about the engine notes
"""
MINA = """\
---
name: Mina Oduya
circle: network
goals: She wants volunteers to teach coding; I could help
---
"""
DECLINED = """\
---
name: Dan Declined
status: declined
---

## Log
- 2026-01-10 <-> phone: Said not this year
"""
CAROL = """\
---
name: Carol Hidden
private: true
---

## Log
- 2026-11-01 -> email: SECRET-LOG
"""


def pages(make_network):
    root = make_network({"ada": ADA, "mina": MINA, "dan": DECLINED, "carol-hidden": CAROL})
    network = load(root)
    return {page.uri: page for page in site_pages(network, TODAY, validate(network, TODAY), None)}


def html_of(page) -> str:
    return markdown.markdown(page.body, extensions=list(EXTENSIONS))


def test_a_due_persons_page_has_the_box_with_their_draft_mailto_and_copy(make_network):
    html = html_of(pages(make_network)["people/ada.md"])
    assert '<h2 data-search-exclude id="write-to">Write to Ada</h2>' in html
    box = html[html.index('id="write-to"') :]
    assert '<div class="kb-write" data-search-exclude>' in box  # drafts stay out of search
    assert "follow-up · email" in box
    text = re.search(r'<div class="kb-write__text" id="kb-draft-ada">(.*?)</div>', box, re.S)
    assert text and "In case my email got buried" in unescape(text.group(1))
    assert 'href="mailto:ada@example.org?subject=' in box
    assert (
        '<a href="#write-to" role="button" class="md-button kb-copy" data-kb-copy="kb-draft-ada">'
        in box
    )


def test_the_box_escapes_what_the_file_says(make_network):
    page = pages(make_network)["people/ada.md"]
    html = html_of(page)
    assert "<script>" not in html and "<b>Lovelace" not in html


def test_the_box_shows_the_suggestions_for_the_person(make_network):
    html = html_of(pages(make_network)["people/mina.md"])
    box = html[html.index('id="write-to"') :]
    assert "Mina Oduya has goals but no log: start with an offer" in box
    assert "kb-draft-mina" in box and "mailto:" not in box  # no address on file


def test_nobody_you_should_not_write_to_gets_a_box_and_private_people_never_appear(
    make_network,
):
    built = pages(make_network)
    assert "write-to" not in built["people/dan.md"].body  # declined, not due
    everything = "\n".join(page.body for page in built.values())
    assert "Carol" not in everything and "SECRET-LOG" not in everything


def test_the_copy_button_needs_no_other_host():
    script = asset_files()["assets/kithbook/kithbook.js"].decode()
    assert "data-kb-copy" in script and "navigator.clipboard" in script
    assert not re.search(r"https?://", script)
