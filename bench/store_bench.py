"""Time the claim store: bulk import and ``claims_frame`` at 10,000 claims.

Usage: python bench/store_bench.py [DB_URL] [--docs N] [--per-doc M]
Default DB is a fresh SQLite file in a temporary folder. For PostgreSQL pass a URL of
an empty database or schema (tables are created; nothing is dropped).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from claims import annotate_text
from claims.store import Store

SENTENCES = (
    "Stem cell therapy may regrow hair in {n} weeks.",
    "Our serum is clinically proven to reduce wrinkles by {n}%.",
    "A 2019 randomized controlled trial (Smith et al., 2019) found a {n}% improvement.",
    "Results vary and some patients see no benefit after {n} sessions.",
    "Researchers at Stanford suggest that treatment {n} could be promising.",
    "This breakthrough formula is the only natural cure, guaranteed for {n} days.",
    "Consult your doctor before starting dose {n}.",
    "Studies show that vitamin {n} supports immunity.",
)


def make_text(doc: int, per_doc: int) -> str:
    lines = [f"# Product {doc}"]
    for i in range(per_doc - 1):
        lines.append(SENTENCES[i % len(SENTENCES)].format(n=doc * 1000 + i))
    return "\n\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", nargs="?")
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--per-doc", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        store = Store(url)
        t0 = time.perf_counter()
        docs = [
            annotate_text(make_text(d, args.per_doc), name=f"bench-{d}.md", fmt="md")
            for d in range(args.docs)
        ]
        t1 = time.perf_counter()
        n_claims = sum(len(d.claims) for d in docs)
        for doc in docs:
            store.import_document(doc)
        t2 = time.perf_counter()
        ids = [c.id for d in docs for c in d.claims]
        store.bulk_set_status(ids[::3], "approved", reviewer="bench")
        t3 = time.perf_counter()
        s = time.perf_counter()
        store.claims_frame()
        cold = time.perf_counter() - s
        store.save_review(ids[0], reviewer="bench", base_version=1, status="revise")
        timings = []
        for _ in range(5):
            s = time.perf_counter()
            frame = store.claims_frame()
            timings.append(time.perf_counter() - s)
        s = time.perf_counter()
        one = store.get_document(docs[0].document.id)
        t_get = time.perf_counter() - s
        store.close()
    assert len(frame) == n_claims and len(one.claims) == len(docs[0].claims)
    backend = url.split(":", 1)[0]
    print(f"backend {backend}: {args.docs} docs, {n_claims} claims")
    print(f"  annotate          {t1 - t0:7.3f} s (not the store)")
    print(f"  import_document   {t2 - t1:7.3f} s total, {(t2 - t1) / args.docs * 1000:.1f} ms/doc")
    print(f"  bulk_set_status   {t3 - t2:7.3f} s for {len(ids[::3])} claims")
    print(f"  claims_frame      {cold:7.3f} s first call (parses every record)")
    median = sorted(timings)[2]
    print(f"  claims_frame      {min(timings):7.3f} s best of 5 later calls (median {median:.3f})")
    print(f"  get_document      {t_get:7.3f} s ({len(one.claims)} claims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
