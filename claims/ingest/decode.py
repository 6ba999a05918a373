"""Bytes -> text: BOM-aware decoding, a cautious legacy fallback and newline normalisation.

Every text format (txt, md, html) goes through here, so offsets always index text with
``\\n`` line endings and no byte-order mark.
"""

from __future__ import annotations

import codecs
import re

from claims.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Bytes 0x80-0x9f decoded as latin-1: C1 controls, which real text never contains.
_C1 = re.compile(r"[\x80-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# A text whose share of these characters is above the limit is treated as binary.
_MAX_CONTROL_SHARE = 0.01
_MAX_LEGACY_NON_ASCII_SHARE = 0.3


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (str methods: fast on big inputs)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, source: str) -> str:
    """Reject text that is binary (NUL or many control characters) or has no content."""
    if "\x00" in text:
        raise InputError(source, "binary data (contains NUL bytes), not a text document")
    if not text.strip():
        raise InputError(source, "empty document (no text, or whitespace only)")
    sample = text[:200_000]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(source, "binary data (many control characters), not a text document")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` declares in the first 4 KB, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8d 0x8f 0x90 0x9d are unassigned: latin-1
        return chr(byte)


_CP1252 = tuple(_cp1252_char(b) for b in range(256))
_ERROR_HANDLER = "claims-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not valid UTF-8 are read as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_CP1252[b] for b in bad), exc.end


codecs.register_error(_ERROR_HANDLER, _cp1252_fallback)


def _decode_legacy(data: bytes, source: str) -> str:
    """UTF-8 where valid, cp1252 for the other bytes, only when the result looks like text.

    A pure cp1252/latin-1 file decodes as such (its non-ASCII bytes are never valid
    UTF-8 sequences in practice), and a UTF-8 file with a few stray cp1252 bytes keeps
    its UTF-8 characters instead of turning into mojibake.
    """
    text = data.decode("utf-8", errors=_ERROR_HANDLER)
    sample = text[:200_000]
    size = len(sample)
    non_ascii = len(_NON_ASCII.findall(sample))
    controls = len(_CONTROL.findall(sample)) + len(_C1.findall(sample))
    if non_ascii > _MAX_LEGACY_NON_ASCII_SHARE * size or controls > _MAX_CONTROL_SHARE * size:
        raise InputError(source, "invalid encoding: not UTF-8 and does not look like text")
    return text


def decode_bytes(data: bytes, source: str, html: bool = False) -> str:
    """Decode a text file: BOM, then UTF-8, then (if it looks like text) cp1252 for bad bytes.

    ``html`` lets a ``<meta charset>`` declaration pick the codec for non-UTF-8 pages.
    The result has ``\\n`` line endings and no BOM; empty or binary input raises
    ``InputError``.
    """
    if not data:
        raise InputError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"invalid encoding: bad {encoding} data at byte {exc.start}"
                ) from None
            return check_text(normalize_newlines(text), source)
    if b"\x00" in data:
        raise InputError(source, "binary data (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _declared_charset(data) if html else None
        text = ""
        if declared is not None and declared not in ("utf-8", "cp1252", "latin-1", "iso8859-1"):
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                text = ""
        if not text:
            text = _decode_legacy(data, source)
    return check_text(normalize_newlines(text), source)


def clean_string(text: str, source: str) -> str:
    """The same normalisation for text handed over as a string (leading BOM dropped)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return check_text(normalize_newlines(text), source)
