"""Tests for claims.report_html: self-contained, escaped, highlights and reviews."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claims.models import AnnotatedDocument, Booster, Caveat, Claim, Document, Evidence, Flag
from claims.report_html import html_report

TEXT = (
    "Hair <script>window.__pwned=1</script> guide\n\n"
    "Stem cells may restore hair <img src=x onerror=window.__pwned=1>. "
    "It is clinically proven by studies. "
    'Click <a href="javascript:alert(1)">here</a>.\n'
)


def _claim(idx: int, sentence: str, **tags: object) -> Claim:
    start = TEXT.index(sentence)
    return Claim(
        id=f"c{idx:015d}",
        doc_id="dreport",
        index=idx,
        kind="heading" if idx == 0 else "statement",
        section="Hair guide",
        text=sentence,
        start=start,
        end=start + len(sentence),
        hedged=bool(tags.get("caveats")),
        **tags,  # type: ignore[arg-type]
    )


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _doc() -> AnnotatedDocument:
    may, proven, studies = _at("may"), _at("clinically proven"), _at("studies")
    claims = [
        _claim(0, "Hair <script>window.__pwned=1</script> guide"),
        _claim(
            1,
            "Stem cells may restore hair <img src=x onerror=window.__pwned=1>.",
            caveats=[Caveat(text="may", start=may[0], end=may[1], category="modal")],
            claim_types=["efficacy"],
            flags=[
                Flag(
                    code="needs_substantiation",
                    severity="medium",
                    message="efficacy claim <b>without</b> evidence",
                )
            ],
        ),
        _claim(
            2,
            "It is clinically proven by studies.",
            boosters=[
                Booster(
                    text="clinically proven", start=proven[0], end=proven[1], category="certainty"
                )
            ],
            evidence=[
                Evidence(text="studies", start=studies[0], end=studies[1], specificity="vague")
            ],
            evidence_strength="weak",
            flags=[Flag(code="overstated", severity="high", message="proven, weak evidence")],
        ),
        _claim(3, 'Click <a href="javascript:alert(1)">here</a>.'),
    ]
    document = Document(
        id="dreport", name="hostile<doc>.txt", source_format="txt", sha256="0" * 64, text=TEXT
    )
    return AnnotatedDocument(document=document, claims=claims)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_report_is_self_contained() -> None:
    page = html_report([_doc()])
    assert page.startswith("<!DOCTYPE html>")
    tags = _parse(page)
    names = {t for t, _ in tags}
    assert "script" not in names
    assert "link" not in names and "img" not in names and "iframe" not in names
    for _, attrs in tags:
        assert "src" not in attrs
        assert not any(k.startswith("on") for k in attrs)
    assert "@import" not in page and "url(" not in page
    assert "<style>" in page and "mark.hl-caveat" in page


def test_report_escapes_hostile_text() -> None:
    page = html_report([_doc()], title="Report <script>x</script>")
    assert "<script" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=window.__pwned=1&gt;" in page
    assert "<title>Report &lt;script&gt;x&lt;/script&gt;</title>" in page
    assert "hostile&lt;doc&gt;.txt" in page
    assert "efficacy claim &lt;b&gt;without&lt;/b&gt; evidence" in page
    for tag, attrs in _parse(page):
        if tag == "a":
            assert not (attrs.get("href") or "").lower().startswith("javascript")


def test_report_contains_highlights_flags_and_links_to_cards() -> None:
    doc = _doc()
    page = html_report([doc])
    assert '<mark class="hl hl-caveat" title="caveat: modal">may</mark>' in page
    assert '<mark class="hl hl-booster" title="booster: certainty">clinically proven</mark>' in page
    assert '<mark class="hl hl-evidence" title="evidence: vague, unspecified">studies</mark>' in (
        page
    )
    assert "<b>overstated</b> (high): proven, weak evidence" in page
    # The document view links each claim to its card in the same page.
    for claim in doc.claims:
        assert f'href="#claim-{claim.id}"' in page
        assert f'id="claim-{claim.id}"' in page
    assert "Flags</th><td>needs_substantiation: 1, overstated: 1" in page


def test_report_shows_reviews_and_only_safe_links() -> None:
    doc = _doc()
    reviews = {
        doc.claims[2].id: {
            "status": "needs_evidence",
            "reviewer": "Ana <i>",
            "note": "ask for the trial",
            "strength_override": "none",
            "links": ["https://doi.org/10.1000/xyz", "javascript:alert(1)", "PMID:123456"],
        }
    }
    page = html_report([doc], reviews)
    assert '<span class="status status-needs_evidence">needs_evidence</span>' in page
    assert "by Ana &lt;i&gt;" in page
    assert "ask for the trial" in page
    assert "evidence: weak (reviewer: none)" in page
    assert '<a href="https://doi.org/10.1000/xyz" rel="noopener noreferrer">' in page
    assert "javascript:alert(1)" in page  # shown as text
    hrefs = [a.get("href") for t, a in _parse(page) if t == "a"]
    assert "javascript:alert(1)" not in hrefs
    assert "PMID:123456" in page
    statuses = re.findall(r"Review</th><td>([^<]*)</td>", page)
    assert statuses[0] == "needs_evidence: 1, unreviewed: 3"
