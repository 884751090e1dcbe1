"""The "Write to ..." box in headless Chromium: its draft, its mailto: link, and the copy button."""

from __future__ import annotations

from test_site_browser import browser, page, site  # noqa: F401 - the built demo site, served


def test_the_write_box_copies_the_draft_and_links_to_the_mail_program(page, site):  # noqa: F811
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


def test_a_persons_page_has_the_box_at_the_write_to_anchor(page, site):  # noqa: F811
    page.goto(f"{site}/people/dario-fenwick/")
    assert page.locator("#write-to").inner_text() == "Write to Dario"
    assert (
        "Talking points: catching up with Dario Fenwick" in page.locator(".kb-write").inner_text()
    )
