"""`--at REV`: the network as committed at a commit, tag or date, read without touching files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gitrepo import git, init_repo
from kithbook.parse.load import load
from kithbook.repo.revision import RevisionError, load_at


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with a network in `net/`: Ada on 1 March, Bo added and Ada renamed on 1 May."""
    init_repo(tmp_path)
    write(tmp_path, "net/contacts/ada.md", "---\nname: Ada\n---\n")
    write(
        tmp_path,
        "net/mkdocs.yml",
        "site_name: T\nplugins:\n  - kithbook:\n      backlog_per_week: 2\n",
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", date="2026-03-01T12:00:00+00:00")
    git(tmp_path, "tag", "v1")
    write(tmp_path, "net/contacts/ada.md", "---\nname: Ada Lovelace\n---\n")
    write(tmp_path, "net/contacts/bo.md", "---\nname: Bo\n---\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "second", date="2026-05-01T12:00:00+00:00")
    write(tmp_path, "net/contacts/cy.md", "---\nname: Cy (not committed)\n---\n")
    return tmp_path


REVISIONS = [
    pytest.param("v1", ["Ada"], False, id="tag"),
    pytest.param("HEAD~1", ["Ada"], False, id="relative-revision"),
    pytest.param("HEAD", ["Ada Lovelace", "Bo"], False, id="head-ignores-uncommitted-files"),
    pytest.param("2026-03-01", ["Ada"], True, id="date-of-a-commit"),
    pytest.param("2026-04-30", ["Ada"], True, id="date-between-commits"),
    pytest.param("2026-06-01", ["Ada Lovelace", "Bo"], True, id="date-after-the-last-commit"),
]


@pytest.mark.parametrize(("revision", "names", "by_date"), REVISIONS)
def test_the_network_as_it_stood(repo, revision, names, by_date):
    network_at = load_at(repo / "net", revision)
    assert [contact.name for contact in network_at.network.contacts] == names
    assert network_at.by_date is by_date
    assert network_at.network.config.backlog_per_week == 2


def test_a_commit_id_works_and_the_work_tree_is_untouched(repo):
    first = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    before = (repo / "net/contacts/ada.md").read_bytes()
    status = git(repo, "status", "--porcelain")
    network_at = load_at(repo / "net", first[:8])
    assert network_at.commit == first
    assert (repo / "net/contacts/ada.md").read_bytes() == before
    assert git(repo, "status", "--porcelain") == status


def test_problems_point_at_the_committed_files(repo):
    write(repo, "net/contacts/bad.md", "---\nname: [unclosed\n---\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "bad", date="2026-06-01T12:00:00+00:00")
    network_at = load_at(repo / "net", "HEAD")
    assert [(p.path, p.line, p.severity) for p in network_at.network.problems] == [
        ("contacts/bad.md", 2, "error")
    ]


ERRORS = [
    pytest.param(
        "no-such-tag", "--at: 'no-such-tag' is not a commit, tag, branch or date", id="unknown"
    ),
    pytest.param("2020-01-01", "--at: no commit on or before 2020-01-01", id="before-history"),
]


@pytest.mark.parametrize(("revision", "message"), ERRORS)
def test_a_revision_that_names_nothing_is_one_clear_error(repo, revision, message):
    with pytest.raises(RevisionError, match="^" + message.replace("(", r"\(")):
        load_at(repo / "net", revision)


def test_a_folder_outside_any_repository_is_one_clear_error(tmp_path):
    with pytest.raises(RevisionError, match="is not in a Git repository"):
        load_at(tmp_path, "HEAD")


def commit_all(root: Path) -> None:
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "more", date="2026-06-01T12:00:00+00:00")


def test_the_committed_contact_files_are_those_the_loader_reads_on_disk(repo):
    contacts = repo / "net/contacts"
    (repo / "net/contacts/cy.md").unlink()
    os.symlink("ada.md", contacts / "ada-link.md")
    os.symlink("ada-link.md", contacts / "chain.md")
    write(repo, "net/contacts/.hidden.md", "---\nname: Hidden\n---\n")
    write(repo, "net/contacts/notes.txt", "---\nname: Notes\n---\n")
    write(repo, "net/contacts/sub/deeper.md", "---\nname: Deeper\n---\n")
    write(repo, "net/contacts/folder.md/inside.md", "---\nname: Inside\n---\n")
    commit_all(repo)
    committed = [(c.slug, c.name) for c in load_at(repo / "net", "HEAD").network.contacts]
    on_disk = [(c.slug, c.name) for c in load(repo / "net").contacts]
    expected = [("ada", "Ada Lovelace"), ("ada-link", "Ada Lovelace"), ("bo", "Bo")]
    assert committed == on_disk == [*expected, ("chain", "Ada Lovelace")]


@pytest.mark.parametrize(
    "target", ["../../../elsewhere.md", "/etc/hostname", "missing.md", "loop.md", "../contacts"]
)
def test_a_committed_link_that_leads_nowhere_in_the_commit_is_not_a_contact(repo, target):
    os.symlink(target, repo / "net/contacts/loop.md")
    commit_all(repo)
    slugs = [contact.slug for contact in load_at(repo / "net", "HEAD").network.contacts]
    assert slugs == ["ada", "bo", "cy"]
