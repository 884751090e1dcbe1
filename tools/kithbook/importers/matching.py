"""An index of who is in the network, so an imported person is found without comparing pairs.

People match on the same UID (a vCard's `UID`, kept as the `uid` key, or `kithbook:<slug>` from an
export), the same e-mail, the same LinkedIn profile, or the same name once accents, case, word
order, punctuation and German umlaut spellings are set aside ("Müller, José" = "José Mueller");
aliases (`aka`) count as names. Two people with one name are kept apart when both have a UID or
a LinkedIn profile and none is shared (a person has one of each), and so are two records of one
import file with different e-mails (a directory lists each person once, with all their addresses);
a contact you have with another address than the record's may be the same person with a second
address, so that record merges. Likewise two records of one Kithbook export (`kithbook:<slug>`
UIDs) with different slugs are two people. The index is built once and looked up per record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from anyascii import anyascii

from kithbook.model import Network

UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
RULES = ("UID", "e-mail", "LinkedIn profile", "name")
IDENTIFIERS = ("UID", "e-mail", "LinkedIn profile")
Identifiers = dict[str, set[str]]  # rule -> keys
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
    """Contacts by UID, e-mail, LinkedIn profile and name key; add planned contacts as the plan
    grows. `kithbook:<slug>` UIDs are looked up among the slugs, not stored."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, list[str]]] = {rule: {} for rule in RULES}
        self._slugs: set[str] = set()
        self.kept_apart: list[tuple[str, str]] = []  # (slug, rule) of the last `find`

    @classmethod
    def of_network(cls, network: Network) -> MatchIndex:
        index = cls()
        for contact in network.contacts:
            index.add(
                contact.slug,
                contact.emails,
                contact.links,
                (contact.name, *contact.aka),
                uids=(contact.uid,) if contact.uid else (),
            )
        return index

    def add(
        self,
        slug: str,
        emails: Iterable[str],
        links: dict[str, str],
        names: Iterable[str],
        *,
        uids: Iterable[str] = (),
    ) -> None:
        """Index (or re-index, after a merge) one contact's UIDs, e-mails, LinkedIn profiles and
        names."""
        self._slugs.add(slug)
        keys = {
            "UID": {uid for uid in uids if not _exported(uid)},
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

    def find(
        self,
        name: str,
        emails: Iterable[str],
        links: dict[str, str],
        *,
        uids: Iterable[str] = (),
        identifiers: Callable[[str], Identifiers] | None = None,
    ) -> Match | None:
        """The strongest rule that finds anyone: UID, e-mail, LinkedIn profile, then name; a name
        match is dropped when `identifiers` (a contact's UIDs, e-mails and LinkedIn profiles that
        tell it apart, by rule) and the record's differ in one kind (noted in `kept_apart`)."""
        keys = {
            "UID": list(uids),
            "e-mail": [email_key(address) for address in emails],
            "LinkedIn profile": sorted(linkedin_keys(links)),
            "name": sorted(name_keys(name)),
        }
        self.kept_apart = []
        for rule in RULES:
            found: list[str] = []
            for key in keys[rule]:
                if rule == "UID" and _exported(key):
                    slugs: Iterable[str] = (
                        (key[len(EXPORTED) :],) if key[len(EXPORTED) :] in self._slugs else ()
                    )
                else:
                    slugs = self._tables[rule].get(key, ())
                for slug in slugs:
                    if slug not in found:
                        found.append(slug)
            if rule == "name" and identifiers is not None:
                found = [
                    slug for slug in found if not self._tell_apart(identifiers(slug), slug, keys)
                ]
            if found:
                return Match(tuple(found), rule)
        return None

    def _tell_apart(self, known: Identifiers, slug: str, keys: dict[str, list[str]]) -> bool:
        """Whether an identifier the record and the contact both have (not one shared) says they
        are two people; noted in `kept_apart`."""
        for rule in IDENTIFIERS:
            kinds = (False, True) if rule == "UID" else (None,)
            for exported in kinds:  # a slug from an export is compared with slugs only
                offered = {key for key in keys[rule] if exported in (None, _exported(key))}
                here = {key for key in known.get(rule, ()) if exported in (None, _exported(key))}
                if offered and here and not offered & here:
                    self.kept_apart.append((slug, rule))
                    return True
        return False


EXPORTED = "kithbook:"  # the UID `kith export` gives a contact without a `uid` key


def _exported(uid: str) -> bool:
    return uid.startswith(EXPORTED)
