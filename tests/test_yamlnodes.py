"""The loader composes YAML with a lean resolver; it must give every node the tag PyYAML would."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.parse.yamlnodes import _SHORTCUT, _Composer, _Loader

SCALARS = [
    "Ada",
    "email",
    "No",
    "no",
    "off",
    "On",
    "yes",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "",
    "2024",
    "0123456",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1:20:30",
    ".inf",
    "-.inf",
    ".nan",
    "1e999",
    "+44 20 7946 0000",
    "-3",
    "+1",
    "2025-13-01",
    "1963-09-12",
    "1963-09-12x",
    "2024-1-05",
    "２０２４-01-01",
    "2019-06",
    "2026-12-02 10:00:00",
    "=",
    "<<",
    "!",
    "&",
    "*",
    "true",
    "True",
    "FALSE",
    "3m",
    "never",
    "--02-29",
    "'quoted'",
    '"2024"',
    "!!str 2024",
    "!!int 12",
    "!custom x",
    "é",
    "0.5",
    "1,000",
    "person-00001",
    "[a, No, 2024]",
    "{via: Grace, date: 2019}",
    "|\n  block No",
    ">-\n  folded 2024",
]
KEYS = ["name", "tags", "no", "2024", "yes", "~", "n", "'quoted key'", "met", "<<"]


def shape(node: Node | None):
    """A node tree as comparable values: kind, tag, value, style and where it starts and ends."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.value, node.style, where)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, [shape(item) for item in node.value], node.flow_style, where)
    assert isinstance(node, MappingNode)
    pairs = [(shape(key), shape(value)) for key, value in node.value]
    return ("map", node.tag, pairs, node.flow_style, where)


@st.composite
def front_matter(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(KEYS))
        form = draw(st.sampled_from(["plain", "list", "nested", "flow"]))
        values = draw(st.lists(st.sampled_from(SCALARS), min_size=1, max_size=3))
        if form == "plain":
            lines.append(f"{key}: {values[0]}")
        elif form == "list":
            lines.append(f"{key}:")
            lines.extend(f"  - {value}" for value in values)
        elif form == "nested":
            lines.append(f"{key}:")
            lines.extend(f"  {draw(st.sampled_from(KEYS))}: {value}" for value in values)
        else:
            lines.append(f"{key}: [{', '.join(values)}]")
    return "\n".join(lines) + "\n"


def compose_both(text: str):
    results = []
    for loader in (_Loader, _Composer):
        try:
            results.append(shape(yaml.compose(text, Loader=loader)))
        except yaml.YAMLError as error:
            results.append(("error", str(error)))
    return results


@pytest.mark.slow
@given(front_matter())
@settings(max_examples=600, deadline=None)
def test_the_lean_resolver_tags_every_node_as_pyyaml_does(text: str) -> None:
    pyyaml, ours = compose_both(text)
    assert ours == pyyaml


@pytest.mark.slow
@given(st.text(st.sampled_from(list("ab1-:.+~!&*<=?[]{},#'\"\n |>")), max_size=40))
@settings(max_examples=600, deadline=None)
def test_the_lean_resolver_agrees_on_arbitrary_yaml_shaped_text(text: str) -> None:
    pyyaml, ours = compose_both(text)
    assert ours == pyyaml


def test_the_shortcut_is_taken_and_still_types_values() -> None:
    """PyYAML's tables have no wildcard and no path resolvers, so the shortcut applies."""
    assert _SHORTCUT
    root = yaml.compose("name: Ada\nok: yes\nphones: [+44 20 7946 0000]\n", Loader=_Composer)
    assert [value.tag for _, value in root.value] == [
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:seq",
    ]
