"""Today's plan as the site shows it: a card per person with everything needed to act (the reason,
the address as a link, the last interaction, a memory, the goal, a way to the draft), and compact
lists for the rest of what is due and what is coming up.

The home page and the Due page both use it; the data is `kith due`'s (`rules.due.due_list`).
"""

from __future__ import annotations

from urllib.parse import quote

from kithbook.model import Contact
from kithbook.rules.due import DueItem, history
from kithbook.rules.phrases import first_words, short_date
from kithbook.site.contact_page import DIRECTIONS, initials
from kithbook.site.context import SiteContext, contact_uri
from kithbook.site.markup import attr, external, html_block, link, mail_link, plural, relative

KIND_TITLES = {
    "follow-up": "Follow up",
    "occasion": "Occasion",
    "timely": "Timely",
    "reconnect": "Reconnect",
    "backlog": "Backlog",
}
KIND_NOUNS = {
    "follow-up": ("follow-up", "follow-ups"),
    "occasion": ("occasion", "occasions"),
    "timely": ("timely reason", "timely reasons"),
    "reconnect": ("reconnect", "reconnects"),
    "backlog": ("backlog pick", "backlog picks"),
}
WRITE_TO = "write-to"  # the id of the Write-to box on a person's page
VOICE = ("phone", "video")


def plan_cards(site: SiteContext, items: tuple[DueItem, ...], uri: str) -> str:
    """One card per person in plan order; a line saying so when nobody is due."""
    if not items:
        if site.due.rest:
            return (
                '<p class="kb-empty">Nothing planned today; the rest of what is due is below.</p>'
            )
        return '<p class="kb-empty">Nobody is due today. Enjoy the quiet.</p>'
    cards = "\n".join(_card(site, item, uri) for item in items)
    return html_block(f'<div class="kb-plan">\n{cards}\n</div>')


def plan_heading(site: SiteContext) -> str:
    """`Today's plan`, and a line when things that cannot wait take it over the budget."""
    due = site.due
    over = due.over_budget
    note = (
        f'\n\n<p class="kb-muted">{plural(over, "more person", "more people")} than your '
        f"{due.per_day} a day, as they cannot wait.</p>"
        if over
        else ""
    )
    return "## Today's plan" + note


def _card(site: SiteContext, item: DueItem, uri: str) -> str:
    """A person's card: who, why (and whether it cannot wait), how to reach them, what was said
    last, a memory and the goal to bring up, and the way to the draft on their page."""
    contact = item.contact
    page = relative(uri, contact_uri(contact.slug))
    urgent = '<span class="kb-urgent">cannot wait</span>' if item.urgent else ""
    role = _role(contact)
    also = (
        f'<p class="kb-plan-card__also">also: {attr("; ".join(item.other_reasons))}</p>'
        if item.other_reasons
        else ""
    )
    rows = [
        ("Reach", "kb-plan-reach", _reach(contact)),
        ("Last", "kb-plan-last", _last(site, contact)),
        ("Memory", "kb-plan-memory", _memory(site, contact)),
        ("Goal", "kb-plan-goal", _goal(contact)),
    ]
    if item.note:
        rows.append(("Note", "kb-plan-note", attr(item.note)))
    facts = "".join(
        f'<dt>{label}</dt><dd class="{name}">{value}</dd>' for label, name, value in rows
    )
    first = attr(contact.name.split()[0]) if contact.name.split() else attr(contact.name)
    return (
        f'<article class="kb-plan-card kb-plan-card--{item.kind}" id="plan-{attr(contact.slug)}">'
        f'<div class="kb-plan-card__head"><span class="kb-avatar kb-avatar--small" '
        f'aria-hidden="true">{attr(initials(contact.name))}</span><div>'
        f'<a class="kb-plan-card__name" href="{page}">{attr(contact.name)}</a>'
        f"{role}</div></div>"
        f'<p class="kb-plan-card__why"><span class="kb-kind kb-kind--{item.kind}">'
        f"{KIND_TITLES[item.kind]}</span> {urgent}{attr(item.reason)}</p>{also}"
        f'<dl class="kb-plan-card__facts">{facts}</dl>'
        f'<a class="kb-plan-card__write" href="{page}#{WRITE_TO}">Write to {first} →</a>'
        "</article>"
    )


def _role(contact: Contact) -> str:
    """`Engineer at Acme`, under the name."""
    words = " at ".join(attr(part) for part in (contact.role, contact.company) if part)
    return f'<span class="kb-plan-card__role">{words}</span>' if words else ""


def address_links(contact: Contact) -> list[str]:
    """The addresses to use, as links, the one for the preferred channel first: a phone number
    texts (`sms:`) for `message` and calls (`tel:`) otherwise; an e-mail address writes."""
    phones = [_phone_link(number, contact.channel == "message") for number in contact.phones]
    emails = [mail_link(address) for address in contact.emails]
    if contact.channel in ("message", *VOICE) and phones:
        return phones[:1] + emails[:1]
    return emails[:1] + phones[:1]


def _phone_link(number: str, text_message: bool) -> str:
    dialled = quote("".join(number.split()), safe="+-()")
    return external(number, ("sms:" if text_message else "tel:") + dialled)


def _reach(contact: Contact) -> str:
    links = " · ".join(address_links(contact))
    channel = attr(contact.channel) if contact.channel else ""
    if channel and links:
        return f"{channel} · {links}"
    return channel or links or '<span class="kb-muted">no address yet: add one to their file</span>'


def _last(site: SiteContext, contact: Contact) -> str:
    """What was said last (a note does not count: it was not contact), to pick up from."""
    entries = history(contact, site.today)
    if not entries:
        return '<span class="kb-muted">nothing logged yet</span>'
    last = entries[-1]
    arrow, words = DIRECTIONS[last.direction]
    said = first_words(last.text, 90)
    return (
        f'<time datetime="{last.date.isoformat()}">{short_date(last.date, site.today)}</time> '
        f'<span title="{words}">{arrow}</span> {attr(last.channel or "")}'
        + (f": {attr(said)}" if said else "")
    )


def _memory(site: SiteContext, contact: Contact) -> str:
    """One of their memories, a different one each day (the build day picks it)."""
    if not contact.memories:
        return '<span class="kb-muted">none yet</span>'
    return attr(contact.memories[site.today.toordinal() % len(contact.memories)])


def _goal(contact: Contact) -> str:
    if not contact.goals:
        return '<span class="kb-muted">none set</span>'
    more = (
        f' <span class="kb-muted">(+{len(contact.goals) - 1} more)</span>'
        if len(contact.goals) > 1
        else ""
    )
    return attr(contact.goals[0]) + more


def compact_list(items: tuple[DueItem, ...] | list[DueItem], uri: str) -> str:
    """The rest of what is due, one line each in plan order: name, kind, reason (and a note)."""
    if not items:
        return ""
    lines = []
    for item in items:
        note = f' <span class="kb-muted">({attr(item.note)})</span>' if item.note else ""
        lines.append(
            f"<li>{link(attr(item.name), uri, contact_uri(item.slug))} "
            f'<span class="kb-kind kb-kind--{item.kind}">{KIND_TITLES[item.kind]}</span> '
            f'<span class="kb-due-list__why">{attr(item.reason)}</span>{note}</li>'
        )
    return html_block('<ul class="kb-due-list">\n' + "\n".join(lines) + "\n</ul>")


def coming_up_list(site: SiteContext, uri: str) -> str:
    """Birthdays and yearly dates ahead (not due yet), by date."""
    items = site.due.coming_up
    if not items:
        return '<p class="kb-empty">No birthdays or yearly dates coming up.</p>'
    lines = [
        f'<li><time datetime="{item.due.isoformat()}">{short_date(item.due, site.today)}</time> '
        f"{link(attr(item.name), uri, contact_uri(item.slug))} "
        f'<span class="kb-due-list__why">{attr(item.reason)}</span></li>'
        for item in items
    ]
    return html_block('<ul class="kb-due-list kb-coming">\n' + "\n".join(lines) + "\n</ul>")


def rest_summary(site: SiteContext) -> str:
    """`Also due today: 8 reconnects, 5 backlog picks` (the kinds of what is not in the plan)."""
    rest = site.due.rest
    counts = {kind: sum(item.kind == kind for item in rest) for kind in KIND_TITLES}
    parts = [f"{count} {KIND_NOUNS[kind][count != 1]}" for kind, count in counts.items() if count]
    return f"Also due today: {', '.join(parts)}" if parts else ""
