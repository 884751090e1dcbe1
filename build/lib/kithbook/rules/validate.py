"""Named checks over a loaded Network. Each is a pass over the parsed contacts that returns problems.

`validate(network, today)` gives the loader's problems and every check's, sorted by file and line.
Checks are pure: no clock (today is a parameter), no file access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from kithbook.hints import did_you_mean
from kithbook.model import CHECK_NAMES as MODEL_CHECK_NAMES
from kithbook.model import STATUSES, Check, Contact, Network, Problem, Severity
from kithbook.parse.addresses import email_problem, phone_problem
from kithbook.parse.fields import SLUG
from kithbook.parse.key_typos import did_you_mean_key

CheckPass = Callable[[Network, dt.date], Iterator[Problem]]


def _problem(
    contact: Contact, line: int, message: str, check: Check, severity: Severity = "error"
) -> Problem:
    return Problem(contact.path, line, severity, message, check)


def check_unknown_keys(network: Network, today: dt.date) -> Iterator[Problem]:
    """Unknown keys are allowed; one that looks like a typo of a known key gets a warning."""
    for contact in network.contacts:
        for key in contact.extra:
            known = did_you_mean_key(str(key))
            if known:
                kept = (
                    " (until you fix it, the contact is kept private)" if known == "private" else ""
                )
                yield _problem(
                    contact,
                    contact.line_of(key),
                    f"{key}: unknown key; did you mean {known}?{kept}",
                    Check.UNKNOWN_KEY,
                    "warning",
                )


def check_emails(network: Network, today: dt.date) -> Iterator[Problem]:
    """Every address is syntactically valid (no network look-up)."""
    for contact in network.contacts:
        for address, line in zip(contact.emails, contact.item_lines.get("emails", ())):
            reason = email_problem(address)
            if reason:
                yield _problem(
                    contact,
                    line,
                    f"emails: {address} is not a valid address: {reason}",
                    Check.EMAIL,
                )


def check_phones(network: Network, today: dt.date) -> Iterator[Problem]:
    """International numbers (+...) are checked with the phonenumbers library; local ones loosely."""
    for contact in network.contacts:
        for number, line in zip(contact.phones, contact.item_lines.get("phones", ())):
            reason = phone_problem(number, network.config.phone_region)
            if reason:
                yield _problem(contact, line, f"phones: {number} {reason}", Check.PHONE)


def check_choices(network: Network, today: dt.date) -> Iterator[Problem]:
    """`circle`, `channel` and `status` take one of their known words."""
    config = network.config
    for contact in network.contacts:
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


def check_duplicate_emails(network: Network, today: dt.date) -> Iterator[Problem]:
    """One address belongs to one contact: a second file with it is usually a duplicate person.
    When one of the two is private, the problem goes in its file, so that no public file's problem
    names a private contact (see kithbook.public)."""
    owner: dict[str, tuple[Contact, int, str]] = {}
    for contact in network.contacts:
        for address, line in zip(contact.emails, contact.item_lines.get("emails", ())):
            found = (contact, line, address)
            first = owner.setdefault(address.strip().lower(), found)
            if first[0] is contact:
                continue
            if first[0].private and not contact.private:
                first, found = found, first  # reported in the private file, naming the public one
            subject, subject_line, written = found
            yield _problem(
                subject,
                subject_line,
                f"emails: {written} is also the address of {first[0].path}; "
                "is this the same person?",
                Check.DUPLICATE_EMAIL,
            )


def check_references(network: Network, today: dt.date) -> Iterator[Problem]:
    """`knows` and `met.via` name contacts that exist (by slug). A file that exists but could not
    be read, being private, has its own error; naming it again would show it on a public page."""
    folder = network.config.contacts_dir
    unreadable = {
        path.removeprefix(f"{folder}/").removesuffix(".md") for path in network.private_unreadable
    }
    for contact in network.contacts:
        for slug, line in zip(contact.knows, contact.item_lines.get("knows", ())):
            if slug == contact.slug:
                yield _problem(
                    contact,
                    line,
                    f"knows: {slug} is this contact itself",
                    Check.REFERENCE,
                    "warning",
                )
            elif slug not in network.by_slug and slug not in unreadable:
                yield _missing(network, contact, line, "knows", slug)
        met = contact.met
        if met and met.via and met.via not in network.by_slug and met.via not in unreadable:
            line = met.via_line or contact.line_of("met")
            yield _missing(network, contact, line, "met.via", met.via)


def _missing(network: Network, contact: Contact, line: int, key: str, slug: str) -> Problem:
    if not SLUG.fullmatch(slug):
        from kithbook.parse.load import suggest_slug

        suggestion = suggest_slug(slug)
        hint = (
            f" (did you mean {suggestion}? {key} takes file names without .md)"
            if suggestion in _hint_slugs(network, contact)
            else f" (write the file name without .md, such as {suggestion})"
        )
    else:
        hint = did_you_mean(slug, _hint_slugs(network, contact), cutoff=0.75)
    return _problem(
        contact,
        line,
        f"{key}: no contact {slug!r} in {network.config.contacts_dir}/{hint}",
        Check.REFERENCE,
    )


def _hint_slugs(network: Network, contact: Contact) -> list[str]:
    """The slugs a hint in this contact's file may name: a public file's hints name no private
    contact, as the site shows them on the contact's page."""
    if contact.private:
        return list(network.by_slug)
    return [slug for slug, other in network.by_slug.items() if not other.private]


def check_dates(network: Network, today: dt.date) -> Iterator[Problem]:
    """Birthdays and log entries are not in the future; `met.date` neither."""
    for contact in network.contacts:
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


CHECKS: dict[Check, CheckPass] = {
    Check.UNKNOWN_KEY: check_unknown_keys,
    Check.EMAIL: check_emails,
    Check.PHONE: check_phones,
    Check.CHOICES: check_choices,
    Check.DUPLICATE_EMAIL: check_duplicate_emails,
    Check.REFERENCE: check_references,
    Check.FUTURE_DATE: check_dates,
}
"""The passes over a loaded network, by the name of the problems each finds."""

# With the loader's, the names `kith validate --check` takes: every Check.
CHECK_NAMES = MODEL_CHECK_NAMES


def validate(
    network: Network, today: dt.date, checks: Iterable[str] | None = None
) -> list[Problem]:
    """The loader's problems and those of the named checks (all by default), sorted by file and line."""
    problems = list(network.problems)
    for name in checks if checks is not None else CHECKS:
        problems.extend(CHECKS[Check(name)](network, today))
    problems.sort(key=lambda problem: (problem.path != "mkdocs.yml", problem.path, problem.line))
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == "error" for problem in problems)
