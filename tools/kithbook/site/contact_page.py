"""A page per contact: profile card, when and why due, memories, notes, log, history."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from urllib.parse import quote

from kithbook.model import Contact, LogEntry, Problem
from kithbook.rules.phrases import MONTH_NAMES, MONTHS, date_words, duration_words, when_words
from kithbook.site.context import SiteContext, contact_uri, group_uri
from kithbook.site.markup import Page, attr, external, html_block, link, mail_link, plural, text
from kithbook.site.prerender import (
    CLOSE,
    DATA,
    OPEN,
    Event,
    Part,
    heading_part,
    html_events,
    html_part,
    list_part,
)
from kithbook.site.sanitize import paragraphs_html, plain_paragraphs, safe_html
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
    problems = _problems(site.errors_of(contact.path))
    parts = [
        heading_part(1, f"# {text(contact.name)}", contact.name),
        *([Part(problems)] if problems else []),
        _card(site, contact, uri),
        *_due(site, contact),
        *write_box(site, contact),
        *_list("Memories", contact.memories),
        *_list("Goals", contact.goals),
        *_notes(contact.notes),
        *_timeline(contact.log),
        *_history(site, contact),
    ]
    body = "\n\n".join(part.markdown for part in parts)
    meta = search_meta(contact)
    return Page(uri, contact.name, body, in_nav=False, meta=meta, parts=tuple(parts))


def search_meta(contact: Contact) -> dict[str, object]:
    """The page's meta: its kind, its search boost, and the search result's chips (company, place,
    tags), which Material's search also ranks highest, so a company, city or tag finds the person
    first. The theme puts a chip into the result as HTML: each is escaped here."""
    chips = [attr(value) for value in (contact.company, contact.location) if value]
    chips += [attr(tag) for tag in contact.tags]  # no `#`: the search would not match `#python`
    meta: dict[str, object] = {"kind": "contact", "search": {"boost": SEARCH_BOOST}}
    return {**meta, "tags": chips} if chips else meta


def _notes(notes: str) -> list[Part]:
    """The notes as sanitised HTML (kithbook.site.sanitize): they are untrusted text. Their words
    for the search index are left to Material's parser (search=None)."""
    if not notes.strip():
        return []
    paragraphs = plain_paragraphs(notes)
    if paragraphs is not None:  # plain text: its HTML and its words are known
        html = paragraphs_html(paragraphs)
        words: list[Event] = []
        for index, paragraph in enumerate(paragraphs):
            words += [(DATA, "\n")] if index else []
            words += [(OPEN, "p"), (DATA, paragraph), (CLOSE, "p")]
        events: list[Event] | None = words
    else:
        html, events = safe_html(notes), None
    if not html:
        return []
    return [heading_part(2, "## Notes", "Notes"), html_part(html_block(html), html, search=events)]


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


def _card(site: SiteContext, contact: Contact, uri: str) -> Part:
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
    # The words Material's search takes from the card (kithbook.site.prerender), as it reads them.
    events: list[Event] = [(DATA, "\n")]
    events += [(DATA, contact.role or "")] if role else [] if where else [(DATA, "\xa0")]
    facts, searched, fact_events = [], 0, []
    for label, value in rows:
        skip = SKIP if label in UNSEARCHED_FACTS else ""
        before = '<span class="kb-sep">· </span>' if searched and not skip else ""
        searched += not skip
        facts.append(
            f'<dt{skip}>{before}{label}<span class="kb-sep">:</span></dt> <dd{skip}>{value}</dd>'
        )
        if skip:
            fact_events.append([(DATA, " ")])
        else:
            first = [(DATA, "· ")] if before else []
            label_events = html_events(label)
            fact_events.append(
                [*first, *label_events, (DATA, ":"), (DATA, " "), *html_events(value)]
            )
    listed = "\n".join(facts)
    aka = (
        f'<span class="kb-sep">{" · " if role else ""}</span>'
        f'<span class="kb-aka">also {attr(", ".join(contact.aka))}</span>'
        if contact.aka
        else ""
    )
    if contact.aka:
        events += [(DATA, " · ")] if role else []
        events.append((DATA, "also " + ", ".join(contact.aka)))
    sep = '<span class="kb-sep"> ·</span>' if role or aka else ""
    events += [(DATA, " ·")] if sep else []
    events += [(DATA, "\n"), (DATA, "\n")]
    for index, fact in enumerate(fact_events):
        events += [(DATA, "\n"), *fact] if index else fact
    events += [(DATA, "\n"), (DATA, "\n")]
    card = (
        '<div class="kb-card">\n'
        f'<div class="kb-card__head"><span class="kb-avatar" aria-hidden="true"{SKIP}>'
        f"{attr(initials(contact.name))}</span>"
        f'<div class="kb-card__lede">{lede or "&nbsp;"}{aka}{sep}</div></div>\n'
        f'<dl class="kb-facts">\n{listed}\n</dl>\n</div>'
    )
    return html_part(html_block(card), card, events)


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


def _due(site: SiteContext, contact: Contact) -> list[Part]:
    """Why they are due, or when they next will be: a box kept out of the search index."""
    items = site.due_by_slug.get(contact.slug, [])
    ahead = [item.reason for item in site.coming_up_by_slug.get(contact.slug, [])]
    coming = f"<p>Coming up: {attr('; '.join(ahead))}.</p>" if ahead else ""
    if items:
        reasons = [reason for item in items for reason in (item.reason, *item.other_reasons)]
        lines = "".join(f"<li>{attr(reason)}</li>" for reason in reasons)
        return _box("warning", "Due now", f"<ul>{lines}</ul>{coming}")
    if contact.status != "active":
        return []
    next_date = site.next_due(contact)
    if next_date is None:
        if contact.cadence_never:
            return _box("note", "Coming up", coming) if coming else []
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


def _box(kind: str, title: str, inner: str) -> list[Part]:
    """An admonition as HTML (the theme styles it), kept out of the search index."""
    box = (
        f'<div class="admonition {kind}"{SKIP}><p class="admonition-title">{attr(title)}</p>'
        f"{inner}</div>"
    )
    return [html_part(html_block(box), box)]


def initials(name: str) -> str:
    """Up to two initials for the avatar: `Ada Quillfeather` -> `AQ`."""
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


def _list(title: str, items: tuple[str, ...]) -> list[Part]:
    if not items:
        return []
    markdown = "\n".join(f"- {text(item)}" for item in items)
    return [
        heading_part(2, f"## {title}", title),
        list_part(markdown, [("", item) for item in items]),
    ]


def _timeline(log: tuple[LogEntry, ...]) -> list[Part]:
    if not log:
        return []
    newest_first = sorted(log, key=lambda entry: (entry.date, entry.line), reverse=True)
    count = f'<p class="kb-muted"{SKIP}>{plural(len(log), "entry", "entries")}, newest first.</p>'
    parts = [heading_part(2, "## Log", "Log"), html_part(count, count)]
    for year, entries in groupby(newest_first, key=lambda entry: entry.date.year):
        lines, events = [], [(DATA, str(year)), (DATA, "\n"), (OPEN, "ol"), (DATA, "\n")]
        for index, entry in enumerate(entries):
            line, entry_events = _entry(entry)
            lines.append(line)
            events += [(DATA, "\n"), *entry_events] if index else entry_events
        events += [(DATA, "\n"), (CLOSE, "ol")]
        items = "\n".join(lines)
        # A heading without an id: the log stays one section of the search index, not one a year.
        block = f'<h3 class="kb-year">{year}</h3>\n<ol class="kb-timeline">\n{items}\n</ol>'
        parts.append(html_part(html_block(block), block, events))
    return parts


def _entry(entry: LogEntry) -> tuple[str, list[Event]]:
    """One log line, and its words for the search index. Each part has its own grid area, so a
    note (no channel) lines up with the rest; the spaces between the parts keep the search
    index's text readable."""
    arrow, words = DIRECTIONS[entry.direction]
    channel = f'<span class="kb-channel">{attr(entry.channel)}</span> ' if entry.channel else ""
    day = f"{entry.date.day} {MONTHS[entry.date.month - 1]}"
    events: list[Event] = [(OPEN, "li"), (DATA, day), (DATA, " "), (DATA, " ")]
    events += [(DATA, entry.channel), (DATA, " ")] if entry.channel else []
    events += [(DATA, entry.text or "\xa0"), (CLOSE, "li")]
    line = (
        f'<li class="kb-entry kb-entry--{entry.direction}">'
        f'<time datetime="{entry.date.isoformat()}">{day}'
        f'</time> <span class="kb-dir" title="{words}" aria-label="{words}"{SKIP}>{arrow}</span> '
        f'{channel}<span class="kb-entry__text">{attr(entry.text) or "&nbsp;"}</span></li>'
    )
    return line, events


def _history(site: SiteContext, contact: Contact) -> list[Part]:
    heading = heading_part(2, "## History", "History")
    history = site.histories.get(contact.path)
    if history is None:
        summary = '<p class="kb-muted">Not committed to Git yet.</p>'
        return [heading, html_part(summary, summary, _paragraph("Not committed to Git yet."))]
    added = date_words(history.added)
    lines = [f"- **{added}**: added to your network"]
    items = [(f"<strong>{added}</strong>: ", "added to your network")]
    for change in history.changes:
        old, new = change.old or "nothing", change.new or "nothing"
        when = date_words(change.date)
        lines.append(f"- **{when}**: {change.key} changed from {text(old)} to {text(new)}")
        items.append((f"<strong>{when}</strong>: ", f"{change.key} changed from {old} to {new}"))
    words = f"{plural(history.commits, 'commit')}, last on {date_words(history.last_changed)}."
    summary = f'<p class="kb-muted">{words}</p>'
    return [
        heading,
        html_part(summary, summary, _paragraph(words)),
        list_part("\n".join(lines), items),
    ]


def _paragraph(words: str) -> list[Event]:
    return [(OPEN, "p"), (DATA, words), (CLOSE, "p")]
