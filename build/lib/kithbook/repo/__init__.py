"""Git at the edge: commits of what a command wrote, file histories, the network at a revision,
and the merge driver for contact files. The core never imports this package (an import-linter
contract in pyproject.toml keeps it so), and a folder that is not a repository is not an error.

Public API: `repo.commits` (`commit_files`, `undo_last`, `pull_rebase`, `push`), `repo.history`
(`file_histories`, for the site), `repo.revision` (`load_at`, `load_staged`), `repo.merge_driver`.
"""
