"""The due cache answers only when nothing the output depends on has changed."""

from __future__ import annotations

import os
import time

import pytest

from kithbook.cli import due_cache
from kithbook.config import load_config

REQUEST = {"command": "due", "today": "2026-12-01", "mode": "json", "options": {}}
RUN = due_cache.CachedRun("out\n", "err\n", 1)
OLD = time.time_ns() - 3_600_000_000_000


def aged(root):
    """Give every file an mtime an hour ago, so the cache trusts them."""
    for path in [root / "mkdocs.yml", *(root / "contacts").iterdir()]:
        if path.exists():
            os.utime(path, ns=(OLD, OLD))
    return root


def fingerprint(root, request=REQUEST):
    return due_cache.fingerprint(root, load_config(root)[0], request)


@pytest.fixture
def network(make_network):
    return aged(
        make_network(
            {"ada": "---\nname: Ada\n---\n", "bo": "---\nname: Bo\n---\n"}, "site_name: T\n"
        )
    )


def test_a_stored_run_is_replayed_when_nothing_changed(network):
    assert due_cache.store(network, REQUEST, fingerprint(network), RUN)
    assert due_cache.lookup(network, REQUEST, fingerprint(network)) == RUN


def change_size(root):
    (root / "contacts" / "ada.md").write_text("---\nname: Ada Lovelace\n---\n")
    aged(root)


def change_mtime_only(root):
    os.utime(root / "contacts" / "ada.md", ns=(OLD + 1000, OLD + 1000))


def same_size_edit_with_the_mtime_put_back(root):
    path = root / "contacts" / "ada.md"
    before = path.stat()
    path.write_text("---\nname: Adb\n---\n")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def add_file(root):
    (root / "contacts" / "cy.md").write_text("---\nname: Cy\n---\n")
    aged(root)


def remove_file(root):
    (root / "contacts" / "bo.md").unlink()


def add_other_file(root):
    (root / "contacts" / "notes.txt").write_text("not a contact, but the folder changed\n")
    aged(root)


def change_config(root):
    (root / "mkdocs.yml").write_text("site_name: U\n")
    aged(root)


@pytest.mark.parametrize(
    "change",
    [
        change_size,
        change_mtime_only,
        same_size_edit_with_the_mtime_put_back,
        add_file,
        remove_file,
        add_other_file,
        change_config,
    ],
)
def test_any_change_to_the_files_misses(network, change):
    due_cache.store(network, REQUEST, fingerprint(network), RUN)
    change(network)
    assert due_cache.lookup(network, REQUEST, fingerprint(network)) is None


@pytest.mark.parametrize(
    "other",
    [
        {**REQUEST, "today": "2026-12-02"},
        {**REQUEST, "mode": "plain"},
        {**REQUEST, "options": {"limit": 3}},
    ],
)
def test_another_day_option_or_output_mode_misses(network, other):
    due_cache.store(network, REQUEST, fingerprint(network), RUN)
    assert due_cache.lookup(network, other, fingerprint(network, other)) is None


def test_a_file_written_just_now_is_not_trusted(network):
    (network / "contacts" / "ada.md").write_text("---\nname: Ada Lovelace\n---\n")
    assert not due_cache.store(network, REQUEST, fingerprint(network), RUN)
    assert due_cache.lookup(network, REQUEST, fingerprint(network)) is None


def test_a_network_without_a_contacts_folder_is_cached_too(make_network):
    root = aged(make_network({}, "site_name: T\n"))
    (root / "contacts").rmdir()
    assert due_cache.store(root, REQUEST, fingerprint(root), RUN)
    assert due_cache.lookup(root, REQUEST, fingerprint(root)) == RUN


def test_a_corrupt_entry_is_a_miss(network):
    due_cache.store(network, REQUEST, fingerprint(network), RUN)
    due_cache.entry_path(network, REQUEST).write_text("{not json")
    assert due_cache.lookup(network, REQUEST, fingerprint(network)) is None


def test_the_cache_folder_ignores_itself_in_git(network):
    due_cache.store(network, REQUEST, fingerprint(network), RUN)
    assert (network / ".kithbook-cache" / ".gitignore").read_text().splitlines()[-1] == "*"
