"""The one cache folder: `.kithbook-cache/` in the network's folder, for the due list's output, the
site's pages and the Git history it shows.

It creates itself with its own `.gitignore` (`*`), so it never shows in `git status` nor reaches a
commit; every file in it is written atomically through the safe writer, so a reader never sees half
a file. Everything in it can be rebuilt: deleting the folder is always safe, and a cache that
cannot be written is skipped, never an error.

A cloned network may come with a `.kithbook-cache` its author committed, links included
(`pages -> ~`, `pages/index.md -> ~/.bashrc`, `due -> a folder of yours`). Nothing here follows a
link: a folder of the cache that is a link (or not a folder) means no cache, so the run computes
afresh; a file is read only when it is a regular file itself (`read_cache_file`), and written by a
rename onto its name, which replaces a link rather than writing through it.
"""

from __future__ import annotations

import functools
import io
import os
import pickle
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

CACHE_DIR = ".kithbook-cache"
GITIGNORE = "# Kithbook's cache: safe to delete.\n*\n"
FRESH_NS = 2_000_000_000
"""A file written this recently may change again within its timestamp's resolution: what a cache
read from it is not stored, since a later write could not be told apart."""


def cache_path(root: Path | str, *parts: str) -> Path:
    """Where a cache file of the network at `root` lives (nothing is created)."""
    return Path(root, CACHE_DIR, *parts)


def write_cache_file(root: Path | str, path: Path, data: bytes | str) -> bool:
    """Write `data` to `path` (inside `cache_path(root)`) atomically; False when it cannot be, or
    when a folder on the way is a link or not a folder (see the module's docstring)."""
    from kithbook.errors import KithbookError
    from kithbook.write.safe_write import replace_file

    top = cache_path(root)
    try:
        parts = Path(path).parent.relative_to(top).parts
    except ValueError:
        return False
    if cache_folder(root, *parts, create=True) is None:
        return False
    try:
        encoded = data.encode("utf-8") if isinstance(data, str) else data
        replace_file(path, encoded, durable=False)
    except (OSError, KithbookError, UnicodeEncodeError):
        return False
    return True


def cache_folder(root: Path | str, *parts: str, create: bool = False) -> Path | None:
    """`cache_path(root, *parts)` when it and every folder above it in the cache are folders
    themselves, not links (made when missing with `create`, the top one with its `.gitignore`);
    None otherwise: no cache."""
    folder = cache_path(root)
    for part in ("", *parts):
        folder = folder / part if part else folder
        if not _is_real_folder(folder, create):
            return None
        if create and not part:
            _ignore_file(folder)
    return folder


def _is_real_folder(folder: Path, create: bool) -> bool:
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        if not create:
            return False
        try:
            os.mkdir(folder)
        except FileExistsError:  # made meanwhile by another run: look again
            pass
        except OSError:
            return False
        return _is_real_folder(folder, False)
    except OSError:
        return False
    return stat.S_ISDIR(mode)


def _ignore_file(folder: Path) -> None:
    """The `.gitignore` of `*`, created only when nothing is at its name (never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(folder / ".gitignore", flags, 0o644)
    except OSError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(GITIGNORE)


def read_cache_file(path: Path, limit: int = 1 << 30) -> bytes | None:
    """The bytes of a cache file (at most `limit`), or None when it is missing, a link, not a
    regular file (a FIFO must not hang a run), or cannot be read: for a cache, only a miss."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        chunks = []
        while limit > 0:
            chunk = os.read(descriptor, min(limit, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            limit -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(descriptor)


@functools.lru_cache(maxsize=1)
def tool_digest() -> str:
    """Kithbook's version, the path, size and mtime of each of its sources and the libraries it reads
    contacts with (`library_versions`), digested: what every cache depends on besides its own
    inputs (computed once a process)."""
    import hashlib

    import kithbook

    hasher = hashlib.sha256(kithbook.__version__.encode())
    package = os.path.dirname(kithbook.__file__)
    sources = []
    for folder, _folders, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                found = os.stat(path)
                sources.append((os.path.relpath(path, package), found.st_size, found.st_mtime_ns))
    for relative, size, mtime in sorted(sources):
        hasher.update(f"{relative}\0{size}\0{mtime}\n".encode())
    hasher.update(library_versions().encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


# The libraries whose answers the caches keep (package: distribution): the type YAML gives a value,
# whether a phone number is valid, what is wrong with an e-mail address.
LIBRARIES = {"yaml": "pyyaml", "phonenumbers": "phonenumbers", "email_validator": "email_validator"}


def library_versions() -> str:
    """Where each library of `LIBRARIES` is installed and its distribution's metadata folder there
    (`pyyaml-6.0.2.dist-info`, which names the version), found without importing it: importing
    phonenumbers alone costs a run after an edit a twentieth of its time. An upgrade, or another
    copy earlier on the path, changes the text, and so every cache key."""
    found = []
    listed: dict[str, list[str]] = {}
    for package, distribution in LIBRARIES.items():
        where = "not found"
        for entry in sys.path:
            folder = entry or "."
            init = os.path.join(folder, package, "__init__.py")
            if not os.path.isfile(init):
                continue
            if folder not in listed:
                try:
                    listed[folder] = sorted(os.listdir(folder))
                except OSError:
                    listed[folder] = []
            metadata = [name for name in listed[folder] if _is_metadata_of(name, distribution)]
            init_stat = os.stat(init)
            where = f"{folder}\0{'/'.join(metadata)}\0{init_stat.st_size}\0{init_stat.st_mtime_ns}"
            break
        found.append(f"{package}\0{where}")
    return "\n".join(found)


def _is_metadata_of(name: str, distribution: str) -> bool:
    """Whether a folder name is a distribution's installed metadata: `PyYAML-6.0.2.dist-info`,
    `email_validator-2.2.0.dist-info`, `phonenumbers-8.13.0.egg-info`."""
    if not name.endswith((".dist-info", ".egg-info")):
        return False
    return name.split("-", 1)[0].lower().replace(".", "_") == distribution


Identity = tuple[int, int, int, int]
"""A file's size, mtime_ns, ctime_ns and inode: a tool can restore an mtime, not a ctime, and an
editor that saves by rename makes a new inode."""

UNKNOWN_IDENTITY: Identity = (0, 0, 0, 0)
"""The identity of a file that could not be looked at: never kept."""

Row = TypeVar("Row", bound=tuple[Any, ...])


def is_identity(value: Any) -> bool:
    """Whether a stored value is an `Identity`: four ints."""
    return (
        type(value) is tuple
        and len(value) == 4
        and type(value[0]) is int
        and type(value[1]) is int
        and type(value[2]) is int
        and type(value[3]) is int
    )


def are_of_type(value: Any, kind: type) -> bool:
    """Whether a stored value is a tuple of `kind` instances (exactly of that class)."""
    return type(value) is tuple and (not value or all(type(item) is kind for item in value))


@dataclass(frozen=True)
class Stored(Generic[Row]):
    """A per-file store as read: the full `base` written at `generation`, and `entries`, the base
    with the later changes applied (what the files held at the last run)."""

    generation: str
    base: dict[str, Row]
    entries: dict[str, Row]


class PerFileStore(Generic[Row]):
    """Entries kept per contact file in two cache files: a base, and a small file of changes to it
    while they are few, so a run after one edit writes one entry, not ten thousand. Each entry's
    first item is its file's `Identity`; an entry is used only while the file still has it.

    Both files are pickles read with an allow-list of classes (`allowed`: (module, name) pairs)
    and checked by `check` (the entries, or None when any is not shaped as written), so a planted
    file cannot run code, only miss. They are also bound to the cache folder they were written in
    (its device and inode): a store committed to a repository and cloned, or copied with the
    folder, is a miss. Both are replaced atomically: two processes at once at worst
    both write a valid store. The first run in a folder only notes that it ran (`<name>.seen`):
    writing every entry costs a quarter of a second at 10,000 contacts, which a one-off run (a CI
    job, a fresh clone) would pay for nothing."""

    def __init__(
        self,
        name: str,
        allowed: set[tuple[str, str]],
        check: Callable[[dict[Any, Any]], dict[str, Row] | None],
        dump: Callable[[Row], Any] = lambda row: row,
        max_changes: int = 200,
    ) -> None:
        self.base_file = f"{name}.pickle"
        self.changes_file = f"{name}-changes.pickle"
        self.seen_file = f"{name}.seen"
        self.allowed = allowed
        self.check = check
        self.dump = dump
        self.max_changes = max_changes

    def read(self, root: Path | str, key: str) -> Stored[Row] | None:
        """The stored entries when they were made with `key`; None when missing, stale or
        unreadable, or not shaped as written (a corrupt or planted file is a miss, never an error)."""
        folder = cache_path(root)
        key = _bound(folder, key)
        if not key:
            return None
        base = self._read(folder / self.base_file, key)
        if base is None or not isinstance(base[1], dict):
            return None
        generation, entries = base[0], self.check(base[1])
        if entries is None:
            return None
        changes = self._read(folder / self.changes_file, key)
        if changes is not None and changes[0] == generation:
            changed, removed = self._changes(changes[1])
            if changed is not None:
                merged = {name: entry for name, entry in entries.items() if name not in removed}
                merged.update(changed)
                return Stored(generation, entries, merged)
        return Stored(generation, entries, entries)

    def write(
        self,
        root: Path | str,
        key: str,
        entries: dict[str, Row],
        stored: Stored[Row] | None,
    ) -> None:
        """Store `entries`: as changes to the stored base while they are few (an entry whose
        identity differs from the base's is changed), else as a new base. A failure (read-only
        folder, full disk) is only a later miss."""
        folder = cache_folder(root, create=True)
        key = _bound(folder, key) if folder is not None else ""
        if folder is None or not key:
            return
        if stored is not None:
            base = stored.base
            changed = {
                name: entry
                for name, entry in entries.items()
                if name not in base or base[name][0] != entry[0]
            }
            removed = tuple(name for name in base if name not in entries)
            if len(changed) + len(removed) <= max(self.max_changes, len(entries) // 20):
                rows = {name: self.dump(entry) for name, entry in changed.items()}
                self._write(root, self.changes_file, (key, stored.generation, (rows, removed)))
                return
        elif not self.keeps_entries(root):
            self.note_run(root)  # a one-off run does not pay for a store
            return
        generation = os.urandom(8).hex()
        rows = {name: self.dump(entry) for name, entry in entries.items()}
        if self._write(root, self.base_file, (key, generation, rows)):
            (folder / self.changes_file).unlink(missing_ok=True)

    def keeps_entries(self, root: Path | str) -> bool:
        """Whether `write` would keep entries: a store was written in this cache folder before, or
        an earlier run noted that it ran (else a run only notes that it ran)."""
        folder = cache_path(root)
        return (folder / self.base_file).exists() or (folder / self.seen_file).exists()

    def note_run(self, root: Path | str) -> None:
        """Note that a run was made here, so that the next one keeps its entries."""
        self._write(root, self.seen_file, None)

    def _changes(self, stored: Any) -> tuple[dict[str, Row] | None, frozenset[str]]:
        """The changed entries and removed names of a changes file; (None, ...) when malformed."""
        if not (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], dict)):
            return None, frozenset()
        changed, removed = stored
        if not (isinstance(removed, tuple) and all(isinstance(name, str) for name in removed)):
            return None, frozenset()
        return self.check(changed), frozenset(removed)

    def _read(self, path: Path, key: str) -> tuple[str, Any] | None:
        data = read_cache_file(path)  # None: missing, a link, a FIFO...
        if data is None:
            return None
        try:
            stored = _AllowListUnpickler(io.BytesIO(data), self.allowed).load()
        except Exception:  # noqa: BLE001 - any unreadable cache is only a miss
            return None
        if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key:
            return stored[1], stored[2]
        return None

    def _write(self, root: Path | str, name: str, payload: object) -> bool:
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        return write_cache_file(root, cache_path(root, name), data)


def _bound(folder: Path, key: str) -> str:
    """`key` with the identity of the cache folder; "" when it cannot be told (no cache)."""
    try:
        found = os.lstat(folder)
    except OSError:
        return ""
    return f"{key}\0{found.st_dev}\0{found.st_ino}"


class _AllowListUnpickler(pickle.Unpickler):
    """Unpickles the allowed classes and plain values only; anything else is refused."""

    def __init__(self, stream: io.BytesIO, allowed: set[tuple[str, str]]) -> None:
        super().__init__(stream)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.allowed:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in this cache")


Scanned = tuple[str, "os.stat_result | None", bool]
"""One entry of a folder: its name, its stat (following links; None when it cannot be looked at)
and whether it may be a file (a broken link is not; a link loop may be, and reading it reports the
problem). A plain tuple: a named one costs a folder of 10,000 files 4 ms to make."""


def scan_folder(folder: Path) -> list[Scanned]:
    """Every entry of the folder with its stat: one `os.scandir` and a stat each, shared by the
    caches that need it (`contact_entries`, and `kith due`'s fingerprint). Empty when there is no
    such folder."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found: list[Scanned] = []
    for entry in entries:
        try:
            found.append((entry.name, entry.stat(), True))
        except OSError:
            found.append((entry.name, None, may_be_file(entry)))
    return found


def may_be_file(entry: os.DirEntry[str]) -> bool:
    """Folders are skipped; an entry that cannot even be looked at (a symlink loop) is kept, so
    that reading it reports the problem instead of the whole run failing."""
    try:
        return entry.is_file()
    except OSError:
        return True
