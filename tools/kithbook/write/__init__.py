"""Changing contact files: text edits that leave every other byte alone, and safe atomic writes.

Public API: `write.service` (`write`, `Change`, `Outcome`: the one write path every command takes),
`write.undo` (kith's last commit reverted through it), `write.edit` (set a key, add a list item or
mapping entry), `write.log` (format and append one log line), `write.text` (a file cut into parts),
`write.new_contact` (a brand-new file), `write.yamltext` (values as YAML text), `write.safe_write`
(atomic, refuse-if-changed writes), `write.check_before_write` (the problems a new text would have),
`write.log_units` (log entries and keys as units for merges), `write.merge_contacts` (one contact
folded into another), `write.new_network` (the files of a new network).
"""
