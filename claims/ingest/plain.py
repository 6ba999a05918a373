"""Plain text: the decoded text is kept exactly; blocks are found, never rewritten.

A block is a run of non-blank lines. A run that is a single short line without final
punctuation, followed by more text, is a heading (level 1 when it opens the document,
else 2); so is a run's first line when it is short, unpunctuated and at most half as
long as the line below it ("Disclaimer" above its text). Lines starting with a bullet
(``-``, ``*``, ``•`` ...) are list items whose span starts after the bullet. Under a
"References" heading every line is a reference (or every numbered entry, when the
entries are numbered and wrap over several lines), up to a notice about the page
("not medical advice"), which is body text again.
"""

from __future__ import annotations

import re

from claims.ingest.spans import line_spans, paragraph_spans
from claims.models import Block, ExtractedText
from claims.references import ENTRY_START, is_page_notice, is_reference_heading

_BULLET = re.compile(r"[^\S\n]*[-*•◦▪‣–·][^\S\n]+(?=\S)")
_FINAL_PUNCT = frozenset(".!?,;:…\"'”’)]")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 14
_MAX_LEADING_HEADING_CHARS = 60


def _split_leading_headings(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split off a run's first line when it is a heading sitting on top of its text.

    Only a short unpunctuated line clearly shorter than the line below it (so not the
    first line of a hard-wrapped paragraph), or a "References" line, is split off.
    """
    out: list[tuple[int, int]] = []
    for start, end in runs:
        nl = text.find("\n", start, end)
        if nl != -1:
            first = text[start:nl].rstrip()
            rest_start = nl + 1 + (len(text[nl + 1 : end]) - len(text[nl + 1 : end].lstrip()))
            line_end = text.find("\n", rest_start, end)
            second = text[rest_start : end if line_end == -1 else line_end]
            if first and (
                is_reference_heading(first)
                or (
                    len(first) <= _MAX_LEADING_HEADING_CHARS
                    and len(first) * 2 <= len(second)
                    and (second[:1].isupper() or second[:1].isdigit())
                    and _is_heading_line(first)
                )
            ):
                out.append((start, start + len(first)))
                out.append((rest_start, end))
                continue
        out.append((start, end))
    return out


def _is_heading_line(line: str) -> bool:
    """A short line, starting with a capital or digit, without final punctuation."""
    if "\n" in line or len(line) > _MAX_HEADING_CHARS or line[-1] in _FINAL_PUNCT:
        return False
    if not (line[0].isupper() or line[0].isdigit()) or not any(c.isalpha() for c in line):
        return False
    return len(line.split()) <= _MAX_HEADING_WORDS


def _reference_blocks(text: str, start: int, end: int) -> list[Block]:
    """Reference entries of a run: one per line, or per numbered entry if they wrap."""
    lines = line_spans(text, start, end)
    marked = [ENTRY_START.match(text, s, e) is not None for s, e in lines]
    if not any(marked) or all(marked):
        return [Block("reference", s, e) for s, e in lines]
    blocks: list[Block] = []
    for (s, e), is_new in zip(lines, marked, strict=True):
        if is_new or not blocks:
            blocks.append(Block("reference", s, e))
        else:  # continuation line of the previous entry
            blocks[-1] = Block("reference", blocks[-1].start, e)
    return blocks


def _list_blocks(text: str, start: int, end: int) -> list[Block]:
    """Split a run containing bullet lines into list items and plain paragraph parts."""
    blocks: list[Block] = []
    current: list[int] | None = None  # [start, end, is_list]
    for s, e in line_spans(text, start, end):
        bullet = _BULLET.match(text, s, e)
        if bullet is not None:
            if current is not None:
                blocks.append(_make(current))
            current = [bullet.end(), e, 1]
        elif current is not None and (current[2] == 0 or _indented(text, s) or text[s].islower()):
            current[1] = e  # continuation of a paragraph, or a wrapped list-item line
        else:
            if current is not None:
                blocks.append(_make(current))
            current = [s, e, 0]
    if current is not None:
        blocks.append(_make(current))
    return blocks


def _indented(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` starts with whitespace."""
    line_start = text.rfind("\n", 0, pos) + 1
    return line_start < pos


def _make(span: list[int]) -> Block:
    return Block("list_item" if span[2] else "paragraph", span[0], span[1])


def extract_plain(text: str) -> ExtractedText:
    """Blocks of an already decoded and newline-normalised plain text (kept as is)."""
    runs = _split_leading_headings(text, paragraph_spans(text))
    blocks: list[Block] = []
    ref_level = 0
    for i, (start, end) in enumerate(runs):
        chunk = text[start:end]
        has_next = i + 1 < len(runs)
        references = has_next and "\n" not in chunk and is_reference_heading(chunk)
        if ref_level and is_page_notice(chunk):
            ref_level = 0  # a disclaimer after the list ends it
        if references or (has_next and _is_heading_line(chunk)):
            level = 1 if not blocks else 2
            blocks.append(Block("heading", start, end, level))
            if references:
                ref_level = level
            elif level <= ref_level:  # a heading as high as References ends that section
                ref_level = 0
        elif ref_level:
            blocks.extend(_reference_blocks(text, start, end))
        elif _BULLET.search(chunk) is not None and _has_bullet_line(chunk):
            blocks.extend(_list_blocks(text, start, end))
        else:
            blocks.append(Block("paragraph", start, end))
    return ExtractedText(text, blocks, "txt")


def _has_bullet_line(chunk: str) -> bool:
    """True when some line of the chunk starts with a bullet marker."""
    return any(_BULLET.match(line) for line in chunk.split("\n"))
