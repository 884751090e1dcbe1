"""Atomic writes that refuse to overwrite a file changed on disk since it was read.

Read a `Snapshot`, compute the new text, then `write_if_unchanged`: the new bytes go to a temporary
file in the same folder, flushed to disk, keep the old file's permissions and BOM, and replace it
with one rename, so a crash never leaves half a file. `locked` serialises writers of one file across
processes. `write_batch` writes many files (an import) the same way, but with two syncs in all
instead of one per file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kithbook.errors import KithbookError

BOM = b"\xef\xbb\xbf"


class WriteError(KithbookError):
    """A file could not be written safely; nothing was changed."""


class ChangedOnDisk(WriteError):
    """The file changed since it was read (another program or editor saved it)."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes as read, its text (UTF-8, without BOM), their SHA-256, its permission bits."""

    data: bytes
    text: str
    digest: str
    mode: int

    @property
    def has_bom(self) -> bool:
        return self.data.startswith(BOM)


def read_snapshot(path: Path | str) -> Snapshot:
    """Read a file once, remembering exactly what was read."""
    path = Path(path)
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as error:
        raise WriteError(f"{path}: cannot read the file: {error.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise WriteError(f"{path}:{line}: not valid UTF-8; save the file as UTF-8 first") from None
    return Snapshot(data, text, _digest(data), mode)


def write_if_unchanged(path: Path | str, snapshot: Snapshot, new_text: str) -> None:
    """Replace the file with `new_text`, unless it no longer holds `snapshot` (ChangedOnDisk)."""
    path = Path(path)
    _check_unchanged(path, snapshot)
    _replace(path, _temporary_with(path, _data(snapshot, new_text), snapshot.mode))


def write_new(path: Path | str, text: str, mode: int = 0o644) -> None:
    """Create a file with `text`; refuse (WriteError) when something already exists at `path`."""
    path = Path(path)
    _link_new(path, _temporary_with(path, text.encode("utf-8"), mode & ~_umask()), text)


def replace_file(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    """Put `data` at `path` in one rename, whatever was there: for files Kithbook owns (its cache),
    never a person's file, which `write_if_unchanged` guards. Not flushed to disk unless `durable`."""
    path = Path(path)
    _replace(path, _temporary_with(path, data, 0o666 & ~_umask(), durable=durable))


@dataclass(frozen=True)
class PlannedWrite:
    """One file of a batch: its new text, and the snapshot it replaces (None: a new file)."""

    path: Path
    text: str
    snapshot: Snapshot | None = None


def write_batch(
    writes: Sequence[PlannedWrite], progress: Callable[[int, int], None] | None = None
) -> list[WriteError | None]:
    """Many writes, each as atomic and as careful as `write_if_unchanged` or `write_new`, made
    durable by two syncs in all instead of an fsync per file; each write's error, or None.

    Every text goes to a temporary file beside its target; one sync puts them all on disk; then
    each replaces its target by one rename (refused when the file changed on disk since its
    snapshot, or when a new file's path is taken); a last sync makes the renames durable. A crash
    leaves each file old or new, never half written. `progress(done, total)` counts both passes.
    """
    total = 2 * len(writes)
    errors: list[WriteError | None] = [None] * len(writes)
    temporaries: list[str | None] = [None] * len(writes)
    mask = _umask()
    try:
        for index, write in enumerate(writes):
            try:
                temporaries[index] = _temporary_for(write, mask)
            except WriteError as error:
                errors[index] = error
            if progress:
                progress(index + 1, total)
        _sync_all(temporary for temporary in temporaries if temporary is not None)
        for index, write in enumerate(writes):
            temporary, temporaries[index] = temporaries[index], None
            if temporary is not None:
                errors[index] = _put_in_place(write, temporary)
            if progress:
                progress(len(writes) + index + 1, total)
        _sync_all(str(write.path) for write, error in zip(writes, errors) if error is None)
    finally:
        for temporary in temporaries:  # left by an interruption: not renamed, so removed
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
    return errors


def _temporary_for(write: PlannedWrite, mask: int) -> str:
    if write.snapshot is None:
        return _temporary_with(write.path, write.text.encode("utf-8"), 0o644 & ~mask, durable=False)
    data = _data(write.snapshot, write.text)
    return _temporary_with(write.path, data, write.snapshot.mode, durable=False)


def _put_in_place(write: PlannedWrite, temporary: str) -> WriteError | None:
    """Rename one temporary file of a batch onto its target, with a single write's checks."""
    try:
        if write.snapshot is None:
            _link_new(write.path, temporary, write.text)
        else:
            try:
                _check_unchanged(write.path, write.snapshot)
            except WriteError:
                os.unlink(temporary)
                raise
            _replace(write.path, temporary)
    except WriteError as error:
        return error
    return None


def _sync_all(paths: Iterable[str]) -> None:
    """Everything written so far onto the disk: one `sync` where the system has it (POSIX), else an
    fsync of each file."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with contextlib.suppress(OSError), open(path, "rb+") as handle:
            os.fsync(handle.fileno())


def update_file(
    path: Path | str, change: Callable[[str], str], attempts: int = 5
) -> tuple[str, str]:
    """Lock, read, `change(text)`, write; retried if the file changes meanwhile. (old, new) text."""
    path = Path(path)
    failures = 0
    while True:
        with locked(path):
            snapshot = read_snapshot(path)
            new_text = change(snapshot.text)
            try:
                write_if_unchanged(path, snapshot, new_text)
                return snapshot.text, new_text
            except ChangedOnDisk:
                failures += 1
                if failures >= attempts:
                    raise


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file at `path` (other kith processes wait; editors do not)."""
    try:
        import fcntl
    except ImportError:  # Windows: write_if_unchanged's check still refuses lost updates
        yield
        return
    while True:
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError as error:
            raise WriteError(f"{path}: cannot open the file: {error.strerror}") from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if _same_file(descriptor, path):  # not replaced while we waited
                yield
                return
        finally:
            os.close(descriptor)


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False


def _data(snapshot: Snapshot, text: str) -> bytes:
    return (BOM if snapshot.has_bom else b"") + text.encode("utf-8")


def _check_unchanged(path: Path, snapshot: Snapshot) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        raise ChangedOnDisk(f"{path}: the file was removed or renamed since it was read") from None
    except OSError as error:
        raise WriteError(f"{path}: cannot read the file: {error.strerror}") from None
    if _digest(current) != snapshot.digest:
        raise ChangedOnDisk(f"{path}: the file changed on disk since it was read; not written")


def _replace(path: Path, temporary: str) -> None:
    try:
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise WriteError(f"{path}: cannot write the file: {error.strerror}") from None


def _link_new(path: Path, temporary: str, text: str) -> None:
    """Put a temporary file in place as a new file at `path`, never replacing one already there."""
    try:
        os.link(temporary, path)  # fails if `path` exists, unlike a rename
    except FileExistsError:
        raise WriteError(f"{path}: already exists; nothing was written") from None
    except OSError:
        _create_exclusively(path, text.encode("utf-8"))
    finally:
        os.unlink(temporary)


def _temporary_with(path: Path, data: bytes, mode: int, *, durable: bool = True) -> str:
    """A temporary file beside `path` holding `data`, with permissions `mode`; flushed to disk
    unless not `durable` (a batch syncs all its files at once)."""
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise WriteError(f"{path.parent}: cannot write in this folder: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except OSError as error:
        os.unlink(temporary)
        raise WriteError(f"{path}: cannot write the file: {error.strerror}") from None
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _create_exclusively(path: Path, data: bytes) -> None:
    """Fallback for file systems without hard links: O_EXCL creation (not atomic for readers)."""
    try:
        with open(path, "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise WriteError(f"{path}: already exists; nothing was written") from None
    except OSError as error:
        raise WriteError(f"{path}: cannot write the file: {error.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
