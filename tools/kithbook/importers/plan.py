"""The import plan: which imported people become new files and what each merge adds. Pure.

A merge only adds what is missing (an e-mail, a phone, a link, a birthday, a company...), never
changes what the file says, and reports what it could not reconcile. Records that match a person
planned earlier in the same file merge into that person, so a file never creates one person twice,
and importing the same file again finds everything already there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from kithbook.importers.candidate import Candidate, SourceProblem
from kithbook.importers.matching import (
    Identifiers,
    MatchIndex,
    email_key,
    linkedin_key,
    linkedin_keys,
    name_keys,
)
from kithbook.importers.tidy import tidy
from kithbook.model import Contact, Met, MonthDay, Network
from kithbook.parse.slugs import free_slug, make_slug, slug_problem

SINGLE_KEYS = ("company", "role", "location")
# The kept keys (`model.KEPT_KEYS`: a Kithbook export carries them, other files do not), in the
# order an import adds them when the file has none: those of one value, then the lists.
KEPT_VALUES = ("uid", "circle", "cadence", "channel", "status", "snooze", "private")
KEPT_LISTS = ("knows", "goals", "memories")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")


@dataclass(frozen=True)
class Addition:
    """One thing a merge adds: a list item, a key, or an entry of a mapping (links, met)."""

    kind: str  # "list", "key" or "mapping"
    key: str
    value: Any
    subkey: str | None = None

    def __str__(self) -> str:
        where = f"{self.key}.{self.subkey}" if self.subkey else self.key
        return f"{where}: {_shown(self.value)}"


@dataclass
class NewContact:
    """A file to create: `fields` in writing order (YAML-ready values) and a Markdown body."""

    slug: str
    path: str
    fields: dict[str, Any]
    body: str
    lines: list[int]

    @property
    def name(self) -> str:
        return self.fields["name"]


@dataclass
class Merge:
    """What to add to an existing contact file, and the source lines it came from."""

    slug: str
    path: str
    name: str
    additions: list[Addition] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass
class ImportPlan:
    """New files, merges, records already up to date, and problems by source line."""

    new: list[NewContact] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    unchanged: list[tuple[int, str]] = field(default_factory=list)  # (source line, slug)
    problems: list[SourceProblem] = field(default_factory=list)

    @property
    def bad_records(self) -> int:
        """Records skipped because they cannot be imported (each has an error); not those that
        match a contact and add nothing, which are `unchanged`."""
        return sum(problem.severity == "error" for problem in self.problems)

    @property
    def left_out(self) -> list[SourceProblem]:
        """Records left out on purpose (a LinkedIn connection who hides their name): reported,
        not errors."""
        return [problem for problem in self.problems if problem.left_out]

    def summary(self) -> str:
        left_out = f", {len(self.left_out)} left out" if self.left_out else ""
        return (
            f"{len(self.new)} new, {len(self.merges)} merged, {len(self.unchanged)} unchanged, "
            f"{self.bad_records} skipped{left_out}"
        )


@dataclass
class _Person:
    """A person while merging: an existing contact or one planned by this import."""

    slug: str
    path: str
    name: str
    aka: list[str]
    emails: list[str]
    phones: list[str]
    links: dict[str, str]
    single: dict[str, str | None]
    birthday: MonthDay | None
    met: Met | None
    tags: list[str]
    notes: str = ""
    lines: list[int] = field(default_factory=list)
    merge: Merge | None = None  # None for a planned new contact
    written: frozenset[str] = frozenset()  # keys in the file, even those whose value failed to read
    # Kithbook's own keys (KEPT_VALUES) and lists (KEPT_LISTS); rare outside its exports, so None
    # (nothing) until something is added: 10,000 empty dicts would cost the cycle collector time
    keys: dict[str, Any] | None = None
    lists: dict[str, list[str]] | None = None
    dates: Sequence[dict[str, Any]] = ()
    log: Sequence[str] = ()
    private_notes: str = ""
    exported: bool = False  # planned from a Kithbook export's record, which named its slug

    @classmethod
    def of_contact(cls, contact: Contact) -> _Person:
        return cls(
            contact.slug,
            contact.path,
            contact.name,
            list(contact.aka),
            list(contact.emails),
            list(contact.phones),
            dict(contact.links),
            {key: getattr(contact, key) for key in SINGLE_KEYS},
            contact.birthday,
            contact.met,
            list(contact.tags),
            merge=Merge(contact.slug, contact.path, contact.name),
            written=frozenset(contact.lines),
            keys={
                "uid": contact.uid,
                "circle": contact.circle,
                "cadence": contact.cadence_text,
                "channel": contact.channel,
                "status": contact.status if "status" in contact.lines else None,
                "snooze": contact.snooze,
                "private": True if contact.private else None,
            },
            lists={key: list(getattr(contact, key)) for key in KEPT_LISTS if getattr(contact, key)},
        )

    @classmethod
    def of_candidate(cls, candidate: Candidate, slug: str, path: str) -> _Person:
        return cls(
            slug,
            path,
            candidate.name,
            [],
            [],
            [],
            {},
            dict.fromkeys(SINGLE_KEYS),
            None,
            None,
            [],
            notes=candidate.notes,
            dates=candidate.dates,
            log=candidate.log,
            private_notes=candidate.private_notes,
        )


def plan_import(
    candidates: Iterable[Candidate],
    network: Network,
    today: dt.date,
    problems: Iterable[SourceProblem] = (),
) -> ImportPlan:
    """The plan for importing `candidates` into `network`; `problems` are the importer's own."""
    plan = ImportPlan(problems=list(problems))
    index = MatchIndex.of_network(network)
    people: dict[str, _Person] = {}
    new_people: list[_Person] = []
    taken = set(network.by_slug) | {
        PurePosixPath(problem.path).stem for problem in network.problems
    }
    folder = network.config.contacts_dir
    for candidate in candidates:
        plan.problems.extend(tidy(candidate, network.config, today))
        match = index.find(
            candidate.name,
            candidate.emails,
            candidate.links,
            uids=candidate_uids(candidate),
            identifiers=lambda slug: _identifiers(people.get(slug), network.by_slug.get(slug)),
        )
        plan.problems.extend(
            SourceProblem(
                candidate.line,
                "warning",
                f"{candidate.name} has the name of {slug} but another {kind}: kept apart, "
                "as another person",
            )
            for slug, kind in index.kept_apart
        )
        if match is not None and match.ambiguous:
            plan.problems.append(
                SourceProblem(
                    candidate.line,
                    "error",
                    f"{candidate.name} matches {len(match.slugs)} contacts by {match.rule} "
                    f"({', '.join(match.slugs)}); skipped: give one an e-mail or alias to tell "
                    "them apart",
                )
            )
            continue
        if match is None:
            # a Kithbook export's slug, when it is one a new file may have (not `index`, not 300
            # characters): else the name's, as for any card, rather than a file that is refused
            wanted = candidate.slug if candidate.slug and not slug_problem(candidate.slug) else None
            slug = free_slug(wanted or make_slug(candidate.name), taken)
            taken.add(slug)
            person = _Person.of_candidate(candidate, slug, f"{folder}/{slug}.md")
            person.exported = bool(candidate.slug)
            people[slug] = person
            new_people.append(person)
        else:
            slug = match.slugs[0]
            person = people.get(slug) or people.setdefault(
                slug, _Person.of_contact(network.by_slug[slug])
            )
        person.lines.append(candidate.line)
        added = _merge(person, candidate, plan.problems)
        index.add(
            slug,
            person.emails,
            person.links,
            (person.name, *person.aka),
            uids=[uid] if (uid := (person.keys or {}).get("uid")) else (),
        )
        if match is None:
            continue
        if added and person.merge is not None:
            if not person.merge.additions:
                plan.merges.append(person.merge)
            person.merge.additions.extend(added)
            person.merge.lines.append(candidate.line)
        else:
            plan.unchanged.append((candidate.line, slug))
    plan.new = [_new_contact(person) for person in new_people]
    plan.problems.sort(key=lambda problem: problem.line)
    return plan


def _merge(person: _Person, candidate: Candidate, problems: list[SourceProblem]) -> list[Addition]:
    """Add to `person` what the candidate has and it lacks; conflicts become warnings."""
    added: list[Addition] = []
    conflict = _conflict_reporter(person, candidate, problems)
    names = {key for name in (person.name, *person.aka) for key in name_keys(name)}
    exact = candidate.slug is not None  # a Kithbook export: its aliases are yours, as written
    for alias in candidate.aka:
        if exact:
            if alias.lower() in {name.lower() for name in (person.name, *person.aka)}:
                continue
        elif name_keys(alias) & names:
            continue
        person.aka.append(alias)
        names |= name_keys(alias)
        added.append(Addition("list", "aka", alias))
    known = {address.lower() for address in person.emails}
    for address in candidate.emails:
        if address.lower() not in known:
            known.add(address.lower())
            person.emails.append(address)
            added.append(Addition("list", "emails", address))
    for number in candidate.phones:
        if not any(same_phone(number, kept) for kept in person.phones):
            person.phones.append(number)
            added.append(Addition("list", "phones", number))
    added.extend(_merge_links(person, candidate, conflict))
    for key in SINGLE_KEYS:
        value = getattr(candidate, key)
        if not value:
            continue
        current = person.single[key]
        if current is None and key in person.written:
            continue  # written in the file but unreadable: the user's to fix, not ours to replace
        if current is None:
            person.single[key] = value
            added.append(Addition("key", key, value))
        elif current.casefold() != value.casefold():
            conflict(key, current, value)
    added.extend(_merge_kept_keys(person, candidate))
    added.extend(_merge_birthday(person, candidate, conflict))
    added.extend(_merge_met(person, candidate))
    for tag in candidate.tags:
        if tag not in person.tags:
            person.tags.append(tag)
            added.append(Addition("list", "tags", tag))
    return added


Conflict = Callable[[str, object, object], None]


def _conflict_reporter(
    person: _Person, candidate: Candidate, problems: list[SourceProblem]
) -> Conflict:
    """A function that reports one value the import could not reconcile with the file's."""

    def conflict(key: str, kept: object, offered: object) -> None:
        problems.append(
            SourceProblem(
                candidate.line,
                "warning",
                f"{person.slug}: {key} is {_shown(kept)} in {person.path} but {_shown(offered)} "
                f"here; kept {_shown(kept)}",
            )
        )

    return conflict


def _merge_links(person: _Person, candidate: Candidate, conflict: Conflict) -> list[Addition]:
    added = []
    known = {_url_key(url) for url in person.links.values()}
    for label, url in candidate.links.items():
        if _url_key(url) in known:
            continue
        if label == "linkedin" and "linkedin" in person.links:
            conflict("links.linkedin", person.links["linkedin"], url)
            continue
        free, count = label, 1
        while free in person.links:
            count += 1
            free = f"{label}-{count}"
        person.links[free] = url
        known.add(_url_key(url))
        added.append(Addition("mapping", "links", url, free))
    return added


def _merge_kept_keys(person: _Person, candidate: Candidate) -> list[Addition]:
    """Kithbook's own keys (circle, status, knows, goals, ...) when the file has none of them."""
    if not candidate.has_kithbook_keys():
        return []
    added = []
    keys = person.keys = person.keys or {}
    lists = person.lists = person.lists or {}
    for key in KEPT_VALUES:
        value = _kept_value(key, getattr(candidate, key))
        if value in (None, False, "") or keys.get(key) is not None or key in person.written:
            continue
        keys[key] = value
        added.append(Addition("key", key, value))
    for key in KEPT_LISTS:
        kept = lists.setdefault(key, [])
        for item in getattr(candidate, key):
            if item not in kept:
                kept.append(item)
                added.append(Addition("list", key, item))
    return added


def _kept_value(key: str, value: Any) -> Any:
    """A value as the file writes it: `snooze` a date (text would be quoted), the rest as given."""
    if key == "snooze" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def candidate_uids(candidate: Candidate) -> list[str]:
    """The identities a record carries: its vCard UID, and `kithbook:<slug>` from an export."""
    uids = [candidate.uid] if candidate.uid else []
    return [*uids, f"kithbook:{candidate.slug}"] if candidate.slug else uids


def _identifiers(person: _Person | None, contact: Contact | None) -> Identifiers:
    """What tells a person apart from another of the same name: a UID and LinkedIn profiles;
    for a person this import creates, also its e-mails and (from a Kithbook export) its slug. Asked
    only for name matches, so nothing is kept for the many records that never need it."""
    if person is None:
        if contact is None:
            return {}
        return {
            "UID": {contact.uid} if contact.uid else set(),
            "LinkedIn profile": linkedin_keys(contact.links),
        }
    uid = (person.keys or {}).get("uid")
    uids: set[str] = {uid} if uid else set()
    known = {"UID": uids, "LinkedIn profile": linkedin_keys(person.links)}
    if person.merge is None:  # planned by this import
        known["e-mail"] = {email_key(address) for address in person.emails}
        if person.exported:
            uids.add(f"kithbook:{person.slug}")
    return known


def _merge_birthday(person: _Person, candidate: Candidate, conflict: Conflict) -> list[Addition]:
    offered, kept = candidate.birthday, person.birthday
    if offered is None or offered == kept or (kept is None and "birthday" in person.written):
        return []
    if kept is None:
        person.birthday = offered
        return [Addition("key", "birthday", birthday_value(offered))]
    same_day = (kept.month, kept.day) == (offered.month, offered.day)
    if not (same_day and offered.year is None):
        conflict("birthday", kept, offered)
    return []


def _merge_met(person: _Person, candidate: Candidate) -> list[Addition]:
    """Fill `met.date` and `met.where` when the file has none; a different date is kept silently."""
    offered = candidate.met
    if offered is None or (person.met is None and "met" in person.written):
        return []
    kept = person.met or Met()
    added = []
    if kept.date is None and offered.date is not None:
        added.append(Addition("mapping", "met", met_date_value(offered), "date"))
    if kept.where is None and offered.where:
        added.append(Addition("mapping", "met", offered.where, "where"))
    if kept.via is None and offered.via:
        added.append(Addition("mapping", "met", offered.via, "via"))
    if added:
        person.met = Met(
            date=kept.date or offered.date,
            precision=kept.precision if kept.date else offered.precision,
            where=kept.where or offered.where,
            via=kept.via or offered.via,
        )
    return added


def _new_contact(person: _Person) -> NewContact:
    """The file for a person first seen in this import."""
    met = None
    if person.met is not None:
        met = {
            "date": met_date_value(person.met) if person.met.date else None,
            "where": person.met.where,
            "via": person.met.via,
        }
        met = {key: value for key, value in met.items() if value is not None}
    keys = person.keys or {}
    fields = {
        "name": person.name,
        "uid": keys.get("uid"),
        "aka": person.aka,
        "emails": person.emails,
        "phones": person.phones,
        "links": person.links,
        **{key: person.single[key] for key in SINGLE_KEYS},
        "tags": person.tags,
        **{key: keys.get(key) for key in ("circle", "cadence", "channel", "status", "snooze")},
        "birthday": birthday_value(person.birthday) if person.birthday else None,
        "met": met,
        **{key: (person.lists or {}).get(key) for key in KEPT_LISTS},
        "dates": person.dates,
        "private": keys.get("private") or None,
    }
    body = contact_body(person.notes, person.log, person.private_notes)
    return NewContact(person.slug, person.path, fields, body, person.lines)


def contact_body(notes: str, log: Sequence[str], private_notes: str = "") -> str:
    """Notes (kept plain text), the log entries as given, and a `## Private` section when any."""
    body = markdown_body(notes) or "## Log\n"
    if log:
        body += "\n" + "\n".join(log) + "\n"
    if private_notes.strip():
        private = markdown_body(private_notes).removesuffix("\n\n## Log\n")
        body += "\n## Private\n\n" + private + "\n"
    return body


def markdown_body(notes: str) -> str:
    """Imported notes as Markdown that stays plain text: no headings (a `## Log`), no HTML tags."""
    if not notes.strip():
        return ""
    lines = []
    for line in notes.split("\n"):
        line = _HTML_START.sub("&lt;", line)
        lines.append("\\" + line if line.lstrip().startswith("#") else line)
    return "\n".join(lines).strip() + "\n\n## Log\n"


def birthday_value(birthday: MonthDay) -> dt.date | str:
    """A birthday as the contact format writes it: a date, or `--MM-DD` without a year."""
    if birthday.year is None:
        return str(birthday)
    return dt.date(birthday.year, birthday.month, birthday.day)


def met_date_value(met: Met) -> dt.date | str | None:
    """`met.date` as written: a full date, or `YYYY-MM` / `YYYY` when that is all that is known."""
    return met.date if met.precision == "day" else met.date_text


def same_phone(a: str, b: str) -> bool:
    """One number when the digits agree, ignoring a leading 0, 00 or country code."""
    digits_a, digits_b = re.sub(r"\D", "", a).lstrip("0"), re.sub(r"\D", "", b).lstrip("0")
    if not digits_a or not digits_b:
        return a.strip() == b.strip()
    short, long = sorted((digits_a, digits_b), key=len)
    return long.endswith(short) and (len(short) >= 7 or short == long)


def _url_key(url: str) -> str:
    """URLs compared without scheme, `www.`, case or trailing slash; LinkedIn by profile."""
    profile = linkedin_key(url)
    if profile:
        return f"linkedin:{profile}"
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    return text.removeprefix("www.").rstrip("/")


def _shown(value: object) -> str:
    return repr(str(value)) if isinstance(value, str) else str(value)
