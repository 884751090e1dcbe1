"""Files as other tools really write them (fixtures under fixtures/import/real, fictional people):
each one reproduces a defect seen in real exports, and re-importing any fixture changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kithbook.importers import detect_format, read_source
from kithbook.importers.apply import apply_plan
from kithbook.importers.plan import plan_import
from kithbook.model import Met, MonthDay
from kithbook.parse.load import load

REAL = Path(__file__).parent / "fixtures" / "import" / "real"
ALL_FIXTURES = sorted([*REAL.iterdir(), *(REAL.parent).glob("*.*")])
TODAY = dt.date(2026, 6, 1)


def read(name: str):
    data = (REAL / name).read_bytes()
    return read_source(data, detect_format(data, name) or "csv")


def field_of(name: str, index: int, field: str):
    return getattr(read(name).candidates[index], field)


@pytest.mark.parametrize(
    ("fixture", "index", "field", "expected"),
    [
        # UTF-16, with and without a byte-order mark, little and big endian
        ("utf16-bom.vcf", 0, "name", "Noor Haddad"),
        ("utf16-bom.vcf", 0, "phones", ["+44 7700 900666"]),
        ("utf16-no-bom.vcf", 0, "emails", ["noor.haddad@example.org"]),
        ("utf16-be.csv", 0, "name", "Tomás Ibáñez"),
        ("utf16-no-bom.csv", 0, "name", "Åsa Berg"),
        # an undeclared legacy character set, guessed
        ("hebrew-1255.vcf", 0, "name", "יעל מזרחי"),
        ("hebrew-1255.vcf", 0, "notes", "נפגשנו בכנס בחיפה"),
        # vCard 2.1 quoted-printable: no CHARSET (The Bat!), lower case (Thunderbird)
        ("thebat-qp.vcf", 0, "name", "Иван Петров"),
        ("thebat-qp.vcf", 0, "phones", ["+7 495 123-45-67"]),
        ("thunderbird-qp.vcf", 0, "name", "Jürgen Müller"),
        ("thunderbird-qp.vcf", 0, "notes", "Trifft sich gern zum Frühstück.\nZweite Zeile."),
        # invisible direction marks around Google's phone numbers; Thai and Hindi labels
        ("google-marks.csv", 0, "phones", ["+66 81 234 5678", "+44 20 7946 0123"]),
        ("google-marks.csv", 0, "emails", ["somchai@example.org"]),
        ("google-marks.csv", 0, "tags", ["เพื่อนร่วมงาน"]),
        ("google-marks.csv", 1, "tags", ["हिन्दी-मित्र"]),
        # iPhone: CR CR LF, an unfolded PHOTO, a folded note
        ("iphone-crcrlf.vcf", 0, "phones", ["+44 7700 900777"]),
        (
            "iphone-crcrlf.vcf",
            0,
            "notes",
            "Met at the harbour festival. She restores old sailing boats and wants to sail to "
            "Lisbon next summer.",
        ),
        # Apple: \: in notes, ADR;HOME;PREF;:
        ("apple-escapes.vcf", 0, "notes", "Agenda: sailing, books and the 10:30 ferry."),
        ("apple-escapes.vcf", 0, "location", "Haifa, Israel"),
        # nameless cards: named by phone, e-mail, organisation (Apple's company card)
        ("nameless.vcf", 0, "name", "+44 7700 900555"),
        ("nameless.vcf", 1, "name", "front-desk@harbor.example.org"),
        ("nameless.vcf", 2, "name", "Granite Bank"),
        ("nameless.vcf", 2, "phones", ["+44 20 7946 0999"]),
        # LinkedIn's 2018 layout and an Excel round trip
        ("linkedin-2018.csv", 0, "met", Met(date=dt.date(2018, 1, 8), where="LinkedIn")),
        ("linkedin-2018.csv", 1, "met", Met(date=dt.date(2017, 11, 23), where="LinkedIn")),
        ("linkedin-excel.csv", 0, "met", Met(date=dt.date(2023, 4, 23), where="LinkedIn")),
        ("linkedin-excel.csv", 1, "met", Met(date=dt.date(2023, 4, 23), where="LinkedIn")),
        # Thunderbird's and Outlook's CSV columns, no --map needed
        ("thunderbird.csv", 0, "emails", ["kasper@example.org", "k.nyberg@work.example.org"]),
        ("thunderbird.csv", 0, "phones", ["+46 8 123 456 00", "+46 70 111 22 33"]),
        ("thunderbird.csv", 0, "links", {"website": "https://kasper.example.org"}),
        ("thunderbird.csv", 0, "location", "Uppsala"),
        ("thunderbird.csv", 0, "birthday", MonthDay(7, 21, 1984)),
        ("thunderbird.csv", 0, "role", "Archivist"),
        ("outlook.csv", 0, "emails", ["grace.whitfield@example.org", "grace@granite.example.org"]),
        ("outlook.csv", 0, "phones", ["+44 7700 900888", "+44 20 7946 0888"]),
        ("outlook.csv", 0, "role", "Portfolio Manager"),
        ("outlook.csv", 0, "location", "London"),
        ("outlook.csv", 0, "birthday", MonthDay(3, 14, 1990)),
        ("outlook.csv", 0, "tags", ["clients", "book-club"]),
    ],
)
def test_real_exports_give_the_right_values(fixture, index, field, expected):
    assert field_of(fixture, index, field) == expected


@pytest.mark.parametrize(
    ("fixture", "problems"),
    [
        ("utf16-bom.vcf", []),
        ("iphone-crcrlf.vcf", []),
        ("thunderbird-qp.vcf", []),
        ("apple-escapes.vcf", []),
        (
            "hebrew-1255.vcf",
            [(1, "warning", "read it as Windows-1255 (Hebrew), a guess from its letters")],
        ),
        ("thebat-qp.vcf", [(3, "warning", "read as Windows-1251"), (4, "warning", "Windows-1251")]),
        ("nameless.vcf", [(21, "error", "no organisation, e-mail or phone to name it by")]),
        ("linkedin-excel.csv", [(4, "warning", "hides their name")]),
    ],
)
def test_real_exports_report_only_what_is_wrong_at_its_line(fixture, problems):
    found = read(fixture).problems
    assert [(p.line, p.severity) for p in found] == [(line, sev) for line, sev, _ in problems]
    for problem, (_, _, text) in zip(found, problems):
        assert text in problem.message


def test_a_nameless_linkedin_row_is_left_out_not_an_error():
    (problem,) = read("linkedin-excel.csv").problems
    assert problem.left_out and problem.severity == "warning"


def test_warnings_about_values_point_at_the_line_of_the_value(make_network):
    network = load(make_network({}))
    parsed = read("bad-values.vcf")
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    assert [(p.line, p.message.split(" ")[0]) for p in plan.problems] == [
        (6, "not"),
        (8, "phone"),
    ]


@pytest.mark.parametrize(
    ("fixture", "kept"),
    [
        ("linkedin-same-name.csv", ["Harbor Robotics", "Fjord Freight"]),
        ("directory-same-name.vcf", ["Institute of Physics", "Hoffmann Bakery"]),
    ],
)
def test_two_people_with_one_name_but_different_identifiers_stay_two(make_network, fixture, kept):
    network = load(make_network({}))
    parsed = read(fixture)
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    assert [contact.fields["company"] for contact in plan.new] == kept
    assert plan.merges == [] and plan.unchanged == []


def test_a_second_linkedin_profile_for_a_known_name_is_another_person(make_network):
    root = make_network(
        {
            "sam-carter": "---\nname: Sam Carter\n"
            "links:\n  linkedin: https://www.linkedin.com/in/sam-carter-harbor\n---\n"
        }
    )
    parsed = read("linkedin-same-name.csv")
    plan = plan_import(parsed.candidates, load(root), TODAY, parsed.problems)
    assert [contact.slug for contact in plan.new] == ["sam-carter-2"]
    assert [merge.slug for merge in plan.merges] == ["sam-carter"]
    assert any("kept apart" in problem.message for problem in plan.problems)


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=lambda path: path.name)
def test_importing_any_fixture_twice_changes_nothing_the_second_time(make_network, fixture):
    root = make_network({})
    data = fixture.read_bytes()
    fmt = detect_format(data, fixture.name) or "csv"
    parsed = read_source(data, fmt)
    network = load(root)
    apply_plan(plan_import(parsed.candidates, network, TODAY, parsed.problems), network, TODAY, "x")
    parsed = read_source(data, fmt)
    again = plan_import(parsed.candidates, load(root), TODAY, parsed.problems)
    assert (again.new, again.merges) == ([], [])


def test_two_exported_people_with_one_name_stay_two_and_a_slug_never_refuses_a_phone_uid(
    make_network,
):
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nUID:kithbook:{slug}\nFN:Ada Lovelace\nEND:VCARD\n"
        for slug in ("ada", "ada-2")
    )
    parsed = read_source(cards.encode(), "vcard")
    empty = plan_import(parsed.candidates, load(make_network({})), TODAY, parsed.problems)
    assert [contact.slug for contact in empty.new] == ["ada", "ada-2"]
    root = make_network({"ada-lovelace": "---\nname: Ada Lovelace\nuid: phone-1\n---\n"})
    one = "BEGIN:VCARD\nVERSION:3.0\nUID:kithbook:ada\nFN:Ada Lovelace\nEND:VCARD\n"
    parsed = read_source(one.encode(), "vcard")
    plan = plan_import(parsed.candidates, load(root), TODAY, parsed.problems)
    assert plan.new == [] and [slug for _, slug in plan.unchanged] == ["ada-lovelace"]
