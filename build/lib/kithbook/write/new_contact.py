"""A brand-new contact file, written whole in the documented format, every value quoted safely.

A new file needs no edit-and-reparse cycle: it is rendered once and read back once. `kith new` also
loads it here; an import loads and validates all its new files in one batch instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kithbook.write.text import EditError, front_matter_pairs
from kithbook.write.yamltext import YAMLValueError, yaml_scalar

if TYPE_CHECKING:
    from kithbook.config import Config

_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
EMPTY_BODY = "\n## Log\n"


def render_new_contact(fields: dict[str, Any], body: str = "", config: Config | None = None) -> str:
    """Front matter from `fields` (in order; empty values left out) and a body with a `## Log`;
    the text reads back as exactly those fields and loads as a contact with the network's `config`
    (default: the defaults), else EditError."""
    text = render_contact_text(fields, body)
    _check_loads(text, config)
    return text


def render_contact_text(fields: dict[str, Any], body: str = "") -> str:
    """`render_new_contact` without loading the result: for callers that load and validate it
    themselves; the text still reads back as exactly `fields` (else EditError)."""
    if not isinstance(fields.get("name"), str) or not fields["name"].strip():
        raise EditError("name: a new contact needs a name")
    kept = {key: value for key, value in fields.items() if value not in (None, "", [], (), {})}
    lines = ["---"]
    try:
        for key, value in kept.items():
            lines.extend(_entry(_key(key), value))
    except YAMLValueError as error:
        raise EditError(str(error)) from None
    lines.append("---")
    text = "\n".join(lines) + "\n" + ("\n" + body.lstrip("\n") if body.strip() else EMPTY_BODY)
    if not text.endswith("\n"):
        text += "\n"
    if front_matter_pairs(text) != [(key, _plain(value)) for key, value in kept.items()]:
        raise EditError("the new contact would not read back as given; nothing was written")
    return text


def _entry(key: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}:", *(f"  {_key(sub)}: {yaml_scalar(item)}" for sub, item in value.items())]
    if isinstance(value, (list, tuple)):
        lines = [f"{key}:"]
        for item in value:
            if isinstance(item, dict):
                entries = [f"{_key(sub)}: {yaml_scalar(inner)}" for sub, inner in item.items()]
                for index, entry in enumerate(entries):
                    lines.append(("  - " if index == 0 else "    ") + entry)
            else:
                lines.append(f"  - {yaml_scalar(item)}")
        return lines
    return [f"{key}: {yaml_scalar(value)}"]


def _key(key: str) -> str:
    if not isinstance(key, str) or not _SIMPLE_KEY.fullmatch(key):
        raise EditError(f"{key!r} is not a key kith writes (letters, digits, - and _)")
    return key


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _check_loads(text: str, config: Config | None) -> None:
    """EditError unless the loader reads the text as a contact."""
    from kithbook.config import Config
    from kithbook.parse.load import parse_contact

    problems: list[Any] = []
    if parse_contact("contact.md", text.encode("utf-8"), config or Config(), problems) is None:
        raise EditError(f"the new contact would not load ({problems[0].message})")
