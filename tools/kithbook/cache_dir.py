"""The cache folder, `.kithbook-cache/`: the one place that makes it, reads from it and writes to it.

A cloned network may come with a `.kithbook-cache` its author committed, links included
(`.kithbook-cache/pages -> ~`, `.kithbook-cache/pages/index.md -> ~/.bashrc`, `.kithbook-cache/due ->
a folder of yours`). Nothing here follows a link: a folder of the cache that is a link (or not a
folder) means no cache, so the run computes afresh; a file is read only when it is a regular file
itself, and written by a rename onto its name, which replaces a link rather than writing through it.

Public API: `CACHE_DIR`, `cache_folder`, `read_cache_file`, `write_cache_file`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

CACHE_DIR = ".kithbook-cache"
IGNORE_TEXT = "# Kithbook's cache: safe to delete.\n*\n"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted in the cache must not hang a run


def cache_folder(root: Path | str, *parts: str, create: bool = True) -> Path | None:
    """`root/.kithbook-cache/PARTS...`, each folder made when missing (with `create`), with the
    cache's `.gitignore`; None when one of them is a link or not a folder, or cannot be made."""
    folder = Path(root) / CACHE_DIR
    for part in ("", *parts):
        folder = folder / part if part else folder
        if not _is_real_folder(folder, create):
            return None
    if create:
        _ignore_file(Path(root) / CACHE_DIR)
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
    """The `.gitignore` of `*`, so the cache is never committed by accident; created only when
    nothing is at its name (never through a link)."""
    try:
        descriptor = os.open(
            folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o644
        )
    except OSError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(IGNORE_TEXT)


def read_cache_file(path: Path, limit: int = 1 << 30) -> bytes | None:
    """The bytes of a cache file (at most `limit`), or None when it is missing, a link, not a
    regular file, or cannot be read: for a cache, all of these are only a miss."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCKING)
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


def write_cache_file(folder: Path, name: str, data: bytes) -> bool:
    """Put `data` at `folder/name` by a rename from a new temporary file (a link at `name` is
    replaced, never written through); False when it cannot be written (only a later miss)."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".cache")
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, folder / name)
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return True
