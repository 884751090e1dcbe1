"""What an importer produces: candidate contacts, each with its source line, and problems.

A candidate holds plain values in the terms of the contact format (emails, links by label, a
MonthDay birthday); it is not yet a file. The import plan decides whether it becomes
a new file or a merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kithbook.model import Met, MonthDay, Severity


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


@dataclass(frozen=True)
class SourceProblem:
    """Something wrong with one record or field of the import file, at its line there."""

    line: int
    severity: Severity
    message: str

    def render(self, source: str) -> str:
        return f"{source}:{self.line}: {self.severity}: {self.message}"


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
