"""Reading contact files: text into a `Network`, never raising for bad data.

Public API: `parse.load.load_network` / `load_texts` (the one loader), `parse.document` (front
matter and body split), `parse.yamlnodes` (YAML with lines), `parse.fields` (typed value readers),
`parse.keys` (the known front-matter keys), `parse.body` (log, notes, private section),
`parse.slugs` (file names), `parse.addresses` (e-mail and phone syntax).
"""
