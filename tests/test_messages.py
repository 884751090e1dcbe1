"""Golden tests: every message the loader and validator print, each from its own fixture file.

A case copies fixture files from tests/fixtures/problems/ into a fresh network (`*.md` into
contacts/, `*.yml` as mkdocs.yml), runs `kith validate`, and compares the printed lines exactly:
file, line (and column, where known), severity and text. The exit code is 1 when any line is an
error, else 0.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.rules.validate import CHECK_NAMES, validate

FIXTURES = Path(__file__).parent / "fixtures" / "problems"
CHANNELS = "email, phone, video, message, social, in-person, letter, event"
ENTRY = "- 2026-11-02 -> email: what happened"


def case(files: str | tuple[str, ...], *lines: str) -> pytest.param:
    names = (files,) if isinstance(files, str) else files
    return pytest.param(names, list(lines), id=names[-1])


GOLDEN = [
    # Files that cannot be read as contact files at all.
    case(
        "nul-bytes.md",
        "contacts/nul-bytes.md:3: error: this is not a text file (it contains NUL bytes)",
    ),
    case(
        "conflict-markers.md",
        "contacts/conflict-markers.md:3: error: conflict markers: the file holds an unresolved Git "
        "merge conflict (<<<<<<<, =======, >>>>>>>); keep what each side should keep, delete the "
        "marker lines, then git add the file",
    ),
    case(
        "invalid-utf8.md",
        "contacts/invalid-utf8.md:3: error: not valid UTF-8 (byte 0xfc at column 12); "
        "save the file as UTF-8",
    ),
    case(
        "empty-file.md",
        "contacts/empty-file.md:1: error: the file is empty; a contact file starts with '---', "
        "'name: ...', '---'",
    ),
    case(
        "no-front-matter.md",
        "contacts/no-front-matter.md:1: error: no front matter: a contact file starts with a "
        "'---' line, then 'name: ...', then '---'",
    ),
    case(
        "unclosed-front-matter.md",
        "contacts/unclosed-front-matter.md:1: error: the front matter opened here is never "
        "closed with a '---' line",
    ),
    case(
        "front-matter-list.md",
        "contacts/front-matter-list.md:2: error: front matter must be 'key: value' lines "
        "(a mapping), not a list or a bare value",
    ),
    case(
        "front-matter-text.md",
        "contacts/front-matter-text.md:2: error: front matter must be 'key: value' lines "
        "(a mapping), not a list or a bare value",
    ),
    # YAML that does not parse, or parses into something too big.
    case(
        "bad-yaml-colon.md",
        "contacts/bad-yaml-colon.md:3:15: error: front matter is not valid YAML: mapping values are "
        "not allowed in this context; a value containing ': ' must be put in quotes; otherwise "
        "check this line's indentation",
    ),
    case(
        "bad-yaml-unclosed.md",
        "contacts/bad-yaml-unclosed.md:3:7: error: front matter is not valid YAML: did not find "
        "expected ',' or ']'; the [ opened on this line is not closed",
    ),
    case(
        "bad-yaml-tab.md",
        "contacts/bad-yaml-tab.md:4:1: error: front matter is not valid YAML: found character that "
        "cannot start any token; indent with spaces, not tabs",
    ),
    case(
        "bad-yaml-half-quoted.md",
        "contacts/bad-yaml-half-quoted.md:2:13: error: front matter is not valid YAML: did not find "
        "expected key; check this line's indentation; a value that starts with a quote or a "
        "bracket must be quoted as a whole",
    ),
    case(
        "bad-yaml-list-indent.md",
        "contacts/bad-yaml-list-indent.md:5:3: error: front matter is not valid YAML: did not "
        "find expected '-' indicator; check this line's indentation: it is inside the list "
        "above",
    ),
    case(
        "control-character.md",
        "contacts/control-character.md:3: error: front matter is not valid YAML: unacceptable "
        "character #x0007: control characters are not allowed; delete it (most editors do not "
        "show it)",
    ),
    case(
        "alias-bomb.md",
        "contacts/alias-bomb.md:2: error: front matter expands to too many values "
        "(YAML aliases?); write the values out",
    ),
    case(
        "deep-brackets.md",
        "contacts/deep-brackets.md:3:1007: error: front matter is not valid YAML: exceeded maximum "
        "nesting depth",
    ),
    case(
        "deep-value.md",
        "contacts/deep-value.md:3:1: error: notes: nested too deeply or too large to read; "
        "write it more simply",
    ),
    case(
        "merge-key.md",
        "contacts/merge-key.md:5:1: error: '<<' merge keys are not supported in contact files; "
        "write the keys out",
    ),
    # The file name and the keys themselves.
    case(
        "index.md",
        "contacts/index.md:1: warning: file name 'index.md' is the name of a site page, so the "
        "site shows this contact under another name; rename it, for example to index-2.md",
    ),
    case(
        "Ada_Lovelace.md",
        "contacts/Ada_Lovelace.md:1: error: file name 'Ada_Lovelace.md' is not a slug (lowercase "
        "a-z, 0-9 and single hyphens); rename it, for example to ada-lovelace.md",
    ),
    case(
        "duplicate-key.md",
        "contacts/duplicate-key.md:3: error: company: written twice (again on line 5); YAML "
        "keeps only the last one, so remove or merge one of them",
    ),
    case(
        "missing-name.md",
        "contacts/missing-name.md:1: error: name: is required, as in 'name: Ada Lovelace'",
    ),
    case(
        "did-you-mean-keys.md",
        "contacts/did-you-mean-keys.md:3: warning: emial: unknown key; did you mean emails?",
        "contacts/did-you-mean-keys.md:4: warning: birthdate: unknown key; did you mean birthday?",
        "contacts/did-you-mean-keys.md:5: warning: cadance: unknown key; did you mean cadence?",
    ),
    # Values YAML types as something else, and values of the wrong shape.
    case("name-empty.md", "contacts/name-empty.md:2:7: error: name: must not be empty"),
    case(
        "name-no.md",
        "contacts/name-no.md:2:7: error: name: YAML reads No as false, not text; put it in quotes: "
        'name: "No"',
    ),
    case(
        "name-2024.md",
        "contacts/name-2024.md:2:7: error: name: YAML reads 2024 as a number, not text; put it in "
        'quotes: name: "2024"',
    ),
    case("name-list.md", "contacts/name-list.md:2:7: error: name: expected text, found a list"),
    case(
        "name-tag.md",
        "contacts/name-tag.md:2:7: error: name: remove the YAML tag !person; write name: "
        "Ada Lovelace",
    ),
    case(
        "phones-octal.md",
        "contacts/phones-octal.md:3:10: error: phones: YAML reads 0123456 as the number 42798, not "
        'text; put it in quotes: phones: "0123456"',
    ),
    case(
        "emails-mapping.md",
        "contacts/emails-mapping.md:4:3: error: emails: expected a list, found a mapping",
    ),
    case(
        "links-list.md",
        "contacts/links-list.md:3:8: error: links: expected a mapping (key: value lines), "
        "found a list",
    ),
    case(
        "links-no-label.md",
        "contacts/links-no-label.md:4:3: error: links: each link needs a label, as in 'github: ada'",
    ),
    case(
        "private-nested.md",
        "contacts/private-nested.md:5:3: warning: met: unknown key 'private'; met has date, where, "
        "via",
        "contacts/private-nested.md:5:3: warning: private: written under met, where it means "
        "nothing; the contact is kept private until you move it to the top level or remove it",
    ),
    case(
        "private-text.md",
        "contacts/private-text.md:3:10: error: private: expected true or false, found 'yes'",
    ),
    case(
        "tags-capital.md",
        "contacts/tags-capital.md:3:8: warning: tags: 'Mentor' is not a lowercase word; "
        "write 'mentor'",
    ),
    case(
        "tags-comma.md",
        "contacts/tags-comma.md:3:7: warning: tags: 'mentor, friend' is not a lowercase word; "
        "write a list: tags: [mentor, friend]",
    ),
    case(
        "cadence-number.md",
        "contacts/cadence-number.md:3:10: error: cadence: expected a duration such as 10d, 6w, 3m, "
        "1y or never, found 30 (did you mean 30d?)",
    ),
    case(
        "cadence-text.md",
        "contacts/cadence-text.md:3:10: error: cadence: expected a duration such as 10d, 6w, 3m, "
        "1y or never, found 'monthly'",
    ),
    # Dates.
    case(
        "birthday-month-13.md",
        "contacts/birthday-month-13.md:3:11: error: birthday: 2025-13-01 is not a real date",
        "contacts/birthday-month-13.md:5:10: error: cadence: expected a duration such as 10d, 6w, "
        "3m, 1y or never, found 30 (did you mean 30d?)",
    ),
    case(
        "birthday-feb-30.md",
        "contacts/birthday-feb-30.md:3:11: error: birthday: 1990-02-30 is not a real date",
    ),
    case(
        "birthday-no-year-bad.md",
        "contacts/birthday-no-year-bad.md:3:11: error: birthday: --02-30 is not a real date",
    ),
    case(
        "birthday-text.md",
        "contacts/birthday-text.md:3:11: error: birthday: expected YYYY-MM-DD, or --MM-DD when the "
        "year is unknown, found '3 March'",
    ),
    case(
        "birthday-future.md",
        "contacts/birthday-future.md:3: error: birthday: 2030-05-01 is in the future",
    ),
    case(
        "snooze-text.md",
        "contacts/snooze-text.md:3:9: error: snooze: expected a date YYYY-MM-DD, found 'next spring'",
    ),
    case(
        "snooze-list.md",
        "contacts/snooze-list.md:3:9: error: snooze: expected a date YYYY-MM-DD, found a list",
    ),
    case(
        "snooze-quoted-bad-date.md",
        "contacts/snooze-quoted-bad-date.md:3:9: error: snooze: 2027-02-30 is not a real date",
    ),
    case(
        "met-date-bad.md",
        "contacts/met-date-bad.md:5:9: error: met.date: 2019-13 is not a real date",
    ),
    case(
        "met-date-future.md",
        "contacts/met-date-future.md:5: error: met.date: 2027-06 is in the future",
    ),
    case(
        "met-unknown-key.md",
        "contacts/met-unknown-key.md:5:3: warning: met: unknown key 'place'; met has date, "
        "where, via",
    ),
    case(
        "dates-not-mapping.md",
        "contacts/dates-not-mapping.md:4:5: error: dates: each entry is a mapping such as "
        "{date: 2026-03-01, label: started at Acme}",
    ),
    case("dates-no-date.md", "contacts/dates-no-date.md:4:5: error: dates: this entry has no date"),
    case(
        "dates-no-label.md",
        "contacts/dates-no-label.md:4:5: error: dates: the entry on 2020-01-01 needs a label, "
        "such as 'started at Acme'",
    ),
    case(
        "dates-unknown-key.md",
        "contacts/dates-unknown-key.md:6:5: warning: dates: unknown key 'city'; an entry has "
        "date, label, yearly",
    ),
    # Words from a fixed list, addresses and numbers.
    case(
        "status-off.md",
        "contacts/status-off.md:3: error: status: unknown status 'off'; use one of: active, "
        "paused, declined, archived",
    ),
    case(
        "unknown-status.md",
        "contacts/unknown-status.md:3: error: status: unknown status 'busy'; use one of: "
        "active, paused, declined, archived",
    ),
    case(
        "unknown-circle.md",
        "contacts/unknown-circle.md:3: error: circle: unknown circle 'frends' (did you mean "
        "friend?); use one of: close, friend, colleague, network, acquaintance",
    ),
    case(
        "unknown-channel.md",
        f"contacts/unknown-channel.md:3: error: channel: unknown channel 'carrier pigeon'; use "
        f"one of: {CHANNELS}",
    ),
    case(
        "email-invalid.md",
        "contacts/email-invalid.md:5: error: emails: ada.example.org is not a valid address: "
        "an email address must have an @-sign",
    ),
    case(
        "phone-local-bad.md",
        "contacts/phone-local-bad.md:3: error: phones: call after six is not a phone number "
        "(digits, spaces, - ( ) . / only; start with + for international)",
    ),
    case(
        "phone-international-bad.md",
        "contacts/phone-international-bad.md:3: error: phones: +44 20 1234 is not a valid "
        "number for GB",
    ),
    case(
        "phone-unparsable.md",
        "contacts/phone-unparsable.md:3: error: phones: +999 123456 is not a phone number "
        "(could not interpret numbers after plus-sign)",
    ),
    # Rules across files.
    case(
        ("duplicate-email-first.md", "duplicate-email-second.md"),
        "contacts/duplicate-email-second.md:3: error: emails: Ada@Example.org is also the "
        "address of contacts/duplicate-email-first.md; is this the same person?",
    ),
    case(
        "met-via-missing.md",
        "contacts/met-via-missing.md:5: error: met.via: no contact 'grace-hopper' in contacts/",
    ),
    case(
        "knows-missing.md",
        "contacts/knows-missing.md:4: error: knows: no contact 'charles-babbage' in contacts/",
    ),
    case(
        "knows-not-a-slug.md",
        "contacts/knows-not-a-slug.md:3: error: knows: no contact 'charles babbage' in "
        "contacts/ (write the file name without .md, such as charles-babbage)",
    ),
    case(
        "knows-self.md",
        "contacts/knows-self.md:3: warning: knows: knows-self is this contact itself",
    ),
    # The ## Log section.
    case(
        "log-stray-line.md",
        f"contacts/log-stray-line.md:7: warning: log: this line is not a log entry and is "
        f"ignored; write entries as '{ENTRY}'",
    ),
    case(
        "log-bad-date.md", "contacts/log-bad-date.md:6: error: log: 2026-11-31 is not a real date"
    ),
    case(
        "log-no-channel.md",
        f"contacts/log-no-channel.md:6: error: log: name the channel after ->, as in "
        f"'- 2026-11-02 -> email: ...' (one of: {CHANNELS})",
    ),
    case(
        "log-unknown-channel.md",
        f"contacts/log-unknown-channel.md:6: error: log: unknown channel 'mail' (did you mean "
        f"'email'?); channels are: {CHANNELS}",
    ),
    case(
        "log-no-date.md",
        f"contacts/log-no-date.md:6: error: log: an entry starts with its date, as in '{ENTRY}'",
    ),
    case(
        "log-no-arrow.md",
        f"contacts/log-no-arrow.md:6: error: log: after the date write ->, <-, <-> or note, as "
        f"in '{ENTRY}' (found 'email:')",
    ),
    case(
        "log-no-colon.md",
        "contacts/log-no-colon.md:6: error: log: put a ':' before the text, as in "
        "'- 2026-11-02 -> email: ...'",
    ),
    case(
        "log-future.md",
        "contacts/log-future.md:6: warning: log: 2026-12-24 is in the future (today is "
        "2026-12-01); is the date right?",
    ),
    # Files that are fine, though they look risky.
    case("crlf-and-bom.md"),
    case("content-and-handler-keys.md"),
    case("tags-as-text.md"),
    # The configuration in mkdocs.yml.
    case(
        "config-unknown-option.yml",
        "mkdocs.yml:4:7: error: kithbook: unknown option 'follow_up' (did you mean follow_ups?)",
    ),
    case(
        "config-bad-duration.yml",
        "mkdocs.yml:4:24: error: default_cadence: expected a duration such as 10d, 6w, 3m, 1y or "
        "never, found 30 (did you mean 30d?)",
        "mkdocs.yml:5:18: error: lookahead: expected a duration such as 10d, 6w, 3m, 1y or never, "
        "found 'two weeks'",
    ),
    case(
        "config-never.yml",
        "mkdocs.yml:4:24: error: follow_up_after: must be a duration such as 10d, not never",
    ),
    case(
        "config-circle-name.yml",
        "mkdocs.yml:5:9: error: circles: circle names are lowercase words, found 'Close Friends'",
    ),
    case(
        "config-bad-count.yml",
        "mkdocs.yml:4:19: error: follow_ups: expected a whole number of at least 0, found -1",
    ),
    case(
        "config-region.yml",
        "mkdocs.yml:4:21: error: phone_region: expected a two-letter country code such as GB or US",
    ),
    case(
        "config-not-mapping.yml",
        "mkdocs.yml:3:15: error: kithbook: expected a mapping (key: value lines), found a list",
    ),
    case(
        "config-bad-yaml.yml",
        "mkdocs.yml:5:4: error: not valid YAML: did not find expected '-' indicator; check this "
        "line's indentation: it is inside the list above",
    ),
    case(
        "config-duplicate-option.yml",
        "mkdocs.yml:4: error: follow_ups: written twice (again on line 6); remove one of them",
    ),
    case(
        "config-invalid-utf8.yml",
        "mkdocs.yml:1: error: not valid UTF-8 (byte 0xe9 at column 15); save the file as UTF-8",
    ),
]


def network_of(tmp_path: Path, names: tuple[str, ...]) -> Path:
    """A network holding the named fixture files: contacts/*.md, and mkdocs.yml from a *.yml."""
    (tmp_path / "contacts").mkdir(parents=True)
    for name in names:
        target = tmp_path / "mkdocs.yml" if name.endswith(".yml") else tmp_path / "contacts" / name
        shutil.copyfile(FIXTURES / name, target)
    return tmp_path


def validate_output(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], int]:
    """The problem lines `kith validate` prints for a network, and its exit code."""
    code = main(["validate", "--root", str(root), "--today", "2026-12-01"])
    printed = capsys.readouterr().out.splitlines()
    return [line for line in printed if " checked: " not in line], code


@pytest.mark.parametrize(("names", "expected"), GOLDEN)
def test_each_fixture_prints_exactly_its_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], names: tuple[str, ...], expected: list[str]
) -> None:
    lines, code = validate_output(network_of(tmp_path, names), capsys)
    assert lines == expected
    assert code == (1 if any(": error: " in line for line in expected) else 0)


def write_huge_file(root: Path) -> None:
    """A 50 MB contact file, made here rather than committed."""
    with (root / "contacts" / "huge.md").open("wb") as file:
        file.write(b"---\nname: Ada Lovelace\n---\n")
        file.write(b"- 2026-11-02 -> email: hello\n" * (50_000_000 // 29))


def write_huge_config(root: Path) -> None:
    """A 2 MB mkdocs.yml (a stray link to a large file reads the same)."""
    (root / "mkdocs.yml").write_bytes(b"# padding\n" * 200_000)


GENERATED: list[tuple[Callable[[Path], None], list[str]]] = [
    (
        write_huge_file,
        [
            "contacts/huge.md:1: error: the file is larger than 1 MB, the limit for a contact file "
            "(max_file_bytes in mkdocs.yml); is it really a contact?"
        ],
    ),
    (
        write_huge_config,
        ["mkdocs.yml:1: error: the file is larger than 1 MB; is it really mkdocs.yml?"],
    ),
]


@pytest.mark.parametrize(("build", "expected"), GENERATED, ids=["50-mb-file", "2-mb-mkdocs-yml"])
def test_a_generated_file_prints_exactly_its_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    build: Callable[[Path], None],
    expected: list[str],
) -> None:
    (tmp_path / "contacts").mkdir()
    build(tmp_path)
    lines, code = validate_output(tmp_path, capsys)
    assert (lines, code) == (expected, 1)


def test_every_fixture_file_has_a_golden_case() -> None:
    used = {name for param in GOLDEN for name in param.values[0]}
    assert used == {path.name for path in FIXTURES.iterdir()}


def test_every_check_name_is_printed_by_some_golden_case(tmp_path: Path, today: dt.date) -> None:
    seen: set[str] = set()
    for index, param in enumerate(GOLDEN):
        seen |= {
            problem.check
            for problem in validate(load(network_of(tmp_path / str(index), param.values[0])), today)
        }
    for index, (build, _) in enumerate(GENERATED):
        root = tmp_path / f"generated-{index}"
        (root / "contacts").mkdir(parents=True)
        build(root)
        seen |= {problem.check for problem in validate(load(root), today)}
    assert seen == set(CHECK_NAMES)
