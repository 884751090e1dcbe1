"""Carry out an import plan: write new files and merges with the edit API, then one Git commit.

Every file is checked before it is written: a new file must validate clean, and a merge must not
bring a problem the file did not have. A file that would fail is reported and left alone; the rest
are written. The commit (`import: 3 new, 1 merged from Connections.csv`) is one, so `kith undo`
takes the whole import back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kithbook.edit import EditError, add_list_item, render_new_contact, set_key, set_mapping_entry
from kithbook.git import CommitOutcome, commit_files
from kithbook.import_plan import Addition, ImportPlan, Merge
from kithbook.importers.candidate import SourceProblem
from kithbook.load import load_files
from kithbook.model import Network, Problem
from kithbook.safe_write import Snapshot, WriteError, read_snapshot, write_if_unchanged, write_new
from kithbook.validate import CHECKS, validate

FILE_CHECKS = [name for name in CHECKS if name not in ("reference", "duplicate-email")]
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


def apply_plan(
    plan: ImportPlan, network: Network, today: dt.date, source: str, *, no_commit: bool = False,
    progress: Progress | None = None,
) -> ApplyResult:
    """Write the plan's files into the network's folder and commit them as one import."""
    result = ApplyResult()
    total = len(plan.new) + len(plan.merges)
    done = 0
    new_texts = _new_texts(plan, result)
    checked = file_problems(network, today, new_texts)
    for contact in plan.new:
        done += 1
        if contact.path in new_texts:
            _write_new(network.root, contact.path, contact.lines[0], new_texts[contact.path],
                       checked.get(contact.path, []), result)
        if progress:
            progress(done, total)
    for merge in plan.merges:
        done += 1
        _write_merge(network, today, merge, result)
        if progress:
            progress(done, total)
    if result.paths:
        paths = [network.root / path for path in result.paths]
        result.commit = commit_files(network.root, paths, result.summary(source),
                                     no_commit=no_commit, command="import")
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _new_texts(plan: ImportPlan, result: ApplyResult) -> dict[str, str]:
    texts = {}
    for contact in plan.new:
        try:
            texts[contact.path] = render_new_contact(contact.fields, contact.body)
        except EditError as error:
            result.problems.append(SourceProblem(
                contact.lines[0], "error", f"{contact.name}: cannot write {contact.path}: {error}"))
    return texts


def file_problems(
    network: Network, today: dt.date, texts: dict[str, str]
) -> dict[str, list[Problem]]:
    """The problems each text would have as a contact file of `network` (per-file checks only)."""
    files = [(path, text.encode("utf-8")) for path, text in texts.items()]
    checked = load_files(network.root, network.config, files)
    problems: dict[str, list[Problem]] = {}
    for problem in validate(checked, today, FILE_CHECKS):
        problems.setdefault(problem.path, []).append(problem)
    return problems


def _write_new(root: Path, path: str, line: int, text: str, problems: list[Problem],
               result: ApplyResult) -> None:
    if problems:
        result.problems.append(SourceProblem(
            line, "error", f"{path} would not validate ({problems[0]}); skipped"))
        return
    try:
        write_new(root / path, text)
    except WriteError as error:
        result.problems.append(SourceProblem(line, "error", f"{error}; skipped"))
        return
    result.created.append(path)


def _write_merge(network: Network, today: dt.date, merge: Merge, result: ApplyResult) -> None:
    """Add the merge's values one by one; an addition the file's layout refuses is reported."""
    line = merge.lines[0]
    try:
        snapshot: Snapshot = read_snapshot(network.root / merge.path)
    except WriteError as error:
        result.problems.append(SourceProblem(line, "error", f"{error}; merge skipped"))
        return
    text = snapshot.text
    for addition in merge.additions:
        try:
            text = apply_addition(text, addition)
        except EditError as error:
            result.problems.append(SourceProblem(
                line, "warning", f"{merge.path}: could not add {addition}: {error}"))
    if text == snapshot.text:
        return
    before = file_problems(network, today, {merge.path: snapshot.text}).get(merge.path, [])
    if any(problem.severity == "error" for problem in before):
        result.problems.append(SourceProblem(
            line, "error", f"{merge.path}: merge skipped: the file has errors (kith validate "
                           "shows them); fix them, then import again"))
        return
    after = file_problems(network, today, {merge.path: text}).get(merge.path, [])
    known = {(problem.check, problem.message) for problem in before}
    new_problems = [problem for problem in after if (problem.check, problem.message) not in known]
    if new_problems:
        shown = new_problems[0]
        result.problems.append(SourceProblem(
            line, "error", f"{merge.path}: merge skipped: the file would have a problem ({shown})"))
        return
    try:
        write_if_unchanged(network.root / merge.path, snapshot, text)
    except WriteError as error:
        result.problems.append(SourceProblem(line, "error", f"{error}; merge skipped"))
        return
    result.merged.append(merge.path)


def apply_addition(text: str, addition: Addition) -> str:
    """One addition as an edit of the file's text (EditError when the layout does not allow it)."""
    if addition.kind == "list":
        return add_list_item(text, addition.key, addition.value)
    if addition.kind == "mapping":
        return set_mapping_entry(text, addition.key, addition.subkey or "", addition.value)
    return set_key(text, addition.key, addition.value)
