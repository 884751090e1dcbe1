"""The "Write to ..." box of a person's page: the draft for their due reason, a mailto: link, a
copy button, and the suggestions for them. Everything in it is escaped; nothing loads from
another host (the copy button is a few lines in kithbook.js)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kithbook.drafts import (
    DraftError,
    Templates,
    day_variants,
    default_channel,
    draft,
    intent_for,
    mailto,
)
from kithbook.drafts.facts import first_name
from kithbook.model import Contact
from kithbook.rules.due import DueItem
from kithbook.rules.suggestions import Suggestion, suggest_for
from kithbook.site.context import SiteContext
from kithbook.site.markup import attr, html_block, text
from kithbook.site.prerender import Part, heading_part, html_part

ANCHOR = "write-to"  # the Due page links each row to PERSON_PAGE#write-to


@lru_cache(maxsize=4)
def _templates(root: Path) -> Templates:
    """One template environment per network (Jinja2 re-reads a template when its file changes)."""
    return Templates.of_network(root)


class _Day:
    """What every box of one build shares, worked out once: each person's item of the day, their
    wording number and the names of the (public) people."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        items = (*site.due.items, *site.due.coming_up)
        self.items: dict[str, DueItem] = {}
        for item in items:
            self.items.setdefault(item.slug, item)
        self.variants = day_variants(items)
        self.people = {other.slug: other.name for other in site.contacts}


_DAY: list[_Day] = []


def _day(site: SiteContext) -> _Day:
    if not _DAY or _DAY[0].site is not site:
        _DAY[:] = [_Day(site)]
    return _DAY[0]


def write_box(site: SiteContext, contact: Contact) -> list[Part]:
    """The box (its heading and its HTML), or nothing for a contact you should not write to now
    (paused, declined, archived and not due)."""
    day = _day(site)
    item = day.items.get(contact.slug)
    if item is None and contact.status != "active":
        return []
    try:
        result = draft(
            contact,
            intent_for(item),
            default_channel(contact),
            site.today,
            site.network.config,
            people=day.people,
            templates=_templates(site.network.root),
            variant=day.variants.get(contact.slug),
        )
    except DraftError as error:
        return [_title(contact), _html(f'<p class="kb-empty">No draft: {attr(error)}</p>')]
    block_id = f"kb-draft-{contact.slug}"
    why = f"{result.intent} · {result.channel}"
    if item is not None:
        why += f" · {item.reason}"
    actions = []
    if contact.emails:
        url = mailto(contact.emails[0], result.subject, result.body)
        actions.append(
            f'<a class="md-button md-button--primary" href="{attr(url)}">Open in mail</a>'
        )
    actions.append(  # a link acting as a button: the page holds no form elements at all
        f'<a href="#{ANCHOR}" role="button" class="md-button kb-copy" '
        f'data-kb-copy="{attr(block_id)}">Copy</a>'
    )
    found = suggest_for(contact, site.today, site.network.config)
    parts = [
        f'<div class="kb-write" data-search-exclude>\n<p class="kb-muted">{attr(why)}</p>',
        f'<div class="kb-write__text" id="{attr(block_id)}">{attr(result.text)}</div>',
        f'<p class="kb-write__actions">{" ".join(actions)}</p>',
    ]
    if found:
        rows = "\n".join(f"<li>{_suggestion(suggestion)}</li>" for suggestion in found)
        parts.append(
            f'<p><strong>Suggestions</strong></p>\n<ul class="kb-suggestions">\n{rows}\n</ul>'
        )
    parts.append("</div>")
    return [_title(contact), _html("\n".join(parts))]


def _title(contact: Contact) -> Part:
    """The box's heading, `#write-to`; left out of the search index with the box (a search for
    "birthday" should find people, not every draft)."""
    first = first_name(contact.name)
    return heading_part(
        2,
        f"## Write to {text(first)} {{#{ANCHOR} data-search-exclude}}",
        f"Write to {first}",
        id=ANCHOR,
        attributes=" data-search-exclude",
    )


def _html(html: str) -> Part:
    """A block of the box: it is under a heading kept out of the search index, so the search
    takes no words from it."""
    return html_part(html_block(html), html)


def _suggestion(suggestion: Suggestion) -> str:
    if suggestion.key is None:
        return attr(suggestion.reason)
    also = f" or <code>{attr(suggestion.alternative)}</code>" if suggestion.alternative else ""
    return (
        f"{attr(suggestion.reason)}: consider "
        f"<code>{attr(suggestion.key)}: {attr(suggestion.value)}</code>{also}"
    )
