"""`kith due`'s per-file answers: each contact file's problems and its share of today's plan, kept
while the file is unchanged, so that a run after an edit works out one file, not ten thousand.

A file's answers are its loader problems, its file checks' problems, what the cross-file checks need
of it (`References`) and its share of the plan (`ContactDue`, about a `PersonRef`: the little of
the contact a due item shows). They depend on the file, today and the settings only, so they are
kept under the file's identity (as the per-file cache of parsed contacts keeps its parses) for one
day and one look-ahead: the store's key is the parse cache's (Kithbook, Python, settings) with
today and `--upcoming` (kept apart from the plain run's, so `kith due` and `kith due --upcoming
7d` in turn do not throw each other's answers away). Each run then does what spans files afresh
from every file's answers: the cross-file checks, the order of the problems, and the plan. The
result is always a cold run's (tests compare them byte for byte after random edits, additions,
removals and renames).

When nothing is stored for today (the first run of a day, new settings), the network is loaded
through the per-file cache of parsed contacts, and every file's answers worked out and kept.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from kithbook.cache import (
    FRESH_NS,
    UNKNOWN_IDENTITY,
    Identity,
    PerFileStore,
    Scanned,
    are_of_type,
    is_identity,
)
from kithbook.cli.exiting import keep_until_exit
from kithbook.config import Config
from kithbook.model import Contact, PersonRef, Problem
from kithbook.parse.addresses import phone_problem, remember_valid_phones
from kithbook.parse.cache import (
    ALLOWED,
    Entry,
    cache_key,
    contact_entries,
    parse_file,
    parsed_files,
)
from kithbook.rules.backlog import BacklogCandidate
from kithbook.rules.due import ContactDue, DueItem, Rules
from kithbook.rules.validate import (
    References,
    contact_problems,
    cross_file_problems,
    in_order,
    references_of,
)

FORMAT = 2

# The answers of one file as stored: (identity, loader problems, whether an unreadable file says
# private, and for a contact (file checks' problems, references, share of the plan, and the phone
# numbers found valid: an edit seldom changes them, and checking one again needs the phonenumbers
# library, whose import is a twentieth of a run after an edit)).
ContactPart = tuple[tuple[Problem, ...], References, ContactDue[PersonRef], tuple[str, ...]]
Answers = tuple[Identity, tuple[Problem, ...], bool, ContactPart | None]

STORE_NAME = "due-answers"


def due_answers(
    root: Path, config: Config, rules: Rules, scanned: list[Scanned] | None = None
) -> tuple[list[Problem], list[ContactDue[PersonRef]]]:
    """The loader's and the checks' problems (in order, without the configuration's) and every
    contact's share of `rules`' plan (in the order of their slugs), each file's answers kept while
    it is unchanged. `scanned`: the contacts folder as `scan_folder` saw it before any file was
    read (looked at here when None)."""
    key = _key(root, config, rules)
    folder = root / config.contacts_dir
    prefix = Path(config.contacts_dir).as_posix()
    entries = contact_entries(folder, scanned)
    store = _store(rules)
    stored = store.read(root, key)
    fresh_from = time.time_ns() - FRESH_NS
    if stored is None:
        answers = _from_parses(root, config, rules, entries)
        changed = True
    else:
        answers = {}
        kept_before = stored.entries
        changed = len(entries) != len(kept_before)
        for name, identity in entries:
            found = kept_before.get(name) if identity is not None else None
            if found is None or found[0] != identity:
                if found is not None and found[3] is not None:
                    remember_valid_phones(found[3][3], config.phone_region)
                parsed = parse_file(str(folder), f"{prefix}/{name}", identity, config)
                found = _answers_of_parse(parsed, config, rules)
                changed = True
            answers[name] = found
    if changed:  # a file too fresh to trust its timestamp, or unreadable, is not kept
        kept = {
            name: found
            for name, found in answers.items()
            if found[0] != UNKNOWN_IDENTITY and found[0][1] < fresh_from
        }
        if (
            stored is None
            or kept.keys() != stored.entries.keys()
            or any(stored.entries.get(name) is not found for name, found in kept.items())
        ):
            store.write(root, key, kept, stored)
    keep_until_exit(answers, stored)
    return _assembled(answers, config)


def keeps_answers(root: Path, rules: Rules) -> bool:
    """Whether a run with `rules` keeps the answers it works out: not in a one-off run (the first
    in its folder), which only notes that it ran (see `kithbook.cache.PerFileStore`)."""
    return _store(rules).keeps_entries(root)


def note_run(root: Path, rules: Rules) -> None:
    """Note a run whose answers were worked out without `due_answers`, so the next one keeps them."""
    _store(rules).note_run(root)


def _store(rules: Rules) -> PerFileStore[Answers]:
    """`kith due`'s answers and `kith due --upcoming`'s, kept apart."""
    name = STORE_NAME if rules.horizon == rules.today else f"{STORE_NAME}-upcoming"
    return PerFileStore(name, ALLOWED, _checked, _row)


def _key(root: Path, config: Config, rules: Rules) -> str:
    text = f"{FORMAT}\0{cache_key(root, config)}\0{rules.today}\0{rules.horizon}"
    return hashlib.sha256(text.encode()).hexdigest()


def _from_parses(
    root: Path, config: Config, rules: Rules, entries: list[tuple[str, Identity | None]]
) -> dict[str, Answers]:
    """Every file's answers, from its parse in the per-file cache of parsed contacts (or parsed
    now); a file's identity is the one seen before reading, so a file changed meanwhile misses
    next time."""
    parsed = parsed_files(root, config, entries)
    keep_until_exit(parsed)  # the contacts: freed by the process's end, not one by one
    return {name: _answers_of_parse(found, config, rules) for name, found in parsed}


def _answers_of_parse(parsed: Entry | Problem, config: Config, rules: Rules) -> Answers:
    if isinstance(parsed, Problem):  # unreadable: reported afresh every time
        return (UNKNOWN_IDENTITY, (parsed,), False, None)
    identity, contact, problems, private = parsed
    return _answers(identity, problems, private, contact, config, rules)


def _answers(
    identity: Identity,
    problems: tuple[Problem, ...],
    private: bool,
    contact: Contact | None,
    config: Config,
    rules: Rules,
) -> Answers:
    if contact is None:
        return (identity, problems, private, None)
    checked = tuple(contact_problems(contact, config, rules.today))
    share = rules.contact_due(contact, PersonRef.of(contact))
    region = config.phone_region
    valid = tuple(number for number in contact.phones if phone_problem(number, region) is None)
    return (identity, problems, private, (checked, references_of(contact), share, valid))


def _assembled(
    answers: dict[str, Answers], config: Config
) -> tuple[list[Problem], list[ContactDue[PersonRef]]]:
    """What spans files, from every file's answers: the cross-file checks and the order of all
    problems, and the contacts' shares in the order of their slugs."""
    problems: list[Problem] = []
    private_unreadable: list[str] = []
    contacts: list[tuple[References, ContactDue[PersonRef]]] = []
    loader: list[Problem] = []
    prefix = Path(config.contacts_dir).as_posix()
    for name, (_identity, parse_problems, private, part) in answers.items():
        loader.extend(parse_problems)
        if part is None:
            if private:
                private_unreadable.append(f"{prefix}/{name}")
            continue
        checked, its_references, share, _valid_phones = part
        problems.extend(checked)
        contacts.append((its_references, share))
    contacts.sort(key=lambda pair: pair[0].slug)
    references = [pair[0] for pair in contacts]
    problems.extend(
        cross_file_problems(references, private_unreadable, loader, config.contacts_dir)
    )
    return in_order(loader + problems), [pair[1] for pair in contacts]


# Stored as plain tuples: the allow-list then needs no class of ours but Problem. Read back, every
# tuple must have the shape `_row` writes and the identities and problems their types, as the
# per-file cache of parsed contacts checks its entries; anything else is a miss.


def _row(answers: Answers) -> tuple[Any, ...]:
    identity, problems, private, part = answers
    if part is None:
        return answers
    checked, references, share, valid_phones = part
    row = (checked, tuple(references), _share_row(share), valid_phones)
    return (identity, problems, private, row)


def _share_row(share: ContactDue[PersonRef]) -> tuple[Any, ...]:
    candidate = share.candidate
    return (
        tuple(share.person),
        share.active,
        share.snoozed,
        share.awaiting_reply,
        tuple(map(_item_row, share.reasons)),
        tuple(map(_item_row, share.coming_up)),
        share.reached,
        None
        if candidate is None
        else (
            candidate.base,
            candidate.company,
            candidate.tags,
            candidate.reason,
            candidate.nearness,
            candidate.logged_this_week,
        ),
    )


def _item_row(item: DueItem[PersonRef]) -> tuple[Any, ...]:
    return (
        item.kind,
        item.due,
        item.reason,
        item.score,
        item.other_reasons,
        item.upcoming,
        item.urgent,
        item.priority,
        item.note,
    )


def _checked(rows: dict[Any, Any]) -> dict[str, Answers] | None:
    """The stored answers, rebuilt; None when any is not shaped as `_row` writes it."""
    try:
        return {name: _answers_of_row(name, row) for name, row in rows.items()}
    except (TypeError, ValueError):
        return None


def _answers_of_row(name: Any, row: Any) -> Answers:
    identity, problems, private, part = row
    if not (
        type(name) is str
        and is_identity(identity)
        and (problems == () or are_of_type(problems, Problem))  # most files: no problem
        and type(private) is bool
    ):
        raise TypeError("not a stored answer")
    if part is None:
        return (identity, problems, private, None)
    checked, references, share, valid_phones = part
    if not ((checked == () or are_of_type(checked, Problem)) and are_of_type(valid_phones, str)):
        raise TypeError("not a stored answer")
    contact_part = (checked, References(*references), _share(share), valid_phones)
    return (identity, problems, private, contact_part)


def _share(row: tuple[Any, ...]) -> ContactDue[PersonRef]:
    person_row, active, snoozed, awaiting, reasons, coming_up, reached, candidate = row
    person = PersonRef(*person_row)
    return ContactDue(
        person,
        active,
        snoozed,
        awaiting,
        tuple([DueItem(person, *_item_fields(item)) for item in reasons]),
        tuple([DueItem(person, *_item_fields(item)) for item in coming_up]),
        reached,
        None if candidate is None else BacklogCandidate(person, *candidate),
    )


def _item_fields(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """DueItem's fields after `contact`, from an `_item_row` (`plan` is False until `plan`)."""
    kind, due, reason, score, other_reasons, upcoming, urgent, priority, note = row
    return (kind, due, reason, score, other_reasons, upcoming, False, urgent, priority, note)
