"""Shared fixtures: small networks written into tmp_path, and a fixed day to compute on."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# CI must be repeatable: there, property tests run a fixed set of examples (derandomized); on a
# developer's machine they explore new ones each run. `HYPOTHESIS_PROFILE=ci` gives CI's behaviour.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

TODAY = dt.date(2026, 12, 1)

MakeNetwork = Callable[..., Path]


@pytest.fixture
def make_network(tmp_path: Path) -> MakeNetwork:
    """Write contact files (slug -> text, dedented) and optionally mkdocs.yml; return the root."""

    def make(contacts: dict[str, str | bytes], config: str | None = None) -> Path:
        folder = tmp_path / "contacts"
        folder.mkdir(exist_ok=True)
        for slug, text in contacts.items():
            path = folder / (slug if slug.endswith(".md") else f"{slug}.md")
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        if config is not None:
            (tmp_path / "mkdocs.yml").write_text(
                textwrap.dedent(config).lstrip("\n"), encoding="utf-8"
            )
        return tmp_path

    return make


@pytest.fixture
def today() -> dt.date:
    return TODAY


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every property test counts as slow, marked or not (a new one too), so that
    `pytest -m "not slow"` stays a fast inner loop."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
