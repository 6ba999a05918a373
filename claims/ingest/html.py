"""HTML: visible text only, one block per block-level element, site chrome removed.

Dropped: script, style, head, template, noscript, svg, iframe and other non-text
elements, ``nav``, ``role=navigation``, elements whose id/class mentions "cookie"
(consent banners) and elements marked ``hidden``/``display:none``. Footers and
disclaimers are kept: they carry caveats. Whitespace collapses within a block, ``<br>``
becomes a newline, entities are decoded by the parser, link text is kept.
"""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Script,
    Stylesheet,
    Tag,
    TemplateString,
)
from bs4.exceptions import ParserRejectedMarkup

from claims.ingest.builder import BlockBuilder, lead_label
from claims.models import BlockKind, ExtractedText

_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "head",
        "title",
        "meta",
        "link",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "datalist",
        "nav",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"strong", "b"})
_LEAD_END = object()  # stack marker: the bold run that opened the block is complete
# String subclasses that are not visible text (comments, doctype, CDATA, script bodies...).
_INVISIBLE_STRINGS = (
    Comment,
    Declaration,
    Doctype,
    ProcessingInstruction,
    CData,
    Stylesheet,
    Script,
    TemplateString,
)
_WS = re.compile(r"\s+")
# Soft hyphens and zero-width spaces/BOMs: invisible, but they would split words.
_INVISIBLE_CHARS = str.maketrans("", "", "\xad\u200b\ufeff")
_SPACED_NL = re.compile(r" *\n *")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

HtmlBlock = tuple[BlockKind, int, str, str | None]  # (kind, heading level, text, label)


def _is_chrome(tag: Tag) -> bool:
    """Navigation, cookie banners and hidden elements: not document text."""
    attrs: dict[str, Any] = tag.attrs
    if not attrs:
        return False
    if str(attrs.get("role", "")).lower() == "navigation":
        return True
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(str(style)):
        return True
    ident = attrs.get("id", "")
    classes = attrs.get("class", "")
    names = f"{ident} {' '.join(classes) if isinstance(classes, list) else classes}"
    return "cookie" in names.lower()


# "<!" that opens no comment, doctype or CDATA section: html.parser rejects a page with
# one ("<![1"), so it is read as text instead
_STRAY_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[|doctype)", re.IGNORECASE)


def _soup(markup: str) -> BeautifulSoup:
    """The parsed page; a malformed declaration the parser rejects is kept as text."""
    try:
        return BeautifulSoup(markup, "html.parser")
    except ParserRejectedMarkup:
        try:
            return BeautifulSoup(_STRAY_DECLARATION.sub("&lt;!", markup), "html.parser")
        except ParserRejectedMarkup:  # last resort: every tag as text, nothing lost
            return BeautifulSoup(markup.replace("<", "&lt;"), "html.parser")


def html_blocks(markup: str) -> list[HtmlBlock]:
    """Visible text blocks of an HTML document or fragment, in document order."""
    soup = _soup(markup)
    out: list[HtmlBlock] = []
    buf: list[str] = []
    bold: list[str] = []  # the text of a bold run that opens the current block

    def flush(kind: BlockKind, level: int, pre: bool) -> None:
        lead = bold.pop() if bold else ""
        if not buf:
            return
        text = "".join(buf)
        buf.clear()
        text = text.translate(_INVISIBLE_CHARS)
        if not pre:
            text = _SPACED_NL.sub("\n", text).strip()
        if text.strip():
            label = lead_label(text, lead.translate(_INVISIBLE_CHARS))
            out.append((kind, level, text, label))

    # Explicit stack instead of recursion: deeply nested pages must not overflow.
    # Entries: (node, kind, level, pre, closing) - closing entries flush their block.
    stack: list[tuple[Any, BlockKind, int, bool, bool]] = [(soup, "paragraph", 0, False, False)]
    while stack:
        node, kind, level, pre, closing = stack.pop()
        if closing:
            flush(kind, level, pre)
            continue
        if node is _LEAD_END:
            bold[:] = ["".join(buf)]
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, _INVISIBLE_STRINGS):
                continue
            text = str(node)
            buf.append(
                text.replace("\r\n", "\n").replace("\r", "\n") if pre else _WS.sub(" ", text)
            )
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in _DROP_TAGS or _is_chrome(node):
            continue
        if name == "br":
            buf.append("\n")
            continue
        if name in _BLOCK_TAGS:
            flush(kind, level, pre)
            if name in _HEADINGS:
                kind, level = "heading", _HEADINGS[name]
            elif name == "li":
                kind, level = "list_item", 0
            elif name in ("td", "th") or kind not in ("heading", "list_item"):
                kind, level = "paragraph", 0
            pre = pre or name == "pre"
            stack.append((node, kind, level, pre, True))
        elif name in _BOLD and not "".join(buf).strip():
            stack.append((_LEAD_END, kind, level, pre, False))
        stack.extend((child, kind, level, pre, False) for child in reversed(node.contents))
    flush("paragraph", 0, False)
    return out


def add_html_blocks(builder: BlockBuilder, blocks: list[HtmlBlock], tight: bool = False) -> None:
    """Append HTML blocks; consecutive list items sit on adjacent lines."""
    for i, (kind, level, text, label) in enumerate(blocks):
        tight_here = (tight and i == 0) or builder.continues_list(kind)
        builder.add(text, kind, level, tight=tight_here, label=label)


def extract_html(markup: str) -> ExtractedText:
    """Extract an HTML page (already decoded) into text and blocks."""
    builder = BlockBuilder()
    add_html_blocks(builder, html_blocks(markup))
    return builder.build("html")
