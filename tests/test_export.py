"""Tests for claims.export: JSON lines, spreadsheet-safe CSV and the Markdown report.

Documents come from the real pipeline (``make_doc``); expected values are derived from
the claim records themselves, and the Markdown report is rendered to HTML with a
CommonMark renderer (raw HTML allowed) to prove untrusted text cannot inject markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from claims.export import (
    markdown_report,
    records_to_csv,
    records_to_jsonl,
    spreadsheet_safe,
)
from claims.models import AnnotatedDocument

MakeDoc = Callable[..., AnnotatedDocument]

MIXED_TEXT = (
    "Hair Growth FAQ\n\n"
    "Does it work?\n"
    "This serum may help some users, a 2020 randomized trial of 80 adults found.\n\n"
    "It is proven to cure baldness in everyone, and it is clinically proven to be the best.\n\n"
    "Unlike surgery, the serum is painless and regrows hair.\n\n"
    "Dr. Smith's 2019 study (Smith et al., 2019, JAMA Dermatol) found that it could reduce "
    "shedding in women, although results were modest.\n"
)
FORMULA_STARTS = ("=", "+", "-", "@")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def parse_counts(line: str) -> dict[str, int]:
    """``"needs_substantiation 2, overstated 1"`` (or ``"none"``) as a dict."""
    if line == "none":
        return {}
    pairs = (part.rsplit(" ", 1) for part in line.split(", "))
    return {name: int(count) for name, count in pairs}


def summary_line(report: str, label: str) -> str:
    match = re.search(rf"^- {label}: (.*)$", report, re.M)
    assert match is not None, label
    return match.group(1)


def render_html(markdown: str) -> str:
    markdown_it = pytest.importorskip(
        "markdown_it", reason="markdown-it-py is needed to render the report as HTML"
    )
    return str(markdown_it.MarkdownIt("commonmark", {"html": True}).render(markdown))


@pytest.fixture
def mixed(make_doc: MakeDoc) -> AnnotatedDocument:
    doc = make_doc(MIXED_TEXT, "mixed.txt")
    claims = doc.claims
    # The tests below need every kind of tag; fail loudly if the engine stops giving them.
    assert any(c.caveats for c in claims) and any(c.boosters for c in claims)
    assert any(c.evidence for c in claims) and any(c.flags for c in claims)
    assert any(len(c.claim_types) > 1 for c in claims)
    return doc


# --- spreadsheet_safe / records_to_csv ------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["=1+1", '=HYPERLINK("http://x","y")', "+SUM(1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_spreadsheet_safe_neutralises_formula_starts(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["", "plain text", "1+1=2", "a-b", "e@mail.example", "'=x"])
def test_spreadsheet_safe_leaves_ordinary_text(value: str) -> None:
    assert spreadsheet_safe(value) == value


def test_records_to_csv_neutralises_formulas_in_every_column(make_doc: MakeDoc) -> None:
    doc = make_doc("=cmd|' /C calc'!A0 may help hair growth.\n\n@SUM(1) is proven.\n", "f.txt")
    records = [c.record() for c in doc.claims]
    assert [r["text"][0] for r in records] == ["=", "@"]
    # Hostile values in other columns too, as a review export could carry.
    records[0]["section"] = "+SUM(2)"
    records[0]["note"] = "-1"
    records[1]["reviewer"] = "@admin"
    rows = csv_rows(records_to_csv(records))
    assert len(rows) == 2
    assert rows[0]["text"] == "'" + records[0]["text"]
    assert rows[1]["text"] == "'" + records[1]["text"]
    assert rows[0]["section"] == "'+SUM(2)"
    assert rows[0]["note"] == "'-1"
    assert rows[1]["reviewer"] == "'@admin"
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value


def test_records_to_csv_one_row_per_record_lists_joined_readably(
    mixed: AnnotatedDocument,
) -> None:
    records = [c.record() for c in mixed.claims]
    out = records_to_csv(records)
    reader = list(csv.reader(io.StringIO(out)))
    header, body = reader[0], reader[1:]
    assert len(body) == len(records)
    assert all(len(row) == len(header) for row in body)
    rows = [dict(zip(header, row, strict=True)) for row in body]
    for row, rec in zip(rows, records, strict=True):
        assert row["id"] == rec["id"] and row["text"] == rec["text"]
        assert int(row["start"]) == rec["start"] and int(row["end"]) == rec["end"]
        assert row["hedged"] != str(rec["hedged"])  # not Python's True/False
        for key in ("caveats", "boosters", "evidence", "claim_types", "flags"):
            cell = row[key]
            assert not cell.startswith(("[", "{")) and "'text'" not in cell  # no repr/JSON
            if not rec[key]:
                assert cell == ""
            elif key in ("caveats", "boosters", "claim_types"):  # no "; " inside these items
                assert len(cell.split("; ")) == len(rec[key])
        for cue in rec["caveats"] + rec["boosters"]:
            assert cue["text"] in row["caveats"] + row["boosters"]
            assert cue["category"] in row["caveats"] + row["boosters"]
        for ev in rec["evidence"]:
            assert ev["text"] in row["evidence"] and ev["design"] in row["evidence"]
        for t in rec["claim_types"]:
            assert t in row["claim_types"].split("; ")
        for flag in rec["flags"]:
            assert flag["code"] in row["flags"] and flag["message"] in row["flags"]
    assert len({r["hedged"] for r in rows}) == 2  # both values occur and differ


def test_records_to_csv_round_trips_awkward_text(hand_doc: MakeDoc) -> None:
    doc = hand_doc('A "quoted", comma, separated line may help.\nÜnïcödé ☕ is proven.\n')
    records = [c.record() for c in doc.claims]
    records[0]["note"] = "line one\nline two, with a comma"
    rows = csv_rows(records_to_csv(records))
    assert [r["text"] for r in rows] == [r["text"] for r in records]
    assert rows[0]["note"] == "line one\nline two, with a comma"
    assert rows[1]["note"] == ""  # review column added for all rows, empty where absent


def test_records_to_csv_review_columns_only_when_present(mixed: AnnotatedDocument) -> None:
    records = [c.record() for c in mixed.claims]
    plain_header = next(csv.reader(io.StringIO(records_to_csv(records))))
    assert "status" not in plain_header and "links" not in plain_header
    records[0]["status"] = "accepted"
    records[0]["links"] = ["https://example.org/a", "https://example.org/b"]
    rows = csv_rows(records_to_csv(records))
    assert rows[0]["status"] == "accepted"
    assert rows[0]["links"] == "https://example.org/a; https://example.org/b"
    assert all(r["status"] == "" for r in rows[1:])


def test_records_to_csv_of_nothing_is_just_the_header() -> None:
    out = records_to_csv([])
    assert len(out.splitlines()) == 1 and out.startswith("id,")


# --- records_to_jsonl --------------------------------------------------------------------


def test_records_to_jsonl_round_trips(mixed: AnnotatedDocument, hand_doc: MakeDoc) -> None:
    awkward = hand_doc("Crème “brûlée” ☕ may help.\nA line with\ttab is proven.\n")
    records = [c.record() for c in mixed.claims] + [c.record() for c in awkward.claims]
    out = records_to_jsonl(records)
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(records)  # one line each, newline-ended
    assert [json.loads(line) for line in lines[:-1]] == records
    assert "brûlée" in out and "☕" in out  # UTF-8, not \u escapes


def test_records_to_jsonl_accepts_a_generator_and_nothing(mixed: AnnotatedDocument) -> None:
    assert records_to_jsonl([]) == ""
    out = records_to_jsonl(c.record() for c in mixed.claims)
    assert [json.loads(line)["id"] for line in out.splitlines()] == [c.id for c in mixed.claims]


# --- markdown_report ------------------------------------------------------------------


HOSTILE_TEXT = (
    "Our <script>alert(1)</script> cream is **really** the best seller | # 1 "
    "[see](javascript:alert(2)) <img src=x onerror=alert(3)>.\n\n"
    "It is proven to cure baldness in everyone.\n"
)


def test_markdown_report_escapes_markup_in_document_text(make_doc: MakeDoc) -> None:
    doc = make_doc(HOSTILE_TEXT, "evil_<b>name</b>.txt")
    report = markdown_report([doc])
    assert "<script>" not in report and "<b>" not in report
    assert r"\<script\>" in report and r"\<img src=x" in report
    assert r"\*\*really\*\*" in report

    html = render_html(report)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "**really**" in html and "<strong>really</strong>" not in html
    assert 'href="javascript:' not in html and "<a " not in html
    assert "evil_&lt;b&gt;name&lt;/b&gt;.txt" in html


def test_markdown_report_lists_every_flag(mixed: AnnotatedDocument) -> None:
    report = markdown_report([mixed])
    html = render_html(report)
    flag_lines = [line for line in report.splitlines() if "⚑" in line]
    flags = [f for c in mixed.claims for f in c.flags]
    assert len(flag_lines) == len(flags)
    for line, flag in zip(flag_lines, flags, strict=True):
        assert f"**{flag.code}**" in line and f"({flag.severity})" in line
        assert re.sub(r"\\(.)", r"\1", line).endswith(flag.message)
    for flag in flags:
        assert f"<strong>{flag.code}</strong>" in html


def test_markdown_report_counts_match_the_records(mixed: AnnotatedDocument) -> None:
    claims = mixed.claims
    report = markdown_report([mixed])
    kinds = Counter(c.kind for c in claims)
    head = summary_line(report, "statements")
    assert head == (
        f"{kinds['statement']}, headings: {kinds['heading']}, "
        f"questions: {kinds['question']}; hedged: {sum(c.hedged for c in claims)}"
    )
    assert parse_counts(summary_line(report, "caveats")) == Counter(
        x.category for c in claims for x in c.caveats
    )
    assert parse_counts(summary_line(report, "boosters")) == Counter(
        x.category for c in claims for x in c.boosters
    )
    assert parse_counts(summary_line(report, "flags")) == Counter(
        f.code for c in claims for f in c.flags
    )
    assert parse_counts(summary_line(report, "flag severity")) == Counter(
        f.severity for c in claims for f in c.flags
    )
    strengths = parse_counts(summary_line(report, "evidence strength"))
    assert sum(strengths.values()) == sum(c.kind != "question" for c in claims)
    numbered = [line for line in report.splitlines() if re.match(r"^\d+\. ", line)]
    assert [int(line.split(".")[0]) for line in numbered] == [c.index + 1 for c in claims]


def test_markdown_report_sections_and_inline_cues(mixed: AnnotatedDocument) -> None:
    report = markdown_report([mixed])
    headings = [line[4:] for line in report.splitlines() if line.startswith("### ")]
    sections = list(dict.fromkeys(c.section or None for c in mixed.claims))
    assert len(headings) == len(sections)
    for heading, section in zip(headings, sections, strict=True):
        assert heading == (section or "(top of document)")
    html = render_html(report)
    for claim in mixed.claims:
        for b in claim.boosters:
            assert f"<strong>{b.text}</strong>" in html
        for c in claim.caveats:
            assert f"<em>{c.text}</em>" in html


def test_markdown_report_several_documents_and_no_claims(
    make_doc: MakeDoc, mixed: AnnotatedDocument
) -> None:
    other = make_doc("It is proven to cure baldness.\n", "other.txt")
    report = markdown_report([mixed, other])
    assert [line for line in report.splitlines() if line.startswith("## ")] == [
        "## mixed.txt",
        "## other.txt",
    ]
    assert report.endswith("\n") and not report.endswith("\n\n")
    empty = AnnotatedDocument(document=other.document, claims=[])
    empty_report = markdown_report([empty])
    assert summary_line(empty_report, "flags") == "none"
    assert summary_line(empty_report, "statements").startswith("0,")


def test_markdown_report_shows_reviews_with_escaped_notes(mixed: AnnotatedDocument) -> None:
    first, second = mixed.claims[0], mixed.claims[1]
    reviews: dict[str, dict[str, Any]] = {
        first.id: {"status": "rejected", "reviewer": "eve", "note": "<i>no</i> **source**"},
        second.id: {"status": "unreviewed", "reviewer": "bob", "note": "hidden"},
    }
    report = markdown_report([mixed], reviews)
    review_lines = [line for line in report.splitlines() if "review: " in line]
    assert len(review_lines) == 1
    assert "rejected" in review_lines[0] and "eve" in review_lines[0]
    assert "<i>" not in report and "hidden" not in report
    assert "&lt;i&gt;no&lt;/i&gt; **source**" in render_html(report)


def test_markdown_report_escapes_reviewer_and_status(mixed: AnnotatedDocument) -> None:
    reviews = {
        mixed.claims[0].id: {
            "status": "accepted",
            "reviewer": "<img src=x onerror=alert(1)>",
            "note": "ok",
        },
        mixed.claims[1].id: {"status": "<b>odd</b>", "reviewer": "bob", "note": ""},
    }
    html = render_html(markdown_report([mixed], reviews))
    assert "<img" not in html and "<b>" not in html
