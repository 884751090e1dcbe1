"""The parsed model's own questions (kithbook.model)."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.model import Contact, Duration, LogEntry

LOG = (
    LogEntry(dt.date(2026, 1, 1), "out", "email", "first", 10),
    LogEntry(dt.date(2026, 6, 1), "note", None, "a note is no contact", 11),
    LogEntry(dt.date(2026, 3, 1), "in", "phone", "written out of order", 12),
    LogEntry(dt.date(2026, 3, 1), "both", "video", "same day, written later", 13),
    LogEntry(dt.date(2026, 12, 20), "both", "in-person", "planned dinner", 14),
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 12, 31), None),
        (dt.date(2026, 1, 1), "first"),
        (dt.date(2026, 2, 28), "first"),
        (dt.date(2026, 12, 1), "same day, written later"),
        (dt.date(2026, 12, 20), "planned dinner"),
    ],
)
def test_last_contact_on_a_day_ignores_notes_and_entries_after_it(day, text):
    last = Contact("ada", "contacts/ada.md", "Ada", log=LOG).last_contact_on(day)
    assert (last.text if last else None) == text


def test_check_names_are_one_enum_that_reads_compares_and_hashes_as_its_text():
    import json

    from kithbook.model import CHECK_NAMES, Check, Problem

    assert CHECK_NAMES == tuple(sorted(c.value for c in Check if c not in ("write", "edit")))
    assert Check("future-date") is Check.FUTURE_DATE
    assert Check.LOG == "log" and Check.LOG in {"log"} and "log" in {Check.LOG}
    assert f"{Check.DUPLICATE_KEY}" == str(Check.DUPLICATE_KEY) == "duplicate-key"
    problem = Problem("contacts/a.md", 2, "error", "m", Check.YAML, column=4)
    assert json.dumps(problem.to_json()) == (
        '{"path": "contacts/a.md", "line": 2, "severity": "error", "check": "yaml", "message": "m"}'
    )
    assert str(problem) == "contacts/a.md:2:4: error: m"
    assert str(Problem("contacts/a.md", 2, "error", "m", Check.YAML)) == "contacts/a.md:2: error: m"


def test_every_declared_key_is_a_field_of_contact_in_the_declared_order():
    from dataclasses import fields

    from kithbook.model import CONTACT_KEYS

    names = [field.name for field in fields(Contact)]
    assert [name for name in names if name in CONTACT_KEYS] == list(CONTACT_KEYS)


@pytest.mark.parametrize(
    ("cadence", "never", "text"),
    [(None, False, None), (Duration(6, "w"), False, "6w"), (None, True, "never")],
)
def test_the_cadence_reads_as_the_file_writes_it(cadence, never, text):
    contact = Contact("ada", "contacts/ada.md", "Ada", cadence=cadence, cadence_never=never)
    assert contact.cadence_text == text


def test_the_format_page_documents_every_declared_key_in_its_order():
    """docs/format.md's key table (the public contract) and `CONTACT_KEYS` name the same keys."""
    import re
    from pathlib import Path

    from kithbook.model import CONTACT_KEYS

    page = Path(__file__).resolve().parents[1] / "docs" / "format.md"
    section = page.read_text(encoding="utf-8").split("## Front matter keys", 1)[1]
    table = section.split("\n\n|", 1)[1].split("\n\n", 1)[0]
    first_cells = [row.split("|")[1] for row in table.splitlines()[2:]]
    documented = [key for cell in first_cells for key in re.findall(r"`([a-z]+)`", cell)]
    assert documented == list(CONTACT_KEYS)
