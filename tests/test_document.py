"""A contact file's bytes as text, split into front matter and body with the line each starts on."""

from __future__ import annotations

import pytest

from kithbook.parse.document import Document, DocumentError, decode, split

UNCLOSED = "the front matter opened here is never closed with a '---' line"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"---\nname: Ada\n---\n", "---\nname: Ada\n---\n"),
        (b"\xef\xbb\xbf---\nname: Ada\n---\n", "---\nname: Ada\n---\n"),
        (b"---\r\nname: Ada\r\n---\r\nNotes\r\n", "---\nname: Ada\n---\nNotes\n"),
        (b"\xef\xbb\xbf---\r\nname: Z\xc3\xbcrich\r\n---\r\n", "---\nname: Z\u00fcrich\n---\n"),
    ],
    ids=["plain", "bom", "crlf", "bom-and-crlf"],
)
def test_decode_accepts_utf8_with_a_bom_and_crlf_line_endings(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"---\nname: Ada\x00\n---\n", 2, "this is not a text file (it contains NUL bytes)"),
        (b"\x00", 1, "this is not a text file (it contains NUL bytes)"),
        (
            b"---\nname: Ada\nlocation: Z\xfcrich\n",
            3,
            "not valid UTF-8 (byte 0xfc at column 12); save the file as UTF-8",
        ),
        (b"\xff\xfe-\x00-\x00-\x00", 1, "this is not a text file (it contains NUL bytes)"),
        (b"\xe9", 1, "not valid UTF-8 (byte 0xe9 at column 1); save the file as UTF-8"),
    ],
    ids=["nul", "only-nul", "latin-1", "utf-16", "lone-byte"],
)
def test_decode_names_the_line_of_bytes_that_are_not_text(
    data: bytes, line: int, message: str
) -> None:
    with pytest.raises(DocumentError) as raised:
        decode(data)
    assert (raised.value.line, raised.value.message) == (line, message)


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("---\nname: Ada\n---\nNotes\n", Document("name: Ada\n", "Notes\n", 2, 4)),
        ("---\nname: Ada\n---", Document("name: Ada\n", "", 2, 4)),
        ("---\n---\n", Document("", "", 2, 3)),
        ("---   \nname: Ada\n---  \n\n## Log\n", Document("name: Ada\n", "\n## Log\n", 2, 4)),
        ("---\nname: Ada\n...\nNotes\n", Document("name: Ada\n", "Notes\n", 2, 4)),
        (
            "---\nname: Ada\nrole: |\n  ---x\n---\n",
            Document("name: Ada\nrole: |\n  ---x\n", "", 2, 6),
        ),
        (
            "---\nname: Ada\n---\nA rule:\n---\nMore\n",
            Document("name: Ada\n", "A rule:\n---\nMore\n", 2, 4),
        ),
    ],
    ids=[
        "usual",
        "no-final-newline",
        "empty-front-matter",
        "trailing-spaces",
        "dots-close",
        "indented-dashes-are-yaml",
        "later-rules-are-body",
    ],
)
def test_split_separates_front_matter_and_body_with_their_first_lines(
    text: str, document: Document
) -> None:
    assert split(text) == document


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty; a contact file starts with '---', 'name: ...', '---'"),
        ("  \n\n", "the file is empty; a contact file starts with '---', 'name: ...', '---'"),
        (
            "name: Ada\n",
            "no front matter: a contact file starts with a '---' line, then "
            "'name: ...', then '---'",
        ),
        (
            "\n---\nname: Ada\n---\n",
            "no front matter: a contact file starts with a '---' line, "
            "then 'name: ...', then '---'",
        ),
        (
            "----\nname: Ada\n----\n",
            "no front matter: a contact file starts with a '---' line, "
            "then 'name: ...', then '---'",
        ),
        ("---", UNCLOSED),
        ("---\nname: Ada\n", UNCLOSED),
        ("---\nname: Ada\n ---\n", UNCLOSED),
    ],
    ids=[
        "empty",
        "blank",
        "no-fence",
        "blank-line-first",
        "four-dashes",
        "only-fence",
        "unclosed",
        "indented-closing",
    ],
)
def test_split_refuses_text_that_is_not_a_contact_file_on_line_one(text: str, message: str) -> None:
    with pytest.raises(DocumentError) as raised:
        split(text)
    assert (raised.value.line, raised.value.message) == (1, message)
