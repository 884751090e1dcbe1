"""Drafts: a message to a person, for an intent and a channel, from what their file says.

Public API: `draft(contact, intent, channel, today, config, *, people, templates, variant)`
returning a `Draft` (subject, body, text, the facts used, `to_json`); `INTENTS`, `KINDS`,
`channel_kind`; `intent_for(item)` (the intent a due item calls for), `due_item(due, slug)` (a
person's item of the day), `day_variants(items)` (different wordings for the people due on one
day), `default_channel(contact)`; `mailto(...)`; `Templates` (the shipped templates, overridden by
the network's `templates/`); `DraftError`. Pure: the clock, files and clipboard belong to the CLI.
"""

from __future__ import annotations

from kithbook.drafts.choose import day_variants, default_channel, due_item, intent_for
from kithbook.drafts.environment import DraftError, Templates
from kithbook.drafts.mailto import mailto
from kithbook.drafts.render import INTENTS, KINDS, Draft, channel_kind, draft

__all__ = [
    "INTENTS",
    "KINDS",
    "Draft",
    "DraftError",
    "Templates",
    "channel_kind",
    "day_variants",
    "default_channel",
    "due_item",
    "draft",
    "intent_for",
    "mailto",
]
