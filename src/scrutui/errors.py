"""Errors a user can act on. Each carries one line in plain words; the CLI and the app show it."""


class ScrutuiError(Exception):
    """An error whose message is written for the clerk, member or chair who will read it."""


class NotFound(ScrutuiError):
    """Something asked for by id or name does not exist."""


class DatabaseError(ScrutuiError):
    """The database cannot be opened or used as asked; the file is left as it was."""


class ReadOnlyError(ScrutuiError):
    """An edit was attempted on a database opened read-only."""

    def __init__(self, message: str = "This database is open read-only: nothing can be changed.") -> None:
        super().__init__(message)
