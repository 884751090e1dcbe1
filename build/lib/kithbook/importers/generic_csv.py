"""Any CSV with a header row as candidates: columns map to contact keys by name or `--map`.

Headers such as "E-mail", "Mobile" or "Job Title" are recognised; `--map "Work mail=emails"`
maps the rest. Cells of list keys (emails, phones, aka, tags) may hold several values split by `;`.
"""

from __future__ import annotations

import re

from kithbook.errors import KithbookError
from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.csv_rows import decode_text, read_rows, records
from kithbook.importers.values import (
    add_link,
    add_unique,
    one_line,
    parse_birthday,
    parse_met_date,
    plain_text,
    tag_word,
)
from kithbook.model import Met

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
    "links.LABEL",
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
    "linkedin": "links.linkedin",
    "github": "links.github",
    "website": "links.website",
    "url": "links.website",
    "homepage": "links.website",
    "twitter": "links.twitter",
    "mastodon": "links.mastodon",
}
LIST_SEPARATORS = {"emails": r"[;,]", "phones": r";", "aka": r";", "tags": r"[;,]"}


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
    rows = read_rows(decode_text(data))
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
            setattr(candidate, key, one_line(value) or None)
        elif key == "notes":
            candidate.notes = plain_text(value)
        elif key == "birthday":
            try:
                candidate.birthday = parse_birthday(value)
            except ValueError as error:
                parsed.warning(line, f"{column}: {error}; left out")
        elif key == "met.date":
            try:
                met["date"], met["precision"] = parse_met_date(value) or (None, "day")
            except ValueError as error:
                parsed.warning(line, f"{column}: {error}; left out")
        elif key == "met.where":
            met["where"] = one_line(value)
        elif key.startswith("links."):
            add_link(candidate.links, key[6:], value)
    candidate.name = parts.get("name") or one_line(
        " ".join(parts.get(key, "") for key in ("first-name", "middle-name", "last-name"))
    )
    if met:
        candidate.met = Met(**met)  # type: ignore[arg-type]
    if not candidate.name:
        parsed.error(line, "this row has no name; skipped")
        return None
    return candidate


def _add_list_item(candidate: Candidate, key: str, item: str) -> None:
    if key == "tags":
        word = tag_word(item)
        if word and word not in candidate.tags:
            candidate.tags.append(word)
    else:
        add_unique(getattr(candidate, key), item)
