"""A self-contained HTML review report: highlights, tags, flags and review state.

The page carries its own stylesheet and no scripts or external resources, so it can be
mailed or archived as one file. All document and review text is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from claims.highlight import STYLE, claim_html, document_html, legend_html
from claims.models import STRENGTHS, AnnotatedDocument, Claim

REPORT_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
  max-width: 60rem; padding: 0 1rem; color: #111827; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #e5e7eb; }
table.summary { border-collapse: collapse; margin: 0.5rem 0 1rem 0; }
table.summary td, table.summary th { border: 1px solid #e5e7eb; padding: 0.2rem 0.6rem;
  text-align: left; }
.claim-card { border: 1px solid #e5e7eb; border-radius: 6px; padding: 0.6rem 0.9rem;
  margin: 0.8rem 0; }
.claim-card .meta { color: #4b5563; font-size: 0.85rem; }
.claim-card ul { margin: 0.3rem 0; padding-left: 1.2rem; font-size: 0.9rem; }
.status { font-weight: 600; padding: 0 0.4rem; border-radius: 3px; background: #f3f4f6; }
.status-approved { background: #dcfce7; } .status-rejected { background: #fee2e2; }
.status-needs_evidence { background: #fef3c7; } .status-revise { background: #e0e7ff; }
.sev-high-text { color: #b91c1c; } .sev-medium-text { color: #c2410c; }
details.docview { margin: 1rem 0; } details.docview summary { cursor: pointer; }
"""


def _e(value: Any) -> str:
    """Escape any value for HTML text or attribute use."""
    return html.escape("" if value is None else str(value), quote=True)


def _link_html(link: str) -> str:
    """An evidence link: a real anchor only for http(s) URLs, else plain escaped text."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f'<a href="{_e(link)}" rel="noopener noreferrer">{_e(link)}</a>'
    return _e(link)


def _anchor(claim_id: str) -> str:
    """The in-page anchor name of a claim card."""
    return "claim-" + quote(claim_id, safe="")


def _tag_list(title: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    return f"<li><b>{_e(title)}:</b> {_e('; '.join(items))}</li>"


def _claim_card(doc_text: str, claim: Claim, review: Mapping[str, Any] | None) -> str:
    """One claim: highlighted sentence, tags, flags with reasons and review state."""
    review = review or {}
    status = str(review.get("status") or "unreviewed")
    override = review.get("strength_override")
    strength = claim.evidence_strength
    strength_txt = f"{strength} (reviewer: {override})" if override else strength
    meta = " · ".join(
        x
        for x in (
            f"#{claim.index + 1}",
            claim.kind,
            claim.section and f"section: {claim.section}",
            f"evidence: {strength_txt}",
            ", ".join(claim.claim_types),
        )
        if x
    )
    items = [
        _tag_list("Caveats", [f"{c.text} ({c.category})" for c in claim.caveats]),
        _tag_list("Boosters", [f"{b.text} ({b.category})" for b in claim.boosters]),
        _tag_list("Evidence", [f"{v.text} ({v.specificity}, {v.design})" for v in claim.evidence]),
    ]
    flags = "".join(
        f'<li class="sev-{_e(f.severity)}-text"><b>{_e(f.code)}</b> ({_e(f.severity)}): '
        f"{_e(f.message)}</li>"
        for f in claim.flags
    )
    review_parts = [f'<span class="status status-{_e(status)}">{_e(status)}</span>']
    if review.get("reviewer"):
        review_parts.append(f"by {_e(review['reviewer'])}")
    if review.get("note"):
        review_parts.append(f"— {_e(review['note'])}")
    links = [str(x) for x in (review.get("links") or [])]
    links_html = (
        "<li><b>Evidence links:</b> " + ", ".join(_link_html(x) for x in links) + "</li>"
        if links
        else ""
    )
    return (
        f'<div class="claim-card" id="{_e(_anchor(claim.id))}">'
        f'<div class="meta">{_e(meta)} · <code>{_e(claim.id)}</code></div>'
        f"<p>{claim_html(doc_text, claim)}</p>"
        f"<ul>{''.join(items)}{flags}{links_html}</ul>"
        f'<div class="meta">Review: {" ".join(review_parts)}</div>'
        "</div>"
    )


def _summary_table(claims: Sequence[Claim], reviews: Mapping[str, Mapping[str, Any]]) -> str:
    """Counts of claims by evidence strength, flag code and review status."""
    strengths = Counter(c.evidence_strength for c in claims)
    flags = Counter(f.code for c in claims for f in c.flags)
    statuses = Counter(str((reviews.get(c.id) or {}).get("status") or "unreviewed") for c in claims)
    rows = [
        ("Claims", str(len(claims))),
        ("Hedged", str(sum(c.hedged for c in claims))),
        ("Evidence", ", ".join(f"{s}: {strengths[s]}" for s in STRENGTHS if strengths[s])),
        ("Flags", ", ".join(f"{k}: {v}" for k, v in sorted(flags.items())) or "none"),
        ("Review", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))),
    ]
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="summary">{body}</table>'


def html_report(
    docs: Sequence[AnnotatedDocument],
    reviews: Mapping[str, Mapping[str, Any]] | None = None,
    title: str = "Claim review report",
) -> str:
    """A complete HTML page for the given documents (their claims) and reviews.

    ``reviews`` maps a claim id to review keys (status, reviewer, note,
    strength_override, links). Self-contained: inline CSS, no scripts, no external
    resources; in-page links jump from the highlighted document to each claim card.
    """
    reviews = reviews or {}
    all_claims = [c for d in docs for c in d.claims]
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{STYLE}{REPORT_STYLE}</style>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">Generated {_e(generated)} · {len(docs)} document(s) · '
        f"{len(all_claims)} claim(s)</p>",
        _summary_table(all_claims, reviews),
        legend_html(document=True),
    ]
    for doc in docs:
        d = doc.document
        parts.append(f'<h2 id="doc-{_e(d.id)}">{_e(d.name)}</h2>')
        parts.append(
            f'<p class="meta">{_e(d.source_format)} · sha256 {_e(d.sha256[:12])} · '
            f"{len(doc.claims)} claim(s)</p>"
        )
        parts.append(_summary_table(doc.claims, reviews))
        parts.append(
            '<details class="docview"><summary>Highlighted document</summary>'
            + document_html(d.text, doc.claims, link=lambda cid: "#" + _anchor(cid))
            + "</details>"
        )
        parts.extend(_claim_card(d.text, c, reviews.get(c.id)) for c in doc.claims)
    parts.append("</body></html>")
    return "\n".join(parts)
