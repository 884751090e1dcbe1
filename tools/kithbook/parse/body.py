"""The Markdown body of a contact: the `## Log` entries, the notes, and the `## Private` section.

A log entry is a list item `- YYYY-MM-DD -> email: text` (`->` out, `<-` in, `<->` both ways) or
`- YYYY-MM-DD note: text`; indented lines below an item continue it; `#words` are its tags.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache, partial
from typing import NamedTuple

from kithbook.hints import did_you_mean
from kithbook.model import ARROWS, Check, LogEntry, Problem

_ITEM = re.compile(r"^ {0,3}[-*+][ \t]+(.*)$")
_ITEM_STARTS = frozenset("-*+ ")
_ENTRY = re.compile(
    r"[ \t]*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})[ \t]+"
    r"(?:(?P<arrow><->|->|<-)[ \t]*(?P<channel>[A-Za-z][\w-]*)?|(?P<note>note)\b)"
    r"[ \t]*(?::[ \t]*(?P<text>.*))?$"
)
# The fast path's entry: the text group comes out with its leading space stripped, and its
# trailing space (the same characters: `\s` is `str.isspace`) is stripped after, which is cheaper
# than making the regex stop at the last non-space character.
_SIMPLE_ENTRY = re.compile(
    r"^ {0,3}[-*+][ \t]+(\d{4}-\d\d-\d\d)[ \t]+"
    r"(?:(<->|->|<-)[ \t]*([a-z][a-z-]*)|note)[ \t]*(?::[^\S\n]*(.*))?$",
    re.MULTILINE,
)
_FENCE_LINE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
# \r?: writers look for sections in the text as it is on disk, perhaps with CRLF line breaks
_SECTION_HEADING = re.compile(r"^#{1,2}[ \t]+(.*?)[ \t]*#*[ \t]*\r?$", re.MULTILINE)
_LOOSE_HEADING = re.compile(r" {0,3}#{1,6}(?!#)[ \t]*(.*?)[ \t]*#*[ \t]*\r?")  # one whole line
_SETEXT_TITLE = re.compile(r" {0,3}\S.*")  # one whole line; the next is the underline
_UNDERLINE = re.compile(r" {0,3}[=-]+[ \t]*\r?$", re.MULTILINE)
_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")
_DATED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\b")
_MISSING_COLON = re.compile(
    r"(\d{4}-\d{1,2}-\d{1,2}[ \t]*(?:(?:<->|->|<-)[ \t]*[A-Za-z][\w-]*|note))\s"
)

LOG_TITLE = "log"
PRIVATE_TITLE = "private"
ENTRY_EXAMPLE = "- 2026-11-02 -> email: what happened"


class Body(NamedTuple):
    log: tuple[LogEntry, ...]
    notes: str
    private_notes: str
    problems: tuple[Problem, ...]


def parse_body(body: str, first_line: int, path: str, channels: tuple[str, ...]) -> Body:
    """Split the body into log entries, public notes and private notes; report malformed entries."""
    notes: list[str] = []
    private: list[str] = []
    logs: list[tuple[int, str]] = []
    for kind, start, end in _sections(body):
        text = body[start:end]
        if kind == "notes":
            notes.append(text)
        elif kind == "private":
            private.append(text)
        else:
            logs.append((first_line + body.count("\n", 0, start), text))
    entries = _simple_log(logs, known_channels(channels))
    problems: list[Problem] = []
    if entries is None:
        entries, problems = _careful_log(logs, path, channels)
    return Body(tuple(entries), _joined(notes), _joined(private), tuple(problems))


def _joined(parts: list[str]) -> str:
    """The sections' texts that are not blank, without their blank first and last lines, one
    after the other (most bodies have one notes section and no private one)."""
    if len(parts) == 1:
        return parts[0].strip("\n") if not parts[0].isspace() else ""
    return "\n".join(part.strip("\n") for part in parts if part.strip())


def log_sections(body: str) -> list[tuple[int, int]]:
    """(start, end) spans of the body's `## Log` sections, without their heading lines, exactly as
    the loader finds them; writers (kith log, the merge driver) use the last one. The body may keep
    CRLF line endings (writers edit the text as it is on disk)."""
    return [(start, end) for kind, start, end in _sections(body) if kind == "log"]


def _sections(body: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) spans of the body: `notes` (with their heading), `log` and `private`
    (without it). A level-1 or level-2 heading starts a section; headings in code fences do not."""
    fences = _fenced_spans(body) if ("```" in body or "~~~" in body) else []
    spans: list[tuple[str, int, int]] = []
    kind, start = "notes", 0
    for begin, end, title in _headings(body):
        if fences and any(first <= begin < finish for first, finish in fences):
            continue
        spans.append((kind, start, begin))
        kind = "log" if title == LOG_TITLE else "private" if title == PRIVATE_TITLE else "notes"
        start = begin if kind == "notes" else min(end + 1, len(body))
    spans.append((kind, start, len(body)))
    return spans


def _headings(body: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased title) of the section headings, in order: `# T` and `## T` lines,
    tried only where a line starts with '#' (a regex scan of every character costs five times
    more: a network's bodies run to megabytes), plus every other way Markdown writes a heading
    when its title is Private (see `_private_headings`)."""
    line_starts = [0] if body.startswith("#") else []
    newline = body.find("\n#")
    while newline >= 0:
        line_starts.append(newline + 1)
        newline = body.find("\n#", newline + 1)
    found = []
    for start in line_starts:
        heading = _SECTION_HEADING.match(body, start)
        if heading is not None:
            found.append((heading.start(), heading.end(), heading_title(heading[1])))
    lowered = body.lower()
    if PRIVATE_TITLE in lowered:
        known = {begin for begin, _, _ in found}
        found += [
            heading for heading in _private_headings(body, lowered) if heading[0] not in known
        ]
        found.sort()
    return found


def _private_headings(body: str, lowered: str) -> Iterator[tuple[int, int, str]]:
    """Private headings as Markdown reads them, beyond `## Private`: at any level (`### Private`),
    without the space (`##Private`), indented up to three spaces, with attributes
    (`## Private {#id}`), emphasised, or underlined with `===` or `---` (setext). Failing safe:
    what renders as a Private heading starts a private section. Only the lines holding the word
    are looked at (a regex over every line costs a tenth of a millisecond per body)."""
    if len(lowered) != len(body):  # a few letters change length when lowercased: look everywhere
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in body)
    at = lowered.find(PRIVATE_TITLE)
    while at >= 0:
        start = body.rfind("\n", 0, at) + 1
        end = body.find("\n", at)
        end = len(body) if end < 0 else end
        line = body[start:end]
        atx = _LOOSE_HEADING.fullmatch(line)
        underline = _UNDERLINE.match(body, end + 1) if atx is None else None
        if atx is not None and heading_title(atx[1]) == PRIVATE_TITLE:
            yield start, end, PRIVATE_TITLE
        elif (
            underline is not None
            and _SETEXT_TITLE.fullmatch(line)
            and heading_title(line) == PRIVATE_TITLE
        ):
            yield start, underline.end(), PRIVATE_TITLE
        at = lowered.find(PRIVATE_TITLE, end)


def heading_title(text: str) -> str:
    """A heading's title as its reader sees it: without an attribute list (`{#id .class}`),
    emphasis marks or surrounding space, lowercased."""
    if "{" in text:
        text = _ATTRIBUTES.sub("", text)
    return text.strip().strip("*_`").strip().lower()


def _fenced_spans(body: str) -> list[tuple[int, int]]:
    """Character spans of fenced code blocks (``` or ~~~ lines), an unclosed fence running to the end."""
    marks = [match.start() for match in _FENCE_LINE.finditer(body)]
    marks.append(len(body))
    return list(zip(marks[0::2], marks[1::2]))


def _simple_log(logs: list[tuple[int, str]], channels: dict[str, str]) -> list[LogEntry] | None:
    """The fast path for logs of well-formed one-line entries; None when any line needs more care.

    One regex pass per section, and each step after it a `map` over all its entries at once: a
    network of 10,000 contacts holds 100,000 entries, so every step per entry counts.
    """
    entries: list[LogEntry] = []
    for first, text in logs:
        found = _SIMPLE_ENTRY.findall(text)
        content = text.strip("\n")
        if len(found) == content.count("\n") + 1:  # every line is an entry
            lead = len(text) - len(text.lstrip("\n"))
            numbers: range | list[int] = range(first + lead, first + lead + len(found))
        else:
            lines = enumerate(text.split("\n"), start=first)
            numbers = [number for number, line in lines if line.strip()]
            if len(found) != len(numbers):
                return None
        if not found:
            continue
        days, arrows, channel_names, texts = zip(*found)
        dates = list(map(_date, days))
        unknown_channels = set(channel_names).difference(channels)
        unknown_channels.discard("")
        if None in dates or unknown_channels:
            return None
        entries.extend(
            map(
                _new_entry,
                zip(
                    dates,
                    map(_DIRECTION_OF_ARROW.__getitem__, arrows),
                    map(channels.get, channel_names),  # a note's "" is None
                    map(str.rstrip, texts),
                    numbers,
                ),
            )
        )
    return entries


_DIRECTION_OF_ARROW = {**ARROWS, "": "note"}  # a note has no arrow in the fast path's match
_new_entry = partial(tuple.__new__, LogEntry)  # LogEntry from one tuple of its fields, in C


@lru_cache(maxsize=16)
def known_channels(channels: tuple[str, ...]) -> dict[str, str]:
    """Each channel name to itself: 100,000 entries then share a few strings instead of each
    holding its own copy (4 MB less for 10,000 contacts, and as much less to free). A note's empty
    channel is not in it, so it reads as None."""
    return {channel: channel for channel in channels if channel}


def _careful_log(
    logs: list[tuple[int, str]], path: str, channels: tuple[str, ...]
) -> tuple[list[LogEntry], list[Problem]]:
    """Every log line read one by one: continuation lines, and a problem for each faulty entry."""
    reader = _LogReader(path, channels)
    for first, text in logs:
        for number, line in enumerate(text.split("\n"), start=first):
            reader.add(line, number)
        reader.flush()
    return reader.entries, reader.problems


class _LogReader:
    """Collects each log item with its indented continuation lines, then turns it into a LogEntry."""

    def __init__(self, path: str, channels: tuple[str, ...]) -> None:
        self.path = path
        self.channels = channels
        self.entries: list[LogEntry] = []
        self.problems: list[Problem] = []
        self.pending: list[tuple[int, str]] = []

    def add(self, line: str, number: int) -> None:
        item = _ITEM.match(line) if line[:1] in _ITEM_STARTS else None
        if item and self.pending and line[:1] == " " and not _DATED.match(item[1]):
            self.pending.append((number, line.strip()))  # a nested list item continues the entry
        elif item:
            self.flush()
            self.pending.append((number, item[1]))
        elif not line.strip():
            return
        elif self.pending and line[:1] in (" ", "\t"):
            self.pending.append((number, line.strip()))
        else:
            self.flush()
            self.problems.append(
                Problem(
                    self.path,
                    number,
                    "warning",
                    f"log: this line is not a log entry and is ignored; write entries as '{ENTRY_EXAMPLE}'",
                    Check.LOG,
                )
            )

    def flush(self) -> None:
        if self.pending:
            entry = self._entry()
            if entry is not None:
                self.entries.append(entry)
            self.pending = []

    def _entry(self) -> LogEntry | None:
        number, first = self.pending[0]
        match = _ENTRY.match(first)
        if match is None:
            self._problem(number, _entry_error(first.strip()))
            return None  # an item that is not an entry: reported, and no entry
        try:
            date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            self._problem(
                number, f"log: {match['year']}-{match['month']}-{match['day']} is not a real date"
            )
            return None
        arrow, channel = match["arrow"], match["channel"]
        if arrow and channel is None:
            self._problem(
                number,
                f"log: name the channel after {arrow}, as in '- {date} {arrow} email: ...' "
                f"(one of: {', '.join(self.channels)})",
            )
            return None
        if channel is not None:
            channel = channel.lower()
            if channel not in self.channels:
                self._problem(
                    number,
                    f"log: unknown channel {channel!r}{did_you_mean(channel, self.channels, quoted=True)}; "
                    f"channels are: {', '.join(self.channels)}",
                )
        text = (match["text"] or "").strip()
        if len(self.pending) > 1:
            text = "\n".join([text] + [rest for _, rest in self.pending[1:]]).strip()
        return LogEntry(date, ARROWS[arrow or "note"], channel, text, number)

    def _problem(self, number: int, message: str) -> None:
        """Record an error at line `number` (it returns nothing: callers say what follows)."""
        self.problems.append(Problem(self.path, number, "error", message, Check.LOG))


@lru_cache(maxsize=4096)
def _date(text: str) -> dt.date | None:
    """An ISO date from the fast path (logs repeat the same days across files, hence the cache)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _entry_error(text: str) -> str:
    date = re.match(r"(\d{4}-\d{1,2}-\d{1,2})\s*(\S*)", text)
    if date is None:
        return f"log: an entry starts with its date, as in '{ENTRY_EXAMPLE}'"
    missing_colon = _MISSING_COLON.match(text)
    if missing_colon:
        return f"log: put a ':' before the text, as in '- {missing_colon[1]}: ...'"
    return (
        f"log: after the date write ->, <-, <-> or note, as in '{ENTRY_EXAMPLE}' "
        f"(found {date[2]!r})"
    )
