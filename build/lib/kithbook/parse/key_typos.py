"""Which known key an unknown front-matter key is probably a typo of (`emial` -> emails)."""

from __future__ import annotations

from functools import lru_cache

from kithbook.parse.keys import KEYS

SINGULAR_KEYS = {
    "email": "emails",
    "mail": "emails",
    "phone": "phones",
    "tel": "phones",
    "link": "links",
    "tag": "tags",
    "memory": "memories",
    "goal": "goals",
    "date": "dates",
    "alias": "aka",
    "aliases": "aka",
    "nickname": "aka",
    "title": "role",
    "job": "role",
    "org": "company",
    "organization": "company",
    "city": "location",
    "birthdate": "birthday",
    "bday": "birthday",
}


@lru_cache(maxsize=1024)
def did_you_mean_key(key: str) -> str | None:
    """The known key an unknown one is probably a typo of, or None."""
    lowered = key.lower()
    if lowered in KEYS and lowered != key:
        return lowered
    if lowered in SINGULAR_KEYS:
        return SINGULAR_KEYS[lowered]
    # a short key is a word of its own: `pet` is not a typo of `met`
    limit = 0 if len(lowered) <= 3 else 1 if len(lowered) <= 5 else 2
    best = min(KEYS, key=lambda known: edit_distance(lowered, known))
    candidates = (lowered, lowered[:-1] if lowered.endswith("s") else lowered + "s")
    if min(edit_distance(candidate, best) for candidate in candidates) <= limit:
        return best
    return None


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once: `emial` is one step from `email`)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]
