"""Today's plan as one short message (a title and plain-text lines) for `kith notify`. Pure.

The message goes to another host (a mail server, ntfy, Matrix...), so private contacts are left
out unless asked for, and it says no more than the due list does: a name and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kithbook.rules.due import DueItem, DueList


@dataclass(frozen=True)
class Digest:
    """The message: a title, a body of one line per person, and how many people it names."""

    title: str
    body: str
    count: int


def todays_items(due: DueList) -> tuple[DueItem, ...]:
    """The items for today's message: the day's plan (`per_day` people, the most urgent first)."""
    return due.plan


def build_digest(
    items: Iterable[DueItem], today: dt.date, *, include_private: bool = False
) -> Digest | None:
    """The message for `today`, or None when nobody is due (nothing to send)."""
    chosen = [item for item in items if include_private or not item.contact.private]
    if not chosen:
        return None
    people = "person" if len(chosen) == 1 else "people"
    title = f"Kithbook: {len(chosen)} {people} to reach out to on {today.isoformat()}"
    lines = []
    for item in chosen:
        channel = f" ({item.contact.channel})" if item.contact.channel else ""
        lines.append(f"- {item.name}{channel}: {item.reason}")
        lines.extend(f"    also: {other}" for other in item.other_reasons)
    lines.append("")
    lines.append("`kith due` shows the whole list.")
    return Digest(title, "\n".join(lines), len(chosen))
