"""Export then import into an empty network gives the same contacts, for every export format.

A property test: hypothesis draws small networks (every key, fictional people), each one is
written as contact files, exported, imported into an empty folder, and read back. The vCard and
CSV carry every key; the log, `dates` and the `## Private` notes travel in JSON.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithbook.config import DEFAULT_CHANNELS, DEFAULT_CIRCLES
from kithbook.exporters.csv_file import to_csv
from kithbook.exporters.json_file import contact_json, to_json
from kithbook.exporters.vcard import to_vcard
from kithbook.importers import read_source
from kithbook.importers.apply import apply_plan
from kithbook.importers.plan import birthday_value, plan_import
from kithbook.model import STATUSES, MonthDay
from kithbook.parse.load import load
from kithbook.write.new_contact import render_new_contact

TODAY = dt.date(2026, 6, 1)
GIVEN = ["Ada", "Bram", "Chiara", "Dara", "Émile", "Freya", "Goran", "Hana", "Ilse", "Jürgen"]
FAMILY = ["Lovelace", "Okafor", "Rossi", "Quinn", "Zola", "Galloway", "Ilori", "Tanaka", "Øster"]
PHONES = ["+44 20 7946 0101", "+44 7700 900123", "+49 30 1234567", "+1 212 555 0147"]
LABELS = ["github", "website", "blog", "mastodon"]
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøü", min_size=1, max_size=8)
TEXT = st.lists(WORD, min_size=1, max_size=4).map(" ".join).map(str.capitalize)
ALL_KEYS_FORMATS = {"vcard", "vcard3", "csv"}  # the log, dates and private notes only in JSON
ONLY_IN_JSON = ("log", "dates", "private_notes")


@st.composite
def networks(draw: Any, with_body: bool) -> dict[str, tuple[dict[str, Any], str]]:
    """slug -> (fields, body) for one to three people with every key."""
    count = draw(st.integers(1, 3))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)),
            min_size=count,
            max_size=count,
            unique_by=lambda pair: pair[0],
        )
    )
    slugs = [f"person-{index}" for index in range(count)]
    people = {}
    for index, (first, family) in enumerate(names):
        others = [slug for slug in slugs if slug != slugs[index]]
        met_date = draw(st.dates(dt.date(1990, 1, 1), dt.date(2025, 12, 31)))
        precision = draw(st.sampled_from(["day", "month", "year"]))
        birthday = draw(
            st.none()
            | st.builds(MonthDay, st.integers(1, 12), st.integers(1, 28), st.none())
            | st.builds(MonthDay, st.integers(1, 12), st.integers(1, 28), st.integers(1950, 2000))
        )
        link_labels = draw(st.lists(st.sampled_from(LABELS), max_size=3, unique=True))
        links = {}
        for number, label in enumerate(link_labels):
            handle = draw(WORD) + str(number)
            links[label] = draw(st.sampled_from([handle, f"https://example.org/{handle}"]))
        fields = {
            "name": f"{first} {family}",
            "aka": draw(st.lists(WORD.map(str.capitalize), max_size=2, unique_by=str.lower)),
            "emails": [f"{slugs[index]}.{n}@example.org" for n in range(draw(st.integers(0, 2)))],
            "phones": draw(st.lists(st.sampled_from(PHONES), max_size=2, unique=True)),
            "links": links,
            "company": draw(st.none() | TEXT),
            "role": draw(st.none() | TEXT),
            "location": draw(st.none() | TEXT),
            "tags": draw(st.lists(WORD, max_size=3, unique=True)),
            "circle": draw(st.none() | st.sampled_from(sorted(DEFAULT_CIRCLES))),
            "cadence": draw(st.none() | st.sampled_from(["10d", "6w", "3m", "1y", "never"])),
            "channel": draw(st.none() | st.sampled_from(DEFAULT_CHANNELS)),
            "status": draw(st.none() | st.sampled_from(STATUSES)),
            "snooze": draw(st.none() | st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))),
            "birthday": birthday_value(birthday) if birthday else None,
            "met": draw(
                st.none()
                | st.fixed_dictionaries(
                    {
                        "date": st.just(
                            met_date
                            if precision == "day"
                            else f"{met_date:%Y-%m}"
                            if precision == "month"
                            else f"{met_date:%Y}"
                        ),
                        "where": TEXT,
                        **({"via": st.sampled_from(others)} if others else {}),
                    }
                )
            ),
            "memories": draw(st.lists(TEXT, max_size=2, unique=True)),
            "goals": draw(st.lists(TEXT, max_size=2, unique=True)),
            "knows": draw(st.lists(st.sampled_from(others), unique=True)) if others else [],
            "private": draw(st.booleans()) or None,
            "uid": draw(st.none() | st.just(f"phone-{index}@example.org")),
        }
        body = ""
        notes = draw(st.none() | TEXT)
        if notes:
            body = f"{notes}.\n\n"
        body += "## Log\n"
        if with_body:
            fields["dates"] = draw(
                st.lists(
                    st.fixed_dictionaries(
                        {"date": st.dates(dt.date(2000, 1, 1), dt.date(2025, 1, 1)), "label": TEXT}
                    ),
                    max_size=2,
                )
            )
            for day in draw(st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2026, 5, 1)))):
                body += f"\n- {day.isoformat()} -> email: {draw(TEXT)}"
            body += "\n" + (f"\n## Private\n\n{draw(TEXT)}\n" if draw(st.booleans()) else "")
        people[slugs[index]] = (fields, body)
    return people


def write(root: Path, people: dict[str, tuple[dict[str, Any], str]]) -> None:
    (root / "contacts").mkdir(parents=True)
    for slug, (fields, body) in people.items():
        (root / "contacts" / f"{slug}.md").write_text(render_new_contact(fields, body))


def export(root: Path, format_name: str) -> bytes:
    contacts = load(root).contacts
    if format_name.startswith("vcard"):
        return to_vcard(contacts, "3.0" if format_name == "vcard3" else "4.0").encode()
    if format_name == "csv":
        return to_csv(contacts, TODAY).encode()
    return to_json(contacts, include_private=True).encode()


def import_into(root: Path, data: bytes, format_name: str) -> None:
    (root / "contacts").mkdir(parents=True)
    network = load(root)
    parsed = read_source(data, "vcard" if format_name.startswith("vcard") else format_name)
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    result = apply_plan(plan, network, TODAY, "export", no_commit=True)
    assert [problem for problem in [*plan.problems, *result.problems]] == []


def as_seen(root: Path, format_name: str) -> dict[str, dict[str, Any]]:
    network = load(root)
    assert network.problems == []
    seen = {}
    for contact in network.contacts:
        data = contact_json(contact, include_private=True)
        data.pop("extra")
        if format_name != "json":
            for key in ONLY_IN_JSON:
                data.pop(key)
        seen[contact.slug] = data
    return seen


def round_trip(people: dict[str, tuple[dict[str, Any], str]], format_name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "first", Path(folder) / "second"
        write(first, people)
        import_into(second, export(first, format_name), format_name)
        assert as_seen(second, format_name) == as_seen(first, format_name)


SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@SETTINGS
@given(networks(with_body=False))
def test_a_vcard_4_export_imports_back_to_the_same_contacts(people):
    round_trip(people, "vcard")


@SETTINGS
@given(networks(with_body=False))
def test_a_vcard_3_export_imports_back_to_the_same_contacts(people):
    round_trip(people, "vcard3")


@SETTINGS
@given(networks(with_body=False))
def test_a_csv_export_imports_back_to_the_same_contacts(people):
    round_trip(people, "csv")


@SETTINGS
@given(networks(with_body=True))
def test_a_json_export_imports_back_to_the_same_contacts_log_and_private_notes_included(people):
    round_trip(people, "json")


@pytest.mark.parametrize("format_name", ["vcard", "vcard3", "csv", "json"])
def test_a_network_imports_its_own_export_as_a_no_op_even_a_contact_named_dash(
    make_network, format_name
):
    root = make_network(
        {
            "contact": "---\nname: '-'\nphones: ['+44 7700 900555']\n---\n\n## Log\n",
            "ada": "---\nname: Ada\nstatus: paused\nlinks: {github: ada}\n---\n\n## Log\n",
        }
    )
    data = export(root, format_name)
    network = load(root)
    parsed = read_source(data, "vcard" if format_name.startswith("vcard") else format_name)
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    assert (plan.new, plan.merges, len(plan.unchanged)) == ([], [], 2)


@pytest.mark.parametrize(
    ("link", "written"),
    [
        ("ada", "X-KITHBOOK-LINK;TYPE=github:ada"),
        ("https://github.com/ada", "URL;TYPE=github:https://github.com/ada"),
        ("github.com/ada", "URL;TYPE=github:github.com/ada"),
    ],
)
def test_a_handle_is_no_url_in_a_vcard(make_network, link, written):
    root = make_network({"ada": f"---\nname: Ada\nlinks: {{github: '{link}'}}\n---\n"})
    assert written in export(root, "vcard").decode().splitlines()


@pytest.mark.parametrize("format_name", ["vcard", "csv", "json"])
def test_aliases_that_differ_only_in_accents_both_come_back(format_name):
    fields = {"name": "Ada Lovelace", "aka": ["O", "Ø", "Zoe", "Zoë"]}
    round_trip({"person-0": (fields, "## Log\n")}, format_name)
