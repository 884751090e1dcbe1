"""File names for contacts: a slug from any Unicode name, free, never outside the folder.

The one slug generator: `kith new` and `kith import` name a person's file the same way, and the
loader suggests a file name with `suggest_slug`.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from kithbook.parse.fields import SLUG

MAX_LENGTH = 60
FALLBACK = "contact"
MAX_GIVEN_LENGTH = 100  # for a slug given by hand; file systems stop at 255 bytes
# The names of the site's own pages and folders: a contact file of that name (`index.md`, from an
# imported `FN:Index`) must never take a site page's place, so new files never get one, the loader
# warns about an existing one, and the site gives it another page name (`site.context.page_slug`).
RESERVED = frozenset(
    {
        *("index", "people", "due", "calendar", "tags", "circles", "companies", "graph"),
        *("stats", "search", "help", "assets", "404", "sitemap"),
    }
)


def suggest_slug(text: str) -> str:
    """A slug made from a file stem or a name, for messages and new files."""
    from anyascii import anyascii

    words = "".join(ch if ch.isalnum() else " " for ch in anyascii(text).lower()).split()
    return "-".join(words) or FALLBACK


def make_slug(name: str) -> str:
    """`José Müller` -> `jose-muller`, `김민준` -> `gimminjun` (anyascii), cut after a whole word
    when longer than 60 characters; `contact` when nothing is left; `index-2` for `Index` (a
    reserved name)."""
    slug = suggest_slug(name)
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH + 1].rsplit("-", 1)[0][:MAX_LENGTH]
    slug = slug if SLUG.fullmatch(slug) else FALLBACK
    return free_slug(slug, RESERVED) if slug in RESERVED else slug


def slug_problem(slug: str) -> str | None:
    """Why a slug given for a new file (`kith new --slug`) cannot be used, or None."""
    if not SLUG.fullmatch(slug):
        return f"{slug[:80]!r} is not a slug (lowercase a-z, 0-9 and single hyphens)"
    if len(slug) > MAX_GIVEN_LENGTH:
        return f"a slug is at most {MAX_GIVEN_LENGTH} characters long; this one has {len(slug)}"
    if slug in RESERVED:
        return (
            f"{slug!r} is the name of a site page; choose another, "
            f"such as {free_slug(slug, RESERVED)}"
        )
    return None


def free_slug(slug: str, taken: Container[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... the first one not `taken` (a set of slugs, or
    `FilesIn(folder)`)."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


class FilesIn(Container[str]):
    """The slugs that have a file in `folder`, asked one at a time (`slug in FilesIn(folder)`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __contains__(self, slug: object) -> bool:
        return (self.folder / f"{slug}.md").exists()


def contact_path(folder: Path, slug: str) -> Path:
    """`folder/slug.md`, refusing anything that is not a plain slug (so never a path elsewhere)."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"{slug!r} is not a slug (lowercase a-z, 0-9 and single hyphens)")
    path = folder / f"{slug}.md"
    if path.resolve().parent != folder.resolve():
        raise ValueError(f"{slug!r} would be written outside {folder}")
    return path
