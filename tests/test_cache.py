"""The one cache folder (kithbook.cache): it ignores itself in Git, whichever cache creates it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from gitrepo import commit_all, git, init_repo
from kithbook.cache import (
    CACHE_DIR,
    LIBRARIES,
    _is_metadata_of,
    cache_path,
    library_versions,
    tool_digest,
    write_cache_file,
)
from kithbook.cli import main
from kithbook.config import Config
from kithbook.parse.load import load
from kithbook.repo import history

ADA = (
    "---\nname: Ada Lovelace\ncompany: Acme Analytics\n---\n## Log\n- 2026-01-10 -> email: Hello\n"
)
CONFIG = "site_name: Test network\ntheme:\n  name: mkdocs\nplugins:\n  - kithbook\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A fresh network in a new repository: one contact and mkdocs.yml, committed an hour ago."""
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    history._memory.clear()
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "ada-lovelace.md").write_text(ADA, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs").mkdir()  # MkDocs wants one; an empty folder is nothing to Git
    an_hour_ago = time.time() - 3600  # older than the due cache's "too fresh to trust" window
    for path in (root / "contacts" / "ada-lovelace.md", root / "mkdocs.yml"):
        os.utime(path, (an_hour_ago, an_hour_ago))
    commit_all(root)
    return root


def due_list(root: Path) -> None:
    assert main(["due", "--root", str(root)]) == 0


def site_history(root: Path) -> None:
    assert "contacts/ada-lovelace.md" in history.file_histories(root, Config())


def parse_cache(root: Path) -> None:
    for _run in range(2):  # the first run in a folder only notes that it ran; the second keeps
        assert [contact.slug for contact in load(root, cache=True).contacts] == ["ada-lovelace"]


def site_build(root: Path) -> None:
    outside = root.parent / "site"  # the built site is not a cache: keep it out of the repository
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(outside)))


@pytest.mark.parametrize(
    ("reader", "cached"),
    [
        (due_list, "due"),
        (parse_cache, "contacts.pickle"),
        (site_history, history.CACHE_FILE),
        (site_build, "pages"),
    ],
    ids=[
        "the due list",
        "the loader's per-file cache",
        "the site reading history",
        "the site's pages",
    ],
)
def test_a_fresh_network_shows_no_cache_in_git_status_after_a_cache_is_written(
    repo: Path, reader: Callable[[Path], None], cached: str, capsys
):
    reader(repo)
    assert cache_path(repo, cached).exists()
    assert (repo / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_cache_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path: Path):
    path = cache_path(tmp_path, "due", "entry.json")
    assert write_cache_file(tmp_path, path, "first")
    assert write_cache_file(tmp_path, path, b"second")
    assert path.read_text() == "second"
    assert sorted(p.name for p in path.parent.iterdir()) == ["entry.json"]


def test_a_cache_that_cannot_be_written_is_skipped_not_an_error(tmp_path: Path):
    (tmp_path / CACHE_DIR).write_text("a file where the folder should be")
    assert write_cache_file(tmp_path, cache_path(tmp_path, "due", "entry.json"), "x") is False


def test_problems_kept_in_the_loaders_cache_come_back_from_it(tmp_path: Path):
    from kithbook.parse.cache import cache_key, read_cache

    (tmp_path / "contacts").mkdir()
    path = tmp_path / "contacts" / "ada.md"
    path.write_text("---\nname: Ada\nbirthday: 2025-13-01\n---\n", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    cold = load(tmp_path).problems
    assert load(tmp_path, cache=True).problems == cold  # notes that a run happened
    assert load(tmp_path, cache=True).problems == cold  # fills the cache
    stored = read_cache(tmp_path, cache_key(tmp_path, Config()))
    assert stored is not None  # readable: the check names pass the unpickler's allow-list
    assert list(stored.entries["ada.md"][2]) == cold and cold[0].check == "date"
    assert load(tmp_path, cache=True).problems == cold


def test_the_cache_keys_name_each_library_contacts_are_read_with() -> None:
    """PyYAML types the values, phonenumbers and email-validator judge them: each is named with its
    installed metadata, found without importing it."""
    found = dict(line.split("\0", 1) for line in library_versions().splitlines())
    assert set(found) == set(LIBRARIES)
    for package, distribution in LIBRARIES.items():
        assert f"{distribution}-" in found[package].lower()


@pytest.mark.parametrize(
    "metadata",
    ["PyYAML-0.0.1.dist-info", "pyyaml-0.0.1.egg-info", None],
    ids=["dist-info", "egg-info", "no metadata"],
)
def test_another_copy_or_version_of_a_library_changes_every_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, metadata: str | None
) -> None:
    """An upgrade (or another copy earlier on the path) may type or judge a value differently:
    nothing kept with the old one is trusted."""
    before = tool_digest()
    (tmp_path / "yaml").mkdir()
    (tmp_path / "yaml" / "__init__.py").write_text("__version__ = '0.0.1'\n", encoding="utf-8")
    if metadata:
        (tmp_path / metadata).mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    tool_digest.cache_clear()
    try:
        line = library_versions().splitlines()[0]
        assert line.startswith(f"yaml\0{tmp_path}")
        assert (metadata or "") in line
        assert tool_digest() != before
    finally:
        tool_digest.cache_clear()


def test_the_metadata_of_a_distribution_is_told_from_its_neighbours() -> None:
    assert _is_metadata_of("PyYAML-6.0.2.dist-info", "pyyaml")
    assert _is_metadata_of("email_validator-2.2.0.dist-info", "email_validator")
    assert not _is_metadata_of("pyyaml_env_tag-1.1.dist-info", "pyyaml")
    assert not _is_metadata_of("types_PyYAML-6.0.12.dist-info", "pyyaml")
    assert not _is_metadata_of("pyyaml", "pyyaml")
