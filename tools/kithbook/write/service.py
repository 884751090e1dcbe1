"""The write service: the one way a command changes files of a network and commits them.

`write(root, config, today, changes, message, command=...)` takes ONE lock around the whole
write-and-commit (`.git/kith.lock`, or the network's folder outside Git), then:

1. finishes what an interrupted earlier run left (its journal: files written, not committed) and
   removes temporary files a killed write left; refuses, with the fix, when a stale Git lock is in
   the way;
2. reads each file once (refusing symbolic links, files that are not regular files, and folders
   that lead out of the repository) and applies its change to the text as read;
3. checks each result once, with the network's settings: the file's own checks plus the
   cross-file rules the change can affect (`write.check_before_write.problems_of_changed`);
4. writes the files that pass atomically (refusing any that changed on disk meanwhile);
5. commits exactly the bytes it wrote (`repo.plumbing.commit_contents`: a tree built from those
   bytes, never from the work tree, so concurrent commands never fold into one commit and
   nothing else that is staged is taken along).

Problems come back as values in an `Outcome`; its `exit_code` is the one convention every
writing command uses: 0 done (or nothing to do), 1 refused or not committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import posixpath
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kithbook.config import Config
from kithbook.model import Check, Network, Problem
from kithbook.parse.fields import SLUG
from kithbook.parse.load import is_contact_name, load, load_files
from kithbook.repo import journal
from kithbook.repo.commits import TRAILER, CommitOutcome, committed, refused_by_gitignore
from kithbook.repo.locks import check_git_locks
from kithbook.repo.plumbing import (
    GitError,
    HookRefused,
    IndexNotUpdated,
    Repository,
    blob_at,
    commit_contents,
    find_repository,
    head,
    match_index_to_head,
)
from kithbook.write.check_before_write import problems_of, problems_of_changed
from kithbook.write.safe_write import (
    FSYNC_EACH,
    ChangedOnDisk,
    FileContent,
    PlannedWrite,
    WriteError,
    locked,
    read_content,
    remove_temporaries,
    write_batch,
)
from kithbook.write.text import EditError

Policy = Literal["no-errors", "no-new-problems"]
Kind = Literal["edit", "new", "as-is", "restore"]
Progress = Callable[[int, int], None]
WRITE_CHECK = (
    Check.WRITE
)  # the check name of the service's own refusals (a link, a changed file, ...)
EDIT_CHECK = (
    Check.EDIT
)  # ... and of an edit that cannot be made safely (EditError: edit it by hand)
ATTEMPTS = 5  # reads and writes of a file an editor keeps changing, before giving up


@dataclass(frozen=True)
class Change:
    """One file to change, by its path relative to the network's folder (forward slashes).

    Make one with `Change.edit`, `Change.new`, `Change.as_is` or `Change.restore`; `line` is where
    a refused edit is reported (the key's line, say)."""

    path: str
    kind: Kind
    edit_text: Callable[[str], str] | None = None
    text: str | None = None
    restore_data: Callable[[bytes | None], bytes | None] | None = None
    line: int = 1

    @classmethod
    def edit(cls, path: str, edit: Callable[[str], str], line: int = 1) -> Change:
        """Change an existing file's text: `edit(old text) -> new text` (EditError: refused)."""
        return cls(path, "edit", edit_text=edit, line=line)

    @classmethod
    def new(cls, path: str, text: str, line: int = 1) -> Change:
        """Create a file with `text`; refused when something is at `path` already."""
        return cls(path, "new", text=text, line=line)

    @classmethod
    def as_is(cls, path: str) -> Change:
        """Check and commit the file as it is (it was changed in an editor)."""
        return cls(path, "as-is")

    @classmethod
    def restore(cls, path: str, restore: Callable[[bytes | None], bytes | None]) -> Change:
        """Replace a file's bytes (None: absent) with `restore(old bytes)` (None: remove it)."""
        return cls(path, "restore", restore_data=restore)


@dataclass
class Outcome:
    """What a write did: the files written, unchanged and refused, the problems that refused them
    (each with its file and line), the commit, and notes (an interrupted run finished, ...)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    commit: CommitOutcome | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # why nothing was done at all (a stale Git lock, ...)
    held_back: list[str] = field(default_factory=list)  # fine, but not written (all or nothing)

    @property
    def committed(self) -> bool:
        return self.commit is not None and self.commit.committed

    @property
    def exit_code(self) -> int:
        """0 done (also: nothing to do, or written outside Git), 1 refused or not committed."""
        failed = self.commit is not None and self.commit.status == "failed"
        return 1 if self.refused or failed or self.error else 0


@dataclass(eq=False)
class _File:
    """One change being carried out: what was read, what will be written, where it goes."""

    change: Change
    absolute: Path
    before: FileContent | None = None
    after: bytes | None = None
    write: bool = True  # False: the bytes are on disk already (as-is)


class NotWritable(WriteError):
    """The path is a link, not a regular file, or in a folder outside the repository."""


def write(
    root: Path,
    config: Config,
    today: dt.date,
    changes: Sequence[Change],
    message: str | Callable[[Sequence[str]], str],
    *,
    command: str,
    network: Network | None = None,
    commit: bool = True,
    check: bool = True,
    policy: Policy = "no-errors",
    trailers: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    all_or_nothing: bool = False,
    undoable: bool = True,
) -> Outcome:
    """Apply `changes` to the network at `root`, check, write and commit them as one commit with
    `message` (or `message(paths written)`) and a `Kith-Command: command` trailer (plus
    `trailers`). `network`, when the caller has loaded it whole, saves loading it for a
    cross-file rule. `commit=False` only writes; `check=False` skips the checks (an undo
    restores bytes that were committed before); `policy="no-new-problems"` (an import) refuses
    a file that would have any problem it did not have, warnings too. `all_or_nothing`: one
    refused file leaves every file unwritten (one line logged to several contacts).
    `undoable=False` leaves out the trailer, so `kith undo` passes the commit by (`kith init`)."""
    root = Path(root)
    repo = find_repository(root)
    lock = repo.git_dir / "kith.lock" if repo is not None else root
    outcome = Outcome()
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(locked(lock))
        except WriteError as error:
            outcome.error = str(error)
            return outcome
        if repo is None or len(changes) > FSYNC_EACH or journal.unfinished(repo) is not None:
            # a write was interrupted (or this is an import): its temporary files go
            removed = remove_temporaries(root / config.contacts_dir)
            if removed:
                outcome.notes.append(f"removed {removed} temporary files an interrupted write left")
        if repo is not None and commit:
            try:
                check_git_locks(repo)
                outcome.notes.extend(_finish_interrupted(repo))
            except GitError as error:
                outcome.error = str(error)
                return outcome
        top = repo.top if repo is not None else root.resolve()
        files = _carry_out(
            root,
            top,
            repo if commit else None,
            changes,
            message,
            command,
            outcome,
            lambda files: _held_back(
                _checked(files, root, config, today, network, policy, outcome) if check else files,
                outcome,
                all_or_nothing,
            ),
            progress,
        )
        outcome.written = sorted(file.change.path for file in files)
        if not files:
            if repo is not None and commit:
                journal.end(repo)
            return outcome
        if not commit:
            outcome.commit = CommitOutcome("written", "written, not committed (--no-commit)")
        elif repo is None:
            outcome.commit = CommitOutcome(
                "not-a-repo", f"{root} is not in a Git repository: written, not committed"
            )
        else:
            summary = message if isinstance(message, str) else message(outcome.written)
            marks = {TRAILER: command, **(trailers or {})} if undoable else dict(trailers or {})
            outcome.commit, finished = _commit(repo, files, summary, marks)
            if finished:
                journal.end(repo)
    return outcome


def _carry_out(
    root: Path,
    top: Path,
    repo: Repository | None,
    changes: Sequence[Change],
    message: str | Callable[[Sequence[str]], str],
    command: str,
    outcome: Outcome,
    checked: Callable[[list[_File]], list[_File]],
    progress: Progress | None,
) -> list[_File]:
    """Read, apply, check and write each change; the files written (or taken as they are). A
    file an editor saved meanwhile is read and changed again, up to ATTEMPTS times. With `repo`,
    the journal is begun before the first byte is written."""
    done: list[_File] = []
    remaining = list(changes)
    for attempt in range(ATTEMPTS):
        files = checked(_read_and_apply(root, top, remaining, outcome))
        if repo is not None and files and attempt == 0:
            paths = tuple(repo.path_of(file.absolute) for file in files)
            summary = (
                message if isinstance(message, str) else message([f.change.path for f in files])
            )
            try:
                journal.begin(repo, journal.Journal(paths, summary, command))
            except OSError as trouble:
                outcome.error = f"{trouble.filename}: {trouble.strerror}; nothing was written"
                return []
        pending = [file for file in files if file.write]
        if any(file.before is None and file.after is not None for file in pending):
            _make_folders(pending)
        planned = [PlannedWrite(file.absolute, file.after, file.before) for file in pending]
        remaining = []
        for file, error in zip(pending, write_batch(planned, progress), strict=True):
            if error is None:
                continue
            files.remove(file)
            if isinstance(error, ChangedOnDisk) and attempt + 1 < ATTEMPTS:
                remaining.append(file.change)
            else:
                _refuse(outcome, file.change, _without_path(str(error), file.change.path))
        done.extend(files)
        if not remaining:
            break
    return done


def _held_back(files: list[_File], outcome: Outcome, all_or_nothing: bool) -> list[_File]:
    """The files to write: none when one was refused and it is all or nothing."""
    if all_or_nothing and outcome.refused:
        outcome.held_back = [file.change.path for file in files]
        return []
    return files


def _read_and_apply(
    root: Path, top: Path, changes: Sequence[Change], outcome: Outcome
) -> list[_File]:
    """Each change applied to its file as read; refused ones go to `outcome`."""
    files = []
    for change in changes:
        file = _File(change, root / change.path)
        try:
            _refuse_unsafe(file.absolute, top, change.path, change.kind == "new")
            if change.kind != "new" and os.path.lexists(file.absolute):
                file.before = read_content(file.absolute)
            elif change.kind in ("edit", "as-is"):
                raise WriteError(f"{change.path}: no such file")
            file.after, file.write = _applied(change, file.before)
        except EditError as error:  # the edit cannot be made safely: the request is at fault
            _refuse(outcome, change, _without_path(str(error), change.path), EDIT_CHECK)
            continue
        except WriteError as error:
            _refuse(outcome, change, _without_path(str(error), change.path))
            continue
        except UnicodeEncodeError as error:
            bad = error.object[error.start : error.end].encode("utf-8", "surrogateescape")
            reason = f"the text is not valid UTF-8 (byte 0x{bad[:1].hex()}); nothing was written"
            _refuse(outcome, change, reason)
            continue
        if file.write and file.after == (file.before.data if file.before else None):
            outcome.unchanged.append(change.path)
            continue
        files.append(file)
    return files


def _applied(change: Change, before: FileContent | None) -> tuple[bytes | None, bool]:
    """The file's new bytes (None: removed) and whether they still have to be written."""
    if change.kind == "edit":
        assert before is not None and change.edit_text is not None
        return before.encoded(change.edit_text(before.text)), True
    if change.kind == "new":
        assert change.text is not None
        return change.text.encode("utf-8"), True
    if change.kind == "as-is":
        assert before is not None
        return before.data, False
    assert change.restore_data is not None
    return change.restore_data(before.data if before else None), True


def _refuse_unsafe(path: Path, top: Path, shown: str, new: bool) -> None:
    """NotWritable unless `path` is a regular file (or free, for a new file) in a folder inside the
    repository (or the network's folder outside Git): never through a link that leads elsewhere."""
    folder = _real_folder(str(path.parent))
    if os.path.commonpath([folder, str(top)]) != str(top):
        raise NotWritable(
            f"{shown}: its folder leads to {folder}, outside {top} (a symbolic link?); "
            "kith does not write through it"
        )
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise NotWritable(f"{shown}: cannot look at the file: {error.strerror}") from None
    if new:
        raise NotWritable(f"{shown}: already exists; nothing was written")
    if stat.S_ISLNK(mode):
        raise NotWritable(
            f"{shown}: is a symbolic link (to {os.readlink(path)}); kith writes only regular "
            "files, so edit the file it points to by hand"
        )
    if not stat.S_ISREG(mode):
        raise NotWritable(f"{shown}: is not a regular file; kith writes only regular files")


@functools.lru_cache(maxsize=64)
def _real_folder(folder: str) -> str:
    """The folder with its links resolved (once per folder and process: an import writes
    thousands of files into one)."""
    return os.path.realpath(folder)


def _checked(
    files: list[_File],
    root: Path,
    config: Config,
    today: dt.date,
    network: Network | None,
    policy: Policy,
    outcome: Outcome,
) -> list[_File]:
    """The files whose results pass the checks; the others refused, with their problems."""
    contacts = [f for f in files if f.after is not None and _is_contact(f.change.path, config)]
    texts = [(file.change.path, file.after) for file in contacts if file.after is not None]
    if not texts:
        return files
    written = load_files(root, config, texts)
    loaded: list[Network] = [network] if network is not None else []
    removed = {file.change.path for file in files if file.after is None}

    def whole() -> Network:
        """The network as it will be: loaded once, without the files this change removes."""
        if not loaded:
            loaded.append(load(root, config=config))
        if removed:
            full = loaded[0]
            kept = [contact for contact in full.contacts if contact.path not in removed]
            problems = [problem for problem in full.problems if problem.path not in removed]
            return Network(full.root, full.config, kept, problems, full.private_unreadable)
        return loaded[0]

    def slug_exists(slug: str) -> bool:
        path = f"{Path(config.contacts_dir).as_posix()}/{slug}.md"
        return bool(SLUG.fullmatch(slug)) and path not in removed and (root / path).is_file()

    changed = {file.change.path: _front_matter_changed(file) for file in files}
    after = problems_of_changed(written, today, changed.__getitem__, slug_exists, whole)
    before: dict[str, list[Problem]] = {}
    if policy == "no-new-problems":
        existing = [file.change.path for file in files if file.before is not None]
        if existing:
            before = problems_of(whole(), today, existing)
    checked = {id(file) for file in contacts}
    kept = [file for file in files if id(file) not in checked]
    for file in contacts:
        path = file.change.path
        old = before.get(path, [])
        if policy == "no-errors":
            refusing = [problem for problem in after.get(path, []) if problem.severity == "error"]
        elif any(problem.severity == "error" for problem in old):
            _refuse(outcome, file.change, "the file has errors (kith validate shows them)")
            continue
        else:
            known = {(problem.check, problem.message) for problem in old}
            refusing = [p for p in after.get(path, []) if (p.check, p.message) not in known]
        if refusing:
            outcome.refused.append(path)
            outcome.problems.extend(refusing)
        else:
            kept.append(file)
    return kept


def _is_contact(path: str, config: Config) -> bool:
    """Whether `path` (relative to the network's folder) is a contact file, which is checked."""
    folder, name = posixpath.split(path)
    return folder == Path(config.contacts_dir).as_posix() and is_contact_name(name)


def _front_matter_changed(file: _File) -> bool:
    """Whether the front matter (everything up to the second `---` line) changed: when it did
    not, no cross-file rule about this file can have changed either."""
    if file.before is None or file.after is None:
        return True
    return _front_matter_bytes(file.before.data) != _front_matter_bytes(file.after)


def _front_matter_bytes(data: bytes) -> bytes:
    first = data.find(b"---")
    second = data.find(b"\n---", first + 3)
    return data if first < 0 or second < 0 else data[: second + 4]


def _commit(
    repo: Repository,
    files: list[_File],
    message: str,
    trailers: Mapping[str, str],
) -> tuple[CommitOutcome, bool]:
    """The commit of exactly these files' bytes, and whether the write is finished (the journal
    can go): yes when committed, or refused by the pre-commit hook (the files stay written, as
    after a refused `git commit`); no when a Git step failed, so the next command completes it."""
    contents = {repo.path_of(file.absolute): file.after for file in files}
    new = [path for path, file in zip(contents, files, strict=True) if file.before is None]
    refused = refused_by_gitignore(repo, new)
    if refused is not None:
        return refused, True
    lines = "".join(f"{key}: {value}\n" for key, value in trailers.items())
    try:
        text = f"{message}\n\n{lines}" if lines else f"{message}\n"
        sha, created = commit_contents(repo, contents, text)
    except IndexNotUpdated as error:  # committed; the journal stays, so the next run fixes it
        note = f"the index could not be updated: {error}; the next kith command sets it"
        return CommitOutcome(
            "committed", f"committed {error.commit[:7]}: {message} ({note})"
        ), False
    except HookRefused as error:
        return CommitOutcome("failed", f"written but not committed: {error}"), True
    except GitError as error:
        return CommitOutcome("failed", f"written but not committed: {error}"), False
    return committed(sha, created, message), True


def _finish_interrupted(repo: Repository) -> list[str]:
    """Commit what a killed earlier run wrote and did not commit (its journal says which files and
    under which message); notes saying so."""
    notes: list[str] = []
    unfinished = journal.unfinished(repo)
    if unfinished is None:
        journal.end(repo)  # none, or unreadable: nothing to finish
        return notes
    commit = head(repo)
    contents: dict[str, bytes | None] = {}
    for path in unfinished.paths:
        absolute = repo.top / path
        try:
            data = absolute.read_bytes() if absolute.is_file() else None
        except OSError:
            continue
        if commit is None or data != blob_at(repo, commit, path):
            contents[path] = data
    if contents:
        message = (
            f"{unfinished.message}\n\nFinished by the next kith command: the first was "
            f"interrupted before its commit.\n\n{TRAILER}: {unfinished.command}\n"
        )
        sha, _ = commit_contents(repo, contents, message, hooks=False)
        notes.append(
            f"committed {sha[:7]}: {unfinished.message} (left uncommitted by an interrupted "
            f"kith {unfinished.command}: {len(contents)} files)"
        )
    else:
        match_index_to_head(repo, list(unfinished.paths))
    journal.end(repo)
    return notes


def _make_folders(files: list[_File]) -> None:
    """The folders new files go into (Git drops an emptied folder); one that cannot be made is
    left to the write, which reports it for its file."""
    for folder in {file.absolute.parent for file in files}:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue


def _refuse(outcome: Outcome, change: Change, reason: str, check: Check = WRITE_CHECK) -> None:
    outcome.refused.append(change.path)
    outcome.problems.append(Problem(change.path, change.line, "error", reason, check))


def _without_path(message: str, path: str) -> str:
    """An error's message without a leading file path (the Problem carries the path)."""
    match = _LEADING_PATH.match(message)
    if match and match[1].endswith(path):
        return message[match.end() :]
    return message


_LEADING_PATH = re.compile(r"(\S+?)(?::\d+)?: ")
