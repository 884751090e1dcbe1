"""Issue 11, reserved slugs: a contact named like a site page (`contacts/index.md`, from an imported
`FN:Index`) never takes that page's place."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.parse.slugs import RESERVED, make_slug
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("slug", sorted(RESERVED))
def test_a_new_file_never_gets_a_reserved_slug(slug):
    made = make_slug(slug.title())
    assert made not in RESERVED and made.startswith(slug)


@pytest.mark.parametrize("slug", ["index", "people", "due", "calendar", "graph", "search"])
def test_an_existing_file_with_a_reserved_slug_gets_a_warning_with_file_and_line(
    make_network, slug
):
    network = load(make_network({slug: "---\nname: Someone\n---\n"}))
    problems = validate(network, TODAY)
    assert [str(p) for p in problems if p.check == "slug"] == [
        f"contacts/{slug}.md:1: warning: file name '{slug}.md' is the name of a site page, so the "
        f"site shows this contact under another name; rename it, for example to {slug}-2.md"
    ]


@pytest.mark.parametrize("slug", ["index", "due", "graph"])
def test_a_contact_file_named_like_a_site_page_never_replaces_that_page(make_network, slug):
    root = make_network({slug: "---\nname: Ivy Index\n---\n", "ada": "---\nname: Ada\n---\n"})
    network = load(root)
    pages = site_pages(network, TODAY, validate(network, TODAY))
    uris = [page.uri for page in pages]
    assert len(uris) == len(set(uris))
    by_uri = {page.uri: page for page in pages}
    assert by_uri["people/index.md"].title == "People"
    assert by_uri[f"people/{slug}--contact.md"].title == "Ivy Index"
    assert f"{slug}--contact.md" in by_uri["people/index.md"].markdown  # linked from People


def test_a_misnamed_file_that_reads_as_index_never_replaces_the_people_page(make_network):
    root = make_network({"Index.md": "---\nname: Ivy Index\n---\n"})
    network = load(root)
    uris = [page.uri for page in site_pages(network, TODAY, validate(network, TODAY))]
    assert uris.count("people/index.md") == 1 and "people/index--contact.md" in uris


def test_kith_new_for_a_person_named_index_picks_another_slug(make_network, capsys):
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    assert main(["new", "Index", "--root", str(root), "--no-commit"]) == 0
    assert "created contacts/index-2.md" in capsys.readouterr().out
    assert not (root / "contacts" / "index.md").exists()


def test_kith_new_refuses_a_reserved_slug_given_by_hand(make_network, capsys):
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    assert main(["new", "Ivy", "--slug", "index", "--root", str(root), "--no-commit"]) == 2
    error = capsys.readouterr().err
    assert error == (
        "kith new: error: --slug: 'index' is the name of a site page; "
        "choose another, such as index-2\n"
    )


@pytest.mark.parametrize("name", ["Index", "People", "Calendar"])
def test_importing_a_vcard_named_like_a_site_page_picks_another_slug(make_network, capsys, name):
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    card = root / "import.vcf"
    card.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEND:VCARD\r\n")
    assert main(["import", "--root", str(root), "--no-commit", str(card)]) == 0
    capsys.readouterr()
    slug = name.lower()
    assert not (root / "contacts" / f"{slug}.md").exists()
    assert (root / "contacts" / f"{slug}-2.md").exists()
