"""Peak memory annotating one 10 MB document built by repeating the corpus text.

Usage: python bench/memory.py CORPUS.xml... [--mb 10] [--tracemalloc]

Prints the process's peak resident set size (``resource.getrusage``) before and after
annotating, and with ``--tracemalloc`` the peak of Python allocations (slower).
Goal: peak RSS below 500 MB for a 10 MB input.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc

from _corpus import corpus_docs, corpus_parser, parse_corpus_args


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="input size in MB (default 10)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace allocations")
    args = parse_corpus_args(parser)

    from claims import annotate_text

    texts = [t for _, t in corpus_docs(args.corpus)]
    annotate_text(texts[0], name="warmup.txt")
    target = int(args.mb * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= target:
                break
    text = "\n\n".join(parts)
    del parts, texts
    before = peak_rss_mb()
    print(f"input: {len(text.encode('utf-8')) / 1e6:.2f} MB; peak RSS before: {before:.0f} MB")
    if args.tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    doc = annotate_text(text, name="memory-bench.txt")
    seconds = time.perf_counter() - start
    print(f"annotated {len(doc.claims)} statements in {seconds:.1f} s")
    if args.tracemalloc:
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc peak (Python allocations): {traced_peak / 1e6:.0f} MB")
    after = peak_rss_mb()
    print(f"peak RSS after: {after:.0f} MB (goal < 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
