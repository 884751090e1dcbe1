"""Atomic writes that refuse to overwrite a file changed on disk since it was read.

Read a file's `FileContent`, compute the new text, then `write_if_unchanged`: the new bytes go to a temporary
file in the same folder, flushed to disk, keep the old file's permissions and BOM, and replace it
with one rename, so a crash never leaves half a file. `locked` serialises writers of one file across
processes. `write_batch` writes many files (an import) the same way, but with two syncs in all
instead of one per file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kithbook.errors import KithbookError

BOM = b"\xef\xbb\xbf"
FSYNC_EACH = 8  # up to this many files, a batch fsyncs each file instead of syncing the system


class WriteError(KithbookError):
    """A file could not be written safely; nothing was changed."""


class ChangedOnDisk(WriteError):
    """The file changed since it was read (another program or editor saved it)."""


@dataclass(frozen=True)
class FileContent:
    """A file's bytes exactly as read, their SHA-256 and its permission bits: what a write compares
    the file with before replacing it."""

    path: Path
    data: bytes
    digest: str
    mode: int

    @property
    def has_bom(self) -> bool:
        return self.data.startswith(BOM)

    @property
    def text(self) -> str:
        """The text (UTF-8, without BOM); WriteError at the line of the first bad byte."""
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = self.data.count(b"\n", 0, error.start) + 1
            raise WriteError(
                f"{self.path}:{line}: not valid UTF-8; save the file as UTF-8 first"
            ) from None

    def encoded(self, text: str) -> bytes:
        """`text` as this file's bytes: UTF-8, with the BOM the file had."""
        return (BOM if self.has_bom else b"") + text.encode("utf-8")


def read_content(path: Path | str) -> FileContent:
    """Read a file once, remembering exactly what was read."""
    path = Path(path)
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as error:
        raise WriteError(f"{path}: cannot read the file: {error.strerror}") from None
    return FileContent(path, data, _digest(data), mode)


def write_if_unchanged(path: Path | str, content: FileContent, new_text: str) -> None:
    """Replace the file with `new_text`, unless it no longer holds `content` (ChangedOnDisk)."""
    path = Path(path)
    _check_unchanged(path, content)
    _replace(path, _temporary_with(path, content.encoded(new_text), content.mode))


def write_new(path: Path | str, text: str, mode: int = 0o644) -> None:
    """Create a file with `text`; refuse (WriteError) when something already exists at `path`."""
    path = Path(path)
    data = text.encode("utf-8")
    _link_new(path, _temporary_with(path, data, mode & ~_umask()), data)


def replace_file(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    """Put `data` at `path` in one rename, whatever was there: for files Kithbook owns (its cache),
    never a person's file, which `write_if_unchanged` guards. Not flushed to disk unless `durable`."""
    path = Path(path)
    _replace(path, _temporary_with(path, data, 0o666 & ~_umask(), durable=durable))


@dataclass(frozen=True)
class PlannedWrite:
    """One file of a batch: its new bytes (None: remove it), and the content it replaces (None: a
    new file)."""

    path: Path
    data: bytes | None
    content: FileContent | None = None


def write_batch(
    writes: Sequence[PlannedWrite], progress: Callable[[int, int], None] | None = None
) -> list[WriteError | None]:
    """Many writes, each as atomic and as careful as `write_if_unchanged` or `write_new`, made
    durable by two syncs in all instead of an fsync per file (a few files: an fsync each, as a
    single write does); each write's error, or None.

    Every text goes to a temporary file beside its target; one sync puts them all on disk; then
    each replaces its target by one rename (refused when the file changed on disk since its
    read, or when a new file's path is taken); a last sync makes the renames durable. A crash
    leaves each file old or new, never half written. `progress(done, total)` counts both passes.
    """
    total = 2 * len(writes)
    errors: list[WriteError | None] = [None] * len(writes)
    temporaries: list[str | None] = [None] * len(writes)
    mask = _umask()
    each = len(writes) <= FSYNC_EACH  # a few files: an fsync each costs less than a system sync
    try:
        for index, write in enumerate(writes):
            try:
                if write.data is not None:
                    temporaries[index] = _temporary_for(write, mask, durable=each)
            except WriteError as error:
                errors[index] = error
            if progress:
                progress(index + 1, total)
        if not each:
            _sync_all(temporary for temporary in temporaries if temporary is not None)
        for index, write in enumerate(writes):
            temporary, temporaries[index] = temporaries[index], None
            if temporary is not None:
                errors[index] = _put_in_place(write, temporary)
            elif write.data is None and errors[index] is None:
                errors[index] = _remove(write)
            if progress:
                progress(len(writes) + index + 1, total)
        if not each:
            _sync_all(str(write.path) for write, error in zip(writes, errors) if error is None)
    finally:
        for temporary in temporaries:  # left by an interruption: not renamed, so removed
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
    return errors


def _temporary_for(write: PlannedWrite, mask: int, *, durable: bool) -> str:
    assert write.data is not None
    mode = 0o644 & ~mask if write.content is None else write.content.mode
    return _temporary_with(write.path, write.data, mode, durable=durable)


def _put_in_place(write: PlannedWrite, temporary: str) -> WriteError | None:
    """Rename one temporary file of a batch onto its target, with a single write's checks."""
    assert write.data is not None
    try:
        if write.content is None:
            _link_new(write.path, temporary, write.data)
        else:
            try:
                _check_unchanged(write.path, write.content)
            except WriteError:
                os.unlink(temporary)
                raise
            _replace(write.path, temporary)
    except WriteError as error:
        return error
    return None


def _remove(write: PlannedWrite) -> WriteError | None:
    """Remove a file of a batch, unless it changed since it was read."""
    try:
        if write.content is not None:
            _check_unchanged(write.path, write.content)
        os.unlink(write.path)
    except FileNotFoundError:
        return None
    except WriteError as error:
        return error
    except OSError as error:
        return WriteError(f"{write.path}: cannot remove the file: {error.strerror}")
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


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (a lock file, created if missing, or a folder) while the
    block runs: other kith processes wait; editors do not (they are not asked)."""
    try:
        import fcntl
    except ImportError:  # Windows: write_if_unchanged's check still refuses lost updates
        yield
        return
    try:
        flags = os.O_RDONLY if path.is_dir() else os.O_RDWR | os.O_CREAT
        descriptor = os.open(path, flags, 0o644)
    except OSError as error:
        raise WriteError(f"{path}: cannot take kith's lock: {error.strerror}") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _check_unchanged(path: Path, content: FileContent) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        raise ChangedOnDisk(f"{path}: the file was removed or renamed since it was read") from None
    except OSError as error:
        raise WriteError(f"{path}: cannot read the file: {error.strerror}") from None
    if _digest(current) != content.digest:
        raise ChangedOnDisk(f"{path}: the file changed on disk since it was read; not written")


def _replace(path: Path, temporary: str) -> None:
    try:
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise WriteError(f"{path}: cannot write the file: {error.strerror}") from None


def _link_new(path: Path, temporary: str, data: bytes) -> None:
    """Put a temporary file in place as a new file at `path`, never replacing one already there."""
    try:
        os.link(temporary, path)  # fails if `path` exists, unlike a rename
    except FileExistsError:
        raise WriteError(f"{path}: already exists; nothing was written") from None
    except OSError:
        _create_exclusively(path, data)
    finally:
        os.unlink(temporary)


def _temporary_with(path: Path, data: bytes, mode: int, *, durable: bool = True) -> str:
    """A temporary file beside `path` holding `data`, with permissions `mode`; flushed to disk
    unless not `durable` (a batch syncs all its files at once)."""
    try:
        descriptor, temporary = _new_temporary(path)
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


_TEMPORARY_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)  # Windows' O_CLOEXEC
    | getattr(os, "O_BINARY", 0)  # Windows: else every \n written becomes \r\n
)


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new file `.<name>.<8 random characters>.tmp` beside `path`, open for writing and readable
    by its owner only, as `tempfile.mkstemp` makes one (whose import costs every kith command 3 ms)."""
    for _attempt in range(100):
        temporary = os.path.join(path.parent, f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, _TEMPORARY_FLAGS, 0o600), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


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


_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # `_new_temporary`'s names (and tempfile's)


def remove_temporaries(folder: Path) -> int:
    """Remove the temporary files a killed write left in `folder`; how many. Call it only under
    kith's lock, when no other kith write can be between its temporary file and its rename."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def check_replaceable(path: Path | str) -> None:
    """WriteError unless `path` is free or a regular file: a write that replaces a file by rename
    would otherwise turn a symbolic link, a FIFO or a device (/dev/full) into a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise WriteError(f"{path}: cannot look at it: {error.strerror}") from None
    if stat.S_ISLNK(mode):
        raise WriteError(
            f"{path}: is a symbolic link (to {os.readlink(path)}); kith replaces only regular "
            "files: give the path of the file itself"
        )
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device or FIFO?)"
        raise WriteError(f"{path}: is {kind}; kith writes only regular files")
