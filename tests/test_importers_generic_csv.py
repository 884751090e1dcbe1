"""Any CSV with a header: columns recognised by name or mapped with --map."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.importers.generic_csv import MappingError, canonical_key, read_generic_csv
from kithbook.model import MonthDay

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "generic.csv"


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "name", "Lior Nakamura"),
        (0, "emails", ["lior.nakamura@example.org"]),
        (0, "phones", ["+81 90 1234 5678"]),
        (0, "company", "Iris Media"),
        (0, "role", "Producer"),
        (0, "location", "Osaka"),
        (0, "birthday", MonthDay(8, 21, 1987)),
        (0, "tags", ["film", "osaka"]),
        (0, "notes", "Met at a film festival"),
        (0, "links", {}),
        (1, "emails", ["rosa.valdez@example.org", "rosa@valdez.example.org"]),
        (1, "tags", ["data", "running"]),
        (1, "birthday", None),
    ],
)
def test_known_headers_map_themselves(index, field, expected):
    assert getattr(read_generic_csv(FIXTURE.read_bytes()).candidates[index], field) == expected


def test_a_map_entry_reads_a_column_the_headers_do_not_name():
    parsed = read_generic_csv(FIXTURE.read_bytes(), {"Blog": "links.blog"})
    assert parsed.candidates[0].links == {"blog": "https://lior.example.org"}
    assert all("columns not imported" not in problem.message for problem in parsed.problems)


def test_unmapped_columns_and_bad_values_are_warnings_at_their_lines():
    problems = read_generic_csv(FIXTURE.read_bytes()).problems
    lines = [(problem.line, problem.severity) for problem in problems]
    assert lines == [(1, "warning"), (3, "warning")]
    assert "columns not imported: Blog" in problems[0].message


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"Nope": "emails"}, "the file has no column 'Nope'"),
        ({"Blog": "colour"}, "unknown key 'colour'"),
    ],
)
def test_a_bad_map_entry_is_refused_with_the_choices(mapping, message):
    with pytest.raises(MappingError, match=message):
        read_generic_csv(FIXTURE.read_bytes(), mapping)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("E-mail", "emails"),
        ("Email Address", "emails"),
        ("Mobile", "phones"),
        ("Job Title", "role"),
        ("Given Name", "first-name"),
        ("Surname", "last-name"),
        ("links.github", "links.github"),
        ("met.date", "met.date"),
        ("Favourite colour", None),
    ],
)
def test_headers_are_recognised_by_their_usual_names(header, key):
    assert canonical_key(header) == key


def test_first_and_last_name_columns_make_the_name_and_semicolons_are_read():
    data = b"First Name;Last Name;Email\nAda;Lovelace;ada@example.org\n"
    assert read_generic_csv(data).candidates[0].name == "Ada Lovelace"


def test_a_file_with_no_name_column_is_one_error():
    parsed = read_generic_csv(b"Email,Phone\nada@example.org,123\n")
    assert parsed.candidates == [] and "--map COLUMN=name" in parsed.problems[0].message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("'+44 20 7946 0101", ["+44 20 7946 0101"]),  # a spreadsheet-safe export's guard
        ("+44 20 7946 0101", ["+44 20 7946 0101"]),
        ("'0044 20 7946 0101", ["'0044 20 7946 0101"]),  # no formula to guard against: as is
    ],
)
def test_a_formula_guard_in_front_of_a_cell_is_taken_off(cell, expected):
    data = f'name,phones\nAda,"{cell}"\n'.encode()
    assert read_generic_csv(data).candidates[0].phones == expected
