"""HTML highlighting of claims and their cues, safe for untrusted document text.

Every piece of document text is cut on the raw string (offsets index the raw text) and
then escaped with ``html.escape`` on its own; the only markup in the output is ours.
Overlapping or nested cues are handled by splitting the text at every cue boundary:
each segment gets one ``<mark>`` carrying the classes of all cues that cover it.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from claims.models import SEVERITIES, STRENGTHS, Claim

ClaimLike = Claim | Mapping[str, Any]
LinkFn = Callable[[str], str | None]

CUE_KINDS: tuple[str, ...] = ("caveat", "booster", "evidence")

# Colours: caveats amber, boosters rose, evidence blue; strengths from green to grey.
STYLE = """
.claims-doc { white-space: pre-wrap; line-height: 1.7; font-size: 0.95rem; }
.claims-doc a.claim, .claims-doc span.claim { color: inherit; text-decoration: none;
  border-radius: 3px; padding: 0 1px; }
.claims-doc a.claim:hover { outline: 2px solid #6b7280; }
.claim.s-strong { box-shadow: inset 0 -3px 0 #15803d; }
.claim.s-moderate { box-shadow: inset 0 -3px 0 #65a30d; }
.claim.s-weak { box-shadow: inset 0 -3px 0 #d97706; }
.claim.s-none { box-shadow: inset 0 -3px 0 #d1d5db; }
.claim.sev-high { background: rgba(220, 38, 38, 0.10); }
.claim.sev-medium { background: rgba(234, 88, 12, 0.08); }
.claim.sev-low { background: rgba(107, 114, 128, 0.08); }
.claim.selected { outline: 2px solid #2563eb; }
mark.hl { color: #111827; padding: 0 1px; border-radius: 2px; }
mark.hl-caveat { background: #fde68a; }
mark.hl-booster { background: #fecdd3; }
mark.hl-evidence { background: #bfdbfe; }
mark.hl-caveat.hl-booster { background: linear-gradient(#fde68a 50%, #fecdd3 50%); }
mark.hl-caveat.hl-evidence { background: linear-gradient(#fde68a 50%, #bfdbfe 50%); }
mark.hl-booster.hl-evidence { background: linear-gradient(#fecdd3 50%, #bfdbfe 50%); }
mark.hl-caveat.hl-booster.hl-evidence {
  background: linear-gradient(#fde68a 33%, #fecdd3 33% 66%, #bfdbfe 66%); }
.claims-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.85rem;
  margin: 0.3rem 0 0.6rem 0; align-items: center; }
.claims-legend .sw { display: inline-block; padding: 0 0.35rem; border-radius: 3px; }
.claim-sentence { font-size: 1.05rem; line-height: 1.8; }
"""


@dataclass(frozen=True, slots=True)
class Cue:
    """One highlighted span: its offsets, kind (caveat/booster/evidence) and label."""

    start: int
    end: int
    kind: str
    label: str


def _field(claim: ClaimLike, name: str) -> Any:
    """Read a field from a Claim or a record mapping (frame row, JSON record)."""
    if isinstance(claim, Claim):
        value = getattr(claim, name)
        if isinstance(value, list):
            return [v.model_dump() if hasattr(v, "model_dump") else v for v in value]
        return value
    return claim.get(name)


def mapping_items(value: Any) -> list[Mapping[str, Any]]:
    """A list column value as a list of mappings (None/NaN and junk become empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str | bytes | Mapping):
        return []
    try:
        return [v for v in value if isinstance(v, Mapping)]
    except TypeError:
        return []


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def claim_cues(claim: ClaimLike, doc_text: str | None = None) -> list[Cue]:
    """The caveat, booster and evidence spans of a claim, in document order.

    With ``doc_text`` given, a cue whose offsets fall outside the text or whose
    recorded ``text`` does not match ``doc_text[start:end]`` is dropped rather than
    highlighting the wrong words.
    """
    cues: list[Cue] = []
    for kind, column in (("caveat", "caveats"), ("booster", "boosters"), ("evidence", "evidence")):
        for item in mapping_items(_field(claim, column)):
            start, end = _int(item.get("start")), _int(item.get("end"))
            if start is None or end is None or start < 0 or end <= start:
                continue
            if doc_text is not None:
                if end > len(doc_text):
                    continue
                text = item.get("text")
                if isinstance(text, str) and doc_text[start:end] != text:
                    continue
            if kind == "evidence":
                label = f"{item.get('specificity', '?')}, {item.get('design', 'unspecified')}"
            else:
                label = str(item.get("category", ""))
            cues.append(Cue(start, end, kind, label))
    cues.sort(key=lambda c: (c.start, c.end))
    return cues


def segments(start: int, end: int, cues: Iterable[Cue]) -> list[tuple[int, int, tuple[Cue, ...]]]:
    """Split ``[start, end)`` at every cue boundary; each piece lists the cues covering it.

    Cues are clipped to the range; pieces with no cue have an empty tuple.
    """
    clipped = [
        Cue(max(c.start, start), min(c.end, end), c.kind, c.label)
        for c in cues
        if c.end > start and c.start < end
    ]
    bounds = sorted({start, end, *(c.start for c in clipped), *(c.end for c in clipped)})
    pieces: list[tuple[int, int, tuple[Cue, ...]]] = []
    for a, b in itertools.pairwise(bounds):
        if a >= b:
            continue
        covering = tuple(c for c in clipped if c.start <= a and c.end >= b)
        pieces.append((a, b, covering))
    return pieces


def _mark(text: str, covering: tuple[Cue, ...]) -> str:
    """One escaped segment, wrapped in a ``<mark>`` when cues cover it."""
    escaped = html.escape(text)
    if not covering:
        return escaped
    kinds = [k for k in CUE_KINDS if any(c.kind == k for c in covering)]
    classes = ["hl", *(f"hl-{k}" for k in kinds)]
    title = "; ".join(f"{c.kind}: {c.label}" for c in covering)
    return (
        f'<mark class="{" ".join(classes)}" title="{html.escape(title, quote=True)}">'
        f"{escaped}</mark>"
    )


def render_span(doc_text: str, start: int, end: int, cues: Iterable[Cue]) -> str:
    """``doc_text[start:end]`` escaped, with every cue highlighted."""
    start = max(0, min(start, len(doc_text)))
    end = max(start, min(end, len(doc_text)))
    return "".join(_mark(doc_text[a:b], cov) for a, b, cov in segments(start, end, cues))


def claim_html(doc_text: str, claim: ClaimLike) -> str:
    """The claim's sentence, escaped, with ``<mark>`` spans per caveat/booster/evidence."""
    start, end = _int(_field(claim, "start")), _int(_field(claim, "end"))
    if start is None or end is None:
        return '<span class="claim-sentence"></span>'
    inner = render_span(doc_text, start, end, claim_cues(claim, doc_text))
    return f'<span class="claim-sentence">{inner}</span>'


def claim_link(claim_id: str) -> str:
    """Default link target of a claim in the document view: the dashboard's detail."""
    return "?claim=" + quote(claim_id, safe="")


def _claim_classes(claim: ClaimLike) -> tuple[list[str], str]:
    """CSS classes (strength, worst flag severity) and a tooltip for a claim."""
    strength = str(_field(claim, "evidence_strength") or "none")
    classes = ["claim", f"s-{strength}" if strength in STRENGTHS else "s-none"]
    flags = mapping_items(_field(claim, "flags"))
    severities = {str(f.get("severity")) for f in flags}
    worst = next((s for s in SEVERITIES if s in severities), None)
    if worst:
        classes += ["flagged", f"sev-{worst}"]
    codes = ", ".join(str(f.get("code")) for f in flags) or "no flags"
    return classes, f"evidence: {strength}; {codes}"


def document_html(
    doc_text: str,
    claims: Sequence[ClaimLike],
    link: LinkFn | None = claim_link,
    selected: str | None = None,
) -> str:
    """The whole document, escaped, with every claim wrapped and its cues highlighted.

    Each claim becomes ``<a href=link(id) target="_self">`` (or a ``<span>`` when
    ``link`` is None or returns None) classed by evidence strength and worst flag
    severity. Text outside claims is escaped as is; overlapping claims keep the first.
    """
    ordered = sorted(
        (c for c in claims if _int(_field(c, "start")) is not None),
        key=lambda c: (int(_field(c, "start")), int(_field(c, "end"))),
    )
    out: list[str] = ['<div class="claims-doc">']
    cursor = 0
    n = len(doc_text)
    for claim in ordered:
        start, end = int(_field(claim, "start")), int(_field(claim, "end"))
        if start < cursor or end <= start or end > n:
            continue
        out.append(html.escape(doc_text[cursor:start]))
        claim_id = str(_field(claim, "id") or "")
        classes, tip = _claim_classes(claim)
        if selected is not None and claim_id == selected:
            classes.append("selected")
        inner = render_span(doc_text, start, end, claim_cues(claim, doc_text))
        href = link(claim_id) if link is not None and claim_id else None
        attrs = f'class="{" ".join(classes)}" title="{html.escape(tip, quote=True)}"'
        anchor = f' id="{html.escape("at-" + claim_id, quote=True)}"' if claim_id else ""
        if href is not None:
            out.append(
                f'<a {attrs}{anchor} href="{html.escape(href, quote=True)}" target="_self">'
                f"{inner}</a>"
            )
        else:
            out.append(f"<span {attrs}{anchor}>{inner}</span>")
        cursor = end
    out.append(html.escape(doc_text[cursor:]))
    out.append("</div>")
    return "".join(out)


def legend_html(document: bool = False) -> str:
    """A small legend for the cue colours (and, for the document view, strengths)."""
    parts = [
        '<span><mark class="hl hl-caveat">caveat</mark></span>',
        '<span><mark class="hl hl-booster">booster</mark></span>',
        '<span><mark class="hl hl-evidence">evidence</mark></span>',
    ]
    if document:
        parts += [f'<span class="sw claim s-{s}">{s} evidence</span>' for s in STRENGTHS] + [
            '<span class="sw claim sev-high">high-severity flag</span>'
        ]
    return '<div class="claims-legend">' + "".join(parts) + "</div>"


def styled(fragment: str) -> str:
    """Prefix an HTML fragment with the highlight stylesheet (for st.html / reports)."""
    return f"<style>{STYLE}</style>{fragment}"
