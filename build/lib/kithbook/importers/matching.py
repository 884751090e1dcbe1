"""An index of who is in the network, so an imported person is found without comparing pairs.

People match on the same e-mail, the same LinkedIn profile, or the same name once accents, case,
word order, punctuation and German umlaut spellings are set aside ("Müller, José" =
"José Mueller"); aliases (`aka`) count as names. The index is built once and looked up per record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from anyascii import anyascii

from kithbook.model import Network

UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
RULES = ("e-mail", "LinkedIn profile", "name")
_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=65_536)  # an import asks for each name several times
def name_keys(name: str) -> frozenset[str]:
    """The forms of a name that compare equal: ascii, lowercase, words sorted; umlauts both ways."""
    keys = set()
    for variant in (name.translate(UMLAUTS), name):
        words = _WORD.findall(anyascii(variant.replace("'", "").replace("’", "")).lower())
        if words:
            keys.add(" ".join(sorted(words)))
    return frozenset(keys)


def email_key(address: str) -> str:
    return address.strip().lower()


@functools.lru_cache(maxsize=65_536)
def linkedin_key(url: str) -> str | None:
    """One key for `https://www.linkedin.com/in/ada-l/` and `linkedin.com/in/Ada-L`."""
    text = url.strip()
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return None
    path = unquote(parts.path).strip("/").lower()
    return path or None


def linkedin_keys(links: dict[str, str]) -> set[str]:
    """The LinkedIn profiles among a contact's links, whatever their labels."""
    return {key for url in links.values() if (key := linkedin_key(url))}


@dataclass(frozen=True)
class Match:
    """The contacts (slugs) a record matched, and by which rule; several is ambiguous."""

    slugs: tuple[str, ...]
    rule: str

    @property
    def ambiguous(self) -> bool:
        return len(self.slugs) > 1


class MatchIndex:
    """Contacts by e-mail, LinkedIn profile and name key; add planned contacts as the plan grows."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, list[str]]] = {rule: {} for rule in RULES}

    @classmethod
    def of_network(cls, network: Network) -> MatchIndex:
        index = cls()
        for contact in network.contacts:
            index.add(contact.slug, contact.emails, contact.links, (contact.name, *contact.aka))
        return index

    def add(
        self, slug: str, emails: Iterable[str], links: dict[str, str], names: Iterable[str]
    ) -> None:
        """Index (or re-index, after a merge) one contact's e-mails, LinkedIn profiles and names."""
        keys = {
            "e-mail": {email_key(address) for address in emails},
            "LinkedIn profile": linkedin_keys(links),
            "name": {key for name in names for key in name_keys(name)},
        }
        for rule, values in keys.items():
            table = self._tables[rule]
            for value in values:
                slugs = table.setdefault(value, [])
                if slug not in slugs:
                    slugs.append(slug)

    def find(self, name: str, emails: Iterable[str], links: dict[str, str]) -> Match | None:
        """The strongest rule that finds anyone: e-mail, then LinkedIn profile, then name."""
        keys = {
            "e-mail": [email_key(address) for address in emails],
            "LinkedIn profile": sorted(linkedin_keys(links)),
            "name": sorted(name_keys(name)),
        }
        for rule in RULES:
            found: list[str] = []
            for key in keys[rule]:
                for slug in self._tables[rule].get(key, ()):
                    if slug not in found:
                        found.append(slug)
            if found:
                return Match(tuple(found), rule)
        return None
