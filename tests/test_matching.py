"""Finding an imported person in the network: e-mail, then LinkedIn profile, then name or alias."""

from __future__ import annotations

import pytest

from kithbook.importers.matching import Match, MatchIndex, linkedin_key, name_keys
from kithbook.parse.load import load

NETWORK = {
    "jose-muller": """
        ---
        name: Müller, José
        emails: [jose@example.org]
        ---
        """,
    "ada-lovelace": """
        ---
        name: Ada Lovelace
        aka: [Countess of Lovelace, Ada King]
        links:
          li: https://www.linkedin.com/in/ada-lovelace-example/
        ---
        """,
    "sam-lee": """
        ---
        name: Sam Lee
        ---
        """,
    "sam-lee-2": """
        ---
        name: Sam Lee
        ---
        """,
}


@pytest.fixture
def index(make_network) -> MatchIndex:
    return MatchIndex.of_network(load(make_network(NETWORK)))


@pytest.mark.parametrize(
    ("name", "emails", "links", "expected"),
    [
        ("Someone Else", ["JOSE@example.org"], {}, Match(("jose-muller",), "e-mail")),
        (
            "Someone Else",
            [],
            {"linkedin": "linkedin.com/in/Ada-Lovelace-Example"},
            Match(("ada-lovelace",), "LinkedIn profile"),
        ),
        ("José Mueller", [], {}, Match(("jose-muller",), "name")),
        ("jose muller", [], {}, Match(("jose-muller",), "name")),
        ("MÜLLER José", [], {}, Match(("jose-muller",), "name")),
        ("Ada King", [], {}, Match(("ada-lovelace",), "name")),
        ("Lovelace, Ada", [], {}, Match(("ada-lovelace",), "name")),
        ("Sam Lee", [], {}, Match(("sam-lee", "sam-lee-2"), "name")),
        ("Ada Byron", [], {}, None),
    ],
)
def test_a_record_is_found_by_the_strongest_rule_that_matches(index, name, emails, links, expected):
    assert index.find(name, emails, links) == expected


def test_an_e_mail_match_wins_over_a_different_name_match(index):
    assert index.find("Ada Lovelace", ["jose@example.org"], {}).slugs == ("jose-muller",)


def test_two_people_with_one_name_are_ambiguous(index):
    assert index.find("Sam Lee", [], {}).ambiguous


def test_a_contact_added_to_the_index_is_found_afterwards(index):
    index.add("new-person", ["new@example.org"], {}, ["New Person"])
    assert index.find("x", ["NEW@example.org"], {}).slugs == ("new-person",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller, José", "José Mueller"),
        ("Zoë O'Brien", "zoe obrien"),
        ("Åse  Sørensen", "Sorensen Ase"),
    ],
)
def test_names_that_differ_only_in_spelling_details_share_a_key(a, b):
    assert name_keys(a) & name_keys(b)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.linkedin.com/in/ada-l/", "in/ada-l"),
        ("http://uk.linkedin.com/in/Ada-L?trk=x", "in/ada-l"),
        ("linkedin.com/in/ada-l", "in/ada-l"),
        ("https://github.com/ada", None),
    ],
)
def test_linkedin_urls_reduce_to_the_profile(url, key):
    assert linkedin_key(url) == key
