"""The home page: the build date, who is due, what is coming up, how the network is doing."""

from __future__ import annotations

import datetime as dt

from kithbook.rules.due import KINDS, DueItem, occasions
from kithbook.rules.phrases import date_words, long_date, when_words
from kithbook.site.context import SiteContext, broken_uri, contact_uri
from kithbook.site.markup import Page, attr, link, plural, table, text

HOME = "index.md"
KIND_TITLES = {
    "follow-up": "Follow up",
    "occasion": "Occasion",
    "timely": "Timely",
    "reconnect": "Reconnect",
    "backlog": "From the backlog",
}
HOME_LIMIT = 12


def home_page(site: SiteContext) -> Page:
    """Today's page: everything a person needs before reaching out to anyone."""
    parts = [
        "# Your network",
        f'<p class="kb-built">Built on <strong>{long_date(site.today)}</strong>. '
        "The due list and dates below are as of that day; rebuild the site to refresh them.</p>",
        _problems(site),
        _numbers(site),
        "## Due today",
        due_table(site, list(site.due.items[:HOME_LIMIT]), HOME),
    ]
    if len(site.due.items) > HOME_LIMIT:
        more = len(site.due.items) - HOME_LIMIT
        parts.append(
            f"{plural(more, 'more person', 'more people')} on the "
            f"{link('full due list', HOME, 'due.md')}."
        )
    parts += ["## Coming up", _coming_up(site)]
    return Page(HOME, "Home", "\n\n".join(part for part in parts if part))


def due_table(site: SiteContext, items: list[DueItem], uri: str) -> str:
    """Person, why, since when and how to reach them: one row per due contact."""
    if not items:
        return '<p class="kb-empty">Nobody is due. Enjoy the quiet.</p>'
    rows = []
    for item in items:
        why = text(item.reason)
        if item.other_reasons:
            why += (
                '<br><span class="kb-muted">also: '
                + attr("; ".join(item.other_reasons))
                + "</span>"
            )
        rows.append(
            [
                link(text(item.name), uri, contact_uri(item.slug)),
                f'<span class="kb-kind kb-kind--{item.kind}">{KIND_TITLES[item.kind]}</span>',
                why,
                text(item.channel or ""),
            ]
        )
    return table(["Person", "Kind", "Why", "Channel"], rows)


def _numbers(site: SiteContext) -> str:
    contacts = site.contacts
    active = [contact for contact in contacts if contact.status == "active"]
    recent = site.today - dt.timedelta(days=90)
    last_entries = [contact.last_contact_on(site.today) for contact in active]
    talked = sum(1 for last in last_entries if last and last.date >= recent)
    never = sum(1 for last in last_entries if last is None)
    by_kind = {kind: sum(item.kind == kind for item in site.due.items) for kind in KINDS}
    numbers = [
        (len(contacts), "people", f"{len(active)} active"),
        (len(site.due.items), "due today", plural(by_kind["follow-up"], "follow-up")),
        (
            f"{round(100 * talked / len(active)) if active else 0}%",
            "talked to in 90 days",
            f"{talked} of {len(active)} active",
        ),
        (site.due.awaiting_reply, "awaiting a reply", "your message was last"),
        (site.due.snoozed, "snoozed", "hidden until their date"),
        (never, "never logged", "no contact recorded yet"),
    ]
    cards = "\n".join(
        f'<div class="kb-stat"><span class="kb-stat__value">{value}</span>'
        f'<span class="kb-stat__label">{label}</span>'
        f'<span class="kb-stat__note">{note}</span></div>'
        for value, label, note in numbers
    )
    return f'<div class="kb-stats">\n{cards}\n</div>'


def _coming_up(site: SiteContext) -> str:
    end = site.network.config.lookahead.after(site.today)
    found = occasions(site.network, site.today, end)
    if not found:
        return f'<p class="kb-empty">No birthdays or dates before {date_words(end)}.</p>'
    rows = [
        [
            f"{date_words(occasion.date)} "
            f'<span class="kb-muted">{when_words(occasion.date, site.today)}</span>',
            link(text(occasion.contact.name), HOME, contact_uri(occasion.contact.slug)),
            text(occasion.title),
        ]
        for occasion in found
    ]
    return (
        table(["When", "Person", "Occasion"], rows)
        + f"\n\nThe whole year is on the {link('calendar', HOME, 'calendar.md')}."
    )


def _problems(site: SiteContext) -> str:
    errors = site.error_count
    if not errors:
        return ""
    broken = [link(text(path), HOME, broken_uri(path)) for path in site.broken_files]
    people = [
        link(text(contact.name), HOME, contact_uri(contact.slug))
        for contact in site.contacts
        if site.errors_of(contact.path)
    ]
    listed = ", ".join(broken + people)
    return (
        f'!!! failure "{plural(errors, "error")} in your contact files"\n\n'
        f"    Run `kith validate` to see them all. Files with errors: {listed}."
    )
