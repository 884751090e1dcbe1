"""The home page: the build date, today's plan, what is coming up, how the network is doing."""

from __future__ import annotations

import datetime as dt

from kithbook.rules.phrases import long_date
from kithbook.site.context import SiteContext, broken_uri, contact_uri
from kithbook.site.markup import NOT_SEARCHED, Page, link, plural, text
from kithbook.site.today import coming_up_list, plan_cards, plan_heading, rest_summary

HOME = "index.md"


def home_page(site: SiteContext) -> Page:
    """Today's page: the plan first, with everything needed to act; then what is coming up and
    how the network is doing."""
    rest = rest_summary(site)
    parts = [
        "# Today",
        f'<p class="kb-built">Built on <strong>{long_date(site.today)}</strong>. '
        "The plan and dates are as of that day: rebuild the site to refresh them.</p>",
        _problems(site),
        plan_heading(site),
        plan_cards(site, site.due.plan, HOME),
        f'<p class="kb-more">{rest}: the {link("full due list", HOME, "due.md")}.</p>'
        if rest
        else "",
        "## Coming up",
        coming_up_list(site, HOME),
        f"The whole year is on the {link('calendar', HOME, 'calendar.md')}.",
        "## Your network",
        _numbers(site),
    ]
    body = "\n\n".join(part for part in parts if part)
    return Page(HOME, "Home", body, hide=("navigation", "toc"), meta=NOT_SEARCHED)


def _numbers(site: SiteContext) -> str:
    contacts = site.contacts
    active = [contact for contact in contacts if contact.status == "active"]
    recent = site.today - dt.timedelta(days=90)
    last_entries = [contact.last_contact_on(site.today) for contact in active]
    talked = sum(1 for last in last_entries if last and last.date >= recent)
    never = sum(1 for last in last_entries if last is None)
    numbers = [
        (len(contacts), "people", f"{len(active)} active"),
        (len(site.due.items), "due today", f"{len(site.due.plan)} in today's plan"),
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
