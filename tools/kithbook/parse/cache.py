"""A per-file cache of parsed contacts: a run after one edit re-reads only the file that changed.

Each contact file's parse (its Contact, or None, and its problems) is kept under the file's identity:
name, size, mtime, ctime and inode, the same stat the due cache trusts (a tool can restore an mtime,
not a ctime; an editor that saves by rename makes a new inode). The whole cache is thrown away when
Kithbook (its version or any of its sources), the libraries it reads values with, Python,
`mkdocs.yml` or the configuration changes. A file written within two seconds of the run is parsed
but not stored, since its timestamp cannot yet tell a later write apart. The answer is always the
one a cold load gives: same contacts, same problems in the same order (a property test edits, adds,
removes and renames files to check it).

The parses are kept in `.kithbook-cache/` by a `kithbook.cache.PerFileStore`: a base and a small file
of changes, both replaced atomically and read with an allow-list of classes (Kithbook's value types,
dates and plain values), so a cache file planted in a cloned repository cannot run code, only miss.
The first run in a folder only notes that it ran; from the second run on the parses are kept.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import sys
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

from kithbook.cache import (
    FRESH_NS,
    UNKNOWN_IDENTITY,
    Identity,
    PerFileStore,
    Scanned,
    Stored,
    are_of_type,
    is_identity,
    scan_folder,
    tool_digest,
)
from kithbook.config import CONFIG_FILE, Config
from kithbook.gc_pause import garbage_collector_paused
from kithbook.model import Check, Contact, LogEntry, Problem
from kithbook.parse.load import is_contact_name, parse_contact, read_at_most
from kithbook.public import looks_private

FORMAT = 4

# (identity, contact or None, problems, whether an unreadable file says private: kithbook.public)
Entry = tuple[Identity, Contact | None, tuple[Problem, ...], bool]

ALLOWED = {
    ("kithbook.model", name)
    for name in ("Problem", "Check", "Duration", "MonthDay", "Met", "LifeDate")
} | {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}
"""The classes a cache of parsed contacts may hold: Kithbook's value types and dates."""


def cache_key(root: Path, config: Config) -> str:
    """What every cached parse depends on besides its own file: the tool, Python and the settings."""
    hasher = hashlib.sha256(f"{FORMAT}\0{tool_digest()}\0{sys.version}\0".encode())
    try:
        hasher.update((root / CONFIG_FILE).read_bytes())
    except OSError:
        hasher.update(b"\0no config\0")
    hasher.update(repr(config).encode())
    return hasher.hexdigest()


# Contacts are stored as tuples of their fields, and log entries as plain tuples: pickling and
# unpickling them takes half the time of Contact and LogEntry objects, and no class of ours but the
# small value types above needs to be unpickled.
_FIELDS = tuple(field.name for field in fields(Contact))
_LOG = _FIELDS.index("log")
_new_tuple = tuple.__new__


def _row_of_entry(entry: Entry) -> tuple[Any, ...]:
    identity, contact, problems, private = entry
    return (identity, None if contact is None else _row(contact), problems, private)


def _row(contact: Contact) -> tuple[Any, ...]:
    values = [getattr(contact, name) for name in _FIELDS]
    values[_LOG] = tuple(map(tuple, contact.log))
    return tuple(values)


def _entries(rows: dict[str, tuple[Any, ...]]) -> dict[str, Entry] | None:
    """The entries of stored rows; None when any row is not shaped as `_rows` writes it."""
    try:
        entries = {
            name: (identity, None if row is None else _contact(row), problems, private)
            for name, (identity, row, problems, private) in rows.items()
        }
    except (TypeError, ValueError, IndexError):
        return None
    for name, (identity, _, problems, private) in entries.items():
        if not (
            isinstance(name, str)
            and type(identity) is tuple
            and is_identity(identity)
            and are_of_type(problems, Problem)
            and type(private) is bool
        ):
            return None
    return entries


def _contact(row: tuple[Any, ...]) -> Contact:
    if type(row) is not tuple or len(row) != len(_FIELDS):
        raise TypeError("not a stored contact")
    values = list(row)
    values[_LOG] = tuple([_new_tuple(LogEntry, entry) for entry in values[_LOG]])
    return Contact(*values)


STORE = PerFileStore("contacts", ALLOWED, _entries, _row_of_entry)


def read_cache(root: Path, key: str) -> Stored[Entry] | None:
    """The stored parses when they were made with `key` (see `PerFileStore.read`)."""
    return STORE.read(root, key)


def contact_entries(
    folder: Path, scanned: list[Scanned] | None = None
) -> list[tuple[str, Identity | None]]:
    """The contact files of a folder (as `scan_folder` found them, when given), sorted by name,
    with their identity (None when it cannot be told: the file is then read afresh, and reading
    reports why it cannot be read)."""
    found: list[tuple[str, Identity | None]] = []
    for name, stat, may_be_file in scan_folder(folder) if scanned is None else scanned:
        if not is_contact_name(name):
            continue
        if stat is None:
            if may_be_file:  # as the cold load does: a broken link is skipped, a loop read
                found.append((name, None))
            continue
        if (stat.st_mode & 0o170000) != 0o100000:  # folders and other non-files are not contacts
            continue
        found.append((name, (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)))
    found.sort()
    return found


def load_cached(
    root: Path,
    config: Config,
    problems: list[Problem],
    private_unreadable: set[str],
    scanned: list[Scanned] | None = None,
) -> list[Contact]:
    """The contacts of the network, each parsed file taken from the cache while unchanged; their
    problems appended to `problems` in the order a cold load reports them, and the files that
    cannot be read as a contact but say private added to `private_unreadable`. `scanned`: the
    contacts folder as `scan_folder` saw it before any file was read (looked at here when None)."""
    prefix = Path(config.contacts_dir).as_posix()
    contacts: list[Contact] = []
    entries = contact_entries(root / config.contacts_dir, scanned)
    for name, parsed in parsed_files(root, config, entries):
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        problems.extend(parsed[2])
        if parsed[1] is not None:
            contacts.append(parsed[1])
        elif parsed[3]:
            private_unreadable.add(f"{prefix}/{name}")
    return contacts


def parsed_files(
    root: Path, config: Config, entries: list[tuple[str, Identity | None]] | None = None
) -> list[tuple[str, Entry | Problem]]:
    """Each contact file's parse by name (`entries`: the folder's `contact_entries`, looked at
    here when None), taken from the cache while the file is unchanged; a file that cannot be
    read is the problem saying why, reported afresh every time. Keeps what it parsed."""
    folder = os.path.join(root, config.contacts_dir)
    if not os.path.isdir(folder):  # not a network (yet): nothing to read, and no cache to make
        return []
    key = cache_key(root, config)
    prefix = Path(config.contacts_dir).as_posix()
    fresh_from = time.time_ns() - FRESH_NS
    found: list[tuple[str, Entry | Problem]] = []
    with garbage_collector_paused():
        stored = read_cache(root, key)
        cached = stored.entries if stored is not None else {}
        kept: dict[str, Entry] = {}
        changed = False
        for name, identity in contact_entries(Path(folder)) if entries is None else entries:
            entry = cached.get(name) if identity is not None else None
            if entry is None or entry[0] != identity:
                changed = True
                parsed = parse_file(folder, f"{prefix}/{name}", identity, config)
                found.append((name, parsed))
                if isinstance(parsed, Problem):
                    continue
                entry = parsed
            else:
                found.append((name, entry))
            if identity is not None and identity[1] < fresh_from:
                kept[name] = entry
            elif name in cached:
                changed = True
        if changed or len(kept) != len(cached):
            STORE.write(root, key, kept, stored)
    return found


def parse_file(
    folder: str, relative: str, identity: Identity | None, config: Config
) -> Entry | Problem:
    """One file read and parsed as the cold load does, or the problem that it cannot be read."""
    try:
        data = read_at_most(
            os.path.join(folder, posixpath.basename(relative)),
            config.max_file_bytes + 1,
            identity[0] if identity is not None else None,
        )
    except OSError as error:
        return Problem(relative, 1, "error", f"cannot read the file: {error.strerror}", Check.FILE)
    found: list[Problem] = []
    contact = parse_contact(relative, data, config, found)
    private = contact is None and looks_private(data)
    return (identity or UNKNOWN_IDENTITY, contact, tuple(found), private)
