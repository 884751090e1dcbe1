"""Adding one line to the `## Log` section of a contact file's text, leaving other bytes alone."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from kithbook.config import DEFAULT_CHANNELS
from kithbook.model import ARROW_OF, Direction, LogEntry
from kithbook.parse.body import log_sections, parse_body
from kithbook.write.text import EditError, Text, old_mac_as_lf

LOG_ITEM = re.compile(r"^ {0,3}[-*+][ \t]")  # a list item: a log entry's first line
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


def format_log_line(date: dt.date, direction: Direction, channel: str | None, text: str) -> str:
    """`- 2026-11-02 -> email: text` (or `- 2026-11-02 note: text`); the text is one line."""
    if "\n" in text or "\r" in text:
        raise EditError("a log entry is one line; remove the line breaks from its text")
    if direction == "note":
        head = f"- {date.isoformat()} note"
    elif not channel:
        raise EditError("a log entry needs a channel, such as email")
    else:
        head = f"- {date.isoformat()} {ARROW_OF[direction]} {channel}"
    return f"{head}: {text.strip()}" if text.strip() else head


@old_mac_as_lf
def append_log_entry(text: str, line: str, channels: tuple[str, ...] = DEFAULT_CHANNELS) -> str:
    """Append `line` at the end of the (last) `## Log` section; create the section if missing.
    Entries are read with the network's `channels`, as the loader reads them."""
    line = line.strip()
    if not line.startswith(("- ", "* ", "+ ")):
        line = f"- {line}"
    expected = _entry_of(line, channels)
    parts = Text.parse(text)
    body = parts.body
    eol = parts.eol
    found = _log_section_end(body)
    if found is None:
        body = _with_new_section(body, line, eol, ends_line=parts.fence.endswith("\n"))
    else:
        section_end, bullet = found
        line = bullet + line[1:]
        body = _inserted(body, section_end, line, eol)
    result = parts.with_body(body)
    _verify(text, result, expected, channels)
    return result


def _inserted(body: str, section_end: int, line: str, eol: str) -> str:
    if body[:section_end].endswith("\n"):
        return body[:section_end] + line + eol + body[section_end:]
    return body[:section_end] + eol + line + body[section_end:]  # the file ends without a newline


def _with_new_section(body: str, line: str, eol: str, *, ends_line: bool) -> str:
    """The body with `## Log` and the entry added at its end; a final newline only if it had one."""
    if not body:
        return f"{eol}## Log{eol}{line}{eol}" if ends_line else f"{eol}{eol}## Log{eol}{line}"
    if not body.endswith("\n"):
        return f"{body}{eol}{eol}## Log{eol}{line}"
    last_line_blank = body.endswith(("\n\n", "\n\r\n")) or not body.strip("\r\n")
    return f"{body}{'' if last_line_blank else eol}## Log{eol}{line}{eol}"


def _log_section_end(body: str) -> tuple[int, str] | None:
    """Where a new entry goes (after the last log section's last entry) and the bullet it uses;
    None when the body has no log section. The sections are the loader's (`body.log_sections`);
    a code block in the section is passed over, never written into."""
    sections = log_sections(body)
    if not sections:
        return None
    start, end = sections[-1]
    found, in_item, in_fence = (start, "-"), False, False
    position = start
    for raw in _LINE.findall(body[start:end]):
        line = raw.rstrip("\r\n")
        position += len(raw)
        if _FENCE.match(line):
            in_fence, in_item = not in_fence, False
            continue
        if in_fence or not line.strip():
            continue
        if LOG_ITEM.match(line):
            in_item = True
            found = (position, line.lstrip()[0])
        elif in_item and line[:1] in (" ", "\t"):
            found = (position, found[1])
        else:
            in_item = False
    return found


def _entry_of(line: str, channels: tuple[str, ...]) -> tuple[dt.date, str, str | None, str]:
    body = parse_body(f"## Log\n{line}\n", 1, "entry", channels)
    if len(body.log) != 1 or "\n" in line:
        example = "- 2026-11-02 -> email: what happened"
        raise EditError(f"not a log entry: {line!r}; write it as '{example}'")
    return _key(body.log[0])


def _key(entry: LogEntry) -> tuple[dt.date, str, str | None, str]:
    return entry.date, entry.direction, entry.channel, entry.text


def _verify(
    before: str,
    after: str,
    expected: tuple[dt.date, str, str | None, str],
    channels: tuple[str, ...],
) -> None:
    """The new text has exactly the old entries plus the new one, and the same front matter."""
    old_parts, new_parts = Text.parse(before), Text.parse(after)
    if old_parts.front_matter != new_parts.front_matter:
        raise EditError("the log edit touched the front matter; nothing was written")
    old = Counter(_key(entry) for entry in _log(old_parts.body, channels))
    new = Counter(_key(entry) for entry in _log(new_parts.body, channels))
    if new - old != Counter([expected]) or old - new:
        raise EditError("the new log line would not read back as one entry; add it by hand")


def _log(body: str, channels: tuple[str, ...]) -> tuple[LogEntry, ...]:
    return parse_body(body.replace("\r\n", "\n"), 1, "entry", channels).log
