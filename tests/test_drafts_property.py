"""The never-invent rule as a property: for any generated contact, every capitalised word, number
and date in any draft of it is in that contact's file, the templates' fixed text or the user's
name, and no other contact's name appears."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithbook.config import Config
from kithbook.drafts import INTENTS, draft
from kithbook.drafts.environment import SHIPPED
from kithbook.parse.load import parse_contact

TODAY = dt.date(2026, 12, 1)
CHANNELS = ("email", "message", "phone", "letter")
FIXED = "\n".join(path.read_text() for path in SHIPPED.rglob("*.j2"))
CONFIG = Config(user_name="Robin Ashdown")
TOKENS = re.compile(r"\d{4}-\d{2}-\d{2}|\d+|[^\W\d_][\w'’-]*")

capitalised = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True) | st.sampled_from(
    ["Élodie", "Øster", "O'Hare", "McAdams", "Anne-Marie", "Zürich", "Kestrel"]
)
lowercase = st.sampled_from(
    "the a coffee call about her his she he they sent met showed wanted new job trip "
    "with at in on and is was wants party talk hackathon 3am 42 2019 #lead #offer ; , . ! "
    "thanks I could help lunch stories notes called shipped".split()
)
phrase = st.lists(st.one_of(capitalised, lowercase), min_size=1, max_size=9).map(" ".join)
free_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\\"),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() and not text.strip().startswith(("#", "-")))
text_value = phrase | free_text
days = st.dates(dt.date(2026, 10, 1), TODAY) | st.dates(dt.date(1990, 1, 1), TODAY)


@st.composite
def contact_files(draw: st.DrawFn) -> str:
    """A contact file with any of the keys a draft reads, and a log."""
    name = " ".join(draw(st.lists(capitalised, min_size=1, max_size=3)))
    lines = ["---", f"name: {json.dumps(name, ensure_ascii=False)}"]
    optional = {
        "company": text_value,
        "role": text_value,
        "location": capitalised,
        "channel": st.sampled_from(CHANNELS),
        "circle": st.sampled_from(["close", "friend", "network"]),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            lines.append(f"{key}: {json.dumps(draw(strategy), ensure_ascii=False)}")
    for key in ("memories", "goals"):
        values = draw(st.lists(text_value, max_size=2))
        if values:
            lines.append(f"{key}: {json.dumps(values, ensure_ascii=False)}")
    if draw(st.booleans()):
        where = json.dumps(draw(text_value), ensure_ascii=False)
        lines.append(f"met: {{date: {draw(days).isoformat()}, where: {where}}}")
    if draw(st.booleans()):
        lines.append(f"birthday: {draw(st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)))}")
    events = draw(st.lists(st.tuples(days, text_value, st.booleans()), max_size=2))
    if events:
        lines.append("dates:")
        for date, label, yearly in events:
            label_text = json.dumps(label, ensure_ascii=False)
            lines.append(
                f"  - {{date: {date}, label: {label_text}, yearly: {str(yearly).lower()}}}"
            )
    lines += ["---", "", "## Log"]
    arrows = st.sampled_from(["->", "<-", "<->", "note"])
    for date, arrow, channel, text in draw(
        st.lists(st.tuples(days, arrows, st.sampled_from(CHANNELS), text_value), max_size=5)
    ):
        flat = " ".join(text.split())
        where = "note" if arrow == "note" else f"{arrow} {channel}"
        lines.append(f"- {date} {where}: {flat}")
    return "\n".join(lines) + "\n"


def tokens_of(text: str) -> set[str]:
    """The names and numbers of a text; a word ending in a hyphen or an apostrophe counts with and
    without it, as a draft trims the punctuation at the end of a value (`where: "À-"`: `since À.`)."""
    tokens = {token for token in TOKENS.findall(text) if token[0].isdigit() or token[0].isupper()}
    return tokens | {token.rstrip("-'’") for token in tokens}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    file=contact_files(),
    other=st.lists(capitalised, min_size=2, max_size=3).map(" ".join),
    intent=st.sampled_from(INTENTS),
    channel=st.sampled_from(CHANNELS),
)
def test_a_draft_says_nothing_that_is_not_in_the_contacts_file(file, other, intent, channel):
    problems: list = []
    contact = parse_contact("contacts/someone.md", file.encode("utf-8"), CONFIG, problems)
    people = {"someone-else": other}  # in the network, but not in this contact's knows
    result = draft(contact, intent, channel, TODAY, CONFIG, people=people)
    allowed = tokens_of(file) | tokens_of(FIXED) | tokens_of(CONFIG.user_name or "")
    invented = {token for token in tokens_of(result.text) if token not in allowed}
    assert not invented, result.text
    if other not in file:
        assert other not in result.text
