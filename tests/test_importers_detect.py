"""The format of an import file is told from its content, its name only as a fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.importers.detect import detect_format

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("apple.vcf", "vcard"),
        ("google.vcf", "vcard"),
        ("outlook.vcf", "vcard"),
        ("v4.vcf", "vcard"),
        ("legacy-latin1.vcf", "vcard"),
        ("Connections.csv", "linkedin"),
        ("google_contacts.csv", "google"),
        ("generic.csv", "csv"),
        ("hostile.csv", "csv"),
    ],
)
def test_each_fixture_is_recognised_even_under_another_name(name, expected):
    assert detect_format((FIXTURES / name).read_bytes(), "export.txt") == expected


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"\xef\xbb\xbf\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", "x", "vcard"),
        (b"", "contacts.vcf", "vcard"),
        (b"just some words", "notes.txt", None),
        (b"a,b\n1,2\n", "data.txt", "csv"),
    ],
)
def test_content_first_then_the_file_name(data, filename, expected):
    assert detect_format(data, filename) == expected
