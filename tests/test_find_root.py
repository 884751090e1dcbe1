"""Finding the network: --root, else $KITHBOOK_ROOT, else the nearest folder upwards; outside any
network every command that needs one says so in one line, exits 2 and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.cli.find_root import NotANetwork, find_network, is_network

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\n---\n\n## Log\n"

NEEDS_A_NETWORK = [
    ["due"],
    ["validate"],
    ["show", "ada"],
    ["list"],
    ["search", "ada"],
    ["new", "Foo Bar"],
    ["log", "ada", "out", "email", "hi"],
    ["snooze", "ada", "3w"],
    ["status", "ada", "paused"],
    ["set", "ada", "company", "X"],
    ["unset", "ada", "company"],
    ["merge", "ada", "bob"],
    ["edit", "ada"],
    ["undo"],
    ["sync"],
    ["git-setup"],
    ["import", "people.vcf"],
    ["export", "json", "-o", "out.json"],
    ["site", "--out", "pages"],
    ["serve"],
]


def run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_:
        return int(exit_.code or 0)


@pytest.mark.parametrize("args", NEEDS_A_NETWORK, ids=[args[0] for args in NEEDS_A_NETWORK])
def test_outside_a_network_a_command_says_so_in_one_line_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch, capsys, args: list[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "people.vcf").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Foo\nEND:VCARD\n")
    monkeypatch.chdir(empty)
    monkeypatch.delenv("KITHBOOK_ROOT", raising=False)
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    assert run(*args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"kith {args[0]}: error: not in a Kithbook network")
    assert captured.err.count("\n") == 1 and "kith init" in captured.err
    assert [path.name for path in empty.iterdir()] == ["people.vcf"]


def test_a_root_that_is_no_network_is_refused_and_left_alone(tmp_path: Path, capsys) -> None:
    assert run("new", "Foo Bar", "--root", str(tmp_path)) == 2
    assert "not a Kithbook network" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("files", "network"),
    [
        ({"contacts/": ""}, True),
        ({"mkdocs.yml": "site_name: X\nplugins:\n  - search\n  - kithbook\n"}, True),
        ({"mkdocs.yml": "site_name: X\nplugins:\n  - kithbook:\n      lookahead: 7d\n"}, True),
        ({"mkdocs.yml": "site_name: X\nplugins: {kithbook: {}}\n"}, True),
        ({"mkdocs.yml": "site_name: X\nplugins: [search]\n"}, False),
        ({"mkdocs.yml": "site_name: X\n# kithbook\n"}, False),
        ({"mkdocs.yml": "plugins: [kithbook\n"}, False),
        ({"contacts": "a file, not a folder"}, False),
        ({}, False),
    ],
    ids=[
        "contacts-folder",
        "plugin-listed",
        "plugin-with-options",
        "plugins-as-mapping",
        "mkdocs-without-the-plugin",
        "plugin-only-in-a-comment",
        "broken-yaml",
        "contacts-file",
        "empty",
    ],
)
def test_a_network_is_a_folder_with_contacts_or_a_mkdocs_yml_naming_the_plugin(
    tmp_path: Path, files: dict[str, str], network: bool
) -> None:
    for name, content in files.items():
        if name.endswith("/"):
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).write_text(content)
    assert is_network(tmp_path) is network


def test_the_nearest_network_upwards_is_found(tmp_path: Path) -> None:
    (tmp_path / "contacts").mkdir()
    deep = tmp_path / "contacts" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_network(deep) == tmp_path
    assert find_network(tmp_path) == tmp_path


def test_kithbook_root_names_the_network_from_anywhere(tmp_path: Path, monkeypatch, capsys) -> None:
    network = tmp_path / "net"
    (network / "contacts").mkdir(parents=True)
    (network / "contacts/ada.md").write_text(ADA)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("KITHBOOK_ROOT", str(network))
    assert run("list", "--slugs") == 0
    assert capsys.readouterr().out == "ada\n"


def test_a_kithbook_root_that_is_no_network_is_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KITHBOOK_ROOT", str(tmp_path))
    with pytest.raises(NotANetwork, match=r"^\$KITHBOOK_ROOT=.*: not a Kithbook network"):
        find_network(tmp_path, str(tmp_path))


def test_root_wins_over_kithbook_root(tmp_path: Path, monkeypatch, capsys) -> None:
    for name in ("one", "two"):
        (tmp_path / name / "contacts").mkdir(parents=True)
        (tmp_path / name / "contacts" / f"{name}.md").write_text(f"---\nname: {name}\n---\n")
    monkeypatch.setenv("KITHBOOK_ROOT", str(tmp_path / "one"))
    assert run("list", "--slugs", "--root", str(tmp_path / "two")) == 0
    assert capsys.readouterr().out == "two\n"
