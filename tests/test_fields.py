"""FieldReader: each YAML value read as the type its key promises, or a problem at its line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from yaml.nodes import Node

from kithbook.model import Duration, MonthDay
from kithbook.parse.fields import FieldReader, parse_duration, quote_hint
from kithbook.parse.yamlnodes import compose

KEY_LINE = 7  # the value is read as if written on line 7 of a contact file


def value_node(yaml_value: str) -> Node:
    """The node of `yaml_value` as the value of a key (multi-line values start on the next line)."""
    separator = "\n" if yaml_value.startswith(("\n", "  ")) else " "
    document = compose(f"key:{separator}{yaml_value.lstrip(chr(10))}")
    return document.value[0][1]


def read(method: str, yaml_value: str, **options: Any) -> tuple[Any, list[str]]:
    """What `FieldReader.<method>('key', node)` returns, and the problems it reported."""
    problems: list = []
    reader = FieldReader("contacts/ada.md", KEY_LINE, problems)
    result = getattr(reader, method)("key", value_node(yaml_value), **options)
    return result, [f"{each.line}: {each.severity}: {each.message}" for each in problems]


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("Ada Lovelace", "Ada Lovelace"),
        ('"No"', "No"),
        ("'2024'", "2024"),
        ("  Ada  ", "Ada"),
        ("Zürich", "Zürich"),
        ("|\n  two\n  lines", "two\nlines"),
        ("", None),
        ("~", None),
        ('""', None),
    ],
)
def test_text_is_the_string_written_and_empty_means_none(yaml_value: str, expected: str) -> None:
    assert read("text", yaml_value) == (expected, [])


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        ("No", 'key: YAML reads No as false, not text; put it in quotes: key: "No"'),
        ("yes", 'key: YAML reads yes as true, not text; put it in quotes: key: "yes"'),
        ("off", 'key: YAML reads off as false, not text; put it in quotes: key: "off"'),
        ("2024", 'key: YAML reads 2024 as a number, not text; put it in quotes: key: "2024"'),
        (
            "0123456",
            "key: YAML reads 0123456 as the number 42798, not text; put it in quotes: "
            'key: "0123456"',
        ),
        ("0x1F", 'key: YAML reads 0x1F as the number 31, not text; put it in quotes: key: "0x1F"'),
        ("1:20", 'key: YAML reads 1:20 as the number 80, not text; put it in quotes: key: "1:20"'),
        ("1.5", 'key: YAML reads 1.5 as a number, not text; put it in quotes: key: "1.5"'),
        (
            "2020-01-01",
            'key: YAML reads 2020-01-01 as a date, not text; put it in quotes: key: "2020-01-01"',
        ),
        ("!shout hello", "key: remove the YAML tag !shout; write key: hello"),
        ("!!binary aGk=", "key: remove the YAML tag !!binary; write key: aGk="),
        ("[a, b]", "key: expected text, found a list"),
        ("{a: b}", "key: expected text, found a mapping"),
    ],
)
def test_text_typed_otherwise_by_yaml_is_an_error_that_says_to_quote_it(
    yaml_value: str, message: str
) -> None:
    assert read("text", yaml_value)[1] == [f"{KEY_LINE}: error: {message}"]


def test_an_empty_required_text_is_an_error() -> None:
    expected = [f"{KEY_LINE}: error: key: must not be empty"]
    assert read("text", '""', required=True) == (None, expected)


@pytest.mark.parametrize(
    ("yaml_value", "texts", "lines"),
    [
        ("[ada@example.org, al@example.org]", ("ada@example.org", "al@example.org"), (7, 7)),
        (
            "\n  - ada@example.org\n  - al@example.org",
            ("ada@example.org", "al@example.org"),
            (8, 9),
        ),
        ("ada@example.org", ("ada@example.org",), (7,)),
        ("", (), ()),
        ("[]", (), ()),
        ('["", x]', ("x",), (7,)),
    ],
    ids=[
        "flow",
        "block-with-item-lines",
        "scalar-is-a-list-of-one",
        "empty",
        "empty-list",
        "empty-item-skipped",
    ],
)
def test_text_list_gives_each_item_and_its_line(
    yaml_value: str, texts: tuple[str, ...], lines: tuple[int, ...]
) -> None:
    assert read("text_list", yaml_value) == ((texts, lines), [])


def test_text_list_of_a_mapping_is_an_error() -> None:
    assert read("text_list", "{work: ada@example.org}") == (
        ((), ()),
        [f"{KEY_LINE}: error: key: expected a list, found a mapping"],
    )


@pytest.mark.parametrize(
    ("yaml_value", "expected", "problems"),
    [
        ("{github: ada}", [("github", "ada")], []),
        ("", [], []),
        ("[a]", None, ["7: error: key: expected a mapping (key: value lines), found a list"]),
        ("text", None, ["7: error: key: expected a mapping (key: value lines), found text"]),
    ],
)
def test_mapping_gives_label_and_value_pairs(
    yaml_value: str, expected: list | None, problems: list[str]
) -> None:
    result, reported = read("mapping", yaml_value)
    pairs = None if result is None else [(label, value.value) for label, _, value in result]
    assert (pairs, reported) == (expected, problems)


@pytest.mark.parametrize(
    ("yaml_value", "expected", "problems"),
    [
        ("true", True, []),
        ("yes", True, []),
        ("false", False, []),
        ("", None, []),
        ('"yes"', None, ["7: error: key: expected true or false, found 'yes'"]),
        ("1", None, ["7: error: key: expected true or false, found 1"]),
        ("!!bool maybe", None, ["7: error: key: expected true or false, found maybe"]),
    ],
)
def test_boolean_accepts_only_yaml_true_or_false(
    yaml_value: str, expected: bool | None, problems: list[str]
) -> None:
    assert read("boolean", yaml_value) == (expected, problems)


@pytest.mark.parametrize(
    ("yaml_value", "expected", "problems"),
    [
        ("3", 3, []),
        ("0", 0, []),
        ("-1", None, ["7: error: key: expected a whole number of at least 0, found -1"]),
        ("many", None, ["7: error: key: expected a whole number of at least 0, found 'many'"]),
        ("1.5", None, ["7: error: key: expected a whole number of at least 0, found 1.5"]),
    ],
)
def test_integer_accepts_whole_numbers_from_the_minimum(
    yaml_value: str, expected: int | None, problems: list[str]
) -> None:
    assert read("integer", yaml_value) == (expected, problems)


def test_integer_too_long_for_python_is_an_error_not_a_crash() -> None:
    huge = "9" * 5000
    assert read("integer", huge)[0] is None


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("2026-03-01", dt.date(2026, 3, 1)),
        ('"2026-03-01"', dt.date(2026, 3, 1)),
        ("2026-3-1", dt.date(2026, 3, 1)),
        ("2026-03-01 10:30:00", dt.date(2026, 3, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("", None),
    ],
)
def test_date_accepts_iso_dates_bare_or_quoted(yaml_value: str, expected: dt.date | None) -> None:
    assert read("date", yaml_value) == (expected, [])


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        ("2025-13-01", "key: 2025-13-01 is not a real date"),
        ("1990-02-30", "key: 1990-02-30 is not a real date"),
        ("2023-02-29", "key: 2023-02-29 is not a real date"),
        ('"1990-02-30"', "key: 1990-02-30 is not a real date"),
        ("0000-01-01", "key: 0000-01-01 is not a real date"),
        ("!!timestamp soon", "key: soon is not a real date"),
        ("next spring", "key: expected a date YYYY-MM-DD, found 'next spring'"),
        ("2026", "key: expected a date YYYY-MM-DD, found 2026"),
        ("[2026-03-01]", "key: expected a date YYYY-MM-DD, found a list"),
    ],
)
def test_date_that_is_not_a_real_date_is_an_error_on_its_line(
    yaml_value: str, message: str
) -> None:
    assert read("date", yaml_value) == (None, [f"{KEY_LINE}: error: {message}"])


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("1990-12-10", MonthDay(12, 10, 1990)),
        ("--12-10", MonthDay(12, 10)),
        ("--02-29", MonthDay(2, 29)),
        ('"--2-9"', MonthDay(2, 9)),
        ("2000-02-29", MonthDay(2, 29, 2000)),
        ("", None),
    ],
)
def test_month_day_takes_a_full_date_or_month_and_day_without_year(
    yaml_value: str, expected: MonthDay | None
) -> None:
    assert read("month_day", yaml_value) == (expected, [])


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        ("--02-30", "key: --02-30 is not a real date"),
        ("--13-01", "key: --13-01 is not a real date"),
        ("1990-02-30", "key: 1990-02-30 is not a real date"),
        ("12-10", "key: expected YYYY-MM-DD, or --MM-DD when the year is unknown, found '12-10'"),
        ("1990", "key: expected YYYY-MM-DD, or --MM-DD when the year is unknown, found 1990"),
    ],
)
def test_month_day_that_is_not_a_day_of_the_year_is_an_error(yaml_value: str, message: str) -> None:
    assert read("month_day", yaml_value) == (None, [f"{KEY_LINE}: error: {message}"])


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("2019", (dt.date(2019, 1, 1), "year")),
        ("'2019'", (dt.date(2019, 1, 1), "year")),
        ("2019-06", (dt.date(2019, 6, 1), "month")),
        ("2019-6", (dt.date(2019, 6, 1), "month")),
        ("2019-06-03", (dt.date(2019, 6, 3), "day")),
    ],
)
def test_partial_date_takes_a_year_a_month_or_a_day(yaml_value: str, expected: tuple) -> None:
    assert read("partial_date", yaml_value) == (expected, [])


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        ("2019-13", "key: 2019-13 is not a real date"),
        ("19", "key: expected YYYY-MM-DD, YYYY-MM or YYYY, found 19"),
        ("spring 2019", "key: expected YYYY-MM-DD, YYYY-MM or YYYY, found 'spring 2019'"),
        ("2019-02-30", "key: 2019-02-30 is not a real date"),
    ],
)
def test_partial_date_that_is_not_a_date_is_an_error(yaml_value: str, message: str) -> None:
    assert read("partial_date", yaml_value) == (None, [f"{KEY_LINE}: error: {message}"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10d", Duration(10, "d")),
        ("6w", Duration(6, "w")),
        ("3m", Duration(3, "m")),
        ("1y", Duration(1, "y")),
        ("3 months", Duration(3, "m")),
        ("2 Weeks", Duration(2, "w")),
        ("1 year", Duration(1, "y")),
        (" 10D ", Duration(10, "d")),
        ("never", "never"),
        ("Never", "never"),
        ("0d", None),
        ("30", None),
        ("monthly", None),
        ("1.5m", None),
        ("-3m", None),
        ("3 fortnights", None),
        ("", None),
    ],
)
def test_parse_duration_reads_amount_and_unit_or_never(text: str, expected: object) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        (
            "30",
            "key: expected a duration such as 10d, 6w, 3m, 1y or never, found 30 "
            "(did you mean 30d?)",
        ),
        ("monthly", "key: expected a duration such as 10d, 6w, 3m, 1y or never, found 'monthly'"),
        ("[3m]", "key: expected a duration such as 10d, 6w, 3m, 1y or never, found a list"),
        ("no", "key: expected a duration such as 10d, 6w, 3m, 1y or never, found no"),
    ],
)
def test_duration_that_is_not_one_is_an_error_with_a_hint(yaml_value: str, message: str) -> None:
    assert read("duration", yaml_value) == (None, [f"{KEY_LINE}: error: {message}"])


def test_quote_hint_shows_the_value_as_written_in_quotes() -> None:
    assert quote_hint("phones", value_node("0123456")) == 'put it in quotes: phones: "0123456"'


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("0000", "7: error: key: 0000 is not a real date"),
        ("0000-05", "7: error: key: 0000-05 is not a real date"),
        ("0999", "7: error: key: 0999 is not a real date"),
    ],
)
def test_a_partial_date_before_year_1000_is_a_typo_not_a_crash(
    yaml_value: str, expected: str
) -> None:
    assert read("partial_date", yaml_value) == (None, [expected])


@pytest.mark.parametrize("text", ["9000y", "36501d", "99999999999d", "1300m"])
def test_a_duration_longer_than_100_years_is_refused(text: str) -> None:
    assert parse_duration(text) is None
    result, problems = read("duration", text)
    assert result is None
    assert problems[0].endswith("(at most 100 years)")


@pytest.mark.parametrize(
    ("duration", "start", "expected"),
    [
        (Duration(100, "y"), dt.date(9950, 1, 1), dt.date.max),
        (Duration(36500, "d"), dt.date(9990, 1, 1), dt.date.max),
        (Duration(3, "m"), dt.date(2026, 1, 31), dt.date(2026, 4, 30)),
    ],
)
def test_durations_saturate_at_the_calendars_end_instead_of_overflowing(
    duration: Duration, start: dt.date, expected: dt.date
) -> None:
    assert duration.after(start) == expected


def test_durations_saturate_at_the_calendars_start() -> None:
    assert Duration(2, "w").before(dt.date(1, 1, 2)) == dt.date.min
    assert Duration(1, "y").before(dt.date(1, 6, 1)) == dt.date.min


def test_a_tag_that_takes_the_whole_value_says_to_write_the_value_without_it() -> None:
    assert read("text", "!!python/name:os.system") == (
        None,
        ["7: error: key: remove the YAML tag !!python/name:os.system; write the value without it"],
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('!!int ""', "key: remove the YAML tag !!int; write the value without it"),
        ('!!float ""', "key: remove the YAML tag !!float; write the value without it"),
        ('!!int "12"', 'key: remove the YAML tag !!int; write key: "12"'),
        ("!!int '12'", 'key: remove the YAML tag !!int; write key: "12"'),
    ],
)
def test_a_quoted_value_with_a_number_tag_says_to_remove_the_tag(value: str, message: str) -> None:
    assert read("text", value)[1] == [f"7: error: {message}"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("---\nname: Ada\nbirthday: 2025-13-01\n---\n", 3, 11),
        ("---\nname: Ada\nphones:\n  - 0123\n  - [nested]\n---\n", 5, 5),
        ("---\nname: Ada\nmet: {date: soon}\n---\n", 3, 13),
    ],
)
def test_a_problem_found_in_a_value_knows_its_column(text, line, column):
    from kithbook.config import Config
    from kithbook.parse.load import parse_contact

    problems: list = []
    parse_contact("contacts/ada.md", text.encode(), Config(), problems)
    assert [(problem.line, problem.column) for problem in problems][-1] == (line, column)
