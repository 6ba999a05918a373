"""Speculation scoring arithmetic on hand-built sentences and predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.eval.bioscope import BioSentence, GoldCue, read_bioscope
from claims.eval.hedges import (
    PredCue,
    SentenceResult,
    _to_sentence_span,
    format_errors,
    predict_all,
    score,
    speculation_only,
)
from claims.eval.metrics import Counts, overlaps, prf


def _sentence(text: str, *cues: str) -> BioSentence:
    gold = []
    for cue in cues:
        start = text.index(cue)
        gold.append(GoldCue(cue, ((start, start + len(cue)),)))
    return BioSentence("d1", f"s{len(text)}", text, tuple(gold))


def _pred(text: str, word: str, category: str = "modal") -> PredCue:
    start = text.index(word)
    return PredCue(start, start + len(word), category, word)


def test_prf_arithmetic() -> None:
    r = prf(tp_pred=3, n_pred=4, tp_gold=3, n_gold=6)
    assert r.precision == 0.75
    assert r.recall == 0.5
    assert r.f1 == pytest.approx(0.6)
    assert prf(0, 0, 0, 0).f1 == 0.0
    c = Counts(n_pred=2, tp_pred=1, n_gold=4, tp_gold=1)
    c.add(Counts(n_pred=2, tp_pred=2, n_gold=0, tp_gold=0))
    assert (c.n_pred, c.tp_pred, c.n_gold, c.tp_gold) == (4, 3, 4, 1)
    assert c.score().precision == 0.75


def test_overlap_is_half_open() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))
    assert overlaps((3, 4), (0, 10))


def test_only_speculation_categories_count() -> None:
    cues = [
        PredCue(0, 3, "modal", "may"),
        PredCue(4, 9, "frequency", "often"),
        PredCue(10, 15, "limitation", "not a cure"),
        PredCue(16, 20, "status", "pilot"),
        PredCue(21, 25, "epistemic", "likely"),
    ]
    assert [c.category for c in speculation_only(cues)] == ["modal", "status", "epistemic"]


def test_sentence_and_cue_scores() -> None:
    t1 = "These data suggest that X may bind Y."
    t2 = "X binds Y."
    t3 = "X could bind Y."
    t4 = "It is unclear whether X binds."
    results = [
        # gold 2 cues, predicted 1 of them: sentence TP, cue 1/2 found
        SentenceResult(_sentence(t1, "suggest", "may"), (_pred(t1, "may"),)),
        # certain sentence predicted certain: TN
        SentenceResult(_sentence(t2), ()),
        # certain sentence with a predicted cue: sentence FP, cue FP
        SentenceResult(_sentence(t3), (_pred(t3, "could"),)),
        # gold uncertain, nothing predicted: sentence FN, two cues missed
        SentenceResult(_sentence(t4, "unclear", "whether"), ()),
    ]
    report = score(results)
    assert report.n_sentences == 4
    s = report.sentences.score()
    assert s.precision == 0.5  # 1 of 2 predicted uncertain sentences
    assert s.recall == 0.5  # 1 of 2 gold uncertain sentences
    c = report.cues.score()
    assert (report.cues.n_gold, report.cues.tp_gold) == (4, 1)
    assert (report.cues.n_pred, report.cues.tp_pred) == (2, 1)
    assert c.precision == 0.5
    assert c.recall == 0.25
    assert report.fp_cues == {"could": 1}
    assert report.fn_cues == {"suggest": 1, "unclear": 1, "whether": 1}
    # sentence level: only the wrong sentences, keyed by all their cues
    assert report.fp_sentences == {"could": 1}
    assert report.fn_sentences == {"unclear + whether": 1}


def test_partial_overlap_counts_and_discontinuous_cue() -> None:
    text = "It binds either A or B, indicating that it might work."
    gold = BioSentence(
        "d",
        "s",
        text,
        (
            GoldCue("either ... or", ((9, 15), (18, 20))),
            GoldCue("indicating that", ((24, 39),)),
            GoldCue("might", ((43, 48),)),
        ),
    )
    pred = (
        PredCue(18, 20, "epistemic", "or"),  # hits the second part of either ... or
        PredCue(24, 34, "epistemic", "indicating"),  # shorter than the gold cue
        PredCue(43, 48, "modal", "might"),
    )
    report = score([SentenceResult(gold, pred)])
    assert report.cues.tp_gold == 3
    assert report.cues.tp_pred == 3
    assert report.cues.score().f1 == 1.0


def test_predict_all_with_custom_predictor_filters_categories() -> None:
    text = "Results often vary and may differ."
    sentences = [_sentence(text, "may")]

    def predictor(sentence: str) -> list[PredCue]:
        return [_pred(sentence, "often", "frequency"), _pred(sentence, "may", "modal")]

    (result,) = predict_all(sentences, predictor)
    assert [p.text for p in result.pred] == ["may"]
    assert score([result]).cues.score().f1 == 1.0


def test_error_listing_groups_by_cue_word() -> None:
    ta, tb = "X could bind.", "Y could not bind."
    results = [
        SentenceResult(_sentence(ta), (_pred(ta, "could"),)),
        SentenceResult(_sentence(tb), (_pred(tb, "could"),)),
    ]
    out = format_errors(score(results), 5)
    assert "2  'could'" in out
    assert "X could bind." in out
    wrong = out.split("uncertain sentences missed")[0]
    assert wrong.splitlines()[1].split() == ["2", "could"]


def test_offsets_mapped_back_from_trimmed_document_text() -> None:
    sentence = "  It may work. "
    doc = "It may work."
    assert _to_sentence_span(sentence, doc, 3, 6) == (5, 8)
    assert sentence[5:8] == "may"
    assert _to_sentence_span(sentence, sentence, 5, 8) == (5, 8)


CORPUS = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "corpora"
    / "conll2010-bio-train"
    / "bio_abstracts.xml"
)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"BioScope corpus not found at {CORPUS}")
def test_engine_on_bioscope_test_split_stays_above_floors() -> None:
    # Figures when the harness was finished: sentence F1 0.914, cue F1 0.894 on the
    # test split (2,225 sentences); floors keep a small margin.
    sentences = [s for doc in read_bioscope(CORPUS) if doc.split == "test" for s in doc.sentences]
    report = score(predict_all(sentences))
    assert report.n_sentences > 2000
    assert not report.engine_errors
    assert report.sentences.score().f1 >= 0.87
    assert report.cues.score().f1 >= 0.85
