"""The whole-network lists: People (a sortable, filterable table), Due, and the Calendar."""

from __future__ import annotations

from itertools import groupby

from kithbook.model import add_months
from kithbook.rules.due import occasions
from kithbook.rules.phrases import MONTH_NAMES, WEEKDAYS, date_words, when_words
from kithbook.site.context import SiteContext, contact_uri, group_uri
from kithbook.site.markup import (
    NOT_SEARCHED,
    Page,
    html_block,
    link,
    plural,
    table,
    table_html,
    text,
)
from kithbook.site.today import coming_up_list, compact_list, plan_cards, plan_heading

PEOPLE = "people/index.md"
DUE = "due.md"
CALENDAR = "calendar.md"


def people_page(site: SiteContext) -> Page:
    """Every public contact in one table; kithbook.js adds sorting and the filter box."""
    rows = []
    for contact in sorted(site.contacts, key=lambda contact: contact.name.lower()):
        last = contact.last_contact_on(site.today)
        next_date = site.next_due(contact)
        rows.append(
            [
                link(text(contact.name), PEOPLE, contact_uri(contact.slug)),
                link(text(contact.circle), PEOPLE, group_uri("circles", contact.circle))
                if contact.circle
                else "",
                link(text(contact.company), PEOPLE, group_uri("companies", contact.company))
                if contact.company
                else "",
                " ".join(f"#{text(tag)}" for tag in contact.tags),
                last.date.isoformat() if last else "",
                _next_due_cell(site, contact, next_date),
            ]
        )
    headers = ["Name", "Circle", "Company", "Tags", "Last contact", "Next due"]
    known = table_html(headers, rows)  # thousands of rows: an HTML block when it can be
    listing = (
        html_block(f'<div class="kb-people">\n{known}\n</div>')
        if known is not None
        else '<div class="kb-people" markdown>\n\n' + table(headers, rows) + "\n\n</div>"
    )
    body = (
        "# People\n\n"
        f'<p class="kb-muted">{plural(len(site.contacts), "person", "people")}. '
        "Type to filter by any "
        "column; click a column heading to sort.</p>\n\n" + listing
    )
    return Page(PEOPLE, "People", body, hide=("navigation", "toc"), meta=NOT_SEARCHED)


def _next_due_cell(site: SiteContext, contact, next_date) -> str:
    if contact.slug in site.due_by_slug:
        due = min(item.due for item in site.due_by_slug[contact.slug])
        return f'{due.isoformat()} <span class="kb-badge">due</span>'
    if contact.status != "active":
        return f'<span class="kb-muted">{text(contact.status)}</span>'
    return next_date.isoformat() if next_date else ""


def due_page(site: SiteContext) -> Page:
    """Today's plan as cards, then everything else due in plan order, then what is coming up."""
    due = site.due
    rest = due.rest
    parts = [
        "# Due",
        f'<p class="kb-muted">As of {date_words(site.today)}: '
        f"{plural(len(due.plan), 'person', 'people')} in today's plan "
        f"({due.per_day} a day), {len(rest)} more due, "
        f"{due.awaiting_reply} awaiting a reply, {due.snoozed} snoozed.</p>",
        plan_heading(site),
        plan_cards(site, due.plan, DUE),
    ]
    if rest:
        parts += [f"## Also due ({len(rest)})", compact_list(rest, DUE)]
    parts += ["## Coming up", coming_up_list(site, DUE)]
    if due.left_out:
        parts.append(
            f'!!! failure "{plural(due.left_out, "contact")} left out"\n\n'
            "    Their files have errors; fix them (`kith validate`) so they are tracked again."
        )
    return Page(DUE, "Due", "\n\n".join(parts), hide=("navigation", "toc"), meta=NOT_SEARCHED)


def calendar_page(site: SiteContext) -> Page:
    """Birthdays, anniversaries and dated events of the next twelve months, by month."""
    end = add_months(site.today, 12)
    found = occasions(site.network, site.today, end)
    parts = [
        "# Calendar",
        f'<p class="kb-muted">Birthdays and yearly dates from {date_words(site.today)} '
        f"to {date_words(end)}.</p>",
    ]
    for (year, month), in_month in groupby(
        found, key=lambda occasion: (occasion.date.year, occasion.date.month)
    ):
        rows = [
            [
                f"{WEEKDAYS[occasion.date.weekday()][:3]} {occasion.date.day}",
                link(text(occasion.contact.name), CALENDAR, contact_uri(occasion.contact.slug)),
                text(occasion.title),
                f'<span class="kb-muted">{when_words(occasion.date, site.today)}</span>',
            ]
            for occasion in in_month
        ]
        headers = ["Day", "Person", "Occasion", "When"]
        known = table_html(headers, rows)
        listing = table(headers, rows) if known is None else html_block(known, tight=True)
        parts += [f"## {MONTH_NAMES[month - 1]} {year}", listing]
    if not found:
        parts.append('<p class="kb-empty">No birthdays or yearly dates recorded.</p>')
    return Page(CALENDAR, "Calendar", "\n\n".join(parts), meta=NOT_SEARCHED)
