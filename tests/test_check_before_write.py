"""Which problems a file has, or would have with a new text: one answer for every writer."""

from __future__ import annotations

import pytest

from kithbook.model import Network
from kithbook.parse.load import load, load_files
from kithbook.write.check_before_write import FILE_CHECKS, problems_of, problems_of_changed

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\n---\n"
BROKEN = "---\nname: Charles Babbage\nemails: [not-an-address]\n---\n"
PATH = "contacts/grace.md"


@pytest.fixture
def network(make_network):
    return load(make_network({"ada-lovelace": ADA, "charles": BROKEN}))


def problems_if_written(network: Network, today, texts: dict, checks=None) -> dict:
    """The problems the files of `texts` would have as contacts of `network`, as the write service
    asks (every front matter changed; a reference exists when the network has that contact);
    `checks=FILE_CHECKS`: the files alone, with no cross-file rule."""
    files = [
        (path, text if isinstance(text, bytes) else text.encode()) for path, text in texts.items()
    ]
    written = load_files(network.root, network.config, files)
    if checks is FILE_CHECKS:
        paths = {problem.path for problem in written.problems} | set(texts)
        return problems_of(written, today, paths, FILE_CHECKS)
    return problems_of_changed(
        written, today, lambda path: True, network.by_slug.__contains__, lambda: network
    )


def checked_messages(found: dict) -> list[tuple[str, str, str]]:
    return [
        (problem.check, problem.severity, problem.message.split(";")[0])
        for problem in found.get(PATH, [])
    ]


@pytest.mark.parametrize(
    ("text", "checks", "expected"),
    [
        ("---\nname: Grace\n---\n", None, []),
        (
            "---\nname: Grace\nemails: [nope]\n---\n",
            None,
            [
                (
                    "email",
                    "error",
                    "emails: nope is not a valid address: an email address must have an @-sign",
                )
            ],
        ),
        (
            "---\nname: Grace\nknows: [nobody]\n---\n",
            None,
            [("reference", "error", "knows: no contact 'nobody' in contacts/")],
        ),
        ("---\nname: Grace\nknows: [nobody]\n---\n", FILE_CHECKS, []),
        (
            "---\nname: Grace\nemails: [ada@example.org]\n---\n",
            None,
            [
                (
                    "duplicate-email",
                    "error",
                    "emails: ada@example.org is also the address of contacts/ada-lovelace.md",
                )
            ],
        ),
        ("---\nname: Grace\nemails: [ada@example.org]\n---\n", FILE_CHECKS, []),
        (
            b"---\nname: Gr\xe2ce\n---\n",
            None,
            [("front-matter", "error", "not valid UTF-8 (byte 0xe2 at column 9)")],
        ),
        (
            "no front matter\n",
            FILE_CHECKS,
            [
                (
                    "front-matter",
                    "error",
                    "no front matter: a contact file starts with a '---' line, "
                    "then 'name: ...', then '---'",
                )
            ],
        ),
    ],
)
def test_a_text_is_checked_as_the_file_it_would_become_beside_the_others(
    network, today, text, checks, expected
) -> None:
    assert checked_messages(problems_if_written(network, today, {PATH: text}, checks)) == expected


def test_only_the_files_asked_about_are_reported(network, today) -> None:
    found = problems_if_written(network, today, {PATH: "---\nname: Grace\n---\n"})
    assert found == {}  # charles.md has an error, but it was not asked about
    charles = problems_of(network, today, ["contacts/charles.md"])["contacts/charles.md"]
    assert [(problem.line, problem.check) for problem in charles] == [(3, "email")]


@pytest.mark.parametrize("checks", [None, FILE_CHECKS])
def test_a_file_replaced_by_a_new_text_is_checked_as_the_new_text_only(
    network, today, checks
) -> None:
    fixed = BROKEN.replace("not-an-address", "charles@example.org")
    assert problems_if_written(network, today, {"contacts/charles.md": fixed}, checks) == {}
    assert list(problems_of(network, today, ["contacts/charles.md"], checks)) == [
        "contacts/charles.md"
    ]
