"""Values written as YAML text that reads back as the same value: plain when safe, quoted otherwise.

Used by every writer (`kith new`, `kith set`, importers), so that `No`, `null`, `2024-01-01`, `0123`
or text holding `: #` quotes or newlines are never taken by YAML for another type or for syntax.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode

from kithbook.errors import KithbookError
from kithbook.parse.yamlnodes import YAMLSyntaxError, compose

STR = "tag:yaml.org,2002:str"

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = set(",[]{}?")  # PyYAML's pure-Python parser rejects a ? inside a flow list
_NEEDS_ESCAPE = re.compile(  # not printable in YAML, a line break YAML would fold, a BOM, " or \\
    '[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|["\\\\]'
)
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_resolver = yaml.resolver.Resolver()


class YAMLValueError(KithbookError, ValueError):
    """The value has no safe YAML form in a contact file (a nested structure, an object, ...)."""


def yaml_scalar(value: Any, *, flow: bool = False) -> str:
    """`value` as one YAML scalar that reads back as exactly `value`; `flow` inside [...]/{...}."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dt.datetime):
        raise YAMLValueError("a date and time cannot be written; give a date (YYYY-MM-DD)")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if is_plain_safe(value, flow=flow) else double_quoted(value)
    raise YAMLValueError(f"a {type(value).__name__} cannot be written as a single YAML value")


@functools.lru_cache(maxsize=4096)  # an import writes the same company or place many times
def is_plain_safe(text: str, *, flow: bool = False) -> bool:
    """True when `text` written bare reads back as the same text (not a number, date or syntax)."""
    if not text or text != text.strip() or _NEEDS_ESCAPE.search(text):
        return False
    if text[0] in _INDICATORS or text.startswith(("---", "...")):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(char in _FLOW_INDICATORS for char in text):
        return False
    if _resolver.resolve(yaml.ScalarNode, text, (True, False)) != STR:
        return False
    return _reads_back(text, flow)


def _reads_back(text: str, flow: bool) -> bool:
    """The last guard: compose the value in its context, as the loader would, and compare."""
    source = f"k: [{text}]\n" if flow else f"k: {text}\n"
    try:
        node = compose(source)
    except YAMLSyntaxError:
        return False
    if not isinstance(node, MappingNode):
        return False
    value = node.value[0][1]
    if flow:
        if len(value.value) != 1:
            return False
        value = value.value[0]
    return isinstance(value, yaml.ScalarNode) and value.tag == STR and value.value == text


def double_quoted(text: str) -> str:
    """A YAML double-quoted scalar; every character YAML would not keep as written is escaped."""
    return '"' + _NEEDS_ESCAPE.sub(lambda match: _escape(match[0]), text) + '"'


def single_quoted(text: str) -> str | None:
    """A YAML single-quoted scalar, or None when the text holds characters only "..." can escape."""
    if any(match[0] not in '"\\' for match in _NEEDS_ESCAPE.finditer(text)):
        return None
    return "'" + text.replace("'", "''") + "'"


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = mantissa if "." in mantissa else mantissa + ".0"
        sign = "" if exponent.startswith(("-", "+")) else "+"
        text = f"{mantissa}e{sign}{exponent}"
    return text


def flow_list(items: list[Any] | tuple[Any, ...]) -> str:
    """A one-line YAML list `[a, "b: c"]` of scalars."""
    return "[" + ", ".join(yaml_scalar(item, flow=True) for item in items) + "]"
