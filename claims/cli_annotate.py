"""``claims annotate``: documents in, claim records out (jsonl, json, csv, markdown).

Bad files get a one-line error each and do not stop the others; the exit code is 2
when any file failed. ``--jobs N`` annotates files in N processes.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from claims.annotate import annotate_extracted, annotate_file
from claims.errors import ClaimsError, InputError
from claims.export import (
    MARKDOWN_HEADER,
    markdown_document,
    records_to_csv,
    records_to_jsonl,
)
from claims.ingest import DEFAULT_MAX_BYTES, extract_bytes
from claims.models import AnnotatedDocument
from claims.tagging import tag_sentence

FORMATS = ("jsonl", "json", "csv", "markdown")
STDIN_FORMATS = ("txt", "md", "html")
# (input, its rendered part of the output or None, its one-line error or None)
Result = tuple[str, str | None, str | None]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``annotate`` sub-command."""
    p = subparsers.add_parser(
        "annotate",
        help="annotate documents and print one claim record per statement",
        description="Annotate documents (txt, md, html, pdf, docx; '-' reads standard input).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to annotate, or - for stdin")
    p.add_argument("--format", "-f", choices=FORMATS, default="jsonl", help="output format")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse inputs larger than N bytes (default {DEFAULT_MAX_BYTES})",
    )
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes to use")
    p.add_argument(
        "--stdin-format",
        choices=STDIN_FORMATS,
        default="txt",
        help="format of standard input (default txt)",
    )
    p.set_defaults(func=run)


def render_part(doc: AnnotatedDocument, fmt: str) -> str:
    """One document's part of the output (parts join with ``assemble``)."""
    if fmt == "jsonl":
        return records_to_jsonl(c.record() for c in doc.claims)
    if fmt == "csv":
        return records_to_csv((c.record() for c in doc.claims), header=False)
    if fmt == "markdown":
        return markdown_document(doc)
    payload = {
        "document": doc.document.model_dump(mode="json"),
        "claims": [c.record() for c in doc.claims],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def assemble(parts: Sequence[str], fmt: str, many: bool) -> str:
    """The whole output from the documents' parts.

    ``json`` gives one object for a single input and a list when ``many`` inputs were
    given, whatever number of them failed, so a script sees one shape per call.
    """
    if fmt == "jsonl":
        return "".join(parts)
    if fmt == "csv":
        return records_to_csv([]) + "".join(parts)
    if fmt == "markdown":
        return MARKDOWN_HEADER + "".join(parts)
    if len(parts) == 1 and not many:
        return parts[0] + "\n"
    return "[\n" + ",\n".join(parts) + "\n]\n"


def _annotate_one(path: str, max_bytes: int, fmt: str) -> Result:
    """Annotate and render one path; errors come back as one-line messages, never raised.

    Rendering happens here, in the worker, so ``--jobs`` parallelises it too.
    """
    try:
        return path, render_part(annotate_file(Path(path), max_bytes=max_bytes), fmt), None
    except ClaimsError as exc:
        return path, None, str(exc)
    except Exception as exc:  # an unexpected parser failure must not cost the other files
        return path, None, f"{path}: could not be read ({type(exc).__name__}: {exc})"


def _annotate_stdin(max_bytes: int, stdin_format: str, fmt: str) -> Result:
    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        extracted = extract_bytes(data, stdin_format, "<stdin>", max_bytes=max_bytes)
        doc = annotate_extracted(extracted, f"stdin.{stdin_format}")
        return "-", render_part(doc, fmt), None
    except ClaimsError as exc:
        return "-", None, str(exc)
    except Exception as exc:  # contained like a file's failure: one line, no traceback
        return "-", None, f"<stdin>: could not be annotated ({type(exc).__name__}: {exc})"


def _size(path: str) -> int:
    """The file's size in bytes, 0 when it cannot be read (its worker reports why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _results(paths: Sequence[str], args: argparse.Namespace) -> Iterator[Result]:
    files = [p for p in paths if p != "-"]
    stdin = functools.partial(_annotate_stdin, args.max_bytes, args.stdin_format, args.format)
    if args.jobs > 1 and len(files) > 1:
        tag_sentence("warm up")  # compile the lexicons once; forked workers inherit them
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            # Largest files first, in small chunks, so no worker is left with a big file
            # at the end; results come back in that order and are yielded in the given one.
            order = sorted(set(files), key=_size, reverse=True)
            n = len(order)
            done = pool.map(
                _annotate_one,
                order,
                [args.max_bytes] * n,
                [args.format] * n,
                chunksize=max(1, n // (args.jobs * 32)),
            )
            ready: dict[str, Result] = {}
            for p in paths:
                if p == "-":
                    yield stdin()
                    continue
                while p not in ready:
                    result = next(done)
                    ready[result[0]] = result
                yield ready[p]
        return
    for p in paths:
        yield stdin() if p == "-" else _annotate_one(p, args.max_bytes, args.format)


class Progress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = total > 1 and sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {label[-40:]:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to ``output`` (a failed run leaves no half file)."""
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(output, "output path is a directory")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(output, f"cannot write output: {exc.strerror or exc}") from exc


def run(args: argparse.Namespace) -> int:
    """Annotate every path, report bad ones on stderr, write the good ones' records."""
    if args.jobs < 1:
        raise InputError("--jobs", "must be at least 1")
    if args.max_bytes < 1:
        raise InputError("--max-bytes", "must be a positive number of bytes")
    if args.paths.count("-") > 1:
        raise InputError("-", "standard input can be read only once")
    progress = Progress(len(args.paths))
    parts: list[str] = []
    failed = 0
    for path, part, error in _results(args.paths, args):
        progress.step(path)
        if part is None:
            failed += 1
            print(f"claims: error: {error}", file=sys.stderr)
        else:
            parts.append(part)
    progress.close()
    if parts:
        write_output(assemble(parts, args.format, many=len(args.paths) > 1), args.output)
    if failed:
        if len(args.paths) > 1:
            print(f"claims: {failed} of {len(args.paths)} inputs failed", file=sys.stderr)
        return 2
    return 0
