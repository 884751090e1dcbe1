"""The parsed network: contacts, their log entries, and the problems found while reading them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from kithbook.config import Config

Severity = Literal["error", "warning"]
Direction = Literal["out", "in", "both", "note"]

ARROWS: dict[str, Direction] = {"->": "out", "<-": "in", "<->": "both", "note": "note"}
ARROW_OF: dict[Direction, str] = {direction: arrow for arrow, direction in ARROWS.items()}

STATUSES = ("active", "paused", "declined", "archived")


class Check(str, Enum):
    """The kind of a problem, by name: `kith validate --check NAME` selects one, JSON shows the name.

    Problems found while loading carry the names from `file` to `config`; `rules.validate.CHECKS`
    runs the rest (and `unknown-key` again, for typos of known keys). A `str`, so a name compares, hashes and
    prints as its text."""

    FILE = "file"
    CONFLICT = "conflict"
    FRONT_MATTER = "front-matter"
    YAML = "yaml"
    SLUG = "slug"
    DUPLICATE_KEY = "duplicate-key"
    REQUIRED = "required"
    TYPE = "type"
    QUOTE = "quote"
    DATE = "date"
    DURATION = "duration"
    TAGS = "tags"
    UNKNOWN_KEY = "unknown-key"
    LOG = "log"
    CONFIG = "config"
    EMAIL = "email"
    PHONE = "phone"
    CHOICES = "choices"
    DUPLICATE_EMAIL = "duplicate-email"
    REFERENCE = "reference"
    FUTURE_DATE = "future-date"
    WRITE = "write"  # the write service's own refusals (a link, a file changed meanwhile, ...)
    EDIT = "edit"  # an edit that cannot be made safely: edit the file by hand

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    def __hash__(self) -> int:  # as its text: `Check.LOG in {"log"}`, as `"log" in {Check.LOG}`
        return hash(self.value)


CHECK_NAMES = tuple(sorted(c.value for c in Check if c not in (Check.WRITE, Check.EDIT)))
"""The names `kith validate --check` takes: every check but the write service's own."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a line, said so a person can fix it."""

    path: str
    line: int
    severity: Severity
    message: str
    check: Check
    column: int | None = field(default=None, compare=False)
    """1-based, where the YAML parser knows it: a value's problem, a key's, a syntax error."""

    def __str__(self) -> str:
        if self.column is None:
            return f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "check": self.check,
            "message": self.message,
        }


@dataclass(frozen=True)
class Duration:
    """A cadence or window such as `10d`, `6w`, `3m`, `1y`; months and years are calendar ones."""

    amount: int
    unit: Literal["d", "w", "m", "y"]

    @property
    def days(self) -> int:
        """Approximate length in days, for ranking and display (3m = 90, 1y = 365)."""
        return self.amount * {"d": 1, "w": 7, "m": 30, "y": 365}[self.unit]

    def after(self, start: dt.date) -> dt.date:
        """The date this long after `start`; 31 Jan + 1m is 28 (or 29) Feb. Saturates at date.max."""
        try:
            if self.unit in ("d", "w"):
                return start + dt.timedelta(days=self.days)
            return add_months(start, self.amount if self.unit == "m" else 12 * self.amount)
        except (OverflowError, ValueError):
            return dt.date.max

    def before(self, end: dt.date) -> dt.date:
        """The date this long before `end`. Saturates at date.min."""
        try:
            if self.unit in ("d", "w"):
                return end - dt.timedelta(days=self.days)
            return add_months(end, -(self.amount if self.unit == "m" else 12 * self.amount))
        except (OverflowError, ValueError):
            return dt.date.min

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


_HASH_TAG = re.compile(r"#(?<![\w&#/]#)([^\W\d_][\w-]*)")


def hash_tags(text: str) -> tuple[str, ...]:
    """`#words` that start a word (not `&#38;`, `a#b` or a URL fragment), lowercased, once each."""
    return tuple({tag.lower(): None for tag in _HASH_TAG.findall(text)})


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic that clamps the day to the target month's length."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(start.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


@dataclass(frozen=True)
class MonthDay:
    """A birthday or yearly date; `year` is None when written as `--MM-DD`."""

    month: int
    day: int
    year: int | None = None

    def in_year(self, year: int) -> dt.date:
        """This date in `year`; 29 February falls on 28 February in other years."""
        if self.month == 2 and self.day == 29 and days_in_month(year, 2) == 28:
            return dt.date(year, 2, 28)
        return dt.date(year, self.month, self.day)

    def next_on_or_after(self, day: dt.date) -> dt.date:
        """The first occurrence on or after `day`."""
        this_year = self.in_year(day.year)
        return this_year if this_year >= day else self.in_year(day.year + 1)

    def last_on_or_before(self, day: dt.date) -> dt.date:
        """The latest occurrence on or before `day`."""
        this_year = self.in_year(day.year)
        return this_year if this_year <= day else self.in_year(day.year - 1)

    def age_on(self, day: dt.date) -> int | None:
        """Years completed on `day`, when the year is known."""
        if self.year is None:
            return None
        return day.year - self.year - (1 if (day.month, day.day) < (self.month, self.day) else 0)

    def __str__(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Met:
    """How you met: when (`date` may be a year or year-month: `precision` says), where, via whom."""

    date: dt.date | None = None
    precision: Literal["day", "month", "year"] = "day"
    where: str | None = None
    via: str | None = None
    via_line: int = 0

    @property
    def date_text(self) -> str | None:
        if self.date is None:
            return None
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@dataclass(frozen=True)
class LifeDate:
    """An entry of `dates`: an anniversary (`yearly`) or a one-off life event."""

    date: dt.date
    label: str
    yearly: bool
    line: int

    @property
    def month_day(self) -> MonthDay:
        return MonthDay(self.date.month, self.date.day, self.date.year)


class LogEntry(NamedTuple):
    """One interaction from the `## Log` section (a named tuple: a log can hold 100,000 of them)."""

    date: dt.date
    direction: Direction
    channel: str | None
    text: str
    line: int

    @property
    def tags(self) -> tuple[str, ...]:
        """The entry's `#words`, found when asked for: few readers need them, and every load would
        otherwise pay for all 100,000 of a large network's entries."""
        return hash_tags(self.text) if "#" in self.text else ()

    @property
    def arrow(self) -> str:
        return ARROW_OF[self.direction]

    @property
    def is_contact(self) -> bool:
        """Notes are things learned without talking; everything else is contact."""
        return self.direction != "note"


KeyKind = Literal[
    "text",
    "word",
    "texts",
    "slugs",
    "tags",
    "links",
    "met",
    "dates",
    "duration",
    "month-day",
    "date",
    "flag",
]


class ContactKey(NamedTuple):
    """What a known front-matter key holds (its `kind`, which says how it is read and written),
    and whether an import keeps it as written (`kept`): Kithbook's own keys, which only its exports
    carry, and the uid; an import adds them to an existing file only where it has none."""

    kind: KeyKind
    kept: bool = False


CONTACT_KEYS: dict[str, ContactKey] = {
    "name": ContactKey("text"),
    "aka": ContactKey("texts"),
    "emails": ContactKey("texts"),
    "phones": ContactKey("texts"),
    "links": ContactKey("links"),
    "company": ContactKey("text"),
    "role": ContactKey("text"),
    "location": ContactKey("text"),
    "tags": ContactKey("tags"),
    "circle": ContactKey("word", kept=True),
    "cadence": ContactKey("duration", kept=True),
    "channel": ContactKey("word", kept=True),
    "met": ContactKey("met"),
    "memories": ContactKey("texts", kept=True),
    "goals": ContactKey("texts", kept=True),
    "birthday": ContactKey("month-day"),
    "dates": ContactKey("dates"),
    "status": ContactKey("word", kept=True),
    "snooze": ContactKey("date", kept=True),
    "knows": ContactKey("slugs", kept=True),
    "private": ContactKey("flag", kept=True),
    "uid": ContactKey("text", kept=True),
}
"""The keys a contact file may hold, declared once, in the order `Contact`, the loader and the JSON
export give them (`docs/format.md` describes each). Kinds: `text` and `word` (a circle, channel or
status, read as the word written) are one value; `texts`, `slugs` (lowercased) and `tags` are lists;
`links` and `met` are mappings; `dates` a list of entries; `duration`, `month-day`, `date` and
`flag` (true or false) are what they say."""

ONE_VALUE_KINDS = ("text", "word", "duration", "date")
"""The kinds whose value is one piece of text in every format (a duration or date as written)."""
KEPT_KEYS = tuple(key for key, spec in CONTACT_KEYS.items() if spec.kept)


@dataclass(slots=True)
class Contact:
    """One person, as read from `contacts/<slug>.md`. Fields that failed to parse are left empty.
    Each key of `CONTACT_KEYS` is a field of the same name (a `cadence: never` sets
    `cadence_never` instead); the rest is the file's body and where each value was written."""

    slug: str
    path: str
    name: str
    aka: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: dict[str, str] = field(default_factory=dict)
    company: str | None = None
    role: str | None = None
    location: str | None = None
    tags: tuple[str, ...] = ()
    circle: str | None = None
    cadence: Duration | None = None
    cadence_never: bool = False
    channel: str | None = None
    met: Met | None = None
    memories: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    birthday: MonthDay | None = None
    dates: tuple[LifeDate, ...] = ()
    status: str = "active"
    snooze: dt.date | None = None
    knows: tuple[str, ...] = ()
    private: bool = False
    uid: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    log: tuple[LogEntry, ...] = ()
    body: str = ""
    notes: str = ""
    private_notes: str = ""
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    body_line: int = 1

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or of the front matter's start when the key is absent."""
        return self.lines.get(key, 1)

    @property
    def cadence_text(self) -> str | None:
        """The cadence as the file writes it (`never`, or a duration such as `6w`), None if unset."""
        if self.cadence_never:
            return "never"
        return None if self.cadence is None else str(self.cadence)

    @property
    def contacts(self) -> tuple[LogEntry, ...]:
        """Log entries that are real contact (not notes), oldest first."""
        return tuple(entry for entry in self.log if entry.is_contact)

    def last_contact_on(self, day: dt.date) -> LogEntry | None:
        """The latest `->`, `<-` or `<->` entry on or before `day` (later ones have not happened
        yet); on a tie, the one written last in the file."""
        best: LogEntry | None = None
        for entry in self.log:
            if entry.is_contact and entry.date <= day and (best is None or entry.date >= best.date):
                best = entry
        return best


@dataclass
class Network:
    """Everything read from one network's root folder: config, contacts (by slug) and problems."""

    root: Path
    config: Config
    contacts: list[Contact]
    problems: list[Problem]
    # Files the loader could not read as a contact whose text says `private`: the public view
    # (kithbook.public) never names them.
    private_unreadable: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_slug: dict[str, Contact] = {contact.slug: contact for contact in self.contacts}

    def get(self, slug: str) -> Contact | None:
        return self.by_slug.get(slug)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]
