"""The question the write service asks before it writes: which problems would a changed contact
file have? The file's own checks, plus the cross-file rules the change can affect; one answer
for every writing command and for an import.

Pure: the changed files come loaded; anything else (is there a file for this slug, the whole
network) is asked through the callables given, so nothing here reads a disk or prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from kithbook.model import Check, Contact, Network, Problem
from kithbook.rules.validate import CHECKS, validate

NETWORK_CHECKS = (
    Check.REFERENCE,
    Check.DUPLICATE_EMAIL,
)  # these compare a file with the other files
FILE_CHECKS = tuple(name for name in CHECKS if name not in NETWORK_CHECKS)


def problems_of(
    network: Network, today: dt.date, paths: Iterable[str], checks: Iterable[str] | None = None
) -> dict[str, list[Problem]]:
    """The problems, the loader's and those of `checks` (all by default), that the loaded `network`
    has in the files at `paths`; checks that compare files see the whole network, the others only
    these files, and no file is read again."""
    paths = set(paths)
    names = tuple(CHECKS) if checks is None else tuple(checks)
    subject = network
    if not any(name in NETWORK_CHECKS for name in names):
        contacts = [contact for contact in network.contacts if contact.path in paths]
        loaded = [problem for problem in network.problems if problem.path in paths]
        subject = Network(network.root, network.config, contacts, loaded)
    found: dict[str, list[Problem]] = {}
    for problem in validate(subject, today, names):
        if problem.path in paths:
            found.setdefault(problem.path, []).append(problem)
    return found


def problems_of_changed(
    written: Network,
    today: dt.date,
    front_matter_changed: Callable[[str], bool],
    slug_exists: Callable[[str], bool],
    whole: Callable[[], Network],
) -> dict[str, list[Problem]]:
    """The problems of the changed files in `written` (loaded from their new bytes): the loader's,
    the file checks, and the cross-file rules the change can affect, without reading the whole
    network unless one of them needs it. A reference is first looked up by `slug_exists` (is
    there such a file?); the other contacts are loaded (`whole()`) only for a reference that is
    missing (its message names near misses) or for e-mails in front matter that changed
    (`front_matter_changed(path)`), which `duplicate-email` compares with everyone's."""
    paths = {problem.path for problem in written.problems} | {c.path for c in written.contacts}
    found = problems_of(written, today, paths, FILE_CHECKS)
    needed: set[str] = set()
    existing: dict[str, Contact] = {}  # referenced slugs with a file: enough for the rule
    for contact in written.contacts:
        via = contact.met.via if contact.met else None
        for slug in [*contact.knows, *([via] if via else [])]:
            if slug in written.by_slug or slug in existing:
                continue
            if slug_exists(slug):
                existing[slug] = contact
            else:
                needed.add("reference")
        if contact.emails and front_matter_changed(contact.path):
            needed.add("duplicate-email")
    if "reference" not in needed:  # every reference names a file: only "knows itself" is left
        view = Network(written.root, written.config, written.contacts, [])
        view.by_slug = {**existing, **view.by_slug}
        for problem in validate(view, today, ("reference",)):
            if problem.path in paths:
                found.setdefault(problem.path, []).append(problem)
    if needed:
        network = whole()
        others = [contact for contact in network.contacts if contact.path not in paths]
        unreadable = (network.private_unreadable - paths) | written.private_unreadable
        combined = Network(network.root, network.config, others + written.contacts, [], unreadable)
        for path, problems in problems_of(combined, today, paths, sorted(needed)).items():
            found.setdefault(path, []).extend(problems)
    for problems in found.values():
        problems.sort(key=lambda problem: problem.line)
    return found
