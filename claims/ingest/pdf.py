"""PDF: the pypdf text layer, rebuilt into paragraphs.

pypdf's plain extraction gives one line per text line and rarely blank lines, so a
paragraph also ends after a line that closes a sentence and is clearly shorter than the
page's full lines (or is very short); a short unpunctuated capitalised line after a
sentence end, followed by a capitalised line or a bullet, is a heading. Lines of
a paragraph are joined with a space; a word hyphenated across lines is re-joined (the
hyphen is kept when the document spells the word with it elsewhere). Bare page numbers
are dropped. Encrypted, corrupt or image-only PDFs raise ``InputError``.
"""

from __future__ import annotations

import io
import logging
import re

from claims.errors import InputError
from claims.ingest.builder import BlockBuilder
from claims.models import BlockKind, ExtractedText

# pypdf logs recoverable damage as warnings; the CLI reports only real failures.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\xa0": " "}
)
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_BULLET = re.compile(r"[•●▪◦‣\-–*]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]$")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"[a-z]+")
_SPACES = re.compile(r"[ \t]+")
_SHORT_LINE = 0.8  # share of the page's full line length below which a line is "short"
_VERY_SHORT_LINE = 0.7  # this short, a line ends its block even without final punctuation
_MAX_HEADING_CHARS = 90


def _read_pages(data: bytes, source: str) -> list[str]:
    """Text of each page; ``InputError`` for encrypted, corrupt or unreadable PDFs."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "not a readable PDF (no %PDF header)")
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                decrypted = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                raise InputError(
                    source, "encrypted PDF (this encryption needs the 'cryptography' package)"
                ) from None
            if not decrypted:
                raise InputError(source, "encrypted PDF (a password is needed to open it)")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(source, "encrypted PDF (a password is needed to open it)") from None
    except PdfReadError as exc:
        raise InputError(source, f"not a readable PDF ({_one_line(exc)})") from None
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise InputError(source, f"not a readable PDF ({type(exc).__name__})") from None


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__


def _join_lines(lines: list[str], vocabulary: str) -> str:
    """Join a paragraph's lines with spaces, re-joining words hyphenated at line ends."""
    out = lines[0]
    for line in lines[1:]:
        hyphen = _HYPHEN_END.search(out)
        word = _WORD_START.match(line)
        if hyphen is not None and word is not None:
            spelled = f"{hyphen.group(1)}-{word.group(0)}".lower()
            out = out + line if spelled in vocabulary else out[:-1] + line
        elif out.endswith("\xad"):
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def _ends_block(line: str, full: int) -> bool:
    """A line clearly shorter than the page's full lines ends its block.

    "Clearly shorter" is below 80% with final punctuation or below 70% without (a wrapped
    line is short by at most one word); a line ending in a hyphen never ends a block.
    """
    if not full or line.endswith("-"):
        return False
    if len(line) < _VERY_SHORT_LINE * full:
        return True
    return len(line) < _SHORT_LINE * full and _SENTENCE_END.search(line) is not None


def _page_blocks(page: str) -> list[tuple[BlockKind, int, list[str]]]:
    """Group a page's lines into (kind, level, lines) blocks."""
    lines = [_SPACES.sub(" ", line).strip() for line in page.translate(_LIGATURES).split("\n")]
    filled = sorted(len(line) for line in lines if line)
    full = filled[int(len(filled) * 0.9)] if len(filled) >= 3 else 0
    blocks: list[tuple[BlockKind, int, list[str]]] = []
    current: list[str] = []
    kind: BlockKind = "paragraph"

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((kind, 2 if kind == "heading" else 0, current))
        current = []

    for i, line in enumerate(lines):
        if not line or _PAGE_NUMBER.fullmatch(line):
            close()
            continue
        bullet = _BULLET.match(line)
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if bullet is not None:
            close()
            kind, current = "list_item", [line[bullet.end() :]]
        elif (
            (not current or _SENTENCE_END.search(current[-1]) is not None)
            and len(line) <= _MAX_HEADING_CHARS
            and (full == 0 or len(line) < _SHORT_LINE * full)
            and _SENTENCE_END.search(line) is None
            and not line.endswith((",", "-"))
            and line[0].isupper()
            and (next_line[:1].isupper() or next_line[:1].isdigit() or _BULLET.match(next_line))
        ):
            close()
            kind, current = "heading", [line]
            close()
            kind = "paragraph"
            continue
        else:
            if not current:
                kind = "paragraph"
            current.append(line)
        if _ends_block(line, full):  # the last line of a paragraph or list item
            close()
    close()
    return blocks


def extract_pdf(data: bytes, source: str) -> ExtractedText:
    """Extract the text layer of a PDF; no text at all means a scanned PDF."""
    pages = _read_pages(data, source)
    if not any(page.strip() for page in pages):
        raise InputError(source, "no text layer (scanned PDF?)")
    vocabulary = " ".join(pages).lower()
    merged: list[tuple[BlockKind, int, list[str]]] = []
    for page in pages:
        blocks = _page_blocks(page)
        if (
            merged
            and blocks
            and merged[-1][0] != "heading"
            and blocks[0][0] == "paragraph"
            and _SENTENCE_END.search(merged[-1][2][-1]) is None
            and blocks[0][2][0][:1].islower()
        ):  # a paragraph running on over the page break
            merged[-1][2].extend(blocks.pop(0)[2])
        merged.extend(blocks)
    if merged and merged[0][0] == "heading":  # the document opens with its title
        merged[0] = ("heading", 1, merged[0][2])
    builder = BlockBuilder()
    for kind, level, lines in merged:
        builder.add(_join_lines(lines, vocabulary), kind, level, tight=builder.continues_list(kind))
    extracted = builder.build("pdf")
    if not extracted.blocks:
        raise InputError(source, "no text layer (scanned PDF?)")
    return extracted
