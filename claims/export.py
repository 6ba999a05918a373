"""Export claim records: JSON lines, spreadsheet-safe CSV and a Markdown review report.

A record is ``Claim.record()``, optionally extended with review keys (status, reviewer,
note, strength_override, links). Every format is built from the same records, so the
offsets in an export match the document text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claims.models import AnnotatedDocument, Claim

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "index",
    "kind",
    "section",
    "text",
    "start",
    "end",
    "hedged",
    "caveats",
    "boosters",
    "evidence",
    "evidence_strength",
    "claim_types",
    "flags",
)
REVIEW_COLUMNS: tuple[str, ...] = ("status", "reviewer", "note", "strength_override", "links")
_SPACES = re.compile(r"\s+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def records_to_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object per line (UTF-8 text, not ASCII-escaped)."""
    return "".join(json.dumps(dict(r), ensure_ascii=False) + "\n" for r in records)


def spreadsheet_safe(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (leading = + - @)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in ("caveats", "boosters"):
        return "; ".join(f"{c['text']} ({c['category']})" for c in value)
    if key == "evidence":
        return "; ".join(f"{e['text']} ({e['specificity']}, {e['design']})" for e in value)
    if key == "flags":
        return "; ".join(f"{f['code']} ({f['severity']}): {f['message']}" for f in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def records_to_csv(records: Iterable[Mapping[str, Any]], header: bool = True) -> str:
    """One row per claim; lists joined readably; cells safe to open in a spreadsheet.

    ``header=False`` leaves the header row out, to append rows to an earlier part.
    """
    rows = list(records)
    columns = list(CSV_COLUMNS)
    columns += [c for c in REVIEW_COLUMNS if any(c in r for r in rows)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for r in rows:
        writer.writerow([spreadsheet_safe(_cell(c, r.get(c))) for c in columns])
    return out.getvalue()


def _md(text: str) -> str:
    """Text safe inside Markdown: markup characters and HTML are escaped."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return _SPACES.sub(" ", out)


def _inline_cues(doc_text: str, claim: Claim) -> str:
    """The statement with caveats as _italic_, boosters as **bold**, evidence in [brackets]."""
    marks: list[tuple[int, int, str, str]] = []
    for c in claim.caveats:
        marks.append((c.start, c.end, "_", "_"))
    for b in claim.boosters:
        marks.append((b.start, b.end, "**", "**"))
    for ev in claim.evidence:
        marks.append((ev.start, ev.end, "⟦", "⟧"))
    marks.sort()
    pos = claim.start
    out = []
    for s, e, left, right in marks:
        if s < pos:  # overlapping cue: shown once
            continue
        out.append(_md(doc_text[pos:s]) if s > pos else "")
        out.append(f"{left}{_md(doc_text[s:e])}{right}")
        pos = e
    out.append(_md(doc_text[pos : claim.end]))
    return "".join(out).strip()


def summary_counts(claims: Sequence[Claim]) -> dict[str, Counter[str]]:
    """Counts by caveat category, booster category, evidence strength, flag and kind."""
    return {
        "kind": Counter(c.kind for c in claims),
        "caveat": Counter(x.category for c in claims for x in c.caveats),
        "booster": Counter(x.category for c in claims for x in c.boosters),
        "strength": Counter(c.evidence_strength for c in claims if c.kind != "question"),
        "flag": Counter(f.code for c in claims for f in c.flags),
        "severity": Counter(f.severity for c in claims for f in c.flags),
    }


def _counts_line(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common()) or "none"


MARKDOWN_HEADER = (
    "# Claim review report\n\n"
    "Legend: _caveat_ · **booster** · ⟦evidence⟧ · flags listed under each statement.\n"
)


def markdown_report(
    docs: Sequence[AnnotatedDocument],
    reviews: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """A readable review report: summary counts, then claims grouped by section."""
    return MARKDOWN_HEADER + "".join(markdown_document(doc, reviews) for doc in docs)


def markdown_document(
    doc: AnnotatedDocument, reviews: Mapping[str, Mapping[str, Any]] | None = None
) -> str:
    """One document's part of the Markdown report (documents render independently)."""
    reviews = reviews or {}
    claims = doc.claims
    counts = summary_counts(claims)
    hedged = sum(1 for c in claims if c.hedged)
    lines = ["", f"## {_md(doc.document.name)}", ""]
    lines.append(
        f"- statements: {counts['kind']['statement']}, headings: {counts['kind']['heading']}, "
        f"questions: {counts['kind']['question']}; hedged: {hedged}"
    )
    for key, label in (
        ("caveat", "caveats"),
        ("booster", "boosters"),
        ("strength", "evidence strength"),
        ("flag", "flags"),
        ("severity", "flag severity"),
    ):
        lines.append(f"- {label}: {_counts_line(counts[key])}")
    section = None
    for claim in claims:
        if claim.section != section:
            section = claim.section
            lines += ["", f"### {_md(section) if section else '(top of document)'}", ""]
        lines += _claim_lines(doc.document.text, claim, reviews.get(claim.id))
    return "\n".join(lines).rstrip() + "\n"


def _claim_lines(doc_text: str, claim: Claim, review: Mapping[str, Any] | None) -> list[str]:
    label = {"heading": "Heading", "question": "Question", "statement": ""}[claim.kind]
    prefix = f"**{label}:** " if label else ""
    lines = [f"{claim.index + 1}. {prefix}{_inline_cues(doc_text, claim)}"]
    facts = [f"strength: {claim.evidence_strength}"]
    if claim.claim_types:
        facts.append("types: " + ", ".join(claim.claim_types))
    if claim.caveats:
        facts.append(
            "caveats: " + ", ".join(f"{_md(c.text)} ({c.category})" for c in claim.caveats)
        )
    if claim.boosters:
        facts.append(
            "boosters: " + ", ".join(f"{_md(b.text)} ({b.category})" for b in claim.boosters)
        )
    if claim.evidence:
        facts.append(
            "evidence: "
            + ", ".join(f"{_md(e.text)} ({e.specificity}, {e.design})" for e in claim.evidence)
        )
    lines.append(f"   - {'; '.join(facts)}")
    for flag in claim.flags:
        lines.append(f"   - ⚑ **{flag.code}** ({flag.severity}): {_md(flag.message)}")
    if review and review.get("status") and review.get("status") != "unreviewed":
        note = f" — {_md(str(review['note']))}" if review.get("note") else ""
        status = _md(str(review["status"]))
        reviewer = _md(str(review.get("reviewer") or "?"))
        lines.append(f"   - review: {status} by {reviewer}{note}")
    return lines
