"""Pure text edits on a contact file: change only what an edit must, then read it back to prove it.

Each function takes the file's text and returns the new text. Comments, key order, quoting, blank
lines, line endings and the final newline all stay as written. The front matter is located with YAML
node positions (never re-dumped); after every edit the result is re-read and compared with the
intended value, and an `EditError` is raised rather than writing anything uncertain. YAML is read
with the loader's C parser, and the text before an edit only once (for positions and the check).
Whether the whole file still loads and validates is checked once, by the write service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from kithbook.parse.yamlnodes import YAMLSyntaxError, compose
from kithbook.write.log import append_log_entry, format_log_line
from kithbook.write.new_contact import render_new_contact
from kithbook.write.text import (
    EditError,
    Text,
    front_matter_pairs,
    node_pairs,
    old_mac_as_lf,
    verify_front_matter,
)
from kithbook.write.yamltext import (
    YAMLValueError,
    double_quoted,
    flow_list,
    single_quoted,
    yaml_scalar,
)

__all__ = [
    "EditError",
    "add_list_item",
    "append_log_entry",
    "format_log_line",
    "render_new_contact",
    "set_key",
    "set_mapping_entry",
    "yaml_scalar",
]

_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DASH_PREFIX = re.compile(r"([ \t]*)-([ \t]+)")
_MISSING = object()


@dataclass
class _FrontMatter:
    """The front matter's text and its root mapping node (None when the front matter is empty)."""

    text: Text
    source: str
    root: MappingNode | None

    def entry(self, mapping: MappingNode | None, key: str) -> tuple[Node, Node] | None:
        """The (key node, value node) of `key` in `mapping`; an error when it is written twice."""
        if mapping is None:
            return None
        found = [(k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key]
        if len(found) > 1:
            raise EditError(f"{key}: is written twice in the front matter; remove one by hand")
        if not found:
            return None
        key_node, value_node = found[0]
        if value_node.start_mark.index < key_node.end_mark.index:
            raise EditError(f"{key}: its value is a YAML alias (*name); edit it by hand")
        return key_node, value_node

    def edit(self, start: int, end: int, new: str) -> str:
        """The whole file's text with front-matter characters [start, end) replaced by `new`."""
        source = self.source[:start] + new + self.source[end:]
        return self.text.with_front_matter(source)

    def verify(self, before: str, after: str, key: str, expected: Any) -> None:
        """The post-edit check, with this front matter's pairs as the ones before the edit."""
        verify_front_matter(before, after, key, expected, node_pairs(self.root))


@old_mac_as_lf
def set_key(text: str, key: str, value: Any) -> str:
    """Set a top-level key to a scalar or one-line list; add `key: value` at the end if missing.
    Whether the result loads and validates is the write service's check, made once."""
    front = _front_matter(text)
    found = front.entry(front.root, key)
    if found is None:
        rendered = _rendered(key, value)
        result = _append_entry(front, front.root, [f"{_key(key)}: {rendered}".rstrip()])
    else:
        result = _replace_value(front, key, found[1], value, in_flow=False)
    front.verify(text, result, key, _python(value))
    return result


@old_mac_as_lf
def add_list_item(text: str, key: str, item: Any) -> str:
    """Append `item` to the list `key` (block or flow); create it, or turn one value into a list."""
    front = _front_matter(text)
    found = front.entry(front.root, key)
    before = _python(front.root, key)
    _rendered(key, item)
    if found is None:
        result = _append_entry(front, front.root, _new_list_lines(front, key, item))
        expected: list[Any] = [_python(item)]
    else:
        value = found[1]
        if isinstance(value, SequenceNode):
            result = _append_to_sequence(front, key, value, item)
        elif isinstance(value, ScalarNode):
            result = _scalar_to_list(front, key, value, item)
        else:
            raise EditError(f"{key}: is a mapping, not a list; kith will not turn it into one")
        expected = before if isinstance(before, list) else [] if before is None else [before]
        expected = [*expected, _python(item)]
    front.verify(text, result, key, expected)
    return result


@old_mac_as_lf
def set_mapping_entry(text: str, key: str, subkey: str, value: Any) -> str:
    """Set `key.subkey` (such as links.github or met.date), creating the mapping or the entry."""
    front = _front_matter(text)
    rendered = _rendered(f"{key}.{subkey}", value)
    found = front.entry(front.root, key)
    before = _python(front.root, key)
    if found is None:
        lines = [f"{_key(key)}:", f"  {_key(subkey)}: {rendered}".rstrip()]
        result = _append_entry(front, front.root, lines)
    else:
        result = _set_in_mapping(front, key, subkey, found[0], found[1], value)
    expected = dict(before) if isinstance(before, dict) else {}
    expected[subkey] = _python(value)
    front.verify(text, result, key, expected)
    return result


def _set_in_mapping(
    front: _FrontMatter, key: str, subkey: str, key_node: Node, node: Node, value: Any
) -> str:
    if isinstance(node, ScalarNode):
        if node.tag != "tag:yaml.org,2002:null":
            raise EditError(
                f"{key}: is a single value ({node.value!r}), not a mapping; "
                f"kith will not guess where it belongs, so edit {key} by hand"
            )
        if node.value:  # an explicit `null` or `~`
            entry = f"{{{_key(subkey)}: {_rendered(key, value, flow=True)}}}"
            return front.edit(node.start_mark.index, node.end_mark.index, entry)
        indent = " " * (key_node.start_mark.column + 2)
        position = _after_line(front.source, key_node.end_mark.index)
        return _insert_lines(front, position, [f"{indent}{_key(subkey)}: {_rendered(key, value)}"])
    if not isinstance(node, MappingNode):
        raise EditError(f"{key}: is a list, not a mapping of {subkey}: ...; edit it by hand")
    found = front.entry(node, subkey)
    if found is not None:
        in_flow = bool(node.flow_style)
        return _replace_value(front, f"{key}.{subkey}", found[1], value, in_flow=in_flow)
    if node.flow_style:
        entry = f"{_key(subkey)}: {_rendered(key, value, flow=True)}"
        return _insert_into_flow(front, node, entry)
    return _append_entry(front, node, [f"{_key(subkey)}: {_rendered(key, value)}".rstrip()])


def _front_matter(text: str) -> _FrontMatter:
    parsed = Text.parse(text)
    source = parsed.front_matter
    try:
        root = compose(source)
    except YAMLSyntaxError as error:
        message = f"the front matter is not valid YAML ({error.message}); fix it first"
        raise EditError(message) from None
    if root is None or (isinstance(root, ScalarNode) and not root.value.strip()):
        return _FrontMatter(parsed, source, None)
    if not isinstance(root, MappingNode):
        raise EditError("the front matter is not 'key: value' lines; fix it first")
    if root.flow_style:
        raise EditError("the front matter is written as one {...} mapping; edit it by hand")
    return _FrontMatter(parsed, source, root)


def _replace_value(front: _FrontMatter, key: str, node: Node, value: Any, *, in_flow: bool) -> str:
    """Replace a scalar or one-line flow value where it is written, keeping comments around it."""
    rendered = _styled_like(node, key, value, in_flow)
    start, end = node.start_mark.index, node.end_mark.index
    if isinstance(node, ScalarNode):
        if start == end:  # `key:` with nothing after it
            space = "" if front.source[start - 1 : start] in (" ", "\t") or not rendered else " "
            return front.edit(start, end, space + rendered)
        written = front.source[start:end]
        kept = written[len(written.rstrip(" \t\r\n")) :]  # the line breaks a block scalar consumed
        if not rendered:
            start = len(front.source[:start].rstrip(" \t"))
        return front.edit(start, end, rendered + kept)
    flow = isinstance(node, CollectionNode) and node.flow_style
    if flow and "\n" not in front.source[start:end] and not in_flow:
        return front.edit(start, end, rendered)
    raise EditError(f"{key}: is a list or mapping written over several lines; edit it by hand")


def _append_entry(front: _FrontMatter, mapping: MappingNode | None, lines: list[str]) -> str:
    """Add `key: value` lines after a block mapping's last entry (for the root: before the ---)."""
    if mapping is None or mapping is front.root:
        first_key = mapping.value[0][0] if mapping is not None and mapping.value else None
        indent = _indent_of(front, first_key) if first_key is not None else ""
        content = front.source.rstrip(" \t\r\n")
        position = _after_line(front.source, len(content)) if content else 0
    else:
        indent = _indent_of(front, mapping.value[0][0])
        position = _after_line(front.source, _content_end(mapping))
    return _insert_lines(front, position, [indent + line for line in lines])


def _append_to_sequence(front: _FrontMatter, key: str, node: SequenceNode, item: Any) -> str:
    last = node.value[-1] if node.value else None
    if node.flow_style:
        rendered = _styled_like(last, key, item, True) if last else yaml_scalar(item, flow=True)
        return _insert_into_flow(front, node, rendered)
    if last is None:  # a block list always has an item; only `[]` is empty
        raise EditError(f"{key}: the list is empty but not written as []; edit it by hand")
    line_start = front.source.rfind("\n", 0, last.start_mark.index) + 1
    prefix = _DASH_PREFIX.fullmatch(front.source[line_start : last.start_mark.index])
    if prefix is None:
        raise EditError(f"{key}: the list's last item is not on its own '- ' line; edit it by hand")
    line = f"{prefix[1]}-{prefix[2]}{_styled_like(last, key, item, False)}"
    return _insert_lines(front, _after_line(front.source, _content_end(node)), [line])


def _scalar_to_list(front: _FrontMatter, key: str, node: ScalarNode, item: Any) -> str:
    """`emails: a@example.org` becomes `emails: [a@example.org, b@example.org]`."""
    start, end = node.start_mark.index, node.end_mark.index
    new = yaml_scalar(item, flow=True)
    if start == end:
        space = "" if front.source[start - 1 : start] in (" ", "\t") else " "
        return front.edit(start, end, f"{space}[{new}]")
    if node.tag == "tag:yaml.org,2002:null":
        return front.edit(start, end, f"[{new}]")
    written = front.source[start:end]
    if "\n" in written or node.style in ("|", ">"):
        raise EditError(f"{key}: is written over several lines; edit it by hand")
    if node.style is None and any(char in written for char in ",[]{}"):
        if node.tag != "tag:yaml.org,2002:str":
            raise EditError(f"{key}: kith cannot turn {written!r} into a list; edit it by hand")
        written = yaml_scalar(node.value, flow=True)
    return front.edit(start, end, f"[{written}, {new}]")


def _insert_into_flow(front: _FrontMatter, node: Node, entry: str) -> str:
    """Add an entry before the closing ] or } of a flow collection."""
    if not node.value:
        opening = node.start_mark.index
        return front.edit(opening + 1, opening + 1, entry)
    last = node.value[-1]
    last_end = _content_end(last[1] if isinstance(last, tuple) else last)
    return front.edit(last_end, last_end, f", {entry}")


def _new_list_lines(front: _FrontMatter, key: str, item: Any) -> list[str]:
    """A new list in the file's own style: block `- item` lines when it has any, else `[item]`."""
    for _, value in front.root.value if front.root is not None else []:
        if isinstance(value, SequenceNode) and not value.flow_style and value.value:
            line_start = front.source.rfind("\n", 0, value.value[0].start_mark.index) + 1
            first = value.value[0].start_mark.index
            prefix = _DASH_PREFIX.fullmatch(front.source[line_start:first])
            if prefix is not None:
                return [f"{_key(key)}:", f"{prefix[1]}-{prefix[2]}{yaml_scalar(item)}"]
    return [f"{_key(key)}: [{yaml_scalar(item, flow=True)}]"]


def _insert_lines(front: _FrontMatter, position: int, lines: list[str]) -> str:
    eol = front.text.eol
    source = front.source
    before = source[:position]
    if before and not before.endswith("\n"):
        before += eol
    added = "".join(line + eol for line in lines)
    return front.text.with_front_matter(before + added + source[position:])


def _after_line(source: str, index: int) -> int:
    """The index just after the line break ending the line that holds `index`."""
    newline = source.find("\n", index)
    return len(source) if newline < 0 else newline + 1


def _content_end(node: Node) -> int:
    """Where a node's own text ends (block collections' marks run on over comments and blanks)."""
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        end = node.end_mark.index
        if node.end_mark.column == 0 and end > node.start_mark.index:  # a block scalar's last break
            return end - 1
        return end
    last = node.value[-1]
    return _content_end(last[1] if isinstance(last, tuple) else last)


def _indent_of(front: _FrontMatter, key_node: Node) -> str:
    line_start = front.source.rfind("\n", 0, key_node.start_mark.index) + 1
    indent = front.source[line_start : key_node.start_mark.index]
    if indent.strip(" \t"):
        raise EditError("this mapping does not start on its own line; edit it by hand")
    return indent


def _rendered(key: str, value: Any, *, flow: bool = False) -> str:
    """A value as text for after `key: `; None gives an empty value, a list a one-line flow list."""
    try:
        if value is None:
            return ""
        if isinstance(value, (list, tuple)):
            return flow_list(value)
        return yaml_scalar(value, flow=flow)
    except YAMLValueError as error:
        raise EditError(f"{key}: {error}") from None


def _styled_like(node: Node, key: str, value: Any, in_flow: bool) -> str:
    """The new value quoted the way the old one was, when that is safe; else the safe default."""
    if isinstance(value, str) and isinstance(node, ScalarNode):
        if node.style == '"':
            return double_quoted(value)
        if node.style == "'" and single_quoted(value) is not None:
            return str(single_quoted(value))
    if in_flow and not isinstance(value, (list, tuple)):
        return "null" if value is None else _rendered(key, value, flow=True)
    return _rendered(key, value)


def _key(key: str) -> str:
    if not _SIMPLE_KEY.fullmatch(key):
        raise EditError(f"{key!r} is not a key kith writes (letters, digits, - and _)")
    return key


def _python(value: Any, key: Any = _MISSING) -> Any:
    """A value as YAML would read it back; with `key`, the value of that key in a mapping node."""
    from kithbook.parse.yamlnodes import to_python

    if key is not _MISSING:
        if value is None:
            return None
        found = [v for k, v in value.value if isinstance(k, ScalarNode) and k.value == key]
        return to_python(found[0]) if found else None
    if isinstance(value, tuple):
        return list(value)
    return value


@old_mac_as_lf
def remove_list_item(text: str, key: str, item: str) -> str:
    """Take one item out of the list `key` (block or one-line flow), the first equal to `item`
    (else the first equal ignoring case); the last item going removes the key."""
    front = _front_matter(text)
    node, items, index = _list_item(
        front, key, item, f"{key}: is not set, so there is nothing to remove", show_items=True
    )
    remaining = items[:index] + items[index + 1 :]
    if not remaining or isinstance(node, ScalarNode):
        return remove_key(text, key)
    if not isinstance(node, SequenceNode):
        raise EditError(f"{key}: is a mapping, not a list; edit it by hand")
    source = front.source
    if node.flow_style:
        start, end = node.start_mark.index, node.end_mark.index
        if "\n" in source[start:end]:
            raise EditError(f"{key}: is a list written over several lines; edit it by hand")
        kept = [source[n.start_mark.index : _content_end(n)] for n in node.value]
        del kept[index]
        result = front.edit(start, end, "[" + ", ".join(kept) + "]")
    else:
        target = node.value[index]
        line_start = source.rfind("\n", 0, target.start_mark.index) + 1
        if _DASH_PREFIX.fullmatch(source[line_start : target.start_mark.index]) is None:
            raise EditError(f"{key}: the item is not on its own '- ' line; edit it by hand")
        result = front.edit(line_start, _after_line(source, _content_end(target)), "")
    front.verify(text, result, key, remaining)
    return result


@old_mac_as_lf
def remove_key(text: str, key: str) -> str:
    """Remove a top-level key and its value's lines (comments on lines of their own stay)."""
    front = _front_matter(text)
    found = front.entry(front.root, key)
    if found is None:
        raise EditError(f"{key}: is not set, so there is nothing to remove")
    key_node, value = found
    _indent_of(front, key_node)
    start = front.source.rfind("\n", 0, key_node.start_mark.index) + 1
    end = _after_line(front.source, max(_content_end(value), key_node.end_mark.index))
    result = front.edit(start, end, "")
    expected = [pair for pair in node_pairs(front.root) if pair[0] != key]
    if front_matter_pairs(result) != expected or Text.parse(result).body != front.text.body:
        raise EditError(f"{key}: removing it would not read back as intended; edit it by hand")
    return result


def _list_item(
    front: _FrontMatter, key: str, item: str, not_set: str, *, show_items: bool
) -> tuple[Node, list[Any], int]:
    """The node of the list `key`, its items as YAML reads them back, and where `item` is among
    them; EditError (`not_set`, or that there is no such item) when either is missing."""
    found = front.entry(front.root, key)
    if found is None:
        raise EditError(not_set)
    before = _python(front.root, key)
    items = before if isinstance(before, list) else [before]
    index = _item_index(items, item)
    if index is None:
        shown = ", ".join(str(value) for value in items)
        raise EditError(
            f"{key}: has no item {item!r}" + (f" (it holds: {shown})" if show_items else "")
        )
    return found[1], items, index


def _item_index(items: list[Any], item: str) -> int | None:
    """The position of `item` in a list read from YAML: exact first, then ignoring case."""
    texts = [str(value) for value in items]
    if item in texts:
        return texts.index(item)
    folded = [text.casefold() for text in texts]
    return folded.index(item.casefold()) if item.casefold() in folded else None


@old_mac_as_lf
def replace_list_item(
    text: str,
    key: str,
    old: str,
    new: str,
) -> str:
    """Replace the item `old` of the list `key` (or its single value) by `new`, where it is written
    (a renamed contact in `knows`)."""
    front = _front_matter(text)
    node, items, index = _list_item(front, key, old, f"{key}: is not set", show_items=False)
    target = node.value[index] if isinstance(node, SequenceNode) else node
    if not isinstance(target, ScalarNode):
        raise EditError(f"{key}: the item {old!r} is not a plain value; edit it by hand")
    in_flow = isinstance(node, SequenceNode) and bool(node.flow_style)
    rendered = _styled_like(target, key, new, in_flow)
    result = front.edit(target.start_mark.index, _content_end(target), rendered)
    expected: Any = [*items[:index], new, *items[index + 1 :]]
    if not isinstance(node, SequenceNode):
        expected = new
    front.verify(text, result, key, expected)
    return result
