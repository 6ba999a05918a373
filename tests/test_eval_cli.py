"""``claims eval hedges`` / ``claims eval gold`` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.cli import main
from claims.eval import gold, hedges
from claims.eval.hedges import PredCue

GOLD_DIR = Path(__file__).parent / "gold"

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="Biological_abstract"><DocID type="PMID">7</DocID>
<DocumentPart type="AbstractText"><sentence id="S1">X <cue ref="a"
type="speculation">may</cue> bind Y.</sentence><sentence id="S2">X could bind Z.</sentence
><sentence id="S3">X binds W.</sentence></DocumentPart></Document>
</DocumentSet></Annotation>
"""


def _modal_words(sentence: str) -> tuple[tuple[PredCue, ...], str | None]:
    """A stand-in engine: every 'may'/'could' is a modal caveat."""
    cues = []
    for word in ("may", "could"):
        i = sentence.find(f" {word} ")
        if i >= 0:
            cues.append(PredCue(i + 1, i + 1 + len(word), "modal", word))
    return tuple(cues), None


def test_hedges_json_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(XML, encoding="utf-8")
    monkeypatch.setattr(hedges, "_predict_default", _modal_words)
    assert main(["eval", "hedges", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    total = out["total"]
    assert total["sentences"] == 3
    assert total["sentence_uncertain"]["precision"] == 0.5
    assert total["sentence_uncertain"]["recall"] == 1.0
    assert total["cue"]["n_gold"] == 1
    assert total["cue"]["n_pred"] == 2
    assert main(["eval", "hedges", str(path), "--errors", "3"]) == 0
    text = capsys.readouterr().out
    assert "1  'could'" in text
    assert "X could bind Z." in text


def test_hedges_missing_file_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "hedges", "/nonexistent/corpus.xml"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "claims: error: /nonexistent/corpus.xml: no such file"


def test_gold_min_f1_gate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gold, "engine_prediction", gold.perfect_prediction)
    assert main(["eval", "gold", str(GOLD_DIR), "--json", "--min-f1", "0.99"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["overall_cues"]["f1"] == 1.0
    assert scores["segmentation"]["f1"] == 1.0
    assert scores["flags"]["overall"]["f1"] == 1.0
    assert main(["eval", "gold", str(GOLD_DIR), "--min-f1", "1.01"]) == 1
    captured = capsys.readouterr()
    assert "OVERALL cues" in captured.out
    assert "below --min-f1 1.01" in captured.err


def test_gold_bad_directory_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "gold", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == f"claims: error: {tmp_path}: no *.gold.json files"
