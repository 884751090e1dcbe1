"""The map stays true: every dotted name the package docstrings and docs/architecture.md give in
backticks (`parse.load.load`, `model.Check`) is a real module or attribute of kithbook."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import kithbook

PACKAGE = Path(kithbook.__file__).parent
ARCHITECTURE = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
SUBPACKAGES = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
DOTTED = re.compile(r"`([a-z_]+(?:\.[A-Za-z_]\w*)+)(?:\(\))?`")
FILE_SUFFIXES = {"py", "md", "yml", "toml", "json", "ics"}


def resolves(name: str) -> bool:
    """Whether `kithbook.<name>` is a module, or an attribute reached from the longest module."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(["kithbook", *parts[:cut]]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def names_in(text: str) -> list[str]:
    return [name for name in DOTTED.findall(text) if name.rsplit(".", 1)[1] not in FILE_SUFFIXES]


@pytest.mark.parametrize("subpackage", ["", *SUBPACKAGES])
def test_each_package_docstring_names_only_what_exists(subpackage):
    module = importlib.import_module(f"kithbook.{subpackage}" if subpackage else "kithbook")
    missing = [name for name in names_in(module.__doc__ or "") if not resolves(name)]
    assert module.__doc__ and missing == []


def test_the_architecture_page_names_only_what_exists():
    """A name may be given from the package (`rules.due.due_list`) or, in a subsystem's row,
    from within its subpackage (`due.due_list`)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    names = names_in(text)
    assert len(names) > 30
    missing = [
        name
        for name in names
        if not any(resolves(f"{prefix}{name}") for prefix in ["", *(f"{s}." for s in SUBPACKAGES)])
    ]
    assert missing == []
