"""Today's plan for people: the plan first, one line counting the rest, then what is coming up.

`rich_table` draws it in colour for a terminal; `plain_table` writes aligned text for pipes. Both
show, per contact, the reason, the preferred channel and address, the last interaction, any other
reasons and the goals; then one summary line. An address is never cut: when it does not fit beside
its label it goes on a line of its own, whole.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from kithbook.rules.due import KINDS, DueItem, DueList, history
from kithbook.rules.phrases import first_words, plural, short_date

if TYPE_CHECKING:
    from rich.console import Console

KIND_NOUNS = {
    "follow-up": "follow-up",
    "occasion": "occasion",
    "timely": "timely reason",
    "reconnect": "reconnect",
    "backlog": "backlog pick",
}
NAME_WIDTH = 26
LABEL_WIDTH = 5
URGENT_MARK = "cannot wait"


def summary_line(due: DueList, items: list[DueItem]) -> str:
    """`20 due, 3 in today's plan, 1 falling due soon, 1 snoozed, 5 awaiting reply` (and how many
    were left out for errors)."""
    coming = sum(item.upcoming for item in items)
    planned = sum(item.plan for item in items)
    text = f"{len(items) - coming} due"
    if planned:
        text += f", {planned} in today's plan"
    if coming:
        text += f", {coming} falling due soon"
    text += f", {due.snoozed} snoozed, {due.awaiting_reply} awaiting reply"
    if due.left_out:
        text += f"; {due.left_out} left out until their errors are fixed"
    return text


def plan_heading(due: DueList, plan: list[DueItem]) -> str:
    """`Today's plan (3)`, saying so when what cannot wait takes it over the budget."""
    text = f"Today's plan ({len(plan)})"
    if len(plan) > due.per_day:
        text += f": {len(plan) - due.per_day} over the budget of {due.per_day}, as they cannot wait"
    return text


def also_line(rest: list[DueItem]) -> str | None:
    """`also overdue: 42 reconnects, 3 follow-ups; kith due --all`, or None when nothing else."""
    counts = [(kind, sum(item.kind == kind for item in rest)) for kind in KINDS]
    parts = [plural(count, KIND_NOUNS[kind]) for kind, count in counts if count]
    if not parts:
        return None
    return f"also overdue: {', '.join(parts)}; {ALL_HINT}"


ALL_HINT = "kith due --all"


def nobody_line(due: DueList, items: list[DueItem]) -> str | None:
    """None when some item due today is shown; else whether nobody is due at all or only nobody
    the filters (--kind, --tag, --circle) kept."""
    if any(not item.upcoming for item in items):
        return None
    everyone = sum(not item.upcoming for item in due.items)
    if everyone:
        return f"Nobody due today matches these filters ({everyone} due in all: kith due)."
    return "Nobody is due today."


def also_lines(line: str, width: int) -> list[str]:
    """The also line as it fits `width`: when it does not, the command goes on a line of its own
    so that wrapping never splits `kith due --all` in two."""
    if display_width(line) <= width or not line.endswith("; " + ALL_HINT):
        return [line]
    return [line[: -len(ALL_HINT) - 1], ALL_HINT]


def reach(item: DueItem) -> str:
    """The preferred channel and the first address to use: `email · ada@example.org`."""
    channel, address = reach_parts(item)
    parts = [part for part in (channel, address) if part]
    return " · ".join(parts) if parts else "no channel or address yet"


def reach_parts(item: DueItem) -> tuple[str | None, str | None]:
    """(channel, address): the phone for phone, message or video when there is one, else an e-mail."""
    contact = item.contact
    address = next(iter(contact.emails), None)
    if contact.channel in ("phone", "message", "video") and contact.phones:
        address = contact.phones[0]
    return contact.channel, address or next(iter(contact.phones), None)


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
    if item.note:
        yield "note", item.note


def sections(
    due: DueList, items: list[DueItem], show_all: bool
) -> Iterator[tuple[str, list[DueItem]]]:
    """(heading, items) of the table: the plan, with --all everything else due (notes included),
    and what falls due soon (--upcoming)."""
    plan = [item for item in items if item.plan]
    rest = [item for item in items if not item.plan and not item.upcoming]
    soon = [item for item in items if item.upcoming]
    if plan:
        yield plan_heading(due, plan), plan
    if show_all and rest:
        yield f"Also due ({len(rest)})", rest
    if soon:
        yield f"Falling due soon ({len(soon)})", soon


def notes(items: list[DueItem]) -> list[DueItem]:
    """Items kept out of the plan with a note (a birthday while two messages are unanswered)."""
    return [item for item in items if item.note and not item.plan and not item.upcoming]


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` terminal columns."""
    return text + " " * max(width - display_width(text), 0)


def _reason(item: DueItem) -> str:
    return f"{item.reason} [{URGENT_MARK}]" if item.urgent and item.plan else item.reason


def plain_table(
    due: DueList,
    items: list[DueItem],
    stream: IO[str],
    *,
    show_all: bool = False,
    coming_up: list[DueItem] | None = None,
) -> None:
    """Aligned text: the plan with the name and reason on one line and details indented below,
    then the count of the rest, the notes and the occasions coming up. Never wrapped: a pipe has
    no width."""
    shown = [item for part in sections(due, items, show_all) for item in part[1]]
    width = min(max((display_width(item.name) for item in shown), default=0), NAME_WIDTH)
    blocks: list[list[str]] = []
    for heading, members in sections(due, items, show_all):
        lines = [heading]
        for item in members:
            lines.append(f"  {pad(item.name, width)}  {_reason(item)}")
            for label, text in details(item, due.today):
                lines.append(f"  {'':<{width}}    {label:<{LABEL_WIDTH}}  {text}")
        blocks.append(lines)
    nobody = nobody_line(due, items)
    if nobody:
        blocks.append([nobody])
    rest = [item for item in items if not item.plan and not item.upcoming]
    tail: list[str] = []
    if not show_all:
        line = also_line([item for item in rest if not item.note])
        if line:
            tail.append(line)
        tail += [f"note: {item.name}: {item.reason}; {item.note}" for item in notes(items)]
    if tail:
        blocks.append(tail)
    coming = _coming(due, items, coming_up)
    if coming:
        lines = [f"Coming up ({len(coming)})"]
        day_width = max(len(short_date(item.due, due.today)) for item in coming)
        name_width = min(max(display_width(item.name) for item in coming), NAME_WIDTH)
        for item in coming:
            day = short_date(item.due, due.today)
            lines.append(f"  {day:<{day_width}}  {pad(item.name, name_width)}  {item.reason}")
        blocks.append(lines)
    blocks.append([summary_line(due, items)])
    stream.write("\n\n".join("\n".join(block) for block in blocks) + "\n")


def _coming(due: DueList, items: list[DueItem], coming_up: list[DueItem] | None) -> list[DueItem]:
    """The occasions coming up (those the filters kept), less those already listed as falling due
    soon (--upcoming)."""
    listed = {(item.slug, item.due) for item in items if item.upcoming}
    found = list(due.coming_up) if coming_up is None else coming_up
    return [item for item in found if (item.slug, item.due) not in listed]


def rich_table(
    due: DueList,
    items: list[DueItem],
    console: Console,
    *,
    show_all: bool = False,
    coming_up: list[DueItem] | None = None,
) -> None:
    """The same in colour for a terminal of any width: reasons wrap under themselves, and an
    address too long to share a line with its label gets a line of its own, never cut."""
    from rich.table import Table
    from rich.text import Text

    width = console.width
    first = True
    for heading, members in sections(due, items, show_all):
        if not first:
            console.print()
        first = False
        console.print(Text(heading, style="bold"))
        names = max(display_width(item.name) for item in members)
        name_width = min(names, NAME_WIDTH, max(width // 3, 8))
        for item in members:
            row = Table.grid(padding=(0, 2))
            row.add_column(width=name_width, overflow="fold")
            row.add_column(overflow="fold")
            why = Text(item.reason)
            if item.urgent and item.plan:
                why.append(f" [{URGENT_MARK}]", style="bold red")
            row.add_row(Text(item.name, style="bold"), why)
            console.print(row)
            _rich_details(item, due.today, console)
    nobody = nobody_line(due, items)
    if nobody:
        console.print(nobody, style="green")
    rest = [item for item in items if not item.plan and not item.upcoming]
    if not show_all:
        line = also_line([item for item in rest if not item.note])
        if line:
            console.print()
            for part in also_lines(line, width):
                console.print(Text(part, style="dim"))
        for item in notes(items):
            console.print(Text(f"note: {item.name}: {item.reason}; {item.note}", style="yellow"))
    coming = _coming(due, items, coming_up)
    if coming:
        console.print()
        console.print(Text(f"Coming up ({len(coming)})", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(max_width=min(NAME_WIDTH, max(width // 3, 8)), overflow="fold")
        grid.add_column(overflow="fold")
        for item in coming:
            grid.add_row(
                short_date(item.due, due.today), Text(item.name, style="bold"), item.reason
            )
        console.print(grid)
    console.print()
    console.print(summary_line(due, items), style="bold")


def _rich_details(item: DueItem, today: dt.date, console: Console) -> None:
    """The lines under a reason, indented; the reach line never cuts the address."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    indent = 4
    rows: list[tuple[str, Text]] = []

    def flush() -> None:
        if rows:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(no_wrap=True, width=LABEL_WIDTH, style="dim")
            grid.add_column(overflow="fold")
            for label, text in rows:
                grid.add_row(label, text)
            console.print(Padding(grid, (0, 0, 0, indent)))
            rows.clear()

    room = console.width - indent - LABEL_WIDTH - 2
    for label, text in details(item, today):
        if label == "reach":
            channel, address = reach_parts(item)
            if address and display_width(text) > room:
                rows.append((label, Text(channel or "address:", style="cyan")))
                flush()
                console.print(Text(f"  {address}", style="cyan"), soft_wrap=True)
                continue
            rows.append((label, Text(text, style="cyan")))
            continue
        style = "yellow" if label == "note" else "italic" if label == "also" else ""
        rows.append((label, Text(text, style=style)))
    flush()
