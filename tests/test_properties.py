"""Property tests: any text annotates without error, with spans that nest and ids that hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import annotate_text

VOCABULARY = (
    "may might May can not proven guaranteed 100% natural study studies found showed "
    "(Lee et al., 2021) [1] e.g. Dr. Smith 2.5 mg vs. approx. results vary experimental "
    "suggest significant p = 0.03 Research has demonstrated . ? ! : \n \n\n - 1. # * < > & "
    "https://example.com/a.b doi:10.1000/xyz.1 whether or no guarantee"
)
WORDS = st.sampled_from(VOCABULARY.split(" "))
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=80).map(" ".join),
)


def check(text: str) -> None:
    doc = annotate_text(text, name="prop.txt")
    body = doc.document.text
    last = 0
    for claim in doc.claims:
        assert 0 <= claim.start < claim.end <= len(body)
        assert claim.start >= last
        last = claim.end
        assert body[claim.start : claim.end] == claim.text
        for tag in [*claim.caveats, *claim.boosters, *claim.evidence]:
            assert claim.start <= tag.start < tag.end <= claim.end
            assert body[tag.start : tag.end] == tag.text
        if claim.kind == "question":
            assert not claim.flags


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_annotate_never_raises_and_spans_nest(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join))
def test_ids_stable_under_edits_elsewhere(prefix: str) -> None:
    kept = "Stem cells may regrow hair."
    before = annotate_text(f"{kept}\n\nThe end.", name="p.txt")
    after = annotate_text(f"{prefix}\n\n{kept}\n\nThe end.", name="p.txt")
    ids_before = {c.id for c in before.claims if c.text == kept}
    ids_after = {c.id for c in after.claims if c.text == kept}
    assert ids_after  # a blank line always separates the kept statement from the prefix
    assert ids_before == ids_after
