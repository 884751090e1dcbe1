"""The network as one JSON document: every key of every contact, the log and the notes.

A pure function of the loaded contacts, and what `kith import` reads back whole. Each contact holds
the keys of `model.CONTACT_KEYS`, in their order; the `## Private` notes only when asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from kithbook.model import CONTACT_KEYS, Contact, KeyKind, LogEntry


def to_json(contacts: Iterable[Contact], *, include_private: bool = False) -> str:
    """The contacts as the tools see them (the loader's model), one JSON document, indented.

    Written one contact at a time: `json.dumps` of the whole document with `indent` (which the C
    encoder cannot do) held every piece of it at once, 1.7 GB for 50,000 contacts. The text is the
    same: each contact's own indented JSON, shifted to its depth (JSON text holds no raw line
    breaks, so every line break starts a line of it)."""
    items = [
        "    "
        + json.dumps(
            contact_json(contact, include_private=include_private), indent=2, ensure_ascii=False
        ).replace("\n", "\n    ")
        for contact in contacts
    ]
    if not items:
        return '{\n  "contacts": []\n}\n'
    return '{\n  "contacts": [\n' + ",\n".join(items) + "\n  ]\n}\n"


def contact_json(contact: Contact, *, include_private: bool = False) -> dict[str, Any]:
    """One contact's fields as JSON values, every known key in its declared order; the `## Private`
    notes only with `include_private`."""
    data: dict[str, Any] = {"slug": contact.slug, "path": contact.path}
    for key, spec in CONTACT_KEYS.items():
        value = getattr(contact, key)
        data[key] = _AS_JSON[spec.kind](value) if spec.kind in _AS_JSON else value
    data["cadence"] = contact.cadence_text  # or `never`, which the model keeps as cadence_never
    data["extra"] = json.loads(json.dumps(contact.extra, default=str))
    data["notes"] = contact.notes
    data["log"] = [_entry_json(entry) for entry in contact.log]
    if include_private:
        data["private_notes"] = contact.private_notes
    return data


_AS_JSON: dict[KeyKind, Callable[[Any], Any]] = {
    "texts": list,
    "slugs": list,
    "tags": list,
    "links": dict,
    "met": lambda met: {"date": met.date_text, "where": met.where, "via": met.via} if met else None,
    "dates": lambda dates: [
        {"date": item.date.isoformat(), "label": item.label, "yearly": item.yearly}
        for item in dates
    ],
    "duration": lambda value: None if value is None else str(value),
    "month-day": lambda value: None if value is None else str(value),
    "date": lambda day: day.isoformat() if day else None,
}
"""A value of each kind as JSON, where it is not already one (text, a word, a flag)."""


def _entry_json(entry: LogEntry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "direction": entry.direction,
        "arrow": entry.arrow,
        "channel": entry.channel,
        "text": entry.text,
        "tags": list(entry.tags),
    }
