"""Property tests: no input, however broken, makes the loader or the validator raise.

Every problem found must carry the file's path and a line inside the file, so that an editor can
jump to it. The strategies build arbitrary bytes, arbitrary text, and text shaped like a contact
file (`---`, YAML-ish lines, `---`, a body with a log) salted with the traps real files hit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithbook.config import DEFAULT_CHANNELS, Config, config_from_bytes
from kithbook.parse.body import parse_body
from kithbook.parse.keys import KEYS
from kithbook.parse.load import load_files, parse_contact
from kithbook.rules.validate import validate

TODAY = dt.date(2026, 12, 1)
PATH = "contacts/ada-lovelace.md"
FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRAPS = [
    "No",
    "off",
    "yes",
    "~",
    "2024",
    "0123456",
    "0x1F",
    "1:20:30",
    ".inf",
    "1e999",
    "9" * 5000,
    "2025-13-01",
    "1990-02-30",
    "--02-29",
    "--13-40",
    "2019-06",
    "2026-12-02",
    "10d",
    "6w",
    "never",
    "30",
    "0d",
    "!!bool maybe",
    "!!timestamp soon",
    "!!int x",
    '!!int ""',
    '!!float ""',
    "!!binary aGk=",
    "!custom x",
    "!!python/object:os.system x",
    "&a [x, x]",
    "*a",
    "*undefined",
    "[a, b",
    "{a: 1",
    "[[[[[[",
    '"unclosed',
    "'single'",
    "|",
    ">-",
    "@ada",
    "`tick`",
    "%x",
    "a: b: c",
    "- item",
    "[]",
    "{}",
    "[a, {b: [c, d]}]",
    "{date: 2019-13, label: x, yearly: maybe}",
    "{via: Grace Hopper}",
    "ada@example.org",
    "[ada@example, +44 20 1234]",
    "\t",
    "é",
    "\u2028",
    "\x85",
    "\x07",
]
KEY_NAMES = [*KEYS, "emial", "birthdate", "cadance", "content", "handler", "<<", "? [a]", "-", ""]


def problems_are_located(problems: list, text_lines: int) -> bool:
    """Each problem names the file and a line from 1 to the file's last line (or one past it)."""
    return all(
        problem.path == PATH and 1 <= problem.line <= text_lines + 1 and "\n" not in problem.message
        for problem in problems
    )


def line_count(data: bytes) -> int:
    """Lines as an editor counts them, and the loader: CRLF, LF and a lone CR each end one."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def check_never_raises(data: bytes) -> None:
    problems: list = []
    contact = parse_contact(PATH, data, Config(), problems)
    assert contact is not None or problems
    assert problems_are_located(problems, line_count(data))
    network = load_files(Path("."), Config(), [(PATH, data)])
    assert problems_are_located(validate(network, TODAY), line_count(data))


@pytest.mark.slow
@FUZZ
@given(st.binary(max_size=2000))
def test_parse_contact_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    check_never_raises(data)


@pytest.mark.slow
@FUZZ
@given(st.text(max_size=2000))
def test_parse_contact_never_raises_on_arbitrary_text(text: str) -> None:
    check_never_raises(text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@FUZZ
@given(st.binary(max_size=300))
def test_parse_contact_never_raises_on_bytes_inside_front_matter(junk: bytes) -> None:
    check_never_raises(b"---\nname: Ada\n" + junk + b"\n---\n")


indent = st.sampled_from(["", "", "", "  ", "    ", " ", "\t"])
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
yaml_values = st.one_of(st.sampled_from(TRAPS), words, st.integers().map(str), st.dates().map(str))
yaml_line = st.one_of(
    st.builds(
        lambda pad, key, value: f"{pad}{key}: {value}",
        indent,
        st.one_of(st.sampled_from(KEY_NAMES), words),
        yaml_values,
    ),
    st.builds(lambda pad, value: f"{pad}- {value}", indent, yaml_values),
    st.builds(lambda pad, key: f"{pad}{key}:", indent, st.sampled_from(KEY_NAMES)),
    st.sampled_from(["---", "...", "#", "# a comment", "", "? complex", ": value"]),
    words,
)
log_line = st.one_of(
    st.builds(
        lambda day, arrow, channel, text: f"- {day} {arrow} {channel}: {text}",
        st.dates().map(str) | st.sampled_from(["2026-13-01", "2026-1-5", "02/11/2026"]),
        st.sampled_from(["->", "<-", "<->", "note", "", "→"]),
        st.sampled_from([*DEFAULT_CHANNELS, "fax", "", "Email"]),
        words,
    ),
    st.builds(lambda pad, text: f"{pad}{text}", indent, words),
    st.sampled_from(
        [
            "## Log",
            "# Log",
            "## Private",
            "## Notes",
            "```",
            "~~~",
            "- ",
            "-",
            "",
            "  - nested",
            "* 2026-11-02 note: x #tag",
            "- 2026-11-02 -> email x",
        ]
    ),
)
contact_text = st.builds(
    lambda front, body, crlf, bom: (
        ("\ufeff" if bom else "") + "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body)
    ).replace("\n", "\r\n" if crlf else "\n"),
    st.lists(yaml_line, max_size=15),
    st.lists(log_line, max_size=15),
    st.booleans(),
    st.booleans(),
)


@pytest.mark.slow
@FUZZ
@given(contact_text)
def test_parse_contact_never_raises_on_front_matter_shaped_text(text: str) -> None:
    check_never_raises(text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@FUZZ
@given(st.lists(yaml_line, max_size=15))
def test_config_never_raises_on_a_broken_kithbook_entry(lines: list[str]) -> None:
    text = "site_name: x\nplugins:\n  - kithbook:\n" + "".join(f"      {line}\n" for line in lines)
    config, problems = config_from_bytes(text.encode("utf-8", "surrogatepass"))
    assert isinstance(config, Config)
    assert all(problem.path == "mkdocs.yml" and problem.line >= 1 for problem in problems)


entry = st.builds(
    lambda day, arrow, channel, text: (
        f"- {day} note: {text}" if arrow == "note" else f"- {day} {arrow} {channel}: {text}"
    ),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(str),
    st.sampled_from(["->", "<-", "<->", "note"]),
    st.sampled_from(DEFAULT_CHANNELS),
    st.text(st.characters(codec="ascii", exclude_characters="\n\r"), max_size=30)
    | st.sampled_from(["Lunch #lead", "#a-b and #c_d", "see https://x.example/#frag"]),
)


@pytest.mark.slow
@FUZZ
@given(st.lists(entry, min_size=1, max_size=12))
def test_a_log_reads_the_same_whether_or_not_a_stray_line_forces_the_careful_path(
    entries: list[str],
) -> None:
    clean = parse_body("## Log\n" + "\n".join(entries) + "\n", 10, PATH, DEFAULT_CHANNELS)
    careful = parse_body("## Log\n" + "\n".join(entries) + "\nstray\n", 10, PATH, DEFAULT_CHANNELS)
    assert clean.problems == ()
    assert [problem.line for problem in careful.problems] == [11 + len(entries)]
    assert clean.log == careful.log


front_matter_text = st.builds(
    lambda front, body: "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body),
    st.lists(yaml_line, max_size=15),
    st.lists(log_line, max_size=15),
)


@pytest.mark.slow
@FUZZ
@given(front_matter_text)
def test_crlf_and_a_bom_change_no_problem_and_no_line(text: str) -> None:
    def problems_of(data: bytes) -> list[str]:
        found: list = []
        parse_contact(PATH, data, Config(), found)
        return [str(problem) for problem in found]

    text = text.replace("\r", "")  # a CR of its own is a line break too, so no longer "plain"
    plain = text.encode("utf-8", "surrogatepass")
    windows = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    assert problems_of(windows) == problems_of(plain)


good_line = st.sampled_from(
    [
        "company: Acme",
        "role: Engineer",
        "emails: [ada@example.org]",
        "tags: [mentor]",
        "cadence: 6w",
        "met:\n  date: 2019\n  where: PyCon",
        "links:\n  github: ada",
        "dates:\n  - date: 2020-01-01\n    label: moved",
        "# a comment",
        "",
        "aka:\n  - Augusta",
        "memories: |\n  the poetry night\n  and the engine",
    ]
)


@pytest.mark.slow
@FUZZ
@given(
    st.lists(good_line, max_size=12, unique=True),
    st.integers(0, 12),
    st.sampled_from(
        [
            "birthday: 1990-02-30",
            "birthday: 2025-13-01",
            "name2: x",
            "cadence: 30",
            "status: off",
            "phones: [0123456]",
        ]
    ),
)
def test_a_bad_key_is_reported_on_its_own_line_wherever_it_is(
    good: list[str], position: int, bad: str
) -> None:
    good = [line for line in good if line.split(":")[0] != bad.split(":")[0]]  # no duplicate key
    before, after = good[:position], good[position:]
    lines = ["name: Ada Lovelace", *before, bad, *after]
    bad_line = 2 + sum(line.count("\n") + 1 for line in [lines[0], *before])
    found: list = []
    text = "---\n" + "\n".join(lines) + "\n---\n"
    parse_contact(PATH, text.encode(), Config(), found)
    network = load_files(Path("."), Config(), [(PATH, text.encode())])
    problems = [*found, *validate(network, TODAY)]
    assert problems
    assert {problem.line for problem in problems} == {bad_line}


note_line = st.sampled_from(
    [
        "Met at PyCon.",
        "",
        "## Projects",
        "```",
        "## Log inside",
        "~~~",
        "- a list item",
        "    indented code",
        "# Title",
        "### Deeper",
    ]
)


@pytest.mark.slow
@FUZZ
@given(
    st.lists(note_line, max_size=8),
    st.lists(entry, max_size=6),
    st.lists(entry, max_size=6),
    st.sampled_from(
        [
            "- 2026-11-31 -> email: x",
            "- 2026-11-02 -> fax: x",
            "- hello",
            "stray text",
            "- 2026-11-02 -> email asked",
        ]
    ),
)
def test_a_bad_log_line_is_reported_on_its_own_line_after_any_notes(
    notes: list[str], before: list[str], after: list[str], bad: str
) -> None:
    notes = notes + ["```"] if notes.count("```") % 2 else notes  # close an open fence
    notes = notes + ["~~~"] if notes.count("~~~") % 2 else notes
    lines = [*notes, "## Log", *before, bad, *after]
    body = parse_body("\n".join(lines) + "\n", 20, PATH, DEFAULT_CHANNELS)
    assert [problem.line for problem in body.problems] == [20 + len(notes) + 1 + len(before)]
    assert len(body.log) == len(before) + len(after) + (1 if "fax" in bad else 0)
