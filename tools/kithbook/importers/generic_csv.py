"""Any CSV with a header row as candidates: columns map to contact keys by name or `--map`.

Headers such as "E-mail", "Mobile" or "Job Title" are recognised; `--map "Work mail=emails"`
maps the rest. Cells of list keys (emails, phones, aka, tags) may hold several values split by `;`.
"""

from __future__ import annotations

import re

from kithbook.errors import KithbookError
from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.csv_rows import read_rows, read_text, records
from kithbook.importers.values import (
    add_link,
    add_unique,
    one_line,
    parse_birthday,
    parse_met_date,
    plain_text,
    tag_word,
    without_direction_marks,
)
from kithbook.model import CONTACT_KEYS, KEPT_KEYS, ONE_VALUE_KINDS, Met

FORMAT = "csv"
KEYS = (
    "name",
    "first-name",
    "middle-name",
    "last-name",
    "aka",
    "emails",
    "phones",
    "company",
    "role",
    "location",
    "birthday",
    "tags",
    "notes",
    "met.date",
    "met.where",
    "met.via",
    "links.LABEL",
    "slug",
    "uid",
    "circle",
    "cadence",
    "channel",
    "status",
    "snooze",
    "knows",
    "goals",
    "memories",
    "private",
    "birth-year",
    "birth-month",
    "birth-day",
    "ignore",
)
ALIASES = {
    "full-name": "name",
    "display-name": "name",
    "contact": "name",
    "first": "first-name",
    "given-name": "first-name",
    "firstname": "first-name",
    "middle": "middle-name",
    "additional-name": "middle-name",
    "last": "last-name",
    "family-name": "last-name",
    "surname": "last-name",
    "lastname": "last-name",
    "nickname": "aka",
    "nicknames": "aka",
    "alias": "aka",
    "aliases": "aka",
    "email": "emails",
    "e-mail": "emails",
    "mail": "emails",
    "email-address": "emails",
    "e-mail-address": "emails",
    "phone": "phones",
    "mobile": "phones",
    "telephone": "phones",
    "tel": "phones",
    "cell": "phones",
    "phone-number": "phones",
    "mobile-phone": "phones",
    "organization": "company",
    "organisation": "company",
    "org": "company",
    "employer": "company",
    "title": "role",
    "job-title": "role",
    "position": "role",
    "job": "role",
    "city": "location",
    "bday": "birthday",
    "birthdate": "birthday",
    "date-of-birth": "birthday",
    "tag": "tags",
    "labels": "tags",
    "groups": "tags",
    "note": "notes",
    "comments": "notes",
    "met-date": "met.date",
    "met-where": "met.where",
    "met-via": "met.via",
    "last-contact": "ignore",
    # Thunderbird's and Outlook's CSV columns
    "primary-email": "emails",
    "secondary-email": "emails",
    "e-mail-2-address": "emails",
    "e-mail-3-address": "emails",
    "email-2-address": "emails",
    "email-3-address": "emails",
    "mobile-number": "phones",
    "work-phone": "phones",
    "home-phone": "phones",
    "business-phone": "phones",
    "business-phone-2": "phones",
    "home-phone-2": "phones",
    "other-phone": "phones",
    "primary-phone": "phones",
    "company-main-phone": "phones",
    "car-phone": "phones",
    "web-page": "links.website",
    "web-page-1": "links.website",
    "web-page-2": "links.website",
    "personal-web-page": "links.website",
    "home-city": "location",
    "work-city": "location",
    "business-city": "location",
    "other-city": "location",
    "company": "company",
    "categories": "tags",
    "birth-year": "birth-year",
    "birth-month": "birth-month",
    "birth-day": "birth-day",
    "linkedin": "links.linkedin",
    "github": "links.github",
    "website": "links.website",
    "url": "links.website",
    "homepage": "links.website",
    "twitter": "links.twitter",
    "mastodon": "links.mastodon",
}
LIST_SEPARATORS = {
    "emails": r"[;,]",
    "phones": r";",
    "aka": r";",
    "tags": r"[;,]",
    "knows": r"[;,]",
    "goals": r"\n",
    "memories": r"\n",
}
# Taken as written: the slug, and the kept keys of one value (circle, cadence, status, ..., uid).
KEPT_TEXT = ("slug", *(key for key in KEPT_KEYS if CONTACT_KEYS[key].kind in ONE_VALUE_KINDS))
# Outlook writes a birthday it does not know as 0/0/00; its dates are month/day/year.
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")


class MappingError(KithbookError, ValueError):
    """A `--map` entry names a column the file does not have, or a key Kithbook does not know."""


def canonical_key(text: str) -> str | None:
    """The contact key a header or `--map` target means: `E-mail` -> emails, `Blog` -> None."""
    stripped = text.strip()
    if stripped.lower().startswith("links.") and tag_word(stripped[6:]):
        return f"links.{tag_word(stripped[6:])}"
    word = tag_word(stripped.replace(".", "-"))
    if word.startswith("links-") and word != "links-":
        return f"links.{word[6:]}"
    if word in ("met-date", "met-where"):
        return word.replace("-", ".")
    if word in KEYS:
        return word
    return ALIASES.get(word)


def column_keys(header: list[str], mapping: dict[str, str]) -> dict[str, str]:
    """{column: key} from the header's own names, overridden by `--map column=key` entries."""
    keys = {column: key for column in header if column and (key := canonical_key(column))}
    if "Job Title" in keys and keys.get("Title") == "role":
        del keys["Title"]  # Outlook's Title is Mr/Ms; its Job Title is the role
    for column, target in mapping.items():
        if column not in header:
            raise MappingError(
                f"--map {column}={target}: the file has no column {column!r}; "
                f"its columns are: {', '.join(c for c in header if c)}"
            )
        key = canonical_key(target)
        if key is None:
            raise MappingError(
                f"--map {column}={target}: unknown key {target!r}; use one of: {', '.join(KEYS)}"
            )
        keys[column] = key
    return keys


def read_generic_csv(data: bytes, mapping: dict[str, str] | None = None) -> ParsedSource:
    """Every row after the header as a candidate; raises MappingError for a bad `--map`."""
    parsed = ParsedSource(FORMAT)
    rows = read_rows(read_text(data, parsed))
    first = next((index for index, row in enumerate(rows) if not row.blank), None)
    if first is None:
        parsed.error(1, "the file is empty; a CSV import needs a header row naming its columns")
        return parsed
    header = [cell.strip() for cell in rows[first].cells]
    keys = column_keys(header, mapping or {})
    if not any(key in ("name", "first-name", "last-name") for key in keys.values()):
        parsed.error(rows[first].line, "no column holds the name; map one with --map COLUMN=name")
        return parsed
    unused = [column for column in header if column and column not in keys]
    if unused:
        parsed.warning(
            rows[first].line,
            f"columns not imported: {', '.join(unused)} (map them with --map COLUMN=key)",
        )
    for line, values in records(rows, first):
        candidate = _candidate(line, values, keys, parsed)
        if candidate is not None:
            parsed.candidates.append(candidate)
    return parsed


def _candidate(
    line: int, values: dict[str, str], keys: dict[str, str], parsed: ParsedSource
) -> Candidate | None:
    candidate = Candidate(line=line)
    parts: dict[str, str] = {}
    met: dict[str, object] = {}
    for column, key in keys.items():
        value = values.get(column, "")
        if not value.strip() or key == "ignore":
            continue
        if key in ("name", "first-name", "middle-name", "last-name"):
            parts[key] = one_line(value)
        elif key in LIST_SEPARATORS:
            for item in re.split(LIST_SEPARATORS[key], value):
                _add_list_item(candidate, key, item)
        elif key in ("company", "role", "location"):
            if not getattr(candidate, key):  # the first of Home City, Work City... that has one
                setattr(candidate, key, one_line(value) or None)
        elif key in KEPT_TEXT:
            setattr(candidate, key, one_line(value) or None)
        elif key == "private":
            candidate.private = value.strip().lower() in ("true", "yes", "1")
        elif key in ("birth-year", "birth-month", "birth-day"):
            parts[key] = value.strip()
        elif key == "notes":
            candidate.notes = plain_text(value)
        elif key == "birthday":
            try:
                candidate.birthday = parse_birthday(_iso_date(value))
            except ValueError as error:
                parsed.warning(line, f"{column}: {error}; left out")
        elif key == "met.date":
            try:
                met["date"], met["precision"] = parse_met_date(value) or (None, "day")
            except ValueError as error:
                parsed.warning(line, f"{column}: {error}; left out")
        elif key in ("met.where", "met.via"):
            met[key[4:]] = one_line(value)
        elif key.startswith("links."):
            add_link(candidate.links, key[6:], value)
    candidate.name = parts.get("name") or one_line(
        " ".join(parts.get(key, "") for key in ("first-name", "middle-name", "last-name"))
    )
    if met:
        candidate.met = Met(**met)  # type: ignore[arg-type]
    _birthday_parts(candidate, parts, line, parsed)
    if candidate.status == "active":  # the default: nothing to add
        candidate.status = None
    if candidate.fill_name() is None:
        parsed.error(
            line,
            "this row has no name, and no organisation, e-mail or phone to name it by; skipped",
        )
        return None
    return candidate


def _iso_date(text: str) -> str:
    """Outlook's `3/14/1990` (month first) as `1990-03-14`; `0/0/00` (no birthday) as empty."""
    match = _US_DATE.fullmatch(text.strip())
    if match is None:
        return text
    month, day, year = int(match[1]), int(match[2]), match[3]
    if not month or not day:
        return ""
    if month > 12 >= day:
        month, day = day, month
    return f"{year}-{month:02d}-{day:02d}" if len(year) == 4 else f"--{month:02d}-{day:02d}"


def _birthday_parts(
    candidate: Candidate, parts: dict[str, str], line: int, parsed: ParsedSource
) -> None:
    """Thunderbird's Birth Year, Birth Month and Birth Day columns as one birthday."""
    month, day = parts.get("birth-month", ""), parts.get("birth-day", "")
    if candidate.birthday or not (month.isdigit() and day.isdigit()):
        return
    year = parts.get("birth-year", "")
    text = (
        f"{year}-{int(month):02d}-{int(day):02d}"
        if year.isdigit()
        else f"--{int(month):02d}-{int(day):02d}"
    )
    try:
        candidate.birthday = parse_birthday(text)
    except ValueError as error:
        parsed.warning(line, f"Birth Month, Birth Day: {error}; left out")


def _add_list_item(candidate: Candidate, key: str, item: str) -> None:
    if key in ("emails", "phones"):
        item = without_direction_marks(item)
    if key == "tags":
        word = tag_word(item)
        if word and word not in candidate.tags:
            candidate.tags.append(word)
    else:
        add_unique(candidate.items_of(key), item)
