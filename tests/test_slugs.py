"""Slugs for new contacts: readable ASCII from any name, free, never a path elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.parse.slugs import FilesIn, contact_path, free_slug, make_slug


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
        ("ab " + "x" * 57 + " yz", "ab-" + "x" * 57),  # the 60th character ends a word
        ("Maximiliane " * 5 + "Wolkenkratzerhausen", "maximiliane-" * 4 + "maximiliane"),
    ],
)
def test_make_slug_turns_any_name_into_a_safe_file_name(name: str, slug: str) -> None:
    assert make_slug(name) == slug


def test_free_slug_numbers_a_name_taken_on_disk_or_in_a_set(tmp_path: Path) -> None:
    (tmp_path / "ada.md").write_text("")
    (tmp_path / "ada-2.md").write_text("")
    on_disk = FilesIn(tmp_path)
    assert [free_slug("ada", on_disk), free_slug("bob", on_disk)] == ["ada-3", "bob"]
    assert [free_slug("ada", {"ada"}), free_slug("bob", {"ada"})] == ["ada-2", "bob"]


LONG_NAME = "Maria Magdalena Wilhelmina Theodora von Hohenzollern-Sigmaringen Esterházy"


def test_kith_new_and_kith_import_name_a_file_alike(make_network, tmp_path: Path) -> None:
    created = make_network({})
    assert main(["new", LONG_NAME, "--root", str(created), "--no-commit"]) == 0
    imported = tmp_path / "imported"
    (imported / "contacts").mkdir(parents=True)
    vcard = tmp_path / "long.vcf"
    vcard.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:{LONG_NAME}\nEND:VCARD\n")
    assert main(["import", str(vcard), "--root", str(imported), "--no-commit"]) == 0
    names = [
        sorted(path.name for path in (root / "contacts").iterdir()) for root in (created, imported)
    ]
    assert names[0] == names[1] == [make_slug(LONG_NAME) + ".md"]
    assert len(make_slug(LONG_NAME)) <= 60 and make_slug(LONG_NAME).endswith("-hohenzollern")


@pytest.mark.parametrize("slug", ["../x", "a/b", "", "Ada", "a--b", "/etc/passwd"])
def test_contact_path_refuses_anything_but_a_plain_slug(tmp_path: Path, slug: str) -> None:
    with pytest.raises(ValueError, match="not a slug"):
        contact_path(tmp_path, slug)


def test_contact_path_is_inside_the_folder(tmp_path: Path) -> None:
    assert contact_path(tmp_path, "ada-lovelace") == tmp_path / "ada-lovelace.md"
