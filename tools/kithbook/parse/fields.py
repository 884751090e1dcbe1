"""Typed readers for YAML values: text, lists, dates, durations, booleans, each reporting problems.

A `FieldReader` turns one node into the value a key promises, or records a Problem at the node's line
and returns None. Both contact files and the `kithbook` config in `mkdocs.yml` are read with it, so
`3m`, a date or a quoted number mean the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.model import Check, Duration, MonthDay, Problem, Severity
from kithbook.parse.yamlnodes import (
    BOOL,
    INT,
    KIND_NAMES,
    NULL,
    STR,
    TIMESTAMP,
    InvalidDate,
    kind_name,
    line_of,
    parse_iso_date,
    scalar_value,
)

_DURATION = re.compile(r"(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)", re.IGNORECASE)
_MONTH_DAY = re.compile(r"--(\d{1,2})-(\d{1,2})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
MIN_YEAR = 1000  # dates before this are typos (0000, 0201), and year 0 does not exist in Python
MAX_DURATION_DAYS = 36_500  # a cadence longer than 100 years is a typo; `never` says it better
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def parse_duration(text: str) -> Duration | Literal["never"] | None:
    """`10d`, `6w`, `3m`, `1y` (or `3 months`), `never`; None when the text is not a duration."""
    cleaned = text.strip().lower()
    if cleaned == "never":
        return "never"
    match = _DURATION.fullmatch(cleaned)
    if not match or int(match[1]) == 0:
        return None
    duration = Duration(int(match[1]), match[2][0])  # type: ignore[arg-type]
    return duration if duration.days <= MAX_DURATION_DAYS else None


def quote_hint(key: str, node: ScalarNode) -> str:
    """The fix for a value YAML typed as something other than text: show it quoted."""
    return f'put it in quotes: {key}: "{node.value}"'


class FieldReader:
    """Reads values of one file and collects the problems, each at the right line of the file."""

    def __init__(self, path: str, line_offset: int, problems: list[Problem]) -> None:
        self.path = path
        self.line_offset = line_offset
        self.problems = problems

    def line(self, node: Node) -> int:
        return line_of(node) + self.line_offset

    def report(
        self, node: Node | int, message: str, check: Check, severity: Severity = "error"
    ) -> None:
        """A problem at the node's line and column, or at a line given as a number."""
        if isinstance(node, int):
            self.problems.append(Problem(self.path, node, severity, message, check))
            return
        column = node.start_mark.column + 1
        self.problems.append(Problem(self.path, self.line(node), severity, message, check, column))

    def text(self, key: str, node: Node, *, required: bool = False) -> str | None:
        """A piece of text. `No`, `2024` or `1990-01-01` written bare are errors: YAML types them."""
        if not isinstance(node, ScalarNode):
            self.report(node, f"{key}: expected text, found {kind_name(node)}", Check.TYPE)
            return None
        if node.tag == STR:
            value = node.value.strip()
            if value:
                return value
        elif node.tag not in KIND_NAMES or node.style in ("'", '"'):
            # `!foo bar`, `!!binary ...`; a quoted value typed otherwise can only be `!!int "12"`
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            written = f'"{node.value}"' if node.style in ("'", '"') else node.value
            fix = f"write {key}: {written}" if node.value else "write the value without it"
            self.report(node, f"{key}: remove the YAML tag {tag}; {fix}", Check.QUOTE)
            return node.value or None
        elif node.tag != NULL:
            shown = scalar_value(node)
            if isinstance(shown, bool):
                what = f"YAML reads {node.value} as {str(shown).lower()}, not text"
            elif isinstance(shown, (int, float)) and str(shown) != node.value:
                what = f"YAML reads {node.value} as the number {shown}, not text"
            else:
                what = f"YAML reads {node.value} as {kind_name(node)}, not text"
            self.report(node, f"{key}: {what}; {quote_hint(key, node)}", Check.QUOTE)
            return node.value
        if required:
            self.report(node, f"{key}: must not be empty", Check.REQUIRED)
        return None

    def text_list(self, key: str, node: Node) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """A list of texts with each item's line; a single text counts as a list of one."""
        items = node.value if type(node) is SequenceNode else self.items(key, node)
        texts: list[str] = []
        lines: list[int] = []
        offset = self.line_offset
        for item in items:
            if type(item) is ScalarNode and item.tag == STR:  # plain text: `text`'s first case
                value: str | None = item.value.strip() or None
            else:
                value = self.text(key, item)
            if value is not None:
                texts.append(value)
                lines.append(item.start_mark.line + offset)
        return tuple(texts), tuple(lines)

    def items(self, key: str, node: Node) -> list[Node]:
        """The nodes of a list value; a scalar is a list of one, an empty value an empty list."""
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode):
            return (
                [] if node.tag == NULL or (node.tag == STR and not node.value.strip()) else [node]
            )
        self.report(node, f"{key}: expected a list, found a mapping", Check.TYPE)
        return []

    def mapping(self, key: str, node: Node) -> list[tuple[str, Node, Node]] | None:
        """(key text, key node, value node) for each entry of a mapping value."""
        if isinstance(node, MappingNode):
            return [
                (str(k.value) if isinstance(k, ScalarNode) else "", k, v) for k, v in node.value
            ]
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        self.report(
            node,
            f"{key}: expected a mapping (key: value lines), found {kind_name(node)}",
            Check.TYPE,
        )
        return None

    def boolean(self, key: str, node: Node) -> bool | None:
        if (
            isinstance(node, ScalarNode)
            and node.tag == BOOL
            and isinstance(scalar_value(node), bool)
        ):
            return scalar_value(node)
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return None
        self.report(node, f"{key}: expected true or false, found {_shown(node)}", Check.TYPE)
        return None

    def integer(self, key: str, node: Node, *, minimum: int = 0) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == INT:
            value = scalar_value(node)
            if isinstance(value, int) and value >= minimum:
                return value
        self.report(
            node,
            f"{key}: expected a whole number of at least {minimum}, found {_shown(node)}",
            Check.TYPE,
        )
        return None

    def date(self, key: str, node: Node) -> dt.date | None:
        """A calendar date written `YYYY-MM-DD` (bare or quoted)."""
        if not isinstance(node, ScalarNode):
            self.report(
                node, f"{key}: expected a date YYYY-MM-DD, found {kind_name(node)}", Check.DATE
            )
            return None
        if node.tag == TIMESTAMP:
            value = scalar_value(node)
            if isinstance(value, InvalidDate):
                self.report(node, f"{key}: {node.value} is not a real date", Check.DATE)
                return None
            return value.date() if isinstance(value, dt.datetime) else value
        if node.tag == NULL:
            return None
        parsed = parse_iso_date(node.value)
        if parsed is None:
            if re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", node.value):
                self.report(node, f"{key}: {node.value.strip()} is not a real date", Check.DATE)
            else:
                self.report(
                    node, f"{key}: expected a date YYYY-MM-DD, found {_shown(node)}", Check.DATE
                )
        return parsed

    def month_day(self, key: str, node: Node) -> MonthDay | None:
        """A birthday: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown."""
        if isinstance(node, ScalarNode) and node.tag == STR:
            match = _MONTH_DAY.fullmatch(node.value.strip())
            if match:
                month, day = int(match[1]), int(match[2])
                try:
                    dt.date(2000, month, day)  # a leap year, so --02-29 is fine
                except ValueError:
                    self.report(node, f"{key}: {node.value.strip()} is not a real date", Check.DATE)
                    return None
                return MonthDay(month, day)
        typed_as_text = isinstance(node, ScalarNode) and node.tag not in (TIMESTAMP, NULL)
        if typed_as_text and not _looks_like_date(node.value):
            self.report(
                node,
                f"{key}: expected YYYY-MM-DD, or --MM-DD when the year is unknown, found {_shown(node)}",
                Check.DATE,
            )
            return None
        value = self.date(key, node)
        return None if value is None else MonthDay(value.month, value.day, value.year)

    def partial_date(
        self, key: str, node: Node
    ) -> tuple[dt.date, Literal["day", "month", "year"]] | None:
        """A date that may be only a year (`2019`) or a month (`2019-06`), as for `met.date`."""
        if isinstance(node, ScalarNode) and node.tag in (INT, STR):
            text = node.value.strip()
            if re.fullmatch(r"\d{4}", text) and int(text) >= MIN_YEAR:
                return dt.date(int(text), 1, 1), "year"
            match = _YEAR_MONTH.fullmatch(text)
            if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= MIN_YEAR:
                return dt.date(int(match[1]), int(match[2]), 1), "month"
            if re.fullmatch(r"\d{4}(-\d{1,2})?", text):
                self.report(node, f"{key}: {text} is not a real date", Check.DATE)
                return None
            if node.tag == INT or not _looks_like_date(text):
                self.report(
                    node,
                    f"{key}: expected YYYY-MM-DD, YYYY-MM or YYYY, found {_shown(node)}",
                    Check.DATE,
                )
                return None
        value = self.date(key, node)
        return None if value is None else (value, "day")

    def duration(self, key: str, node: Node) -> Duration | Literal["never"] | None:
        if isinstance(node, ScalarNode) and node.tag == STR:
            value = parse_duration(node.value)
            if value is not None:
                return value
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return None
        hint = (
            f" (did you mean {node.value}d?)"
            if isinstance(node, ScalarNode) and node.tag == INT
            else ""
        )
        if isinstance(node, ScalarNode) and _DURATION.fullmatch(node.value.strip().lower()):
            hint = " (at most 100 years)"
        self.report(
            node,
            f"{key}: expected a duration such as 10d, 6w, 3m, 1y or never, found {_shown(node)}{hint}",
            Check.DURATION,
        )
        return None


def _looks_like_date(text: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", text))


def _shown(node: Node) -> str:
    if isinstance(node, ScalarNode):
        if node.tag == NULL:
            return "nothing"
        return repr(node.value) if node.tag == STR else node.value
    return kind_name(node)
