"""Git at the edge, with real repositories in tmp_path: commits, undo, and two clones merging."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo, set_identity
from kithbook.cli import main
from kithbook.repo.commits import GitError, commit_files, commit_trailers
from kithbook.write.undo import undo_last

ADA = "---\nname: Ada Lovelace\ncircle: friend  # since 2019\ncompany: Analytical\n---\n\n## Log\n"


def make_repo(folder: Path, contacts: dict[str, str] | None = None) -> Path:
    """A repository with its own identity and one commit holding `contacts`."""
    init_repo(folder)
    (folder / "contacts").mkdir(exist_ok=True)
    for slug, text in (contacts or {"ada-lovelace": ADA}).items():
        (folder / "contacts" / f"{slug}.md").write_text(text)
    commit_all(folder)
    return folder


def subjects(folder: Path) -> list[str]:
    return git(folder, "log", "--format=%s").splitlines()


def test_commit_files_commits_only_the_files_named(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net", {"ada-lovelace": ADA, "bob": "---\nname: Bob\n---\n"})
    (root / "contacts/ada-lovelace.md").write_text(ADA + "- 2026-11-30 -> email: Hi\n")
    (root / "contacts/bob.md").write_text("---\nname: Bob B\n---\n")
    outcome = commit_files(root, [root / "contacts/ada-lovelace.md"], "log: ada-lovelace -> email")
    assert outcome.committed and subjects(root)[0] == "log: ada-lovelace -> email"
    assert git(root, "status", "--porcelain").splitlines() == [" M contacts/bob.md"]


def test_a_kith_commit_carries_the_command_as_a_trailer(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    (root / "contacts/ada-lovelace.md").write_text(ADA + "x\n")
    commit_files(root, [root / "contacts/ada-lovelace.md"], "log: ada-lovelace -> email")
    assert commit_trailers(git(root, "log", "-1", "--format=%B")) == {"Kith-Command": "log"}


@pytest.mark.parametrize(
    ("setup", "no_commit", "status"),
    [
        ("clean", True, "written"),
        ("not a repo", False, "not-a-repo"),
    ],
)
def test_commit_files_skips_when_it_should(tmp_path: Path, setup, no_commit, status):
    if setup == "not a repo":
        root = tmp_path / "plain"
        (root / "contacts").mkdir(parents=True)
        (root / "contacts/ada-lovelace.md").write_text(ADA)
    else:
        root = make_repo(tmp_path / "net")
        (root / "contacts/ada-lovelace.md").write_text(ADA + "x\n")
    outcome = commit_files(root, [root / "contacts/ada-lovelace.md"], "log: x", no_commit=no_commit)
    assert outcome.status == status and not outcome.committed
    if setup != "not a repo":
        assert subjects(root) == ["start"]


def test_a_commit_takes_only_its_files_and_leaves_what_is_staged_staged(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    (root / "contacts/ada-lovelace.md").write_text(ADA + "x\n")
    (root / "notes.txt").write_text("mine\n")
    git(root, "add", "notes.txt")
    outcome = commit_files(root, [root / "contacts/ada-lovelace.md"], "log: x")
    assert outcome.committed and subjects(root) == ["log: x", "start"]
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [
        "contacts/ada-lovelace.md"
    ]
    assert git(root, "status", "--porcelain").splitlines() == ["A  notes.txt"]


def test_a_commit_refused_by_a_hook_is_reported_not_raised(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    hook = root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'error: the network has errors' >&2\nexit 1\n")
    hook.chmod(0o755)
    (root / "contacts/ada-lovelace.md").write_text(ADA + "x\n")
    outcome = commit_files(root, [root / "contacts/ada-lovelace.md"], "log: x")
    assert outcome.status == "failed" and "network has errors" in outcome.message


def test_undo_reverts_the_last_kith_commit_and_skips_others(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net", {"ada-lovelace": ADA, "bob": "---\nname: Bob\n---\n"})
    ada = root / "contacts/ada-lovelace.md"
    ada.write_text(ADA + "- 2026-11-30 -> email: Hi\n")
    commit_files(root, [ada], "log: ada-lovelace -> email")
    (root / "contacts/bob.md").write_text("---\nname: Bob B\n---\n")
    git(root, "commit", "-q", "-am", "by hand")
    outcome = undo_last(root)
    assert ada.read_text() == ADA
    assert (root / "contacts/bob.md").read_text() == "---\nname: Bob B\n---\n"
    assert outcome.paths == ("contacts/ada-lovelace.md",)
    assert subjects(root)[:3] == [
        "undo: log: ada-lovelace -> email",
        "by hand",
        "log: ada-lovelace -> email",
    ]


def test_undo_twice_undoes_two_kith_commits_then_says_there_is_nothing(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    ada = root / "contacts/ada-lovelace.md"
    for line in ("- 2026-11-29 -> email: One\n", "- 2026-11-30 -> email: Two\n"):
        ada.write_text(ada.read_text() + line)
        commit_files(root, [ada], "log: ada-lovelace -> email")
    undo_last(root)
    undo_last(root)
    assert ada.read_text() == ADA
    with pytest.raises(GitError, match="no commit made by kith"):
        undo_last(root)


def test_undo_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not in a Git repository"):
        undo_last(tmp_path)


def two_clones(tmp_path: Path) -> tuple[Path, Path]:
    """A shared bare repository and two clones of it, each with the merge driver installed."""
    origin = make_repo(tmp_path / "origin-work")
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(origin), str(bare)], check=True)
    clones = []
    for name in ("laptop", "desktop"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(bare), str(clone)], check=True)
        set_identity(clone, f"{name.title()} Person")
        assert main(["git-setup", "--root", str(clone)]) == 0  # commits .gitattributes
        if name == "laptop":
            git(clone, "push", "-q")
        clones.append(clone)
    laptop, desktop = clones
    assert (desktop / ".gitattributes").read_text() == "contacts/*.md merge=kithbook\n"
    return laptop, desktop


def kith(clone: Path, *args: str) -> int:
    return main([*args, "--root", str(clone), "--today", "2026-12-01"])


def test_two_machines_logging_at_once_keep_every_line_after_sync(tmp_path: Path) -> None:
    laptop, desktop = two_clones(tmp_path)
    assert kith(laptop, "log", "ada", "out", "email", "Sent the slides") == 0
    assert kith(laptop, "set", "ada", "circle", "close") == 0
    assert kith(laptop, "sync") == 0
    assert (
        kith(desktop, "log", "ada", "in", "phone", "She called back", "--date", "2026-11-30") == 0
    )
    assert kith(desktop, "set", "ada", "company", "Engines Ltd") == 0
    assert kith(desktop, "sync") == 0
    assert kith(laptop, "sync") == 0
    for clone in (laptop, desktop):
        assert (clone / "contacts/ada-lovelace.md").read_text() == (
            "---\nname: Ada Lovelace\ncircle: close  # since 2019\ncompany: Engines Ltd\n---\n\n"
            "## Log\n- 2026-11-30 <- phone: She called back\n"
            "- 2026-12-01 -> email: Sent the slides\n"
        )


def test_a_plain_merge_uses_the_driver_and_keeps_both_log_lines(tmp_path: Path) -> None:
    laptop, desktop = two_clones(tmp_path)
    kith(laptop, "log", "ada", "note", "Moved to Turin")
    git(laptop, "push", "-q")
    kith(desktop, "log", "ada", "both", "video", "Long call")
    git(desktop, "pull", "-q", "--no-rebase", "--no-edit")
    text = (desktop / "contacts/ada-lovelace.md").read_text()
    assert (
        "- 2026-12-01 note: Moved to Turin\n" in text
        and "- 2026-12-01 <-> video: Long call\n" in text
    )
    assert "<<<<<<<" not in text


def test_the_same_key_changed_on_both_machines_is_left_as_a_conflict(tmp_path: Path) -> None:
    laptop, desktop = two_clones(tmp_path)
    kith(laptop, "set", "ada", "company", "Laptop Ltd")
    git(laptop, "push", "-q")
    kith(desktop, "set", "ada", "company", "Desktop Ltd")
    result = subprocess.run(
        ["git", "-C", str(desktop), "pull", "-q", "--no-rebase", "--no-edit"],
        capture_output=True,
        text=True,
        check=False,
    )
    text = (desktop / "contacts/ada-lovelace.md").read_text()
    assert result.returncode != 0
    assert (
        "<<<<<<< ours\ncompany: Desktop Ltd\n=======\ncompany: Laptop Ltd\n>>>>>>> theirs\n" in text
    )


def test_sync_stops_cleanly_on_a_conflict_and_changes_nothing(tmp_path: Path, capsys) -> None:
    laptop, desktop = two_clones(tmp_path)
    kith(laptop, "set", "ada", "company", "Laptop Ltd")
    kith(laptop, "sync")
    kith(desktop, "set", "ada", "company", "Desktop Ltd")
    before = (desktop / "contacts/ada-lovelace.md").read_text()
    assert kith(desktop, "sync") == 1
    assert "conflict in contacts/ada-lovelace.md" in capsys.readouterr().err
    assert (desktop / "contacts/ada-lovelace.md").read_text() == before
    assert git(desktop, "status", "--porcelain") == ""


def test_sync_without_a_remote_says_how_to_add_one(tmp_path: Path, capsys) -> None:
    root = make_repo(tmp_path / "net")
    assert kith(root, "sync") == 1
    assert "git remote add origin" in capsys.readouterr().err


def test_git_setup_hook_refuses_a_commit_that_leaves_the_network_invalid(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    assert main(["git-setup", "--hook", "--root", str(root)]) == 0
    (root / "contacts/broken.md").write_text("---\nname: [unclosed\n---\n")
    git(root, "add", "contacts/broken.md")
    refused = subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "-m", "broken"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (
        refused.returncode != 0
        and "contacts/broken.md:2:7: error" in refused.stdout + refused.stderr
    )
    (root / "contacts/broken.md").write_text("---\nname: Fixed\n---\n")
    git(root, "add", "contacts/broken.md")
    git(root, "commit", "-q", "-m", "fixed")
    assert subjects(root)[0] == "fixed"


def test_the_hook_judges_what_is_staged_not_the_work_tree(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    assert main(["git-setup", "--hook", "--root", str(root)]) == 0
    broken = root / "contacts/broken.md"
    broken.write_text("---\nname: [unclosed\n---\n")
    git(root, "add", "contacts/broken.md")
    broken.write_text("---\nname: Fixed in the work tree only\n---\n")  # not staged
    refused = subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "-m", "broken"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (
        refused.returncode != 0
        and "contacts/broken.md:2:7: error" in refused.stdout + refused.stderr
    )
    git(root, "add", "contacts/broken.md")
    broken.write_text("---\nname: [broken again, unstaged\n---\n")
    git(root, "commit", "-q", "-m", "fixed")  # what is staged is valid: the commit goes through
    assert subjects(root)[0] == "fixed"


@pytest.mark.parametrize("staged", [True, False], ids=["staged-error", "work-tree-error"])
def test_due_staged_reads_the_index(tmp_path: Path, capsys, staged: bool) -> None:
    root = make_repo(tmp_path / "net")
    path = root / "contacts/ada.md"
    path.write_text("---\nname: [unclosed\n---\n")
    if staged:
        git(root, "add", "contacts/ada.md")
        path.write_text("---\nname: Ada\n---\n")
    code = main(["due", "--staged", "--root", str(root), "--today", "2026-12-01"])
    assert code == (1 if staged else 0)
    assert "the network as staged" in capsys.readouterr().err


def test_due_staged_outside_a_repository_is_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "contacts").mkdir()
    assert main(["due", "--staged", "--root", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("kith due: error: --staged:")


def test_git_setup_will_not_replace_a_hook_it_did_not_write(tmp_path: Path, capsys) -> None:
    root = make_repo(tmp_path / "net")
    (root / ".git/hooks/pre-commit").write_text("#!/bin/sh\nexit 0\n")
    assert main(["git-setup", "--hook", "--root", str(root)]) == 2
    assert "was not written by kith" in capsys.readouterr().err
    assert main(["git-setup", "--hook", "--force", "--root", str(root)]) == 0


def test_git_setup_twice_writes_the_attribute_once_and_commits_it_once(
    tmp_path: Path, capsys
) -> None:
    root = make_repo(tmp_path / "net")
    main(["git-setup", "--root", str(root)])
    capsys.readouterr()
    main(["git-setup", "--root", str(root)])
    head = git(root, "rev-parse", "--short=7", "HEAD").strip()
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"nothing to commit: the last commit ({head}) already has these files as they are"
    )
    assert (root / ".gitattributes").read_text() == "contacts/*.md merge=kithbook\n"
    assert "kithbook.repo.merge_driver %O %A %B %P" in git(root, "config", "merge.kithbook.driver")
    assert subjects(root)[:2] == ["git-setup: merge contacts/*.md with kithbook", "start"]
    assert git(root, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (b"*.png binary\r\n", b"*.png binary\r\ncontacts/*.md merge=kithbook\r\n"),
        (
            b"*.png binary\r\n*.jpg binary",
            b"*.png binary\r\n*.jpg binary\r\ncontacts/*.md merge=kithbook\r\n",
        ),
        (
            b"\xef\xbb\xbf*.png binary\n",
            b"\xef\xbb\xbf*.png binary\ncontacts/*.md merge=kithbook\n",
        ),
        (b"# mine\rcontacts/*.md merge=kithbook\r", b"# mine\rcontacts/*.md merge=kithbook\r"),
    ],
)
def test_git_setup_adds_to_a_hand_written_gitattributes_keeping_every_byte(
    tmp_path: Path, capsys, written: bytes, expected: bytes
) -> None:
    root = make_repo(tmp_path / "net")
    (root / ".gitattributes").write_bytes(written)
    assert main(["git-setup", "--root", str(root), "--no-commit"]) == 0
    assert (root / ".gitattributes").read_bytes() == expected
    assert "written, not committed (--no-commit)" in capsys.readouterr().err
    assert [path.name for path in root.glob(".gitattributes*")] == [".gitattributes"]


def test_git_setup_commits_only_its_file_and_a_new_clone_merges_with_the_driver(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path / "net")
    (root / "notes.txt").write_text("not staged, not committed\n")
    assert main(["git-setup", "--root", str(root)]) == 0
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [".gitattributes"]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    attribute = git(clone, "check-attr", "merge", "contacts/ada-lovelace.md")
    assert attribute.strip() == "contacts/ada-lovelace.md: merge: kithbook"


def test_git_setup_with_other_changes_staged_commits_only_gitattributes(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    (root / "notes.txt").write_text("staged by hand\n")
    git(root, "add", "notes.txt")
    assert main(["git-setup", "--root", str(root)]) == 0
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [".gitattributes"]
    assert git(root, "status", "--porcelain").splitlines() == ["A  notes.txt"]


def loose_objects(root: Path) -> set[str]:
    folders = (root / ".git/objects").glob("[0-9a-f][0-9a-f]")
    return {folder.name + path.name for folder in folders for path in folder.iterdir()}


@pytest.mark.parametrize("bulk", [False, True], ids=["few files", "many files"])
def test_an_import_sized_commit_holds_exactly_its_files_and_undo_takes_it_back(
    tmp_path: Path, monkeypatch, bulk: bool
) -> None:
    monkeypatch.setattr("kithbook.repo.plumbing.BULK_PATHS", 1 if bulk else 100)
    root = make_repo(tmp_path / "net", {"ada-lovelace": ADA, "bob": "---\nname: Bob\n---\n"})
    written = [root / "contacts/ada-lovelace.md", root / "contacts/zoë smith.md"]
    written[0].write_text(ADA + "- 2026-11-30 -> email: Hi\n")
    written[1].write_text("---\nname: Zoë Smith\n---\n")
    (root / "contacts/bob.md").write_text("---\nname: Bob B\n---\n")
    outcome = commit_files(root, written, "import: 1 new, 1 merged from x.csv", command="import")
    assert outcome.committed and subjects(root)[0] == "import: 1 new, 1 merged from x.csv"
    committed = git(root, "show", "--name-only", "-z", "--format=", "HEAD").strip("\0\n")
    assert sorted(committed.split("\0")) == ["contacts/ada-lovelace.md", "contacts/zoë smith.md"]
    blobs = {git(root, "rev-parse", f"HEAD:{path}").strip() for path in committed.split("\0")}
    assert (blobs & loose_objects(root) == set()) == bulk  # many files: their objects in one pack
    undo_last(root)
    assert not written[1].exists() and written[0].read_text() == ADA
    assert git(root, "status", "--porcelain").splitlines() == [" M contacts/bob.md"]


def test_a_file_git_ignores_is_written_but_neither_staged_nor_committed(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "net")
    (root / ".gitignore").write_text("contacts/secret-*.md\n")
    secret = root / "contacts/secret-agent.md"
    secret.write_text("---\nname: Secret Agent\n---\n")
    (root / "contacts/ada-lovelace.md").write_text(ADA + "x\n")
    outcome = commit_files(root, [root / "contacts/ada-lovelace.md", secret], "import: x")
    assert outcome.status == "failed" and "contacts/secret-agent.md" in outcome.message
    assert ".gitignore" in outcome.message and subjects(root) == ["start"]
    assert git(root, "diff", "--cached", "--name-only") == ""
