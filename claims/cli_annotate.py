"""``claims annotate``: documents in, claim records out (jsonl, json, csv, markdown).

Bad files get a one-line error each and do not stop the others; the exit code is 2
when any file failed. ``--jobs N`` annotates files in N processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from claims.annotate import annotate_extracted, annotate_file
from claims.errors import ClaimsError, InputError
from claims.export import markdown_report, records_to_csv, records_to_jsonl
from claims.ingest import DEFAULT_MAX_BYTES, extract_bytes
from claims.models import AnnotatedDocument

FORMATS = ("jsonl", "json", "csv", "markdown")
STDIN_FORMATS = ("txt", "md", "html")
Result = tuple[str, AnnotatedDocument | None, str | None]


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


def _annotate_one(path: str, max_bytes: int) -> Result:
    """Annotate one path; errors come back as their one-line message, never raised."""
    try:
        return path, annotate_file(Path(path), max_bytes=max_bytes), None
    except ClaimsError as exc:
        return path, None, str(exc)
    except Exception as exc:  # an unexpected parser failure must not cost the other files
        return path, None, f"{path}: could not be read ({type(exc).__name__}: {exc})"


def _annotate_stdin(max_bytes: int, fmt: str) -> Result:
    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        extracted = extract_bytes(data, fmt, "<stdin>", max_bytes=max_bytes)
        return "-", annotate_extracted(extracted, f"stdin.{fmt}"), None
    except ClaimsError as exc:
        return "-", None, str(exc)
    except Exception as exc:  # contained like a file's failure: one line, no traceback
        return "-", None, f"<stdin>: could not be annotated ({type(exc).__name__}: {exc})"


def _results(paths: Sequence[str], args: argparse.Namespace) -> Iterator[Result]:
    files = [p for p in paths if p != "-"]
    if args.jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            chunk = max(1, len(files) // (args.jobs * 8))
            by_path = pool.map(_annotate_one, files, [args.max_bytes] * len(files), chunksize=chunk)
            it = iter(by_path)
            for p in paths:
                yield _annotate_stdin(args.max_bytes, args.stdin_format) if p == "-" else next(it)
        return
    for p in paths:
        if p == "-":
            yield _annotate_stdin(args.max_bytes, args.stdin_format)
        else:
            yield _annotate_one(p, args.max_bytes)


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


def render(docs: Sequence[AnnotatedDocument], fmt: str, many: bool = False) -> str:
    """The output text for the annotated documents in one format.

    ``json`` gives one object for a single input and a list when ``many`` inputs were
    given, whatever number of them failed, so a script sees one shape per call.
    """
    if fmt == "jsonl":
        return records_to_jsonl(c.record() for d in docs for c in d.claims)
    if fmt == "csv":
        return records_to_csv(c.record() for d in docs for c in d.claims)
    if fmt == "markdown":
        return markdown_report(docs)
    objects = [
        {
            "document": d.document.model_dump(mode="json"),
            "claims": [c.record() for c in d.claims],
        }
        for d in docs
    ]
    payload: object = objects if many or len(objects) != 1 else objects[0]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to ``output`` (a failed run leaves no half file)."""
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(output, "output path is a directory")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", suffix=".tmp")
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
    docs: list[AnnotatedDocument] = []
    failed = 0
    for path, doc, error in _results(args.paths, args):
        progress.step(path)
        if doc is None:
            failed += 1
            print(f"claims: error: {error}", file=sys.stderr)
        else:
            docs.append(doc)
    progress.close()
    if docs:
        write_output(render(docs, args.format, many=len(args.paths) > 1), args.output)
    if failed:
        if len(args.paths) > 1:
            print(f"claims: {failed} of {len(args.paths)} inputs failed", file=sys.stderr)
        return 2
    return 0
