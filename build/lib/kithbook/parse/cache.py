"""A per-file cache of parsed contacts: a run after one edit re-reads only the file that changed.

Each contact file's parse (its Contact, or None, and its problems) is kept under the file's identity:
name, size, mtime, ctime and inode, the same stat the due cache trusts (a tool can restore an mtime,
not a ctime; an editor that saves by rename makes a new inode). The whole cache is thrown away when
Kithbook (its version or any of its sources), Python, `mkdocs.yml` or the configuration changes. A
file written within two seconds of the run is parsed but not stored, since its timestamp cannot yet
tell a later write apart. The answer is always the one a cold load gives: same contacts, same
problems in the same order (a property test edits, adds, removes and renames files to check it).

The cache is one pickle in `.kithbook-cache/`, replaced atomically, so two processes at once at worst
both write a valid cache. It is read with an allow-list of classes (Kithbook's model, dates and
plain values): a cache file planted in a cloned repository cannot run code, only miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import posixpath
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kithbook.cache import FRESH_NS, cache_path, tool_digest, write_cache_file
from kithbook.config import CONFIG_FILE, Config
from kithbook.gc_pause import garbage_collector_paused
from kithbook.model import Check, Contact, Problem
from kithbook.parse.load import _may_be_file, is_contact_name, parse_contact, read_at_most
from kithbook.public import looks_private

CACHE_FILE = "contacts.pickle"
CHANGES_FILE = "contacts-changes.pickle"
MAX_CHANGES = 200
FORMAT = 3

Identity = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
# (identity, contact or None, problems, whether an unreadable file says private: kithbook.public)
Entry = tuple[Identity, Contact | None, tuple[Problem, ...], bool]

_ALLOWED = {
    ("kithbook.model", name)
    for name in (
        "Contact",
        "LogEntry",
        "Problem",
        "Check",
        "Duration",
        "MonthDay",
        "Met",
        "LifeDate",
    )
} | {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}


class _AllowListUnpickler(pickle.Unpickler):
    """Unpickles Kithbook's model and plain values only; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the contacts cache")


def cache_key(root: Path, config: Config) -> str:
    """What every cached parse depends on besides its own file: the tool, Python and the settings."""
    hasher = hashlib.sha256(f"{FORMAT}\0{tool_digest()}\0{sys.version}\0".encode())
    try:
        hasher.update((root / CONFIG_FILE).read_bytes())
    except OSError:
        hasher.update(b"\0no config\0")
    hasher.update(repr(config).encode())
    return hasher.hexdigest()


@dataclass(frozen=True)
class Stored:
    """The cache as read: the full `base` written at `generation`, and `entries`, the base with
    the later changes applied (what the files held at the last run)."""

    generation: str
    base: dict[str, Entry]
    entries: dict[str, Entry]


def read_cache(root: Path, key: str) -> Stored | None:
    """The stored parses when they were made with `key`; None when missing, stale or unreadable."""
    folder = cache_path(root)
    base = _read(folder / CACHE_FILE, key)
    if base is None or not isinstance(base[1], dict):
        return None
    generation, entries = base
    changes = _read(folder / CHANGES_FILE, key)
    if changes is not None and changes[0] == generation and isinstance(changes[1], tuple):
        changed, removed = changes[1]
        merged = {name: entry for name, entry in entries.items() if name not in removed}
        merged.update(changed)
        return Stored(generation, entries, merged)
    return Stored(generation, entries, entries)


def _read(path: Path, key: str) -> tuple[str, Any] | None:
    try:
        with open(path, "rb") as stream:
            stored = _AllowListUnpickler(stream).load()
    except Exception:  # noqa: BLE001 - any unreadable cache is only a miss
        return None
    if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key:
        return stored[1], stored[2]
    return None


def write_cache(root: Path, key: str, entries: dict[str, Entry], stored: Stored | None) -> None:
    """Store `entries`: as a small file of changes to the stored base while they are few (after an
    edit, a run then writes one contact, not ten thousand), else as a new base. Each file is
    replaced atomically; a failure (read-only folder, full disk) is only a later miss."""
    folder = cache_path(root)
    if stored is not None:
        base = stored.base
        changed = {
            name: entry
            for name, entry in entries.items()
            if name not in base or base[name][0] != entry[0]
        }
        removed = tuple(name for name in base if name not in entries)
        if len(changed) + len(removed) <= max(MAX_CHANGES, len(entries) // 20):
            _write(root, CHANGES_FILE, (key, stored.generation, (changed, removed)))
            return
    generation = os.urandom(8).hex()
    if _write(root, CACHE_FILE, (key, generation, entries)):
        (folder / CHANGES_FILE).unlink(missing_ok=True)


def _write(root: Path, name: str, payload: object) -> bool:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    return write_cache_file(root, cache_path(root, name), data)


def contact_entries(folder: Path) -> list[tuple[str, Identity | None]]:
    """The contact files of a folder, sorted by name, with their identity (None when it cannot be
    told: the file is then read afresh, and reading reports why it cannot be read)."""
    found: list[tuple[str, Identity | None]] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        if not is_contact_name(entry.name):
            continue
        try:
            stat = entry.stat()
        except OSError:
            if _may_be_file(entry):  # as the cold load does: a broken link is skipped, a loop read
                found.append((entry.name, None))
            continue
        if (stat.st_mode & 0o170000) != 0o100000:  # folders and other non-files are not contacts
            continue
        found.append((entry.name, (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)))
    found.sort()
    return found


def load_cached(
    root: Path, config: Config, problems: list[Problem], private_unreadable: set[str]
) -> list[Contact]:
    """The contacts of the network, each parsed file taken from the cache while unchanged; their
    problems appended to `problems` in the order a cold load reports them, and the files that
    cannot be read as a contact but say private added to `private_unreadable`."""
    folder = os.path.join(root, config.contacts_dir)
    if not os.path.isdir(folder):  # not a network (yet): nothing to read, and no cache to make
        return []
    key = cache_key(root, config)
    prefix = Path(config.contacts_dir).as_posix()
    fresh_from = time.time_ns() - FRESH_NS
    contacts: list[Contact] = []
    with garbage_collector_paused():
        stored = read_cache(root, key)
        cached = stored.entries if stored is not None else {}
        kept: dict[str, Entry] = {}
        changed = False
        for name, identity in contact_entries(Path(folder)):
            entry = cached.get(name) if identity is not None else None
            if entry is None or entry[0] != identity:
                changed = True
                parsed = _parse(folder, f"{prefix}/{name}", identity, config)
                if isinstance(parsed, Problem):  # unreadable: reported afresh every time
                    problems.append(parsed)
                    continue
                entry = parsed
            if identity is not None and identity[1] < fresh_from:
                kept[name] = entry
            elif name in cached:
                changed = True
            problems.extend(entry[2])
            if entry[1] is not None:
                contacts.append(entry[1])
            elif entry[3]:
                private_unreadable.add(f"{prefix}/{name}")
        if changed or len(kept) != len(cached):
            write_cache(root, key, kept, stored)
    return contacts


def _parse(
    folder: str, relative: str, identity: Identity | None, config: Config
) -> Entry | Problem:
    """One file read and parsed as the cold load does, or the problem that it cannot be read."""
    try:
        data = read_at_most(
            os.path.join(folder, posixpath.basename(relative)), config.max_file_bytes + 1
        )
    except OSError as error:
        return Problem(relative, 1, "error", f"cannot read the file: {error.strerror}", Check.FILE)
    found: list[Problem] = []
    contact = parse_contact(relative, data, config, found)
    private = contact is None and looks_private(data)
    return (identity or (0, 0, 0, 0), contact, tuple(found), private)
