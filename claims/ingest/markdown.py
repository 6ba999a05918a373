"""Markdown: parsed with markdown-it-py; visible text with the markup removed.

Headings keep their level, list items become ``list_item`` blocks without their marker,
tables give one block per row (cells joined by " | "), HTML blocks give their visible
text, front matter is dropped. Blocks on adjacent source lines stay on adjacent lines.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from claims.ingest.builder import BlockBuilder, lead_label
from claims.ingest.html import add_html_blocks, html_blocks
from claims.models import BlockKind, ExtractedText

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TEXT_TOKENS = frozenset({"text", "text_special", "code_inline"})


def _inline_text(children: list[Any] | None) -> str:
    """Visible text of an inline token's children (alt text for images)."""
    if not children:
        return ""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in _TEXT_TOKENS:
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(_inline_text(child.children))
        elif kind == "html_inline" and _BR.fullmatch(child.content.strip()):
            parts.append("\n")
    return "".join(parts)


def _bold_lead(children: list[Any] | None) -> str:
    """The text of a bold run (``**...**``) that opens an inline token, or ''."""
    if not children:
        return ""
    first = 1 if children[0].type == "text" and not children[0].content.strip() else 0
    if len(children) <= first or children[first].type != "strong_open":
        return ""
    for i in range(first + 1, len(children)):
        if children[i].type == "strong_close":
            return _inline_text(children[first + 1 : i])
    return ""


def strip_front_matter(text: str) -> str:
    """Drop a leading ``---`` YAML block (only when it is closed)."""
    if not text.startswith("---"):
        return text
    return _FRONT_MATTER.sub("", text, count=1)


def extract_markdown(text: str) -> ExtractedText:
    """Extract Markdown source (already decoded) into text and blocks."""
    tokens = _MD.parse(strip_front_matter(text))
    builder = BlockBuilder()
    heading_level = 0
    list_depth = 0
    row: list[str] | None = None
    rows_in_table = 0
    last_line = -1  # source line after the previous block, for adjacency

    def adjacent(token: Any) -> bool:
        return token.map is not None and token.map[0] == last_line

    def context_kind() -> tuple[BlockKind, int]:
        if heading_level:
            return "heading", heading_level
        return ("list_item", 0) if list_depth else ("paragraph", 0)

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "list_item_open":
            list_depth += 1
        elif kind == "list_item_close":
            list_depth -= 1
        elif kind == "table_open":
            rows_in_table = 0
        elif kind == "tr_open":
            row = []
            row_token = token
        elif kind == "tr_close" and row is not None:
            cells = " | ".join(cell for cell in row if cell)
            builder.add(cells, "paragraph", tight=rows_in_table > 0 or adjacent(row_token))
            rows_in_table += 1
            if row_token.map is not None:
                last_line = row_token.map[1]
            row = None
        elif kind == "inline":
            content = _inline_text(token.children).strip()
            if row is not None:
                row.append(" ".join(content.split()))
                continue
            block_kind, level = context_kind()
            label = lead_label(content, _bold_lead(token.children))
            builder.add(content, block_kind, level, tight=adjacent(token), label=label)
            if token.map is not None:
                last_line = token.map[1]
        elif kind in ("fence", "code_block"):
            block_kind, level = context_kind()
            builder.add(token.content, block_kind, level, tight=adjacent(token))
            if token.map is not None:
                last_line = token.map[1]
        elif kind == "html_block":
            add_html_blocks(builder, html_blocks(token.content), tight=adjacent(token))
            if token.map is not None:
                last_line = token.map[1]
    return builder.build("md")
