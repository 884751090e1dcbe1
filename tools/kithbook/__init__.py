"""Kithbook: a personal CRM kept as plain-text contact files in a Git repository.

The map (docs/architecture.md tells the whole story): `parse` reads files into a `model.Network`,
`rules` computes from it (validation, the due list), `write` changes files, `repo` is Git, `importers`
and `exporters` speak other tools' formats, `site` is the MkDocs plugin, `cli` the `kith` command.
Alone at the top: `model`, `config`, `errors`, and one home each for the clock (`clock`), the cache
folder (`cache`), "did you mean" hints (`hints`), pausing the garbage collector (`gc_pause`) and
the public (non-private) view of the network (`public`).
"""

__version__ = "0.1.0"
