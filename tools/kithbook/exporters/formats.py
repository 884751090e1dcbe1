"""The network in formats other tools read: vCard 4.0 or 3.0 (via vobject), CSV, and JSON.

Exports are pure functions of the loaded contacts. Private contacts are left out unless asked
for; the `## Private` notes only go into JSON, and only then. Each export imports back to the same
contacts (`kith import`): the vCard keeps what it has no property for in `X-KITHBOOK-...`
properties, the CSV's columns are the contact keys, and the JSON holds everything, log included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from typing import Any

import vobject
from vobject.vcard import Address, Name

from kithbook.importers.csv_rows import FORMULA_STARTS
from kithbook.model import Contact, LogEntry, Network
from kithbook.public import public_contacts

VCARD_VERSIONS = ("4.0", "3.0")
APPLE_OMITTED_YEAR = 1604
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
KITHBOOK_UID = "kithbook:"
_URL = re.compile(r"[a-z][a-z0-9+.-]*:\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)
LIST_SEPARATOR = "; "


def select_contacts(
    network: Network, *, tag: str | None = None, include_private: bool = False
) -> list[Contact]:
    """The contacts to export: with `tag` when given; private ones only with `include_private`."""
    wanted = tag.lower() if tag else None
    return [
        contact
        for contact in public_contacts(network, include_private=include_private)
        if wanted is None or wanted in contact.tags
    ]


def to_vcard(contacts: Iterable[Contact], version: str = "4.0") -> str:
    """One vCard per contact; 3.0 writes a birthday without year the way Apple does (1604-MM-DD)."""
    if version not in VCARD_VERSIONS:
        raise ValueError(f"vCard version {version!r}; use one of: {', '.join(VCARD_VERSIONS)}")
    return "".join(card_of(contact, version).serialize() for contact in contacts)


def card_of(contact: Contact, version: str) -> vobject.base.Component:
    """One contact's vCard (a vobject component)."""
    card = vobject.vCard()
    card.add("version").value = version
    card.add("prodid").value = "-//Kithbook//kith export//EN"
    card.add("uid").value = contact_uid(contact)
    card.add("fn").value = contact.name
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = Name(family=family, given=given)
    for alias in contact.aka:
        card.add("nickname").value = alias
    for position, address in enumerate(contact.emails):
        _add_typed(card, "email", address, ["pref"] if position == 0 else [], version)
    for position, number in enumerate(contact.phones):
        _add_typed(card, "tel", number, ["pref"] if position == 0 else [], version)
    for label, url in contact.links.items():
        # a handle (`github: ada`) is no URL: a phone would open it as one
        _add_typed(card, "url" if is_url(url) else "x-kithbook-link", url, [label], version)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.role:
        card.add("title").value = contact.role
    if contact.location:
        card.add("adr").value = Address(city=contact.location)
    if contact.birthday:
        _add_birthday(card, contact, version)
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    if contact.notes.strip():
        card.add("note").value = contact.notes.strip()
    for name, value in kithbook_properties(contact):
        card.add(name).value = value
    return card


def contact_uid(contact: Contact) -> str:
    """The vCard UID: the contact's `uid` key (a card made on a phone keeps its own), else
    `kithbook:<slug>`, stable as long as the file keeps its name."""
    return contact.uid or f"{KITHBOOK_UID}{contact.slug}"


def is_url(text: str) -> bool:
    """Whether a link is a URL (`https://...`, `mailto:...`, `example.org/ada`), not a handle."""
    return bool(_URL.fullmatch(text.strip()))


def kithbook_properties(contact: Contact) -> list[tuple[str, str]]:
    """The keys a vCard has no property for, as `X-KITHBOOK-...` properties (in vCard order)."""
    met = contact.met
    cadence = "never" if contact.cadence_never else _text(contact.cadence)
    single = [
        ("circle", contact.circle),
        ("cadence", cadence),
        ("channel", contact.channel),
        ("status", contact.status if contact.status != "active" else None),
        ("snooze", contact.snooze.isoformat() if contact.snooze else None),
        ("met-date", met.date_text if met else None),
        ("met-where", met.where if met else None),
        ("met-via", met.via if met else None),
        ("private", "true" if contact.private else None),
        ("slug", contact.slug if contact.uid else None),  # the UID names the file otherwise
    ]
    properties = [(f"x-kithbook-{name}", value) for name, value in single if value]
    for name, values in (("knows", contact.knows), ("goal", contact.goals)):
        properties.extend((f"x-kithbook-{name}", value) for value in values)
    properties.extend(("x-kithbook-memory", value) for value in contact.memories)
    return properties


def _add_typed(
    card: vobject.base.Component, name: str, value: str, types: list[str], version: str
) -> None:
    prop = card.add(name)
    prop.value = value
    types = [clean for clean in map(parameter_value, types) if clean]
    if version == "4.0" and types == ["pref"]:
        prop.params["PREF"] = ["1"]
    elif types:
        prop.params["TYPE"] = types


def parameter_value(text: str) -> str:
    """Text as a vCard parameter value (a link's label as `TYPE`): a parameter cannot hold a double
    quote, and a line break or other control character would end the line, so `"` becomes `'` and
    control characters become spaces."""
    return " ".join(text.replace('"', "'").translate(_CONTROL_TO_SPACE).split())


_CONTROL_TO_SPACE = {code: " " for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}


def _add_birthday(card: vobject.base.Component, contact: Contact, version: str) -> None:
    birthday = contact.birthday
    if birthday is None:
        return
    prop = card.add("bday")
    if birthday.year is not None:
        prop.value = str(birthday)
    elif version == "4.0":
        prop.value = f"--{birthday.month:02d}{birthday.day:02d}"
    else:
        prop.value = f"{APPLE_OMITTED_YEAR}-{birthday.month:02d}-{birthday.day:02d}"
        prop.params["X-APPLE-OMIT-YEAR"] = [str(APPLE_OMITTED_YEAR)]


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
        "cadence": "never" if contact.cadence_never else str(contact.cadence or ""),
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
    """One contact's fields as JSON values; the `## Private` notes only with `include_private`."""
    met = contact.met
    data: dict[str, Any] = {
        "slug": contact.slug,
        "path": contact.path,
        "name": contact.name,
        "aka": list(contact.aka),
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "links": dict(contact.links),
        "company": contact.company,
        "role": contact.role,
        "location": contact.location,
        "tags": list(contact.tags),
        "circle": contact.circle,
        "cadence": "never" if contact.cadence_never else _text(contact.cadence),
        "channel": contact.channel,
        "met": {"date": met.date_text, "where": met.where, "via": met.via} if met else None,
        "memories": list(contact.memories),
        "goals": list(contact.goals),
        "birthday": _text(contact.birthday),
        "dates": [
            {"date": item.date.isoformat(), "label": item.label, "yearly": item.yearly}
            for item in contact.dates
        ],
        "status": contact.status,
        "snooze": contact.snooze.isoformat() if contact.snooze else None,
        "knows": list(contact.knows),
        "private": contact.private,
        "uid": contact.uid,
        "extra": json.loads(json.dumps(contact.extra, default=str)),
        "notes": contact.notes,
        "log": [_entry_json(entry) for entry in contact.log],
    }
    if include_private:
        data["private_notes"] = contact.private_notes
    return data


def _entry_json(entry: LogEntry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "direction": entry.direction,
        "arrow": entry.arrow,
        "channel": entry.channel,
        "text": entry.text,
        "tags": list(entry.tags),
    }


def _text(value: object) -> str | None:
    return None if value is None else str(value)
