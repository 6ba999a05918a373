"""Tests of the Streamlit dashboard (app.py) through streamlit.testing.v1.AppTest.

Each test points CLAIMS_DB_URL at a fresh SQLite file. Most tests fill the store with
hand-built documents (exact, known tags) so they do not depend on the engine's rules.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from claims.ids import claim_ids, doc_id_for
from claims.models import AnnotatedDocument, Booster, Caveat, Claim, Document, Evidence, Flag
from claims.store import Store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT = 60

TEXT = (
    "Hair growth\n\n"
    "Stem cells may regrow hair. It is clinically proven to work. "
    "Studies show thicker hair.\n\n"
    "Safety\n\n"
    "There are no side effects <script>window.__pwned=1</script>.\n"
)


def _doc(text: str = TEXT, name: str = "hair.txt") -> AnnotatedDocument:
    doc_id = doc_id_for(name)

    def at(phrase: str) -> tuple[int, int]:
        s = text.index(phrase)
        return s, s + len(phrase)

    specs: list[tuple[str, str, str, dict[str, Any]]] = [
        ("Hair growth", "heading", "", {}),
        (
            "Stem cells may regrow hair.",
            "statement",
            "Hair growth",
            {
                "caveats": [
                    Caveat(text="may", start=at("may")[0], end=at("may")[1], category="modal")
                ],
                "claim_types": ["efficacy"],
                "flags": [
                    Flag(
                        code="needs_substantiation",
                        severity="medium",
                        message="hedged, no evidence",
                    )
                ],
            },
        ),
        (
            "It is clinically proven to work.",
            "statement",
            "Hair growth",
            {
                "boosters": [
                    Booster(
                        text="clinically proven",
                        start=at("clinically proven")[0],
                        end=at("clinically proven")[1],
                        category="certainty",
                    )
                ],
                "claim_types": ["efficacy"],
                "flags": [
                    Flag(code="overstated", severity="high", message="proven without evidence")
                ],
            },
        ),
        (
            "Studies show thicker hair.",
            "statement",
            "Hair growth",
            {
                "evidence": [
                    Evidence(
                        text="Studies",
                        start=at("Studies")[0],
                        end=at("Studies")[1],
                        specificity="vague",
                    )
                ],
                "evidence_strength": "weak",
                "claim_types": ["efficacy"],
                "flags": [Flag(code="vague_source", severity="low", message="vague source")],
            },
        ),
        ("Safety", "heading", "", {}),
        (
            "There are no side effects <script>window.__pwned=1</script>.",
            "statement",
            "Safety",
            {"claim_types": ["safety"]},
        ),
    ]
    ids = claim_ids(doc_id, [s for s, *_ in specs])
    claims = []
    for i, ((sentence, kind, section, tags), cid) in enumerate(zip(specs, ids, strict=True)):
        s, e = at(sentence)
        claims.append(
            Claim(
                id=cid,
                doc_id=doc_id,
                index=i,
                kind=kind,  # type: ignore[arg-type]
                section=section,
                text=sentence,
                start=s,
                end=e,
                hedged=bool(tags.get("caveats")),
                **tags,
            )
        )
    document = Document(
        id=doc_id,
        name=name,
        source_format="txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return AnnotatedDocument(document=document, claims=claims)


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("CLAIMS_DB_URL", url)
    return url


@pytest.fixture
def filled(db_url: str) -> tuple[Store, AnnotatedDocument]:
    store = Store(db_url)
    doc = _doc()
    store.import_document(doc)
    return store, doc


def _run(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _save(at: AppTest) -> None:
    next(b for b in at.button if b.label == "Save review").click().run()


def _metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def _table_claims(at: AppTest) -> list[str]:
    return [str(x) for x in at.dataframe[0].value["text"]]


def test_filters_change_rows_and_query_string(filled: tuple[Store, AnnotatedDocument]) -> None:
    at = _run()
    assert _metric(at, "Claims") == 6
    assert len(_table_claims(at)) == 6
    at.multiselect(key="f_flag").set_value(["overstated"]).run()
    assert _table_claims(at) == ["It is clinically proven to work."]
    assert _metric(at, "Claims") == 1
    assert at.query_params.get("flag") == "overstated"
    at.multiselect(key="f_flag").set_value([]).run()
    at.multiselect(key="f_kind").set_value(["heading"]).run()
    assert _table_claims(at) == ["Hair growth", "Safety"]
    at.text_input(key="f_q").input("thicker").run()
    assert _table_claims(at) == []
    at.multiselect(key="f_kind").set_value([]).run()
    assert _table_claims(at) == ["Studies show thicker hair."]
    assert at.query_params.get("q") == "thicker"
    assert "kind" not in at.query_params


def test_query_string_filters_applied_on_load(filled: tuple[Store, AnnotatedDocument]) -> None:
    at = _run({"type": "efficacy", "strength": "none", "severity": "high,medium"})
    assert _table_claims(at) == ["Stem cells may regrow hair.", "It is clinically proven to work."]
    assert at.multiselect(key="f_type").value == ["efficacy"]
    assert at.multiselect(key="f_severity").value == ["high", "medium"]
    at2 = _run({"section": "Safety", "kind": "statement,bogus"})
    assert _table_claims(at2) == ["There are no side effects <script>window.__pwned=1</script>."]
    assert any("bogus" in w.value for w in at2.sidebar.warning)


def test_claim_detail_shows_escaped_highlights_and_flags(
    filled: tuple[Store, AnnotatedDocument],
) -> None:
    _, doc = filled
    claim = doc.claims[2]
    at = _run({"claim": claim.id})
    htmls = "\n".join(h.proto.body for h in at.html)
    assert (
        '<mark class="hl hl-booster" title="booster: certainty">clinically proven</mark>' in htmls
    )
    assert any("proven without evidence" in e.value for e in at.error)
    # The document view is rendered too, escaped, with links to the details.
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in htmls
    assert "<script>window" not in htmls
    assert f"claim={doc.claims[5].id}" in htmls


def test_review_saved_through_form_is_stored_and_audited(
    filled: tuple[Store, AnnotatedDocument],
) -> None:
    store, doc = filled
    claim = doc.claims[1]
    at = _run({"claim": claim.id})
    at.text_input(key="reviewer").input("Dr Ana").run()
    at.selectbox(key=f"rv_status_{claim.id}").set_value("needs_evidence")
    at.text_area(key=f"rv_note_{claim.id}").input("Which trial?")
    at.text_area(key=f"rv_links_{claim.id}").input("doi:10.1000/xyz123\nNCT01234567")
    _save(at)
    assert not at.exception
    review = store.get_review(claim.id)
    assert review.status == "needs_evidence"
    assert review.note == "Which trial?"
    assert review.reviewer == "Dr Ana"
    assert review.version == 1
    assert len(review.links) == 2
    fields = {e.field for e in store.audit_log(claim.id)}
    assert {"status", "note", "links"} <= fields
    assert any("Saved" in s.value for s in at.success)
    # The table shows the new status after the save.
    assert "needs_evidence" in list(at.dataframe[0].value["status"])


def test_conflicting_save_keeps_typed_input(filled: tuple[Store, AnnotatedDocument]) -> None:
    store, doc = filled
    claim = doc.claims[3]
    at = _run({"claim": claim.id})
    at.text_input(key="reviewer").input("Bo").run()
    # Someone else saves after this form was opened.
    store.save_review(claim.id, reviewer="Cy", base_version=0, status="approved", note="fine")
    at.selectbox(key=f"rv_status_{claim.id}").set_value("rejected")
    at.text_area(key=f"rv_note_{claim.id}").input("my careful note")
    _save(at)
    assert not at.exception
    assert any("Not saved" in e.value and "Cy" in e.value for e in at.error)
    assert at.text_area(key=f"rv_note_{claim.id}").value == "my careful note"
    assert at.selectbox(key=f"rv_status_{claim.id}").value == "rejected"
    assert store.get_review(claim.id).status == "approved"
    # Rebase on their version, then the save goes through with the typed input.
    at.button(key=f"rv_rebase_{claim.id}").click().run()
    _save(at)
    review = store.get_review(claim.id)
    assert (review.status, review.note, review.reviewer) == ("rejected", "my careful note", "Bo")


def test_bulk_status_needs_confirmation(filled: tuple[Store, AnnotatedDocument]) -> None:
    store, doc = filled
    at = _run({"kind": "heading"})
    at.text_input(key="reviewer").input("Ana").run()
    at.selectbox(key="bulk_status").set_value("approved").run()
    start = next(b for b in at.button if b.label.startswith("Set status of 2 claims"))
    start.click().run()
    assert store.get_review(doc.claims[0].id).status == "unreviewed"
    next(b for b in at.button if b.label == "Confirm").click().run()
    assert store.get_review(doc.claims[0].id).status == "approved"
    assert store.get_review(doc.claims[4].id).status == "approved"
    assert store.get_review(doc.claims[1].id).status == "unreviewed"
    assert any("Changed 2 claims" in s.value for s in at.success)
    labels = {b.label for b in at.download_button}
    assert labels == {"CSV", "JSONL", "Markdown", "HTML report"}


def test_bad_upload_shows_one_line_error(filled: tuple[Store, AnnotatedDocument]) -> None:
    at = _run()
    at.file_uploader(key="upload").set_value(
        [("broken.pdf", b"not a pdf at all", "application/pdf"), ("empty.txt", b"", "text/plain")]
    )
    at.run()
    assert not at.exception
    errors = [e.value for e in at.sidebar.error]
    assert len(errors) == 2
    assert errors[0].startswith("broken.pdf: ") and errors[1].startswith("empty.txt: ")
    assert not any("\n" in e for e in errors)
    # Nothing was imported and a rerun does not import or report the files again.
    assert [d.name for d in filled[0].list_documents()] == ["hair.txt"]
    at.run()
    assert not at.sidebar.error


def test_empty_store_opens_on_bundled_samples(db_url: str) -> None:
    samples = Path(APP).parent / "data" / "samples"
    if not any(samples.glob("*")):
        pytest.skip("no bundled samples in data/samples")
    at = _run()
    names = {d.name for d in Store(db_url).list_documents()}
    assert names >= {p.name for p in samples.glob("*.txt")}
    assert _metric(at, "Claims") > 0
    assert not at.warning, [w.value for w in at.warning]
