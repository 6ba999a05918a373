"""The annotation pipeline: extract -> segment -> tag -> document-level flags."""

from __future__ import annotations

import hashlib
from pathlib import Path

from claims.ids import claim_ids, doc_id_for
from claims.ingest import DEFAULT_MAX_BYTES, extract_file, extract_string
from claims.ingest.decode import normalize_newlines
from claims.ingest.plain import extract_plain
from claims.models import AnnotatedDocument, Claim, Document, ExtractedText
from claims.segment import segment
from claims.tagging import tag_document


def annotate_extracted(extracted: ExtractedText, name: str) -> AnnotatedDocument:
    """Annotate already extracted text (the step shared by every entry point)."""
    text = extracted.text
    doc_id = doc_id_for(name)
    document = Document(
        id=doc_id,
        name=name,
        source_format=extracted.source_format,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
    )
    units = segment(extracted)
    ids = claim_ids(doc_id, [text[u.start : u.end] for u in units])
    claims: list[Claim] = tag_document(text, units, ids, doc_id)
    return AnnotatedDocument(document=document, claims=claims)


def annotate_text(text: str, name: str = "text.txt", fmt: str = "txt") -> AnnotatedDocument:
    """Annotate a string (``fmt``: txt, md or html) as the document ``name``.

    Any string is accepted: text with no content gives a document with no claims (the
    CLI, by contrast, refuses an empty file as a likely mistake).
    """
    if fmt == "txt":  # plain text needs no parsing, so nothing can be refused
        return annotate_extracted(extract_plain(normalize_newlines(text)), name)
    if not text.strip():
        return annotate_extracted(ExtractedText("", [], fmt), name)
    return annotate_extracted(extract_string(text, fmt=fmt, source=name), name)


def annotate_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> AnnotatedDocument:
    """Annotate a file (txt, md, html, pdf, docx); raises ``InputError`` on bad input."""
    path = Path(path)
    return annotate_extracted(extract_file(path, max_bytes=max_bytes), path.name)
