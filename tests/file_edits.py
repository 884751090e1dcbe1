"""Random edits to a contacts folder between runs, as a person makes them: what the property tests of
the caches (the parsed contacts', `kith due`'s per-file answers) apply before comparing a cached
answer with a cold one."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import strategies as st

PAST = 1_700_000_000  # a moment long gone, in seconds: files dated then are not "fresh"

Edit = tuple[str, str, str]  # ("write", name, text), ("remove", name, ""), ("rename", old, new)


def age(path: Path, seconds: int) -> None:
    """Date a file in the past, so the caches may keep it (a file written now is too fresh)."""
    os.utime(path, (PAST + seconds, PAST + seconds))


def edits(
    names: st.SearchStrategy[str], texts: st.SearchStrategy[str], max_size: int
) -> st.SearchStrategy[list[Edit]]:
    """Lists of writes, removals and renames among `names`."""
    return st.lists(
        st.one_of(
            st.tuples(st.just("write"), names, texts),
            st.tuples(st.just("remove"), names, st.just("")),
            st.tuples(st.just("rename"), names, names),
        ),
        min_size=1,
        max_size=max_size,
    )


def apply_edits(folder: Path, operations: list[Edit], clock: int) -> int:
    """Make the edits in `folder`, each write at its own moment after `clock` (as a person's edits
    are); the clock after them."""
    for operation, name, argument in operations:
        path = folder / name
        if operation == "write":
            path.write_text(argument, encoding="utf-8")
            clock += 1
            age(path, clock)
        elif operation == "remove":
            path.unlink(missing_ok=True)
        elif path.exists() and name != argument:
            path.rename(folder / argument)
    return clock
