"""Review of the new surfaces: every new command, given odd arguments (empty, 300 characters, bytes
that are not UTF-8, a dash), answers with an exit code and at most a one-line error, never a
traceback and never a file outside what was asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gitrepo import commit_all, init_repo
from kithbook.cli import main

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\ntags: [python]\n---\n\n## Log\n"
BOB = "---\nname: Bob Babbage\n---\n\n## Log\n- 2026-11-01 -> email: hi\n"
LONG = "x" * 300
NOT_UTF8 = os.fsdecode(b"a\xffb")  # as the shell hands such bytes to Python
ODD = ["", LONG, NOT_UTF8, "-"]


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "ada.md").write_text(ADA)
    (root / "contacts" / "bob.md").write_text(BOB)
    commit_all(root)
    monkeypatch.chdir(tmp_path)
    return root


COMMANDS = [
    ["show", "{odd}"],
    ["show", "ada", "--json"],
    ["list", "--tag", "{odd}"],
    ["list", "--company", "{odd}"],
    ["search", "{odd}"],
    ["search", "{odd}", "--json"],
    ["stats", "--json"],
    ["suggest", "{odd}"],
    ["suggest", "--apply", "{odd}"],
    ["draft", "{odd}"],
    ["draft", "ada", "--channel", "{odd}"],
    ["notify", "--dry-run"],
    ["unset", "ada", "{odd}"],
    ["unset", "ada", "tags", "{odd}"],
    ["merge", "ada", "{odd}"],
    ["log", "ada", "bob", "out", "email", "{odd}"],
    ["log", "ada", "{odd}", "note", "text"],
]


@pytest.mark.parametrize("odd", ODD, ids=["empty", "long", "not-utf8", "dash"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command))
def test_a_new_command_with_an_odd_argument_never_raises(root, command, odd, capsys):
    args = [odd if word == "{odd}" else word for word in command]
    try:
        code = main([*args, "--root", str(root)])
    except SystemExit as exit:  # argparse's usage error
        code = exit.code
    err = capsys.readouterr().err
    assert code in (0, 1, 2) and "Traceback" not in err


@pytest.mark.parametrize("name", [LONG, f"{LONG}/inside"])
def test_kith_init_in_a_folder_whose_name_is_too_long_is_one_line(tmp_path, name, capsys):
    assert main(["init", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "File name too long" in err


@pytest.mark.parametrize("folder", ["notes", "contacts"])
def test_kith_init_never_writes_through_a_folder_that_is_a_link(tmp_path, folder, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / folder).symlink_to(outside)
    assert main(["init", str(tmp_path / "new"), "--demo"]) == 2
    assert list(outside.iterdir()) == []
    assert capsys.readouterr().err.count("\n") == 1
