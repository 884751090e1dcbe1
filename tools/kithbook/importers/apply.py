"""Carry out an import plan: new files and merges as changes handed to the write service.

Every file is checked before it is written: a new file must validate clean, and a merge must not
bring a problem the file did not have. A file that would fail is reported and left alone; the rest
are written. The commit (`import: 3 new, 1 merged from Connections.csv`) is one, so `kith undo`
takes the whole import back; an import killed midway is finished by the next kith command (the
service's journal), and running it again adds what was not written yet.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kithbook.importers.candidate import SourceProblem
from kithbook.importers.plan import Addition, ImportPlan, Merge
from kithbook.model import Network
from kithbook.repo.commits import CommitOutcome
from kithbook.write.edit import EditError, add_list_item, set_key, set_mapping_entry
from kithbook.write.new_contact import render_new_contact
from kithbook.write.service import EDIT_CHECK, WRITE_CHECK, Change, write

Progress = Callable[[int, int], None]


@dataclass
class ApplyResult:
    """What was written, what was refused (as problems at source lines), and the commit."""

    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    commit: CommitOutcome | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return [*self.created, *self.merged]

    def summary(self, source: str) -> str:
        return f"import: {len(self.created)} new, {len(self.merged)} merged from {source}"


def apply_plan(
    plan: ImportPlan,
    network: Network,
    today: dt.date,
    source: str,
    *,
    no_commit: bool = False,
    progress: Progress | None = None,
) -> ApplyResult:
    """Write the plan's files into the network's folder and commit them as one import, through
    the write service: new files must have no problem at all, merged ones no new problem."""
    result = ApplyResult()
    changes = [*_new_files(plan, result), *_merges(plan, result)]
    lines = {change.path: change.line for change in changes}
    new = {contact.path for contact in plan.new}

    def message(paths: Sequence[str]) -> str:
        created = sum(path in new for path in paths)
        return f"import: {created} new, {len(paths) - created} merged from {source}"

    outcome = write(
        network.root,
        network.config,
        today,
        changes,
        message,
        command="import",
        network=network,
        commit=not no_commit,
        policy="no-new-problems",
        progress=progress,
    )
    for path in outcome.written:
        (result.created if path in new else result.merged).append(path)
    for path in dict.fromkeys(outcome.refused):
        what = "merge skipped" if path not in new else "not written"
        found = [problem for problem in outcome.problems if problem.path == path]
        reason = found[0].message if found else "refused"
        if found and found[0].check not in (WRITE_CHECK, EDIT_CHECK):
            reason = f"the file would have a problem ({found[0]})"
        result.problems.append(SourceProblem(lines[path], "error", f"{path}: {what}: {reason}"))
    if outcome.error:
        result.problems.append(SourceProblem(1, "error", outcome.error))
    result.commit = outcome.commit
    result.notes = outcome.notes
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _new_files(plan: ImportPlan, result: ApplyResult) -> list[Change]:
    changes = []
    for contact in plan.new:
        try:
            text = render_new_contact(contact.fields, contact.body)
        except EditError as error:
            message = f"{contact.name}: cannot write {contact.path}: {error}"
            result.problems.append(SourceProblem(contact.lines[0], "error", message))
            continue
        changes.append(Change.new(contact.path, text, contact.lines[0]))
    return changes


def _merges(plan: ImportPlan, result: ApplyResult) -> list[Change]:
    """Each merge's additions applied one by one to the file's text; refused ones are reported."""
    return [
        Change.edit(
            merge.path, functools.partial(_merged_text, merge=merge, result=result), merge.lines[0]
        )
        for merge in plan.merges
    ]


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


def apply_addition(text: str, addition: Addition) -> str:
    """One addition as an edit of the file's text (EditError when the layout does not allow it);
    the write service loads and checks the result."""
    if addition.kind == "list":
        return add_list_item(text, addition.key, addition.value)
    if addition.kind == "mapping":
        return set_mapping_entry(text, addition.key, addition.subkey or "", addition.value)
    return set_key(text, addition.key, addition.value)
