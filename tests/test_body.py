"""The body of a contact file: `## Log` entries, public notes, and the `## Private` section."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithbook.config import DEFAULT_CHANNELS
from kithbook.model import LogEntry
from kithbook.parse.body import _careful_log, _simple_log, known_channels, parse_body

FIRST_LINE = 5  # the body starts on line 5 of the file, after a three-line front matter


def body_of(text: str):
    return parse_body(
        textwrap.dedent(text).lstrip("\n"), FIRST_LINE, "contacts/ada.md", DEFAULT_CHANNELS
    )


def lines_of(text: str) -> list[str]:
    """The non-blank lines of a text: notes are compared without caring for blank lines."""
    return [line for line in text.split("\n") if line.strip()]


def problems_of(text: str) -> list[str]:
    return [
        f"{problem.line}: {problem.severity}: {problem.message}"
        for problem in body_of(text).problems
    ]


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        (
            "- 2026-11-02 -> email: Congratulated her on the new role",
            LogEntry(dt.date(2026, 11, 2), "out", "email", "Congratulated her on the new role", 6),
        ),
        (
            "- 2026-11-10 <- email: She replied; coffee in December",
            LogEntry(dt.date(2026, 11, 10), "in", "email", "She replied; coffee in December", 6),
        ),
        (
            "- 2026-12-03 <-> in-person: Coffee near her office. #lead",
            LogEntry(dt.date(2026, 12, 3), "both", "in-person", "Coffee near her office. #lead", 6),
        ),
        (
            "- 2026-12-04 note: Heard she is moving to Berlin",
            LogEntry(dt.date(2026, 12, 4), "note", None, "Heard she is moving to Berlin", 6),
        ),
        ("* 2026-1-5 -> Phone: called", LogEntry(dt.date(2026, 1, 5), "out", "phone", "called", 6)),
        ("- 2026-11-02 ->email", LogEntry(dt.date(2026, 11, 2), "out", "email", "", 6)),
        ("- 2026-11-02 note", LogEntry(dt.date(2026, 11, 2), "note", None, "", 6)),
    ],
    ids=[
        "out",
        "in",
        "both-with-tag",
        "note",
        "star-short-date-capital-channel",
        "no-text",
        "bare-note",
    ],
)
def test_a_log_entry_has_date_direction_channel_text_tags_and_line(
    line: str, entry: LogEntry
) -> None:
    body = body_of(f"## Log\n{line}\n")
    assert (body.log, body.problems) == ((entry,), ())
    assert body.log[0].tags == (("lead",) if "#lead" in line else ())


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Lunch #lead #Mentor", ("lead", "mentor")),
        ("#lead first, then #lead again", ("lead",)),
        ("see https://example.org/#anchor and a#b", ()),
        ("fish &#38; chips", ()),
        ("ranked #1 in town", ()),
        ("#job-lead and #follow_up", ("job-lead", "follow_up")),
    ],
)
def test_hash_words_in_an_entry_are_its_tags(text: str, tags: tuple[str, ...]) -> None:
    assert body_of(f"## Log\n- 2026-11-02 -> email: {text}\n").log[0].tags == tags


def test_indented_lines_and_nested_items_continue_an_entry() -> None:
    body = body_of("""
        ## Log
        - 2026-11-02 <-> video: Long call.
          She is hiring. #lead

          - a data role
          - maybe remote
        - 2026-11-03 note: Sent the job link
        """)
    assert [(entry.line, entry.text, entry.tags) for entry in body.log] == [
        (6, "Long call.\nShe is hiring. #lead\n- a data role\n- maybe remote", ("lead",)),
        (11, "Sent the job link", ()),
    ]
    assert body.problems == ()


def test_an_indented_dated_item_is_an_entry_of_its_own() -> None:
    body = body_of("""
        ## Log
        - 2026-11-02 -> email: hello
          - 2026-11-05 <- email: reply
        """)
    assert [(entry.date.day, entry.line) for entry in body.log] == [(2, 6), (5, 7)]


def test_log_entries_keep_the_order_written_whatever_their_dates() -> None:
    body = body_of("## Log\n- 2026-12-01 -> email: b\n- 2025-01-01 -> email: a\n")
    assert [entry.text for entry in body.log] == ["b", "a"]


def test_the_log_need_not_be_the_last_section() -> None:
    body = body_of("""
        Met at PyCon.

        ## Log
        - 2026-11-02 -> email: hello

        ## Projects
        The analytical engine.
        """)
    assert [entry.text for entry in body.log] == ["hello"]
    assert lines_of(body.notes) == ["Met at PyCon.", "## Projects", "The analytical engine."]


def test_the_private_section_is_kept_out_of_the_notes() -> None:
    body = body_of("""
        Public note.

        ## Private
        Going through a divorce.

        ## Log
        - 2026-11-02 -> email: hello

        ## Later
        Public again.
        """)
    assert body.private_notes == "Going through a divorce."
    assert "divorce" not in body.notes
    assert lines_of(body.notes) == ["Public note.", "## Later", "Public again."]
    assert len(body.log) == 1


def test_headings_inside_code_fences_are_not_sections() -> None:
    body = body_of("""
        Notes:

        ```
        ## Log
        - 2026-11-02 -> fax: not a log
        ```

        ~~~
        ## Private
        ~~~
        """)
    assert (body.log, body.private_notes, body.problems) == ((), "", ())
    assert "## Log" in body.notes and "## Private" in body.notes


@pytest.mark.parametrize(
    "heading",
    ["## Log", "# Log", "## log", "## Log ##", "##   Log   "],
)
def test_the_log_heading_is_level_one_or_two_in_any_case(heading: str) -> None:
    assert len(body_of(f"{heading}\n- 2026-11-02 -> email: hi\n").log) == 1


def test_a_level_three_log_heading_is_a_plain_note() -> None:
    body = body_of("### Log\n- 2026-11-02 -> email: hi\n")
    assert (body.log, body.problems) == ((), ())
    assert body.notes == "### Log\n- 2026-11-02 -> email: hi"


def test_without_a_log_section_the_whole_body_is_notes() -> None:
    body = body_of("Met at PyCon.\n- 2026-11-02 -> email: a list item, not a log\n")
    assert (body.log, body.problems) == ((), ())
    assert body.notes.startswith("Met at PyCon.")


CHANNELS = ", ".join(DEFAULT_CHANNELS)
EXAMPLE = "- 2026-11-02 -> email: what happened"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("- 2026-11-31 -> email: x", "6: error: log: 2026-11-31 is not a real date"),
        ("- 2026-13-01 note: x", "6: error: log: 2026-13-01 is not a real date"),
        (
            "- 2026-11-02 ->: x",
            f"6: error: log: name the channel after ->, as in '- 2026-11-02 -> email: ...' "
            f"(one of: {CHANNELS})",
        ),
        (
            "- 2026-11-02 <-> faxx: x",
            f"6: error: log: unknown channel 'faxx'; channels are: {CHANNELS}",
        ),
        (
            "- 2026-11-02 -> e-mail: x",
            f"6: error: log: unknown channel 'e-mail' (did you mean 'email'?); channels are: "
            f"{CHANNELS}",
        ),
        ("- coffee with Ada", f"6: error: log: an entry starts with its date, as in '{EXAMPLE}'"),
        (
            "- 02/11/2026 -> email: x",
            f"6: error: log: an entry starts with its date, as in '{EXAMPLE}'",
        ),
        (
            "- 2026-11-02 email: x",
            f"6: error: log: after the date write ->, <-, <-> or note, as in '{EXAMPLE}' "
            "(found 'email:')",
        ),
        (
            "- 2026-11-02 → email: x",
            f"6: error: log: after the date write ->, <-, <-> or note, as in '{EXAMPLE}' "
            "(found '→')",
        ),
        (
            "- 2026-11-02 -> email asked about coffee",
            "6: error: log: put a ':' before the text, as in '- 2026-11-02 -> email: ...'",
        ),
        (
            "- 2026-11-02 note heard news",
            "6: error: log: put a ':' before the text, as in '- 2026-11-02 note: ...'",
        ),
        (
            "Called her today.",
            f"6: warning: log: this line is not a log entry and is ignored; write entries as "
            f"'{EXAMPLE}'",
        ),
    ],
)
def test_a_malformed_log_line_is_reported_on_its_line(line: str, problem: str) -> None:
    assert problems_of(f"## Log\n{line}\n") == [problem]


def test_an_unknown_channel_is_reported_but_the_entry_is_kept() -> None:
    body = body_of("## Log\n- 2026-11-02 -> pigeon: x\n")
    assert [entry.channel for entry in body.log] == ["pigeon"]


def test_every_bad_line_of_a_log_is_reported_and_the_good_ones_kept() -> None:
    body = body_of("""
        ## Log
        - 2026-11-02 -> email: good
        - 2026-11-31 -> email: bad date
        stray
        - 2026-11-03 <- email: good again
        """)
    assert [entry.text for entry in body.log] == ["good", "good again"]
    assert [(problem.line, problem.severity) for problem in body.problems] == [
        (7, "error"),
        (8, "warning"),
    ]


def test_channels_come_from_the_configuration() -> None:
    body = parse_body(
        "## Log\n- 2026-11-02 -> signal: hi\n- 2026-11-03 -> email: hi\n",
        1,
        "contacts/ada.md",
        ("signal",),
    )
    assert [entry.channel for entry in body.log] == ["signal", "email"]
    assert [problem.line for problem in body.problems] == [3]


# The loader reads well-formed logs on a fast path (one regex and a few maps per section) and
# everything else line by line. Whenever the fast path answers, it must answer as the careful
# reader would: same entries, same lines, same text, and no problem the careful reader would report.
LOG_PIECES = {
    "bullet": st.sampled_from(["- ", "* ", "+ ", "-\t", "   - ", "    - ", "-", " "]),
    "date": st.sampled_from(
        [
            "2026-11-02",
            "2026-1-5",
            "2026-02-30",
            "2026-13-01",
            "20261102",
            "2024-02-29",
            "0000-01-01",
        ]
    ),
    "gap": st.sampled_from([" ", "\t", "  ", "", "\u00a0"]),
    "arrow": st.sampled_from(["->", "<-", "<->", "note", "=>", "", "-> ", "Note"]),
    "channel": st.sampled_from(
        ["email", "phone", "in-person", "Email", "pigeon", "", "e_mail", "video2"]
    ),
    "colon": st.sampled_from([": ", ":", " : ", "", ":\t", ": \u00a0"]),
    "text": st.text(
        st.sampled_from(list("ab #-:\t\u00a0\u2003\x1c\x0b\x85\u3000.&/é")), max_size=12
    ),
}


@st.composite
def log_lines(draw) -> str:
    parts = [
        draw(LOG_PIECES[name])
        for name in ("bullet", "date", "gap", "arrow", "gap", "channel", "colon", "text")
    ]
    return "".join(parts)


@st.composite
def good_log_lines(draw) -> str:
    """Well-formed entries with the spacing, text and whitespace varied: the fast path's ground."""
    bullet = draw(st.sampled_from(["- ", "* ", "+ ", "  - ", "-\t"]))
    date = draw(st.sampled_from(["2026-11-02", "2024-02-29", "2025-12-31"]))
    kind = draw(st.sampled_from(["-> email", "<-phone", "<->  in-person", "note", "-> video"]))
    ending = draw(st.sampled_from(["", ":", ": ", ":\t", " : "])) + draw(LOG_PIECES["text"])
    return f"{bullet}{date}{draw(st.sampled_from([' ', '  ', chr(9)]))}{kind}{ending}"


@pytest.mark.slow
@given(
    st.lists(
        st.one_of(
            good_log_lines(),
            good_log_lines(),
            log_lines(),
            st.sampled_from(["", "  continued", "plain words"]),
        ),
        max_size=6,
    )
)
@settings(max_examples=800, deadline=None)
def test_the_fast_log_path_reads_as_the_careful_reader_does(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    logs = [(FIRST_LINE, text)]
    fast = _simple_log(logs, known_channels(DEFAULT_CHANNELS))
    careful, problems = _careful_log(logs, "contacts/ada.md", DEFAULT_CHANNELS)
    if fast is not None:
        assert (fast, problems) == (careful, [])
        assert [entry.tags for entry in fast] == [entry.tags for entry in careful]


def test_the_fast_log_path_takes_the_common_entries() -> None:
    text = "- 2026-11-02 -> email: Hello #intro \n- 2026-11-03 note: heard \u00a0\n\n"
    fast = _simple_log([(FIRST_LINE, text)], known_channels(DEFAULT_CHANNELS))
    assert fast is not None
    assert [(entry.text, entry.tags, entry.line) for entry in fast] == [
        ("Hello #intro", ("intro",), 5),
        ("heard", (), 6),
    ]


def test_a_note_has_no_channel_even_when_the_channels_include_an_empty_name() -> None:
    channels = ("email", "")
    assert parse_body("## Log\n- 2026-11-02 note: heard\n", 5, "x", channels).log[0].channel is None
