"""The validator's checks: passes over a loaded network, each problem at its file and line."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.model import Problem
from kithbook.parse.key_typos import did_you_mean_key, edit_distance
from kithbook.parse.load import load
from kithbook.rules.validate import CHECK_NAMES, CHECKS, has_errors, validate


def problems_of(
    make_network,
    contacts: dict[str, str],
    today: dt.date,
    config: str | None = None,
    checks: list[str] | None = None,
) -> list[str]:
    network = load(make_network(contacts, config))
    return [str(problem) for problem in validate(network, today, checks)]


def one_contact(make_network, today: dt.date, *lines: str, config: str | None = None) -> list[str]:
    """The problems of a network holding only contacts/ada.md with `name` and these lines."""
    text = "---\nname: Ada Lovelace\n" + "".join(line + "\n" for line in lines) + "---\n"
    return problems_of(make_network, {"ada": text}, today, config)


@pytest.mark.parametrize(
    ("key", "known"),
    [
        ("emial", "emails"),
        ("email", "emails"),
        ("mail", "emails"),
        ("birthdate", "birthday"),
        ("bday", "birthday"),
        ("cadance", "cadence"),
        ("Name", "name"),
        ("TAGS", "tags"),
        ("phone", "phones"),
        ("compnay", "company"),
        ("nickname", "aka"),
        ("knwos", "knows"),
        ("statsu", "status"),
        ("shoe_size", None),
        ("spouse", None),
        ("favourite_food", None),
        ("pet", None),
        ("content", None),
        ("handler", None),
    ],
)
def test_did_you_mean_key_names_the_known_key_a_typo_is_close_to(
    key: str, known: str | None
) -> None:
    assert did_you_mean_key(key) == known


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("emial", "email", 1),
        ("email", "email", 0),
        ("", "abc", 3),
        ("cadance", "cadence", 1),
        ("kitten", "sitting", 3),
        ("ab", "ba", 1),
    ],
)
def test_edit_distance_counts_an_adjacent_swap_as_one_step(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


def test_unknown_keys_far_from_known_ones_are_allowed(make_network, today) -> None:
    assert one_contact(make_network, today, "spouse: Grace", "shoe_size: 38") == []


@pytest.mark.parametrize(
    ("emails", "problems"),
    [
        ("[ada@example.org, ada.king@mail.example.org, ADA+crm@Example.ORG]", []),
        ('["adä@example.org"]', []),
        (
            "[ada.example.org]",
            [
                "3: error: emails: ada.example.org is not a valid address: an "
                "email address must have an @-sign"
            ],
        ),
        (
            "[ada@example]",
            [
                "3: error: emails: ada@example is not a valid address: the part "
                "after the @-sign is not valid. It should have a period"
            ],
        ),
        (
            '["ada lovelace@example.org"]',
            [
                "3: error: emails: ada lovelace@example.org is not a valid address: the email address "
                "contains invalid characters before the @-sign: SPACE"
            ],
        ),
    ],
)
def test_emails_are_checked_for_syntax_only(
    make_network, today, emails: str, problems: list[str]
) -> None:
    found = one_contact(make_network, today, f"emails: {emails}")
    assert found == [f"contacts/ada.md:{problem}" for problem in problems]


@pytest.mark.parametrize(
    ("phone", "region", "problem"),
    [
        ("+44 20 7946 0958", None, None),
        ("0044 20 7946 0958", None, None),
        ("020 7946 0958", None, None),
        ("(555) 010-4477 ext. 12", None, None),
        ("+44 20 1234", None, "+44 20 1234 is not a valid number for GB"),
        (
            "+999 123456",
            None,
            "+999 123456 is not a phone number (could not interpret numbers after plus-sign)",
        ),
        (
            "call me",
            None,
            "call me is not a phone number (digits, spaces, - ( ) . / only; "
            "start with + for international)",
        ),
        ("020 7946 0958", "GB", None),
        ("020 1234", "GB", "020 1234 is not a valid number for GB"),
    ],
)
def test_phones_international_ones_checked_by_the_library(
    make_network, today, phone: str, region: str | None, problem: str | None
) -> None:
    config = f"plugins:\n  - kithbook:\n      phone_region: {region}\n" if region else None
    found = one_contact(make_network, today, f'phones: ["{phone}"]', config=config)
    assert found == ([] if problem is None else [f"contacts/ada.md:3: error: phones: {problem}"])


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("circle: friend", None),
        ("circle: Close", None),
        (
            "circle: bff",
            "circle: unknown circle 'bff'; use one of: close, friend, colleague, "
            "network, acquaintance",
        ),
        ("channel: in-person", None),
        (
            "channel: mail",
            "channel: unknown channel 'mail' (did you mean email?); use one of: "
            "email, phone, video, message, social, in-person, letter, event",
        ),
        ("status: declined", None),
        (
            "status: off",
            "status: unknown status 'off'; use one of: active, paused, declined, archived",
        ),
        (
            "status: pausd",
            "status: unknown status 'pausd' (did you mean paused?); use one of: "
            "active, paused, declined, archived",
        ),
        ("status:", None),
    ],
)
def test_circle_channel_and_status_take_one_of_their_words(
    make_network, today, line: str, problem: str | None
) -> None:
    found = one_contact(make_network, today, line)
    assert found == ([] if problem is None else [f"contacts/ada.md:3: error: {problem}"])


def test_circles_and_channels_come_from_the_configuration(make_network, today) -> None:
    config = "plugins:\n  - kithbook:\n      circles: {inner: 2w}\n      channels: [signal]\n"
    found = one_contact(make_network, today, "circle: inner", "channel: signal", config=config)
    assert found == []
    found = one_contact(make_network, today, "circle: friend", config=config)
    assert found == ["contacts/ada.md:3: error: circle: unknown circle 'friend'; use one of: inner"]


def test_the_same_email_in_two_files_is_reported_in_the_second(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "ada": "---\nname: Ada\nemails: [ada@example.org]\n---\n",
            "augusta": "---\nname: Augusta\nemails:\n  - aug@example.org\n"
            "  - ' ADA@example.org'\n---\n",
            "carol": "---\nname: Carol\nemails: [carol@example.org]\n---\n",
        },
        today,
    )
    assert found == [
        "contacts/augusta.md:5: error: emails: ADA@example.org is also the address "
        "of contacts/ada.md; is this the same person?"
    ]


def test_the_same_email_twice_in_one_file_is_not_a_duplicate_person(make_network, today) -> None:
    assert one_contact(make_network, today, "emails: [ada@example.org, ada@example.org]") == []


@pytest.mark.parametrize(
    ("lines", "problems"),
    [
        (["knows: [grace-hopper]", "met: {via: grace-hopper}"], []),
        (
            ["knows: [grace-hoper]"],
            ["3: error: knows: no contact 'grace-hoper' in contacts/ (did you mean grace-hopper?)"],
        ),
        (
            ["knows:", "  - grace-hopper", "  - charles-babbage"],
            ["5: error: knows: no contact 'charles-babbage' in contacts/"],
        ),
        (
            ["knows: [Grace Hopper]"],
            [
                "3: error: knows: no contact 'grace hopper' in contacts/ (did you mean grace-hopper? "
                "knows takes file names without .md)"
            ],
        ),
        (["knows: [ada]"], ["3: warning: knows: ada is this contact itself"]),
        (
            ["met:", "  where: PyCon", "  via: charles-babbage"],
            ["5: error: met.via: no contact 'charles-babbage' in contacts/"],
        ),
        (
            ["met:", "  via: Grace_Hopper"],
            [
                "4: error: met.via: no contact 'Grace_Hopper' in contacts/ (did you mean "
                "grace-hopper? met.via takes file names without .md)"
            ],
        ),
    ],
)
def test_knows_and_met_via_name_contacts_that_exist(
    make_network, today, lines: list[str], problems: list[str]
) -> None:
    found = problems_of(
        make_network,
        {
            "ada": "---\nname: Ada\n" + "".join(line + "\n" for line in lines) + "---\n",
            "grace-hopper": "---\nname: Grace Hopper\n---\n",
        },
        today,
    )
    assert found == [f"contacts/ada.md:{problem}" for problem in problems]


def test_a_reference_to_a_file_that_failed_to_load_is_reported(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "ada": "---\nname: Ada\nknows: [broken]\n---\n",
            "broken": "---\nname: [\n---\n",
        },
        today,
    )
    assert [line.split(":")[0] for line in found] == ["contacts/ada.md", "contacts/broken.md"]


@pytest.mark.parametrize(
    ("lines", "problems"),
    [
        (["birthday: 1990-12-01"], []),
        (["birthday: 2026-12-02"], ["3: error: birthday: 2026-12-02 is in the future"]),
        (["birthday: --12-25"], []),
        (["met: 2026"], []),
        (["met: 2026-12-01"], []),
        (["met: 2027"], ["3: error: met.date: 2027 is in the future"]),
        (
            ["met:", "  where: PyCon", "  date: 2026-12-02"],
            ["5: error: met.date: 2026-12-02 is in the future"],
        ),
    ],
)
def test_birthdays_and_met_dates_are_not_in_the_future(
    make_network, today, lines: list[str], problems: list[str]
) -> None:
    assert one_contact(make_network, today, *lines) == [
        f"contacts/ada.md:{problem}" for problem in problems
    ]


def test_a_log_entry_after_today_is_a_warning(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "ada": "---\nname: Ada\n---\n## Log\n"
            "- 2026-12-01 -> email: today is fine\n"
            "- 2026-12-02 -> email: tomorrow is not\n"
        },
        today,
    )
    assert found == [
        "contacts/ada.md:6: warning: log: 2026-12-02 is in the future (today is "
        "2026-12-01); is the date right?"
    ]


def test_validate_sorts_mkdocs_yml_first_then_by_file_and_line(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "bob": "---\nname: Bob\nemails: [x]\nstatus: nope\n---\n",
            "ada": "---\nname: Ada\nsnooze: soon\nemial: a@example.org\n---\n",
        },
        today,
        config="plugins:\n  - kithbook:\n      lookahead: soon\n",
    )
    assert [line.rsplit(": ", 3)[0].split(": ")[0] for line in found] == [
        "mkdocs.yml:3:18",
        "contacts/ada.md:3:9",
        "contacts/ada.md:4",
        "contacts/bob.md:3",
        "contacts/bob.md:4",
    ]


def test_a_malformed_file_never_stops_the_check_of_the_others(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "aaa": "---\nname: [unclosed\n---\n",
            "bbb": "---\nname: Bob\nemails: [bob-at-example.org]\n---\n",
            "ccc": "\x00 binary junk",
            "ddd": "---\nname: Dee\nknows: [nobody]\n---\n",
            "eee": "---\n- a list\n---\n",
            "fff": "---\nname: Fay\n---\n## Log\n- 2026-11-31 -> email: x\n",
        },
        today,
    )
    assert sorted({line.split(":")[0] for line in found}) == [
        f"contacts/{slug}.md" for slug in ("aaa", "bbb", "ccc", "ddd", "eee", "fff")
    ]


def test_a_clean_network_has_no_problems(make_network, today) -> None:
    found = problems_of(
        make_network,
        {
            "ada": "---\nname: Ada\nemails: [ada@example.org]\nknows: [grace]\ncircle: friend\n"
            "birthday: --12-10\n---\n## Log\n- 2026-11-02 -> email: hello #lead\n",
            "grace": "---\nname: Grace\nmet: {via: ada, date: 2019}\nstatus: paused\n---\n",
        },
        today,
    )
    assert found == []


@pytest.mark.parametrize("name", list(CHECKS))
def test_each_check_can_run_alone(make_network, today, name: str) -> None:
    contacts = {
        "ada": "---\nname: Ada\nemails: [x, ada@example.org]\nphones: [abc]\ncircle: bff\n"
        "knows: [nobody]\nbirthday: 2030-01-01\nemial: x\n---\n",
        "bob": "---\nname: Bob\nemails: [ada@example.org]\n---\n",
    }
    found = validate(load(make_network(contacts)), today, [name])
    assert found and {problem.check for problem in found} == {name}


@pytest.mark.parametrize(
    ("severities", "expected"),
    [([], False), (["warning"], False), (["warning", "error"], True), (["error"], True)],
)
def test_has_errors_ignores_warnings(severities: list[str], expected: bool) -> None:
    problems = [Problem("contacts/a.md", 1, severity, "m", "c") for severity in severities]
    assert has_errors(problems) is expected


def test_check_names_include_every_named_check() -> None:
    assert set(CHECKS) <= set(CHECK_NAMES)
