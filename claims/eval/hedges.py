"""Sentence- and cue-level scoring of speculation detection on BioScope sentences.

Each corpus sentence is tagged on its own as one statement (``tagging.tag_sentence``,
no segmentation). A sentence is predicted uncertain when it has a caveat of category
``modal``, ``epistemic`` or ``status`` (``limitation`` and ``frequency`` are not
speculation in BioScope's sense).

Cue level: a gold cue is found when a predicted speculation caveat overlaps any of its
spans; a predicted cue is correct when it overlaps a gold cue.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from claims.eval.bioscope import BioSentence
from claims.eval.metrics import Counts, overlaps

SPECULATION_CATEGORIES: frozenset[str] = frozenset({"modal", "epistemic", "status"})


class PredCue(NamedTuple):
    """A predicted caveat with offsets relative to the sentence text."""

    start: int
    end: int
    category: str
    text: str


Predictor = Callable[[str], list[PredCue]]


def _to_sentence_span(sentence: str, doc_text: str, start: int, end: int) -> tuple[int, int]:
    """Map offsets in the annotated document's text back onto the original sentence.

    Identity when the extractor kept the text; a constant shift when it only trimmed
    whitespace; otherwise the cue's words are searched for near the old position.
    """
    if doc_text == sentence:
        return start, end
    cue = doc_text[start:end]
    core = doc_text.strip()
    pos = sentence.find(core) if core else -1
    if pos >= 0:
        shift = pos - (len(doc_text) - len(doc_text.lstrip()))
        if sentence[start + shift : end + shift] == cue:
            return start + shift, end + shift
    hits: list[int] = []
    i = sentence.find(cue) if cue else -1
    while i >= 0:
        hits.append(i)
        i = sentence.find(cue, i + 1)
    if not hits:
        return start, end  # cannot place it: keep the offsets (only overlap is used)
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(cue)


def annotate_predictor(sentence: str) -> list[PredCue]:
    """Caveats of ``sentence`` from the engine's ``tag_sentence``.

    Keeps every category; the scorer filters to the speculation categories.
    """
    from claims.tagging import tag_sentence

    claim = tag_sentence(sentence)
    out = []
    for c in claim.caveats:
        s, e = c.start, c.end
        if sentence[s:e] != c.text:
            s, e = _to_sentence_span(sentence, claim.text, s - claim.start, e - claim.start)
        out.append(PredCue(s, e, c.category, c.text))
    return out


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One scored sentence: gold cues and predicted speculation cues."""

    sentence: BioSentence
    pred: tuple[PredCue, ...]
    error: str | None = None

    @property
    def pred_uncertain(self) -> bool:
        """Whether the engine marked the sentence as speculative."""
        return bool(self.pred)


def _pred_key(sentence: BioSentence, cue: PredCue) -> str:
    """How a predicted cue is listed: its words in the sentence, lower-cased."""
    return sentence.text[cue.start : cue.end].lower() or cue.text.lower()


@dataclass(slots=True)
class HedgeReport:
    """Sentence- and cue-level counts plus the error lists for ``--errors``."""

    sentences: Counts = field(default_factory=Counts)
    cues: Counts = field(default_factory=Counts)
    n_sentences: int = 0
    fp_cues: Counter[str] = field(default_factory=Counter)
    fn_cues: Counter[str] = field(default_factory=Counter)
    fp_examples: dict[str, SentenceResult] = field(default_factory=dict)
    fn_examples: dict[str, SentenceResult] = field(default_factory=dict)
    # Sentence level (what sentence F1 counts): a wrongly uncertain sentence keyed by
    # its predicted cues, a missed one by its gold cues ("could + potential").
    fp_sentences: Counter[str] = field(default_factory=Counter)
    fn_sentences: Counter[str] = field(default_factory=Counter)
    engine_errors: Counter[str] = field(default_factory=Counter)

    def add(self, result: SentenceResult) -> None:
        """Score one sentence into the running counts (an engine error predicts nothing)."""
        s = result.sentence
        self.n_sentences += 1
        if result.error is not None:
            self.engine_errors[result.error] += 1
        gold_u, pred_u = s.uncertain, result.pred_uncertain
        self.sentences.add_matched(gold_u, pred_u, gold_u and pred_u)
        if pred_u and not gold_u:
            words = {_pred_key(s, p) for p in result.pred}
            self.fp_sentences[" + ".join(sorted(words))] += 1
        elif gold_u and not pred_u:
            self.fn_sentences[" + ".join(sorted({c.text.lower() for c in s.cues}))] += 1
        pred_spans = [(p.start, p.end) for p in result.pred]
        gold_spans = [span for cue in s.cues for span in cue.spans]
        for cue in s.cues:
            self.cues.n_gold += 1
            if any(overlaps(g, p) for g in cue.spans for p in pred_spans):
                self.cues.tp_gold += 1
            else:
                key = cue.text.lower()
                self.fn_cues[key] += 1
                self.fn_examples.setdefault(key, result)
        for p in result.pred:
            self.cues.n_pred += 1
            if any(overlaps((p.start, p.end), g) for g in gold_spans):
                self.cues.tp_pred += 1
            else:
                key = _pred_key(s, p)
                self.fp_cues[key] += 1
                self.fp_examples.setdefault(key, result)

    def as_dict(self) -> dict[str, Any]:
        """Machine-readable figures (for ``--json``)."""
        return {
            "sentences": self.n_sentences,
            "sentence_uncertain": self.sentences.as_dict(),
            "cue": self.cues.as_dict(),
            "engine_errors": sum(self.engine_errors.values()),
        }


def speculation_only(cues: Iterable[PredCue]) -> tuple[PredCue, ...]:
    """The predicted caveats that count as speculation cues."""
    return tuple(c for c in cues if c.category in SPECULATION_CATEGORIES)


def _predict_default(sentence: str) -> tuple[tuple[PredCue, ...], str | None]:
    """Engine prediction; an exception becomes an error note so one bug cannot stop a run."""
    try:
        return speculation_only(annotate_predictor(sentence)), None
    except Exception as exc:  # reported as engine errors, never hidden
        return (), f"{type(exc).__name__}: {exc}"


def predict_all(
    sentences: Sequence[BioSentence], predictor: Predictor | None = None, jobs: int = 1
) -> list[SentenceResult]:
    """Run the predictor over every sentence (``jobs`` > 1 only for the engine default)."""
    if predictor is not None:
        return [SentenceResult(s, speculation_only(predictor(s.text))) for s in sentences]
    texts = [s.text for s in sentences]
    if jobs > 1 and len(texts) > 1000:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            preds = pool.map(_predict_default, texts, chunksize=200)
    else:
        preds = [_predict_default(t) for t in texts]
    return [SentenceResult(s, p, err) for s, (p, err) in zip(sentences, preds, strict=True)]


def score(results: Iterable[SentenceResult]) -> HedgeReport:
    """Accumulate a report over scored sentences."""
    report = HedgeReport()
    for r in results:
        report.add(r)
    return report


def _show(result: SentenceResult) -> str:
    text = result.sentence.text
    pred = ", ".join(f"{text[p.start : p.end]!r}({p.category})" for p in result.pred) or "-"
    gold = ", ".join(repr(c.text) for c in result.sentence.cues) or "-"
    return f"      pred: {pred} | gold: {gold}\n      {text}"


def format_errors(report: HedgeReport, n: int) -> str:
    """The ``n`` most frequent wrong sentences by their cues, then the ``n`` most frequent
    false-positive and false-negative cue words with one example each."""
    lines = [f"  sentences wrongly marked uncertain, by predicted cues, top {n}:"]
    lines += [f"    {count:5d}  {key}" for key, count in report.fp_sentences.most_common(n)]
    lines.append(f"  uncertain sentences missed, by gold cues, top {n}:")
    lines += [f"    {count:5d}  {key}" for key, count in report.fn_sentences.most_common(n)]
    lines.append(f"  false positives (predicted cue overlaps no gold cue), top {n}:")
    for word, count in report.fp_cues.most_common(n):
        lines.append(f"    {count:5d}  {word!r}")
        lines.append(_show(report.fp_examples[word]))
    lines.append(f"  false negatives (gold cue not found), top {n}:")
    for word, count in report.fn_cues.most_common(n):
        lines.append(f"    {count:5d}  {word!r}")
        lines.append(_show(report.fn_examples[word]))
    return "\n".join(lines)


def format_report(label: str, report: HedgeReport) -> str:
    """Human-readable summary of one report."""
    s, c = report.sentences, report.cues
    ss, cs = s.score(), c.score()
    errors = sum(report.engine_errors.values())
    note = ""
    if errors:
        first, _ = report.engine_errors.most_common(1)[0]
        note = f"\n  ENGINE ERRORS on {errors} sentences (scored as no cue), e.g. {first}"
    return (
        f"{label}: {report.n_sentences} sentences, {s.n_gold} gold uncertain, "
        f"{s.n_pred} predicted uncertain\n"
        f"  sentence (uncertain class)  P {ss.precision:.3f}  R {ss.recall:.3f}  "
        f"F1 {ss.f1:.3f}\n"
        f"  cue ({c.n_gold} gold, {c.n_pred} predicted)  P {cs.precision:.3f}  "
        f"R {cs.recall:.3f}  F1 {cs.f1:.3f}{note}"
    )
