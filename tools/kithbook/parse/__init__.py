"""Reading contact files: text into a `Network`, never raising for bad data.

Public API: `parse.load.load` (the one loader: a folder into a Network), `parse.load.load_files`
(the same from (path, bytes) pairs, as a Git commit holds them) and `parse_contact` (one file);
`parse.document` (front matter and body split), `parse.yamlnodes` (YAML with lines),
`parse.fields.FieldReader` (typed value readers that report problems), `parse.keys.KEYS` (the known
front-matter keys), `parse.key_typos` (which known key an unknown one is a typo of), `parse.body`
(log, notes, private section), `parse.slugs` (file names), `parse.addresses` (e-mail and phone
syntax), `parse.cache` (parsed files kept between runs, for `load(root, cache=True)`).
"""
