"""The one cache folder: `.kithbook-cache/` in the network's folder, for the due list's output, the
site's pages and the Git history it shows.

It creates itself with its own `.gitignore` (`*`), so it never shows in `git status` nor reaches a
commit; every file in it is written atomically through the safe writer, so a reader never sees half
a file. Everything in it can be rebuilt: deleting the folder is always safe, and a cache that
cannot be written is skipped, never an error.
"""

from __future__ import annotations

import functools
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
    """Write `data` to `path` (inside `cache_path(root)`) atomically; False when it cannot be."""
    from kithbook.errors import KithbookError
    from kithbook.write.safe_write import replace_file

    folder = cache_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            replace_file(ignore, GITIGNORE.encode("utf-8"), durable=False)
        replace_file(path, data.encode("utf-8") if isinstance(data, str) else data, durable=False)
    except (OSError, KithbookError):
        return False
    return True


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
