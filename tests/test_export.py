"""Exports: vCard that re-imports as the same contacts, CSV of the keys, JSON of the model."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from kithbook.exporters import select_contacts
from kithbook.exporters.csv_file import CSV_COLUMNS, to_csv
from kithbook.exporters.json_file import to_json
from kithbook.exporters.vcard import to_vcard
from kithbook.importers import read_source
from kithbook.importers.apply import apply_plan
from kithbook.importers.generic_csv import canonical_key
from kithbook.importers.plan import plan_import
from kithbook.model import CONTACT_KEYS
from kithbook.parse.load import load

TODAY = dt.date(2026, 12, 1)
ROUND_TRIP_FIELDS = (
    "name",
    "aka",
    "emails",
    "phones",
    "links",
    "company",
    "role",
    "location",
    "birthday",
    "tags",
    "notes",
)

NETWORK = {
    "ada-lovelace": """
        ---
        name: Ada Lovelace
        aka: [Ada King, "Countess, of Lovelace"]
        emails: [ada@example.org, ada.king@example.org]
        phones: ["+44 20 7946 0001"]
        links:
          github: https://github.com/ada-example
          website: https://ada.example.org
        company: "Analytical Engines; Ltd"
        role: Analyst
        location: London, UK
        birthday: 1815-12-10
        tags: [math, mentor]
        met:
          date: 2019-06
          where: PyCon
        ---

        First programmer. Likes: poetry, engines.

        ## Log
        - 2026-11-02 -> email: hello

        ## Private
        Owes me a book.
        """,
    "bram-jansen": """
        ---
        name: Bram Jansen
        birthday: "--02-29"
        private: true
        ---
        """,
    "chidi": """
        ---
        name: Chidi
        tags: [mentor]
        ---
        """,
}


def import_text(root, text: str, format_name: str) -> None:
    network = load(root)
    parsed = read_source(text.encode("utf-8"), format_name)
    assert [problem for problem in parsed.problems if problem.severity == "error"] == []
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    apply_plan(plan, network, TODAY, "export")


def fields(network) -> dict:
    return {
        contact.name: {key: getattr(contact, key) for key in ROUND_TRIP_FIELDS}
        for contact in network.contacts
    }


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_a_vcard_export_imports_into_an_empty_network_as_the_same_contacts(
    make_network, tmp_path, version
):
    source = load(make_network(NETWORK))
    exported = to_vcard(source.contacts, version)
    target = tmp_path / "empty"
    (target / "contacts").mkdir(parents=True)
    import_text(target, exported, "vcard")
    assert fields(load(target)) == fields(source)


def test_a_csv_export_imports_back_as_a_generic_csv(make_network, tmp_path):
    source = load(make_network(NETWORK))
    target = tmp_path / "empty"
    (target / "contacts").mkdir(parents=True)
    import_text(target, to_csv(source.contacts, TODAY), "csv")
    imported = load(target)
    assert fields(imported) == fields(source)
    assert imported.by_slug["ada-lovelace"].met == source.by_slug["ada-lovelace"].met


@pytest.mark.parametrize(
    ("tag", "include_private", "slugs"),
    [
        (None, False, ["ada-lovelace", "chidi"]),
        (None, True, ["ada-lovelace", "bram-jansen", "chidi"]),
        ("MENTOR", False, ["ada-lovelace", "chidi"]),
        ("math", False, ["ada-lovelace"]),
    ],
)
def test_private_contacts_are_left_out_unless_asked_for(make_network, tag, include_private, slugs):
    network = load(make_network(NETWORK))
    chosen = select_contacts(network, tag=tag, include_private=include_private)
    assert [contact.slug for contact in chosen] == slugs


def test_vcard_3_writes_a_birthday_without_year_the_apple_way(make_network):
    bram = load(make_network(NETWORK)).by_slug["bram-jansen"]
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29" in to_vcard([bram], "3.0")
    assert "BDAY:--0229" in to_vcard([bram], "4.0")


def test_csv_columns_are_the_contact_keys_with_one_column_per_link_label(make_network):
    network = load(make_network(NETWORK))
    rows = list(csv.DictReader(io.StringIO(to_csv(network.contacts, TODAY))))
    ada = rows[0]
    assert (ada["emails"], ada["met.date"], ada["links.github"], ada["last_contact"]) == (
        "ada@example.org; ada.king@example.org",
        "2019-06",
        "https://github.com/ada-example",
        "2026-11-02",
    )


@pytest.mark.parametrize(
    ("today", "last_contact"),
    [
        (dt.date(2026, 12, 1), "2026-01-01"),
        (dt.date(2026, 12, 20), "2026-12-20"),
        (dt.date(2025, 12, 31), ""),
    ],
)
def test_the_csv_last_contact_leaves_out_entries_after_today(make_network, today, last_contact):
    network = load(
        make_network(
            {
                "ada-lovelace": """
        ---
        name: Ada Lovelace
        ---

        ## Log
        - 2026-01-01 -> email: happy new year
        - 2026-12-20 <-> in-person: dinner, planned
        - 2026-12-30 note: a note is no contact
        """
            }
        )
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(network.contacts, today))))
    assert rows[0]["last_contact"] == last_contact


@pytest.mark.parametrize(
    ("include_private", "private_notes"), [(False, None), (True, "Owes me a book.")]
)
def test_json_holds_the_model_and_private_notes_only_when_asked(
    make_network, include_private, private_notes
):
    network = load(make_network(NETWORK))
    ada = json.loads(to_json([network.by_slug["ada-lovelace"]], include_private=include_private))
    contact = ada["contacts"][0]
    assert contact["met"] == {"date": "2019-06", "where": "PyCon", "via": None}
    assert contact["log"] == [
        {
            "date": "2026-11-02",
            "direction": "out",
            "arrow": "->",
            "channel": "email",
            "text": "hello",
            "tags": [],
        }
    ]
    assert contact.get("private_notes") == private_notes


def test_an_unknown_vcard_version_is_refused():
    with pytest.raises(ValueError, match="use one of: 4.0, 3.0"):
        to_vcard([], "2.1")


def test_json_holds_every_declared_key_in_its_order(make_network):
    network = load(make_network(NETWORK))
    for contact in json.loads(to_json(network.contacts))["contacts"]:
        assert list(contact) == ["slug", "path", *CONTACT_KEYS, "extra", "notes", "log"]


def test_every_csv_column_is_a_key_the_csv_importer_reads():
    columns = {column: canonical_key(column) for column in CSV_COLUMNS}
    assert columns == {**{column: column for column in CSV_COLUMNS}, "last_contact": "ignore"}
