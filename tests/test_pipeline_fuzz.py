"""Property test of the whole pipeline: any loadable network goes through every reader unharmed.

Hypothesis writes networks of valid-shaped contact files (names in odd Unicode; dates from year 1
to 9999 and 29 February; cadences from a day to a century, or never; circles, statuses, snoozes;
logs with every arrow, some dated after today; private contacts; `knows` and `met.via` naming
people in and out of the network) and runs load -> validate -> due list (at several days, year
boundaries among them) -> JSON -> calendar file -> vCard, CSV and JSON exports -> the site's pages.
Nothing may raise, and the last contact the site and exports show is the due list's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithbook.config import DEFAULT_CHANNELS, DEFAULT_CIRCLES, Config
from kithbook.exporters.calendar import build_calendar, calendar_entries
from kithbook.exporters.csv_file import to_csv
from kithbook.exporters.json_file import to_json
from kithbook.exporters.vcard import to_vcard
from kithbook.model import STATUSES, Duration
from kithbook.parse.load import load_files
from kithbook.rules.due import due_list, history, next_due
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages

PIPELINE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EDGE_DAYS = [
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.date(2024, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(1900, 2, 28),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
]
TODAYS = [
    dt.date(2026, 12, 1),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2028, 2, 29),
    dt.date(1900, 1, 1),
    dt.date(2999, 12, 31),
]
ODD_TEXT = ["Zoë", "김민준", "مريم", "👩\u200d🔬", "e\u0301", "\u202eevil", "O'Brien", "a: b", "#1"]
UNITS = {"d": 36_500, "w": 5_200, "m": 1_200, "y": 100}

near_today = st.integers(-800, 800).map(lambda days: dt.date(2026, 12, 1) + dt.timedelta(days))
days = st.one_of(st.sampled_from(EDGE_DAYS), st.dates(), near_today)
text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=15),
).filter(lambda value: value.strip() != "")
word = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True)
slug = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?", fullmatch=True)
cadence = st.one_of(
    st.just("never"),
    st.sampled_from(sorted(UNITS)).flatmap(
        lambda unit: st.integers(1, UNITS[unit]).map(lambda amount: f"{amount}{unit}")
    ),
)
month_day = days.map(lambda day: f"--{day.month:02d}-{day.day:02d}")
partial_date = days.flatmap(
    lambda day: st.sampled_from([f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}", day])
)
arrow = st.sampled_from(["->", "<-", "<->", "note"])


@st.composite
def log_line(draw: st.DrawFn) -> str:
    """`- 2026-11-02 -> email: text #tag`, or a note; some of them dated after any today."""
    day = draw(st.one_of(days, near_today, near_today))
    direction = draw(arrow)
    words = draw(text).replace("\n", " ")
    tag = draw(st.sampled_from(["", " #idea", " #job-change"]))
    if direction == "note":
        return f"- {day.isoformat()} note: {words}{tag}"
    return (
        f"- {day.isoformat()} {direction} {draw(st.sampled_from(DEFAULT_CHANNELS))}: {words}{tag}"
    )


@st.composite
def front_matter(draw: st.DrawFn, slugs: list[str]) -> dict[str, Any]:
    """The keys of one contact, each present or not, with values of the right shape."""
    others = st.one_of(st.sampled_from(slugs), slug)
    optional: dict[str, st.SearchStrategy[Any]] = {
        "aka": st.lists(text, max_size=2),
        "emails": st.lists(word.map(lambda name: f"{name}@example.org"), max_size=2),
        "phones": st.lists(st.integers(100, 999).map(lambda n: f"+44 20 7946 0{n}"), max_size=2),
        "links": st.dictionaries(st.sampled_from(["github", "website"]), word, max_size=2),
        "company": text,
        "role": text,
        "location": text,
        "tags": st.lists(word, max_size=3),
        "circle": st.sampled_from([*DEFAULT_CIRCLES, "inner"]),
        "cadence": cadence,
        "channel": st.sampled_from(DEFAULT_CHANNELS),
        "met": st.fixed_dictionaries(
            {}, optional={"date": partial_date, "where": text, "via": others}
        ),
        "memories": st.lists(text, max_size=2),
        "goals": st.lists(text, max_size=2),
        "birthday": st.one_of(days, month_day),
        "dates": st.lists(
            st.fixed_dictionaries({"date": days, "label": text, "yearly": st.booleans()}),
            max_size=3,
        ),
        "status": st.sampled_from(STATUSES),
        "snooze": days,
        "knows": st.lists(others, max_size=3),
        "private": st.booleans(),
        "hobby": st.one_of(text, st.integers(), st.lists(text, max_size=2), days),
    }
    return draw(st.fixed_dictionaries({"name": text}, optional=optional))


@st.composite
def contact_file(draw: st.DrawFn, slugs: list[str]) -> bytes:
    """Front matter written by a YAML dumper (so always valid YAML), notes, a log, private notes."""
    front = yaml.safe_dump(draw(front_matter(slugs)), allow_unicode=True, sort_keys=False)
    log = "\n".join(draw(st.lists(log_line(), max_size=6)))
    private = draw(st.sampled_from(["", "\n## Private\n\nOwes me a book.\n"]))
    return f"---\n{front}---\n\n{draw(text)}\n\n## Log\n{log}\n{private}".encode()


@st.composite
def network_files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """Up to six contact files, named by slugs, now and then by a name that is not one."""
    file_name = st.one_of(slug, slug, slug, st.sampled_from(["Ada L", "zoë", "index", "ada--b"]))
    slugs = draw(st.lists(file_name, min_size=1, max_size=6, unique=True))
    return [(f"contacts/{name}.md", draw(contact_file(slugs))) for name in slugs]


def duration(limit: int) -> st.SearchStrategy[Duration]:
    return st.builds(Duration, st.integers(1, limit), st.just("d"))


configs = st.builds(
    lambda base, **options: dataclasses.replace(base, **options),
    st.just(Config()),
    follow_ups=st.integers(0, 3),
    follow_up_after=duration(60),
    lookahead=duration(400),
    belated=duration(30),
    timely_window=duration(90),
    backlog_per_week=st.integers(0, 7),
    default_cadence=st.builds(Duration, st.integers(1, 100), st.sampled_from("dwmy")),
)


@pytest.mark.slow
@PIPELINE
@given(
    network_files(),
    configs,
    st.lists(
        st.sampled_from(TODAYS) | st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
        min_size=1,
        max_size=3,
    ),
    st.integers(0, 30),
)
def test_every_reader_takes_any_loadable_network(files, config, todays, upcoming):
    network = load_files(Path("."), config, files)
    assert len(network.contacts) == len(files)
    for today in todays:
        problems = validate(network, today)
        due = due_list(network, today, upcoming_days=upcoming, problems=problems)
        json.dumps([item.to_json() for item in due.items])
        for contact in network.contacts:
            next_due(contact, config, today)
            entries = history(contact, today)
            assert contact.last_contact_on(today) == (entries[-1] if entries else None)
        items, year = calendar_entries(network, due.items, problems, today, include_private=True)
        assert build_calendar(items, year, today).startswith(b"BEGIN:VCALENDAR")
        json.loads(to_json(network.contacts, include_private=True))
        to_csv(network.contacts, today)
        site_pages(network, today, problems)
    for version in ("4.0", "3.0"):
        assert to_vcard(network.contacts, version).count("BEGIN:VCARD") == len(files)
