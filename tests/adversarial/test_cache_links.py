"""Review of the new surfaces: a cloned network's own `.kithbook-cache/` (committed by its author,
links included) never makes kith write, truncate or delete anything outside the network, and a
corrupt cache is only a miss (kithbook.cache, kithbook.parse.cache)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from dataclasses import fields
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kithbook.cache import CACHE_DIR, cache_folder
from kithbook.cli import main
from kithbook.model import Contact
from kithbook.parse.load import load
from kithbook.repo.history import file_histories

ADA = "---\nname: Ada Lovelace\ncircle: close\n---\n\n## Log\n- 2026-01-01 -> email: Hi\n"
CONFIG = "site_name: N\ntheme:\n  name: material\n  font: false\nplugins:\n  - kithbook\n"
OLD = 1_600_000_000  # an mtime old enough for every cache to trust


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder of the user's, outside the network, with a file and 40 JSON files."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "bashrc").write_text("MINE\n")
    for index in range(40):
        (folder / f"data{index}.json").write_text("{}")
        os.utime(folder / f"data{index}.json", (OLD, OLD))
    return folder


@pytest.fixture
def cloned(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    root = tmp_path / "network"
    (root / "contacts").mkdir(parents=True)
    (root / "contacts" / "ada-lovelace.md").write_text(ADA)
    (root / "mkdocs.yml").write_text(CONFIG)
    (root / "docs").mkdir()
    for path in [*root.rglob("*")]:
        os.utime(path, (OLD, OLD))
    (root / CACHE_DIR).mkdir()
    return root


def untouched(outside: Path) -> bool:
    names = sorted(path.name for path in outside.iterdir())
    return (outside / "bashrc").read_text() == "MINE\n" and len(names) == 41


def test_a_site_build_never_writes_through_links_in_the_page_cache(cloned, outside):
    pages = cloned / CACHE_DIR / "pages"
    pages.mkdir()
    (pages / "index.md").symlink_to(outside / "bashrc")
    (pages / "people").symlink_to(outside)
    build(load_config(str(cloned / "mkdocs.yml"), site_dir=str(cloned / "site")))
    assert untouched(outside)
    assert (
        "Ada Lovelace" in (cloned / "site" / "people" / "ada-lovelace" / "index.html").read_text()
    )


def test_a_page_cache_folder_that_is_a_link_is_not_used(cloned, outside):
    (cloned / CACHE_DIR / "pages").symlink_to(outside)
    build(load_config(str(cloned / "mkdocs.yml"), site_dir=str(cloned / "site")))
    assert untouched(outside)
    assert (cloned / "site" / "index.html").is_file()


def test_kith_due_never_prunes_a_folder_the_due_cache_links_to(cloned, outside, capsys):
    (cloned / CACHE_DIR / "due").symlink_to(outside)
    assert main(["due", "--root", str(cloned)]) == 0
    assert untouched(outside)
    assert "Ada Lovelace" in capsys.readouterr().out


@pytest.mark.parametrize("link", [CACHE_DIR, f"{CACHE_DIR}/.gitignore"])
def test_the_contacts_cache_never_writes_through_a_link(cloned, outside, link):
    (cloned / CACHE_DIR).rmdir()
    if link.endswith(".gitignore"):
        (cloned / CACHE_DIR).mkdir()
        (cloned / link).symlink_to(outside / "new-file")  # dangling: write_text would create it
    else:
        (cloned / link).symlink_to(outside)
    network = load(cloned, cache=True)
    assert [contact.slug for contact in network.contacts] == ["ada-lovelace"]
    assert untouched(outside) and not (outside / "new-file").exists()


def test_the_git_history_cache_never_writes_through_a_link(cloned, outside):
    from gitrepo import commit_all, init_repo

    init_repo(cloned)
    commit_all(cloned)
    (cloned / CACHE_DIR / "git-history.json").symlink_to(outside / "bashrc")
    (cloned / CACHE_DIR / "git-history.tmp").symlink_to(outside / "bashrc")
    histories = file_histories(cloned, load(cloned).config)
    assert list(histories) == ["contacts/ada-lovelace.md"]
    assert untouched(outside)


def test_cache_folder_refuses_a_file_or_link_where_a_folder_should_be(tmp_path):
    (tmp_path / CACHE_DIR).write_text("not a folder")
    assert cache_folder(tmp_path, "due") is None
    assert cache_folder(tmp_path / "elsewhere", "due", create=False) is None


@pytest.mark.parametrize(
    "corrupt",
    ["row-too-short", "row-not-a-tuple", "bad-log", "problems-none", "changes-malformed"],
)
def test_a_corrupt_contacts_cache_with_the_right_key_is_only_a_miss(cloned, corrupt):
    load(cloned, cache=True)  # the first run only notes that it ran
    load(cloned, cache=True)
    path = cloned / CACHE_DIR / "contacts.pickle"
    key, generation, rows = pickle.loads(path.read_bytes())
    identity, row, problems, private = rows["ada-lovelace.md"]
    if corrupt == "row-too-short":
        rows["ada-lovelace.md"] = (identity, row[:3], problems, private)
    elif corrupt == "row-not-a-tuple":
        rows["ada-lovelace.md"] = 5
    elif corrupt == "bad-log":
        at = [field.name for field in fields(Contact)].index("log")
        bad = list(row)
        bad[at] = (5, 6)
        rows["ada-lovelace.md"] = (identity, tuple(bad), problems, private)
    elif corrupt == "problems-none":
        rows["ada-lovelace.md"] = (identity, row, None, private)
    else:
        changes = cloned / CACHE_DIR / "contacts-changes.pickle"
        changes.write_bytes(pickle.dumps((key, generation, ("x", "y"))))
    path.write_bytes(pickle.dumps((key, generation, rows)))
    network = load(cloned, cache=True)
    assert [(contact.slug, len(contact.log)) for contact in network.contacts] == [
        ("ada-lovelace", 1)
    ]
    assert network.problems == load(cloned).problems


def test_the_cache_is_still_used_when_nothing_is_in_the_way(cloned):
    load(cloned, cache=True)
    load(cloned, cache=True)
    assert (cloned / CACHE_DIR / "contacts.pickle").is_file()
    assert (cloned / CACHE_DIR / ".gitignore").read_text().endswith("*\n")
    assert dt.date(2026, 1, 1) in [entry.date for entry in load(cloned, cache=True).contacts[0].log]


def test_kith_site_out_never_writes_through_links_a_cloned_network_committed(cloned, outside):
    pages = cloned / "pages"  # `kith site --out pages`, as its help suggests, inside the network
    pages.mkdir()
    (pages / "index.md").symlink_to(outside / "bashrc")
    assert main(["site", "--root", str(cloned), "--out", str(pages)]) == 0
    assert untouched(outside)
    assert not (pages / "index.md").is_symlink() and "Ada" in (pages / "index.md").read_text()
    (pages / "people").rename(cloned / "moved")
    (pages / "people").symlink_to(outside)
    assert main(["site", "--root", str(cloned), "--out", str(pages)]) == 2
    assert untouched(outside)
