"""Drafts: a message to a person, for an intent and a channel, from what their file says.

Public API: `draft(contact, intent, channel, today, config, *, people, templates) -> Draft`,
`Draft` (subject, body, text, facts used, `to_json`), `INTENTS`, `KINDS`, `channel_kind`,
`intent_for(item)` (the intent a due item calls for), `day_variants(items)` (different wordings
for the people due on one day), `default_channel(contact)`, `mailto(...)`,
`Templates` (shipped templates, overridden by the network's `templates/`), `DraftError`.
Pure: the clock, the files and the clipboard belong to `kith draft`.
"""

from __future__ import annotations

from kithbook.drafts.choose import day_variants, default_channel, intent_for
from kithbook.drafts.render import (
    INTENTS,
    KINDS,
    Draft,
    DraftError,
    Templates,
    channel_kind,
    draft,
    mailto,
)

__all__ = [
    "INTENTS",
    "KINDS",
    "Draft",
    "DraftError",
    "Templates",
    "channel_kind",
    "day_variants",
    "default_channel",
    "draft",
    "intent_for",
    "mailto",
]
