"""The store commands through ``claims.cli.main``: import, list, export, review."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from claims.cli import main
from claims.models import AnnotatedDocument
from claims.store import Store

MakeDoc = Callable[..., AnnotatedDocument]

TEXT = """Stem cells may regrow hair.
The treatment is proven to work.
Results vary between patients.
"""

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def loaded(store: Store, make_doc: MakeDoc) -> AnnotatedDocument:
    """The store with one document of three claims, annotated by the real pipeline."""
    doc = make_doc(TEXT, "hair.txt")
    store.import_document(doc)
    return doc


# --- import -------------------------------------------------------------------------


def test_import_reports_versions_and_carry_over(
    store: Store, tmp_path: Path, capsys: Capsys
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Our serum may reduce wrinkles.\n\nIt is clinically proven to work.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "import", str(page), "--db", store.url)
    assert code == 0, err
    [line] = out.splitlines()
    assert line.startswith("page.txt: version 1, ")
    assert " 0 carried, 0 vanished" in line
    [info] = store.list_documents()
    assert info.version == 1 and info.n_claims >= 2
    assert line == f"page.txt: version 1, {info.n_claims} added, 0 carried, 0 vanished"

    code, out, _ = run(capsys, "import", str(page), "--db", store.url)
    assert (code, out) == (0, "page.txt: unchanged (version 1)\n")

    page.write_text(
        "Our serum may reduce wrinkles.\n\nA new bottle design is available.\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "import", str(page), "--db", store.url)
    assert code == 0
    assert out.startswith("page.txt: version 2, ")
    assert "vanished" in out and " 0 vanished" not in out


def test_import_bad_files_exit_2_after_importing_good_ones(
    store: Store, tmp_path: Path, capsys: Capsys
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Vitamin C may support immunity.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "import", str(missing), str(good), str(empty), "--db", store.url)
    assert code == 2
    assert out.startswith("good.txt: version 1, ")
    errors = err.strip().splitlines()
    assert len(errors) == 2
    assert all(e.startswith("claims: error: ") for e in errors)
    assert "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "Traceback" not in err
    assert [d.name for d in store.list_documents()] == ["good.txt"]


# --- list ---------------------------------------------------------------------------


def test_list_prints_a_table(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    code, out, _ = run(capsys, "list", "--db", store.url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DOC", "#", "KIND", "STATUS", "STRENGTH", "FLAGS", "TEXT"]
    assert lines[-1] == "3 claim(s)"
    for claim, line in zip(loaded.claims, lines[1:-1], strict=True):
        assert line.startswith(claim.id)
        assert line.endswith(claim.text)
        assert "unreviewed" in line


def test_list_filters(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    proven = loaded.claims[1].id
    store.save_review(proven, reviewer="ann", base_version=0, status="rejected")

    def ids(*filters: str) -> list[str]:
        code, out, err = run(capsys, "list", "--db", store.url, *filters)
        assert code == 0, err
        return [line.split()[0] for line in out.splitlines()[1:-1]]

    assert ids("--status", "rejected") == [proven]
    assert ids("--status", "approved") == []
    assert ids("--search", "PROVEN") == [proven]
    assert ids("--flag", "overstated") == [proven]
    assert ids("--type", "other") == []
    assert ids("--type", "efficacy") == [c.id for c in loaded.claims]
    assert ids("--kind", "statement") == [c.id for c in loaded.claims]
    assert ids("--doc", "hair.txt", "--search", "vary") == [loaded.claims[2].id]
    assert ids("--strength", "none") == [c.id for c in loaded.claims]
    store.save_review(proven, reviewer="ann", base_version=1, strength_override="weak")
    assert ids("--strength", "weak") == [proven]


def test_list_documents(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    code, out, _ = run(capsys, "list", "--documents", "--db", store.url)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split()[:4] == [loaded.document.id, "1", "3", "txt"]
    assert lines[1].endswith("hair.txt")
    assert lines[-1] == "1 document(s)"


def test_list_neutralises_terminal_escapes(store: Store, hand_doc: MakeDoc, capsys: Capsys) -> None:
    # ingest refuses such text, but a store may hold records from elsewhere
    store.import_document(hand_doc("Red \x1b[31mlight\x1b[0m may help.\n", "esc.txt"))
    code, out, _ = run(capsys, "list", "--db", store.url)
    assert code == 0
    assert "\x1b" not in out
    assert "Red [31mlight [0m may help." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "done"], "invalid status 'done'"),
        (["--flag", "nope"], "invalid flag 'nope'"),
        (["--doc", "ghost.txt"], "no stored document named 'ghost.txt'"),
    ],
)
def test_list_bad_filters_give_one_line_errors(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "list", "--db", store.url, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_db_url_from_environment(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMS_DB_URL", store.url)
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.splitlines()[-1] == "3 claim(s)"


# --- review -------------------------------------------------------------------------


def test_review_saves_and_audits(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    cid = loaded.claims[1].id
    code, out, err = run(
        capsys,
        "review",
        cid,
        "--status",
        "needs_evidence",
        "--note",
        "which trial?",
        "--link",
        "PMID: 12345678",
        "--link",
        "10.1000/xyz",
        "--strength",
        "weak",
        "--reviewer",
        "ann",
        "--db",
        store.url,
    )
    assert code == 0, err
    assert out == f"{cid}: needs_evidence (version 1), strength weak, 2 link(s)\n"
    review = store.get_review(cid)
    assert (review.status, review.note, review.reviewer) == (
        "needs_evidence",
        "which trial?",
        "ann",
    )
    assert review.links == ["PMID:12345678", "doi:10.1000/xyz"]
    assert review.strength_override == "weak"
    assert {e.field for e in store.audit_log(cid)} == {
        "status",
        "note",
        "links",
        "strength_override",
    }

    # a further --link adds to the stored links; without --base-version it builds on v1
    code, out, _ = run(
        capsys, "review", cid, "--link", "NCT01234567", "--reviewer", "bob", "--db", store.url
    )
    assert code == 0
    assert store.get_review(cid).links == ["PMID:12345678", "doi:10.1000/xyz", "NCT01234567"]
    assert store.get_review(cid).version == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "great"], "invalid status 'great'"),
        (["--status", "approved", "--link", "javascript:alert(1)"], "javascript:alert(1)"),
        (["--link", "see study"], "'see study' is not a DOI, PMID, NCT id or http(s) URL"),
        (["--strength", "huge"], "invalid strength"),
        (["--status", "approved", "--base-version", "4"], "since version 4"),
        ([], "nothing to change"),
    ],
)
def test_review_errors_exit_2_and_write_nothing(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys, args: list[str], message: str
) -> None:
    cid = loaded.claims[0].id
    code, out, err = run(capsys, "review", cid, *args, "--reviewer", "ann", "--db", store.url)
    assert code == 2
    assert out == ""
    assert err.startswith("claims: error: ") and err.count("\n") == 1
    assert message in err
    assert store.get_review(cid).version == 0
    assert store.audit_log() == []


def test_review_unknown_claim(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    code, _, err = run(
        capsys, "review", "cmissing", "--status", "approved", "--reviewer", "a", "--db", store.url
    )
    assert code == 2
    assert "unknown claim id 'cmissing'" in err


def test_review_conflict_leaves_first_save(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys
) -> None:
    cid = loaded.claims[0].id
    base = ["--reviewer", "ann", "--db", store.url, "--base-version", "0"]
    assert run(capsys, "review", cid, "--status", "approved", *base)[0] == 0
    code, _, err = run(capsys, "review", cid, "--status", "rejected", *base)
    assert code == 2 and "reload and retry" in err
    assert store.get_review(cid).status == "approved"


# --- export -------------------------------------------------------------------------


def _reviewed(store: Store, doc: AnnotatedDocument) -> None:
    store.save_review(
        doc.claims[0].id,
        reviewer="ann",
        base_version=0,
        status="approved",
        note="<b>ok</b>",
        links=["https://example.org/study"],
    )
    store.save_review(doc.claims[1].id, reviewer="bob", base_version=0, status="rejected")


def test_export_jsonl_carries_records_and_reviews(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys
) -> None:
    _reviewed(store, loaded)
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--db", store.url)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [c.id for c in loaded.claims]
    for row, claim in zip(rows, loaded.claims, strict=True):
        assert {k: row[k] for k in claim.record()} == claim.record()
    assert (rows[0]["status"], rows[0]["note"], rows[0]["links"]) == (
        "approved",
        "<b>ok</b>",
        ["https://example.org/study"],
    )
    assert rows[2]["status"] == "unreviewed" and rows[2]["reviewer"] is None

    code, out, _ = run(
        capsys, "export", "--format", "jsonl", "--status", "rejected", "--db", store.url
    )
    assert [json.loads(line)["id"] for line in out.splitlines()] == [loaded.claims[1].id]


def test_export_csv_to_file(
    store: Store, loaded: AnnotatedDocument, capsys: Capsys, tmp_path: Path
) -> None:
    _reviewed(store, loaded)
    out_file = tmp_path / "claims.csv"
    code, out, err = run(
        capsys,
        "export",
        "--format",
        "csv",
        "--status",
        "approved",
        "--status",
        "unreviewed",
        "-o",
        str(out_file),
        "--db",
        store.url,
    )
    assert code == 0 and out == ""
    assert str(out_file) in err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [loaded.claims[0].id, loaded.claims[2].id]
    assert [r["status"] for r in rows] == ["approved", "unreviewed"]


def test_export_markdown(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    _reviewed(store, loaded)
    code, out, _ = run(capsys, "export", "--format", "markdown", "--db", store.url)
    assert code == 0
    assert "## hair.txt" in out
    assert "2. The treatment is **proven** to work." in out
    assert "review: approved by ann" in out
    assert "<b>" not in out

    code, out, _ = run(
        capsys, "export", "--format", "markdown", "--status", "rejected", "--db", store.url
    )
    assert code == 0
    assert "The treatment is **proven** to work." in out
    assert "Stem cells" not in out


def test_export_html_is_escaped_and_filtered(
    store: Store, make_doc: MakeDoc, capsys: Capsys
) -> None:
    doc = make_doc("Try <script>alert(1)</script> now, it may help.\nPlain line.\n", "x.html")
    store.import_document(doc)
    store.import_document(make_doc("Other document line.\n", "other.txt"))
    _reviewed(store, doc)
    code, out, _ = run(capsys, "export", "--format", "html", "--doc", "x.html", "--db", store.url)
    assert code == 0
    assert out.lstrip().startswith("<!DOCTYPE html>")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "&lt;b&gt;ok&lt;/b&gt;" in out
    assert "Other document line." not in out

    code, out, _ = run(
        capsys, "export", "--format", "html", "--status", "rejected", "--db", store.url
    )
    assert code == 0
    assert "Plain line." in out
    assert "Other document line." not in out


def test_export_bad_arguments(store: Store, loaded: AnnotatedDocument, capsys: Capsys) -> None:
    code, _, err = run(capsys, "export", "--format", "html", "--status", "done", "--db", store.url)
    assert code == 2 and "invalid status 'done'" in err
    code, _, err = run(
        capsys, "export", "--format", "html", "-o", "/no/such/dir/x.html", "--db", store.url
    )
    assert code == 2 and "cannot write" in err and err.count("\n") == 1
