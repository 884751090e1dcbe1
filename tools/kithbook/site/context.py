"""What every generated page reads: the public part of the network and what is derived from it once.

The network is narrowed to its public view (kithbook.public) here, before anything else sees it, so
no page, index, graph or search entry can mention a private contact; problems in their files, and
hints that name them, are dropped too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from kithbook.model import Contact, Network, Problem
from kithbook.parse.fields import SLUG
from kithbook.parse.load import suggest_slug
from kithbook.parse.slugs import MAX_GIVEN_LENGTH, MAX_LENGTH, RESERVED
from kithbook.public import private_paths, public_network, public_problems
from kithbook.repo.history import FileHistory
from kithbook.rules.due import DueItem, DueList, due_list, next_due

PEOPLE = "people"


@dataclass
class SiteContext:
    """The public network, today's due list, backlinks and groupings, with the uri of every page."""

    network: Network
    today: dt.date
    due: DueList
    problems: list[Problem]
    histories: Mapping[str, FileHistory]
    broken_files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.contacts = self.network.contacts
        self.due_by_slug: dict[str, list[DueItem]] = defaultdict(list)
        for item in self.due.items:
            self.due_by_slug[item.slug].append(item)
        self.coming_up_by_slug: dict[str, list[DueItem]] = defaultdict(list)
        for item in self.due.coming_up:
            self.coming_up_by_slug[item.slug].append(item)
        self.problems_by_path: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            self.problems_by_path[problem.path].append(problem)
        self.knows: dict[str, set[str]] = defaultdict(set)
        self.introduced: dict[str, list[Contact]] = defaultdict(list)
        for contact in self.contacts:
            for other in contact.knows:
                if other in self.network.by_slug and other != contact.slug:
                    self.knows[contact.slug].add(other)
                    self.knows[other].add(contact.slug)
            via = contact.met.via if contact.met else None
            if via in self.network.by_slug:
                self.introduced[via].append(contact)

    def next_due(self, contact: Contact) -> dt.date | None:
        """When the contact is (or was) next due by cadence or follow-up; None when never."""
        return next_due(contact, self.network.config, self.today)

    def errors_of(self, path: str) -> list[Problem]:
        return [
            problem
            for problem in self.problems_by_path.get(path, [])
            if problem.severity == "error"
        ]

    @property
    def error_count(self) -> int:
        return sum(problem.severity == "error" for problem in self.problems)


def public_context(
    network: Network, today: dt.date, problems: list[Problem], histories: Mapping[str, FileHistory]
) -> SiteContext:
    """The SiteContext of the public view of a network (kithbook.public): private contacts, files
    that say private, their problems, and hints naming them are taken out."""
    hidden = private_paths(network)
    public = public_network(network)
    visible = public_problems(network, problems, hidden)
    contact_paths = {contact.path for contact in public.contacts}
    folder = network.config.contacts_dir.rstrip("/") + "/"
    broken = sorted(
        {
            problem.path
            for problem in visible
            if problem.path.startswith(folder)
            and problem.path not in contact_paths
            and problem.severity == "error"
        }
    )
    return SiteContext(
        public, today, due_list(public, today, problems=visible), visible, histories, broken
    )


def page_slug(name: str) -> str:
    """A contact's slug as a safe page name (a misnamed file such as `Ada L.md` becomes `ada-l`);
    a reserved name (`index`, the People page's) becomes `index--contact`, which no slug can be."""
    slug = name if SLUG.fullmatch(name) else suggest_slug(name)
    return f"{slug}--contact" if slug in RESERVED else slug


def contact_uri(slug: str) -> str:
    return f"{PEOPLE}/{page_slug(slug)}.md"


def broken_uri(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    return f"{PEOPLE}/{page_slug(stem)}.md"


def group_uri(kind: str, name: str) -> str:
    """The page of a tag, circle or company (`tags/python.md`, `companies/acme-analytics.md`).
    A name longer than a file name may be (a pasted company of 300 letters) is cut, with a digest
    of its whole slug, so that two such names never share a page."""
    slug = suggest_slug(name)
    if len(slug) > MAX_GIVEN_LENGTH:
        digest = hashlib.blake2b(slug.encode(), digest_size=4).hexdigest()
        slug = f"{slug[:MAX_LENGTH].rstrip('-')}-{digest}"
    return f"{kind}/{'index-page' if slug == 'index' else slug}.md"
