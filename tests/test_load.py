"""The loader: contact files into typed Contacts with their lines, in a Network; never raising."""

from __future__ import annotations

import datetime as dt
import gc
import os
import textwrap
from pathlib import Path
from typing import Any

import pytest

import kithbook.parse.load as load_module
from kithbook.config import Config
from kithbook.model import Contact, Duration, LifeDate, Met, MonthDay
from kithbook.parse.load import (
    is_contact_name,
    load,
    load_files,
    parse_contact,
    read_at_most,
    suggest_slug,
)


def read(text: str | bytes, name: str = "ada-lovelace.md") -> tuple[Contact | None, list[str]]:
    """One file parsed on its own: the Contact (or None) and its problems as `line: message`."""
    data = text if isinstance(text, bytes) else textwrap.dedent(text).lstrip("\n").encode()
    problems: list = []
    contact = parse_contact(f"contacts/{name}", data, Config(), problems)
    return contact, [
        f"{problem.line}: {problem.severity}: {problem.message}" for problem in problems
    ]


def value(key_lines: str, attribute: str) -> Any:
    """The parsed attribute of a contact whose front matter is `name` plus these lines."""
    contact, problems = read("---\nname: Ada Lovelace\n" + textwrap.dedent(key_lines) + "---\n")
    assert problems == []
    assert contact is not None
    return getattr(contact, attribute)


def test_a_full_contact_is_read_into_typed_fields() -> None:
    contact, problems = read("""
        ---
        name: Ada Lovelace
        aka: [Augusta Ada King, Countess of Lovelace]
        emails: [ada@example.org]
        phones: ["+44 20 7946 0958"]
        links: {github: ada, website: "https://example.org/ada"}
        company: Analytical Engines Ltd
        role: Programmer
        location: London
        tags: [mentor, Math]
        circle: Friend
        cadence: 6w
        channel: Email
        met: {date: 2019-06, where: PyCon, via: charles-babbage}
        memories: [the poetry night]
        goals: mentoring
        birthday: 1815-12-10
        dates:
          - {date: 2026-03-01, label: started at Acme}
          - {date: 2010-07-08, label: wedding anniversary, yearly: true}
        status: Paused
        snooze: 2027-01-15
        knows: [Charles-Babbage]
        private: true
        favourite_engine: difference
        ---
        Notes.
        """)
    assert [line for line in problems if "error" in line] == []
    assert contact == Contact(
        slug="ada-lovelace",
        path="contacts/ada-lovelace.md",
        name="Ada Lovelace",
        aka=("Augusta Ada King", "Countess of Lovelace"),
        emails=("ada@example.org",),
        phones=("+44 20 7946 0958",),
        links={"github": "ada", "website": "https://example.org/ada"},
        company="Analytical Engines Ltd",
        role="Programmer",
        location="London",
        tags=("mentor", "math"),
        circle="friend",
        cadence=Duration(6, "w"),
        channel="email",
        met=Met(dt.date(2019, 6, 1), "month", "PyCon", "charles-babbage", 14),
        memories=("the poetry night",),
        goals=("mentoring",),
        birthday=MonthDay(12, 10, 1815),
        dates=(
            LifeDate(dt.date(2026, 3, 1), "started at Acme", False, 19),
            LifeDate(dt.date(2010, 7, 8), "wedding anniversary", True, 20),
        ),
        status="paused",
        snooze=dt.date(2027, 1, 15),
        knows=("charles-babbage",),
        private=True,
        extra={"favourite_engine": "difference"},
        body="Notes.\n",
        notes="Notes.",
        lines=contact.lines,
        item_lines=contact.item_lines,
        body_line=27,
    )
    assert contact.lines == {
        "name": 2,
        "aka": 3,
        "emails": 4,
        "phones": 5,
        "links": 6,
        "company": 7,
        "role": 8,
        "location": 9,
        "tags": 10,
        "circle": 11,
        "cadence": 12,
        "channel": 13,
        "met": 14,
        "memories": 15,
        "goals": 16,
        "birthday": 17,
        "dates": 18,
        "status": 21,
        "snooze": 22,
        "knows": 23,
        "private": 24,
        "favourite_engine": 25,
    }
    assert contact.item_lines["tags"] == (10, 10)


@pytest.mark.parametrize("key", ["aka", "emails", "phones", "memories", "goals", "knows"])
def test_a_single_text_is_accepted_as_a_list_of_one(key: str) -> None:
    assert value(f"{key}: ada-king\n", key) == ("ada-king",)


@pytest.mark.parametrize("key", ["aka", "emails", "phones", "memories", "goals", "knows", "tags"])
def test_an_empty_list_key_is_an_empty_tuple(key: str) -> None:
    assert value(f"{key}:\n", key) == ()


def test_list_items_keep_their_own_lines() -> None:
    contact, _ = read("---\nname: Ada\nemails:\n  - a@example.org\n\n  - b@example.org\n---\n")
    assert contact.item_lines["emails"] == (4, 6)


def test_tags_written_as_text_are_one_tag() -> None:
    assert value("tags: mentor\n", "tags") == ("mentor",)


@pytest.mark.parametrize(
    ("lines", "met"),
    [
        ("met: PyCon 2019\n", Met(where="PyCon 2019")),
        ("met: 2019\n", Met(dt.date(2019, 1, 1), "year")),
        ("met: 2019-06\n", Met(dt.date(2019, 6, 1), "month")),
        ("met: 2019-06-03\n", Met(dt.date(2019, 6, 3), "day")),
        ("met:\n  date: 2019\n  where: PyCon\n", Met(dt.date(2019, 1, 1), "year", "PyCon")),
        ("met: {via: charles-babbage}\n", Met(via="charles-babbage", via_line=3)),
        ("met:\n", None),
    ],
    ids=["text-is-where", "year", "year-month", "day", "mapping", "via", "empty"],
)
def test_met_is_a_mapping_or_plain_text(lines: str, met: Met | None) -> None:
    assert value(lines, "met") == met


@pytest.mark.parametrize(
    ("lines", "birthday"),
    [
        ("birthday: 1815-12-10\n", MonthDay(12, 10, 1815)),
        ("birthday: --12-10\n", MonthDay(12, 10)),
        ("birthday: --02-29\n", MonthDay(2, 29)),
        ("birthday: '1815-12-10'\n", MonthDay(12, 10, 1815)),
        ("birthday:\n", None),
    ],
)
def test_birthday_with_or_without_year(lines: str, birthday: MonthDay | None) -> None:
    assert value(lines, "birthday") == birthday


@pytest.mark.parametrize(
    ("lines", "cadence", "never"),
    [
        ("cadence: 6w\n", Duration(6, "w"), False),
        ("cadence: 3 months\n", Duration(3, "m"), False),
        ("cadence: never\n", None, True),
        ("cadence:\n", None, False),
    ],
)
def test_cadence_is_a_duration_or_never(lines: str, cadence: Duration | None, never: bool) -> None:
    assert (value(lines, "cadence"), value(lines, "cadence_never")) == (cadence, never)


@pytest.mark.parametrize(
    ("lines", "status"),
    [("", "active"), ("status:\n", "active"), ("status: Declined\n", "declined")],
)
def test_status_defaults_to_active(lines: str, status: str) -> None:
    assert value(lines, "status") == status


@pytest.mark.parametrize("key", ["content", "handler", "metadata", "lines", "extra", "slug"])
def test_user_keys_that_collide_with_library_or_model_names_are_kept_as_extras(key: str) -> None:
    contact, problems = read(f"---\nname: Ada\n{key}: their own value\n---\nBody.\n")
    assert (contact.extra, contact.name, contact.slug, contact.body, problems) == (
        {key: "their own value"},
        "Ada",
        "ada-lovelace",
        "Body.\n",
        [],
    )


def test_unknown_keys_keep_yaml_values() -> None:
    extra = value("shoe_size: 38\nfriends_since: 2019-01-01\nnested: {a: [1, yes]}\n", "extra")
    assert extra == {
        "shoe_size": 38,
        "friends_since": dt.date(2019, 1, 1),
        "nested": {"a": [1, True]},
    }


def test_a_key_written_twice_keeps_the_last_value_and_reports_the_first_line() -> None:
    contact, problems = read("---\nname: Ada\ncompany: Acme\ncompany: Engines Ltd\n---\n")
    assert contact.company == "Engines Ltd"
    assert problems == [
        "3: error: company: written twice (again on line 4); YAML keeps only "
        "the last one, so remove or merge one of them"
    ]


def test_a_bad_date_does_not_stop_the_other_keys_of_the_file() -> None:
    contact, problems = read(
        "---\nname: Ada\nbirthday: 2025-13-01\ncompany: Acme\n"
        "cadence: 30\nsnooze: 2027-01-01\n---\n"
    )
    assert (contact.birthday, contact.company, contact.cadence, contact.snooze) == (
        None,
        "Acme",
        None,
        dt.date(2027, 1, 1),
    )
    assert [line.split(":")[0] for line in problems] == ["3", "5"]


@pytest.mark.parametrize(
    ("text", "name", "problems"),
    [
        (
            "---\nname: No\n---\n",
            "No",
            ['2: error: name: YAML reads No as false, not text; put it in quotes: name: "No"'],
        ),
        (
            "---\ncompany: Acme\n---\n",
            "Ada Lovelace",
            ["1: error: name: is required, as in 'name: Ada Lovelace'"],
        ),
        ("---\nname:\n---\n", "Ada Lovelace", ["2: error: name: must not be empty"]),
    ],
)
def test_a_name_that_is_not_text_is_an_error_and_never_a_bool(
    text: str, name: str, problems: list[str]
) -> None:
    contact, found = read(text)
    assert (contact.name, found) == (name, problems)


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"no front matter\n",
        b"---\nname: Ada\n",
        b"---\n- a\n---\n",
        b"---\nname: [\n---\n",
        b"\x00\x01",
        b"\xff\xfe",
        b"---\nx: " + b"[" * 5000 + b"\n---\n",
    ],
)
def test_a_file_without_usable_front_matter_gives_no_contact_and_one_error(text: bytes) -> None:
    contact, problems = read(text)
    assert contact is None
    assert len(problems) == 1 and ": error: " in problems[0]


def test_a_file_over_the_size_limit_is_not_parsed() -> None:
    problems: list = []
    big = b"---\nname: Ada\n---\n" + b"x" * 100
    assert parse_contact("contacts/ada.md", big, Config(max_file_bytes=50), problems) is None
    assert [problem.check for problem in problems] == ["file"]


def test_crlf_and_bom_files_have_the_same_lines_as_plain_ones() -> None:
    plain = "---\nname: Ada\nbirthday: 1990-02-30\n---\n## Log\n- 2026-11-02 -> fax: x\n"
    crlf = b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode()
    assert read(crlf)[1] == read(plain)[1]
    assert [line.split(":")[0] for line in read(plain)[1]] == ["3", "6"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Ada_Lovelace", "ada-lovelace"),
        ("Zoë  Ångström", "zoe-angstrom"),
        ("José--María", "jose-maria"),
        ("李小龙", "lixiaolong"),
        ("___", "contact"),
    ],
)
def test_suggest_slug_makes_a_lowercase_ascii_slug(text: str, slug: str) -> None:
    assert suggest_slug(text) == slug


def test_load_reads_every_contact_file_sorted_by_slug(make_network) -> None:
    root = make_network(
        {
            "grace-hopper": "---\nname: Grace Hopper\n---\n",
            "ada-lovelace": "---\nname: Ada Lovelace\n---\n",
            ".hidden": "---\nname: Hidden\n---\n",
        }
    )
    (root / "contacts" / "notes.txt").write_text("not a contact", encoding="utf-8")
    (root / "contacts" / "folder.md").mkdir()
    network = load(root)
    assert [contact.slug for contact in network.contacts] == ["ada-lovelace", "grace-hopper"]
    assert network.problems == []
    assert network.get("grace-hopper").name == "Grace Hopper"


def test_a_network_without_a_contacts_folder_is_empty(tmp_path: Path) -> None:
    network = load(tmp_path)
    assert (network.contacts, network.problems) == ([], [])


def test_load_uses_the_configured_contacts_folder(make_network) -> None:
    root = make_network({}, config="plugins:\n  - kithbook:\n      contacts_dir: people\n")
    (root / "people").mkdir()
    (root / "people" / "ada.md").write_text("---\nname: Ada\n---\n", encoding="utf-8")
    assert [contact.path for contact in load(root).contacts] == ["people/ada.md"]


def test_a_malformed_file_never_stops_the_others_from_loading(make_network) -> None:
    root = make_network(
        {
            "aaa": b"\x00\x01\x02",
            "bbb": "---\nname: [unclosed\n---\n",
            "ccc": "---\nname: Carol\n---\n",
            "ddd": "no front matter",
            "eee": b"---\nname: Eve \xff\n---\n",
            "fff": "---\nname: Fay\n---\n",
        }
    )
    network = load(root)
    assert [contact.slug for contact in network.contacts] == ["ccc", "fff"]
    assert sorted({problem.path for problem in network.problems}) == [
        "contacts/aaa.md",
        "contacts/bbb.md",
        "contacts/ddd.md",
        "contacts/eee.md",
    ]


def test_a_file_that_cannot_be_opened_is_one_error(make_network, monkeypatch) -> None:
    root = make_network({"ada": "---\nname: Ada\n---\n", "bob": "---\nname: Bob\n---\n"})

    real_open = os.open

    def refuse_ada(path, *args, **kwargs):
        if str(path).endswith("ada.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(load_module.os, "open", refuse_ada)  # chmod does not stop root
    network = load(root)
    assert [contact.slug for contact in network.contacts] == ["bob"]
    assert [str(problem) for problem in network.problems] == [
        "contacts/ada.md:1: error: cannot read the file: Permission denied"
    ]


def test_load_files_reads_contacts_from_memory() -> None:
    network = load_files(
        Path("."),
        Config(),
        [
            ("contacts/bob.md", b"---\nname: Bob\n---\n"),
            ("contacts/ada.md", b"---\nname: Ada\n---\n"),
        ],
    )
    assert [contact.slug for contact in network.contacts] == ["ada", "bob"]


def test_config_problems_are_part_of_the_network(make_network) -> None:
    root = make_network(
        {"ada": "---\nname: Ada\n---\n"}, config="plugins:\n  - kithbook:\n      lookahead: soon\n"
    )
    assert [problem.path for problem in load(root).problems] == ["mkdocs.yml"]


@pytest.mark.parametrize(
    ("data", "role"),
    [
        (b"---\rname: Ada\rrole: Poet\rbirthday: 1990-02-30\r---\r", "Poet"),
        (b"---\nname: Ada\nrole: Poet\rbirthday: 1990-02-30\n---\n", "Poet"),
        (
            "---\nname: Ada\nrole: Poet\u2028Engineer\nbirthday: 1990-02-30\n---\n".encode(),
            "Poet Engineer",
        ),
        ("---\nname: Ada\nrole: Poet\x85\nbirthday: 1990-02-30\n---\n".encode(), "Poet"),
    ],
    ids=["old-mac-cr", "stray-cr", "line-separator", "next-line"],
)
def test_line_breaks_are_counted_as_an_editor_shows_them(data: bytes, role: str) -> None:
    contact, problems = read(data)
    assert (contact.role, problems) == (role, ["4: error: birthday: 1990-02-30 is not a real date"])


def test_unknown_keys_keep_their_mapping_keys_as_written_text(make_network) -> None:
    from kithbook.parse.load import load

    root = make_network(
        {"ada": "---\nname: Ada\nhistory:\n  2024-01-01: moved\n  yes: 1\n  3: y\n---\n"}
    )
    assert load(root).get("ada").extra["history"] == {"2024-01-01": "moved", "yes": 1, "3": "y"}


@pytest.mark.parametrize(
    ("lines", "private"),
    [
        ('private: "yes"', True),
        ("private: 1", True),
        ("private: true\nprivate: false", True),
        ("Private: true", True),
        ("privat: yes", True),
        ("privat: false", False),
        ("private:", False),
        ("private: false", False),
        ("private: true", True),
    ],
    ids=[
        "quoted-yes",
        "one",
        "true-then-false",
        "capital",
        "misspelt",
        "misspelt-false",
        "empty",
        "false",
        "true",
    ],
)
def test_a_doubtful_private_flag_keeps_the_contact_private(make_network, lines: str, private: bool):
    from kithbook.parse.load import load

    root = make_network({"ada": f"---\nname: Ada\n{lines}\n---\n"})
    assert load(root).get("ada").private is private


@pytest.mark.parametrize(
    ("name", "is_contact"),
    [
        ("ada.md", True),
        ("Ada L.md", True),
        (".ada.md", False),
        (".md", False),
        ("ada.txt", False),
        ("ada.md.bak", False),
        ("ada.MD", False),
    ],
)
def test_a_contact_file_is_named_md_and_not_hidden(name, is_contact):
    assert is_contact_name(name) is is_contact


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [(0, 10, 0), (5, 10, 5), (10, 10, 10), (11, 10, 10), (3_000_000, 1_000_001, 1_000_001)],
)
def test_read_at_most_reads_the_whole_file_up_to_the_limit(
    tmp_path: Path, size: int, limit: int, expected: int
) -> None:
    path = tmp_path / "file.md"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    data = read_at_most(str(path), limit)
    assert data == path.read_bytes()[:expected]


def test_read_at_most_stops_at_the_limit_on_an_endless_file() -> None:
    assert read_at_most("/dev/zero", 4096) == bytes(4096)


@pytest.mark.parametrize("line", ['company: !!int ""', 'role: !!float ""', 'aka: [!!int ""]'])
def test_an_empty_tagged_number_is_an_error_not_a_crash(line: str) -> None:
    problems: list = []
    contact = parse_contact(
        "contacts/ada.md", f"---\nname: Ada\n{line}\n---\n".encode(), Config(), problems
    )
    assert contact is not None
    assert [(problem.line, problem.check) for problem in problems] == [(3, "quote")]


def test_loading_keeps_what_a_caller_froze_frozen() -> None:
    """`kith import` freezes its loaded network; loading the files it will write must not thaw it."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load_files(Path("."), Config(), [("contacts/ada.md", b"---\nname: Ada\n---\n")])
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


def test_loading_leaves_nothing_frozen_when_nothing_was() -> None:
    load_files(Path("."), Config(), [("contacts/ada.md", b"---\nname: Ada\n---\n")])
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    ("front_matter", "line", "column"),
    [
        ("name: Ada\nphones: [+44 20 7946 0101\n", 3, 9),
        ("name: Ada\n\tcompany: Acme\n", 3, 1),
    ],
)
def test_a_yaml_syntax_error_knows_its_line_and_column(front_matter, line, column):
    from kithbook.config import Config
    from kithbook.parse.load import parse_contact

    problems: list = []
    parse_contact("contacts/ada.md", f"---\n{front_matter}---\n".encode(), Config(), problems)
    assert [(p.check, p.line, p.column) for p in problems] == [("yaml", line, column)]
