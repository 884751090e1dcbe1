"""Google Contacts CSV exports (the current "Google CSV" and the older one) as candidates.

Repeated fields are numbered columns (`E-mail 1 - Value`, `E-mail 2 - Value`); one cell may
also hold several values joined by ` ::: `. Labels (groups) become tags,
except Google's own `* myContacts`.
"""

from __future__ import annotations

import re

from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.csv_rows import decode_text, find_header, read_rows, records
from kithbook.importers.values import (
    GENERIC_LINK_LABELS,
    add_link,
    add_unique,
    link_label,
    one_line,
    parse_birthday,
    plain_text,
    tag_word,
)

FORMAT = "google"
SEPARATOR = " ::: "
_NUMBERED = re.compile(
    r"(?P<kind>E-mail|Phone|Website|Address|Organization) (?P<n>\d+) - (?P<part>.+)"
)


def is_google_header(cells: list[str]) -> bool:
    columns = set(cells)
    numbered = "E-mail 1 - Value" in columns or "Phone 1 - Value" in columns
    current = {"First Name", "Last Name", "Labels"} <= columns
    older = {"Given Name", "Family Name", "Group Membership"} <= columns
    return numbered and (current or older)


def read_google(data: bytes) -> ParsedSource:
    """Every row of a Google Contacts export as a candidate."""
    parsed = ParsedSource(FORMAT)
    rows = read_rows(decode_text(data))
    header = find_header(rows, is_google_header, limit=1)
    if header is None:
        parsed.error(
            1, "the first row is not a Google Contacts header (First Name, ..., E-mail 1 - Value)"
        )
        return parsed
    for line, values in records(rows, header):
        candidate = _candidate(line, values, parsed)
        if candidate is not None:
            parsed.candidates.append(candidate)
    return parsed


def _candidate(line: int, values: dict[str, str], parsed: ParsedSource) -> Candidate | None:
    candidate = Candidate(line=line)
    candidate.name = _name(values)
    if not candidate.name:
        parsed.error(
            line, "this contact has no name (First Name, Last Name and File As are empty); skipped"
        )
        return None
    for nickname in _split(values.get("Nickname", "")):
        add_unique(candidate.aka, nickname)
    groups = _numbered(values)
    for number in sorted(groups.get("E-mail", {})):
        for address in _split(groups["E-mail"][number].get("Value", "")):
            add_unique(candidate.emails, address)
    for number in sorted(groups.get("Phone", {})):
        for phone in _split(groups["Phone"][number].get("Value", "")):
            add_unique(candidate.phones, phone)
    for number in sorted(groups.get("Website", {})):
        entry = groups["Website"][number]
        label = tag_word(entry.get("Label") or entry.get("Type") or "")
        for url in _split(entry.get("Value", "")):
            add_link(
                candidate.links, link_label(url) if label in GENERIC_LINK_LABELS else label, url
            )
    organization = groups.get("Organization", {}).get(1, {})
    candidate.company = (
        one_line(values.get("Organization Name") or organization.get("Name")) or None
    )
    candidate.role = one_line(values.get("Organization Title") or organization.get("Title")) or None
    candidate.location = (
        _location(groups.get("Address", {})) or one_line(values.get("Location")) or None
    )
    birthday = values.get("Birthday", "")
    try:
        candidate.birthday = parse_birthday(birthday)
    except ValueError as error:
        parsed.warning(line, f"Birthday: {error}; left out")
    candidate.notes = plain_text(values.get("Notes"))
    for label in _split(values.get("Labels") or values.get("Group Membership") or ""):
        word = tag_word(label)
        if word and not label.startswith("*") and word not in candidate.tags:
            candidate.tags.append(word)
    return candidate


def _name(values: dict[str, str]) -> str:
    if values.get("Name"):
        return one_line(values["Name"])
    first = values.get("First Name") or values.get("Given Name") or ""
    middle = values.get("Middle Name") or values.get("Additional Name") or ""
    last = values.get("Last Name") or values.get("Family Name") or ""
    parts = [values.get("Name Prefix", ""), first, middle, last, values.get("Name Suffix", "")]
    return one_line(" ".join(parts)) or one_line(values.get("File As"))


def _numbered(values: dict[str, str]) -> dict[str, dict[int, dict[str, str]]]:
    """{"E-mail": {1: {"Label": "* Work", "Value": "..."}}} from the numbered columns."""
    groups: dict[str, dict[int, dict[str, str]]] = {}
    for column, value in values.items():
        match = _NUMBERED.fullmatch(column)
        if match and value:
            groups.setdefault(match["kind"], {}).setdefault(int(match["n"]), {})[match["part"]] = (
                value
            )
    return groups


def _location(addresses: dict[int, dict[str, str]]) -> str | None:
    """City, region and country of the first address that has any of them."""
    for number in sorted(addresses):
        entry = addresses[number]
        parts = [one_line(entry.get(part)) for part in ("City", "Region", "Country")]
        if any(parts):
            return ", ".join(part for part in parts if part)
    return None


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]
