"""DOCX: body paragraphs and tables in order, via python-docx.

Paragraph style "Title" is a level-1 heading, "Subtitle" level 2, "Heading N" level N
(capped at 6); "List ..." styles or Word numbering make a list item; each table cell's
paragraphs are paragraphs (a merged cell is read once). Corrupt files raise InputError.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from claims.errors import InputError
from claims.ingest.builder import BlockBuilder, lead_label
from claims.models import BlockKind, ExtractedText

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\xa0]+")


_PLAIN: tuple[BlockKind, int] = ("paragraph", 0)


def _classify(paragraph: Any) -> tuple[BlockKind, int]:
    """Block kind and heading level of a paragraph from its style and numbering."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    lowered = name.lower()
    if lowered == "title":
        return "heading", 1
    if lowered == "subtitle":
        return "heading", 2
    match = _HEADING_STYLE.match(name)
    if match is not None:
        return "heading", min(max(int(match.group(1)), 1), 6)
    if lowered.startswith("list"):
        return "list_item", 0
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return "list_item", 0
    return "paragraph", 0


def _bold_lead(paragraph: Any) -> str:
    """The text of the bold runs that open a paragraph, or ''."""
    parts: list[str] = []
    for run in paragraph.runs:
        if not run.bold:
            break
        parts.append(run.text)
    return "".join(parts)


def _paragraphs(container: Any, seen: set[Any]) -> Iterator[tuple[Any, bool]]:
    """(paragraph, in_table) in document order, descending into table cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item, False
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell appears once per spanned grid cell
                        continue
                    seen.add(cell._tc)  # holding the element keeps its lxml proxy stable
                    for paragraph, _ in _paragraphs(cell, seen):
                        yield paragraph, True


def extract_docx(data: bytes, source: str) -> ExtractedText:
    """Extract a DOCX document into text and blocks."""
    import docx

    builder = BlockBuilder()
    try:
        document = docx.Document(io.BytesIO(data))
        seen: set[Any] = set()
        for paragraph, in_table in _paragraphs(document, seen):
            kind, level = _PLAIN if in_table else _classify(paragraph)
            text = _SPACES.sub(" ", paragraph.text)
            label = lead_label(text.strip(), _bold_lead(paragraph))
            builder.add(text, kind, level, tight=builder.continues_list(kind), label=label)
    except Exception as exc:  # zipfile, lxml, KeyError, PackageNotFoundError, damaged XML...
        raise InputError(source, f"not a readable DOCX file ({type(exc).__name__})") from None
    extracted = builder.build("docx")
    if not extracted.blocks:
        raise InputError(source, "empty document (no text in this docx)")
    return extracted
