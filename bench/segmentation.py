"""Segmentation speed and boundary accuracy: claims.segment against pysbd.

Usage: python bench/segmentation.py PATH/TO/bio_abstracts.xml [--limit N] [--repeat R]

The BioScope / CoNLL-2010 XML gives each document's parts (title, abstract) as
``<sentence>`` elements. Each part's sentences are joined with a space into one
paragraph; the ends of its sentences (except the last) are the gold boundaries.
Both segmenters run paragraph by paragraph; the figures printed are MB/s of UTF-8
text and boundary precision / recall / F1 against the gold boundaries.

``segment()`` is measured twice: end to end (structure, run-in labels, sections; a
structured-abstract label such as "BACKGROUND:" becomes its own heading unit, which
counts as an extra boundary here) and the bare sentence splitter it uses.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claims.errors import InputError
from claims.eval.bioscope import read_bioscope
from claims.eval.metrics import prf
from claims.models import Block, ExtractedText
from claims.segment import _splitter, segment


@dataclass
class Paragraph:
    text: str
    gold: set[int]  # end offsets of every sentence but the last


@dataclass
class Score:
    name: str
    seconds: float
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    def line(self, megabytes: float) -> str:
        tp = self.true_pos
        score = prf(tp, tp + self.false_pos, tp, tp + self.false_neg)
        speed = megabytes / max(self.seconds, 1e-9)
        return (
            f"{self.name:<28} {speed:9.2f} MB/s  {self.seconds:8.3f} s   "
            f"P {score.precision:.4f}  R {score.recall:.4f}  F1 {score.f1:.4f}"
        )


def load_paragraphs(path: Path, limit: int | None) -> list[Paragraph]:
    """One paragraph per document part, with the gold sentence-end offsets."""
    paragraphs: list[Paragraph] = []
    for document in itertools.islice(read_bioscope(path), limit):
        parts: dict[int, list[str]] = {}
        for sentence in document.sentences:
            words = " ".join(sentence.text.split())
            if words:
                parts.setdefault(sentence.part, []).append(words)
        for sentences in parts.values():
            gold: set[int] = set()
            pos = 0
            for words in sentences[:-1]:
                pos += len(words)
                gold.add(pos)
                pos += 1
            paragraphs.append(Paragraph(" ".join(sentences), gold))
    return paragraphs


def ends_from_strings(text: str, pieces: list[str]) -> list[int]:
    """End offsets of segments returned as strings (pysbd without char spans)."""
    ends: list[int] = []
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, pos)
        if found == -1:  # pysbd altered the text: skip this piece
            continue
        pos = found + len(piece)
        ends.append(pos)
    return ends


def run(
    name: str, paragraphs: list[Paragraph], ends_of: Callable[[str], list[int]], repeat: int
) -> Score:
    """Time ``ends_of`` over every paragraph (best of ``repeat``) and score its boundaries."""
    best = float("inf")
    results: list[list[int]] = []
    for _ in range(repeat):
        started = time.perf_counter()
        results = [ends_of(p.text) for p in paragraphs]
        best = min(best, time.perf_counter() - started)
    score = Score(name, best)
    for paragraph, ends in zip(paragraphs, results, strict=True):
        predicted = {e for e in ends if e < len(paragraph.text.rstrip())}
        score.true_pos += len(predicted & paragraph.gold)
        score.false_pos += len(predicted - paragraph.gold)
        score.false_neg += len(paragraph.gold - predicted)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="bio_abstracts.xml of CoNLL-2010 / BioScope")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs of claims (best)")
    parser.add_argument("--no-pysbd", action="store_true", help="skip the pysbd reference")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"segmentation bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    try:
        paragraphs = load_paragraphs(args.corpus, args.limit)
    except InputError as exc:
        print(f"segmentation bench: {exc}", file=sys.stderr)
        return 2
    if not paragraphs:
        print(f"segmentation bench: no sentences in {args.corpus}", file=sys.stderr)
        return 2
    megabytes = sum(len(p.text.encode("utf-8")) for p in paragraphs) / 1e6
    gold = sum(len(p.gold) for p in paragraphs)
    print(f"{len(paragraphs)} paragraphs, {megabytes:.2f} MB, {gold} gold inner boundaries")

    splitter = _splitter()

    def claims_segment(text: str) -> list[int]:
        units = segment(ExtractedText(text, [Block("paragraph", 0, len(text))], "txt"))
        return [u.end for u in units]

    def claims_splitter(text: str) -> list[int]:
        return [end for _, end in splitter.split(text, 0, len(text))]

    scores = [
        run("claims.segment()", paragraphs, claims_segment, args.repeat),
        run("claims sentence splitter", paragraphs, claims_splitter, args.repeat),
    ]
    if not args.no_pysbd:
        try:
            import pysbd
        except ImportError:
            print("pysbd is not installed: pip install pysbd (reference only)", file=sys.stderr)
        else:
            seg = pysbd.Segmenter(language="en", clean=False, char_span=False)

            def pysbd_ends(text: str) -> list[int]:
                return ends_from_strings(text, seg.segment(text))

            scores.append(run("pysbd 0.3 (clean=False)", paragraphs, pysbd_ends, 1))
    for score in scores:
        print(score.line(megabytes))
    if len(scores) == 3:
        ratio = scores[2].seconds / max(scores[0].seconds, 1e-9)
        print(f"claims.segment() is {ratio:.1f}x faster than pysbd")
    return 0


if __name__ == "__main__":
    sys.exit(main())
