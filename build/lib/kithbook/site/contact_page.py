"""A page per contact: profile card, when and why due, memories, notes, log, history."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from urllib.parse import quote

from kithbook.model import Contact, LogEntry, Problem
from kithbook.rules.phrases import MONTH_NAMES, MONTHS, date_words, duration_words, when_words
from kithbook.site.context import SiteContext, contact_uri, group_uri
from kithbook.site.markup import Page, attr, external, html_block, link, mail_link, plural, text
from kithbook.site.sanitize import safe_html
from kithbook.site.write_box import write_box

DIRECTIONS = {
    "out": ("→", "you reached out"),
    "in": ("←", "they reached out"),
    "both": ("↔", "together"),
    "note": ("✎", "note"),
}
SAFE_SCHEMES = ("https://", "http://")
# The card's facts left out of the search index: how often, links, who they know... would make a
# result's excerpt long without helping anyone find the person; the tags are the result's chips.
UNSEARCHED_FACTS = (
    "Tags",
    "Links",
    "Cadence",
    "Prefers",
    "Status",
    "Birthday",
    "Knows",
    "Introduced you to",
)
SKIP = " data-search-exclude"  # Material's search leaves such an element out of the index
SEARCH_BOOST = 2  # a person's page ranks above the manual's pages that use the same words


def contact_page(site: SiteContext, contact: Contact) -> Page:
    """The page of one public contact."""
    uri = contact_uri(contact.slug)
    sections = [
        _problems(site.errors_of(contact.path)),
        _card(site, contact, uri),
        _due(site, contact),
        write_box(site, contact),
        _list("Memories", contact.memories),
        _list("Goals", contact.goals),
        _notes(contact.notes),
        _timeline(contact.log),
        _history(site, contact),
    ]
    body = f"# {text(contact.name)}\n\n" + "\n\n".join(section for section in sections if section)
    return Page(uri, contact.name, body, in_nav=False, meta=search_meta(contact))


def search_meta(contact: Contact) -> dict[str, object]:
    """The page's meta: its kind, its search boost, and the search result's chips (company, place,
    tags), which Material's search also ranks highest, so a company, city or tag finds the person
    first. The theme puts a chip into the result as HTML: each is escaped here."""
    chips = [attr(value) for value in (contact.company, contact.location) if value]
    chips += [attr(tag) for tag in contact.tags]  # no `#`: the search would not match `#python`
    meta: dict[str, object] = {"kind": "contact", "search": {"boost": SEARCH_BOOST}}
    return {**meta, "tags": chips} if chips else meta


def _notes(notes: str) -> str:
    """The notes as sanitised HTML (kithbook.site.sanitize): they are untrusted text."""
    html = safe_html(notes) if notes.strip() else ""
    return f"## Notes\n\n{html_block(html)}" if html else ""


def broken_page(path: str, uri: str, problems: list[Problem]) -> Page:
    """The page of a contact file that could not be read: what is wrong, where, and nothing else."""
    name = path.rsplit("/", 1)[-1]
    body = (
        f"# {text(name)}\n\n"
        + _problems(problems)
        + f"\n\nFix the file `{attr(path)}` (run `kith validate`) and rebuild the site."
    )
    return Page(uri, name, body, in_nav=False, meta={"kind": "broken"})


def _problems(problems: list[Problem]) -> str:
    if not problems:
        return ""
    lines = "\n".join(f"    - {text(problem)}" for problem in problems)
    return f'!!! failure "This file has {plural(len(problems), "error")}"\n\n{lines}'


def _card(site: SiteContext, contact: Contact, uri: str) -> str:
    """The profile card. In the search index it reads "Role · Email: ... Phone: ...": company and
    place are the result's chips (see search_meta), so the lede gives only the role there."""
    where = []
    if contact.company:
        where.append(link(attr(contact.company), uri, group_uri("companies", contact.company)))
    if contact.location:
        where.append(attr(contact.location))
    role = attr(contact.role) if contact.role else ""
    joined = (" at " if role and contact.company else " · " if role else "") + " · ".join(where)
    lede = role + (f"<span{SKIP}>{joined}</span>" if where else "")
    rows = [(label, value) for label, value in _facts(site, contact, uri) if value]
    facts, searched = [], 0
    for label, value in rows:
        skip = SKIP if label in UNSEARCHED_FACTS else ""
        before = '<span class="kb-sep">· </span>' if searched and not skip else ""
        searched += not skip
        facts.append(
            f'<dt{skip}>{before}{label}<span class="kb-sep">:</span></dt> <dd{skip}>{value}</dd>'
        )
    listed = "\n".join(facts)
    aka = (
        f'<span class="kb-sep">{" · " if role else ""}</span>'
        f'<span class="kb-aka">also {attr(", ".join(contact.aka))}</span>'
        if contact.aka
        else ""
    )
    sep = '<span class="kb-sep"> ·</span>' if role or aka else ""
    return html_block(
        '<div class="kb-card">\n'
        f'<div class="kb-card__head"><span class="kb-avatar" aria-hidden="true"{SKIP}>'
        f"{attr(initials(contact.name))}</span>"
        f'<div class="kb-card__lede">{lede or "&nbsp;"}{aka}{sep}</div></div>\n'
        f'<dl class="kb-facts">\n{listed}\n</dl>\n</div>'
    )


def _facts(site: SiteContext, contact: Contact, uri: str) -> list[tuple[str, str]]:
    config = site.network.config
    people = site.network.by_slug
    cadence = (
        "never (not tracked)"
        if contact.cadence_never
        else (
            f"every {duration_words(contact.cadence)}"
            if contact.cadence
            else f"every {duration_words(config.cadence_of_circle(contact.circle))} (the circle's)"
        )
    )
    met_parts = []
    if contact.met:
        if contact.met.date_text:
            met_parts.append(attr(contact.met.date_text))
        if contact.met.where:
            met_parts.append(attr(contact.met.where))
        if contact.met.via in people:
            met_parts.append("via " + _person(people[contact.met.via], uri))
    known = sorted(
        (people[slug] for slug in site.knows.get(contact.slug, ())), key=lambda c: c.name.lower()
    )
    status = "" if contact.status == "active" else attr(contact.status)
    if contact.snooze and contact.snooze > site.today:
        status = (status + " · " if status else "") + f"snoozed until {date_words(contact.snooze)}"
    return [
        (
            "Email",
            " · ".join(mail_link(address) for address in contact.emails),
        ),
        (
            "Phone",
            " · ".join(
                external(number, "tel:" + quote("".join(number.split()), safe="+-()"))
                for number in contact.phones
            ),
        ),
        (
            "Links",
            " · ".join(_profile_link(label, value) for label, value in contact.links.items()),
        ),
        (
            "Circle",
            link(attr(contact.circle), uri, group_uri("circles", contact.circle))
            if contact.circle
            else "",
        ),
        ("Cadence", cadence),
        ("Prefers", attr(contact.channel) if contact.channel else ""),
        ("Status", status),
        ("Birthday", _birthday(site, contact)),
        ("Met", ", ".join(met_parts)),
        ("Knows", ", ".join(_person(other, uri) for other in known)),
        (
            "Introduced you to",
            ", ".join(_person(other, uri) for other in site.introduced.get(contact.slug, ())),
        ),
        (
            "Tags",
            " ".join(link(f"#{attr(tag)}", uri, group_uri("tags", tag)) for tag in contact.tags),
        ),
        *(
            (attr(key), attr(_plain(value)))
            for key, value in contact.extra.items()
            if _plain(value)
        ),
    ]


def _profile_link(label: str, value: str) -> str:
    if value.lower().startswith(SAFE_SCHEMES):
        return external(label, value)
    return f"{attr(label)}: {attr(value)}"


def _plain(value: object) -> str:
    """An unknown key's value as text when it is a plain value or a list of them; else empty."""
    if isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        return ", ".join(str(item) for item in value)
    return ""


def _person(contact: Contact, uri: str) -> str:
    return link(attr(contact.name), uri, contact_uri(contact.slug))


def _birthday(site: SiteContext, contact: Contact) -> str:
    birthday = contact.birthday
    if birthday is None:
        return ""
    upcoming = birthday.next_on_or_after(site.today)
    day = f"{upcoming.day} {MONTH_NAMES[upcoming.month - 1]}"
    age = birthday.age_on(upcoming)
    turns = f", turns {age}" if age is not None else ""
    return attr(f"{day} ({when_words(upcoming, site.today)}{turns})")


def _due(site: SiteContext, contact: Contact) -> str:
    """Why they are due, or when they next will be: a box kept out of the search index."""
    items = site.due_by_slug.get(contact.slug, [])
    ahead = [item.reason for item in site.due.coming_up if item.slug == contact.slug]
    coming = f"<p>Coming up: {attr('; '.join(ahead))}.</p>" if ahead else ""
    if items:
        reasons = [reason for item in items for reason in (item.reason, *item.other_reasons)]
        lines = "".join(f"<li>{attr(reason)}</li>" for reason in reasons)
        return _box("warning", "Due now", f"<ul>{lines}</ul>{coming}")
    if contact.status != "active":
        return ""
    next_date = site.next_due(contact)
    if next_date is None:
        if contact.cadence_never:
            return _box("note", "Coming up", coming) if coming else ""
        backlog = "<p>No contact logged yet: they come up in the backlog.</p>"
        return _box("note", "Not due yet", backlog + coming)
    last = contact.last_contact_on(site.today)
    since = (
        f" Last contact {when_words(last.date, site.today)} ({attr(last.channel or 'note')})."
        if last
        else ""
    )
    return _box(
        "success",
        f"Next due {date_words(next_date)}",
        f"<p>{attr(when_words(next_date, site.today)).capitalize()}.{since}</p>{coming}",
    )


def _box(kind: str, title: str, inner: str) -> str:
    """An admonition as HTML (the theme styles it), kept out of the search index."""
    return html_block(
        f'<div class="admonition {kind}"{SKIP}><p class="admonition-title">{attr(title)}</p>'
        f"{inner}</div>"
    )


def initials(name: str) -> str:
    """Up to two initials for the avatar: `Ada Quillfeather` -> `AQ`."""
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


def _list(title: str, items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return f"## {title}\n\n" + "\n".join(f"- {text(item)}" for item in items)


def _timeline(log: tuple[LogEntry, ...]) -> str:
    if not log:
        return ""
    newest_first = sorted(log, key=lambda entry: (entry.date, entry.line), reverse=True)
    parts = [
        f'## Log\n\n<p class="kb-muted"{SKIP}>{plural(len(log), "entry", "entries")}, newest first.</p>'
    ]
    for year, entries in groupby(newest_first, key=lambda entry: entry.date.year):
        items = "\n".join(_entry(entry) for entry in entries)
        # A heading without an id: the log stays one section of the search index, not one a year.
        parts.append(
            html_block(f'<h3 class="kb-year">{year}</h3>\n<ol class="kb-timeline">\n{items}\n</ol>')
        )
    return "\n\n".join(parts)


def _entry(entry: LogEntry) -> str:
    """One log line. Each part has its own grid area, so a note (no channel) lines up with the
    rest; the spaces between the parts keep the search index's text readable."""
    arrow, words = DIRECTIONS[entry.direction]
    channel = f'<span class="kb-channel">{attr(entry.channel)}</span> ' if entry.channel else ""
    return (
        f'<li class="kb-entry kb-entry--{entry.direction}">'
        f'<time datetime="{entry.date.isoformat()}">{entry.date.day} {MONTHS[entry.date.month - 1]}'
        f'</time> <span class="kb-dir" title="{words}" aria-label="{words}"{SKIP}>{arrow}</span> '
        f'{channel}<span class="kb-entry__text">{attr(entry.text) or "&nbsp;"}</span></li>'
    )


def _history(site: SiteContext, contact: Contact) -> str:
    history = site.histories.get(contact.path)
    if history is None:
        return '## History\n\n<p class="kb-muted">Not committed to Git yet.</p>'
    lines = [f"- **{date_words(history.added)}**: added to your network"]
    for change in history.changes:
        old, new = change.old or "nothing", change.new or "nothing"
        lines.append(
            f"- **{date_words(change.date)}**: {change.key} changed from {text(old)} to {text(new)}"
        )
    summary = (
        f'<p class="kb-muted">{plural(history.commits, "commit")}, last on '
        f"{date_words(history.last_changed)}.</p>"
    )
    return "## History\n\n" + summary + "\n\n" + "\n".join(lines)
