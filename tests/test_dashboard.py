"""Tests for the Streamlit-free dashboard helpers: filters, query strings, summaries."""

from __future__ import annotations

from typing import Any

import pandas as pd

from claims.dashboard.filters import Filters, apply_filters, from_query, prepare_frame, to_query
from claims.dashboard.summary import flags_by_code, hedged_counts, metrics, strength_by_section
from claims.dashboard.table import (
    export_payloads,
    export_records,
    filtered_documents,
    paragraph_bounds,
    table_frame,
)
from claims.models import AnnotatedDocument, Claim, Document, claims_frame
from claims.store import frame_reviews

TEXT = (
    "Stem cells\n\n"
    "Stem cells may regrow hair. It is clinically proven. Studies show benefits.\n\n"
    "Safety\n\n"
    "There are no side effects. Is it safe?\n"
)


def _claim(idx: int, sentence: str, section: str, kind: str = "statement", **tags: Any) -> Claim:
    start = TEXT.index(sentence)
    return Claim(
        id=f"c{idx:015d}",
        doc_id="dsample",
        index=idx,
        kind=kind,  # type: ignore[arg-type]
        section=section,
        text=sentence,
        start=start,
        end=start + len(sentence),
        hedged=bool(tags.get("caveats")),
        **tags,
    )


def _tag(phrase: str, **extra: str) -> dict[str, Any]:
    start = TEXT.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase), **extra}


def _claims() -> list[Claim]:
    return [
        _claim(0, "Stem cells", "", "heading"),
        _claim(
            1,
            "Stem cells may regrow hair.",
            "Stem cells",
            caveats=[_tag("may", category="modal")],
            claim_types=["efficacy"],
            flags=[
                {"code": "needs_substantiation", "severity": "medium", "message": "no evidence"}
            ],
        ),
        _claim(
            2,
            "It is clinically proven.",
            "Stem cells",
            boosters=[_tag("clinically proven", category="certainty")],
            claim_types=["efficacy"],
            flags=[
                {"code": "overstated", "severity": "high", "message": "proven"},
                {"code": "needs_substantiation", "severity": "high", "message": "none"},
            ],
        ),
        _claim(
            3,
            "Studies show benefits.",
            "Stem cells",
            evidence=[_tag("Studies", specificity="vague", design="unspecified")],
            evidence_strength="weak",
            claim_types=["research"],
            flags=[{"code": "vague_source", "severity": "low", "message": "vague"}],
        ),
        _claim(
            4,
            "There are no side effects.",
            "Safety",
            boosters=[_tag("no side effects", category="absolute")],
            claim_types=["safety"],
        ),
        _claim(5, "Is it safe?", "Safety", "question", claim_types=["safety"]),
    ]


def _store_like_frame() -> pd.DataFrame:
    """A frame shaped like Store.claims_frame: claim fields plus review columns."""
    frame = claims_frame(_claims())
    frame["doc_name"] = "sample.txt"
    frame["doc_version"] = 1
    frame["status"] = ["unreviewed", "approved", "needs_evidence", "unreviewed", "revise", None]
    frame["reviewer"] = [None, "ana", "ana", None, "bo", None]
    frame["note"] = ["", "ok", "", "", "", ""]
    frame["strength_override"] = [None, None, "none", None, "moderate", None]
    frame["links"] = [[], ["https://doi.org/10.1/x"], [], [], [], []]
    frame["review_version"] = [0, 1, 1, 0, 2, 0]
    frame["updated_at"] = None
    return frame


def _ids(frame: pd.DataFrame) -> list[int]:
    return [int(i) for i in frame["index"]]


def test_prepare_frame_readable_tags_and_keys() -> None:
    frame = prepare_frame(_store_like_frame())
    assert frame.loc[1, "caveats_txt"] == "may (modal)"
    assert frame.loc[2, "boosters_txt"] == "clinically proven (certainty)"
    assert frame.loc[3, "evidence_txt"] == "Studies (vague, unspecified)"
    assert frame.loc[2, "flags_txt"] == "overstated (high); needs_substantiation (high)"
    assert frame.loc[2, "worst_severity"] == "high"
    assert frame.loc[0, "caveat_key"] == "|"
    assert frame.loc[5, "status"] == "unreviewed"
    # A reviewer's strength override wins over the annotated strength.
    assert list(frame["strength"]) == ["none", "none", "none", "weak", "moderate", "none"]


def test_filters_change_rows() -> None:
    frame = prepare_frame(_store_like_frame())
    assert _ids(apply_filters(frame, Filters())) == [0, 1, 2, 3, 4, 5]
    assert _ids(apply_filters(frame, Filters(kind=("heading", "question")))) == [0, 5]
    assert _ids(apply_filters(frame, Filters(caveat=("modal",)))) == [1]
    assert _ids(apply_filters(frame, Filters(booster=("absolute", "certainty")))) == [2, 4]
    assert _ids(apply_filters(frame, Filters(booster=("none",), kind=("statement",)))) == [1, 3]
    assert _ids(apply_filters(frame, Filters(flag=("needs_substantiation",)))) == [1, 2]
    assert _ids(apply_filters(frame, Filters(flag=("none",)))) == [0, 4, 5]
    assert _ids(apply_filters(frame, Filters(severity=("high",)))) == [2]
    assert _ids(apply_filters(frame, Filters(type=("safety",)))) == [4, 5]
    assert _ids(apply_filters(frame, Filters(strength=("weak", "moderate")))) == [3, 4]
    assert _ids(apply_filters(frame, Filters(status=("unreviewed",)))) == [0, 3, 5]
    assert _ids(apply_filters(frame, Filters(section="Safety"))) == [4, 5]
    assert _ids(apply_filters(frame, Filters(q="HAIR"))) == [1]
    assert _ids(apply_filters(frame, Filters(q="safe", kind=("question",)))) == [5]
    assert _ids(apply_filters(frame, Filters(q="sample.txt"))) == []
    assert _ids(apply_filters(frame, Filters(doc="dother"))) == []
    combined = Filters(type=("efficacy",), severity=("medium",), status=("approved",))
    assert _ids(apply_filters(frame, combined)) == [1]


def test_query_string_round_trip() -> None:
    filters = Filters(
        doc="dsample",
        kind=("statement",),
        flag=("overstated", "none"),
        severity=("high",),
        status=("needs_evidence",),
        section="Stem cells",
        q="proven, really",
    )
    params = to_query(filters)
    assert params == {
        "doc": "dsample",
        "kind": "statement",
        "flag": "overstated,none",
        "severity": "high",
        "status": "needs_evidence",
        "section": "Stem cells",
        "q": "proven, really",
    }
    back, notes = from_query(params)
    assert back == filters
    assert notes == []
    assert to_query(Filters()) == {}


def test_from_query_drops_unknown_values_with_notes() -> None:
    params = {
        "kind": ["statement", "heading,bogus"],
        "strength": "strong,<script>",
        "claim": "c1",
        "q": "x" * 500,
    }
    filters, notes = from_query(params)
    assert filters.kind == ("statement", "heading")
    assert filters.strength == ("strong",)
    assert len(filters.q) == 200
    assert notes == [
        "ignored unknown kind 'bogus' in the link",
        "ignored unknown strength '<script>' in the link",
    ]


def test_summary_tables() -> None:
    frame = prepare_frame(_store_like_frame())
    assert metrics(frame) == {
        "claims": 6,
        "statements": 4,
        "hedged": 1,
        "flagged": 3,
        "high": 1,
        "reviewed": 3,
    }
    by_section = strength_by_section(frame)
    assert list(by_section.columns) == ["strong", "moderate", "weak", "none"]
    assert by_section.loc["Stem cells"].tolist() == [0, 0, 1, 2]
    assert by_section.loc["Safety"].tolist() == [0, 1, 0, 1]
    assert by_section.loc["(no section)"].tolist() == [0, 0, 0, 1]
    flags = flags_by_code(frame)["claims"].to_dict()
    assert flags["needs_substantiation"] == 2
    assert flags["overstated"] == 1
    assert flags["comparative_claim"] == 0
    hedged = hedged_counts(frame)
    assert hedged.loc["hedged"].sum() == 1
    assert hedged.loc["not hedged"].sum() == 3
    empty = frame.iloc[0:0]
    assert metrics(empty)["claims"] == 0
    assert strength_by_section(empty).empty
    assert hedged_counts(empty).to_numpy().sum() == 0


def test_table_and_exports() -> None:
    frame = prepare_frame(_store_like_frame())
    subset = apply_filters(frame, Filters(type=("efficacy",)))
    table = table_frame(subset)
    assert list(table["number"]) == [2, 3]
    assert table.loc[0, "caveats_txt"] == "may (modal)"
    records = export_records(subset)
    assert [r["id"] for r in records] == [_claims()[1].id, _claims()[2].id]
    assert records[0]["links"] == ["https://doi.org/10.1/x"]
    assert records[0]["caveats"][0]["text"] == "may"
    assert records[1]["strength_override"] == "none"
    assert "caveat_key" not in records[0]
    Claim.model_validate({k: v for k, v in records[0].items() if k in Claim.model_fields})
    reviews = frame_reviews(subset)
    assert reviews[_claims()[1].id]["status"] == "approved"

    document = Document(id="dsample", name="sample.txt", source_format="txt", sha256="0", text=TEXT)
    full = AnnotatedDocument(document=document, claims=_claims())
    docs = filtered_documents(subset, lambda doc_id: full)
    assert [c.index for c in docs[0].claims] == [1, 2]


def test_paragraph_bounds() -> None:
    start = TEXT.index("It is clinically")
    lo, hi = paragraph_bounds(TEXT, start, start + 5)
    assert (
        TEXT[lo:hi] == "Stem cells may regrow hair. It is clinically proven. Studies show benefits."
    )
    long_text = "a\n" + "word " * 1000 + "\nTarget here.\n" + "more " * 1000
    s = long_text.index("Target")
    lo, hi = paragraph_bounds(long_text, s, s + 6, limit=200)
    assert long_text[lo:hi] == "Target here."


def test_export_payloads_of_filtered_set() -> None:
    import json

    frame = prepare_frame(_store_like_frame())
    subset = apply_filters(frame, Filters(booster=("certainty", "absolute")))
    document = Document(id="dsample", name="sample.txt", source_format="txt", sha256="0", text=TEXT)
    full = AnnotatedDocument(document=document, claims=_claims())
    payloads = export_payloads(subset, lambda doc_id: full)
    assert set(payloads) == {"CSV", "JSONL", "Markdown", "HTML report"}
    name, mime, make = payloads["JSONL"]
    assert (name, mime) == ("claims.jsonl", "application/jsonl")
    rows = [json.loads(line) for line in make().splitlines()]
    assert [r["text"] for r in rows] == ["It is clinically proven.", "There are no side effects."]
    assert [r["status"] for r in rows] == ["needs_evidence", "revise"]
    csv_text = payloads["CSV"][2]()
    assert "id" in csv_text.splitlines()[0].split(",")
    assert len(csv_text.strip().splitlines()) == 3
    report = payloads["HTML report"][2]()
    assert "clinically proven</mark>" in report
    assert f'id="claim-{_claims()[2].id}"' in report
    assert f'id="claim-{_claims()[1].id}"' not in report  # filtered out: no card
    assert "review: revise by bo" in payloads["Markdown"][2]()
