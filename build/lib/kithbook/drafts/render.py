"""Render a draft: the template for the intent and channel, filled with `Facts`, then tidied.

An e-mail template's first line is `Subject: ...`; it becomes the draft's subject. The draft lists
the facts whose words it used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from kithbook.drafts.environment import DraftError, Templates, shipped_templates
from kithbook.drafts.facts import Facts, gather
from kithbook.model import Contact

if TYPE_CHECKING:
    from kithbook.config import Config

INTENTS = ("catch-up", "congrats", "birthday", "follow-up", "thanks", "ask", "offer", "intro")
KINDS = ("email", "message", "call", "letter")
CHANNEL_KINDS = {
    "email": "email",
    "message": "message",
    "social": "message",
    "phone": "call",
    "video": "call",
    "in-person": "call",
    "event": "call",
    "letter": "letter",
}
FACT_TEXTS = (
    "name",
    "first_name",
    "me",
    "memory",
    "goal",
    "goal_topic",
    "goal_offer",
    "offer",
    "intro",
    "company",
    "role",
    "location",
)
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")
_SPACE_BEFORE = re.compile(r"[ \t]+([,.!?;:])")
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Draft:
    """A message ready to edit and send: subject (e-mail only), body, and the facts it used."""

    slug: str
    intent: str
    channel: str
    kind: str
    subject: str | None
    body: str
    facts: tuple[tuple[str, str], ...]
    template: str

    @property
    def text(self) -> str:
        """The whole draft as printed: `Subject: ...`, a blank line, the body."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "intent": self.intent,
            "channel": self.channel,
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "facts": [{"fact": name, "value": value} for name, value in self.facts],
            "template": self.template,
        }


def channel_kind(channel: str) -> str:
    """The kind of message a channel takes: e-mail, a short message, talking points, a letter.
    A channel of your own configuration takes a short message."""
    return CHANNEL_KINDS.get(channel, "message")


def draft(
    contact: Contact,
    intent: str,
    channel: str,
    today: dt.date,
    config: Config,
    *,
    people: Mapping[str, str] | None = None,
    templates: Templates | None = None,
    variant: int | None = None,
) -> Draft:
    """The draft of `intent` to `contact` on `channel`, from what their file says. `people` maps
    slugs to names (for an introduction); `templates` defaults to the shipped ones; `variant`
    chooses the wording (default: one of the person's own; `day_variants` gives the people due on
    one day different ones)."""
    if intent not in INTENTS:
        raise DraftError(f"unknown intent {intent!r}; use one of: {', '.join(INTENTS)}")
    kind = channel_kind(channel)
    facts = gather(contact, intent, channel, kind, today, config, people)
    name = f"{intent}/{kind}.j2"
    chosen = templates or shipped_templates()
    rendered = tidy(chosen.render(name, _values(facts), facts.seed if variant is None else variant))
    subject, body = split_subject(rendered)
    return Draft(
        contact.slug, intent, channel, kind, subject, body, used_facts(facts, rendered), name
    )


def _values(facts: Facts) -> dict[str, Any]:
    """The template's variables: the fields of Facts (but its seed and name list), and `little`."""
    values = {
        field.name: getattr(facts, field.name)
        for field in fields(facts)
        if field.name not in ("seed", "proper")
    }
    values["little"] = facts.little
    return values


def tidy(text: str) -> str:
    """Leading and trailing spaces, doubled spaces, spaces before punctuation and runs of blank lines out."""
    lines = [_SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", line.strip())) for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def split_subject(text: str) -> tuple[str | None, str]:
    first, _, rest = text.partition("\n")
    if first.startswith("Subject:"):
        return first.removeprefix("Subject:").strip() or None, rest.strip("\n")
    return None, text


def used_facts(facts: Facts, text: str) -> tuple[tuple[str, str], ...]:
    """The facts whose words are in the draft, as (name, value): what it says and why."""
    found: list[tuple[str, str]] = []
    for name in FACT_TEXTS:
        value = getattr(facts, name)
        if value and value in text:
            found.append((name, value))
    for name in ("last", "last_from_them", "waiting"):
        moment = getattr(facts, name)
        if moment is not None and (moment.since in text or moment.text in text):
            found.append((name, f"{moment.date.isoformat()} {moment.direction}: {moment.text}"))
    if facts.met and facts.met.place and facts.met.place in text:
        found.append(("met", facts.met.where or facts.met.place))
    event = facts.event
    if event and (event.clause or event.noun or event.label) in text:
        found.append(("event", f"{event.date.isoformat()} {event.label}"))
    return tuple(found)
