"""Syntax checks for e-mail addresses and phone numbers, without any network look-up.

Both are memoised per text: the same address is checked once per run however often it appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

_SIMPLE_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_LOCAL_PHONE = re.compile(r"[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?", re.IGNORECASE)
_PLAIN_INTERNATIONAL = re.compile(r"\+\d[\d \-.]{4,24}")


@lru_cache(maxsize=65536)
def email_problem(address: str) -> str | None:
    """Why an address is not valid, or None. Common addresses pass a strict regex; the rest go to
    the email-validator library, whose message says what is wrong."""
    if _SIMPLE_EMAIL.fullmatch(address):
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        reason = str(error).rstrip(".")
        return reason[:1].lower() + reason[1:]
    return None


_KNOWN_VALID: set[tuple[str, str | None]] = set()


def remember_valid_phones(numbers: Iterable[str], region: str | None) -> None:
    """Numbers found valid for `region` by an earlier run (kept with a file's answers): they need
    no second look, nor the phonenumbers library (its import costs a run after an edit 12 ms)."""
    _KNOWN_VALID.update((number, region) for number in numbers)


@lru_cache(maxsize=65536)
def phone_problem(number: str, region: str | None) -> str | None:
    """Why a number is not valid, or None. International numbers (+ or 00) are checked against the
    phonenumbers library's numbering plans; local ones by their characters, or against `region`."""
    if (number, region) in _KNOWN_VALID:
        return None
    text = number.strip()
    international = text.startswith(("+", "00"))
    if not international and region is None:
        if not _LOCAL_PHONE.fullmatch(text) or sum(ch.isdigit() for ch in text) < 3:
            return "is not a phone number (digits, spaces, - ( ) . / only; start with + for international)"
        return None
    if text.startswith("00"):
        text = "+" + text[2:]
    if _PLAIN_INTERNATIONAL.fullmatch(text) and _valid_plain_international(text):
        return None
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        return f"is not a phone number ({str(error).split(') ', 1)[-1].rstrip('.').lower()})"
    if not phonenumbers.is_valid_number(parsed):
        country = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
        return f"is not a valid number{f' for {country}' if country != 'ZZ' else ''}"
    return None


def _valid_plain_international(text: str) -> bool:
    """A fast yes for `+CC digits` that fits its country's numbering plan (the phonenumbers library's
    metadata); anything else gets the library's full parse. That parse costs ~30 µs a number."""
    # `_PLAIN_INTERNATIONAL` let only digits and these through; replace() beats translate() here
    digits = text.replace("+", "").replace(" ", "").replace("-", "").replace(".", "")
    found = _country_patterns(digits[:3])
    if found is None:
        return False
    length, patterns = found
    national = digits[length:]
    return any(pattern.fullmatch(national) for pattern in patterns)


@cache
def _country_patterns(prefix: str) -> tuple[int, tuple[re.Pattern[str], ...]] | None:
    """The length of the country code a number's first three digits start with, and that code's
    national-number patterns; None when they start with none."""
    for length in (1, 2, 3):
        patterns = _national_patterns(int(prefix[:length]))
        if patterns is not None:
            return length, patterns
    return None


@cache
def _national_patterns(country_code: int) -> tuple[re.Pattern[str], ...] | None:
    """The national-number patterns of every region sharing a country code; None if no such code."""
    import phonenumbers

    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if not regions:
        return None
    patterns = []
    for region in regions:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        general = metadata.general_desc if metadata is not None else None
        if general is not None and general.national_number_pattern:
            patterns.append(re.compile(general.national_number_pattern))
    return tuple(patterns)
