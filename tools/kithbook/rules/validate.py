"""Named checks over a loaded Network: the checks of one file (`FILE_CHECKS`, one contact at a
time) and those that compare files (`NETWORK_CHECKS`, over each contact's `References`).

`validate(network, today)` gives the loader's problems and every check's, sorted by file and line
(`in_order`). `kith due` runs the same parts file by file and keeps each file's answers
(kithbook.cli.due_answers). Checks are pure: no clock (today is a parameter), no file access.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from kithbook.hints import did_you_mean
from kithbook.model import CHECK_NAMES as MODEL_CHECK_NAMES
from kithbook.model import STATUSES, Check, Contact, Network, Problem, Severity
from kithbook.parse.addresses import email_problem, phone_problem
from kithbook.parse.fields import SLUG
from kithbook.parse.key_typos import did_you_mean_key

if TYPE_CHECKING:
    from kithbook.config import Config

ContactCheck = Callable[[Contact, "Config", dt.date], Iterator[Problem]]


def _problem(
    contact: Contact, line: int, message: str, check: Check, severity: Severity = "error"
) -> Problem:
    return Problem(contact.path, line, severity, message, check)


# Checks of one file: each looks at one contact alone (with the settings and today), so a file's
# answers can be kept while the file is unchanged (kithbook.cli.due_answers).


def unknown_key_problems(contact: Contact, config: Config, today: dt.date) -> Iterator[Problem]:
    """Unknown keys are allowed; one that looks like a typo of a known key gets a warning."""
    for key in contact.extra:
        known = did_you_mean_key(str(key))
        if known:
            kept = " (until you fix it, the contact is kept private)" if known == "private" else ""
            yield _problem(
                contact,
                contact.line_of(key),
                f"{key}: unknown key; did you mean {known}?{kept}",
                Check.UNKNOWN_KEY,
                "warning",
            )


def email_problems(contact: Contact, config: Config, today: dt.date) -> Iterator[Problem]:
    """Every address is syntactically valid (no network look-up)."""
    for address, line in zip(contact.emails, contact.item_lines.get("emails", ())):
        reason = email_problem(address)
        if reason:
            yield _problem(
                contact,
                line,
                f"emails: {address} is not a valid address: {reason}",
                Check.EMAIL,
            )


def phone_problems(contact: Contact, config: Config, today: dt.date) -> Iterator[Problem]:
    """International numbers (+...) are checked with the phonenumbers library; local ones loosely."""
    for number, line in zip(contact.phones, contact.item_lines.get("phones", ())):
        reason = phone_problem(number, config.phone_region)
        if reason:
            yield _problem(contact, line, f"phones: {number} {reason}", Check.PHONE)


def choice_problems(contact: Contact, config: Config, today: dt.date) -> Iterator[Problem]:
    """`circle`, `channel` and `status` take one of their known words."""
    if contact.circle and contact.circle not in config.circles:
        yield _choice(contact, "circle", contact.circle, tuple(config.circles))
    if contact.channel and contact.channel not in config.channels:
        yield _choice(contact, "channel", contact.channel, config.channels)
    if contact.status not in STATUSES:
        yield _choice(contact, "status", contact.status, STATUSES)


def _choice(contact: Contact, key: str, value: str, choices: tuple[str, ...]) -> Problem:
    hint = did_you_mean(value, choices)
    message = f"{key}: unknown {key} {value!r}{hint}; use one of: {', '.join(choices)}"
    return _problem(contact, contact.line_of(key), message, Check.CHOICES)


def date_problems(contact: Contact, config: Config, today: dt.date) -> Iterator[Problem]:
    """Birthdays and log entries are not in the future; `met.date` neither."""
    birthday = contact.birthday
    if birthday and birthday.year is not None and birthday.in_year(birthday.year) > today:
        yield _problem(
            contact,
            contact.line_of("birthday"),
            f"birthday: {birthday} is in the future",
            Check.FUTURE_DATE,
        )
    met = contact.met
    if met and met.date and met.date > today:
        line = contact.item_lines.get("met.date", (contact.line_of("met"),))[0]
        message = f"met.date: {met.date_text} is in the future"
        yield _problem(contact, line, message, Check.FUTURE_DATE)
    for entry in contact.log:
        if entry.date > today:
            yield _problem(
                contact,
                entry.line,
                f"log: {entry.date} is in the future (today is {today}); is the date right?",
                Check.FUTURE_DATE,
                "warning",
            )


# Checks across files: they compare what each contact names (its e-mails, the slugs it knows)
# with the others'. They read `References`, the little of each contact they need, so that they
# run on a loaded network and on kept per-file answers alike.


class References(NamedTuple):
    """What the cross-file checks need of one contact: its addresses and the slugs it names, each
    with its line."""

    path: str
    slug: str
    private: bool
    emails: tuple[tuple[str, int], ...]
    knows: tuple[tuple[str, int], ...]
    met_via: tuple[str, int] | None


def references_of(contact: Contact) -> References:
    item_lines = contact.item_lines
    met = contact.met
    emails, knows = contact.emails, contact.knows
    return References(
        contact.path,
        contact.slug,
        contact.private,
        tuple(zip(emails, item_lines.get("emails", ()))) if emails else (),
        tuple(zip(knows, item_lines.get("knows", ()))) if knows else (),
        (met.via, met.via_line or contact.line_of("met")) if met and met.via else None,
    )


def duplicate_email_problems(references: Iterable[References]) -> Iterator[Problem]:
    """One address belongs to one contact: a second file with it is usually a duplicate person.
    When one of the two is private, the problem goes in its file, so that no public file's problem
    names a private contact (see kithbook.public)."""
    owner: dict[str, tuple[References, int, str]] = {}
    for contact in references:
        for address, line in contact.emails:
            found = (contact, line, address)
            first = owner.setdefault(address.strip().lower(), found)
            if first[0] is contact:
                continue
            if first[0].private and not contact.private:
                first, found = found, first  # reported in the private file, naming the public one
            subject, subject_line, written = found
            yield Problem(
                subject.path,
                subject_line,
                "error",
                f"emails: {written} is also the address of {first[0].path}; "
                "is this the same person?",
                Check.DUPLICATE_EMAIL,
            )


def reference_problems(
    references: Iterable[References],
    known: Mapping[str, bool],
    unreadable: set[str],
    contacts_dir: str,
) -> Iterator[Problem]:
    """`knows` and `met.via` name contacts that exist: slugs in `known` (slug -> private). A slug
    in `unreadable` (a file that exists but could not be read, or holds an unresolved merge
    conflict) has its own error, and naming it again would show it on a public page."""
    for contact in references:
        for slug, line in contact.knows:
            if slug == contact.slug:
                yield Problem(
                    contact.path,
                    line,
                    "warning",
                    f"knows: {slug} is this contact itself",
                    Check.REFERENCE,
                )
            elif slug not in known and slug not in unreadable:
                yield _missing(known, contact, line, "knows", slug, contacts_dir)
        if contact.met_via is not None:
            slug, line = contact.met_via
            if slug not in known and slug not in unreadable:
                yield _missing(known, contact, line, "met.via", slug, contacts_dir)


def unreadable_slugs(private_unreadable: Iterable[str], problems: Iterable[Problem]) -> set[str]:
    """Slugs of contact files left unread: private ones that could not be read as a contact, and
    those holding Git's conflict markers."""
    return {
        posixpath.splitext(posixpath.basename(path))[0]
        for path in chain(
            private_unreadable,
            (problem.path for problem in problems if problem.check == "conflict"),
        )
    }


def _missing(
    known: Mapping[str, bool],
    contact: References,
    line: int,
    key: str,
    slug: str,
    contacts_dir: str,
) -> Problem:
    hint_slugs = _hint_slugs(known, contact)
    if not SLUG.fullmatch(slug):
        from kithbook.parse.load import suggest_slug

        suggestion = suggest_slug(slug)
        hint = (
            f" (did you mean {suggestion}? {key} takes file names without .md)"
            if suggestion in hint_slugs
            else f" (write the file name without .md, such as {suggestion})"
        )
    else:
        hint = did_you_mean(slug, hint_slugs, cutoff=0.75)
    return Problem(
        contact.path,
        line,
        "error",
        f"{key}: no contact {slug!r} in {contacts_dir}/{hint}",
        Check.REFERENCE,
    )


def _hint_slugs(known: Mapping[str, bool], contact: References) -> list[str]:
    """The slugs a hint in this contact's file may name: a public file's hints name no private
    contact, as the site shows them on the contact's page."""
    if contact.private:
        return list(known)
    return [slug for slug, private in known.items() if not private]


FILE_CHECKS: dict[Check, ContactCheck] = {
    Check.UNKNOWN_KEY: unknown_key_problems,
    Check.EMAIL: email_problems,
    Check.PHONE: phone_problems,
    Check.CHOICES: choice_problems,
    Check.FUTURE_DATE: date_problems,
}
"""The checks of one file at a time."""

NETWORK_CHECKS = (Check.DUPLICATE_EMAIL, Check.REFERENCE)
"""The checks that compare a file with the other files."""


def contact_problems(contact: Contact, config: Config, today: dt.date) -> list[Problem]:
    """The problems every check of one file finds in this contact, in the order of CHECKS."""
    return [problem for check in FILE_CHECKS.values() for problem in check(contact, config, today)]


def cross_file_problems(
    references: list[References],
    private_unreadable: Iterable[str],
    loader_problems: Iterable[Problem],
    contacts_dir: str,
) -> list[Problem]:
    """The problems of the checks that compare files, from every contact's `References` (in the
    order of their slugs: the first file with an address owns it), the private files that could
    not be read and the loader's problems (a file with conflict markers exists, unread)."""
    known = {contact.slug: contact.private for contact in references}
    unreadable = unreadable_slugs(private_unreadable, loader_problems)
    return [
        *duplicate_email_problems(references),
        *reference_problems(references, known, unreadable, contacts_dir),
    ]


CHECKS: tuple[Check, ...] = (
    Check.UNKNOWN_KEY,
    Check.EMAIL,
    Check.PHONE,
    Check.CHOICES,
    Check.DUPLICATE_EMAIL,
    Check.REFERENCE,
    Check.FUTURE_DATE,
)
"""Every check over a loaded network, in the order their problems on one line are listed."""

# With the loader's, the names `kith validate --check` takes: every Check.
CHECK_NAMES = MODEL_CHECK_NAMES

_RANK = {check: rank for rank, check in enumerate(CHECKS, start=1)}  # the loader's problems: 0


def validate(
    network: Network, today: dt.date, checks: Iterable[str] | None = None
) -> list[Problem]:
    """The loader's problems and those of the named checks (all by default), sorted by file and
    line: each file's checks over every contact, then the cross-file checks over all of them."""
    names = set(CHECKS) if checks is None else {Check(name) for name in checks}
    problems = list(network.problems)
    config = network.config
    file_checks = [check for name, check in FILE_CHECKS.items() if name in names]
    for contact in network.contacts:
        for check in file_checks:
            problems.extend(check(contact, config, today))
    if names & set(NETWORK_CHECKS):
        references = list(map(references_of, network.contacts))
        if Check.DUPLICATE_EMAIL in names:
            problems.extend(duplicate_email_problems(references))
        if Check.REFERENCE in names:
            known = {slug: contact.private for slug, contact in network.by_slug.items()}
            unreadable = unreadable_slugs(network.private_unreadable, network.problems)
            problems.extend(reference_problems(references, known, unreadable, config.contacts_dir))
    return in_order(problems)


def in_order(problems: list[Problem]) -> list[Problem]:
    """`problems` sorted as every output lists them: mkdocs.yml first, then by file and line; on
    one line the loader's first, then each check's in the order of CHECKS."""
    problems.sort(
        key=lambda problem: (
            problem.path != "mkdocs.yml",
            problem.path,
            problem.line,
            _RANK.get(problem.check, 0),
        )
    )
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == "error" for problem in problems)
