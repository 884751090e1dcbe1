"""The contact a person means on the command line: a slug, a unique prefix, a name or an alias."""

from __future__ import annotations

from dataclasses import dataclass

from kithbook.importers.matching import name_keys
from kithbook.model import Contact, Network


@dataclass(frozen=True)
class Lookup:
    """The contacts a query matched at its best rule (several means ambiguous), and that rule."""

    contacts: tuple[Contact, ...]
    rule: str


def find_contacts(network: Network, query: str) -> Lookup:
    """Exact slug, then name or alias (case, accents and word order aside), then slug prefix."""
    text = query.strip()
    exact = network.get(text.lower())
    if exact is not None:
        return Lookup((exact,), "slug")
    keys = name_keys(text)
    named = tuple(
        contact
        for contact in network.contacts
        if keys & {key for name in (contact.name, *contact.aka) for key in name_keys(name)}
    )
    if named:
        return Lookup(named, "name")
    prefix = text.lower()
    started = tuple(
        contact for contact in network.contacts if prefix and contact.slug.startswith(prefix)
    )
    return Lookup(started, "prefix")
