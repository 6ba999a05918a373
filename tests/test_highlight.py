"""Tests for claims.highlight: escaping of hostile text, spans, classes, overlaps."""

from __future__ import annotations

import re
from typing import Any

from claims.highlight import (
    Cue,
    claim_cues,
    claim_html,
    document_html,
    legend_html,
    segments,
    styled,
)
from claims.models import Booster, Caveat, Claim, Evidence, Flag


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _claim(text: str, sentence: str, idx: int = 0, **tags: Any) -> Claim:
    start, end = _span(text, sentence)
    return Claim(
        id=f"c{idx:015d}",
        doc_id="dtest",
        index=idx,
        kind="statement",
        section="",
        text=sentence,
        start=start,
        end=end,
        hedged=bool(tags.get("caveats")),
        **tags,
    )


def _caveat(text: str, phrase: str, category: str = "modal", nth: int = 0) -> Caveat:
    s, e = _span(text, phrase, nth)
    return Caveat(text=phrase, start=s, end=e, category=category)  # type: ignore[arg-type]


def _booster(text: str, phrase: str, category: str = "certainty") -> Booster:
    s, e = _span(text, phrase)
    return Booster(text=phrase, start=s, end=e, category=category)  # type: ignore[arg-type]


def _evidence(text: str, phrase: str) -> Evidence:
    s, e = _span(text, phrase)
    return Evidence(text=phrase, start=s, end=e, specificity="vague", design="unspecified")


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


HOSTILE = (
    "Intro <script>window.__pwned=1</script> text. "
    'It may work <img src=x onerror="window.__pwned=1"> well. '
    "See <a href=\"javascript:alert('x')\">here</a> & more."
)


def test_hostile_text_is_escaped_in_claim_html() -> None:
    sentence = 'It may work <img src=x onerror="window.__pwned=1"> well.'
    claim = _claim(HOSTILE, sentence, caveats=[_caveat(HOSTILE, "may")])
    out = claim_html(HOSTILE, claim)
    assert "<img" not in out
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in out
    # Unescaping the visible text gives back exactly the sentence.
    import html

    assert html.unescape(_strip_tags(out)) == sentence


def test_hostile_text_is_escaped_in_document_html() -> None:
    claims = [
        _claim(HOSTILE, "Intro <script>window.__pwned=1</script> text.", 0),
        _claim(HOSTILE, 'It may work <img src=x onerror="window.__pwned=1"> well.', 1),
    ]
    out = document_html(HOSTILE, claims)
    assert "<script" not in out
    assert "<img" not in out
    assert 'href="javascript' not in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert "&lt;a href=&quot;javascript:alert(&#x27;x&#x27;)&quot;&gt;" in out
    # The only tags present are ours.
    tags = set(re.findall(r"<\s*([a-zA-Z]+)", out))
    assert tags <= {"div", "a", "span", "mark"}
    import html

    assert html.unescape(_strip_tags(out)) == HOSTILE


def test_hostile_claim_id_and_labels_cannot_break_attributes() -> None:
    text = "It may help."
    record = _claim(text, text, caveats=[_caveat(text, "may")]).record()
    record["id"] = '"><script>x</script>'
    record["caveats"][0]["category"] = '"><b>'
    record["evidence_strength"] = '" onmouseover="x'
    out = document_html(text, [record])
    assert "<script" not in out and "<b>" not in out
    assert 'onmouseover="' not in out
    assert "?claim=%22%3E%3Cscript%3Ex%3C%2Fscript%3E" in out
    assert 'class="claim s-none"' in out


def test_cue_spans_and_classes() -> None:
    text = "Stem cells are believed to work. Studies show it is clinically proven."
    c1 = _claim(
        text,
        "Stem cells are believed to work.",
        0,
        caveats=[_caveat(text, "believed", "epistemic")],
    )
    sentence2 = "Studies show it is clinically proven."
    c2 = _claim(
        text,
        sentence2,
        1,
        boosters=[_booster(text, "clinically proven")],
        evidence=[_evidence(text, "Studies")],
    )
    out1 = claim_html(text, c1)
    assert out1 == (
        '<span class="claim-sentence">Stem cells are '
        '<mark class="hl hl-caveat" title="caveat: epistemic">believed</mark> to work.</span>'
    )
    out2 = claim_html(text, c2)
    assert '<mark class="hl hl-evidence" title="evidence: vague, unspecified">Studies</mark>' in (
        out2
    )
    assert '<mark class="hl hl-booster" title="booster: certainty">clinically proven</mark>' in out2
    # Text outside the claim is not part of the claim's html.
    assert "Stem cells" not in out2


def test_overlapping_cues_split_into_segments() -> None:
    text = "This has not been proven to work."
    # Booster "proven" nested inside caveat "not been proven".
    claim = _claim(
        text,
        text,
        caveats=[_caveat(text, "not been proven", "status")],
        boosters=[_booster(text, "proven")],
    )
    out = claim_html(text, claim)
    assert '<mark class="hl hl-caveat" title="caveat: status">not been </mark>' in out
    assert (
        '<mark class="hl hl-caveat hl-booster" title="caveat: status; booster: certainty">'
        "proven</mark>"
    ) in out
    assert _strip_tags(out) == text


def test_segments_partial_overlap() -> None:
    cues = [Cue(2, 6, "caveat", "modal"), Cue(4, 9, "booster", "absolute")]
    pieces = segments(0, 10, cues)
    assert [(a, b, tuple(c.kind for c in cov)) for a, b, cov in pieces] == [
        (0, 2, ()),
        (2, 4, ("caveat",)),
        (4, 6, ("caveat", "booster")),
        (6, 9, ("booster",)),
        (9, 10, ()),
    ]


def test_segments_clip_to_range() -> None:
    pieces = segments(5, 8, [Cue(0, 6, "caveat", "modal"), Cue(7, 20, "evidence", "x")])
    assert [(a, b, len(cov)) for a, b, cov in pieces] == [(5, 6, 1), (6, 7, 0), (7, 8, 1)]


def test_mismatched_or_out_of_range_cues_are_dropped() -> None:
    text = "It may help."
    record = _claim(text, text, caveats=[_caveat(text, "may")]).record()
    record["caveats"].append({"text": "zzz", "start": 0, "end": 3, "category": "modal"})
    record["caveats"].append({"text": "x", "start": 5, "end": 500, "category": "modal"})
    cues = claim_cues(record, text)
    assert [(c.start, c.end) for c in cues] == [(3, 6)]


def test_mapping_records_render_like_claims() -> None:
    text = "It may help. Unlike surgery, it is always painless."
    claim = _claim(
        text,
        "Unlike surgery, it is always painless.",
        boosters=[_booster(text, "always", "absolute"), _booster(text, "painless", "absolute")],
    )
    assert claim_html(text, claim) == claim_html(text, claim.record())


def test_document_html_links_strength_and_flags() -> None:
    text = "Title\n\nIt may help. It cures everything.\n"
    flag = Flag(code="overstated", severity="high", message="cure without strong evidence")
    c1 = _claim(text, "It may help.", 0, caveats=[_caveat(text, "may")])
    c2 = _claim(
        text,
        "It cures everything.",
        1,
        boosters=[_booster(text, "cures", "absolute")],
        flags=[flag],
    )
    out = document_html(text, [c2, c1], selected=c2.id)
    first = out.index(c1.id)
    second = out.index(c2.id)
    assert first < second
    assert f'href="?claim={c1.id}" target="_self"' in out
    assert 'class="claim s-none flagged sev-high selected"' in out
    assert "Title\n\n" in out
    assert _strip_tags(out) == text


def test_document_html_without_links_and_overlaps() -> None:
    text = "One two. Three four."
    a = _claim(text, "One two.", 0)
    overlapping = _claim(text, "two. Three", 1)
    out = document_html(text, [a, overlapping], link=None)
    assert "<a " not in out
    assert out.count('<span class="claim') == 1
    assert _strip_tags(out) == text


def test_legend_and_style() -> None:
    legend = legend_html(document=True)
    for word in ("caveat", "booster", "evidence", "strong evidence", "high-severity flag"):
        assert word in legend
    page = styled(legend)
    assert page.startswith("<style>") and "mark.hl-caveat" in page
