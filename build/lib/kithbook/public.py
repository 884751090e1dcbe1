"""The public view of a network: the one place that decides what is private.

The site, the exports and the calendar file all read the network through this module, so a contact
is private (or not) the same way everywhere. Private means: `private: true` after YAML merge keys
(decided by the loader, failing safe), or a file the loader could not read whose text says private
(`Network.private_unreadable`). The `## Private` section of a public contact is left out by the
loader itself (`Contact.notes` never holds it).

Public API: `is_private`, `private_paths`, `public_contacts`, `public_network`, `public_problems`,
`looks_private`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kithbook.model import Contact, Network, Problem

# A `private` key (or a misspelling of it: `Private`, `privat`, `"private"`) and the first word of
# its value, wherever it stands in a file's front matter (`{private: true}` included).
_PRIVATE_KEY = re.compile(r"""privat\w*["']?[ \t]*:[ \t]*["']?([^\s,}\]"'#]*)""", re.IGNORECASE)
_FALSE_WORDS = frozenset({"false", "no", "off", "n", "~", "null"})
_FRONT_MATTER = re.compile(
    r"\A\ufeff?[ \t\r\n]*---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M
)
_HINT = re.compile(r"\s*\(did you mean ([^?\s]+)\?[^)]*\)")
_QUOTED = re.compile(r"'([a-z0-9-]+)'")
PRIVATE_FILE = "the file of a private contact"
PRIVATE_NAME = "(a private contact)"


def is_private(contact: Contact) -> bool:
    """Whether a contact is kept off the site, the exports and the calendar unless asked for."""
    return contact.private


def private_paths(network: Network) -> frozenset[str]:
    """The files whose content is private: private contacts' and unreadable files that say so."""
    return frozenset(contact.path for contact in network.contacts if contact.private) | frozenset(
        network.private_unreadable
    )


def public_contacts(network: Network, *, include_private: bool = False) -> list[Contact]:
    """The contacts anyone may see (all of them with `include_private`), in the network's order."""
    if include_private:
        return list(network.contacts)
    return [contact for contact in network.contacts if not is_private(contact)]


def public_network(network: Network) -> Network:
    """The network with its private contacts taken out, and the problems of their files with them."""
    hidden = private_paths(network)
    return Network(
        network.root,
        network.config,
        public_contacts(network),
        public_problems(network, network.problems, hidden),
    )


def public_problems(
    network: Network, problems: Iterable[Problem], hidden: frozenset[str] | None = None
) -> list[Problem]:
    """The problems of public files only, none naming a private contact: a "did you mean" hint that
    names one is dropped, a private file's path becomes "the file of a private contact" and its
    quoted slug "(a private contact)"."""
    hidden = private_paths(network) if hidden is None else hidden
    private_slugs = {contact.slug for contact in network.contacts if contact.private}
    private_slugs |= {path.rsplit("/", 1)[-1].removesuffix(".md") for path in hidden}
    shown = []
    for problem in problems:
        if problem.path in hidden:
            continue
        message = _HINT.sub(
            lambda hint: "" if hint[1].strip("'\"") in private_slugs else hint[0], problem.message
        )
        for path in hidden:
            message = message.replace(path, PRIVATE_FILE)
        if "'" in message:
            message = _QUOTED.sub(
                lambda quoted: PRIVATE_NAME if quoted[1] in private_slugs else quoted[0], message
            )
        if message != problem.message:
            problem = Problem(problem.path, problem.line, problem.severity, message, problem.check)
        shown.append(problem)
    return shown


def looks_private(data: bytes) -> bool:
    """Whether a contact file the loader could not read says `private` anywhere in its front
    matter (the whole file when that has no end) with a value that is not plainly false: such a
    file is kept off the site, its name included, until it is fixed."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # a Windows editor's "Unicode"
    text = data.decode("utf-16" if utf16 else "utf-8", "replace")
    front = _FRONT_MATTER.match(text)
    region = front[1] if front else text
    return any(match[1].lower() not in _FALSE_WORDS for match in _PRIVATE_KEY.finditer(region))
