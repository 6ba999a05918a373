"""End-to-end annotate throughput against pysbd segmentation alone, on the same text.

Usage: python bench/throughput.py CORPUS.xml... [--limit N] [--repeat R]

Each BioScope ``<Document>`` becomes one plain-text document (each part's sentences
joined into a paragraph). ``claims.annotate_text`` runs on every document in one
process; then ``pysbd.Segmenter(language="en", clean=False)`` segments the same
paragraphs. The two alternate for ``--repeat`` rounds and the best round of each is kept,
so a busy shared machine slows both alike. Prints MB/s (UTF-8 bytes) and statements/s
for both, every round's time, and the ratio of the best rounds.
Goal: annotate end to end at least 3x the speed of pysbd segmentation alone.
"""

from __future__ import annotations

import sys
import time

from _corpus import corpus_docs, corpus_parser, parse_corpus_args


def _rounds(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def main() -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="alternating rounds (best kept)")
    args = parse_corpus_args(parser)
    from claims import annotate_text

    docs = corpus_docs(args.corpus, args.limit)
    megabytes = sum(len(t.encode("utf-8")) for _, t in docs) / 1e6
    annotate_text(docs[0][1], name="warmup.txt")  # lexicons load once, outside the timing
    segmenter = None
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
    except ImportError:
        pass
    paragraphs = [p for _, t in docs for p in t.split("\n\n") if p.strip()]

    annotate_times: list[float] = []
    pysbd_times: list[float] = []
    statements = sentences = 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        statements = sum(len(annotate_text(t, name=f"{d}.txt").claims) for d, t in docs)
        annotate_times.append(time.perf_counter() - start)
        if segmenter is not None:
            start = time.perf_counter()
            sentences = sum(len(segmenter.segment(p)) for p in paragraphs)
            pysbd_times.append(time.perf_counter() - start)
    annotate_s = min(annotate_times)
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB, {statements} statements")
    print(
        f"annotate (end to end)  {megabytes / annotate_s:8.3f} MB/s  "
        f"{statements / annotate_s:9.0f} statements/s  {annotate_s:7.2f} s"
        f"  (rounds: {_rounds(annotate_times)})"
    )
    if segmenter is None:
        print("pysbd: not installed (pip install pysbd); no comparison")
        return 0
    pysbd_s = min(pysbd_times)
    print(
        f"pysbd (segment only)   {megabytes / pysbd_s:8.3f} MB/s  "
        f"{sentences / pysbd_s:9.0f} sentences/s   {pysbd_s:7.2f} s"
        f"  (rounds: {_rounds(pysbd_times)})"
    )
    print(f"ratio annotate / pysbd: {pysbd_s / annotate_s:.2f}x (goal >= 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
