"""Drop the imported values a contact file would reject, each with a warning at its source line.

An address that is not one, a number that is not one, or a birthday in the future would make the
written file fail validation; the person still imports, without that value.
"""

from __future__ import annotations

import datetime as dt

from kithbook.config import Config
from kithbook.importers.candidate import Candidate, SourceProblem
from kithbook.model import Met
from kithbook.rules.validate import email_problem, phone_problem


def tidy(candidate: Candidate, config: Config, today: dt.date) -> list[SourceProblem]:
    """Remove invalid e-mails and phones, future birthdays and met dates; warn about each."""
    warnings: list[SourceProblem] = []
    line = candidate.line
    kept_emails = []
    for address in candidate.emails:
        reason = email_problem(address)
        if reason:
            warnings.append(
                SourceProblem(
                    line, "warning", f"{address} is not a valid e-mail ({reason}); left out"
                )
            )
        else:
            kept_emails.append(address)
    candidate.emails = kept_emails
    kept_phones = []
    for number in candidate.phones:
        reason = phone_problem(number, config.phone_region)
        if reason:
            warnings.append(SourceProblem(line, "warning", f"phone {number} {reason}; left out"))
        else:
            kept_phones.append(number)
    candidate.phones = kept_phones
    birthday = candidate.birthday
    if birthday and birthday.year is not None and birthday.in_year(birthday.year) > today:
        warnings.append(
            SourceProblem(line, "warning", f"birthday {birthday} is in the future; left out")
        )
        candidate.birthday = None
    met = candidate.met
    if met and met.date and met.date > today:
        message = f"met date {met.date_text} is in the future; left out"
        warnings.append(SourceProblem(line, "warning", message))
        candidate.met = Met(where=met.where) if met.where else None
    return warnings
