"""Edits change only the characters they must: whole hand-written files compared byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithbook.config import Config
from kithbook.parse.document import lf_text, split
from kithbook.parse.load import parse_contact
from kithbook.write.edit import (
    EditError,
    add_list_item,
    append_log_entry,
    format_log_line,
    render_new_contact,
    set_key,
    set_mapping_entry,
    yaml_scalar,
)
from kithbook.write.text import Text

FIXTURES = Path(__file__).parent / "fixtures" / "handwritten"
LOG_LINE = "- 2026-11-30 -> phone: Called about the trip"


def fixture(name: str) -> str:
    """A hand-written file's exact text (line endings untouched, a BOM kept as U+FEFF)."""
    return (FIXTURES / name).read_bytes().decode("utf-8")


def log(text: str) -> str:
    return append_log_entry(text, LOG_LINE)


# (fixture, edit, the exact text before, the exact text after): nothing else in the file may change.
CASES = [
    (
        "comments.md",
        lambda t: set_key(t, "circle", "friend"),
        "circle: close\n",
        "circle: friend\n",
    ),
    (
        "comments.md",
        lambda t: set_key(t, "name", "Ada Q. Quillfeather"),
        "name: Ada Quillfeather   # her full name",
        "name: Ada Q. Quillfeather   # her full name",
    ),
    (
        "comments.md",
        lambda t: add_list_item(t, "emails", "work@example.org"),
        "  - ada@example.org   # personal\n",
        "  - ada@example.org   # personal\n  - work@example.org\n",
    ),
    (
        "comments.md",
        lambda t: add_list_item(t, "aka", "Countess"),
        "aka: [Addie]  #",
        "aka: [Addie, Countess]  #",
    ),
    (
        "comments.md",
        lambda t: set_mapping_entry(t, "links", "linkedin", "https://example.org/in/ada"),
        "  github: adaquill   # handle\n",
        "  github: adaquill   # handle\n  linkedin: https://example.org/in/ada\n",
    ),
    (
        "comments.md",
        lambda t: set_mapping_entry(t, "met", "date", "2012-10"),
        "  date: 2012-09\n",
        "  date: 2012-10\n",
    ),
    (
        "comments.md",
        lambda t: set_mapping_entry(t, "met", "where", "Climbing wall"),
        "  where: 'University climbing club'\n",
        "  where: 'Climbing wall'\n",
    ),
    (
        "comments.md",
        lambda t: set_key(t, "company", 'Acme: the "best"'),
        'company: "Lanternfish Analytics"\n',
        'company: "Acme: the \\"best\\""\n',
    ),
    ("comments.md", log, "fellowship link\n", f"fellowship link\n{LOG_LINE}\n"),
    ("crlf.md", lambda t: set_key(t, "circle", "close"), "circle: friend\r\n", "circle: close\r\n"),
    (
        "crlf.md",
        lambda t: add_list_item(t, "tags", "go"),
        "tags: [python, chess]\r\n",
        "tags: [python, chess, go]\r\n",
    ),
    (
        "crlf.md",
        lambda t: set_key(t, "snooze", dt.date(2027, 1, 10)),
        "circle: friend\r\n",
        "circle: friend\r\nsnooze: 2027-01-10\r\n",
    ),
    ("crlf.md", log, "the tournament\r\n", f"the tournament\r\n{LOG_LINE}\r\n"),
    ("no-final-newline.md", log, "She wrote first", f"She wrote first\n{LOG_LINE}"),
    (
        "no-final-newline.md",
        lambda t: set_key(t, "snooze", dt.date(2027, 1, 10)),
        "circle: colleague\n",
        "circle: colleague\nsnooze: 2027-01-10\n",
    ),
    ("no-log.md", log, "first editions.\n", f"first editions.\n\n## Log\n{LOG_LINE}\n"),
    (
        "no-log.md",
        lambda t: set_key(t, "company", "No"),
        "company: Fenwick & Daughters\n",
        'company: "No"\n',
    ),
    ("log-not-last.md", log, "as promised\n", f"as promised\n{LOG_LINE}\n"),
    (
        "log-not-last.md",
        lambda t: set_key(t, "status", "paused"),
        "circle: network\n",
        "circle: network\nstatus: paused\n",
    ),
    ("unicode.md", lambda t: add_list_item(t, "aka", "Jo"), "- 호세\n", "- 호세\n- Jo\n"),
    (
        "unicode.md",
        lambda t: set_key(t, "location", "São Paulo"),
        'location: "Zürich"\n',
        'location: "São Paulo"\n',
    ),
    (
        "unicode.md",
        lambda t: set_mapping_entry(t, "links", "github", "jose"),
        '"@jose@example.org"}',
        '"@jose@example.org", github: jose}',
    ),
    (
        "unicode.md",
        lambda t: set_mapping_entry(t, "links", "website", "https://müller.example.org"),
        '{website: "https://jose.example.org",',
        '{website: "https://müller.example.org",',
    ),
    ("unicode.md", log, "#newyear\n", f"#newyear\n{LOG_LINE}\n"),
    (
        "quoted-styles.md",
        lambda t: set_key(t, "role", "CTO"),
        "role: >\n  Head of\n  Research\n",
        "role: CTO\n",
    ),
    (
        "quoted-styles.md",
        lambda t: set_key(t, "snooze", dt.date(2027, 1, 10)),
        "snooze:\n",
        "snooze: 2027-01-10\n",
    ),
    (
        "quoted-styles.md",
        lambda t: set_key(t, "status", "paused"),
        "status: 'active'\n",
        "status: 'paused'\n",
    ),
    (
        "quoted-styles.md",
        lambda t: set_key(t, "company", "Nordlys's AS"),
        "'company': 'Nordlys AS'\n",
        "'company': 'Nordlys''s AS'\n",
    ),
    (
        "quoted-styles.md",
        lambda t: add_list_item(t, "emails", "g@example.org"),
        "emails: greta@example.org\n",
        "emails: [greta@example.org, g@example.org]\n",
    ),
    (
        "quoted-styles.md",
        lambda t: add_list_item(t, "tags", "nordic"),
        "tags: []\n",
        "tags: [nordic]\n",
    ),
    ("quoted-styles.md", log, "to Tromsø\n", f"to Tromsø\n{LOG_LINE}\n"),
    (
        "indented-lists.md",
        lambda t: add_list_item(t, "emails", "new@example.org"),
        "    -   h.oduya@example.org\n",
        "    -   h.oduya@example.org\n    -   new@example.org\n",
    ),
    (
        "indented-lists.md",
        lambda t: add_list_item(t, "memories", "Karaoke night"),
        "    at the hackathon\n",
        "    at the hackathon\n  - Karaoke night\n",
    ),
    (
        "indented-lists.md",
        lambda t: add_list_item(t, "phones", "+44 20 7946 0999"),
        '- "+44 20 7946 0102"\n',
        '- "+44 20 7946 0102"\n- "+44 20 7946 0999"\n',
    ),
    (
        "indented-lists.md",
        lambda t: add_list_item(t, "tags", "grants"),
        "goals: []\n",
        "goals: []\ntags:\n    -   grants\n",
    ),
    ("indented-lists.md", log, "about the grant\n", f"about the grant\n* {LOG_LINE[2:]}\n"),
    ("empty-body.md", log, "Petrov\n---\n", f"Petrov\n---\n\n## Log\n{LOG_LINE}\n"),
    ("fence-at-eof.md", log, "\n---", f"\n---\n\n## Log\n{LOG_LINE}"),
    (
        "fence-at-eof.md",
        lambda t: set_key(t, "circle", "friend"),
        "Park\n",
        "Park\ncircle: friend\n",
    ),
    ("fenced-code.md", log, "Sent the snippet\n", f"Sent the snippet\n{LOG_LINE}\n"),
    (
        "fenced-code.md",
        lambda t: add_list_item(t, "knows", "ada-quillfeather"),
        "met: PyCon 2019\n",
        "met: PyCon 2019\nknows: [ada-quillfeather]\n",
    ),
    ("flow-everything.md", log, "## Log\n", f"## Log\n{LOG_LINE}\n"),
    (
        "bom.md",
        lambda t: set_key(t, "circle", "friend"),
        "lena@example.org\n",
        "lena@example.org\ncircle: friend\n",
    ),
]


@pytest.mark.parametrize(("name", "edit", "old", "new"), CASES)
def test_an_edit_changes_only_its_own_lines(name: str, edit, old: str, new: str) -> None:
    original = fixture(name)
    assert original.count(old) == 1, "the table's 'old' text must occur exactly once"
    assert edit(original) == original.replace(old, new, 1)


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.md")))
def test_every_hand_written_file_still_loads_after_a_log_line(name: str) -> None:
    data = log(fixture(name)).encode("utf-8")
    contact = parse_contact(f"contacts/{name}", data, Config(), [])
    assert [entry.text for entry in contact.log].count("Called about the trip") == 1


@pytest.mark.parametrize(
    ("name", "edit", "message"),
    [
        ("flow-everything.md", lambda t: set_key(t, "circle", "close"), "one {...} mapping"),
        ("fenced-code.md", lambda t: set_mapping_entry(t, "met", "date", "2019"), "single value"),
        ("comments.md", lambda t: set_key(t, "emails", "x@example.org"), "several lines"),
        ("comments.md", lambda t: add_list_item(t, "links", "x"), "is a mapping"),
        ("comments.md", lambda t: set_key(t, "bad key", "x"), "not a key"),
        ("comments.md", lambda t: set_key(t, "circle", {"a": 1}), "cannot be written"),
        ("comments.md", lambda t: append_log_entry(t, "2026-11-30 was nice"), "not a log entry"),
        ("comments.md", lambda t: append_log_entry(t, "- 2026-11-30 -> email: a\nb"), "not a log"),
        ("indented-lists.md", lambda t: set_key(t, "memories", "x"), "several lines"),
    ],
)
def test_an_edit_that_cannot_be_done_safely_raises_instead_of_guessing(name, edit, message) -> None:
    with pytest.raises(EditError, match=message):
        edit(fixture(name))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\nname: A\nname: B\n---\n", "written twice"),
        ("---\nname: &n A\naka: *n\n---\n", "alias"),
        ("---\nname: [unclosed\n---\n", "not valid YAML"),
        ("name: no fence\n", "no front matter"),
        ("---\nname: never closed\n", "never closed"),
        ("---\n- a list\n---\n", "not 'key: value'"),
    ],
)
def test_a_file_the_editor_cannot_read_is_refused(text: str, message: str) -> None:
    key = "aka" if "aka" in text else "name"
    with pytest.raises(EditError, match=message):
        set_key(text, key, "Ada")


@pytest.mark.parametrize(
    ("key", "value", "attribute", "expected"),
    [
        ("snooze", dt.date(2027, 1, 10), "snooze", dt.date(2027, 1, 10)),
        ("company", "null", "company", "null"),
        ("role", "0123", "role", "0123"),
        ("location", "2024-01-01", "location", "2024-01-01"),
        ("company", "Acme # not a comment", "company", "Acme # not a comment"),
        ("status", "paused", "status", "paused"),
        ("private", True, "private", True),
    ],
)
def test_a_set_value_loads_back_as_that_value(key, value, attribute, expected) -> None:
    text = set_key(fixture("comments.md"), key, value)
    contact = parse_contact("contacts/ada.md", text.encode("utf-8"), Config(), [])
    assert getattr(contact, attribute) == expected


def test_setting_none_leaves_the_key_empty() -> None:
    assert set_key("---\nname: A\ncompany: Acme  # old\n---\n", "company", None) == (
        "---\nname: A\ncompany:  # old\n---\n"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ada", "Ada"),
        ("No", '"No"'),
        ("null", '"null"'),
        ("2024-01-01", '"2024-01-01"'),
        ("0123", '"0123"'),
        ("a: b", '"a: b"'),
        ("x #y", '"x #y"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("two\nlines", '"two\\nlines"'),
        ("--- x", '"--- x"'),
        ("- item", '"- item"'),
        ("", '""'),
        (" padded", '" padded"'),
        ("C#", "C#"),
        ("Zoë", "Zoë"),
        ("@handle", '"@handle"'),
        (True, "true"),
        (3, "3"),
        (None, "null"),
        (dt.date(2026, 1, 2), "2026-01-02"),
        (1.5, "1.5"),
    ],
)
def test_yaml_scalar_quotes_what_yaml_would_read_as_something_else(value, expected) -> None:
    assert yaml_scalar(value) == expected


def test_yaml_scalar_in_a_flow_list_quotes_commas() -> None:
    assert yaml_scalar("a, b", flow=True) == '"a, b"'


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_any_text_written_by_yaml_scalar_reads_back_unchanged(text: str, flow: bool) -> None:
    import yaml

    rendered = yaml_scalar(text, flow=flow)
    loaded = yaml.safe_load(f"k: [{rendered}]" if flow else f"k: {rendered}")["k"]
    assert (loaded[0] if flow else loaded) == text


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda s: "\x00" not in s))
def test_any_company_name_can_be_set_on_a_hand_written_file(company: str) -> None:
    text = set_key(fixture("comments.md"), "company", company)
    assert text.startswith("---\n# Ada, from the climbing club\nname: Ada Quillfeather   #")


@pytest.mark.parametrize(
    ("date", "direction", "channel", "text", "expected"),
    [
        (dt.date(2026, 1, 2), "out", "email", "Hi", "- 2026-01-02 -> email: Hi"),
        (dt.date(2026, 1, 2), "in", "phone", "She called", "- 2026-01-02 <- phone: She called"),
        (dt.date(2026, 1, 2), "both", "video", "Catch-up", "- 2026-01-02 <-> video: Catch-up"),
        (dt.date(2026, 1, 2), "note", None, "Moved to Oslo", "- 2026-01-02 note: Moved to Oslo"),
        (dt.date(2026, 1, 2), "out", "email", "", "- 2026-01-02 -> email"),
    ],
)
def test_format_log_line_writes_the_documented_form(date, direction, channel, text, expected):
    assert format_log_line(date, direction, channel, text) == expected


def test_a_new_contact_reads_back_as_its_fields() -> None:
    fields = {
        "name": "José Müller",
        "aka": ["Pepe"],
        "emails": ["jose@example.org"],
        "company": "No",
        "circle": "friend",
        "met": {"where": "PyCon: 2019", "date": "2019-05"},
        "role": None,
        "dates": [{"date": dt.date(2020, 5, 1), "label": "started at Acme"}],
    }
    text = render_new_contact(fields)
    contact = parse_contact("contacts/jose-muller.md", text.encode("utf-8"), Config(), [])
    assert (contact.name, contact.aka, contact.emails, contact.company) == (
        "José Müller",
        ("Pepe",),
        ("jose@example.org",),
        "No",
    )
    assert (contact.met.where, contact.met.date_text, contact.dates[0].label) == (
        "PyCon: 2019",
        "2019-05",
        "started at Acme",
    )
    assert "role" not in text and text.endswith("---\n\n## Log\n")


def test_a_new_contact_keeps_the_body_given() -> None:
    text = render_new_contact({"name": "Ada"}, "Met at the library.\n")
    assert text == "---\nname: Ada\n---\n\nMet at the library.\n"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"company": "Acme"}, "needs a name"),
        ({"name": "Ada", "bad key": "x"}, "not a key"),
        ({"name": "Ada", "extra": object()}, "cannot be written"),
    ],
)
def test_a_new_contact_with_bad_fields_is_refused(fields, message) -> None:
    with pytest.raises(EditError, match=message):
        render_new_contact(fields)


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: set_key(text, "name", "Ada\u2028Byron"),
        lambda text: add_list_item(text, "aka", "Ada\x85Byron"),
    ],
)
def test_an_edit_writes_what_the_loader_reads_back(edit) -> None:
    text = edit("---\nname: Ada\n---\n")
    contact = parse_contact("contacts/ada.md", text.encode("utf-8"), Config(), [])
    assert "Byron" in contact.name + "".join(contact.aka)
    assert "\u2028" not in text and "\x85" not in text  # escaped, never written raw


EDITS = {
    "set_key": lambda text: set_key(text, "circle", "close"),
    "add_list_item": lambda text: add_list_item(text, "aka", "Ada King"),
    "set_mapping_entry": lambda text: set_mapping_entry(
        text, "links", "github", "https://github.com/a"
    ),
    "append_log_entry": log,
}


@pytest.mark.parametrize("name", ["comments.md", "fenced-code.md", "indented-lists.md"])
@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_old_mac_file_is_edited_like_any_other_and_keeps_its_cr_line_breaks(name, edit) -> None:
    text = fixture(name)
    assert edit(text.replace("\n", "\r")) == edit(text).replace("\n", "\r")


@pytest.mark.parametrize(
    "text",
    [
        "---\nname: Ada\n---\nBody\n",
        "---\r\nname: Ada\r\n---\r\n\r\n## Log\r\n",
        "---\rname: Ada\r---\r\r## Log\r- 2026-11-30 note: x\r",
        "---  \nname: Ada\n...\nBody",
        "---\nname: Ada\n---",
        "---\n---\n",
        "\ufeff---\r\nname: Ada\r\n--- \r\nBody\r\n",
        "---\nname: Ada\r\n---\rmixed\n",
    ],
)
def test_the_editor_cuts_a_file_where_the_loader_does_whatever_its_line_breaks(text: str) -> None:
    parts = Text.parse(text)
    document = split(lf_text(text.removeprefix("\ufeff")))
    assert parts.head + parts.front_matter + parts.fence + parts.body == text
    assert (lf_text(parts.front_matter), lf_text(parts.body)) == (
        document.front_matter,
        document.body,
    )


TWO_LOGS = """\
---
name: Ada Lovelace
---

## Log
- 2026-01-05 -> email: In the first log

## Private
A secret.

## Log
- 2026-11-02 -> email: In the second log
"""


def test_a_log_line_goes_to_the_last_of_two_log_sections_which_the_loader_reads_both() -> None:
    text = log(TWO_LOGS)
    assert text == TWO_LOGS + LOG_LINE + "\n"
    contact = parse_contact("contacts/ada.md", text.encode("utf-8"), Config(), [])
    assert [entry.line for entry in contact.log] == [6, 12, 13]
