"""The network as vCards, 4.0 or 3.0 (via vobject), which phones and address books read.

A pure function of the loaded contacts. A card imports back to the same contact (`kith import`):
what a vCard has no property for is kept in `X-KITHBOOK-...` properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import vobject
from vobject.vcard import Address, Name

from kithbook.model import Contact

VCARD_VERSIONS = ("4.0", "3.0")
APPLE_OMITTED_YEAR = 1604
KITHBOOK_UID = "kithbook:"
_URL = re.compile(r"[a-z][a-z0-9+.-]*:\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)


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
    single = [
        ("circle", contact.circle),
        ("cadence", contact.cadence_text),
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
