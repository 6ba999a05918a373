"""The ``claims`` command line: one sub-command module per capability.

Each command module exposes ``register(subparsers)``; errors derived from
``ClaimsError`` become a one-line message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from claims.errors import ClaimsError

# Modules that add sub-commands; each has `register(subparsers) -> None` and sets
# `func(args) -> int` as the parser default.
COMMAND_MODULES: tuple[str, ...] = (
    "claims.cli_annotate",
    "claims.cli_store",
    "claims.eval.cli",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every available sub-command."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="claims",
        description="Annotate health claims: caveats, boosters, evidence, flags.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a capability not installed/built yet
            if exc.name is not None and name.startswith(exc.name):
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``claims`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
    except ClaimsError as exc:
        print(f"claims: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
