"""Bytes of an import file as text: byte-order marks, UTF-16 without one, UTF-8, then legacy sets.

Windows tools write UTF-16 (with or without a BOM); older ones write a legacy single-byte set and
often do not say which. A declared set is used as given; an undeclared one is guessed from the
letters it gives (a Hebrew name read as Windows-1252 is a run of accented Latin letters no language
writes) and the guess is reported, so the person can check the names.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

# Tried in this order; on a tie the earlier one wins (Western European first).
LEGACY_CODECS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "koi8_r",
)
LEGACY_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1257": "Windows-1257 (Baltic)",
    "koi8_r": "KOI8-R (Cyrillic)",
}
# The most frequent letters of the main language of each script (about 85% of its running text):
# a reading in the wrong Cyrillic, Greek or Hebrew set gives real letters, but rare ones.
COMMON_LETTERS = {
    "CYRILLIC": set("оеаинтсрвлкмд"),
    "GREEK": set("αοιετσνηυρπκμλςάόίέήύώ"),
    "HEBREW": set("יוהלארמתבשנדעכקםןךףץ"),
    "ARABIC": set("اليمنرتوبهعدسكةقفح"),
}
GREEK_ACCENTED = set("άέήίόύώΆΈΉΊΌΎΏΐΰ")
# Latin letters of Windows-1252 that few names use, where Turkish and Baltic sets have common ones.
RARE_LATIN = set("þðÞÐýÝ")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """The text, the codec it was read with, and a warning when that codec was a guess."""

    text: str
    codec: str
    warning: str | None = None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """The file's text: by its BOM, as UTF-16 when every other byte is zero, as UTF-8 when it is,
    else in the `declared` set, else in the legacy set that gives the most plausible letters."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, errors="replace"), codec)
    utf16 = utf16_without_bom(data)
    if utf16:
        return Decoded(data[: len(data) // 2 * 2].decode(utf16, errors="replace"), utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and known_codec(declared) and known_codec(declared) != "utf-8":
        return Decoded(data.decode(known_codec(declared) or "", errors="replace"), declared)
    codec = guess_legacy(data)
    warning = (
        f"this file is not UTF-8 and does not say which character set it uses; read it as "
        f"{LEGACY_NAMES[codec]}, a guess from its letters: check the names, or save it as UTF-8"
    )
    return Decoded(data.decode(codec, errors="replace"), codec, warning)


def known_codec(name: str) -> str | None:
    """Python's name for a character set name such as `WINDOWS-1255`; None when unknown."""
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except LookupError:
        return None


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the zero bytes of mostly-ASCII UTF-16 text show it."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd > 0.6 and share_even < 0.1:
        return "utf-16-le"
    if share_even > 0.6 and share_odd < 0.1:
        return "utf-16-be"
    return None


def guess_legacy(data: bytes) -> str:
    """The legacy codec whose reading of the non-ASCII bytes looks most like words of one script."""
    sample = b"\n".join([line for line in data.splitlines() if max(line, default=0) >= 0x80][:500])
    if not sample:
        return LEGACY_CODECS[0]
    scores = {
        codec: _plausibility(sample.decode(codec, errors="replace")) for codec in LEGACY_CODECS
    }
    return max(LEGACY_CODECS, key=lambda codec: (scores[codec], -LEGACY_CODECS.index(codec)))


def _plausibility(text: str) -> int:
    """Words whose non-ASCII letters fit (one script; Latin accents beside plain letters) count
    for, mixed scripts, symbols and runs of accented Latin letters alone count against."""
    score = 0
    word: list[str] = []
    for char in [*text, " "]:
        if char.isalpha() or unicodedata.category(char).startswith("M"):
            word.append(char)
            continue
        if ord(char) >= 0x80 and char != "\ufffd" and not char.isspace():
            score -= 1  # a symbol such as ¤ or ‰ where a letter was meant
        elif char == "\ufffd":
            score -= 3
        if word:
            score += _word_score(word)
            word = []
    return score


def _word_score(word: list[str]) -> int:
    special = [char for char in word if ord(char) >= 0x80]
    if not special:
        return 0
    scripts = {_script(char) for char in word}
    if len(scripts) > 1:
        return -2
    if scripts == {"LATIN"}:
        plain = len(word) - len(special)
        rare = sum(char in RARE_LATIN for char in word)
        return (2 if plain >= len(special) else -2) - 2 * rare
    common = COMMON_LETTERS.get(next(iter(scripts)), set())
    share = sum(char.lower() in common for char in word) / len(word)
    shouting = len(word) > 1 and all(char.isupper() for char in word if char.isalpha())
    # A Greek word of two syllables or more carries an accent (tonos); a reading without any is
    # likely another script's letters.
    unaccented = scripts == {"GREEK"} and len(word) >= 4 and not set(word) & GREEK_ACCENTED
    return round(6 * share) - 2 - 2 * shouting - 3 * unaccented


def _script(char: str) -> str:
    if ord(char) < 0x80:
        return "LATIN"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
