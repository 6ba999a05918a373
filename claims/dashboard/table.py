"""The claims table, the detail's paragraph, and export inputs from a filtered frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from claims.models import AnnotatedDocument
from claims.store import frame_records, frame_reviews

# Shown columns of the claims table, with their headers.
TABLE_COLUMNS: dict[str, str] = {
    "doc_name": "Document",
    "number": "#",
    "kind": "Kind",
    "text": "Claim",
    "strength": "Evidence",
    "caveats_txt": "Caveats",
    "boosters_txt": "Boosters",
    "evidence_txt": "Evidence mentions",
    "types_txt": "Types",
    "flags_txt": "Flags",
    "status": "Review",
    "section": "Section",
}


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The display table: one row per claim, tags as short readable strings.

    Row positions match ``frame`` so a selected row maps back to ``frame.iloc[pos]``.
    """
    table = pd.DataFrame(index=range(len(frame)))
    for column in TABLE_COLUMNS:
        if column == "number":
            table[column] = (frame["index"].to_numpy() + 1) if len(frame) else []
        elif column in frame:
            table[column] = frame[column].to_numpy()
        else:
            table[column] = ""
    return table


def paragraph_bounds(text: str, start: int, end: int, limit: int = 2000) -> tuple[int, int]:
    """The span of the paragraph around ``[start, end)``: blank-line separated, or the
    line when the paragraph is longer than ``limit`` characters."""
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    lo = 0 if lo < 0 else lo + 2
    hi = len(text) if hi < 0 else hi
    if hi - lo > limit:
        line_lo = text.rfind("\n", 0, start)
        line_hi = text.find("\n", end)
        lo = max(lo, 0 if line_lo < 0 else line_lo + 1)
        hi = min(hi, len(text) if line_hi < 0 else line_hi)
    if hi - lo > limit:
        lo, hi = max(lo, start - limit // 2), min(hi, end + limit // 2)
    return lo, hi


def export_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Claim records (``Claim.record()`` keys) with ``doc_name`` and review keys, frame order."""
    return frame_records(frame, extra=("doc_name",))


def filtered_documents(
    frame: pd.DataFrame, get_document: Callable[[str], AnnotatedDocument]
) -> list[AnnotatedDocument]:
    """The frame's documents, each keeping only the claims present in the frame."""
    docs = []
    for doc_id, ids in frame.groupby("doc_id", sort=False)["id"]:
        doc = get_document(str(doc_id))
        keep = set(ids)
        docs.append(doc.model_copy(update={"claims": [c for c in doc.claims if c.id in keep]}))
    return docs


Payload = tuple[str, str, Callable[[], str]]  # file name, MIME type, deferred builder


def export_payloads(
    frame: pd.DataFrame, get_document: Callable[[str], AnnotatedDocument]
) -> dict[str, Payload]:
    """Deferred builders of the four downloads of a filtered frame (run on click).

    CSV and JSONL come from the records; Markdown and the HTML report from the frame's
    documents reduced to the filtered claims, with their review keys.
    """
    from claims import export
    from claims.report_html import html_report

    def docs() -> list[AnnotatedDocument]:
        return filtered_documents(frame, get_document)

    return {
        "CSV": ("claims.csv", "text/csv", lambda: export.records_to_csv(export_records(frame))),
        "JSONL": (
            "claims.jsonl",
            "application/jsonl",
            lambda: export.records_to_jsonl(export_records(frame)),
        ),
        "Markdown": (
            "claims.md",
            "text/markdown",
            lambda: export.markdown_report(docs(), frame_reviews(frame)),
        ),
        "HTML report": (
            "claims.html",
            "text/html",
            lambda: html_report(docs(), frame_reviews(frame)),
        ),
    }
