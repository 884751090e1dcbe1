"""A cache of `kith due` output, so an unchanged network answers at once; it never answers stale.

An entry is keyed on the request (today, every option, the output mode), the kithbook version and
sources, the bytes of mkdocs.yml, and the (name, size, mtime_ns) of every entry of the contacts
folder: all of them, not only the contact files, so that no rule of which files count can drift from
the loader's. A file written within two seconds of the run is too fresh to trust its timestamp, so
such a run is not stored.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kithbook.cache import (
    FRESH_NS,
    Scanned,
    cache_path,
    read_cache_file,
    scan_folder,
    tool_digest,
    write_cache_file,
)
from kithbook.cli.common import compact_json
from kithbook.config import CONFIG_FILE, Config

SUBDIR = "due"
KEEP_ENTRIES = 32


@dataclass(frozen=True)
class CachedRun:
    """What a run printed and returned."""

    stdout: str
    stderr: str
    exit_code: int


@dataclass(frozen=True)
class Fingerprint:
    """Everything the output depends on, digested; `newest_ns` is the latest file mtime seen."""

    digest: str
    newest_ns: int


def fingerprint(
    root: Path, config: Config, request: dict[str, Any], scanned: list[Scanned] | None = None
) -> Fingerprint:
    """Digest the request, the tool's version and sources, mkdocs.yml and every contact file's stat
    (`scanned`: the contacts folder as `scan_folder` found it; scanned here when None).

    Take it before reading the files: a file changed after this point then misses next time."""
    hasher = hashlib.sha256()
    hasher.update(json.dumps(request, sort_keys=True, default=str).encode())
    hasher.update(tool_digest().encode())
    newest = 0
    config_path = root / CONFIG_FILE
    try:
        hasher.update(config_path.read_bytes())
        newest = max(newest, config_path.stat().st_mtime_ns)
    except OSError:
        hasher.update(b"\0no config\0")
    hasher.update(f"\0{config.contacts_dir}\0".encode())
    try:
        entries, folder_newest = _folder_entries(
            scan_folder(root / config.contacts_dir) if scanned is None else scanned
        )
    except OSError:
        entries, folder_newest = "\0no folder\0", 0
    hasher.update(entries.encode("utf-8", "surrogateescape"))
    return Fingerprint(hasher.hexdigest(), max(newest, folder_newest))


def _folder_entries(scanned: list[Scanned]) -> tuple[str, int]:
    """`name size mtime ctime inode` of every entry of the folder, sorted, and the newest mtime:
    the least that notices a change, addition or removal. ctime and inode too: a tool can restore
    a file's mtime (touch -r, os.utime, some sync tools) but not its ctime, and an editor that
    saves by rename makes a new inode."""
    lines = []
    newest = 0
    for name, stat, _may_be_file in scanned:
        if stat is None:
            lines.append(f"{name}\0unreadable")
            continue
        newest = max(newest, stat.st_mtime_ns)
        lines.append(
            f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}"
        )
    lines.sort()
    return "\n".join(lines), newest


def entry_path(root: Path, request: dict[str, Any]) -> Path:
    """One entry per request (day, options, output mode): the newest run replaces the older one."""
    name = hashlib.sha256(json.dumps(request, sort_keys=True, default=str).encode()).hexdigest()
    return cache_path(root, SUBDIR, f"{name[:32]}.json")


def lookup(root: Path, request: dict[str, Any], current: Fingerprint) -> CachedRun | None:
    """The stored run for this request when everything it depends on is unchanged."""
    try:
        data = json.loads(read_cache_file(entry_path(root, request)) or b"")  # never a link
        if data.get("digest") != current.digest:
            return None
        return CachedRun(data["stdout"], data["stderr"], int(data["exit_code"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(root: Path, request: dict[str, Any], current: Fingerprint, run: CachedRun) -> bool:
    """Save the run unless a file is too fresh to trust its timestamp; a failed write is ignored."""
    if current.newest_ns >= time.time_ns() - FRESH_NS:
        return False
    path = entry_path(root, request)
    payload = {
        "digest": current.digest,
        "stdout": run.stdout,
        "stderr": run.stderr,
        "exit_code": run.exit_code,
    }
    # written only into a folder of the cache's own (kithbook.cache refuses links), so the prune
    # below never reaches a folder of yours that a cloned network's `due` link points to
    if not write_cache_file(root, path, compact_json(payload)):
        return False
    try:
        _prune(path.parent)
    except OSError:
        pass
    return True


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        old.unlink(missing_ok=True)
