"""The network as a CSV file, one row per contact, for spreadsheets.

A pure function of the loaded contacts. The columns are the contact keys (`met` as `met.date`,
`met.where` and `met.via`, each link label a `links.LABEL` column), so the file imports back to the
same contacts (`kith import`); a cell a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from kithbook.importers.csv_rows import FORMULA_STARTS
from kithbook.model import Contact

CSV_COLUMNS = (
    "slug",
    "name",
    "aka",
    "emails",
    "phones",
    "company",
    "role",
    "location",
    "birthday",
    "tags",
    "circle",
    "cadence",
    "channel",
    "status",
    "met.date",
    "met.where",
    "met.via",
    "snooze",
    "knows",
    "goals",
    "memories",
    "uid",
    "private",
    "last_contact",
    "notes",
)
TEXT_LIST_SEPARATOR = "\n"  # goals and memories are sentences: one a line
LIST_SEPARATOR = "; "


def to_csv(contacts: Iterable[Contact], today: dt.date) -> str:
    """One row per contact; lists joined with `; `, each link label its own `links.LABEL` column;
    `last_contact` as of `today` (entries after it have not happened yet)."""
    contacts = list(contacts)
    labels = sorted({label for contact in contacts for label in contact.links})
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *(f"links.{label}" for label in labels)])
    for contact in contacts:
        row = _csv_values(contact, today)
        writer.writerow(
            [
                *(safe_cell(row[column]) for column in CSV_COLUMNS),
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


def _csv_values(contact: Contact, today: dt.date) -> dict[str, str]:
    met = contact.met
    last = contact.last_contact_on(today)
    return {
        "slug": contact.slug,
        "name": contact.name,
        "aka": LIST_SEPARATOR.join(contact.aka),
        "emails": LIST_SEPARATOR.join(contact.emails),
        "phones": LIST_SEPARATOR.join(contact.phones),
        "company": contact.company or "",
        "role": contact.role or "",
        "location": contact.location or "",
        "birthday": str(contact.birthday) if contact.birthday else "",
        "tags": LIST_SEPARATOR.join(contact.tags),
        "circle": contact.circle or "",
        "cadence": contact.cadence_text or "",
        "channel": contact.channel or "",
        "status": contact.status,
        "met.date": (met.date_text or "") if met else "",
        "met.where": (met.where or "") if met else "",
        "met.via": (met.via or "") if met else "",
        "snooze": contact.snooze.isoformat() if contact.snooze else "",
        "knows": LIST_SEPARATOR.join(contact.knows),
        "goals": TEXT_LIST_SEPARATOR.join(contact.goals),
        "memories": TEXT_LIST_SEPARATOR.join(contact.memories),
        "uid": contact.uid or "",
        "private": "true" if contact.private else "",
        "last_contact": last.date.isoformat() if last else "",
        "notes": contact.notes.strip(),
    }
