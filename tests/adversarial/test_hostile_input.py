"""Issue 11, hostile and careless input on the write path: text that is not UTF-8, symbolic links
that lead out of the repository, and paths that are not regular files. Each is one clear line,
and nothing outside the repository (or anything but a regular file) is ever replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from adversity import ADA, kith, network_in_git, status, subjects

OUTSIDE = "---\nname: Somebody Else\n---\n\n## Log\n"


def test_invalid_utf8_in_log_text_is_a_one_line_error(tmp_path: Path) -> None:
    root = network_in_git(tmp_path / "net")
    result = kith(root, "log", "ada-lovelace", "note", b"x \xff")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "is not UTF-8 text" in result.stderr and "Traceback" not in result.stderr
    assert (root / "contacts/ada-lovelace.md").read_text() == ADA


@pytest.mark.parametrize(
    "args",
    [
        ["log", "ada-lovelace", "note", "through the link"],
        ["set", "ada-lovelace", "company", "Elsewhere"],
        ["new", "Grace Hopper"],
    ],
    ids=["log", "set", "new"],
)
def test_a_symlinked_contacts_folder_leaving_the_repository_is_refused(
    tmp_path: Path, args: list[str]
) -> None:
    root = network_in_git(tmp_path / "net")
    outside = tmp_path / "elsewhere"
    (root / "contacts").rename(outside)
    (root / "contacts").symlink_to(outside)
    before = {path.name: path.read_bytes() for path in outside.iterdir()}
    result = kith(root, *args)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert "outside" in result.stderr and "does not write through it" in result.stderr
    assert {path.name: path.read_bytes() for path in outside.iterdir()} == before
    assert subjects(root) == ["start"]


def test_an_import_through_a_symlinked_contacts_folder_writes_nothing(tmp_path: Path) -> None:
    root = network_in_git(tmp_path / "net")
    outside = tmp_path / "elsewhere"
    (root / "contacts").rename(outside)
    (root / "contacts").symlink_to(outside)
    source = tmp_path / "people.vcf"
    source.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Grace Hopper\nEND:VCARD\n")
    result = kith(root, "import", str(source))
    assert result.returncode == 1 and "does not write through it" in result.stderr
    assert sorted(path.name for path in outside.iterdir()) == ["ada-lovelace.md", "bob.md"]


@pytest.mark.parametrize(
    "args",
    [["log", "ada-lovelace", "note", "hi"], ["set", "ada-lovelace", "company", "X"]],
    ids=["log", "set"],
)
@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_contact_file_that_is_a_symlink_is_never_replaced(
    tmp_path: Path, args: list[str], target: str
) -> None:
    root = network_in_git(tmp_path / "net")
    ada = root / "contacts/ada-lovelace.md"
    linked = tmp_path / "outside.md" if target == "outside" else root / "notes" / "ada.md"
    linked.parent.mkdir(exist_ok=True)
    linked.write_text(OUTSIDE)
    ada.unlink()
    ada.symlink_to(linked)
    result = kith(root, *args)
    assert result.returncode == 1 and "is a symbolic link" in result.stderr
    assert ada.is_symlink() and linked.read_text() == OUTSIDE
    assert subjects(root) == ["start"]


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_due_ics_replaces_nothing_but_a_regular_file(tmp_path: Path, kind: str) -> None:
    root = network_in_git(tmp_path / "net")
    target = tmp_path / "calendar.ics"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real.ics").write_text("mine\n")
        target.symlink_to(tmp_path / "real.ics")
    else:
        target = Path(os.devnull)
    result = kith(root, "due", "--ics", str(target))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "kith writes only regular files" in result.stderr or "symbolic link" in result.stderr
    mode = os.lstat(target).st_mode
    expected = {"fifo": stat.S_ISFIFO, "symlink": stat.S_ISLNK, "device": stat.S_ISCHR}[kind]
    assert expected(mode) and status(root) == []
