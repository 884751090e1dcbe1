"""The pure core: functions of (network, today, config), no clock, no printing, no file access.

Public API: `rules.validate.validate` (named checks), `rules.due.due_list` (whom to reach out to),
`rules.backlog`, `rules.occasions`, `rules.outreach` (the duplicate-outreach rule), and
`rules.phrases` (dates and spans in words).
"""
