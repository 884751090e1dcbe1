"""The network in other tools' formats: `vcard` (4.0 or 3.0), `vdir` (a folder of vCards),
`csv_file`, `json_file` (everything, for `kith import`), `calendar` (iCalendar: the due list and
the coming year's occasions) and `digest` (the due list as a message); `select_contacts` picks
what an export holds, leaving private contacts out unless asked."""

from __future__ import annotations

from kithbook.model import Contact, Network
from kithbook.public import public_contacts


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
