"""Latency of annotating one 5,000-word page after import (median of N runs).

Usage: python bench/latency.py CORPUS.xml... [--words 5000] [--runs 21] [--format txt|md]

Builds a page of about 5,000 words from the corpus paragraphs, annotates it once to
warm up (lexicons load), then times ``annotate_text`` N times.
Goal: median below 0.2 s.
"""

from __future__ import annotations

import statistics
import sys
import time

from _corpus import corpus_parser, parse_corpus_args


def main() -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--words", type=int, default=5000, help="page size in words")
    parser.add_argument("--runs", type=int, default=21, help="timed runs (default 21)")
    parser.add_argument("--format", choices=("txt", "md"), default="txt")
    args = parse_corpus_args(parser)

    start = time.perf_counter()
    from claims import annotate_text
    from claims.eval.bioscope import corpus_texts

    import_s = time.perf_counter() - start
    paragraphs: list[str] = []
    words = 0
    for _, text in corpus_texts(args.corpus):
        for para in text.split("\n\n"):
            if words >= args.words:
                break
            paragraphs.append(para)
            words += len(para.split())
    page = "\n\n".join(paragraphs)
    name = f"latency.{args.format}"
    first_start = time.perf_counter()
    n = len(annotate_text(page, name=name, fmt=args.format).claims)
    first_s = time.perf_counter() - first_start
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        annotate_text(page, name=name, fmt=args.format)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"page: {words} words, {len(page.encode('utf-8')) / 1e3:.0f} KB, {n} statements")
    print(f"import claims: {import_s:.3f} s; first annotate (cold lexicons): {first_s:.3f} s")
    print(
        f"annotate x{args.runs}: median {statistics.median(times):.4f} s, "
        f"min {times[0]:.4f} s, max {times[-1]:.4f} s (goal median < 0.2 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
