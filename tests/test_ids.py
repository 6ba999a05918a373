"""Stable claim ids follow a statement across revisions of its document."""

from __future__ import annotations

from claims import annotate_text
from claims.ids import claim_ids, doc_id_for, normalise


def test_same_statement_keeps_its_id_in_a_revised_document() -> None:
    v1 = annotate_text("Stem cells may help. It is painless.", name="page.txt")
    v2 = annotate_text("A new opening line. Stem cells may help. It is painless!", name="page.txt")
    ids1 = {c.text: c.id for c in v1.claims}
    ids2 = {c.text: c.id for c in v2.claims}
    assert ids1["Stem cells may help."] == ids2["Stem cells may help."]
    assert ids1["It is painless."] != ids2["It is painless!"]


def test_ids_differ_by_document_and_occurrence() -> None:
    assert doc_id_for("a/page.txt") == doc_id_for("b/page.txt")
    assert doc_id_for("page.txt") != doc_id_for("other.txt")
    first, second = claim_ids("d1", ["Same text.", "same   TEXT."])
    assert first != second  # the second occurrence gets its own id
    assert claim_ids("d1", ["Same text."]) == [first]
    assert normalise("  Same \n TEXT. ") == "same text."
