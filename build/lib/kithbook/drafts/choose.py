"""Which draft a person needs: the intent their due reason calls for, and the channel to use."""

from __future__ import annotations

from collections.abc import Iterable

from kithbook.model import Contact
from kithbook.rules.due import DueItem, DueList

KIND_INTENTS = {
    "follow-up": "follow-up",
    "timely": "congrats",
    "reconnect": "catch-up",
    "backlog": "catch-up",
}


def intent_for(item: DueItem | None) -> str:
    """The intent of a due item: a birthday wish, congratulations on a life event or anniversary,
    a friendly follow-up, or a catch-up (a long silence, an old contact from the backlog). An old
    contact with goals and no log gets an offer: the best way to start (as `kith suggest` says)."""
    if item is None:
        return "catch-up"
    if item.kind == "occasion":
        return "birthday" if item.reason.startswith("birthday") else "congrats"
    if item.kind == "backlog" and item.contact.goals:
        return "offer"
    return KIND_INTENTS.get(item.kind, "catch-up")


def default_channel(contact: Contact) -> str:
    """The person's preferred channel, else e-mail when there is an address, else a message when
    there is a phone number, else e-mail."""
    if contact.channel:
        return contact.channel
    if not contact.emails and contact.phones:
        return "message"
    return "email"


def due_item(due: DueList, slug: str) -> DueItem | None:
    """The person's item of the day: due today, else an occasion coming up (a birthday in three
    days calls for a birthday draft, not a catch-up)."""
    for item in (*due.items, *due.coming_up):
        if item.slug == slug:
            return item
    return None


def day_variants(items: Iterable[DueItem]) -> dict[str, int]:
    """Each due person's wording number: their place among the day's people with the same intent,
    so that the first few of them never share a sentence (each `pick` has 2 to 6 wordings).
    Private contacts are numbered after the others, so the site (which leaves them out) and the
    command line give everyone else the same wording."""
    seen: dict[str, int] = {}
    variants: dict[str, int] = {}
    ordered = sorted(items, key=lambda item: item.contact.private)  # stable: plan order kept
    for item in ordered:
        if item.slug in variants:
            continue
        intent = intent_for(item)
        variants[item.slug] = seen.get(intent, 0)
        seen[intent] = variants[item.slug] + 1
    return variants
