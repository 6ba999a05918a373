"""The claim store on real databases: versions, reviews, audit, conflicts, links."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.errors import ClaimsError
from claims.models import FRAME_COLUMNS, AnnotatedDocument
from claims.store import (
    REVIEW_COLUMNS,
    REVIEW_STATUSES,
    ConflictError,
    ReviewError,
    Store,
    StoreError,
    UnknownDocumentError,
    default_url,
    link_url,
    validate_link,
)

MakeDoc = Callable[..., AnnotatedDocument]

V1 = """Stem cells may regrow hair.
The treatment is proven to work.
Results vary between patients.
"""
# v2: first statement kept, second dropped, third kept, one new statement.
V2 = """Stem cells may regrow hair.
Results vary between patients.
A new clinic opened in 2024.
"""


def ids_by_text(doc: AnnotatedDocument) -> dict[str, str]:
    return {c.text: c.id for c in doc.claims}


def _run_together(work: Callable[[int], None], stores: list[Store]) -> None:
    """Run ``work(i)`` for every store in its own thread, wait, then close the stores."""
    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()


# --- documents ----------------------------------------------------------------------


def test_round_trip_returns_an_equal_document(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1, "hair.txt")
    result = store.import_document(doc)
    assert (result.version, result.added, result.carried, result.vanished) == (1, 3, 0, 0)
    assert result.unchanged is False
    assert result.doc_id == doc.document.id and result.name == "hair.txt"

    back = store.get_document(doc.document.id)
    assert back == doc
    for claim in back.claims:
        assert back.document.text[claim.start : claim.end] == claim.text
        for cue in claim.caveats + claim.boosters:
            assert back.document.text[cue.start : cue.end] == cue.text

    [info] = store.list_documents()
    assert info.doc_id == doc.document.id
    assert (info.name, info.version, info.n_claims, info.source_format) == ("hair.txt", 1, 3, "txt")
    assert info.sha256 == doc.document.sha256
    assert info.imported_at.tzinfo is not None
    assert abs((datetime.now(UTC) - info.imported_at).total_seconds()) < 3600


def test_claims_frame_has_claim_and_review_columns(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1, "hair.txt")
    store.import_document(doc)
    frame = store.claims_frame()
    assert list(frame.columns) == [*FRAME_COLUMNS, *REVIEW_COLUMNS]
    assert len(frame) == 3
    assert list(frame["text"]) == [c.text for c in doc.claims]
    first = frame.iloc[0]
    assert first["caveats"] == doc.claims[0].record()["caveats"]
    assert frame.iloc[1]["boosters"] == doc.claims[1].record()["boosters"]
    assert isinstance(first["claim_types"], list)
    assert set(frame["status"]) == {"unreviewed"}
    assert list(frame["review_version"]) == [0, 0, 0]
    assert list(frame["doc_version"]) == [1, 1, 1]
    assert list(frame["doc_name"]) == ["hair.txt"] * 3
    assert all(links == [] for links in frame["links"])
    assert all(note == "" for note in frame["note"])


def test_empty_store_gives_empty_frame_with_columns(store: Store) -> None:
    frame = store.claims_frame()
    assert frame.empty
    assert list(frame.columns) == [*FRAME_COLUMNS, *REVIEW_COLUMNS]
    assert store.list_documents() == []


def test_claims_frame_of_one_document(store: Store, make_doc: MakeDoc) -> None:
    a = make_doc(V1, "a.txt")
    b = make_doc("Only one line here.\n", "b.txt")
    store.import_document(a)
    store.import_document(b)
    assert len(store.claims_frame()) == 4
    only_b = store.claims_frame(b.document.id)
    assert list(only_b["text"]) == ["Only one line here."]
    assert list(only_b["doc_name"]) == ["b.txt"]


def test_identical_reimport_creates_nothing(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1, "hair.txt")
    store.import_document(doc)
    before = store.data_version()
    again = store.import_document(doc)
    assert again.unchanged is True
    assert (again.version, again.added, again.vanished) == (1, 0, 0)
    assert store.data_version() == before
    assert [d.version for d in store.list_documents()] == [1]


def test_revised_document_carries_reviews(store: Store, make_doc: MakeDoc) -> None:
    v1 = make_doc(V1, "hair.txt")
    store.import_document(v1)
    ids1 = ids_by_text(v1)
    kept, dropped = ids1["Stem cells may regrow hair."], ids1["The treatment is proven to work."]
    store.save_review(kept, reviewer="ann", base_version=0, status="approved", note="fine")
    store.save_review(dropped, reviewer="ann", base_version=0, status="rejected")

    assert list(store.claims_frame()["doc_version"]) == [1, 1, 1]  # fills the record cache
    v2 = make_doc(V2, "hair.txt")
    result = store.import_document(v2)
    assert (result.version, result.added, result.carried, result.vanished) == (2, 1, 2, 1)
    assert result.unchanged is False

    frame = store.claims_frame().set_index("text")
    assert list(frame.index) == [c.text for c in v2.claims]
    assert frame.loc["Stem cells may regrow hair.", "status"] == "approved"
    assert frame.loc["Stem cells may regrow hair.", "note"] == "fine"
    assert frame.loc["Stem cells may regrow hair.", "id"] == kept
    assert frame.loc["A new clinic opened in 2024.", "status"] == "unreviewed"
    assert set(frame["doc_version"]) == {2}

    # the vanished claim stays stored with the old version, review intact
    old = store.get_document(v1.document.id, version=1)
    assert old == v1
    assert store.get_document(v1.document.id) == v2
    assert store.get_review(dropped).status == "rejected"
    [info] = store.list_documents()
    assert (info.version, info.n_claims) == (2, 3)


def test_unknown_document_is_a_clear_error(store: Store, make_doc: MakeDoc) -> None:
    with pytest.raises(UnknownDocumentError, match="no stored document dnope"):
        store.get_document("dnope")
    doc = make_doc(V1)
    store.import_document(doc)
    with pytest.raises(UnknownDocumentError, match="version 7"):
        store.get_document(doc.document.id, version=7)


def test_import_never_touches_reviews(store: Store, make_doc: MakeDoc) -> None:
    v1 = make_doc(V1, "hair.txt")
    store.import_document(v1)
    cid = v1.claims[0].id
    saved = store.save_review(cid, reviewer="ann", base_version=0, status="revise")
    store.import_document(make_doc(V2, "hair.txt"))
    store.import_document(make_doc(V1, "hair.txt"))  # back to the first text: version 3
    assert store.get_review(cid) == saved
    assert len(store.audit_log()) == 1


# --- reviews ------------------------------------------------------------------------


def test_unsaved_review_is_unreviewed_version_zero(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    review = store.get_review(doc.claims[0].id)
    assert review.status == "unreviewed"
    assert (review.version, review.reviewer, review.note, review.links) == (0, None, "", [])
    assert review.updated_at is None


def test_save_review_writes_one_audit_entry_per_changed_field(
    store: Store, make_doc: MakeDoc
) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[1].id
    r1 = store.save_review(
        cid,
        reviewer="ann",
        base_version=0,
        status="needs_evidence",
        note="which trial?",
        links=["PMID: 12345678"],
    )
    assert (r1.version, r1.status, r1.reviewer) == (1, "needs_evidence", "ann")
    assert r1.links == ["PMID:12345678"]
    assert r1.updated_at is not None and r1.updated_at.tzinfo is not None
    assert store.get_review(cid) == r1

    entries = store.audit_log(cid)
    assert {(e.field, e.old, e.new) for e in entries} == {
        ("status", "unreviewed", "needs_evidence"),
        ("note", "", "which trial?"),
        ("links", "[]", json.dumps(["PMID:12345678"])),
    }
    assert all(e.reviewer == "ann" and e.claim_id == cid for e in entries)

    # same status again, new note and an override: only the changed fields are logged
    r2 = store.save_review(
        cid,
        reviewer="bob",
        base_version=1,
        status="needs_evidence",
        note="found it",
        strength_override="moderate",
    )
    assert (r2.version, r2.reviewer, r2.strength_override, r2.note) == (
        2,
        "bob",
        "moderate",
        "found it",
    )
    assert r2.links == ["PMID:12345678"]
    newest = store.audit_log(cid)
    assert len(newest) == 5
    assert {(e.field, e.old, e.new, e.reviewer) for e in newest[:2]} == {
        ("note", "which trial?", "found it", "bob"),
        ("strength_override", None, "moderate", "bob"),
    }
    assert [e.id for e in newest] == sorted((e.id for e in newest), reverse=True)

    r3 = store.save_review(cid, reviewer="bob", base_version=2, clear_override=True)
    assert (r3.version, r3.strength_override) == (3, None)
    assert (store.audit_log(cid)[0].field, store.audit_log(cid)[0].old) == (
        "strength_override",
        "moderate",
    )


def test_save_without_changes_writes_nothing(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[0].id
    saved = store.save_review(cid, reviewer="ann", base_version=0, status="approved")
    before = store.data_version()
    same = store.save_review(cid, reviewer="ann", base_version=1, status="approved")
    assert same == saved
    assert store.data_version() == before
    assert len(store.audit_log(cid)) == 1


def test_conflicting_save_is_refused_and_nothing_overwritten(
    store: Store, make_doc: MakeDoc
) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[0].id
    first = store.save_review(cid, reviewer="ann", base_version=0, status="approved", note="ok")
    before = store.data_version()
    # bob started editing from version 0 too, in another process
    other = Store(store.url)
    try:
        with pytest.raises(ConflictError, match="since version 0"):
            other.save_review(cid, reviewer="bob", base_version=0, status="rejected", note="no")
        with pytest.raises(ConflictError):
            other.save_review(cid, reviewer="bob", base_version=5, status="rejected")
    finally:
        other.close()
    assert store.get_review(cid) == first
    assert len(store.audit_log(cid)) == 2
    assert store.data_version() == before
    # with the current version the save goes through
    assert store.save_review(cid, reviewer="bob", base_version=1, status="rejected").version == 2


@pytest.mark.parametrize(
    ("link", "normal"),
    [
        ("10.1056/NEJMoa2034577", "doi:10.1056/NEJMoa2034577"),
        ("doi:10.1000/xyz123", "doi:10.1000/xyz123"),
        ("DOI: 10.1000/xyz123", "doi:10.1000/xyz123"),
        ("https://doi.org/10.1000/abc.def", "doi:10.1000/abc.def"),
        ("PMID: 12345678", "PMID:12345678"),
        ("pmid 31234567", "PMID:31234567"),
        ("NCT01234567", "NCT01234567"),
        ("nct01234567", "NCT01234567"),
        ("https://pubmed.ncbi.nlm.nih.gov/12345678/", "https://pubmed.ncbi.nlm.nih.gov/12345678/"),
        ("  HTTP://Example.ORG/Study?id=3#r ", "http://example.org/Study?id=3#r"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
    ],
)
def test_valid_links_are_normalised(link: str, normal: str) -> None:
    assert validate_link(link) == normal


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "ftp://example.org/file",
        "see study",
        "",
        "   ",
        "data:text/html,<script>alert(1)</script>",
        "https://",
        "https://exa mple.org/",
        "https://user:pw@example.org/",
        "https://example.org/<script>\n",
        "10.12/too-short-prefix",
        "PMID: twelve",
        "NCT123",
        "//example.org/x",
        "https://example.org:99999/",
    ],
)
def test_invalid_links_are_refused(link: str) -> None:
    with pytest.raises(ReviewError):
        validate_link(link)


def test_link_url_gives_resolvable_addresses() -> None:
    assert link_url("doi:10.1000/xyz") == "https://doi.org/10.1000/xyz"
    assert link_url("PMID:12345678") == "https://pubmed.ncbi.nlm.nih.gov/12345678/"
    assert link_url("NCT01234567") == "https://clinicaltrials.gov/study/NCT01234567"
    assert link_url("https://example.org/a") == "https://example.org/a"


def test_invalid_review_input_writes_nothing(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[0].id
    before = store.data_version()
    with pytest.raises(ReviewError, match="javascript"):
        store.save_review(
            cid, reviewer="ann", base_version=0, status="approved", links=["javascript:alert(1)"]
        )
    with pytest.raises(ReviewError, match="invalid status 'great'"):
        store.save_review(cid, reviewer="ann", base_version=0, status="great")
    with pytest.raises(ReviewError, match="invalid strength"):
        store.save_review(cid, reviewer="ann", base_version=0, strength_override="huge")
    with pytest.raises(ReviewError, match="reviewer"):
        store.save_review(cid, reviewer="  ", base_version=0, status="approved")
    with pytest.raises(ReviewError, match="unknown claim id 'cnothere'"):
        store.save_review("cnothere", reviewer="ann", base_version=0, status="approved")
    with pytest.raises(ReviewError, match="unknown claim"):
        store.get_review("cnothere")
    assert store.get_review(cid).version == 0
    assert store.audit_log() == []
    assert store.data_version() == before


def test_links_are_deduplicated_in_order(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    review = store.save_review(
        doc.claims[0].id,
        reviewer="ann",
        base_version=0,
        links=["NCT01234567", "doi:10.1000/x", "nct01234567", "https://example.org/"],
    )
    assert review.links == ["NCT01234567", "doi:10.1000/x", "https://example.org/"]
    assert store.claims_frame().iloc[0]["links"] == review.links


def test_bulk_set_status(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    a, b, c = (claim.id for claim in doc.claims)
    store.save_review(a, reviewer="ann", base_version=0, status="approved", note="keep me")
    changed = store.bulk_set_status([a, b, c, b], "approved", reviewer="bob")
    assert changed == 2  # a already approved, b listed twice
    assert store.get_review(a).version == 1
    assert store.get_review(a).note == "keep me"
    rb = store.get_review(b)
    assert (rb.status, rb.version, rb.reviewer) == ("approved", 1, "bob")

    assert store.bulk_set_status([a, b], "revise", reviewer="cy") == 2
    ra = store.get_review(a)
    assert (ra.status, ra.version, ra.reviewer, ra.note) == ("revise", 2, "cy", "keep me")
    statuses = [(e.claim_id, e.old, e.new) for e in store.audit_log() if e.reviewer == "cy"]
    assert sorted(statuses) == sorted([(a, "approved", "revise"), (b, "approved", "revise")])
    frame = store.claims_frame().set_index("id")
    assert dict(frame["status"]) == {a: "revise", b: "revise", c: "approved"}


def test_bulk_set_status_refuses_bad_batches(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    ids = [claim.id for claim in doc.claims]
    with pytest.raises(ReviewError, match="unknown claim"):
        store.bulk_set_status([*ids, "cghost"], "approved", reviewer="ann")
    with pytest.raises(ReviewError, match="invalid status"):
        store.bulk_set_status(ids, "done", reviewer="ann")
    assert set(store.claims_frame()["status"]) == {"unreviewed"}
    assert store.bulk_set_status([], "approved", reviewer="ann") == 0
    assert store.audit_log() == []


def test_data_version_changes_on_every_write(store: Store, make_doc: MakeDoc) -> None:
    seen = [store.data_version()]
    doc = make_doc(V1)
    store.import_document(doc)
    seen.append(store.data_version())
    store.save_review(doc.claims[0].id, reviewer="ann", base_version=0, status="approved")
    seen.append(store.data_version())
    store.bulk_set_status([doc.claims[1].id], "rejected", reviewer="ann")
    seen.append(store.data_version())
    store.import_document(make_doc(V2))
    seen.append(store.data_version())
    assert len(set(seen)) == len(seen)
    # reads do not change it
    store.claims_frame()
    store.list_documents()
    store.audit_log()
    assert store.data_version() == seen[-1]
    # another connection sees the same number
    other = Store(store.url)
    try:
        assert other.data_version() == seen[-1]
    finally:
        other.close()


def test_audit_log_limit_and_filter(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    ids = [claim.id for claim in doc.claims]
    store.bulk_set_status(ids, "approved", reviewer="ann")
    store.bulk_set_status(ids, "revise", reviewer="ann")
    assert len(store.audit_log()) == 6
    latest_two = store.audit_log(limit=2)
    assert [e.new for e in latest_two] == ["revise", "revise"]
    assert [e.new for e in store.audit_log(ids[0])] == ["revise", "approved"]


def test_reviews_map(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[2].id
    store.save_review(cid, reviewer="ann", base_version=0, status="approved")
    assert list(store.reviews()) == [cid]
    assert store.reviews([doc.claims[0].id]) == {}
    assert store.reviews([cid])[cid].status == "approved"


# --- opening --------------------------------------------------------------------------


def test_default_url_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMS_DB_URL", "sqlite:////tmp/x.db")
    assert default_url() == "sqlite:////tmp/x.db"
    monkeypatch.delenv("CLAIMS_DB_URL")
    monkeypatch.chdir(tmp_path)
    assert default_url() == f"sqlite:///{tmp_path.resolve() / 'claims.db'}"


def test_sqlite_store_uses_wal(tmp_path: Path) -> None:
    s = Store(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        s.close()


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "nosuchdb://x/y",
        "sqlite:////no/such/folder/claims.db",
        "postgresql+psycopg://u:secret@127.0.0.1:1/db",
    ],
)
def test_bad_database_urls_give_one_line_errors(url: str) -> None:
    with pytest.raises(StoreError) as info:
        Store(url)
    message = str(info.value)
    assert "\n" not in message
    assert "secret" not in message
    assert isinstance(info.value, ClaimsError)


def test_statuses_contract() -> None:
    assert REVIEW_STATUSES == ("unreviewed", "approved", "needs_evidence", "revise", "rejected")


def test_concurrent_saves_from_one_base_let_exactly_one_win(
    store: Store, make_doc: MakeDoc
) -> None:
    doc = make_doc(V1)
    store.import_document(doc)
    cid = doc.claims[0].id
    stores = [Store(store.url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    outcomes: list[str] = []

    def save(i: int) -> None:
        barrier.wait()
        try:
            stores[i].save_review(cid, reviewer=f"r{i}", base_version=0, status="approved")
            outcomes.append(f"saved r{i}")
        except ConflictError:
            outcomes.append("conflict")

    _run_together(save, stores)
    winners = [o for o in outcomes if o.startswith("saved")]
    assert len(winners) == 1 and outcomes.count("conflict") == 3
    review = store.get_review(cid)
    assert (review.version, f"saved {review.reviewer}") == (1, winners[0])
    assert len(store.audit_log(cid)) == 1


def test_concurrent_imports_of_one_document_number_versions_once(
    store: Store, make_doc: MakeDoc
) -> None:
    texts = [V1, V2, V1 + "Extra line.\n"]
    docs = [make_doc(t, "hair.txt") for t in texts]
    stores = [Store(store.url) for _ in docs]
    barrier = threading.Barrier(len(docs))
    versions: list[int] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            versions.append(stores[i].import_document(docs[i]).version)
        except ClaimsError as exc:
            versions.append(-1)
            print(exc)

    _run_together(run, stores)
    assert sorted(versions) == [1, 2, 3]
    stored = {store.get_document(docs[0].document.id, v).document.sha256 for v in (1, 2, 3)}
    assert stored == {d.document.sha256 for d in docs}
    assert store.list_documents()[0].version == 3
