"""Tags, circles and companies: an index page each, and a page per tag, circle or company."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from kithbook.model import Contact
from kithbook.rules.phrases import date_words
from kithbook.site.context import SiteContext, contact_uri, group_uri
from kithbook.site.markup import (
    NOT_SEARCHED,
    Page,
    attr,
    html_block,
    link,
    plural,
    table,
    table_html,
    text,
)

GROUPS: dict[str, tuple[str, Callable[[Contact], tuple[str, ...]]]] = {
    "tags": ("Tags", lambda contact: contact.tags),
    "circles": ("Circles", lambda contact: (contact.circle,) if contact.circle else ()),
    "companies": ("Companies", lambda contact: (contact.company,) if contact.company else ()),
}


def group_pages(site: SiteContext, kind: str) -> list[Page]:
    """The index page of one grouping (`tags/index.md`) and a page per group in it."""
    title, names_of = GROUPS[kind]
    members: dict[str, list[Contact]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for contact in site.contacts:
        for name in names_of(contact):
            uri = group_uri(kind, name)
            members[uri].append(contact)
            spelling.setdefault(uri, name)
    index_uri = f"{kind}/index.md"
    order = sorted(members, key=lambda uri: (-len(members[uri]), spelling[uri].lower()))
    if kind == "circles":
        configured = list(site.network.config.circles)
        order.sort(
            key=lambda uri: configured.index(spelling[uri]) if spelling[uri] in configured else 99
        )
    rows = [
        [
            link(text(spelling[uri]), index_uri, uri),
            str(len(members[uri])),
            ", ".join(text(contact.name) for contact in sorted(members[uri], key=_by_name)[:4])
            + (" …" if len(members[uri]) > 4 else ""),
        ]
        for uri in order
    ]
    intro = _intro(site, kind)
    body = f"# {title}\n\n{intro}\n\n" + (
        table([title[:-1] if kind != "companies" else "Company", "People", "Who"], rows)
        if rows
        else '<p class="kb-empty">None yet.</p>'
    )
    pages = [Page(index_uri, title, body, meta=NOT_SEARCHED)]
    for uri in order:
        pages.append(_group_page(site, kind, uri, spelling[uri], members[uri], index_uri, title))
    return pages


def _intro(site: SiteContext, kind: str) -> str:
    if kind == "circles":
        cadences = ", ".join(
            f"{attr(name)} every {duration}"
            for name, duration in site.network.config.circles.items()
        )
        return (
            f'<p class="kb-muted">How close you are, and how often to be in touch: {cadences}.</p>'
        )
    if kind == "tags":
        return '<p class="kb-muted">The tags written in contact files, most used first.</p>'
    return '<p class="kb-muted">Where the people you know work, most people first.</p>'


# A group's page is in the search index by its title and head count only (its table of people is
# left out), ranked low: a search for a company or tag lists the people first, then their page.
TITLE_ONLY: dict[str, object] = {"search": {"boost": 0.1}}


def _group_page(
    site: SiteContext,
    kind: str,
    uri: str,
    name: str,
    people: list[Contact],
    index_uri: str,
    title: str,
) -> Page:
    rows = []
    for contact in sorted(people, key=_by_name):
        last = contact.last_contact_on(site.today)
        rows.append(
            [
                link(text(contact.name), uri, contact_uri(contact.slug)),
                text(contact.role or ""),
                text(contact.company or "")
                if kind != "companies"
                else text(contact.location or ""),
                date_words(last.date) if last else "",
            ]
        )
    headers = ["Name", "Role", "Company" if kind != "companies" else "Location", "Last contact"]
    # The `#` is left out of the search index, where `#python` would not match a search for python.
    label = f"<span data-search-exclude>#</span>{text(name)}" if kind == "tags" else text(name)
    known = table_html(headers, rows)  # a big group's table skips Markdown when it can
    listing = (
        html_block(f'<div data-search-exclude="data-search-exclude">\n{known}\n</div>')
        if known is not None
        else f"<div data-search-exclude markdown>\n\n{table(headers, rows)}\n\n</div>"
    )
    body = (
        f'# {label}\n\n<p class="kb-muted" markdown="span">'
        f"{plural(len(people), 'person', 'people')} · "
        f"{link('all ' + title.lower(), uri, index_uri)}</p>\n\n{listing}"
    )
    title = ("#" if kind == "tags" else "") + name
    return Page(uri, title, body, in_nav=False, meta=TITLE_ONLY)


def _by_name(contact: Contact) -> str:
    return contact.name.lower()
