"""LinkedIn's `Connections.csv` (from "Get a copy of your data") as candidates.

The export starts with a few lines of notes before the header row; "Connected On" (`01 Jan 2020`)
becomes `met.date` with `met.where: LinkedIn`, and the profile URL becomes `links.linkedin`.
"""

from __future__ import annotations

import datetime as dt
import re

from kithbook.importers.candidate import Candidate, ParsedSource, has_letters
from kithbook.importers.csv_rows import find_header, read_rows, read_text, records
from kithbook.importers.values import add_unique, one_line, without_direction_marks
from kithbook.model import Met

FORMAT = "linkedin"
REQUIRED_COLUMNS = {"First Name", "Last Name", "Connected On"}
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_CONNECTED_ON = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -](\d{4}|\d{2})")
# The 2018 layout and Excel's re-save: month/day/year, a two-digit year, perhaps a time after it.
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?"
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?")


def is_linkedin_header(cells: list[str]) -> bool:
    return REQUIRED_COLUMNS <= set(cells)


def parse_connected_on(text: str) -> dt.date:
    """`01 Jan 2020`, `1-Jan-2020`, Excel's `23-Apr-23`, the 2018 layout's `1/8/18, 6:14 PM`
    (month first, as LinkedIn writes it; day first when the first number cannot be a month) or
    `2020-01-08`, as a date; ValueError if not. Two-digit years are 20YY: LinkedIn began in 2003."""
    cleaned = text.strip()
    year = month = day = None
    if match := _CONNECTED_ON.fullmatch(cleaned):
        day, month, year = int(match[1]), MONTHS.get(match[2].lower()), int(match[3])
    elif match := _NUMERIC_DATE.fullmatch(cleaned):
        month, day, year = int(match[1]), int(match[2]), int(match[3])
        if month > 12 >= day:
            month, day = day, month
    elif match := _ISO_DATE.fullmatch(cleaned):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    if year is None or month is None or day is None:
        raise ValueError(f"{cleaned!r} is not a date like 01 Jan 2020")
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{cleaned!r} is not a real date") from None


def read_linkedin(data: bytes) -> ParsedSource:
    """Every connection as a candidate met on LinkedIn on the day you connected."""
    parsed = ParsedSource(FORMAT)
    rows = read_rows(read_text(data, parsed))
    header = find_header(rows, is_linkedin_header)
    if header is None:
        parsed.error(1, "no LinkedIn header row (First Name, Last Name, ..., Connected On) found")
        return parsed
    for line, values in records(rows, header):
        candidate = Candidate(line=line)
        candidate.name = one_line(f"{values.get('First Name', '')} {values.get('Last Name', '')}")
        add_unique(candidate.emails, without_direction_marks(values.get("Email Address")))
        if not has_letters(candidate.name) and not candidate.emails:
            parsed.leave_out(
                line,
                "this connection hides their name (First Name and Last Name are empty) and has no "
                "e-mail; left out",
            )
            continue
        candidate.fill_name()
        url = one_line(values.get("URL"))
        if url:
            candidate.links["linkedin"] = url
        candidate.company = one_line(values.get("Company")) or None
        candidate.role = one_line(values.get("Position")) or None
        candidate.met = Met(where="LinkedIn")
        connected = values.get("Connected On", "").strip()
        if connected:
            try:
                candidate.met = Met(date=parse_connected_on(connected), where="LinkedIn")
            except ValueError as error:
                parsed.warning(line, f"Connected On: {error}; met.date left out")
        parsed.candidates.append(candidate)
    return parsed
