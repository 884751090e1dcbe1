"""The one "did you mean" hint: the known words closest to a mistyped one, said the same way everywhere.

Used for unknown channels, circles, statuses, options, slugs and contacts. (Unknown front-matter keys
have their own rule, `parse.key_typos`, which also knows singular forms such as `email`.)
"""

from __future__ import annotations

from collections.abc import Iterable


def close_words(word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `choices` that look like `word`, closest first."""
    import difflib  # only when a word is unknown: loading a network never needs it

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def did_you_mean(
    word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6, quoted: bool = False
) -> str:
    """` (did you mean X?)` naming the closest choices (`'X'` when `quoted`), or "" when none is close."""
    close = close_words(word, choices, n=n, cutoff=cutoff)
    if not close:
        return ""
    return f" (did you mean {', '.join(repr(c) if quoted else c for c in close)}?)"
