"""Git at the edge: commits of what a command wrote, file histories, the network at a revision,
and the merge driver for contact files. The core never imports this package (an import-linter
contract in pyproject.toml keeps it so), and a folder that is not a repository is not an error.

Public API: `repo.plumbing` (`commit_contents`: a commit built from given bytes, never from the work
tree; `find_repository`, `open_repo`, `GitError`), `repo.commits` (`CommitOutcome`, the
`Kith-Command` trailer, `commit_files`), `repo.undoable` (`last_kith_commit`, for undo), `repo.sync`
(`pull_rebase`, `push`), `repo.journal` (the note that lets an interrupted write be finished),
`repo.locks` (Git's lock files, live or stale), `repo.history` (`file_histories`, for the site),
`repo.revision` (`load_at`, `load_staged`), `repo.merge_driver`.
"""
