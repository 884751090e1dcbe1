"""How each known front-matter key of a contact file (`model.CONTACT_KEYS`) is read.

Each reader takes the key's node and stores typed values into the keyword arguments of `Contact`.
Checks that need the whole network or the configuration (circles, e-mail syntax, slugs that exist)
are validator passes, not readers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.model import CONTACT_KEYS, Check, KeyKind, LifeDate, Met
from kithbook.parse.fields import FieldReader
from kithbook.parse.yamlnodes import BOOL, FLOAT, INT, NULL, STR, TIMESTAMP

TAG = re.compile(r"[^\W_][\w-]*")


def is_tag(text: str) -> bool:
    """A tag is a word of letters, digits and hyphens; combining marks (Thai and Indic vowel
    signs) count with the letter they belong to."""
    if text.isascii():  # no combining marks: skip the per-character look-up (most tags)
        return bool(TAG.fullmatch(text))
    return bool(
        TAG.fullmatch("".join(c for c in text if not unicodedata.category(c).startswith("M")))
    )


Values = dict[str, Any]
KeyReader = Callable[[FieldReader, str, Node, Values], None]


def _text(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    if type(node) is ScalarNode and node.tag == STR and node.value.strip():  # `text`'s first case
        values[key] = node.value.strip()
    else:
        values[key] = reader.text(key, node, required=key == "name")


def _text_list(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    texts, lines = reader.text_list(key, node)
    values[key] = texts
    values["item_lines"][key] = lines


def _lower_list(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    texts, lines = reader.text_list(key, node)
    values[key] = tuple(map(str.lower, texts))
    values["item_lines"][key] = lines


def _tags(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    tags: list[str] = []
    lines: list[int] = []
    for item in node.value if type(node) is SequenceNode else reader.items(key, node):
        if type(item) is ScalarNode and item.tag == STR:  # plain text: `text`'s first case
            text: str | None = item.value.strip() or None
        else:
            text = reader.text(key, item)
        if text is None:
            continue
        if not is_tag(text) or text != text.lower():
            words = "-".join(re.findall(r"[^\W_]+", text.lower()))
            hint = f"; write {words!r}" if words else ""
            if "," in text:
                hint = (
                    "; write a list: tags: [" + ", ".join(t.strip() for t in text.split(",")) + "]"
                )
            reader.report(
                item, f"tags: {text!r} is not a lowercase word{hint}", Check.TAGS, "warning"
            )
        tags.append(text.lower())
        lines.append(reader.line(item))
    values[key] = tuple(tags)
    values["item_lines"][key] = tuple(lines)


def _word(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    """A word from a fixed list (circle, channel, status), read as written: `status: off` is off."""
    if type(node) is ScalarNode and node.tag == STR:  # plain text: `text`'s first case
        text: str | None = node.value.strip()
    elif isinstance(node, ScalarNode) and node.tag in (BOOL, INT, FLOAT, TIMESTAMP):
        text = node.value.strip()
    else:
        text = reader.text(key, node)
    if text:
        values[key] = text.lower()


def _links(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    links: dict[str, str] = {}
    for label, label_node, value_node in reader.mapping(key, node) or []:
        if not label:
            reader.report(
                label_node, f"{key}: each link needs a label, as in 'github: ada'", Check.TYPE
            )
            continue
        value = reader.text(f"{key}.{label}", value_node)
        if value is not None:
            links[label] = value
    values[key] = links


def _cadence(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    value = reader.duration(key, node)
    if value == "never":
        values["cadence_never"] = True
    elif value is not None:
        values["cadence"] = value


def _birthday(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    values[key] = reader.month_day(key, node)


def _date(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    values[key] = reader.date(key, node)


def _private(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    """Fail safe: a value that is not plainly true or false (`yes`, `1`), or a second `private`
    key saying true, keeps the person private until the file is fixed; the error says why."""
    flag: bool | None = False
    if not (isinstance(node, ScalarNode) and node.tag == NULL):
        flag = reader.boolean(key, node)
        if flag is None:
            flag = True
    values[key] = values.get(key, False) or flag


MET_KEYS = ("date", "where", "via")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{1,2}){0,2}")


def _met(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    if isinstance(node, ScalarNode) and _PARTIAL_DATE.fullmatch(node.value.strip()):
        when = reader.partial_date(key, node)  # `met: 2019` is when, not where
        values[key] = Met(date=when[0], precision=when[1]) if when else None
        return
    if not isinstance(node, MappingNode):
        where = reader.text(key, node)  # `met: PyCon 2019` is read as where
        values[key] = Met(where=where) if where else None
        return
    fields: dict[str, Any] = {}
    for sub, sub_node, value_node in reader.mapping(key, node) or []:
        if sub == "date":
            parsed = reader.partial_date(f"{key}.date", value_node)
            if parsed:
                fields["date"], fields["precision"] = parsed
                values["item_lines"]["met.date"] = (reader.line(value_node),)
        elif sub in ("where", "via"):
            fields[sub] = reader.text(f"{key}.{sub}", value_node)
            if sub == "via":
                fields["via_line"] = reader.line(value_node)
        else:
            reader.report(
                sub_node,
                f"{key}: unknown key {sub!r}; met has {', '.join(MET_KEYS)}",
                Check.UNKNOWN_KEY,
                "warning",
            )
    values[key] = Met(**fields)


DATE_KEYS = ("date", "label", "yearly")


def _dates(reader: FieldReader, key: str, node: Node, values: Values) -> None:
    dates: list[LifeDate] = []
    for item in reader.items(key, node):
        if not isinstance(item, MappingNode):
            reader.report(
                item,
                f"{key}: each entry is a mapping such as "
                "{date: 2026-03-01, label: started at Acme}",
                Check.TYPE,
            )
            continue
        fields: dict[str, Any] = {}
        for sub, sub_node, value_node in reader.mapping(key, item) or []:
            if sub == "date":
                fields["date"] = reader.date(f"{key}.date", value_node)
            elif sub == "label":
                fields["label"] = reader.text(f"{key}.label", value_node)
            elif sub == "yearly":
                fields["yearly"] = reader.boolean(f"{key}.yearly", value_node)
            else:
                reader.report(
                    sub_node,
                    f"{key}: unknown key {sub!r}; an entry has {', '.join(DATE_KEYS)}",
                    Check.UNKNOWN_KEY,
                    "warning",
                )
        if fields.get("date") is None:
            if "date" not in fields:
                reader.report(item, f"{key}: this entry has no date", Check.REQUIRED)
            continue
        if not fields.get("label"):
            reader.report(
                item,
                f"{key}: the entry on {fields['date']} needs a label, such as 'started at Acme'",
                Check.REQUIRED,
            )
            continue
        dates.append(
            LifeDate(fields["date"], fields["label"], bool(fields.get("yearly")), reader.line(item))
        )
    values[key] = tuple(dates)


_READERS: dict[KeyKind, KeyReader] = {
    "text": _text,
    "word": _word,
    "texts": _text_list,
    "slugs": _lower_list,
    "tags": _tags,
    "links": _links,
    "met": _met,
    "dates": _dates,
    "duration": _cadence,
    "month-day": _birthday,
    "date": _date,
    "flag": _private,
}
KEYS: dict[str, KeyReader] = {key: _READERS[spec.kind] for key, spec in CONTACT_KEYS.items()}
"""The reader of each known key (`model.CONTACT_KEYS`), in the order they are declared."""

# What each known key holds, for writers such as `kith set`: a list takes items, a date is written
# bare (YYYY-MM-DD, as YAML reads a date), a month-day is a date or --MM-DD (a birthday without a
# year), a mapping takes KEY.SUB.
WriteKind = Literal["text", "list", "mapping", "entries", "date", "month-day", "boolean"]
_WRITTEN_AS: dict[KeyKind, WriteKind] = {
    "texts": "list",
    "slugs": "list",
    "tags": "list",
    "links": "mapping",
    "met": "mapping",
    "dates": "entries",
    "month-day": "month-day",
    "date": "date",
    "flag": "boolean",
}
KEY_KINDS: dict[str, WriteKind] = {
    key: _WRITTEN_AS.get(spec.kind, "text") for key, spec in CONTACT_KEYS.items()
}
