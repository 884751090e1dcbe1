"""The network as a CSV file, one row per contact, for spreadsheets.

A pure function of the loaded contacts. The columns are the contact keys (`met` as `met.date`,
`met.where` and `met.via`, each link label a `links.LABEL` column), so the file imports back to the
same contacts (`kith import`); a cell a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable

from kithbook.importers.csv_rows import FORMULA_STARTS
from kithbook.model import Contact

TEXT_LIST_SEPARATOR = "\n"  # goals and memories are sentences: one a line
LIST_SEPARATOR = "; "
Cell = Callable[[Contact, dt.date], str]


def _text(key: str) -> Cell:
    return lambda contact, today: getattr(contact, key) or ""


def _joined(key: str, separator: str = LIST_SEPARATOR) -> Cell:
    return lambda contact, today: separator.join(getattr(contact, key))


def _last_contact(contact: Contact, today: dt.date) -> str:
    last = contact.last_contact_on(today)  # as of today: later entries have not happened yet
    return last.date.isoformat() if last else ""


CELLS: dict[str, Cell] = {
    "slug": _text("slug"),
    "name": _text("name"),
    "aka": _joined("aka"),
    "emails": _joined("emails"),
    "phones": _joined("phones"),
    "company": _text("company"),
    "role": _text("role"),
    "location": _text("location"),
    "birthday": lambda contact, today: str(contact.birthday) if contact.birthday else "",
    "tags": _joined("tags"),
    "circle": _text("circle"),
    "cadence": lambda contact, today: contact.cadence_text or "",
    "channel": _text("channel"),
    "status": _text("status"),
    "met.date": lambda contact, today: (contact.met.date_text or "") if contact.met else "",
    "met.where": lambda contact, today: (contact.met.where or "") if contact.met else "",
    "met.via": lambda contact, today: (contact.met.via or "") if contact.met else "",
    "snooze": lambda contact, today: contact.snooze.isoformat() if contact.snooze else "",
    "knows": _joined("knows"),
    "goals": _joined("goals", TEXT_LIST_SEPARATOR),
    "memories": _joined("memories", TEXT_LIST_SEPARATOR),
    "uid": _text("uid"),
    "private": lambda contact, today: "true" if contact.private else "",
    "last_contact": _last_contact,
    "notes": lambda contact, today: contact.notes.strip(),
}
"""Each column of the CSV, in order, and how a contact's cell in it is written."""
CSV_COLUMNS = tuple(CELLS)


def to_csv(contacts: Iterable[Contact], today: dt.date) -> str:
    """One row per contact; lists joined with `; `, each link label its own `links.LABEL` column;
    `last_contact` as of `today` (entries after it have not happened yet)."""
    contacts = list(contacts)
    labels = sorted({label for contact in contacts for label in contact.links})
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *(f"links.{label}" for label in labels)])
    for contact in contacts:
        writer.writerow(
            [
                *(safe_cell(cell(contact, today)) for cell in CELLS.values()),
                *(safe_cell(contact.links.get(label, "")) for label in labels),
            ]
        )
    return output.getvalue()


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula: one that starts with `=`, `+`, `-`, `@`, a
    tab or a carriage return, after any `'`s, gets a `'` in front (OWASP's advice against CSV
    injection); the importers take one such `'` off again (`importers.csv_rows.unneutralised`),
    so an export imports back to what was written."""
    return "'" + value if _starts_formula(value.lstrip("'")) else value


def _starts_formula(value: str) -> bool:
    return value[:1] in FORMULA_STARTS and value[:1] != ""
