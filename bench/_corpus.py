"""The command line the corpus benchmarks share: BioScope XML paths, checked up front.

Imported by the scripts next to it (``python bench/NAME.py`` puts ``bench/`` on the
path). ``claims`` is imported only inside ``corpus_docs``, so a script can time its own
import of the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def corpus_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first line of ``doc`` taking one or more corpus paths."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="BioScope / CoNLL-2010 XML file(s)")
    return parser


def parse_corpus_args(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """Parse the command line; exit 2 with one line naming any corpus file not found."""
    args = parser.parse_args()
    missing = [p for p in args.corpus if not Path(p).is_file()]
    if missing:
        script = Path(sys.argv[0]).stem
        parser.exit(2, f"{script}: corpus not found: {', '.join(missing)}\n")
    return args


def corpus_docs(paths: list[str], limit: int = 0) -> list[tuple[str, str]]:
    """``(doc id, plain text)`` per corpus document; only the first ``limit`` when > 0."""
    from claims.eval.bioscope import corpus_texts

    docs = corpus_texts(paths)
    return docs[:limit] if limit else docs
