"""YAML as nodes: compose with the C parser, keep every key's line, turn nodes into values safely.

Contacts are read from the node tree rather than from `yaml.load` so that each value keeps its line,
its text as written, and the type YAML 1.1 would have given it (`No` -> false, `0123` -> 83).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.errors import KithbookError

_Loader: Any  # one of two loader classes, chosen at import
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same results
    _Loader = yaml.SafeLoader

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"

KIND_NAMES = {
    NULL: "an empty value",
    BOOL: "a yes/no value",
    INT: "a number",
    FLOAT: "a number",
    TIMESTAMP: "a date",
}

MAX_NODES = 20_000
MAX_DEPTH = 100  # far below Python's recursion limit, far above any real contact file

_constructor = yaml.constructor.SafeConstructor()
# YAML 1.1 also breaks lines at NEL, LS and PS; editors do not, so lines would be miscounted and a
# pasted U+2028 inside a value would split it. They are read as spaces.
_BREAKS_ONLY_TO_YAML = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


# PyYAML's resolver tries regexes by a scalar's first character; these characters start none of its
# implicit types. The shortcuts below hold while its tables have no wildcard entry and no path
# resolvers, as they have none unless a program registers some (tests/test_yamlnodes.py checks).
_TYPED_FIRST = frozenset(key for key in _Loader.yaml_implicit_resolvers if key)
_SHORTCUT = None not in _Loader.yaml_implicit_resolvers and not _Loader.yaml_path_resolvers
_resolve_by_regex = _Loader.resolve
_TYPED_TAGS: dict[str, str] = {}  # plain scalars that may be typed (`2024`, `+44 20 ...`) -> tag
# A day written YYYY-MM-DD matches PyYAML's timestamp pattern and neither its int nor its float one.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Composer(_Loader):
    """libyaml's parser with PyYAML's resolver, minus work that cannot change a contact file's tags.

    The C composer calls the resolver for every node. A list or mapping gets its default tag, and
    so does a quoted scalar; plain text whose first character starts no implicit type (`Ada`,
    `email`) is text; a day written `YYYY-MM-DD` is a timestamp; the rest are resolved by PyYAML and
    remembered. Same tags (the tests compare them on generated YAML), a third of the time.
    """

    if _SHORTCUT:

        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if not implicit[0] or (value and value[0] not in _TYPED_FIRST):
                    return STR
                tag = _TYPED_TAGS.get(value)
                if tag is None and _ISO_DAY.fullmatch(value):  # `1963-09-12`: every one differs
                    return TIMESTAMP
                if tag is None:
                    if len(_TYPED_TAGS) >= 4096:
                        _TYPED_TAGS.clear()
                    tag = _TYPED_TAGS[value] = _resolve_by_regex(self, kind, value, implicit)
                return tag
            return SEQ if kind is SequenceNode else MAP

        # Called for every node too; PyYAML's versions only keep the path resolvers' state. With
        # none registered they do nothing, so C functions that ignore their arguments stand in:
        # a Python call per node would cost 0.07 s for 10,000 contacts.
        descend_resolver = operator.is_  # (parent, index) -> unused bool
        ascend_resolver = tuple  # () -> unused empty tuple


class YAMLSyntaxError(KithbookError):
    """The text is not YAML; `line` is 0-based within the YAML text, like PyYAML's marks, and
    `column` 1-based, when the parser knows it."""

    def __init__(self, line: int, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.column = column


class TooComplex(KithbookError):
    """The YAML expands to more values than a contact file could sensibly hold (an alias bomb)."""

    def __init__(self, line: int) -> None:
        super().__init__("too many values")
        self.line = line


class InvalidDate:
    """A value YAML took for a date that is not one, such as `2025-13-01`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"InvalidDate({self.text!r})"


def compose(text: str) -> Node | None:
    """Parse YAML text into a node tree; raises YAMLSyntaxError with the line of the fault."""
    try:
        if not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text):
            text = text.translate(_BREAKS_ONLY_TO_YAML)
        return yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at_end = mark is not None and mark.index >= len(text.rstrip())
        opened = _OPENED.get(error.context or "")
        if error.context_mark is not None and (at_end or opened or error.context == _SIMPLE_KEY):
            mark = error.context_mark  # point at what was left open, or at the key missing its ':'
        line = mark.line if mark is not None else 0
        column = mark.column + 1 if mark is not None else None
        what = error.problem or "not valid YAML"
        if error.context and "while" not in error.context:
            what = f"{error.context}, {what}"
        if opened:
            what = f"{what}; the {opened} opened on this line is not closed"
        hinted = _with_hint(what, text.split("\n")[line : line + 1])
        raise YAMLSyntaxError(line, hinted, column) from None
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        position = getattr(error, "position", 0) or 0
        problem = _with_hint(_first_line(str(error)), [])
        raise YAMLSyntaxError(text.count("\n", 0, position), problem) from None
    except RecursionError:
        raise YAMLSyntaxError(0, "the YAML is nested too deeply") from None


_SIMPLE_KEY = "while scanning a simple key"
_OPENED = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}
_HINTS = {
    "mapping values are not allowed": "a value containing ': ' must be put in quotes; "
    "otherwise check this line's indentation",
    "cannot start any token": "a value starting with @, ` or % must be put in quotes",
    "could not find expected ':'": "write 'key: value', with a colon and a space",
    "unexpected end of stream": "a quote opened on this line is never closed",
    "control characters are not allowed": "delete it (most editors do not show it)",
    "did not find expected key": "check this line's indentation; a value that starts with a "
    "quote or a bracket must be quoted as a whole",
    "expected '-' indicator": "check this line's indentation: it is inside the list above",
    "expected alphabetic or numeric character": "a value starting with & or * must be put in "
    "quotes",
    "unknown escape character": "in double quotes a backslash starts an escape; use single quotes",
    "block sequence entries are not allowed": "start the list on the next line, or quote the value",
}


def _with_hint(problem: str, lines: list[str]) -> str:
    """libyaml's phrase followed by what to do about the most common causes."""
    leading = lines[0][: len(lines[0]) - len(lines[0].lstrip())] if lines else ""
    if "\t" in leading:
        return f"{problem}; indent with spaces, not tabs"
    for phrase, hint in _HINTS.items():
        if phrase in problem:
            return f"{problem}; {hint}"
    return problem


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "not valid YAML"


def line_of(node: Node) -> int:
    """0-based line where a node starts."""
    return node.start_mark.line


def scalar_value(node: ScalarNode) -> Any:
    """The value YAML 1.1 gives a scalar: str, int, float, bool, None, date, or InvalidDate."""
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == NULL:
        return None
    if tag == TIMESTAMP:
        return _timestamp(node)
    if tag in (BOOL, INT, FLOAT):
        try:
            return _CONSTRUCT[tag](node)
        except (ValueError, KeyError, IndexError):  # `!!bool maybe`, `!!int ""`, 5000 digits
            return node.value
    return node.value


def _timestamp(node: ScalarNode) -> dt.date | dt.datetime | InvalidDate:
    if (
        len(node.value) == 10 and node.value[4:5] == "-"
    ):  # YYYY-MM-DD: datetime's C parser is 20x faster
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            return InvalidDate(node.value)
    try:
        return _constructor.construct_yaml_timestamp(node)
    except (ValueError, OverflowError, AttributeError):  # AttributeError: `!!timestamp abc`
        return InvalidDate(node.value)


_CONSTRUCT = {
    BOOL: _constructor.construct_yaml_bool,
    INT: _constructor.construct_yaml_int,
    FLOAT: _constructor.construct_yaml_float,
}


def to_python(node: Node, budget: list[int] | None = None, depth: int = 0) -> Any:
    """Any node as plain Python values (for keys Kithbook does not know); mapping keys are always
    text, so the values can go to JSON; bounded in size and depth."""
    if budget is None:
        budget = [MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise TooComplex(line_of(node))
    if isinstance(node, ScalarNode):
        value = scalar_value(node)
        return value.text if isinstance(value, InvalidDate) else value
    if isinstance(node, SequenceNode):
        return [to_python(item, budget, depth + 1) for item in node.value]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:  # keys as written: `2024-01-01:` is "2024-01-01"
            key = (
                key_text(key_node)
                if isinstance(key_node, ScalarNode)
                else str(to_python(key_node, budget, depth + 1))
            )
            result[key] = to_python(value_node, budget, depth + 1)
        return result
    return None


def count_nodes(node: Node, budget: int = MAX_NODES) -> int:
    """How many nodes the tree expands to, following aliases; stops counting past `budget`."""
    stack = [node]
    seen = 0
    while stack and seen <= budget:
        current = stack.pop()
        seen += 1
        if isinstance(current, SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, MappingNode):
            for key_node, value_node in current.value:
                stack.append(key_node)
                stack.append(value_node)
    return seen


def key_text(node: Node) -> str:
    """A mapping key as text, whatever YAML took it for (`yes:` is the key 'yes')."""
    if isinstance(node, ScalarNode):
        return node.value
    return "<complex key>"


def kind_name(node: Node) -> str:
    """How a node reads in a message: 'a list', 'a mapping', 'a number', ..."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return KIND_NAMES.get(node.tag, "text")


def parse_iso_date(text: str) -> dt.date | None:
    """`YYYY-MM-DD` (also with one-digit month or day) as a date, or None when it is not a real date."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
