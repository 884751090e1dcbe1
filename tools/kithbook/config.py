"""The one configuration: the `kithbook` plugin entry in `mkdocs.yml`, read by the tools and the site.

Every option is declared once in OPTIONS with its default; a missing file or entry means the defaults.
Problems in the entry are reported like contact problems, as `mkdocs.yml:LINE: error: ...`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.hints import did_you_mean
from kithbook.model import Check, Duration, Problem
from kithbook.parse.document import DocumentError, decode
from kithbook.parse.fields import SLUG, FieldReader
from kithbook.parse.yamlnodes import YAMLSyntaxError, compose

CONFIG_FILE = "mkdocs.yml"

DEFAULT_CIRCLES = {
    "close": Duration(3, "w"),
    "friend": Duration(2, "m"),
    "colleague": Duration(3, "m"),
    "network": Duration(6, "m"),
    "acquaintance": Duration(1, "y"),
}
DEFAULT_CHANNELS = ("email", "phone", "video", "message", "social", "in-person", "letter", "event")


@dataclass(frozen=True)
class Config:
    """Settings shared by every tool and the site. Durations are `Duration` values."""

    contacts_dir: str = "contacts"
    circles: dict[str, Duration] = field(default_factory=lambda: dict(DEFAULT_CIRCLES))
    default_cadence: Duration = Duration(6, "m")
    channels: tuple[str, ...] = DEFAULT_CHANNELS
    follow_up_after: Duration = Duration(10, "d")
    follow_ups: int = 1
    lookahead: Duration = Duration(14, "d")
    belated: Duration = Duration(3, "d")
    timely_window: Duration = Duration(30, "d")
    backlog_per_week: int = 5
    duplicate_outreach: Duration = Duration(7, "d")
    phone_region: str | None = None
    max_file_bytes: int = 1_000_000

    def cadence_of_circle(self, circle: str | None) -> Duration:
        return self.circles.get(circle or "", self.default_cadence)


def _duration_option(reader: FieldReader, key: str, node: Node) -> Duration | None:
    value = reader.duration(key, node)
    if value == "never":
        reader.report(node, f"{key}: must be a duration such as 10d, not never", Check.CONFIG)
        return None
    return value


def _circles_option(reader: FieldReader, key: str, node: Node) -> dict[str, Duration] | None:
    entries = reader.mapping(key, node)
    if entries is None:
        return None
    circles: dict[str, Duration] = {}
    for name, name_node, value_node in entries:
        if not SLUG.fullmatch(name):
            reader.report(
                name_node, f"{key}: circle names are lowercase words, found {name!r}", Check.CONFIG
            )
            continue
        value = _duration_option(reader, f"{key}.{name}", value_node)
        if value is not None:
            circles[name] = value
    return circles or None


def _channels_option(reader: FieldReader, key: str, node: Node) -> tuple[str, ...] | None:
    names, _ = reader.text_list(key, node)
    return tuple(name.lower() for name in names) or None


def _count_option(reader: FieldReader, key: str, node: Node) -> int | None:
    return reader.integer(key, node, minimum=0)


def _text_option(reader: FieldReader, key: str, node: Node) -> str | None:
    return reader.text(key, node)


def _region_option(reader: FieldReader, key: str, node: Node) -> str | None:
    value = reader.text(key, node)
    if value is not None and not (len(value) == 2 and value.isalpha()):
        reader.report(
            node, f"{key}: expected a two-letter country code such as GB or US", Check.CONFIG
        )
        return None
    return value.upper() if value else None


OptionReader = Callable[[FieldReader, str, Node], Any]

OPTIONS: dict[str, OptionReader] = {
    "contacts_dir": _text_option,
    "circles": _circles_option,
    "default_cadence": _duration_option,
    "channels": _channels_option,
    "follow_up_after": _duration_option,
    "follow_ups": _count_option,
    "lookahead": _duration_option,
    "belated": _duration_option,
    "timely_window": _duration_option,
    "backlog_per_week": _count_option,
    "duplicate_outreach": _duration_option,
    "phone_region": _region_option,
    "max_file_bytes": _count_option,
}


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """Read the `kithbook` entry of `<root>/mkdocs.yml`; defaults when there is none."""
    path = root / CONFIG_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        message = f"cannot read the file: {error.strerror}"
        return Config(), [Problem(CONFIG_FILE, 1, "error", message, Check.CONFIG)]
    return config_from_bytes(data)


def config_from_bytes(data: bytes) -> tuple[Config, list[Problem]]:
    """The Config in the bytes of an `mkdocs.yml`, read from disk or from a Git commit."""
    try:
        text = decode(data)
    except DocumentError as error:
        return Config(), [Problem(CONFIG_FILE, error.line, "error", error.message, Check.CONFIG)]
    try:
        document = compose(text)
    except YAMLSyntaxError as error:
        message = f"not valid YAML: {error.message}"
        return Config(), [Problem(CONFIG_FILE, error.line + 1, "error", message, Check.CONFIG)]
    return config_from_node(_plugin_entry(document))


def config_from_node(node: Node | None) -> tuple[Config, list[Problem]]:
    """The Config an options mapping describes; unknown or mistyped options become problems."""
    problems: list[Problem] = []
    if node is None or (isinstance(node, ScalarNode) and not node.value):
        return Config(), problems
    reader = FieldReader(CONFIG_FILE, 1, problems)
    entries = reader.mapping("kithbook", node)
    values: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key, key_node, value_node in entries or []:
        if key in first_line:
            reader.report(
                first_line[key],
                f"{key}: written twice (again on line {reader.line(key_node)}); remove one of them",
                Check.CONFIG,
            )
        first_line.setdefault(key, reader.line(key_node))
        option = OPTIONS.get(key)
        if option is None:
            hint = did_you_mean(key, OPTIONS) or f"; known: {', '.join(OPTIONS)}"
            reader.report(key_node, f"kithbook: unknown option {key!r}{hint}", Check.CONFIG)
            continue
        value = option(reader, key, value_node)
        if value is not None:
            values[key] = value
    return replace(Config(), **values), problems


def _plugin_entry(document: Node | None) -> Node | None:
    """The options node of `plugins: [..., kithbook: {...}]`, or None when the entry has none."""
    if not isinstance(document, MappingNode):
        return None
    for key_node, value_node in document.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "plugins":
            if isinstance(value_node, SequenceNode):
                for item in value_node.value:
                    if isinstance(item, MappingNode):
                        for name_node, options in item.value:
                            if name_node.value == "kithbook":
                                return options
            elif isinstance(value_node, MappingNode):
                for name_node, options in value_node.value:
                    if name_node.value == "kithbook":
                        return options
    return None
