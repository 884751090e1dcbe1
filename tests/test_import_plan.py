"""The pure import plan: new files for new people, merges that only add, conflicts reported."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.importers.candidate import Candidate
from kithbook.importers.plan import Addition, markdown_body, plan_import, same_phone
from kithbook.model import Met, MonthDay
from kithbook.parse.load import load

TODAY = dt.date(2026, 12, 1)

ADA = """
    ---
    name: Ada Lovelace
    emails: [ada@example.org]
    phones: ["+44 20 7946 0001"]
    company: Analytical Engines
    birthday: 1815-12-10
    links:
      github: https://github.com/ada-example
    ---
    """


def plan_for(make_network, candidates, contacts=None):
    network = load(make_network(contacts if contacts is not None else {"ada-lovelace": ADA}))
    return plan_import(candidates, network, TODAY)


def test_a_new_person_becomes_a_file_with_fields_in_writing_order(make_network):
    candidate = Candidate(
        line=4,
        name="Chidi Okafor",
        emails=["chidi@example.org"],
        links={"linkedin": "https://www.linkedin.com/in/chidi"},
        company="Harbor Robotics",
        birthday=MonthDay(4, 12),
        met=Met(date=dt.date(2020, 1, 1), where="LinkedIn"),
        notes="Likes trains",
    )
    plan = plan_for(make_network, [candidate])
    [new] = plan.new
    assert (new.slug, new.path, new.lines) == ("chidi-okafor", "contacts/chidi-okafor.md", [4])
    assert {key: value for key, value in new.fields.items() if value} == {
        "name": "Chidi Okafor",
        "emails": ["chidi@example.org"],
        "links": {"linkedin": "https://www.linkedin.com/in/chidi"},
        "company": "Harbor Robotics",
        "birthday": "--04-12",
        "met": {"date": dt.date(2020, 1, 1), "where": "LinkedIn"},
    }
    assert new.body == "Likes trains\n\n## Log\n"
    assert plan.summary() == "1 new, 0 merged, 0 unchanged, 0 skipped"


@pytest.mark.parametrize(
    ("candidate", "additions"),
    [
        (
            Candidate(1, "Ada Lovelace", emails=["ada.king@example.org"]),
            [Addition("list", "emails", "ada.king@example.org")],
        ),
        (
            Candidate(1, "Ada Lovelace", phones=["+44 7700 900123"]),
            [Addition("list", "phones", "+44 7700 900123")],
        ),
        (
            Candidate(1, "Ada Lovelace", links={"linkedin": "https://www.linkedin.com/in/ada"}),
            [Addition("mapping", "links", "https://www.linkedin.com/in/ada", "linkedin")],
        ),
        (
            Candidate(1, "Ada Lovelace", links={"github": "https://github.com/ada-two"}),
            [Addition("mapping", "links", "https://github.com/ada-two", "github-2")],
        ),
        (
            Candidate(1, "Ada Lovelace", role="Analyst", location="London"),
            [Addition("key", "role", "Analyst"), Addition("key", "location", "London")],
        ),
        (
            Candidate(1, "Ada Lovelace", met=Met(date=dt.date(2020, 1, 1), where="LinkedIn")),
            [
                Addition("mapping", "met", dt.date(2020, 1, 1), "date"),
                Addition("mapping", "met", "LinkedIn", "where"),
            ],
        ),
        (
            Candidate(1, "Ada Lovelace", aka=["Ada King"], tags=["math"]),
            [Addition("list", "aka", "Ada King"), Addition("list", "tags", "math")],
        ),
    ],
)
def test_a_merge_adds_only_what_the_file_lacks(make_network, candidate, additions):
    plan = plan_for(make_network, [candidate])
    assert plan.new == []
    assert [merge.slug for merge in plan.merges] == ["ada-lovelace"]
    assert plan.merges[0].additions == additions


@pytest.mark.parametrize(
    ("candidate", "warning"),
    [
        (
            Candidate(3, "Ada Lovelace", birthday=MonthDay(12, 11, 1815)),
            "ada-lovelace: birthday is 1815-12-10 in contacts/ada-lovelace.md but 1815-12-11 here; "
            "kept 1815-12-10",
        ),
        (
            Candidate(3, "Ada Lovelace", company="Babbage & Co"),
            "ada-lovelace: company is 'Analytical Engines' in contacts/ada-lovelace.md but 'Babbage & Co' "
            "here; kept 'Analytical Engines'",
        ),
    ],
)
def test_a_different_value_is_never_overwritten_but_reported(make_network, candidate, warning):
    plan = plan_for(make_network, [candidate])
    assert plan.merges == [] and plan.unchanged == [(3, "ada-lovelace")]
    assert [(p.line, p.severity, p.message) for p in plan.problems] == [(3, "warning", warning)]


@pytest.mark.parametrize(
    "candidate",
    [
        Candidate(2, "Lovelace, Ada", emails=["ADA@example.org"], phones=["020 7946 0001"]),
        Candidate(2, "Ada Lovelace", birthday=MonthDay(12, 10), company="analytical engines"),
        Candidate(
            2, "Someone", links={"x": "http://github.com/ada-example/"}, emails=["ada@example.org"]
        ),
    ],
)
def test_values_the_file_already_has_in_another_spelling_change_nothing(make_network, candidate):
    plan = plan_for(make_network, [candidate])
    assert (plan.new, plan.merges, plan.problems) == ([], [], [])
    assert plan.summary() == "0 new, 0 merged, 1 unchanged, 0 skipped"


def test_the_same_person_twice_in_one_file_becomes_one_new_contact(make_network):
    plan = plan_for(
        make_network,
        [
            Candidate(2, "Bram Jansen", emails=["bram@example.org"]),
            Candidate(3, "bram jansen", phones=["+31 6 12345678"]),
        ],
    )
    [new] = plan.new
    assert (new.fields["emails"], new.fields["phones"], new.lines) == (
        ["bram@example.org"],
        ["+31 6 12345678"],
        [2, 3],
    )


def test_a_record_matching_two_contacts_is_skipped_as_an_error(make_network):
    contacts = {"sam-lee": "---\nname: Sam Lee\n---\n", "sam-lee-2": "---\nname: Sam Lee\n---\n"}
    plan = plan_for(make_network, [Candidate(5, "Sam Lee")], contacts)
    assert (plan.new, plan.merges) == ([], [])
    assert plan.problems[0].line == 5 and "matches 2 contacts by name" in plan.problems[0].message


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ada Lovelace", "ada-lovelace-2"),
        ("../../etc/passwd", "etc-passwd"),
        ("---", "contact"),
        ("김민준", "gimminjun"),
        ("broken", "broken-2"),
    ],
)
def test_slugs_are_free_and_never_leave_the_contacts_folder(make_network, name, slug):
    contacts = {"ada-lovelace": "---\nname: Ada Byron\n---\n", "broken": "no front matter\n"}
    plan = plan_for(make_network, [Candidate(1, name)], contacts)
    assert [new.slug for new in plan.new] == [slug]


@pytest.mark.parametrize(
    ("notes", "body"),
    [
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>\n\n## Log\n"),
        ("## Log\n- 2020-01-01 -> email: x", "\\## Log\n- 2020-01-01 -> email: x\n\n## Log\n"),
        ("a < b", "a < b\n\n## Log\n"),
        ("", ""),
    ],
)
def test_imported_notes_stay_plain_text_in_the_body(notes, body):
    assert markdown_body(notes) == body


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("+44 20 7946 0001", "020 7946 0001", True),
        ("+44 20 7946 0001", "0044 20 7946 0001", True),
        ("+44 20 7946 0001", "+44 20 7946 0002", False),
        ("12", "112", False),
    ],
)
def test_phone_numbers_compare_by_their_digits(a, b, same):
    assert same_phone(a, b) is same


def test_a_value_written_in_the_file_but_unreadable_is_not_replaced(make_network):
    contacts = {"ada-lovelace": "---\nname: Ada Lovelace\nbirthday: 1990-02-30\n---\n"}
    candidate = Candidate(1, "Ada Lovelace", birthday=MonthDay(4, 12))
    plan = plan_for(make_network, [candidate], contacts)
    assert plan.merges == [] and plan.unchanged == [(1, "ada-lovelace")]


def test_an_import_keeps_exactly_the_declared_kept_keys():
    from kithbook.importers.plan import KEPT_LISTS, KEPT_VALUES
    from kithbook.model import KEPT_KEYS

    assert sorted((*KEPT_VALUES, *KEPT_LISTS)) == sorted(KEPT_KEYS)
