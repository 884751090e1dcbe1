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
import os
import stat
from pathlib import Path

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
    """Kithbook's version and the path, size and mtime of each of its sources, digested: what every
    cache depends on besides its own inputs (computed once a process)."""
    import hashlib

    import kithbook

    hasher = hashlib.sha256(kithbook.__version__.encode())
    package = Path(kithbook.__file__).parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        hasher.update(
            f"{source.relative_to(package)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
        )
    return hasher.hexdigest()
