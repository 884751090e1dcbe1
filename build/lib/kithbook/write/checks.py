"""The question every writer asks before it writes: which problems does a contact file have, or
would it have with a new text? One answer for `kith log`/`set`/`new`/`edit` and for an import.

Pure: the texts are given, the network is loaded; nothing is read from disk or printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from kithbook.model import Check, Network, Problem
from kithbook.parse.load import load_files
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


def problems_if_written(
    network: Network,
    today: dt.date,
    texts: Mapping[str, str | bytes],
    checks: Iterable[str] | None = None,
) -> dict[str, list[Problem]]:
    """The problems each file of `texts` (relative path -> new content; bytes are checked exactly as
    they are) would have as a contact of `network`: loaded with its settings, beside the other
    contacts as they are, checked as `problems_of` checks."""
    files = [
        (path, text if isinstance(text, bytes) else text.encode("utf-8"))
        for path, text in texts.items()
    ]
    written = load_files(network.root, network.config, files)
    others = [contact for contact in network.contacts if contact.path not in texts]
    unreadable = (network.private_unreadable - set(texts)) | written.private_unreadable
    combined = Network(
        network.root, network.config, others + written.contacts, written.problems, unreadable
    )
    return problems_of(combined, today, texts.keys(), checks)
