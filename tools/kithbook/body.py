"""The Markdown body of a contact: the `## Log` entries, the notes, and the `## Private` section.

A log entry is a list item `- YYYY-MM-DD -> email: text` (`->` out, `<-` in, `<->` both ways) or
`- YYYY-MM-DD note: text`; indented lines below an item continue it; `#words` are its tags.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kithbook.model import ARROWS, LogEntry, Problem

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ITEM = re.compile(r"^ {0,3}[-*+][ \t]+(.*)$")
_ENTRY = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})[ \t]+"
    r"(?:(?P<arrow><->|->|<-)[ \t]*(?P<channel>[A-Za-z][\w-]*)?|(?P<note>note)\b)"
    r"[ \t]*(?::[ \t]*(?P<text>.*))?$"
)
_TAG = re.compile(r"(?<![\w&#/])#([^\W\d_][\w-]*)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")

LOG_TITLE = "log"
PRIVATE_TITLE = "private"
ENTRY_EXAMPLE = "- 2026-11-02 -> email: what happened"


@dataclass(frozen=True)
class Body:
    log: tuple[LogEntry, ...]
    notes: str
    private_notes: str
    problems: tuple[Problem, ...]


def parse_body(body: str, first_line: int, path: str, channels: tuple[str, ...]) -> Body:
    """Split the body into log entries, public notes and private notes; report malformed entries."""
    reader = _LogReader(path, channels)
    notes: list[str] = []
    private: list[str] = []
    section = "notes"
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading and len(heading[1]) <= 2:
            reader.flush()
            section = {LOG_TITLE: "log", PRIVATE_TITLE: "private"}.get(heading[2].strip().lower(), "notes")
            if section == "notes":
                notes.append(line)
        elif section == "notes":
            notes.append(line)
        elif section == "private":
            private.append(line)
        else:
            reader.add(line, number)
    reader.flush()
    return Body(
        tuple(reader.entries),
        "\n".join(notes).strip("\n"),
        "\n".join(private).strip("\n"),
        tuple(reader.problems),
    )


class _LogReader:
    """Collects the lines of each log item (with its indented continuations) into LogEntry values."""

    def __init__(self, path: str, channels: tuple[str, ...]) -> None:
        self.path = path
        self.channels = channels
        self.entries: list[LogEntry] = []
        self.problems: list[Problem] = []
        self.pending: list[tuple[int, str]] = []

    def add(self, line: str, number: int) -> None:
        item = _ITEM.match(line)
        if item:
            self.flush()
            self.pending.append((number, item[1]))
        elif not line.strip():
            return
        elif self.pending and line[:1] in (" ", "\t"):
            self.pending.append((number, line.strip()))
        else:
            self.flush()
            self.problems.append(Problem(
                self.path, number, "warning",
                f"log: this line is not a log entry and is ignored; write entries as '{ENTRY_EXAMPLE}'",
                "log"))

    def flush(self) -> None:
        if self.pending:
            entry = _entry(self.pending, self.path, self.channels, self.problems)
            if entry is not None:
                self.entries.append(entry)
            self.pending = []


def _entry(pending: list[tuple[int, str]], path: str, channels: tuple[str, ...],
           problems: list[Problem]) -> LogEntry | None:
    number, first = pending[0]
    match = _ENTRY.match(first.strip())
    if match is None:
        problems.append(Problem(path, number, "error", _entry_error(first.strip()), "log"))
        return None
    try:
        year, month, day = (int(part) for part in match["date"].split("-"))
        date = dt.date(year, month, day)
    except ValueError:
        problems.append(Problem(path, number, "error", f"log: {match['date']} is not a real date", "log"))
        return None
    direction = ARROWS[match["arrow"] or "note"]
    channel = match["channel"].lower() if match["channel"] else None
    if match["arrow"] and channel is None:
        problems.append(Problem(
            path, number, "error",
            f"log: name the channel after {match['arrow']}, as in '- {match['date']} {match['arrow']} "
            f"email: ...' (one of: {', '.join(channels)})", "log"))
        return None
    if channel is not None and channel not in channels:
        problems.append(Problem(
            path, number, "error",
            f"log: unknown channel {channel!r}{_did_you_mean(channel, channels)}; "
            f"channels are: {', '.join(channels)}", "log"))
    text = "\n".join([match["text"] or ""] + [rest for _, rest in pending[1:]]).strip()
    tags = tuple(dict.fromkeys(tag.lower() for tag in _TAG.findall(text)))
    return LogEntry(date, direction, channel, text, tags, number)


def _entry_error(text: str) -> str:
    date = re.match(r"(\d{4}-\d{1,2}-\d{1,2})\s*(\S*)", text)
    if date is None:
        return f"log: an entry starts with its date, as in '{ENTRY_EXAMPLE}'"
    return (
        f"log: after the date write ->, <-, <-> or note, as in '{ENTRY_EXAMPLE}' "
        f"(found {date[2]!r})"
    )


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
