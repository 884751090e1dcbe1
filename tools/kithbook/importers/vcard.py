"""vCard 2.1, 3.0 and 4.0 files as candidates, read with the vobject library.

The file is cut into cards first (by their BEGIN/END lines) so that one broken card costs one error
at its own line and the others still import. Lines are unfolded here, not by vobject, so that what
real exports do is read as meant: iPhone's CR CR LF, bare base64 lines after a PHOTO, vCard 2.1's
quoted-printable soft breaks; quoted-printable values are decoded here too, in their CHARSET or a
guessed one. Embedded photos, logos, sounds and keys are skipped. A vdir folder is read file by file.
"""

from __future__ import annotations

import quopri
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from vobject.base import (
    Component,
    ContentLine,
    VObjectError,
    textLineToContentLine,
)
from vobject.vcard import VCard3_0

from kithbook.exporters.vcard import KITHBOOK_UID  # UID:kithbook:<slug>, for a contact without uid
from kithbook.importers.candidate import Candidate, ParsedSource, has_letters
from kithbook.importers.encoding import LEGACY_NAMES, Decoded, decode_bytes, known_codec
from kithbook.importers.values import (
    GENERIC_LINK_LABELS,
    add_link,
    add_unique,
    link_label,
    one_line,
    parse_birthday,
    parse_met_date,
    plain_text,
    tag_word,
    without_direction_marks,
)
from kithbook.model import Met

FORMAT = "vcard"
BINARY_PROPERTIES = {"PHOTO", "LOGO", "SOUND", "KEY"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"\s*BEGIN\s*:\s*VCARD\s*", re.IGNORECASE)
_END = re.compile(r"\s*END\s*:\s*VCARD\s*", re.IGNORECASE)
_CHARSET = re.compile(rb"CHARSET=([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
_ESCAPED = re.compile(r"\\([\\:;,])")
_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
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


def decode_vcard(data: bytes) -> Decoded:
    """The file's text: by BOM, UTF-16 or UTF-8, else the first CHARSET it declares, else a guess."""
    declared = None
    for match in _CHARSET.finditer(data):
        name = match[1].decode("ascii")
        if known_codec(name) and known_codec(name) != "utf-8":
            declared = name
            break
    return decode_bytes(data, declared)


def is_regular(path: Path) -> bool:
    """Whether `path` is (or links to) a regular file."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def read_vdir(folder: Path) -> ParsedSource:
    """Every card of a vdir folder (one `.vcf` per contact, as vdirsyncer and khard keep them);
    a problem names its file as well as its line."""
    from kithbook.importers import MAX_IMPORT_BYTES  # the limit of one import, for the folder

    parsed = ParsedSource("vdir")
    files = sorted(folder.glob("*.vcf"))
    if not files:
        parsed.error(1, f"{folder} holds no .vcf files (a vdir has one per contact)")
    total = 0
    for path in files:
        if not is_regular(path):  # a FIFO or device would hang the read, or never end
            parsed.error(1, f"{path.name}: is not a regular file; skipped")
            continue
        try:
            total += path.stat().st_size
            if total > MAX_IMPORT_BYTES:
                limit = MAX_IMPORT_BYTES // 1_000_000
                parsed.error(1, f"{path.name}: the folder holds more than {limit} MB; stopped here")
                break
            one = read_vcards(path.read_bytes())
        except OSError as error:
            parsed.error(1, f"{path.name}: cannot read the file: {error.strerror}; skipped")
            continue
        parsed.candidates.extend(one.candidates)
        parsed.problems.extend(replace(problem, file=path.name) for problem in one.problems)
    return parsed


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
    decoded = decode_vcard(data)
    if decoded.warning:
        parsed.warning(1, decoded.warning)
    text = decoded.text.replace("\r\r\n", "\n")  # iPhone exports end lines with CR CR LF
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
    for logical, number in logical_lines(start, lines[1:]):
        try:
            content = textLineToContentLine(_plain_line(logical, number, parsed), number)
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


def logical_lines(start: int, lines: list[str]) -> Iterator[tuple[str, int]]:
    """(unfolded line, its first line number) for the lines after BEGIN (the first is `start`+1).

    A line starting with a space or tab continues the one before; so does the line after a
    quoted-printable value ending in `=` (vCard 2.1's soft break), and so do the bare base64 lines
    some phones write after a PHOTO without folding them. Blank lines are left out.
    """
    current: list[str] = []
    first = 0
    binary = quoted = False
    for number, line in enumerate(lines, start=start + 1):
        if current and (
            line[:1] in (" ", "\t")
            or quoted
            or (binary and _BASE64_LINE.fullmatch(line) and ":" not in line)
        ):
            current.append(line if quoted else line[1:] if line[:1] in (" ", "\t") else line)
            quoted = quoted and line.endswith("=")
            continue
        if current:
            yield ("\n" if _is_quoted_printable(current[0]) else "").join(current), first
            current = []
        if not line.strip():
            binary = quoted = False
            continue
        current, first = [line], number
        head = _NAME.match(line)
        binary = head is not None and head[1].upper() in BINARY_PROPERTIES
        quoted = _is_quoted_printable(line) and line.endswith("=")
    if current:
        yield ("\n" if _is_quoted_printable(current[0]) else "").join(current), first


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0]
    return "quoted-printable" in head.lower()


def _plain_line(line: str, number: int, parsed: ParsedSource) -> str:
    """The line with empty parameters dropped (`ADR;HOME;PREF;:`) and a quoted-printable value
    decoded here, in its declared CHARSET, else UTF-8, else a guessed set (with a warning)."""
    head, colon, value = _split_value(line)
    if not colon:
        return line
    params = [param for param in head.split(";") if param.strip()]
    if not _is_quoted_printable(head):
        return ";".join(params) + ":" + value
    charset = next((p.split("=", 1)[1] for p in params if p.upper().startswith("CHARSET=")), None)
    params = [
        param
        for param in params
        if param.lower() not in ("encoding=quoted-printable", "quoted-printable")
        and not param.upper().startswith("CHARSET=")
    ]
    raw = quopri.decodestring(value.replace("\n", "\r\n").encode("utf-8"))
    if charset and known_codec(charset):
        text = raw.decode(known_codec(charset) or "utf-8", errors="replace")
    else:
        decoded = decode_bytes(raw)
        text = decoded.text
        if decoded.warning:
            parsed.warning(
                number,
                f"this quoted-printable value declares no CHARSET and is not UTF-8; read as "
                f"{LEGACY_NAMES[decoded.codec]}, a guess: check it",
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(params) + ":" + text


def _split_value(line: str) -> tuple[str, str, str]:
    """(name and parameters, ':', value), the colon being the first outside double quotes."""
    inside = False
    for index, char in enumerate(line):
        if char == '"':
            inside = not inside
        elif char == ":" and not inside:
            return line[:index], ":", line[index + 1 :]
    return line, "", ""


def _reason(error: Exception) -> str:
    text = one_line(str(error)).removeprefix("At line ").split(": ", 1)[-1]
    return text[:120] or type(error).__name__


def candidate_from_card(card: Component, line: int, parsed: ParsedSource) -> Candidate | None:
    """One card's fields as a Candidate. A card without a name is named after its organisation
    (Apple's company cards), e-mail or phone; one with none of them is an error and gives None."""
    candidate = Candidate(line=line)
    labels = _group_labels(card)
    ours = _from_kithbook(card)  # a Kithbook export: its tags are yours, even "starred"
    for prop in card.getChildren():
        number = getattr(prop, "lineNumber", None) or line
        name = prop.name
        if name == "FN":
            candidate.name = candidate.name or one_line(_text(prop.value))
        elif name == "NICKNAME":
            add_unique(candidate.aka, _ESCAPED.sub(r"\1", _text(prop.value)))
        elif name == "EMAIL":
            value = _add_preferred(
                candidate.emails, _text(prop.value).removeprefix("mailto:"), prop
            )
            candidate.note_line("emails", value, number)
        elif name == "TEL":
            value = _add_preferred(candidate.phones, _text(prop.value).removeprefix("tel:"), prop)
            candidate.note_line("phones", value, number)
        elif name in ("URL", "X-SOCIALPROFILE", "X-KITHBOOK-LINK"):
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
                if word and word not in candidate.tags and (ours or word not in SYSTEM_GROUPS):
                    candidate.tags.append(word)
        elif name == "UID":
            _uid(candidate, one_line(_text(prop.value)))
        elif name.startswith("X-KITHBOOK-"):
            read_kithbook_property(candidate, name.removeprefix("X-KITHBOOK-"), _text(prop.value))
    if not has_letters(candidate.name):
        candidate.name = _structured_name(card) or candidate.name
    if candidate.fill_name() is None:
        parsed.error(
            line,
            f"this card has no name ({_why_no_name(card)}), and no organisation, e-mail or phone "
            "to name it by; skipped",
        )
        return None
    return candidate


def _from_kithbook(card: Component) -> bool:
    """Whether `kith export` wrote the card (its PRODID says so)."""
    prodid = getattr(card, "prodid", None)
    return prodid is not None and "//Kithbook//" in _text(prodid.value)


def _uid(candidate: Candidate, uid: str) -> None:
    """A Kithbook export's `kithbook:<slug>` names the file; any other UID is kept as `uid`."""
    if uid.startswith(KITHBOOK_UID):
        candidate.slug = uid.removeprefix(KITHBOOK_UID) or None
    elif uid:
        candidate.uid = uid


def read_kithbook_property(candidate: Candidate, name: str, value: str) -> None:
    """The keys a vCard has no place for, as `kith export vcard` writes them (`X-KITHBOOK-...`)."""
    value = value.strip()
    if not value:
        return
    if name in ("CIRCLE", "CADENCE", "CHANNEL", "STATUS", "SNOOZE", "SLUG"):
        setattr(candidate, name.lower(), one_line(value))
    elif name in ("KNOWS", "GOAL", "MEMORY"):
        key = {"KNOWS": "knows", "GOAL": "goals", "MEMORY": "memories"}[name]
        add_unique(candidate.items_of(key), value)
    elif name == "PRIVATE":
        candidate.private = value.lower() == "true"
    elif name in ("MET-DATE", "MET-WHERE", "MET-VIA"):
        met = candidate.met or Met()
        if name == "MET-DATE":
            try:
                parsed_date = parse_met_date(value)
            except ValueError:
                return
            if parsed_date:
                met = replace(met, date=parsed_date[0], precision=parsed_date[1])
        elif name == "MET-WHERE":
            met = replace(met, where=one_line(value))
        else:
            met = replace(met, via=one_line(value))
        candidate.met = met


def _why_no_name(card: Component) -> str:
    """What the card says instead of a name: nothing at all, or FN and N lines without a letter."""
    written = [name for name in ("FN", "N") if card.contents.get(name.lower())]
    if not written:
        return "no FN or N line"
    lines = "lines have" if len(written) > 1 else "line has"
    return f"its {' and '.join(written)} {lines} no letter"


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list):
        return ",".join(_text(item) for item in value)
    return "" if value is None else str(value).replace("\\:", ":")  # Apple writes \: in notes


def _types(prop: ContentLine) -> list[str]:
    """TYPE parameters, comma lists split, plus vCard 2.1's bare parameters (TEL;CELL;PREF)."""
    values = [*prop.params.get("TYPE", []), *prop.singletonparams]
    return [
        part.strip().lower() for value in values for part in str(value).split(",") if part.strip()
    ]


def _add_preferred(items: list[str], value: str, prop: ContentLine) -> str:
    """Add an address or number (the value as added); one marked preferred goes first."""
    value = one_line(without_direction_marks(value))
    if not value or value.lower() in (item.lower() for item in items):
        return value
    if "pref" in _types(prop) or "PREF" in prop.params:
        items.insert(0, value)
    else:
        items.append(value)
    return value


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
