"""Trimmed character spans of a text: the whole, its lines, its blank-line separated runs.

Shared by the plain-text extractor and the segmenter, which both find structure in
text they must not rewrite, so every span is an offset pair into the original string.
"""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace, or None when nothing is left."""
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return None
    start += len(piece) - len(stripped)
    return start, start + len(stripped.rstrip())


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of each non-blank line of ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        span = trim_span(text, pos, stop)
        if span is not None:
            out.append(span)
        pos = stop + 1
    return out


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of each run of non-blank lines (blank lines separate)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for sep in _BLANK_LINES.finditer(text):
        span = trim_span(text, pos, sep.start())
        if span is not None:
            out.append(span)
        pos = sep.end()
    span = trim_span(text, pos, len(text))
    if span is not None:
        out.append(span)
    return out
