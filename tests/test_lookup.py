"""Finding a contact from the command line: slug, name or alias, then a unique slug prefix."""

from __future__ import annotations

import pytest

from kithbook.cli.lookup import find_contacts
from kithbook.parse.load import load


@pytest.fixture
def network(make_network):
    return load(
        make_network(
            {
                "ada-lovelace": "---\nname: Ada Lovelace\naka: [Countess]\n---\n",
                "ada-king": "---\nname: Augusta Ada King\n---\n",
                "jose-muller": "---\nname: José Müller\n---\n",
                "bob": "---\nname: Robert Smith\naka: [Bob]\n---\n",
                "bobby-tables": "---\nname: Bobby Tables\n---\n",
            }
        )
    )


@pytest.mark.parametrize(
    ("query", "slugs", "rule"),
    [
        ("ada-lovelace", ["ada-lovelace"], "slug"),
        ("ADA-LOVELACE", ["ada-lovelace"], "slug"),
        ("bob", ["bob"], "slug"),
        ("Ada Lovelace", ["ada-lovelace"], "name"),
        ("lovelace, ada", ["ada-lovelace"], "name"),
        ("countess", ["ada-lovelace"], "name"),
        ("Jose Mueller", ["jose-muller"], "name"),
        ("jose", ["jose-muller"], "prefix"),
        ("ada", ["ada-king", "ada-lovelace"], "prefix"),
        ("bobby", ["bobby-tables"], "prefix"),
        ("zed", [], "prefix"),
    ],
)
def test_find_contacts_tries_slug_then_name_then_prefix(network, query, slugs, rule) -> None:
    found = find_contacts(network, query)
    assert ([contact.slug for contact in found.contacts], found.rule) == (slugs, rule)
