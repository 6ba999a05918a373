"""Reader for BioScope / CoNLL-2010 XML: sentences with their speculation cue spans.

Structure read: ``<Document>`` (with ``type`` and ``<DocID>``) holding ``<DocumentPart>``
elements of ``<sentence>`` elements, whose text may nest ``<xcope>`` and ``<cue>``
elements. Only ``<cue type="speculation">`` counts (some releases also mark negation).
A cue split over several elements with the same ``ref`` (``either ... or``) is one cue
with several spans. Sentence text is ``itertext()`` exactly as in the XML.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from claims.errors import InputError

Split = Literal["dev", "test", "check"]


@dataclass(frozen=True, slots=True)
class GoldCue:
    """One speculation cue: its words and character spans in the sentence text."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class BioSentence:
    """A sentence with its gold speculation cues; uncertain when it has any."""

    doc_id: str
    sentence_id: str
    text: str
    cues: tuple[GoldCue, ...]
    part: int = 0

    @property
    def uncertain(self) -> bool:
        """BioScope's sentence label: at least one speculation cue."""
        return bool(self.cues)


@dataclass(slots=True)
class BioDocument:
    """One corpus document (an abstract or a full article) and its sentences."""

    doc_id: str
    doc_type: str
    sentences: list[BioSentence] = field(default_factory=list)

    @property
    def split(self) -> Split:
        """Deterministic split: full articles are ``check``; abstracts dev/test by id."""
        if "full" in self.doc_type.lower():
            return "check"
        return split_for(self.doc_id)

    def plain_text(self) -> str:
        """The document as plain text: each part's sentences joined into one paragraph."""
        paragraphs: dict[int, list[str]] = {}
        for s in self.sentences:
            paragraphs.setdefault(s.part, []).append(s.text.strip())
        return "\n\n".join(" ".join(p) for p in paragraphs.values())


def split_for(doc_id: str) -> Literal["dev", "test"]:
    """``test`` when sha1(doc id) mod 5 == 0 (about a fifth of abstracts), else ``dev``."""
    digest = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 5 == 0 else "dev"


def _walk(
    elem: ET.Element,
    parts: list[str],
    pos: int,
    cue_spans: dict[str, list[tuple[int, int]]],
    in_cue: bool,
) -> int:
    """Append ``elem``'s text (not its tail) to ``parts``; record speculation cue spans."""
    is_cue = elem.tag == "cue" and elem.get("type", "speculation") == "speculation"
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, parts, pos, cue_spans, in_cue or is_cue)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if is_cue and not in_cue and pos > start:
        ref = elem.get("ref") or f"_anon{len(cue_spans)}"
        cue_spans.setdefault(ref, []).append((start, pos))
    return pos


def parse_sentence(elem: ET.Element, doc_id: str, part: int = 0) -> BioSentence:
    """A ``<sentence>`` element as plain text plus its speculation cues (by ``ref``)."""
    parts: list[str] = []
    cue_spans: dict[str, list[tuple[int, int]]] = {}
    _walk(elem, parts, 0, cue_spans, False)
    text = "".join(parts)
    cues = tuple(
        GoldCue(" ... ".join(text[s:e] for s, e in spans), tuple(spans))
        for spans in cue_spans.values()
    )
    return BioSentence(doc_id, elem.get("id", ""), text, cues, part)


def read_bioscope(path: str | Path) -> Iterator[BioDocument]:
    """Yield the documents of a BioScope XML file in order (streaming, low memory).

    Raises ``InputError`` when the file is missing or is not well-formed BioScope XML.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    doc: BioDocument | None = None
    found = False
    part = 0
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                if elem.tag == "Document":
                    doc = BioDocument("", elem.get("type", ""))
                elif elem.tag == "DocumentPart":
                    part += 1
                continue
            if elem.tag == "DocID" and doc is not None:
                doc.doc_id = (elem.text or "").strip()
            elif elem.tag == "sentence":
                if doc is None:  # a sentence outside any <Document>
                    doc = BioDocument("", "")
                doc.sentences.append(parse_sentence(elem, doc.doc_id, part))
                found = True
            elif elem.tag == "Document" and doc is not None:
                yield doc
                doc = None
                elem.clear()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed XML ({exc})") from None
    if doc is not None and doc.sentences:
        yield doc
    if not found:
        raise InputError(str(path), "no <sentence> elements: not BioScope XML")


def corpus_texts(paths: list[str] | list[Path]) -> list[tuple[str, str]]:
    """``(doc id, plain text)`` for every document of the given BioScope files (benchmarks)."""
    return [(d.doc_id, d.plain_text()) for path in paths for d in read_bioscope(path)]
