"""The due list for people: a table grouped by kind, with what you need before writing to someone.

`rich_table` draws it in colour for a terminal; `plain_table` writes aligned text for pipes.
Both show, per contact, the reason, the preferred channel and address, the last interaction, any
other reasons and the goals; then one summary line.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from kithbook.rules.due import KINDS, DueItem, DueList, history
from kithbook.rules.phrases import first_words, short_date

if TYPE_CHECKING:
    from rich.console import Console

HEADINGS = {
    "follow-up": "Follow up",
    "occasion": "Occasions",
    "timely": "Timely",
    "reconnect": "Reconnect",
    "backlog": "Backlog: this week's picks",
}
NAME_WIDTH = 26


def summary_line(due: DueList, items: list[DueItem]) -> str:
    """`4 due, 1 coming up, 1 snoozed, 5 awaiting reply` (and how many were left out for errors)."""
    coming = sum(item.upcoming for item in items)
    text = f"{len(items) - coming} due"
    if coming:
        text += f", {coming} coming up"
    text += f", {due.snoozed} snoozed, {due.awaiting_reply} awaiting reply"
    if due.left_out:
        text += f"; {due.left_out} left out until their errors are fixed"
    return text


def reach(item: DueItem) -> str:
    """The preferred channel and the first address to use: `email · ada@example.org`."""
    contact = item.contact
    address = next(iter(contact.emails), None)
    if contact.channel in ("phone", "message", "video") and contact.phones:
        address = contact.phones[0]
    address = address or next(iter(contact.phones), None)
    parts = [part for part in (contact.channel, address) if part]
    return " · ".join(parts) if parts else "no channel or address yet"


def last_interaction(item: DueItem, today: dt.date) -> str | None:
    """`12 Aug -> email: Thanked her, shared it with...`: what was said last, to pick up from."""
    entries = history(item.contact, today)
    if not entries:
        return None
    last = entries[-1]
    text = first_words(last.text, 60)
    return f"{short_date(last.date, today)} {last.arrow} {last.channel}" + (
        f": {text}" if text else ""
    )


def details(item: DueItem, today: dt.date) -> Iterator[tuple[str, str]]:
    """(label, text) lines shown under a contact's reason."""
    yield "reach", reach(item)
    last = last_interaction(item, today)
    if last:
        yield "last", last
    for other in item.other_reasons:
        yield "also", other
    for goal in item.contact.goals:
        yield "goal", first_words(goal, 80)


def groups(items: tuple[DueItem, ...] | list[DueItem]) -> Iterator[tuple[str, list[DueItem]]]:
    """(kind, items) in KINDS order, skipping empty kinds."""
    for kind in KINDS:
        members = [item for item in items if item.kind == kind]
        if members:
            yield kind, members


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` terminal columns."""
    return text + " " * max(width - display_width(text), 0)


def plain_table(due: DueList, items: list[DueItem], stream: IO[str]) -> None:
    """Aligned text: a heading per kind, the name and reason on one line, details indented below."""
    width = min(max((display_width(item.name) for item in items), default=0), NAME_WIDTH)
    for index, (kind, members) in enumerate(groups(items)):
        if index:
            stream.write("\n")
        stream.write(f"{HEADINGS[kind]} ({len(members)})\n")
        for item in members:
            stream.write(f"  {pad(item.name, width)}  {item.reason}\n")
            for label, text in details(item, due.today):
                stream.write(f"  {'':<{width}}    {label:<5}  {text}\n")
    if not items:
        stream.write("Nobody is due today.\n")
    stream.write(f"\n{summary_line(due, items)}\n")


def rich_table(due: DueList, items: list[DueItem], console: Console) -> None:
    """A coloured table per kind for a terminal."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for index, (kind, members) in enumerate(groups(items)):
        if index:
            console.print()
        table = Table(
            title=f"{HEADINGS[kind]} ({len(members)})",
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            expand=True,
            show_edge=False,
        )
        table.add_column("Who", style="bold", ratio=2, no_wrap=False)
        table.add_column("Why", ratio=4)
        table.add_column("Before you write", ratio=4, style="dim")
        for item in members:
            who = Text(item.name, style="bold")
            who.append(f"\n{reach(item)}", style="cyan")
            why = Text(item.reason)
            for other in item.other_reasons:
                why.append(f"\nalso: {other}", style="italic")
            context = Text()
            for label, text in details(item, due.today):
                if label in ("last", "goal"):
                    context.append(f"{label}: {text}\n")
            context.rstrip()
            table.add_row(who, why, context)
        console.print(table)
    if not items:
        console.print("Nobody is due today.", style="green")
    console.print(summary_line(due, items), style="bold")
