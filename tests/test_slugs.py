"""Slugs for new contacts: readable ASCII from any name, free, never a path elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.slugs import contact_path, free_slug, make_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ada Lovelace", "ada-lovelace"),
        ("José Müller", "jose-muller"),
        ("김민준", "gimminjun"),
        ("李小龍", "lixiaolong"),
        ("Привет Мир", "privet-mir"),
        ("O'Brien, Siobhán", "o-brien-siobhan"),
        ("../../etc/passwd", "etc-passwd"),
        ("---", "contact"),
        ("🎻", "violin"),
        ("x" * 80, "x" * 60),
        ("word " * 20, "-".join(["word"] * 12)),
    ],
)
def test_make_slug_turns_any_name_into_a_safe_file_name(name: str, slug: str) -> None:
    assert make_slug(name) == slug


def test_free_slug_numbers_a_taken_name(tmp_path: Path) -> None:
    (tmp_path / "ada.md").write_text("")
    (tmp_path / "ada-2.md").write_text("")
    assert [free_slug(tmp_path, "ada"), free_slug(tmp_path, "bob")] == ["ada-3", "bob"]


@pytest.mark.parametrize("slug", ["../x", "a/b", "", "Ada", "a--b", "/etc/passwd"])
def test_contact_path_refuses_anything_but_a_plain_slug(tmp_path: Path, slug: str) -> None:
    with pytest.raises(ValueError, match="not a slug"):
        contact_path(tmp_path, slug)


def test_contact_path_is_inside_the_folder(tmp_path: Path) -> None:
    assert contact_path(tmp_path, "ada-lovelace") == tmp_path / "ada-lovelace.md"
