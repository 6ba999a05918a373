"""Assemble extracted text from blocks, recording each block's offsets as it is appended.

Formats other than txt build their output text here: blocks are joined by a blank line,
or by a single newline when the source kept them on adjacent lines (``tight``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.models import Block, BlockKind, ExtractedText
from claims.references import is_page_notice, is_reference_heading

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


class BlockBuilder:
    """Collects blocks in document order and produces an ``ExtractedText``."""

    __slots__ = ("_blocks", "_length", "_parts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(
        self,
        text: str,
        kind: BlockKind = "paragraph",
        level: int = 0,
        tight: bool = False,
        label: str | None = None,
    ) -> None:
        """Append a block (stripped; empty ones are skipped).

        Text containing a blank line is split into several blocks of the same kind, so
        a blank line in the output always separates blocks. ``label`` is a bold run-in
        label that opens the text (see ``lead_label``); a heading has none.
        """
        text = text.strip()
        if not text:
            return
        pieces = _BLANK_LINES.split(text) if "\n" in text else [text]
        for i, piece in enumerate(pieces):
            piece = piece.strip()
            if not piece:
                continue
            if self._parts:
                sep = "\n" if tight and i == 0 else "\n\n"
                self._parts.append(sep)
                self._length += len(sep)
            start = self._length
            self._parts.append(piece)
            self._length += len(piece)
            if kind == "heading":
                self._blocks.append(Block(kind, start, self._length, level))
                continue
            label_end = start + len(label) if i == 0 and label and piece.startswith(label) else 0
            self._blocks.append(Block(kind, start, self._length, 0, label_end))

    def continues_list(self, kind: BlockKind) -> bool:
        """True when a ``kind`` block would follow a list item as the next list item.

        Formats without source line information put consecutive list items on adjacent
        lines (``tight``), so a list reads as one.
        """
        return kind == "list_item" and bool(self._blocks) and self._blocks[-1].kind == "list_item"

    def build(self, source_format: str) -> ExtractedText:
        """The joined text with reference sections marked (see ``mark_references``)."""
        text = "".join(self._parts)
        return ExtractedText(text, mark_references(text, self._blocks), source_format)


def lead_label(text: str, bold: str) -> str | None:
    """The run-in label when a block's ``text`` opens with the bold run ``bold`` and the
    label ends with a colon, inside the bold run or right after it; else None."""
    bold = " ".join(bold.split())
    if not bold or not text.startswith(bold):
        return None
    if bold.endswith(":"):
        return bold
    return text[: len(bold) + 1] if text[len(bold) : len(bold) + 1] == ":" else None


def mark_references(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks under a "References"-like heading become ``reference`` blocks.

    The section ends at the next heading of the same or a higher level (lower number),
    or at a notice about the page (``is_page_notice``), which is body text again.
    """
    out: list[Block] = []
    ref_level = 0  # 0: not inside a reference section
    for block in blocks:
        if block.kind == "heading":
            if ref_level and block.level > ref_level:
                out.append(block)
                continue
            ref_level = block.level if is_reference_heading(text[block.start : block.end]) else 0
            out.append(block)
        elif ref_level and block.kind != "reference":
            if is_page_notice(text[block.start : block.end]):
                ref_level = 0
                out.append(block)
            else:
                out.append(replace(block, kind="reference", level=0))
        else:
            out.append(block)
    return out
