"""Dashboard speed on a large store: import, claims frame, filters, document render.

Usage: python bench/dashboard.py [--claims 10000] [--doc-claims 1000] [--db URL] [--app]

Builds a fresh store (a temporary SQLite file unless ``--db`` is given) from the bundled
samples repeated with varied wording (numbers, names and product words change per copy,
so every statement is a new claim), until it holds about ``--claims`` claims in
documents of about ``--doc-claims`` claims each. Then times, best of ``--repeat``:
the import, ``Store.claims_frame``, ``prepare_frame``, the ``st.cache_data`` round trip
(pickle), a few filter combinations, the table frame, and the highlighted document view
of the largest document. ``--app`` also times full script runs of app.py in AppTest.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claims.annotate import annotate_file, annotate_text  # noqa: E402
from claims.dashboard.filters import Filters, apply_filters, prepare_frame  # noqa: E402
from claims.dashboard.table import table_frame  # noqa: E402
from claims.highlight import document_html  # noqa: E402
from claims.ingest import SUPPORTED_FORMATS  # noqa: E402
from claims.store import Store  # noqa: E402

SAMPLES = REPO / "data" / "samples"
PRODUCTS = ["VitaStrand", "FolliMax", "DermaGrow", "RootRevive", "Keratina", "Capillix"]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def sample_texts() -> list[str]:
    """Plain text of each bundled sample (extracted by the real pipeline)."""
    texts = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix.lstrip(".") in SUPPORTED_FORMATS:
            texts.append(annotate_file(path).document.text)
    return texts


def vary(text: str, n: int) -> str:
    """A copy of a sample with per-copy numbers and product names."""
    out = text
    for i, word in enumerate(PRODUCTS):
        out = out.replace(word, PRODUCTS[(i + n) % len(PRODUCTS)] + str(n))
    return f"Edition {n}: {out}".replace(" 8 weeks", f" {8 + n % 50} weeks")


def build(store: Store, target: int, per_doc: int) -> tuple[int, int]:
    """Import generated documents until the store holds ``target`` claims."""
    texts = sample_texts()
    counts = {t: len(annotate_text(t, "probe.txt").claims) for t in texts}
    total = docs = copy = 0
    while total < target:
        parts: list[str] = []
        claims_in_doc = 0
        while claims_in_doc < per_doc and total + claims_in_doc < target:
            base = texts[copy % len(texts)]
            parts.append(vary(base, copy))
            copy += 1
            claims_in_doc += counts[base]
        annotated = annotate_text("\n\n".join(parts), f"generated_{docs:04d}.txt")
        store.import_document(annotated)
        total += len(annotated.claims)
        docs += 1
    return total, docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--doc-claims", type=int, default=1_000)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--app", action="store_true", help="also time app.py runs (AppTest)")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    store = Store(url)
    print(f"store: {store!r}")

    t0 = time.perf_counter()
    total, docs = build(store, args.claims, args.doc_claims)
    build_s = time.perf_counter() - t0
    print(f"build: {total} claims in {docs} documents, annotate+import {build_s:.2f} s")

    doc = store.list_documents()[0]
    annotated = store.get_document(doc.doc_id)
    reimport = annotated.model_copy(
        update={"document": annotated.document.model_copy(update={"sha256": "x" * 64})}
    )
    s, _ = best(lambda: store.import_document(reimport), 1)
    print(f"import one document of {len(annotated.claims)} claims (store only): {s * 1000:.0f} ms")

    s, raw = best(store.claims_frame, args.repeat)
    print(f"claims_frame ({len(raw)} rows): {s * 1000:.0f} ms")
    s, frame = best(lambda: prepare_frame(raw), args.repeat)
    print(f"prepare_frame: {s * 1000:.0f} ms")
    s, blob = best(lambda: pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL), args.repeat)
    s2, _ = best(lambda: pickle.loads(blob), args.repeat)
    print(
        f"cache round trip: dumps {s * 1000:.0f} ms, loads {s2 * 1000:.0f} ms, "
        f"{len(blob) / 1e6:.1f} MB"
    )

    combos = {
        "no filter": Filters(),
        "flag=overstated": Filters(flag=("overstated",)),
        "type=efficacy,safety & strength=none": Filters(
            type=("efficacy", "safety"), strength=("none",)
        ),
        "caveat=none & kind=statement & severity=high": Filters(
            caveat=("none",), kind=("statement",), severity=("high",)
        ),
        "q='hair' & status=unreviewed": Filters(q="hair", status=("unreviewed",)),
        "one document & booster=absolute": Filters(doc=doc.doc_id, booster=("absolute",)),
    }
    for name, filters in combos.items():
        s, view = best(lambda f=filters: apply_filters(frame, f), args.repeat)
        print(f"filter {name}: {len(view)} rows in {s * 1000:.1f} ms")
    s, table = best(lambda: table_frame(frame), args.repeat)
    print(f"table_frame ({len(table)} rows): {s * 1000:.0f} ms")

    rows = frame[frame["doc_id"] == doc.doc_id].to_dict("records")
    text = annotated.document.text
    s, markup = best(lambda: document_html(text, rows), args.repeat)
    print(
        f"document_html ({len(rows)} claims, {len(text)} chars): {s * 1000:.0f} ms, "
        f"{len(markup) / 1e6:.2f} MB of HTML"
    )

    if args.app:
        from streamlit.testing.v1 import AppTest

        os.environ["CLAIMS_DB_URL"] = url
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        s, _ = best(at.run, 1)
        print(f"app first run (loads and caches the frame): {s:.2f} s")
        s, _ = best(at.run, args.repeat)
        print(f"app rerun (cached frame): {s:.2f} s")
        at.multiselect(key="f_flag").set_value(["overstated"])
        s, _ = best(at.run, args.repeat)
        print(f"app rerun with flag filter: {s:.2f} s")
        if at.exception:
            print("app raised:", at.exception[0].value)
    store.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
