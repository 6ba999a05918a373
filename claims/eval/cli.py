"""``claims eval hedges`` (BioScope speculation) and ``claims eval gold`` (gold set)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``eval`` command with its ``hedges`` and ``gold`` sub-commands."""
    ev = subparsers.add_parser("eval", help="score the annotator against labelled data")
    sub = ev.add_subparsers(dest="eval_command", metavar="WHAT")
    ev.set_defaults(func=lambda args: _usage(ev))

    h = sub.add_parser("hedges", help="speculation cues on BioScope / CoNLL-2010 XML")
    h.add_argument("paths", nargs="+", metavar="PATH.xml", help="BioScope XML file(s)")
    h.add_argument(
        "--split",
        choices=("dev", "test", "check", "all"),
        default="all",
        help="abstracts: test when sha1(doc id) mod 5 == 0, else dev; full articles: "
        "check (default: all)",
    )
    h.add_argument("--errors", type=int, default=0, metavar="N", help="show N worst errors")
    h.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    h.add_argument("--json", action="store_true", help="print machine-readable scores")
    h.set_defaults(func=run_hedges)

    g = sub.add_parser("gold", help="claim records against hand-labelled gold documents")
    g.add_argument("directory", metavar="DIR", help="folder of <doc>.gold.json + sources")
    g.add_argument("--json", action="store_true", help="print machine-readable scores")
    g.add_argument("--details", action="store_true", help="list mismatched statements")
    g.add_argument(
        "--min-f1", type=float, default=None, metavar="X", help="exit 1 if overall cue F1 < X"
    )
    g.set_defaults(func=run_gold)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_hedges(args: argparse.Namespace) -> int:
    """Score speculation detection on each XML file and overall."""
    from claims.errors import InputError
    from claims.eval.bioscope import read_bioscope
    from claims.eval.hedges import HedgeReport, format_errors, format_report, predict_all

    if args.errors < 0 or args.jobs < 1:
        raise InputError("claims eval hedges", "--errors must be >= 0 and --jobs >= 1")
    total = HedgeReport()
    per_file: dict[str, Any] = {}
    for path in args.paths:
        sentences = [
            s
            for doc in read_bioscope(path)
            if args.split == "all" or doc.split == args.split
            for s in doc.sentences
        ]
        report = HedgeReport()
        for result in predict_all(sentences, jobs=args.jobs):
            report.add(result)
            total.add(result)
        per_file[path] = report.as_dict()
        if not args.json:
            print(format_report(f"{path} [{args.split}]", report))
    if args.json:
        print(json.dumps({"split": args.split, "files": per_file, "total": total.as_dict()}))
        return 0
    if len(args.paths) > 1:
        print(format_report(f"all files [{args.split}]", total))
    if args.errors:
        print(format_errors(total, args.errors))
    return 0


def run_gold(args: argparse.Namespace) -> int:
    """Score the engine on a gold directory; exit 1 under ``--min-f1``."""
    from claims.eval.gold import format_gold_report, load_gold_dir, score_gold_dir

    docs = load_gold_dir(args.directory)
    report = score_gold_dir(docs)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_gold_report(report, details=args.details))
    overall = report.overall_cue_f1()
    if args.min_f1 is not None and overall < args.min_f1:
        print(
            f"claims eval gold: overall cue F1 {overall:.3f} is below --min-f1 {args.min_f1}",
            file=sys.stderr,
        )
        return 1
    return 0
