"""vCard files from Apple, Google, Outlook and vCard 4.0 writers, read field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.importers.vcard import read_vcards
from kithbook.model import MonthDay

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def read(name: str):
    return read_vcards((FIXTURES / name).read_bytes())


def by_name(parsed) -> dict:
    return {candidate.name: candidate for candidate in parsed.candidates}


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("line", 1),
        ("aka", ["Asti"]),
        ("emails", ["astrid.lindqvist@example.org", "astrid@fjord-freight.example.org"]),
        ("phones", ["+46 70 123 45 67", "+46 8 123 456 78"]),
        (
            "links",
            {
                "blog": "https://astrid.example.org/blog",
                "linkedin": "https://www.linkedin.com/in/astrid-lindqvist-example",
            },
        ),
        ("company", "Fjord Freight AB"),
        ("role", "Head of Routing"),
        ("location", "Stockholm, Sweden"),
        ("birthday", MonthDay(4, 12)),
        (
            "notes",
            "Met at the Gothenburg logistics meetup, talked about night trains.\nLoves sailing.",
        ),
    ],
)
def test_an_apple_card_gives_every_field(field, expected):
    parsed = read("apple.vcf")
    assert getattr(by_name(parsed)["Astrid Lindqvist"], field) == expected
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("Chidi Okafor", "line", 37),
        ("Chidi Okafor", "birthday", MonthDay(11, 3, 1988)),
        ("Chidi Okafor", "links", {"github": "https://github.com/chidi-okafor-example"}),
        ("Chidi Okafor", "company", "Harbor Robotics"),
        ("Ines", "phones", ["020 7946 0958"]),
        ("Ines", "line", 50),
    ],
)
def test_later_apple_cards_keep_their_own_lines_and_fields(name, field, expected):
    assert getattr(by_name(read("apple.vcf"))[name], field) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("emails", ["mara.castellan@example.org", "mara@dovetail.example.org"]),
        ("phones", ["+39 347 123 4567"]),
        ("links", {"linkedin": "https://www.linkedin.com/in/mara-castellan-example"}),
        ("company", "Dovetail Studio"),
        ("role", "Design Director"),
        ("location", "Torino, Piemonte, Italy"),
        ("birthday", MonthDay(6, 30, 1985)),
        ("tags", ["design-friends"]),
        ("notes", "Introduced by Bram at a workshop in Turin."),
    ],
)
def test_a_google_card_unescapes_urls_and_drops_the_my_contacts_group(field, expected):
    assert getattr(by_name(read("google.vcf"))["Mara Castellan"], field) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("emails", ["theodore.whitlock@example.org"]),
        ("phones", ["+44 20 7946 0321", "+44 7700 900456"]),
        ("links", {"website": "http://granite-bank.example.org/people/twhitlock"}),
        ("company", "Granite Bank"),
        ("role", "Risk Analyst"),
        ("location", "London, United Kingdom"),
        ("birthday", MonthDay(9, 15, 1979)),
        (
            "notes",
            "Prefers phone calls before 10am.\n"
            "Ask about the marathon he is training for in the spring.",
        ),
    ],
)
def test_an_outlook_2_1_card_reads_quoted_printable_and_skips_the_photo(field, expected):
    parsed = read("outlook.vcf")
    assert getattr(parsed.candidates[0], field) == expected
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("Yusuf Rahman", "birthday", MonthDay(2, 29)),
        ("Yusuf Rahman", "phones", ["+44-7700-900789"]),
        ("Yusuf Rahman", "links", {"mastodon": "https://social.example.org/@yusuf"}),
        ("Zora Moreau", "birthday", MonthDay(4, 12, 1990)),
        ("Zora Moreau", "line", 11),
    ],
)
def test_vcard_4_birthdays_without_year_and_in_basic_format(name, field, expected):
    assert getattr(by_name(read("v4.vcf"))[name], field) == expected


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("José Müller", "company", "Bäckerei Größe"),
        ("José Müller", "notes", "Liebt Kaffee und Kuchen, spricht Français."),
        ("Åse Sørensen", "phones", ["+45 32 12 34 56"]),
    ],
)
def test_a_latin_1_card_is_decoded_from_its_declared_charset(name, field, expected):
    assert getattr(by_name(read("legacy-latin1.vcf"))[name], field) == expected


@pytest.mark.parametrize(
    ("text", "expected_name", "expected_notes"),
    [
        ("FN:Müller, José\r\nNOTE:a, b\\, c", "Müller, José", "a, b, c"),
        ("N:Lovelace;Ada;;;", "Ada Lovelace", ""),
    ],
)
def test_unescaped_commas_and_missing_fn_are_read_whole(text, expected_name, expected_notes):
    data = f"BEGIN:VCARD\r\nVERSION:2.1\r\n{text}\r\nEND:VCARD\r\n".encode()
    candidate = read_vcards(data).candidates[0]
    assert (candidate.name, candidate.notes) == (expected_name, expected_notes)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "BEGIN:VCARD\nVERSION:3.0\nNOTE:a note\nEND:VCARD\n",
            1,
            "this card has no name (no FN or N line), and no organisation, e-mail or phone",
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nEND:VCARD\n",
            1,
            "this card has no name (its N line has no letter), and no organisation",
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:-\nN:;;;;\nEND:VCARD\n",
            1,
            "this card has no name (its FN and N lines have no letter), and no organisation",
        ),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n", 1, "never closed"),
        (
            "BEGIN:VCARD\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\nBDAY:1990-13-45\nEND:VCARD\n",
            6,
            "birthday: '1990-13-45' is not a real date",
        ),
        ("hello\n", 1, "no BEGIN:VCARD"),
    ],
)
def test_a_bad_card_is_reported_at_its_line_and_the_others_still_import(text, line, message):
    parsed = read_vcards(text.encode())
    assert [problem.line for problem in parsed.problems] == [line]
    assert message in parsed.problems[0].message


def test_a_line_vobject_cannot_read_costs_a_warning_not_the_card():
    data = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nthis line has no colon\n"
        b"EMAIL:ada@example.org\nEND:VCARD\n"
    )
    parsed = read_vcards(data)
    assert parsed.candidates[0].emails == ["ada@example.org"]
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [(4, "warning")]
