"""Errors that carry a one-line, user-facing message (the CLI prints them, exit 2)."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for a person."""


class InputError(ClaimsError):
    """A document cannot be read: missing, empty, binary, bad encoding, too large..."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class LexiconError(ClaimsError):
    """A lexicon data file is malformed (caught when it is loaded)."""
