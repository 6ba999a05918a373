"""Store sub-commands: ``import``, ``list``, ``export`` and ``review``.

Each command opens the store named by ``--db`` (default ``CLAIMS_DB_URL``, else
``./claims.db``). Errors derived from ``ClaimsError`` are one-line messages (exit 2).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from claims.errors import ClaimsError, InputError
from claims.ingest import DEFAULT_MAX_BYTES
from claims.models import CLAIM_TYPES, FLAG_CODES, REVIEW_STATUSES, STRENGTHS, UnitKind

if TYPE_CHECKING:
    import pandas as pd

    from claims.store import Store

# pandas and the store (SQLAlchemy) are imported by the commands that use them, not
# here: building the parser must stay cheap, since ``claims annotate`` builds it too.

EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "markdown", "html")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="database URL (default: $CLAIMS_DB_URL, else sqlite file ./claims.db)",
    )


def _open(args: argparse.Namespace) -> Store:
    from claims.store import Store, default_url

    return Store(args.db if args.db else default_url())


def register(subparsers: Any) -> None:
    """Add the store commands to the ``claims`` parser."""
    p = subparsers.add_parser(
        "import",
        help="annotate files and store them as new document versions",
        description="Annotate each file and store it; an unchanged file adds no version.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"largest file accepted (default {DEFAULT_MAX_BYTES})",
    )
    _add_db(p)
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser(
        "list",
        help="list stored claims (latest document versions) with their review status",
        description="A table of stored claims; filters combine with AND.",
    )
    _add_filters(p)
    p.add_argument("--documents", action="store_true", help="list documents instead of claims")
    _add_db(p)
    p.set_defaults(func=cmd_list)

    p = subparsers.add_parser(
        "export",
        help="export stored claims and reviews as csv, jsonl, markdown or html",
        description="Write stored claims with their reviews to stdout or a file.",
    )
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument(
        "--status",
        action="append",
        default=None,
        metavar="S",
        help=f"only claims with this review status (repeatable): {', '.join(REVIEW_STATUSES)}",
    )
    p.add_argument("--doc", metavar="NAME", help="only this document (file name or doc id)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here, not stdout")
    _add_db(p)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "review",
        help="set a claim's review status, note, evidence links or strength",
        description="Save a review of one claim (atomic; audited field by field).",
    )
    p.add_argument("claim_id", metavar="ID")
    p.add_argument("--status", metavar="S", help=", ".join(REVIEW_STATUSES))
    p.add_argument("--note", help="replace the reviewer note")
    p.add_argument(
        "--link",
        action="append",
        default=None,
        metavar="LINK",
        help="add an evidence link: DOI, PMID:N, NCT id or http(s) URL (repeatable)",
    )
    p.add_argument("--clear-links", action="store_true", help="remove the stored links first")
    p.add_argument("--strength", metavar="S", help=f"override evidence strength: {STRENGTHS}")
    p.add_argument("--clear-strength", action="store_true", help="remove the override")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    p.add_argument(
        "--base-version",
        type=int,
        default=None,
        metavar="N",
        help="refuse the save unless the review is still at version N",
    )
    _add_db(p)
    p.set_defaults(func=cmd_review)


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", metavar="NAME", help="document file name or doc id")
    p.add_argument("--status", metavar="S", help=", ".join(REVIEW_STATUSES))
    p.add_argument("--flag", metavar="CODE", help=", ".join(FLAG_CODES))
    p.add_argument("--strength", metavar="S", help="evidence strength (a reviewer override wins)")
    p.add_argument("--kind", metavar="K", help="statement, heading or question")
    p.add_argument("--type", metavar="T", help=", ".join(CLAIM_TYPES))
    p.add_argument("--search", metavar="TEXT", help="case-insensitive text search")


# --- import -------------------------------------------------------------------------


def _expand(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given; a folder stands for the supported files under it (sorted)."""
    from claims.ingest import format_for

    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            try:
                format_for(child)
            except InputError:
                continue
            yield child


def cmd_import(args: argparse.Namespace) -> int:
    """Import files; bad files are reported on stderr and make the exit code 2."""
    store = _open(args)
    failed = 0
    try:
        for path in _expand(args.paths):
            try:
                result = store.import_file(path, max_bytes=args.max_bytes)
            except ClaimsError as exc:
                print(f"claims: error: {exc}", file=sys.stderr)
                failed += 1
                continue
            if result.unchanged:
                print(f"{_clean(result.name)}: unchanged (version {result.version})")
            else:
                print(
                    f"{_clean(result.name)}: version {result.version}, "
                    f"{result.added} added, {result.carried} carried, "
                    f"{result.vanished} vanished"
                )
    finally:
        store.close()
    return 2 if failed else 0


# --- list -----------------------------------------------------------------------------


def _check_choice(value: str | None, choices: Sequence[str], what: str) -> None:
    if value is not None and value not in choices:
        raise ClaimsError(f"invalid {what} {value!r}; use one of: {', '.join(choices)}")


def _doc_ids(store: Store, name: str) -> list[str]:
    from claims.store import UnknownDocumentError

    found = store.find_documents(name)
    if not found:
        raise UnknownDocumentError(f"no stored document named {name!r}")
    return [info.doc_id for info in found]


def _stored_frame(store: Store, doc_ids: Sequence[str] | None) -> pd.DataFrame:
    """The claims frame of every document, or of the given documents only."""
    import pandas as pd

    if doc_ids is None:
        return store.claims_frame()
    return pd.concat([store.claims_frame(d) for d in doc_ids], ignore_index=True)


def _effective_strength(frame: pd.DataFrame) -> pd.Series:
    override = frame["strength_override"]
    return override.where(override.notna(), frame["evidence_strength"])


def filtered_frame(store: Store, args: argparse.Namespace) -> pd.DataFrame:
    """The claims frame with the ``list`` filters of ``args`` applied."""
    import pandas as pd

    _check_choice(args.status, REVIEW_STATUSES, "status")
    _check_choice(args.flag, FLAG_CODES, "flag")
    _check_choice(args.strength, STRENGTHS, "strength")
    _check_choice(args.kind, get_args(UnitKind), "kind")
    _check_choice(args.type, CLAIM_TYPES, "type")
    frame = _stored_frame(store, _doc_ids(store, args.doc) if args.doc else None)
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if args.status:
        keep &= frame["status"] == args.status
    if args.flag:
        keep &= frame["flags"].map(lambda flags: any(f["code"] == args.flag for f in flags))
    if args.strength:
        keep &= _effective_strength(frame) == args.strength
    if args.kind:
        keep &= frame["kind"] == args.kind
    if args.type:
        keep &= frame["claim_types"].map(lambda types: args.type in types)
    if args.search:
        needle = args.search.casefold()
        keep &= frame["text"].map(lambda text: needle in text.casefold())
    return frame[keep].reset_index(drop=True)


def _clean(value: Any) -> str:
    """One printable line: terminal control characters in documents are neutralised."""
    return _UNPRINTABLE.sub(" ", "" if value is None else str(value))


def _cut(text: str, width: int) -> str:
    text = " ".join(_clean(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain left-aligned text table (the last column is not padded)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = []
    for row in [header, *rows]:
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths[:-1], strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    """Print a table of the matching claims (or of the documents)."""
    store = _open(args)
    try:
        if args.documents:
            infos = store.list_documents()
            rows = [
                [
                    i.doc_id,
                    str(i.version),
                    str(i.n_claims),
                    i.source_format,
                    i.imported_at.strftime("%Y-%m-%d %H:%M"),
                    _cut(i.name, 60),
                ]
                for i in infos
            ]
            header = ["DOC ID", "VERSION", "CLAIMS", "FORMAT", "IMPORTED", "NAME"]
            if rows:
                print(format_table(rows, header))
            print(f"{len(rows)} document(s)")
            return 0
        frame = filtered_frame(store, args)
    finally:
        store.close()
    strength = [str(v) for v in _effective_strength(frame)]
    rows = [
        [
            str(rec["id"]),
            _cut(rec["doc_name"], 24),
            str(rec["index"]),
            str(rec["kind"]),
            str(rec["status"]),
            str(s),
            ",".join(f["code"] for f in rec["flags"]) or "-",
            _cut(rec["text"], 70),
        ]
        for rec, s in zip(frame.to_dict("records"), strength, strict=True)
    ]
    header = ["ID", "DOC", "#", "KIND", "STATUS", "STRENGTH", "FLAGS", "TEXT"]
    if rows:
        print(format_table(rows, header))
    print(f"{len(rows)} claim(s)")
    return 0


# --- export ---------------------------------------------------------------------------


def render_export(store: Store, fmt: str, statuses: Sequence[str], doc: str | None) -> str:
    """The export text of the stored claims, filtered by review status and document."""
    from claims.store import check_status, frame_records, frame_reviews

    for status in statuses:
        check_status(status)
    doc_ids = _doc_ids(store, doc) if doc else None
    frame = _stored_frame(store, doc_ids)
    if statuses and not frame.empty:
        frame = frame[frame["status"].isin(list(statuses))].reset_index(drop=True)
    if fmt in ("csv", "jsonl"):
        from claims import export

        records = frame_records(frame)
        return export.records_to_csv(records) if fmt == "csv" else export.records_to_jsonl(records)
    reviews = frame_reviews(frame)
    wanted = set(reviews)
    docs = []
    for info in store.list_documents():
        if doc_ids is not None and info.doc_id not in doc_ids:
            continue
        annotated = store.get_document(info.doc_id)
        if statuses:
            kept = [c for c in annotated.claims if c.id in wanted]
            if not kept:
                continue
            annotated = annotated.model_copy(update={"claims": kept})
        docs.append(annotated)
    if fmt == "markdown":
        from claims import export

        return export.markdown_report(docs, reviews)
    from claims import report_html

    return report_html.html_report(docs, reviews)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export to stdout or atomically to ``-o OUT`` (as ``claims annotate`` does)."""
    store = _open(args)
    try:
        text = render_export(store, args.format, args.status or [], args.doc)
    finally:
        store.close()
    from claims.cli_annotate import write_output

    write_output(text, args.output)
    if args.output is not None:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


# --- review ---------------------------------------------------------------------------


def cmd_review(args: argparse.Namespace) -> int:
    """Save one review; without ``--base-version`` it builds on the current version."""
    from claims.store import ConflictError, ReviewError

    if (
        args.status is None
        and args.note is None
        and args.link is None
        and not args.clear_links
        and args.strength is None
        and not args.clear_strength
    ):
        raise ReviewError("nothing to change: give --status, --note, --link or --strength")
    store = _open(args)
    try:
        # Without --base-version: build on the current version; retry if a concurrent
        # save slips in between reading and writing (each attempt is atomic).
        attempts = 1 if args.base_version is not None else 3
        for attempt in range(attempts):
            current = store.get_review(args.claim_id)
            base = current.version if args.base_version is None else args.base_version
            links: list[str] | None = None
            if args.link is not None or args.clear_links:
                links = ([] if args.clear_links else list(current.links)) + list(args.link or [])
            try:
                review = store.save_review(
                    args.claim_id,
                    reviewer=args.reviewer,
                    base_version=base,
                    status=args.status,
                    note=args.note,
                    strength_override=args.strength,
                    clear_override=args.clear_strength,
                    links=links,
                )
                break
            except ConflictError:
                if attempt == attempts - 1:
                    raise
    finally:
        store.close()
    parts = [f"{review.claim_id}: {review.status} (version {review.version})"]
    if review.strength_override:
        parts.append(f"strength {review.strength_override}")
    if review.links:
        parts.append(f"{len(review.links)} link(s)")
    print(", ".join(parts))
    return 0
