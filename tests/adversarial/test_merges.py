"""Issue 11, merges: the merge driver never loses a side, `kith validate` names an unresolved
conflict as such (once, with no follow-on errors), and `kith sync` keeps Git's own first line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from adversity import ADA, git, kith, network_in_git

from kithbook.cli import main
from kithbook.repo.merge_driver import main as merge_driver

OURS = ADA + "- 2026-11-30 -> email: ours\n"
THEIRS = ADA + "- 2026-11-29 <- phone: theirs\n"


@pytest.mark.parametrize(
    ("ours", "theirs", "whole"),
    [
        (OURS.encode().replace(b"ours", b"o\0urs"), THEIRS.encode(), True),
        (OURS.encode(), THEIRS.encode().replace(b"theirs", b"th\0eirs"), True),
        (OURS.encode().replace(b"ours", b"o\xffurs"), THEIRS.encode(), True),
        (OURS.encode(), THEIRS.encode().replace(b"name: Ada", b"name: [Ada"), False),
    ],
    ids=["nul-in-ours", "nul-in-theirs", "bad-utf8-in-ours", "broken-yaml-in-theirs"],
)
def test_the_merge_driver_keeps_both_sides_of_what_it_cannot_read_between_markers(
    tmp_path: Path, capsys, ours: bytes, theirs: bytes, whole: bool
) -> None:
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, data in zip(paths, (ADA.encode(), ours, theirs), strict=True):
        path.write_bytes(data)
    status = merge_driver([*map(str, paths), "contacts/ada-lovelace.md"])
    merged = paths[1].read_bytes()
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "conflict in contacts/ada-lovelace.md" in err
    if whole:  # unreadable: both sides whole between markers
        assert merged.startswith(b"<<<<<<< ours\n") and merged.endswith(b"\n>>>>>>> theirs\n")
        assert ours in merged and theirs in merged
    else:  # readable text Git merges by lines: both sides' new lines are kept
        assert ours.splitlines()[-1] in merged and theirs.splitlines()[-1] in merged


def conflicted_network(root: Path) -> Path:
    """A network where ada-lovelace.md holds conflict markers, and another contact knows her."""
    network_in_git(
        root, {"ada-lovelace": ADA, "bob": "---\nname: Bob\nknows: [ada-lovelace]\n---\n"}
    )
    (root / "contacts/ada-lovelace.md").write_text(
        "---\nname: Ada Lovelace\n<<<<<<< ours\ncompany: Desktop Ltd\n=======\n"
        "company: Laptop Ltd\n>>>>>>> theirs\n---\n\n## Log\n"
    )
    return root


def test_validate_during_an_unresolved_conflict_says_conflict_markers_once(
    tmp_path: Path, capsys
) -> None:
    root = conflicted_network(tmp_path / "net")
    assert main(["validate", "--root", str(root)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("contacts/ada-lovelace.md:3: error: conflict markers:")


def test_a_write_to_a_file_with_conflict_markers_is_refused_and_names_them(tmp_path: Path) -> None:
    root = conflicted_network(tmp_path / "net")
    result = kith(root, "log", "bob", "note", "fine")
    assert result.returncode == 0, result.stderr  # other files are not blocked
    result = kith(root, "log", "ada-lovelace", "note", "blocked")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "contacts/ada-lovelace.md:3: conflict markers:" in result.stderr


def test_sync_keeps_gits_informative_first_line(tmp_path: Path, capsys) -> None:
    origin = network_in_git(tmp_path / "origin")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "config", "user.name", "Clone Person")
    git(clone, "config", "user.email", "clone@example.org")
    (origin / "contacts/bob.md").write_text("---\nname: Bob Babbage\ncompany: Mills\n---\n")
    git(origin, "commit", "-qam", "by hand")
    assert main(["sync", "--no-push", "--root", str(clone), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(("Updating ", "Fast-forward", "Successfully rebased")), out
    assert "1 file changed" in out[-1]
