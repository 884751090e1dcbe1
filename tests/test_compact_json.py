"""`kith due --json` is written by orjson: the same text Python's json writes, for every value the
plan's JSON can hold."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from kithbook.cli.common import compact_json
from kithbook.model import Check

FIGURES = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12).map(
    lambda value: round(value, 4)  # as DueItem.to_json rounds score and priority
)
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**62), max_value=2**62),
    FIGURES,
    st.text(),
    st.sampled_from(list(Check)),
    st.dates(),
)
VALUES = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


def python_json(data: object) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)


@given(VALUES)
def test_compact_json_writes_what_python_json_writes(data: object) -> None:
    assert compact_json(data) == python_json(data)


def test_text_that_is_not_utf8_is_written_by_python_json() -> None:
    data = {"path": "contacts/caf\udce9.md", "when": dt.date(2026, 12, 1)}
    assert compact_json(data) == python_json(data)
