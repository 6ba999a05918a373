"""BioScope XML reader: sentence text, speculation cue spans, splits, bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from claims.errors import InputError
from claims.eval.bioscope import read_bioscope, split_for

SAMPLE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE Annotation PUBLIC "-//Uncertainty//DTD  SCOPE ANNOTATION 1.0//EN" "Uncertainty.dtd">
<Annotation created="22/2/2010">
<DocumentSet>
  <Document type="Biological_abstract">
    <DocID type="PMID">111</DocID>
    <DocumentPart type="Title"><sentence id="S1.1">A plain title.</sentence></DocumentPart>
    <DocumentPart type="AbstractText"><sentence id="S1.2">These results <xcope id="X1.2.2"><cue
ref="X1.2.2" type="speculation">indicate that</cue> HIV-1 <xcope id="X1.2.1"><cue ref="X1.2.1"
type="speculation">could</cue> mimic stimuli</xcope></xcope>.</sentence><sentence id="S1.3">It
is <xcope id="X1.3.1"><cue ref="X1.3.1" type="negation">not</cue> bound</xcope> by <xcope
id="X1.3.2"><cue ref="X1.3.2" type="speculation">either</cue> A <cue ref="X1.3.2"
type="speculation">or</cue> B</xcope>.</sentence></DocumentPart>
  </Document>
  <Document type="Biological_full_article">
    <DocID type="BMC_ID">1471-x</DocID>
    <DocumentPart type="Text"><sentence id="S2.1">We <cue ref="X2.1.1"
type="speculation">may</cue> see.</sentence></DocumentPart>
  </Document>
</DocumentSet>
</Annotation>
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_reads_documents_sentences_and_text(sample: Path) -> None:
    docs = list(read_bioscope(sample))
    assert [d.doc_id for d in docs] == ["111", "1471-x"]
    assert [len(d.sentences) for d in docs] == [3, 1]
    first = docs[0].sentences
    assert first[0].text == "A plain title."
    assert not first[0].uncertain
    assert first[1].text == "These results indicate that HIV-1 could mimic stimuli."
    assert first[1].sentence_id == "S1.2"


def test_cue_spans_point_at_the_cue_words(sample: Path) -> None:
    s = next(read_bioscope(sample)).sentences[1]
    assert [c.text for c in s.cues] == ["indicate that", "could"]
    for cue in s.cues:
        ((start, end),) = cue.spans
        assert s.text[start:end] == cue.text
    assert s.uncertain


def test_negation_cues_ignored_and_discontinuous_cue_is_one(sample: Path) -> None:
    s = next(read_bioscope(sample)).sentences[2]
    assert s.text.split() == ["It", "is", "not", "bound", "by", "either", "A", "or", "B."]
    assert len(s.cues) == 1
    (cue,) = s.cues
    assert cue.text == "either ... or"
    assert [s.text[a:b] for a, b in cue.spans] == ["either", "or"]


def test_splits_are_deterministic_and_full_articles_are_check(sample: Path) -> None:
    abstract, article = read_bioscope(sample)
    assert article.split == "check"
    assert abstract.split == split_for("111")
    ids = [str(n) for n in range(1000, 3000)]
    tests = sum(split_for(i) == "test" for i in ids)
    assert 300 < tests < 500  # about one in five
    # Deterministic: a function of the sha1 digest (not of Python's per-process hash()).
    for i in ids:
        digest = int(hashlib.sha1(i.encode("utf-8")).hexdigest(), 16)
        assert split_for(i) == ("test" if digest % 5 == 0 else "dev"), i


def test_missing_and_malformed_files_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_bioscope(tmp_path / "absent.xml"))
    bad = tmp_path / "bad.xml"
    bad.write_text("<Annotation><sentence>open", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed"):
        list(read_bioscope(bad))
    empty = tmp_path / "empty.xml"
    empty.write_text("<Annotation></Annotation>", encoding="utf-8")
    with pytest.raises(InputError, match="no <sentence>"):
        list(read_bioscope(empty))


def test_plain_text_joins_sentences_of_a_part_into_a_paragraph(sample: Path) -> None:
    abstract = next(read_bioscope(sample))
    assert abstract.plain_text() == (
        "A plain title.\n\n"
        "These results indicate that HIV-1 could mimic stimuli. " + abstract.sentences[2].text
    )
