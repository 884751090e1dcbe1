"""Values a contact file would reject are dropped from a candidate, with a warning at its line."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.config import Config
from kithbook.importers.candidate import Candidate
from kithbook.importers.tidy import tidy
from kithbook.model import Met, MonthDay

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("values", "field", "kept", "warning"),
    [
        (
            {"emails": ["ada@example.org", "nope"]},
            "emails",
            ["ada@example.org"],
            "nope is not a valid",
        ),
        ({"phones": ["+44 20 7946 0001", "12"]}, "phones", ["+44 20 7946 0001"], "phone 12 is not"),
        (
            {"birthday": MonthDay(1, 1, 2030)},
            "birthday",
            None,
            "birthday 2030-01-01 is in the future",
        ),
        (
            {"met": Met(date=dt.date(2027, 1, 1), where="LinkedIn")},
            "met",
            Met(where="LinkedIn"),
            "met date 2027-01-01 is in the future",
        ),
    ],
)
def test_a_bad_value_is_dropped_with_a_warning(values, field, kept, warning):
    candidate = Candidate(line=7, name="Ada", **values)
    problems = tidy(candidate, Config(), TODAY)
    assert getattr(candidate, field) == kept
    assert [(problem.line, problem.severity) for problem in problems] == [(7, "warning")]
    assert warning in problems[0].message


def test_a_clean_candidate_is_left_alone():
    candidate = Candidate(line=1, name="Ada", emails=["ada@example.org"], birthday=MonthDay(2, 29))
    assert tidy(candidate, Config(), TODAY) == []
    assert candidate.emails == ["ada@example.org"]
