"""Contact histories from one `git log` pass (kithbook.repo.history)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.cache import cache_path
from kithbook.config import Config
from kithbook.repo import history as git_history
from kithbook.repo.history import KeyChange, file_histories


def commit(root: Path, files: dict[str, str], message: str, date: str) -> None:
    for name, text in files.items():
        path = root / "contacts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    commit_all(root, message, date)


def contact(company: str, role: str = "Engineer", location: str = "Bristol") -> str:
    return f"---\nname: Ada\ncompany: {company}\nrole: {role}\nlocation: {location}\n---\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git_history._memory.clear()
    return init_repo(tmp_path)


def test_a_file_is_added_on_its_first_commit_and_its_changes_are_listed_oldest_first(repo):
    commit(repo, {"ada.md": contact("Acme")}, "add", "2024-03-01T12:00:00")
    commit(repo, {"ada.md": contact("Acme") + "\nnotes\n"}, "notes", "2024-09-01T12:00:00")
    commit(repo, {"ada.md": contact("Brightline", "CTO")}, "job", "2025-06-02T12:00:00")
    commit(repo, {"ada.md": contact("Brightline", "CTO", "Leeds")}, "move", "2026-01-05T12:00:00")
    history = file_histories(repo, Config())["contacts/ada.md"]
    assert (history.added, history.last_changed, history.commits) == (
        dt.date(2024, 3, 1),
        dt.date(2026, 1, 5),
        4,
    )
    assert history.changes == (
        KeyChange(dt.date(2025, 6, 2), "company", "Acme", "Brightline"),
        KeyChange(dt.date(2025, 6, 2), "role", "Engineer", "CTO"),
        KeyChange(dt.date(2026, 1, 5), "location", "Bristol", "Leeds"),
    )


def test_a_renamed_file_keeps_the_history_of_its_old_name(repo):
    commit(repo, {"ada.md": contact("Acme")}, "add", "2024-03-01T12:00:00")
    git(repo, "mv", "contacts/ada.md", "contacts/ada-lovelace.md")
    git(repo, "commit", "-q", "-m", "rename", date="2025-01-01T12:00:00")
    histories = file_histories(repo, Config())
    assert list(histories) == ["contacts/ada-lovelace.md"]
    assert histories["contacts/ada-lovelace.md"].added == dt.date(2024, 3, 1)


def test_a_network_in_a_subfolder_of_the_repository_gets_paths_relative_to_itself(repo):
    network = repo / "network"
    network.mkdir()
    commit(network, {"ada.md": contact("Acme")}, "add", "2024-03-01T12:00:00")
    assert list(file_histories(network, Config())) == ["contacts/ada.md"]


@pytest.mark.parametrize("setup", ["not a repository", "no commits yet"])
def test_a_folder_without_history_has_none(tmp_path, setup):
    git_history._memory.clear()
    if setup == "no commits yet":
        git(tmp_path, "init", "-q")
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts" / "ada.md").write_text(contact("Acme"), encoding="utf-8")
    assert file_histories(tmp_path, Config()) == {}


def test_the_history_is_cached_on_disk_by_head_and_recomputed_after_a_commit(repo):
    commit(repo, {"ada.md": contact("Acme")}, "add", "2024-03-01T12:00:00")
    first = file_histories(repo, Config())
    assert cache_path(repo, git_history.CACHE_FILE).is_file()
    git_history._memory.clear()
    assert file_histories(repo, Config()) == first
    commit(repo, {"bob.md": contact("Brightline")}, "bob", "2024-04-01T12:00:00")
    assert sorted(file_histories(repo, Config())) == ["contacts/ada.md", "contacts/bob.md"]


def test_an_old_version_that_does_not_parse_counts_as_empty_values(repo):
    commit(repo, {"ada.md": "---\nname: [broken\n---\n"}, "broken", "2024-03-01T12:00:00")
    commit(repo, {"ada.md": contact("Acme")}, "fixed", "2024-03-02T12:00:00")
    changes = file_histories(repo, Config())["contacts/ada.md"].changes
    assert [change.key for change in changes] == ["company", "role", "location"]
    assert changes[0].old is None and changes[0].new == "Acme"
