"""A contact's own words as phrases a message can use: moved, cut or lowercased, never added to.

A log line or a memory is written about the person ("Long call about her startup idea"); a message
speaks to them. These helpers cut a line to its first clause, swap third-person pronouns for "you",
and say whose moment it was ("our long call about your startup idea", "you sent a photo ...").
Every name, place and number in what they return comes from the text they were given; the only
words they add are pronouns, articles and the plain-English lengths of `gap_words`.
"""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["out", "in", "both", "note"]

INTERJECTIONS = frozenset(
    "thanks thank ha haha hi hello hey yes no ok okay happy congrats congratulations wow oh lol"
    " great nice cool sorry".split()
)
IRREGULAR_PAST = frozenset(
    "sent showed told met spoke wrote had went gave took made said came got ran caught brought"
    " bought lent found read heard left saw sang won lost began paid put felt kept thought"
    " taught fed flew drove rode swam did".split()
)
DETERMINERS = frozenset("a an the my our your their his her its this that these those".split())
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty".split()
)
SUBJECT_VERBS = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}
PRONOUNS = {
    "he": "you",
    "she": "you",
    "him": "you",
    "his": "your",
    "hers": "yours",
    "himself": "yourself",
    "herself": "yourself",
    "he's": "you're",
    "she's": "you're",
    "he'd": "you'd",
    "she'd": "you'd",
    "he'll": "you'll",
    "she'll": "you'll",
}
ADVERBS = frozenset("always never still also just really often sometimes even".split())
OBJECT_FOLLOWERS = frozenset(
    "a an the some this that to for about and or with at in on by from back".split()
)
POSSESSIVE = {"out": "my", "in": "your", "both": "our", "note": "the"}
SUBJECT = {"out": "I", "in": "you", "both": "we", "note": "you"}

_TOKENS = re.compile(r"[\w'’-]+|[^\w'’-]+")
_TAG = re.compile(r"(?<![\w&#/])#[^\W\d_][\w-]*")
_CLAUSE_END = re.compile(r"[;!?]|\.(?:\s|$)|:\s|\s[—–]\s|\s-\s")
_COMMA = re.compile(r",\s")


def without_tags(text: str) -> str:
    """The text with its `#tags` taken out and its spaces tidied."""
    return " ".join(_TAG.sub("", text).split())


def first_clause(text: str, *, at_comma: bool = False) -> str:
    """The text up to its first `;`, `.`, `!`, `?`, `: ` or dash (and comma when asked), without
    tags or trailing punctuation: `Chess night; she beat me twice` -> `Chess night`."""
    flat = without_tags(text)
    match = _CLAUSE_END.search(flat)
    if match:
        flat = flat[: match.start()]
    if at_comma:
        match = _COMMA.search(flat)
        if match:
            flat = flat[: match.start()]
    flat = flat.strip(" ,;:.-—–")
    if flat.count("(") != flat.count(")"):  # a space for each, so no two words become one
        flat = " ".join(flat.replace("(", " ").replace(")", " ").split())
    return flat


def to_you(text: str) -> str:
    """Third-person pronouns about the person turned to the second person: `her thesis` -> `your
    thesis`, `she is` -> `you are`, `sent her the link` -> `sent you the link`. `they` is left
    alone: it usually means someone else."""
    tokens = _TOKENS.findall(text)
    out: list[str] = []
    after_subject = False
    for index, token in enumerate(tokens):
        lower = token.lower().replace("’", "'")
        if not token[0].isalnum() and token[0] not in "'’":
            out.append(token)
            continue
        replacement: str | None = None
        if after_subject:
            # an adverb between (`she always wants`) keeps the verb to come in view
            after_subject = lower in ADVERBS or (lower.endswith("ly") and len(lower) > 4)
            if not after_subject:
                replacement = SUBJECT_VERBS.get(lower) or _plain_verb(lower)
        if lower in PRONOUNS:
            replacement = PRONOUNS[lower]
            after_subject = lower in ("he", "she")
        elif lower == "her":
            following = _next_word(tokens, index)
            replacement = "you" if following is None or following in OBJECT_FOLLOWERS else "your"
        # the replacement stays lower case: a capital would be a word no template's author wrote
        out.append(token if replacement is None else replacement)
    return "".join(out)


def _plain_verb(word: str) -> str | None:
    """`wants` -> `want`, `misses` -> `miss`, `tries` -> `try` after a new `you`; other words
    (past tenses, adverbs) stay as they are (None)."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def _next_word(tokens: list[str], index: int) -> str | None:
    for token in tokens[index + 1 :]:
        if token.strip() == "":
            continue
        return token.lower() if token[0].isalnum() else None
    return None


def lower_first(text: str, proper: frozenset[str] = frozenset()) -> str:
    """The text with its first letter lowercased, unless the first word is a name (in `proper`, or
    followed by another capitalised word: `Kestrel Labs`), an acronym or `I`: `Dinner in Brighton`
    -> `dinner in Brighton`."""
    words = text.split(maxsplit=2)
    if not words:
        return text
    first = words[0].strip(".,;:!?()\"'")
    if first in proper or first == "I" or first.startswith("I'") or _inner_capital(first):
        return text
    if len(words) > 1 and words[1][:1].isupper():
        return text
    return text[0].lower() + text[1:]


def _inner_capital(word: str) -> bool:
    return any(character.isupper() for character in word[1:])


def is_verb(word: str) -> bool:
    """A first word that starts a verb phrase: a past tense (`sent`, `compared`) or an adverb."""
    lower = word.lower()
    return lower in IRREGULAR_PAST or (len(lower) > 4 and lower.endswith(("ed", "ly")))


def usable(topic: str) -> bool:
    """Whether a first clause says what happened (not `Thanks`, not empty)."""
    words = topic.split()
    return bool(words) and words[0].lower().strip(",!") not in INTERJECTIONS


def clause_of(topic: str, direction: Direction, proper: frozenset[str]) -> str | None:
    """A full clause for a topic that is a verb phrase or starts with he/she, with its subject:
    `Sent a photo` (in) -> `you sent a photo`, `He showed me` -> `you showed me`; None for a noun
    phrase such as `Chess night`."""
    words = topic.split()
    first = words[0].lower()
    if first in ("he", "she", "he's", "she's", "he'd", "she'd"):
        return to_you(topic)
    if first in ("i", "we"):
        return lower_first(topic)
    if is_verb(first):
        return f"{SUBJECT[direction]} {lower_first(to_you(topic), proper)}"
    return None


PREPOSITIONS = frozenset(
    "about in at on of for with from to after before along over by during near".split()
)


def plural_head(noun: str) -> bool:
    """Whether a noun phrase names several things (`war stories about ...`, `voice notes`): then
    `we shared ...` reads better than `our ...`."""
    head = ""
    for word in noun.split():
        if word.lower() in PREPOSITIONS:
            break
        head = word.lower().strip(",.!?()")
    return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))


def since_phrase(noun: str, direction: Direction) -> str:
    """What follows `since` for a noun phrase: `our chess night`, `we shared voice notes`."""
    if plural_head(noun) and noun.split()[0].lower() not in DETERMINERS:
        return f"{SUBJECT[direction]} shared {noun}"
    return with_possessive(noun, direction)


def with_possessive(noun: str, direction: Direction) -> str:
    """`chess night` -> `our chess night` (`my` for mine, `your` for theirs); a noun that already
    starts with a determiner keeps it."""
    if not noun.split():
        return noun
    first = noun.split(maxsplit=1)[0].lower()
    if first in DETERMINERS or "'" in first or "’" in first:
        return noun
    return f"{POSSESSIVE[direction]} {noun}"


EVENT_WORDS = frozenset(
    "summit conference meetup hackathon festival panel workshop retreat party wedding trip camp"
    " school club course class talk sprint weekend night day week fair expo launch".split()
)


def with_article(place: str, proper: frozenset[str] = frozenset()) -> str:
    """A place or occasion as it reads after `since`: `Volunteering weekend` -> `the volunteering
    weekend`, `Conference in Oslo` -> `the conference in Oslo`, `GovDesign Summit` -> `the
    GovDesign Summit`; names (`Kestrel Labs`, `LinkedIn`, `PyCon 2019`), possessives (`Ada's
    party`) and phrases with their own determiner stay as written."""
    words = place.split()
    if not words:
        return place
    first = words[0]
    if first.lower() in DETERMINERS:
        return lower_first(place, proper)
    if "'" in first or "’" in first:
        return place
    head = words[0]
    for word in words:
        if word.lower() in PREPOSITIONS:
            break
        if not word.strip(",.!?()").isdigit():  # a year or an edition: `PyCon 2019` is a name
            head = word
    head = head.strip(",.!?()")
    if head[:1].isupper() and head.lower() not in EVENT_WORDS:
        return place  # a name: Kestrel Labs, LinkedIn
    return "the " + lower_first(place, proper)


def with_the(noun: str) -> str:
    """A noun phrase with `the` unless it has its own determiner: `dinner in Brighton` -> `the
    dinner in Brighton`."""
    words = noun.split()
    if not words or words[0].lower() in DETERMINERS or "'" in words[0]:
        return noun
    return "the " + noun


def number_words(count: int) -> str:
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else "many"


def gap_words(days: int) -> str:
    """A length of time as a person says it in a message, in words (never digits): `a few days`,
    `about a week`, `a couple of weeks`, `about three months`, `about a year`, `about two years`."""
    days = abs(days)
    if days < 5:
        return "a few days"
    if days < 11:
        return "about a week"
    if days < 18:
        return "a couple of weeks"
    if days < 26:
        return "about three weeks"
    if days < 46:
        return "about a month"
    if days < 335:
        return f"about {number_words(int(days / 30.44 + 0.5))} months"
    if days < 548:
        return "about a year"
    if days < 640:
        return "over a year"
    years = int(days / 365.25 + 0.5)
    return f"about {number_words(years)} years" if years <= 20 else "many years"
