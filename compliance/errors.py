"""Small named exceptions the command line turns into one-line messages (exit 2)."""


class ListguardError(Exception):
    """Base class: a problem with the user's input or options, never a bug."""


class InputError(ListguardError):
    """A file cannot be used. The message names the file, line and column where known."""

    def __init__(self, message, path=None, line=None, column=None):
        self.path, self.line, self.column = path, line, column
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class UsageError(ListguardError):
    """An option or argument is wrong; the message says what would be right."""
