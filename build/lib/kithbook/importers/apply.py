"""Carry out an import plan: write new files and merges with the edit API, then one Git commit.

Every file is checked before it is written: a new file must validate clean, and a merge must not
bring a problem the file did not have. A file that would fail is reported and left alone; the rest
are written. The commit (`import: 3 new, 1 merged from Connections.csv`) is one, so `kith undo`
takes the whole import back. A new file is rendered once and checked with the rest; the checks run
in one batch, and so do the writes: each file atomic, all of them synced to disk together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kithbook.importers.candidate import SourceProblem
from kithbook.importers.plan import Addition, ImportPlan, Merge
from kithbook.model import Network
from kithbook.repo.commits import CommitOutcome, commit_files
from kithbook.write.checks import FILE_CHECKS, problems_if_written, problems_of
from kithbook.write.edit import EditError, add_list_item, set_key, set_mapping_entry
from kithbook.write.new_contact import render_contact_text
from kithbook.write.safe_write import PlannedWrite, Snapshot, WriteError, read_snapshot, write_batch

Progress = Callable[[int, int], None]


@dataclass
class ApplyResult:
    """What was written, what was refused (as problems at source lines), and the commit."""

    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    commit: CommitOutcome | None = None

    @property
    def paths(self) -> list[str]:
        return [*self.created, *self.merged]

    def summary(self, source: str) -> str:
        return f"import: {len(self.created)} new, {len(self.merged)} merged from {source}"


@dataclass
class _Write:
    """One file to write: its new text, and the snapshot it replaces (None for a new file)."""

    path: str
    line: int
    text: str
    snapshot: Snapshot | None = None


def apply_plan(
    plan: ImportPlan,
    network: Network,
    today: dt.date,
    source: str,
    *,
    no_commit: bool = False,
    progress: Progress | None = None,
) -> ApplyResult:
    """Write the plan's files into the network's folder and commit them as one import."""
    result = ApplyResult()
    writes = [*_new_writes(plan, result), *_merge_writes(plan, network, result)]
    writes = _checked(writes, network, today, result)
    if any(write.snapshot is None for write in writes):
        _make_folder(network.root / network.config.contacts_dir)
    planned = [
        PlannedWrite(network.root / write.path, write.text, write.snapshot) for write in writes
    ]
    for write, error in zip(writes, write_batch(planned, progress), strict=True):
        if error:
            result.problems.append(SourceProblem(write.line, "error", f"{error}; skipped"))
        elif write.snapshot is None:
            result.created.append(write.path)
        else:
            result.merged.append(write.path)
    if result.paths:
        paths = [network.root / path for path in result.paths]
        result.commit = commit_files(
            network.root, paths, result.summary(source), no_commit=no_commit, command="import"
        )
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _make_folder(folder: Path) -> None:
    """The contacts folder, created when missing (Git drops an emptied folder; `kith new` does the
    same); a folder that cannot be made is left to the writes, which report it per record."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)


def _new_writes(plan: ImportPlan, result: ApplyResult) -> list[_Write]:
    writes = []
    for contact in plan.new:
        try:
            text = render_contact_text(contact.fields, contact.body)  # loaded in `_checked`
        except EditError as error:
            result.problems.append(
                SourceProblem(
                    contact.lines[0],
                    "error",
                    f"{contact.name}: cannot write {contact.path}: {error}",
                )
            )
            continue
        writes.append(_Write(contact.path, contact.lines[0], text))
    return writes


def _merge_writes(plan: ImportPlan, network: Network, result: ApplyResult) -> list[_Write]:
    """Each merge's additions applied one by one to the file's text; refused ones are reported."""
    writes = []
    for merge in plan.merges:
        line = merge.lines[0]
        try:
            snapshot = read_snapshot(network.root / merge.path)
        except WriteError as error:
            result.problems.append(SourceProblem(line, "error", f"{error}; merge skipped"))
            continue
        text = _merged_text(snapshot.text, merge, result)
        if text != snapshot.text:
            writes.append(_Write(merge.path, line, text, snapshot))
    return writes


def _merged_text(text: str, merge: Merge, result: ApplyResult) -> str:
    for addition in merge.additions:
        try:
            text = apply_addition(text, addition)
        except EditError as error:
            result.problems.append(
                SourceProblem(
                    merge.lines[0], "warning", f"{merge.path}: could not add {addition}: {error}"
                )
            )
    return text


def _checked(
    writes: list[_Write], network: Network, today: dt.date, result: ApplyResult
) -> list[_Write]:
    """The writes whose files will validate: new files clean, merged files with no new problem
    (each file checked alone: an import adds no references and merges, never duplicates, e-mails)."""
    texts = {write.path: write.text for write in writes}
    after = problems_if_written(network, today, texts, FILE_CHECKS)
    before = problems_of(
        network, today, [w.path for w in writes if w.snapshot is not None], FILE_CHECKS
    )
    kept = []
    for write in writes:
        old = before.get(write.path, [])
        known = {(problem.check, problem.message) for problem in old}
        new = [
            problem
            for problem in after.get(write.path, [])
            if (problem.check, problem.message) not in known
        ]
        if any(problem.severity == "error" for problem in old):
            reason = "the file has errors (kith validate shows them); fix them, then import again"
        elif new:
            reason = f"the file would have a problem ({new[0]})"
        else:
            kept.append(write)
            continue
        what = "merge skipped" if write.snapshot is not None else "not written"
        message = f"{write.path}: {what}: {reason}"
        result.problems.append(SourceProblem(write.line, "error", message))
    return kept


def apply_addition(text: str, addition: Addition) -> str:
    """One addition as an edit of the file's text (EditError when the layout does not allow it).
    The edit proves it reads back as intended; the file is loaded and validated in `_checked`."""
    if addition.kind == "list":
        return add_list_item(text, addition.key, addition.value, check_loads=False)
    if addition.kind == "mapping":
        key, subkey = addition.key, addition.subkey or ""
        return set_mapping_entry(text, key, subkey, addition.value, check_loads=False)
    return set_key(text, addition.key, addition.value, check_loads=False)
