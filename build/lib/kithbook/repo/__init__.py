"""Git at the edge: commits of what a command wrote, file histories, the network at a revision,
and the merge driver for contact files. The core never imports this package.

Public API: `repo.commits`, `repo.history`, `repo.revision`, `repo.merge_driver`.
"""
