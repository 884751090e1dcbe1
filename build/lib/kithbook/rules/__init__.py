"""The pure core: functions of (network, today, config), no clock, no printing, no file access.

Public API: `rules.validate.validate` and `CHECKS` (the named checks), `rules.due.due_list` (whom
to reach out to, each with its reasons), `rules.backlog` (the week's never-contacted picks),
`rules.occasions` (birthdays and yearly dates in a span), `rules.outreach` (the duplicate-outreach
rule), and `rules.phrases` (dates and spans in words).
"""
