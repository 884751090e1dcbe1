"""LinkedIn's `Connections.csv` (from "Get a copy of your data") as candidates.

The export starts with a few lines of notes before the header row; "Connected On" (`01 Jan 2020`)
becomes `met.date` with `met.where: LinkedIn`, and the profile URL becomes `links.linkedin`.
"""

from __future__ import annotations

import datetime as dt
import re

from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.csv_rows import decode_text, find_header, read_rows, records
from kithbook.importers.values import add_unique, one_line
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
_CONNECTED_ON = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -](\d{4})")


def is_linkedin_header(cells: list[str]) -> bool:
    return REQUIRED_COLUMNS <= set(cells)


def parse_connected_on(text: str) -> dt.date:
    """`01 Jan 2020` (or `1-Jan-2020`) as a date in any locale; ValueError if not."""
    match = _CONNECTED_ON.fullmatch(text.strip())
    month = MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        raise ValueError(f"{text.strip()!r} is not a date like 01 Jan 2020")
    try:
        return dt.date(int(match[3]), month, int(match[1]))
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a real date") from None


def read_linkedin(data: bytes) -> ParsedSource:
    """Every connection as a candidate met on LinkedIn on the day you connected."""
    parsed = ParsedSource(FORMAT)
    rows = read_rows(decode_text(data))
    header = find_header(rows, is_linkedin_header)
    if header is None:
        parsed.error(1, "no LinkedIn header row (First Name, Last Name, ..., Connected On) found")
        return parsed
    for line, values in records(rows, header):
        candidate = Candidate(line=line)
        candidate.name = one_line(f"{values.get('First Name', '')} {values.get('Last Name', '')}")
        if not candidate.name:
            parsed.error(
                line, "this connection has no name (First Name and Last Name are empty); skipped"
            )
            continue
        add_unique(candidate.emails, values.get("Email Address"))
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
