"""`kith export json` read back: `{"contacts": [...]}`, every key, the log and the notes.

Each contact object becomes a candidate at the line where it starts in the file; a value of the
wrong type is left out with a warning at that line, never a crash.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.csv_rows import read_text
from kithbook.importers.values import (
    add_link,
    add_unique,
    one_line,
    parse_birthday,
    parse_met_date,
    plain_text,
    tag_word,
)
from kithbook.model import ARROWS, CONTACT_KEYS, ONE_VALUE_KINDS, Met
from kithbook.write.log import format_log_line
from kithbook.write.text import EditError

FORMAT = "json"
# Every one-value key but name and uid (read on their own), and every list of texts as written.
TEXT_KEYS = tuple(
    key
    for key, spec in CONTACT_KEYS.items()
    if spec.kind in ONE_VALUE_KINDS and key not in ("name", "uid")
)
LIST_KEYS = tuple(key for key, spec in CONTACT_KEYS.items() if spec.kind in ("texts", "slugs"))


def is_kithbook_json(head: str) -> bool:
    """Whether text starts like `kith export json`: a JSON object with a `contacts` list."""
    stripped = head.lstrip()
    return stripped.startswith("{") and '"contacts"' in stripped[:200]


def read_kithbook_json(data: bytes) -> ParsedSource:
    """Every contact of a Kithbook JSON export as a candidate."""
    parsed = ParsedSource(FORMAT)
    text = read_text(data, parsed)
    decoder = json.JSONDecoder()
    start = text.find("[", text.find('"contacts"'))
    if not is_kithbook_json(text) or start < 0:
        parsed.error(1, 'not a Kithbook JSON export: expected {"contacts": [...]}')
        return parsed
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        line = text.count("\n", 0, position) + 1
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            parsed.error(error.lineno, f"this is not valid JSON ({error.msg}); the rest is skipped")
            break
        if not isinstance(item, dict):
            parsed.error(line, "a contact is a JSON object; skipped")
            continue
        candidate = candidate_from_json(item, line, parsed)
        if candidate is not None:
            parsed.candidates.append(candidate)
    return parsed


def candidate_from_json(item: dict[str, Any], line: int, parsed: ParsedSource) -> Candidate | None:
    """One exported contact as a candidate; values of the wrong type are reported and left out."""
    candidate = Candidate(line=line)
    candidate.name = one_line(_text(item.get("name")))
    candidate.slug = _text(item.get("slug")) or None
    candidate.uid = _text(item.get("uid")) or None
    for key in LIST_KEYS:
        for value in _list(item.get(key)):
            add_unique(candidate.items_of(key), _text(value))
    for label, url in (item.get("links") or {}).items():
        add_link(candidate.links, str(label), _text(url))
    for key in TEXT_KEYS:
        setattr(candidate, key, one_line(_text(item.get(key))) or None)
    if candidate.status == "active":
        candidate.status = None
    candidate.tags = [word for tag in _list(item.get("tags")) if (word := tag_word(_text(tag)))]
    candidate.private = item.get("private") is True
    candidate.notes = plain_text(_text(item.get("notes")))
    candidate.private_notes = plain_text(_text(item.get("private_notes")))
    try:
        candidate.birthday = parse_birthday(_text(item.get("birthday")))
        candidate.met = _met(item.get("met"))
    except ValueError as error:
        parsed.warning(line, f"{error}; left out")
    for entry in _list(item.get("dates")):
        if isinstance(entry, dict) and entry.get("date") and entry.get("label"):
            try:
                day = dt.date.fromisoformat(_text(entry["date"]))
            except ValueError:
                parsed.warning(line, f"dates: {entry['date']!r} is not a date; left out")
                continue
            life_date: dict[str, object] = {"date": day, "label": one_line(_text(entry["label"]))}
            if entry.get("yearly"):
                life_date["yearly"] = True
            candidate.items_of("dates").append(life_date)
    for entry in _list(item.get("log")):
        log_line = _log_line(entry)
        if log_line is None:
            parsed.warning(line, f"log: {entry!r} is not a log entry; left out")
        else:
            candidate.items_of("log").append(log_line)
    if candidate.fill_name() is None:
        parsed.error(line, "this contact has no name; skipped")
        return None
    return candidate


def _met(value: Any) -> Met | None:
    if not isinstance(value, dict):
        return None
    date = parse_met_date(_text(value.get("date")))
    where, via = one_line(_text(value.get("where"))), one_line(_text(value.get("via")))
    if date is None and not where and not via:
        return None
    return Met(
        date=date[0] if date else None,
        precision=date[1] if date else "day",
        where=where or None,
        via=via or None,
    )


def _log_line(entry: Any) -> str | None:
    """`- 2024-03-01 -> email: text`, continuation lines indented below it."""
    if not isinstance(entry, dict):
        return None
    direction = ARROWS.get(_text(entry.get("arrow")))
    try:
        date = dt.date.fromisoformat(_text(entry.get("date")))
        first, *rest = (_text(entry.get("text")) or "").split("\n")
        head = format_log_line(
            date, direction or "note", _text(entry.get("channel")) or None, first
        )
    except (ValueError, EditError, TypeError):
        return None
    if direction is None:
        return None
    return "\n".join([head, *(f"  {more}" if more.strip() else "" for more in rest)])


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value in (None, "") else [value]
