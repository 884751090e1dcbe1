"""The "Write to ..." box of a person's page: the draft for their due reason, a mailto: link, a
copy button, and the suggestions for them. Everything in it is escaped; nothing loads from
another host (the copy button is a few lines in kithbook.js)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kithbook.drafts import (
    Templates,
    day_variants,
    default_channel,
    draft,
    due_item,
    intent_for,
    mailto,
)
from kithbook.drafts.facts import first_name
from kithbook.drafts.render import DraftError
from kithbook.model import Contact
from kithbook.rules.suggestions import Suggestion, suggest_for
from kithbook.site.context import SiteContext
from kithbook.site.markup import attr, html_block, text

ANCHOR = "write-to"  # the Due page links each row to PERSON_PAGE#write-to


@lru_cache(maxsize=4)
def _templates(root: Path) -> Templates:
    """One template environment per network (Jinja2 re-reads a template when its file changes)."""
    return Templates.of_network(root)


_VARIANTS: dict[int, tuple[object, dict[str, int]]] = {}


def _variants(site: SiteContext) -> dict[str, int]:
    """`day_variants` of the site's due list, worked out once per build."""
    cached = _VARIANTS.get(id(site.due))
    if cached is None or cached[0] is not site.due:
        _VARIANTS.clear()
        cached = _VARIANTS[id(site.due)] = (
            site.due,
            day_variants((*site.due.items, *site.due.coming_up)),
        )
    return cached[1]


def write_box(site: SiteContext, contact: Contact) -> str:
    """The box, or nothing for a contact you should not write to now (paused, declined, archived
    and not due)."""
    item = due_item(site.due, contact.slug)
    if item is None and contact.status != "active":
        return ""
    people = {other.slug: other.name for other in site.contacts}
    try:
        result = draft(
            contact,
            intent_for(item),
            default_channel(contact),
            site.today,
            site.network.config,
            people=people,
            templates=_templates(site.network.root),
            variant=_variants(site).get(contact.slug),
        )
    except DraftError as error:
        return f"## Write to {text(first_name(contact.name))} {{#{ANCHOR}}}\n\n" + html_block(
            f'<p class="kb-empty">No draft: {attr(error)}</p>'
        )
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
    actions.append(
        f'<button type="button" class="md-button kb-copy" data-kb-copy="{attr(block_id)}">'
        "Copy</button>"
    )
    found = suggest_for(contact, site.today, site.network.config)
    parts = [
        f'<div class="kb-write">\n<p class="kb-muted">{attr(why)}</p>',
        f'<div class="kb-write__text" id="{attr(block_id)}">{attr(result.text)}</div>',
        f'<p class="kb-write__actions">{" ".join(actions)}</p>',
    ]
    if found:
        rows = "\n".join(f"<li>{_suggestion(suggestion)}</li>" for suggestion in found)
        parts.append(
            f'<p><strong>Suggestions</strong></p>\n<ul class="kb-suggestions">\n{rows}\n</ul>'
        )
    parts.append("</div>")
    title = f"## Write to {text(first_name(contact.name))} {{#{ANCHOR}}}"
    return title + "\n\n" + html_block("\n".join(parts))


def _suggestion(suggestion: Suggestion) -> str:
    if suggestion.key is None:
        return attr(suggestion.reason)
    also = f" or <code>{attr(suggestion.alternative)}</code>" if suggestion.alternative else ""
    return (
        f"{attr(suggestion.reason)}: consider "
        f"<code>{attr(suggestion.key)}: {attr(suggestion.value)}</code>{also}"
    )
