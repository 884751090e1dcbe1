"""vCard 2.1, 3.0 and 4.0 files as candidates, read with the vobject library.

The file is cut into cards first (by their BEGIN/END lines) so that one broken card costs one error
at its own line and the others still import. Embedded photos, logos, sounds and keys are skipped.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator

from vobject.base import (
    Component,
    ContentLine,
    VObjectError,
    getLogicalLines,
    textLineToContentLine,
)
from vobject.vcard import VCard3_0

from kithbook.importers.candidate import Candidate, ParsedSource
from kithbook.importers.values import (
    GENERIC_LINK_LABELS,
    add_link,
    add_unique,
    link_label,
    one_line,
    parse_birthday,
    plain_text,
    tag_word,
)

FORMAT = "vcard"
BINARY_PROPERTIES = {"PHOTO", "LOGO", "SOUND", "KEY"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"\s*BEGIN\s*:\s*VCARD\s*", re.IGNORECASE)
_END = re.compile(r"\s*END\s*:\s*VCARD\s*", re.IGNORECASE)
_CHARSET = re.compile(rb"CHARSET=([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
_ESCAPED = re.compile(r"\\([\\:;,])")
# Read as one text: writers of vCard 2.1 (and some of 3.0) leave commas unescaped, which vobject
# would take for a list and cut at the first comma. NICKNAME's list is split before decoding.
SINGLE_TEXT = {
    "FN",
    "NOTE",
    "TITLE",
    "ROLE",
    "EMAIL",
    "TEL",
    "URL",
    "BDAY",
    "X-ABLABEL",
    "X-SOCIALPROFILE",
}
SYSTEM_GROUPS = {"mycontacts", "starred"}
READ_ERRORS = (VObjectError, ValueError, UnicodeError, LookupError, TypeError, AttributeError)


def decode_vcard(data: bytes) -> str:
    """The file's text: UTF-8 when it is, else the first CHARSET it declares, else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for match in _CHARSET.finditer(data):
        name = match[1].decode("ascii")
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        if codecs.lookup(name).name != "utf-8":
            return data.decode(name, errors="replace")
    return data.decode("cp1252", errors="replace")


def split_cards(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, lines) of each top-level card; nested cards (AGENT) are left out."""
    depth = 0
    start = 0
    lines: list[str] = []
    number = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if _BEGIN.fullmatch(line):
            depth += 1
            if depth == 1:
                start, lines = number, [line]
            continue
        if _END.fullmatch(line) and depth:
            depth -= 1
            if depth == 0:
                yield start, number, [*lines, line]
            continue
        if depth == 1:
            lines.append(line)
    if depth:
        yield start, 0, lines


def read_vcards(data: bytes) -> ParsedSource:
    """Every card of a vCard file as a candidate; unreadable cards and lines become problems."""
    parsed = ParsedSource(FORMAT)
    text = decode_vcard(data)
    for start, end, lines in split_cards(text):
        if not end:
            parsed.error(start, "this card is never closed with an END:VCARD line; skipped")
            continue
        component = _component(start, lines, parsed)
        if component is None:
            continue
        candidate = candidate_from_card(component, start, parsed)
        if candidate is not None:
            parsed.candidates.append(candidate)
    if not parsed.candidates and not parsed.problems:
        parsed.error(1, "no BEGIN:VCARD ... END:VCARD card found in this file")
    return parsed


def _component(start: int, lines: list[str], parsed: ParsedSource) -> Component | None:
    """The card's properties as a vobject component, values decoded; None when it cannot be read."""
    component = Component("VCARD")
    version: ContentLine | None = None
    for logical, offset in getLogicalLines(io.StringIO("\n".join(lines[1:])), True):
        number = start + offset
        try:
            content = textLineToContentLine(logical, number)
        except READ_ERRORS as error:
            parsed.warning(number, f"cannot read this vCard line ({_reason(error)}); skipped")
            continue
        if content.name in BINARY_PROPERTIES:
            continue
        if content.name in SINGLE_TEXT and isinstance(content.value, str):
            content.value = _UNESCAPED_COMMA.sub(r"\\,", content.value)
        if content.name == "VERSION":
            version = content
        elif content.name == "NICKNAME" and isinstance(content.value, str):
            for piece in _UNESCAPED_COMMA.split(content.value):  # one property per nickname
                nickname = ContentLine.duplicate(content)
                nickname.value = piece
                component.add(nickname)
        else:
            component.add(content)
    try:
        if version is not None:
            component.setBehaviorFromVersionLine(version)
        else:
            component.setBehavior(VCard3_0)
        component.transformChildrenToNative()
    except READ_ERRORS as error:
        parsed.error(start, f"cannot read this card ({_reason(error)}); skipped")
        return None
    return component


def _reason(error: Exception) -> str:
    text = one_line(str(error)).removeprefix("At line ").split(": ", 1)[-1]
    return text[:120] or type(error).__name__


def candidate_from_card(card: Component, line: int, parsed: ParsedSource) -> Candidate | None:
    """One card's fields as a Candidate; a card without a name is an error and gives None."""
    candidate = Candidate(line=line)
    labels = _group_labels(card)
    for prop in card.getChildren():
        number = getattr(prop, "lineNumber", None) or line
        name = prop.name
        if name == "FN":
            candidate.name = candidate.name or one_line(_text(prop.value))
        elif name == "NICKNAME":
            add_unique(candidate.aka, _ESCAPED.sub(r"\1", _text(prop.value)))
        elif name == "EMAIL":
            _add_preferred(candidate.emails, _text(prop.value), prop)
        elif name == "TEL":
            _add_preferred(candidate.phones, _text(prop.value).removeprefix("tel:"), prop)
        elif name in ("URL", "X-SOCIALPROFILE"):
            url = _ESCAPED.sub(r"\1", _text(prop.value))
            add_link(candidate.links, _link_label(prop, labels, url), url)
        elif name == "ORG":
            parts = prop.value if isinstance(prop.value, list) else [prop.value]
            candidate.company = (
                candidate.company or one_line(_text(parts[0] if parts else "")) or None
            )
        elif name in ("TITLE", "ROLE"):
            candidate.role = candidate.role or one_line(_text(prop.value)) or None
        elif name == "ADR" and not candidate.location:
            candidate.location = _location(prop.value)
        elif name == "BDAY":
            _birthday(candidate, prop, number, parsed)
        elif name == "NOTE":
            candidate.notes = "\n\n".join(
                filter(None, [candidate.notes, plain_text(_text(prop.value))])
            )
        elif name == "CATEGORIES":
            values = prop.value if isinstance(prop.value, list) else _text(prop.value).split(",")
            for value in values:
                word = tag_word(_text(value))
                if word and word not in candidate.tags and word not in SYSTEM_GROUPS:
                    candidate.tags.append(word)
    if not candidate.name:
        candidate.name = _structured_name(card)
    if not candidate.name:
        parsed.error(line, f"this card has no name ({_why_no_name(card)}); skipped")
        return None
    return candidate


def _why_no_name(card: Component) -> str:
    """What the card says instead of a name: nothing at all, or FN and N lines left empty."""
    written = [name for name in ("FN", "N") if card.contents.get(name.lower())]
    if not written:
        return "no FN or N line"
    lines = "lines are" if len(written) > 1 else "line is"
    return f"its {' and '.join(written)} {lines} empty"


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list):
        return ",".join(_text(item) for item in value)
    return "" if value is None else str(value)


def _types(prop: ContentLine) -> list[str]:
    """TYPE parameters, comma lists split, plus vCard 2.1's bare parameters (TEL;CELL;PREF)."""
    values = [*prop.params.get("TYPE", []), *prop.singletonparams]
    return [
        part.strip().lower() for value in values for part in str(value).split(",") if part.strip()
    ]


def _add_preferred(items: list[str], value: str, prop: ContentLine) -> None:
    """Add an address or number; one marked preferred goes first."""
    value = one_line(value)
    if not value or value.lower() in (item.lower() for item in items):
        return
    if "pref" in _types(prop) or "PREF" in prop.params:
        items.insert(0, value)
    else:
        items.append(value)


def _group_labels(card: Component) -> dict[str, str]:
    """Apple's labels for grouped properties: `item1.X-ABLabel:blog` names `item1.URL`."""
    labels: dict[str, str] = {}
    for prop in card.getChildren():
        if prop.name == "X-ABLABEL" and prop.group:
            text = _text(prop.value)
            match = _APPLE_LABEL.fullmatch(text)
            labels[prop.group.lower()] = match[1] if match else text
    return labels


def _link_label(prop: ContentLine, labels: dict[str, str], url: str) -> str:
    """A grouped label or a specific TYPE names the link; otherwise the site it points to does."""
    if prop.group and prop.group.lower() in labels:
        label = tag_word(labels[prop.group.lower()])
        if label not in GENERIC_LINK_LABELS:
            return label
    specific = [kind for kind in _types(prop) if kind not in GENERIC_LINK_LABELS]
    if specific:
        return specific[0].removeprefix("x-")
    return link_label(url)


def _location(address: object) -> str | None:
    parts = [getattr(address, key, "") for key in ("city", "region", "country")]
    texts = [one_line(_text(part)) for part in parts]
    return ", ".join(text for text in texts if text) or None


def _birthday(candidate: Candidate, prop: ContentLine, number: int, parsed: ParsedSource) -> None:
    omitted = "X-APPLE-OMIT-YEAR" in prop.params
    try:
        candidate.birthday = parse_birthday(_text(prop.value), year_omitted=omitted)
    except ValueError as error:
        parsed.warning(number, f"birthday: {error}; left out")


def _structured_name(card: Component) -> str:
    """The name from the N property (given, additional, family) when the card has no FN."""
    prop = getattr(card, "n", None)
    if prop is None:
        return ""
    value = prop.value
    parts = [
        getattr(value, key, "") for key in ("prefix", "given", "additional", "family", "suffix")
    ]
    return one_line(" ".join(_text(part) for part in parts))
