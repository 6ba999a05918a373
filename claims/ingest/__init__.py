"""Document ingestion: txt, Markdown, HTML, PDF and DOCX to plain text plus blocks.

Every entry point returns an ``ExtractedText`` whose ``text`` uses ``\\n`` line endings
and whose blocks index that text. Bad input (missing, empty, binary, badly encoded, too
large, corrupt or encrypted) raises ``InputError`` with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

from claims.errors import InputError
from claims.ingest.decode import clean_string, decode_bytes
from claims.ingest.plain import extract_plain
from claims.models import ExtractedText

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_FORMATS",
    "extract_bytes",
    "extract_file",
    "extract_string",
    "format_for",
]

DEFAULT_MAX_BYTES: int = 20 * 1024 * 1024
"""Files larger than this (20 MB) are refused unless the caller raises the limit."""

SUPPORTED_FORMATS: tuple[str, ...] = ("txt", "md", "html", "pdf", "docx")

_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".htm": "html",
    ".html": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_TEXT_FORMATS = ("txt", "md", "html")


def _size(n: int) -> str:
    """A byte count for messages: "20 MB", "512 KB", "12 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n} bytes"


def _too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        source,
        f"file is {_size(size)}, larger than the {_size(max_bytes)} limit; "
        "use --max-bytes to raise it",
    )


def _normalize_format(fmt: str, source: str) -> str:
    """Accept a format name or an extension ("md", ".markdown", "HTM") -> canonical name."""
    key = fmt.strip().lower()
    if key in SUPPORTED_FORMATS:
        return key
    canonical = _EXTENSIONS.get(key if key.startswith(".") else f".{key}")
    if canonical is None:
        raise InputError(
            source, f"unsupported format {fmt!r} (supported: {', '.join(SUPPORTED_FORMATS)})"
        )
    return canonical


def format_for(path: Path) -> str:
    """The format of a file from its extension; ``InputError`` when unsupported."""
    suffix = Path(path).suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None:
        what = f"extension {suffix!r}" if suffix else "a file without an extension"
        raise InputError(
            str(path),
            f"unsupported file type: {what} (supported: {', '.join(sorted(_EXTENSIONS))})",
        )
    return fmt


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """Read and extract one file; its format comes from the extension."""
    path = Path(path)
    source = str(path)
    try:
        if path.is_dir():
            raise InputError(source, "is a directory, not a file")
        if path.exists() and not path.is_file():
            raise InputError(source, "not a regular file (device, pipe or socket)")
        fmt = format_for(path)
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(source, size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may grow after stat()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "cannot read file: permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror or exc}") from None
    return extract_bytes(data, fmt, source, max_bytes=max_bytes)


def extract_bytes(
    data: bytes, fmt: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> ExtractedText:
    """Extract a document held in memory (``fmt``: one of ``SUPPORTED_FORMATS``)."""
    fmt = _normalize_format(fmt, source)
    if len(data) > max_bytes:
        raise _too_large(source, len(data), max_bytes)
    if not data.strip():
        raise InputError(source, "empty file" if not data else "empty document (whitespace only)")
    if fmt == "pdf":
        from claims.ingest.pdf import extract_pdf  # pypdf is imported only when needed

        return extract_pdf(data, source)
    if fmt == "docx":
        from claims.ingest.docx import extract_docx

        return extract_docx(data, source)
    return _extract_text(decode_bytes(data, source, html=fmt == "html"), fmt, source)


def extract_string(text: str, fmt: str = "txt", source: str = "<text>") -> ExtractedText:
    """Extract a document given as a string (``fmt``: txt, md or html)."""
    fmt = _normalize_format(fmt, source)
    if fmt not in _TEXT_FORMATS:
        raise InputError(source, f"{fmt} documents must be given as bytes or a file, not text")
    return _extract_text(clean_string(text, source), fmt, source)


def _extract_text(text: str, fmt: str, source: str) -> ExtractedText:
    """Dispatch decoded text to its format's extractor; no visible text is an error."""
    if fmt == "txt":
        return extract_plain(text)
    # the Markdown and HTML parsers are imported only when such a document comes in
    if fmt == "md":
        from claims.ingest.markdown import extract_markdown

        extracted = extract_markdown(text)
    else:
        from claims.ingest.html import extract_html

        extracted = extract_html(text)
    if not extracted.blocks:
        raise InputError(source, f"no visible text in this {fmt} document")
    return extracted
