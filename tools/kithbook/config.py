"""The one configuration: the `kithbook` plugin entry in `mkdocs.yml`, read by the tools and the site.

Every option is declared once, as a field of `Config` with its default, reader and meaning; `OPTIONS`
(the reader of each name) is made from it. A missing file or entry means the defaults.
Problems in the entry are reported like contact problems, as `mkdocs.yml:LINE: error: ...`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
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


def _urls_option(reader: FieldReader, key: str, node: Node) -> tuple[str, ...] | None:
    urls, _ = reader.text_list(key, node)
    return tuple(urls) or None


def _count_option(reader: FieldReader, key: str, node: Node) -> int | None:
    return reader.integer(key, node, minimum=0)


def _positive_option(reader: FieldReader, key: str, node: Node) -> int | None:
    return reader.integer(key, node, minimum=1)


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


def option(default: Any, read: OptionReader, doc: str) -> Any:
    """Declare one option: its default, the reader that checks a written value, what it means."""
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata={"read": read, "doc": doc})
    return field(default=default, metadata={"read": read, "doc": doc})


@dataclass(frozen=True)
class Config:
    """Settings shared by every tool and the site; each option declared once, here, with its
    default and reader (as MkDocs declares its options). Durations are `Duration` values."""

    contacts_dir: str = option("contacts", _text_option, "the folder of contact files")
    circles: dict[str, Duration] = option(
        DEFAULT_CIRCLES, _circles_option, "circle name: cadence, as close: 3w"
    )
    default_cadence: Duration = option(
        Duration(6, "m"), _duration_option, "for contacts with no cadence and no circle"
    )
    channels: tuple[str, ...] = option(
        DEFAULT_CHANNELS, _channels_option, "the channels a log entry may name"
    )
    follow_up_after: Duration = option(
        Duration(10, "d"), _duration_option, "silence after my -> before a follow-up is due"
    )
    follow_ups: int = option(1, _count_option, "nudges before Kithbook stops asking")
    lookahead: Duration = option(
        Duration(14, "d"), _duration_option, "how far ahead birthdays and yearly dates show"
    )
    belated: Duration = option(
        Duration(3, "d"), _duration_option, "a missed birthday still shows this long"
    )
    timely_window: Duration = option(
        Duration(30, "d"), _duration_option, "how long a new job or move stays a reason"
    )
    backlog_per_week: int = option(5, _count_option, "never-contacted people suggested per week")
    per_day: int = option(3, _positive_option, "people in today's plan (kith due)")
    duplicate_outreach: Duration = option(
        Duration(7, "d"), _duration_option, "kith log warns when you reached out this recently"
    )
    phone_region: str | None = option(
        None, _region_option, "check local numbers against this country's plan"
    )
    max_file_bytes: int = option(
        1_000_000, _count_option, "a larger contact file is reported, not read"
    )
    user_name: str | None = option(
        None, _text_option, "the sign-off of kith draft's drafts; no name, no sign-off name"
    )
    notify: tuple[str, ...] = option(
        (), _urls_option, "apprise URLs kith notify sends today's plan to"
    )

    def cadence_of_circle(self, circle: str | None) -> Duration:
        return self.circles.get(circle or "", self.default_cadence)


OPTIONS: dict[str, OptionReader] = {
    option.name: option.metadata["read"] for option in fields(Config)
}
"""Each option's reader, by name: made from Config, so an option cannot be declared in one only."""


MAX_CONFIG_BYTES = 1_000_000  # mkdocs.yml is read whole: a stray link to /dev/zero must not be


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """Read the `kithbook` entry of `<root>/mkdocs.yml`; defaults when there is none."""
    path = root / CONFIG_FILE
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        message = f"cannot read the file: {error.strerror}"
        return Config(), [Problem(CONFIG_FILE, 1, "error", message, Check.CONFIG)]
    return config_from_bytes(data)


def config_from_bytes(data: bytes) -> tuple[Config, list[Problem]]:
    """The Config in the bytes of an `mkdocs.yml`, read from disk or from a Git commit (at most
    MAX_CONFIG_BYTES of them: the readers stop one byte after, and a larger file is a problem)."""
    if len(data) > MAX_CONFIG_BYTES:
        message = (
            f"the file is larger than {MAX_CONFIG_BYTES // 1_000_000} MB; "
            f"is it really {CONFIG_FILE}?"
        )
        return Config(), [Problem(CONFIG_FILE, 1, "error", message, Check.CONFIG)]
    try:
        text = decode(data)
    except DocumentError as error:
        return Config(), [Problem(CONFIG_FILE, error.line, "error", error.message, Check.CONFIG)]
    try:
        document = compose(text)
    except YAMLSyntaxError as error:
        message = f"not valid YAML: {error.message}"
        problem = Problem(CONFIG_FILE, error.line + 1, "error", message, Check.CONFIG, error.column)
        return Config(), [problem]
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
