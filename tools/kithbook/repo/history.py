"""Each contact file's story from Git: when it was added, and how company, role or location changed.

One `git log --raw` pass over the contacts folder (not one per file: that costs a minute at 1,000
contacts), cached by HEAD; old versions are read with the one loader, `kithbook.parse.load.parse_contact`.
A folder that is not in a Git repository, or has no commits yet, simply has no history.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from kithbook.cache import cache_path, read_cache_file, write_cache_file
from kithbook.config import Config
from kithbook.parse.load import is_contact_name, parse_contact
from kithbook.repo.plumbing import open_repo

TRACKED = ("company", "role", "location")
CACHE_FILE = "git-history.json"  # in the cache folder
CACHE_VERSION = 1

Fields = tuple[str | None, str | None, str | None]


@dataclass(frozen=True)
class KeyChange:
    """One tracked key changing value in a commit: `company: Acme -> Brightline`."""

    date: dt.date
    key: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class FileHistory:
    """A contact file's committed history: first and last commit dates, changes oldest first."""

    added: dt.date
    last_changed: dt.date
    commits: int
    changes: tuple[KeyChange, ...]

    def to_json(self) -> dict:
        return json.loads(json.dumps(asdict(self), default=str))

    @classmethod
    def from_json(cls, data: dict) -> FileHistory:
        changes = tuple(
            KeyChange(
                dt.date.fromisoformat(change["date"]), change["key"], change["old"], change["new"]
            )
            for change in data["changes"]
        )
        return cls(
            dt.date.fromisoformat(data["added"]),
            dt.date.fromisoformat(data["last_changed"]),
            data["commits"],
            changes,
        )


_memory: dict[tuple[str, str, str], dict[str, FileHistory]] = {}
_fields_by_blob: dict[str, Fields] = {}


def file_histories(root: Path, config: Config) -> dict[str, FileHistory]:
    """History per contact file, keyed by its path relative to `root` (as `Contact.path`)."""
    try:
        repo = open_repo(root)  # ImportError: GitPython finds no git program
        if repo is None:
            return {}
        head = repo.head.commit.hexsha
    except (ImportError, ValueError):  # ValueError: no commits yet
        return {}
    if repo.working_tree_dir is None:  # a bare repository: no files of this network in it
        return {}
    top = Path(repo.working_tree_dir).resolve()
    try:
        prefix = PurePosixPath(Path(root).resolve().relative_to(top).as_posix())
    except ValueError:
        return {}
    contacts = (prefix / config.contacts_dir).as_posix()
    key = (str(top), head, contacts)
    if key in _memory:
        return _memory[key]
    histories = _read_cache(cache_path(root, CACHE_FILE), head, contacts)
    if histories is None:
        histories = _histories(repo, contacts, prefix, config)
        _write_cache(Path(root), head, contacts, histories)
    _memory.clear()
    _memory[key] = histories
    return histories


def _histories(
    repo, contacts: str, prefix: PurePosixPath, config: Config
) -> dict[str, FileHistory]:
    """Walk `git log` once, following renames, and turn each file's versions into a FileHistory."""
    output = repo.git(c="core.quotePath=false").log(
        "--format=%x01%as", "--raw", "--no-abbrev", "-M", "--", contacts
    )
    versions: dict[str, list[tuple[dt.date, str]]] = {}
    final_name: dict[str, str] = {}
    for block in output.split("\x01")[1:]:
        lines = block.strip("\n").split("\n")
        date = dt.date.fromisoformat(lines[0].strip())
        for line in lines[1:]:
            if not line.startswith(":"):
                continue
            meta, *paths = line.split("\t")
            blob, status = meta.split()[3], meta.split()[4]
            if status.startswith("D") or not is_contact_name(posixpath.basename(paths[-1])):
                continue
            current = paths[-1]
            final = final_name.get(current, current)
            if status.startswith("R"):
                final_name[paths[0]] = final
            versions.setdefault(final, []).append((date, blob))
    histories: dict[str, FileHistory] = {}
    for path, newest_first in versions.items():
        try:
            relative = PurePosixPath(path).relative_to(prefix).as_posix()
        except ValueError:
            continue
        histories[relative] = _history(repo, relative, list(reversed(newest_first)), config)
    return histories


def _history(
    repo, relative: str, versions: list[tuple[dt.date, str]], config: Config
) -> FileHistory:
    changes: list[KeyChange] = []
    previous: Fields | None = None
    for date, blob in versions:
        fields = _fields(repo, relative, blob, config)
        if previous is not None:
            for key, old, new in zip(TRACKED, previous, fields, strict=True):
                if old != new:
                    changes.append(KeyChange(date, key, old, new))
        previous = fields
    return FileHistory(versions[0][0], versions[-1][0], len(versions), tuple(changes))


def _fields(repo, relative: str, blob: str, config: Config) -> Fields:
    """The tracked values of one old version, read through the loader; cached by blob id."""
    if blob not in _fields_by_blob:
        data = repo.odb.stream(bytes.fromhex(blob)).read(config.max_file_bytes + 1)  # a limit
        contact = parse_contact(relative, data, config, [])
        values = (
            (None, None, None)
            if contact is None
            else tuple(getattr(contact, key) for key in TRACKED)
        )
        _fields_by_blob[blob] = values
    return _fields_by_blob[blob]


def _read_cache(path: Path, head: str, contacts: str) -> dict[str, FileHistory] | None:
    try:
        data = json.loads(read_cache_file(path) or b"")  # never through a link
        if (
            data.get("version") != CACHE_VERSION
            or data.get("head") != head
            or data.get("contacts") != contacts
        ):
            return None
        return {name: FileHistory.from_json(item) for name, item in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(root: Path, head: str, contacts: str, histories: dict[str, FileHistory]) -> None:
    data = {
        "version": CACHE_VERSION,
        "head": head,
        "contacts": contacts,
        "files": {name: history.to_json() for name, history in histories.items()},
    }
    write_cache_file(root, cache_path(root, CACHE_FILE), json.dumps(data))
