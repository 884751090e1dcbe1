"""kith init: a new, separate network repository, ready for kith new, with no file of the tool."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gitrepo import git
from kithbook.cli import main
from kithbook.write.new_network import demo_contacts, network_files

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Person",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test Person",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


@pytest.fixture
def identity(monkeypatch) -> None:
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


def tracked(root: Path) -> list[str]:
    return sorted(git(root, "ls-files").splitlines())


def test_init_makes_a_repository_with_the_network_files_in_one_commit_and_no_remote(
    tmp_path: Path, identity, capsys
) -> None:
    root = tmp_path / "network"
    assert main(["init", str(root)]) == 0
    assert tracked(root) == sorted(network_files())
    assert git(root, "log", "--format=%s").splitlines() == ["init: a new Kithbook network"]
    assert git(root, "remote") == ""
    assert git(root, "status", "--porcelain") == ""
    assert "contacts/*.md merge=kithbook" in (root / ".gitattributes").read_text()
    assert "/site/" in (root / ".gitignore").read_text()
    assert "- kithbook" in (root / "mkdocs.yml").read_text()
    assert git(root, "config", "merge.kithbook.driver").strip().endswith("%O %A %B %P")
    assert "kithbook.cli.precommit" in (root / ".git/hooks/pre-commit").read_text()
    assert capsys.readouterr().out.startswith(f"created a Kithbook network in {root}: ")


def test_the_new_settings_show_how_to_sign_drafts_and_the_hint_works_as_written() -> None:
    from kithbook.config import config_from_bytes
    from kithbook.write.new_network import MKDOCS_YML

    lines = MKDOCS_YML.splitlines()
    plugin = next(line for line in lines if line.startswith("  - kithbook "))
    hint = "\n".join(line.removeprefix("#") for line in lines if line.startswith("#  "))
    config, problems = config_from_bytes(MKDOCS_YML.replace(plugin, hint).encode())
    assert problems == [] and config.user_name == "Robin"


def test_init_holds_no_file_of_the_tool(tmp_path: Path, identity) -> None:
    root = tmp_path / "network"
    assert main(["init", str(root), "--demo"]) == 0
    names = tracked(root)
    assert not [name for name in names if name.startswith(("tools/", "tests/", "docs/"))]
    assert not [name for name in names if name.endswith(".py")]


def test_init_demo_copies_the_demo_people_byte_for_byte(tmp_path: Path, identity) -> None:
    root = tmp_path / "network"
    assert main(["init", str(root), "--demo"]) == 0
    shipped = demo_contacts()
    assert len(shipped) == 34
    for name, data in shipped.items():
        assert (root / "contacts" / name).read_bytes() == data
    assert not (root / "contacts/.gitkeep").exists()


def test_the_new_network_is_found_from_inside_it_and_takes_a_new_contact(
    tmp_path: Path, identity, monkeypatch, capsys
) -> None:
    root = tmp_path / "network"
    assert main(["init", str(root)]) == 0
    (root / "notes" / "deep").mkdir()
    monkeypatch.chdir(root / "notes" / "deep")
    assert main(["new", "Ada Lovelace", "--email", "ada@example.org"]) == 0
    assert (root / "contacts/ada-lovelace.md").is_file()
    assert git(root, "log", "-1", "--format=%s").strip() == "new: ada-lovelace"
    assert main(["validate"]) == 0


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        ("contacts/", "is a Kithbook network already"),
        ("mkdocs.yml:site_name: X\nplugins: [kithbook]\n", "is a Kithbook network already"),
        ("README.md:# Mine\n", "README.md exists; kith init writes no file over another"),
    ],
    ids=["contacts-folder", "kithbook-mkdocs", "a-file-it-would-write"],
)
def test_init_refuses_to_write_over_a_network_or_a_file(
    tmp_path: Path, identity, capsys, existing: str, message: str
) -> None:
    root = tmp_path / "here"
    root.mkdir()
    name, _, content = existing.partition(":")
    if name.endswith("/"):
        (root / name).mkdir()
    else:
        (root / name).write_text(content)
    before = sorted(path.name for path in root.iterdir())
    assert main(["init", str(root)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("kith init: error: ") and message in error and error.count("\n") == 1
    assert sorted(path.name for path in root.iterdir()) == before


def test_init_leaves_a_pre_commit_hook_it_did_not_write_alone(
    tmp_path: Path, identity, capsys
) -> None:
    root = tmp_path / "here"
    git(tmp_path, "init", "-q", str(root))
    hook = root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n")
    assert main(["init", str(root)]) == 2
    assert "pass --no-hook to keep it" in capsys.readouterr().err
    assert sorted(path.name for path in root.iterdir()) == [".git"]
    assert main(["init", str(root), "--no-hook"]) == 0
    assert hook.read_text() == "#!/bin/sh\nexit 0\n"
    assert tracked(root) == sorted(network_files())


def test_init_in_the_current_folder(tmp_path: Path, identity, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert (tmp_path / "contacts").is_dir() and (tmp_path / ".git").is_dir()


def test_init_without_a_git_identity_writes_the_network_and_says_how_to_commit(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    for name in IDENTITY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("EMAIL", "")
    root = tmp_path / "network"
    code = main(["init", str(root)])
    error = capsys.readouterr().err
    if code == 0:  # some Git versions make up an identity from the host name
        pytest.skip("this Git commits without a configured identity")
    assert code == 1 and "not committed" in error and "git config --global user.name" in error
    assert (root / "mkdocs.yml").is_file()


def test_every_file_of_a_new_network_is_plain_utf8_text() -> None:
    for path, data in network_files().items():
        data.decode("utf-8")
        assert not path.startswith("/") and ".." not in path
