"""What an importer produces: candidate contacts, each with its source line, and problems.

A candidate holds plain values in the terms of the contact format (emails, links by label, a
MonthDay birthday); it is not yet a file. The import plan decides whether it becomes
a new file or a merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kithbook.model import KEPT_KEYS, Met, MonthDay, Severity


@dataclass
class Candidate:
    """One person read from an import file; `line` is where the record starts in that file."""

    line: int
    name: str = ""
    aka: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    company: str | None = None
    role: str | None = None
    location: str | None = None
    birthday: MonthDay | None = None
    met: Met | None = None
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    uid: str | None = None  # the vCard UID, matched before anything else
    slug: str | None = None  # the slug a Kithbook export gave, kept for a new file when free
    circle: str | None = None
    cadence: str | None = None
    channel: str | None = None
    status: str | None = None
    snooze: str | None = None
    private: bool = False
    # Kithbook's own keys, rare in other files: empty tuples until `items_of` makes them lists,
    # so that 10,000 LinkedIn rows do not carry 50,000 empty lists for the cycle collector to scan.
    knows: Sequence[str] = ()
    goals: Sequence[str] = ()
    memories: Sequence[str] = ()
    dates: Sequence[dict[str, object]] = ()
    log: Sequence[str] = ()  # log entry lines, as written in `## Log`
    private_notes: str = ""  # the `## Private` section (a JSON export made with --include-private)
    value_lines: dict[tuple[str, str], int] | None = None

    def items_of(self, key: str) -> list[Any]:
        """The list of `key` (knows, goals, memories, dates, log), to add to."""
        items = getattr(self, key)
        if not isinstance(items, list):
            items = list(items)
            setattr(self, key, items)
        return items

    def note_line(self, key: str, value: str, line: int) -> None:
        """Remember the source line of one value, so a warning about it points there."""
        if self.value_lines is None:
            self.value_lines = {}
        self.value_lines.setdefault((key, value), line)

    def line_of(self, key: str, value: str) -> int:
        """The source line of one value; the record's first line when it was not noted."""
        return (self.value_lines or {}).get((key, value), self.line)

    def has_kithbook_keys(self) -> bool:
        """Whether the record carries any key only Kithbook's own exports (or a UID) give: the kept
        keys of `model.CONTACT_KEYS`."""
        return any(getattr(self, key) for key in KEPT_KEYS)

    def fill_name(self) -> str | None:
        """Give a record whose name is empty or only punctuation the name of its organisation,
        e-mail address or phone number; the one it took ("organisation", ...), None if none."""
        if has_letters(self.name):
            return "name"
        for source, value in (
            ("organisation", self.company),
            ("e-mail address", self.emails[0] if self.emails else None),
            ("phone number", self.phones[0] if self.phones else None),
        ):
            if value and has_letters(value):
                self.name = value
                return source
        return None


def has_letters(text: str | None) -> bool:
    """Whether a name has a letter or digit (`-`, `.` or `()` alone name no one)."""
    return bool(text) and any(char.isalnum() for char in text or "")


@dataclass(frozen=True)
class SourceProblem:
    """Something wrong with one record or field of the import file, at its line there."""

    line: int
    severity: Severity
    message: str
    left_out: bool = False  # the whole record was left out (reported, not an error)
    file: str | None = None  # the file inside a vdir folder

    def render(self, source: str) -> str:
        where = f"{source}/{self.file}" if self.file else source
        return f"{where}:{self.line}: {self.severity}: {self.message}"


@dataclass
class ParsedSource:
    """Everything read from one import file: its format, the candidates and the problems."""

    format: str
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        self.problems.append(SourceProblem(line, "error", message))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(SourceProblem(line, "warning", message))

    def leave_out(self, line: int, message: str) -> None:
        """A record that is normal in such files but names no one: reported, not an error."""
        self.problems.append(SourceProblem(line, "warning", message, left_out=True))
