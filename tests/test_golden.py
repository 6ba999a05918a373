"""Golden records on the bundled samples and the shared stem cell article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claims import AnnotatedDocument, Claim, annotate_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = Path(os.environ.get("CLAIMS_SHARED_DIR", ROOT.parent / "shared"))
ARTICLE = SHARED / "examples" / "stem_cell_hair_restoration.txt"


def find(doc: AnnotatedDocument, fragment: str) -> Claim:
    matches = [c for c in doc.claims if fragment in c.text]
    assert len(matches) == 1, f"{fragment!r}: {len(matches)} records"
    return matches[0]


def check_offsets(doc: AnnotatedDocument) -> None:
    text = doc.document.text
    previous_end = 0
    for claim in doc.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.start >= previous_end
        previous_end = claim.end
        for tag in [*claim.caveats, *claim.boosters, *claim.evidence, *claim.type_cues]:
            assert text[tag.start : tag.end] == tag.text
            assert claim.start <= tag.start <= tag.end <= claim.end


@pytest.fixture(scope="module")
def article() -> AnnotatedDocument:
    if not ARTICLE.exists():
        pytest.skip(f"shared example not present at {ARTICLE}")
    return annotate_file(ARTICLE)


def test_article_offsets_and_order(article: AnnotatedDocument) -> None:
    check_offsets(article)
    assert [c.index for c in article.claims] == list(range(len(article.claims)))


def test_article_believed_is_epistemic(article: AnnotatedDocument) -> None:
    claim = find(article, "believed to promote")
    assert claim.hedged
    assert ("believed", "epistemic") in [(c.text, c.category) for c in claim.caveats]
    assert {"mechanism", "efficacy"} <= set(claim.claim_types)
    assert {f.code: f.severity for f in claim.flags}["needs_substantiation"] == "medium"


def test_article_named_study_is_weak(article: AnnotatedDocument) -> None:
    claim = find(article, "One study published in the Journal of Stem Cells")
    assert claim.kind == "statement"
    assert [e.specificity for e in claim.evidence] == ["named"]
    assert claim.evidence_strength == "weak"
    assert {"vague_source", "overstated", "needs_substantiation"} <= {f.code for f in claim.flags}


def test_article_glued_words_stay_one_statement(article: AnnotatedDocument) -> None:
    claim = find(article, "receivedstem cell injections")
    assert claim.text.startswith("One study") and claim.text.endswith("after several months.")


def test_article_headings(article: AnnotatedDocument) -> None:
    assert find(article, "1. Non-Invasive:").kind == "heading"
    assert find(article, "Early Studies:").kind == "heading"
    assert article.claims[0].kind == "heading"
    research = find(article, "Research has demonstrated")
    assert research.section.endswith("Early Studies:")
    assert research.evidence[0].specificity == "vague"


def test_article_ongoing_trials_are_research_status(article: AnnotatedDocument) -> None:
    claim = find(article, "Various clinical trials are being conducted")
    assert claim.evidence == []
    assert [c.category for c in claim.caveats] == ["status"]
    emerging = find(article, "still emerging")
    assert {c.category for c in emerging.caveats} == {"status", "modal"}
    assert emerging.claim_types == ["research"]


def test_article_inconsistent_certainty(article: AnnotatedDocument) -> None:
    claim = find(article, "stem cell injections require no incisions")
    codes = {f.code for f in claim.flags}
    assert {"comparative_claim", "needs_substantiation", "inconsistent_certainty"} <= codes
    message = next(f.message for f in claim.flags if f.code == "inconsistent_certainty")
    assert "experimental" in message
    # a hedged statement is never inconsistent
    assert all(
        f.code != "inconsistent_certainty" for c in article.claims if c.hedged for f in c.flags
    )


def test_article_permanent_results_overstated(article: AnnotatedDocument) -> None:
    claim = find(article, "more permanent results")
    assert ("permanent", "absolute") in [(b.text, b.category) for b in claim.boosters]
    assert "overstated" in {f.code for f in claim.flags}


@pytest.mark.parametrize("path", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_samples_annotate_with_exact_offsets(path: Path) -> None:
    doc = annotate_file(path)
    assert len(doc.claims) >= 15
    check_offsets(doc)


def test_supplement_ad_disclaimers_and_boosters() -> None:
    doc = annotate_file(SAMPLES / "supplement_ad.md")
    fda = find(doc, "have not been evaluated by the Food and Drug Administration")
    assert [c.category for c in fda.caveats] == ["limitation"]
    assert fda.claim_types == ["other"] and fda.flags == []
    guarantee = find(doc, "money-back guarantee")
    assert guarantee.boosters == []
    natural = find(doc, "100% natural\nand guaranteed")
    assert {b.text for b in natural.boosters} >= {"100%", "natural", "guaranteed"}


def test_study_news_strength_and_references() -> None:
    doc = annotate_file(SAMPLES / "study_news.txt")
    rct = find(doc, "(Lee et al., 2021)")
    assert rct.evidence_strength == "strong"
    mice = find(doc, "in mice")
    assert mice.evidence_strength == "weak"
    assert any(e.text == "[1]" and e.design == "preclinical" for e in mice.evidence)
    refs = [c for c in doc.claims if c.section.endswith("References") and c.kind != "heading"]
    assert refs and all(c.flags == [] and c.evidence == [] for c in refs)
    registered = find(doc, "registered as")
    assert registered.evidence == []  # how the study was run is not support


def test_clinic_page_questions_and_disclaimer() -> None:
    doc = annotate_file(SAMPLES / "clinic_prp_hair.html")
    questions = [c for c in doc.claims if c.kind == "question"]
    assert questions and all(q.flags == [] and q.caveats == [] for q in questions)
    vary = find(doc, "Individual results may vary.")
    assert vary.hedged and vary.flags == []
    assert "<script>" in find(doc, "alert(1)").text  # document text kept verbatim
