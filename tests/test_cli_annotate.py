"""Tests for ``claims annotate``: every output format, -o, stdin, --jobs and bad input.

The CLI is driven through ``claims.cli.main`` (output captured with ``capsys``), plus
one real subprocess run of the console script to prove bad input never shows a
traceback. Expected values come from the command's own other outputs (e.g. the json
format's document text checks the jsonl offsets), never from copies of the code.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claims.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
SAMPLE_FILES = sorted(SAMPLES.iterdir())

RECORD_KEYS = {
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
}
CUE_KEYS = {
    "caveats": {"text", "start", "end", "category"},
    "boosters": {"text", "start", "end", "category"},
    "evidence": {"text", "start", "end", "specificity", "design"},
}
FORMULA_STARTS = ("=", "+", "-", "@")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``claims annotate ARGS``; returns (exit code, stdout, stderr)."""
    code = main(["annotate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl_records(out: str) -> list[dict[str, Any]]:
    """Parse jsonl output, checking that every line is exactly one JSON object."""
    assert out.endswith("\n")
    records = []
    for line in out.splitlines():
        obj = json.loads(line)
        assert isinstance(obj, dict)
        records.append(obj)
    return records


def check_offsets(doc_text: str, record: dict[str, Any]) -> None:
    """The record and each of its cues index ``doc_text`` exactly."""
    assert doc_text[record["start"] : record["end"]] == record["text"]
    for key in ("caveats", "boosters", "evidence", "type_cues"):
        for cue in record.get(key, []):
            assert doc_text[cue["start"] : cue["end"]] == cue["text"], (key, cue)
            assert record["start"] <= cue["start"] <= cue["end"] <= record["end"]


def unescape_md(text: str) -> str:
    """Undo the backslash escapes of the Markdown report."""
    return re.sub(r"\\(.)", r"\1", text)


def parse_counts(line: str) -> dict[str, int]:
    """``"needs_substantiation 2, overstated 1"`` (or ``"none"``) as a dict."""
    if line == "none":
        return {}
    pairs = (part.rsplit(" ", 1) for part in line.split(", "))
    return {name: int(count) for name, count in pairs}


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("claims: error:")]


# --- output formats ----------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_jsonl_records_have_all_keys_and_exact_offsets(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    code, out, err = run(capsys, str(path))
    assert (code, err) == (0, "")
    records = jsonl_records(out)
    assert records, "every sample has claims"

    code, json_out, err = run(capsys, "--format", "json", str(path))
    assert (code, err) == (0, "")
    payload = json.loads(json_out)
    document = payload["document"]
    doc_text = document["text"]
    assert payload["claims"] == records  # the same records in both formats

    assert [r["index"] for r in records] == list(range(len(records)))
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert set(r) >= RECORD_KEYS, RECORD_KEYS - set(r)
        assert r["doc_id"] == document["id"]
        assert r["kind"] in ("statement", "heading", "question")
        assert isinstance(r["hedged"], bool)
        assert r["hedged"] == bool(r["caveats"]) or r["kind"] != "statement"
        for key, keys in CUE_KEYS.items():
            for cue in r[key]:
                assert keys <= set(cue), (key, cue)
        for flag in r["flags"]:
            assert {"code", "severity", "message"} <= set(flag)
            assert flag["message"] and "\n" not in flag["message"]
        check_offsets(doc_text, r)


def test_offsets_count_characters_in_non_ascii_crlf_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "unicode.txt"
    text = (
        "Café crème ☕ may help some people feel better.\r\n\r\n"
        "Our 🧴 serum is proven to cure hair loss – guaranteed!\r\n\r\n"
        "A 2021 randomized controlled trial of 120 adults found that naïve users improved.\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    code, out, err = run(capsys, "-f", "json", str(path))
    assert (code, err) == (0, "")
    payload = json.loads(out)
    doc_text = payload["document"]["text"]
    assert "\r" not in doc_text
    claims = payload["claims"]
    assert any("🧴" in c["text"] for c in claims)
    assert any(c["caveats"] for c in claims) and any(c["boosters"] for c in claims)
    for c in claims:
        check_offsets(doc_text, c)


def test_json_one_file_is_an_object_several_files_a_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    one, two = SAMPLE_FILES[:2]
    code, out, _ = run(capsys, "-f", "json", str(one))
    assert code == 0
    single = json.loads(out)
    assert isinstance(single, dict)
    assert {"id", "name", "text"} <= set(single["document"])
    assert single["document"]["name"] == one.name

    code, out, _ = run(capsys, "-f", "json", str(one), str(two))
    assert code == 0
    several = json.loads(out)
    assert isinstance(several, list)
    assert [d["document"]["name"] for d in several] == [one.name, two.name]
    assert several[0] == single
    for d in several:
        assert d["claims"] and all(c["doc_id"] == d["document"]["id"] for c in d["claims"])


def test_json_shape_follows_inputs_not_successes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = SAMPLE_FILES[0]
    code, out, _ = run(capsys, "-f", "json", str(good), str(tmp_path / "missing.txt"))
    assert code == 2
    payload = json.loads(out)
    assert isinstance(payload, list)
    assert [d["document"]["name"] for d in payload] == [good.name]


def test_csv_has_header_and_one_row_per_claim(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in SAMPLE_FILES]
    code, out, _ = run(capsys, *paths)
    assert code == 0
    records = jsonl_records(out)
    code, csv_out, err = run(capsys, "-f", "csv", *paths)
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    assert len(rows) == len(records)
    assert set(rows[0]) >= RECORD_KEYS
    for row, rec in zip(rows, records, strict=True):
        assert row["id"] == rec["id"]
        assert int(row["start"]) == rec["start"] and int(row["end"]) == rec["end"]
        expected = rec["text"]
        if expected.startswith(FORMULA_STARTS):
            expected = "'" + expected
        assert row["text"] == expected
        assert row["hedged"] == ("yes" if rec["hedged"] else "no")
        for cue in rec["caveats"] + rec["boosters"]:
            assert cue["text"] in row["caveats"] + row["boosters"]
        for flag in rec["flags"]:
            assert flag["code"] in row["flags"]


def test_csv_neutralises_formula_cells(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "formulas.txt"
    path.write_text(
        '=HYPERLINK("http://evil.example","click") may help hair growth.\n\n'
        "@SUM(1) is proven to cure baldness.\n\n"
        "+1 more serum works for everyone.\n\n"
        "-2 kilos in a week with our tea.\n\n"
        "Plain statements such as 1+1=2 stay untouched.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(path))
    assert code == 0
    records = jsonl_records(out)
    code, csv_out, _ = run(capsys, "-f", "csv", str(path))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    by_id = {r["id"]: r for r in rows}
    starts = {r["text"][0] for r in records}
    assert {"=", "@", "+", "-", "P"} <= starts  # the segmenter kept the leading characters
    for rec in records:
        cell = by_id[rec["id"]]["text"]
        if rec["text"].startswith(FORMULA_STARTS):
            assert cell == "'" + rec["text"]
        else:
            assert cell == rec["text"]
    for row in rows:  # no cell of any column can start a formula
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value


def test_markdown_report_summary_sections_and_flags(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for path in SAMPLE_FILES:
        code, out, _ = run(capsys, str(path))
        assert code == 0
        records = jsonl_records(out)
        code, md, err = run(capsys, "-f", "markdown", str(path))
        assert (code, err) == (0, "")
        lines = md.splitlines()
        assert lines[0].startswith("# ")
        assert f"## {path.name}" in [unescape_md(line) for line in lines]

        kinds = Counter(r["kind"] for r in records)
        hedged = sum(r["hedged"] for r in records)
        summary = re.search(
            r"^- statements: (\d+), headings: (\d+), questions: (\d+); hedged: (\d+)$",
            md,
            re.M,
        )
        assert summary is not None
        assert tuple(int(g) for g in summary.groups()) == (
            kinds["statement"],
            kinds["heading"],
            kinds["question"],
            hedged,
        )
        flag_line = re.search(r"^- flags: (.*)$", md, re.M)
        assert flag_line is not None
        flags = Counter(f["code"] for r in records for f in r["flags"])
        assert parse_counts(flag_line.group(1)) == dict(flags)

        headings = {unescape_md(line[4:]) for line in lines if line.startswith("### ")}
        for section in {r["section"] for r in records if r["section"]}:
            assert " ".join(section.split()) in headings
        for code_, count in flags.items():
            assert sum(f"**{code_}**" in line and "⚑" in line for line in lines) == count
        numbered = [line for line in lines if re.match(r"^\d+\. ", line)]
        assert len(numbered) == len(records)


# --- output file, stdin, jobs --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown"])
def test_output_file_gets_the_text_and_stdout_stays_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    paths = [str(p) for p in SAMPLE_FILES]
    code, expected, _ = run(capsys, "-f", fmt, *paths)
    assert code == 0
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "-f", fmt, "-o", str(target), *paths)
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left


def test_output_into_missing_directory_is_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    code, out, err = run(capsys, "-o", str(target), str(SAMPLE_FILES[0]))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and str(target) in err
    assert not target.exists()


def test_output_file_mode_follows_umask(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        code, _, _ = run(capsys, "-o", str(target), str(SAMPLE_FILES[0]))
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("sample", ["clinic_faq.txt", "supplement_ad.md", "clinic_prp_hair.html"])
def test_dash_reads_stdin_like_the_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sample: str
) -> None:
    path = SAMPLES / sample
    fmt = path.suffix.lstrip(".")  # the --stdin-format names are the file extensions
    code, out, _ = run(capsys, "-f", "json", str(path))
    assert code == 0
    from_file = json.loads(out)

    set_stdin(monkeypatch, path.read_bytes())
    code, out, err = run(capsys, "-f", "json", "--stdin-format", fmt, "-")
    assert (code, err) == (0, "")
    from_stdin = json.loads(out)
    assert from_stdin["document"]["name"] == f"stdin.{fmt}"
    assert from_stdin["document"]["text"] == from_file["document"]["text"]

    def spans(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(c["kind"], c["text"], c["start"], c["end"]) for c in doc["claims"]]

    assert spans(from_stdin) == spans(from_file)
    for c in from_stdin["claims"]:
        check_offsets(from_stdin["document"]["text"], c)


def test_dash_with_files_keeps_argument_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, last = SAMPLE_FILES[0], SAMPLE_FILES[1]
    set_stdin(monkeypatch, b"Our tea may help you sleep.\n")
    code, out, err = run(capsys, "-f", "json", "--jobs", "2", str(first), "-", str(last))
    assert (code, err) == (0, "")
    names = [d["document"]["name"] for d in json.loads(out)]
    assert names == [first.name, "stdin.txt", last.name]


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b"  \n\t \n", "empty"), (b"abc\x00def", "binary")],
    ids=["empty", "whitespace", "binary"],
)
def test_bad_stdin_is_one_line_error(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    problem: str,
) -> None:
    set_stdin(monkeypatch, data)
    code, out, err = run(capsys, "-")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "<stdin>" in err and problem in err and "Traceback" not in err


def test_stdin_twice_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b"Some text may help.\n")
    code, out, err = run(capsys, "-", "-")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and "standard input" in err


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jobs_two_gives_the_same_output_as_jobs_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    samples = [str(p) for p in SAMPLE_FILES]
    missing = str(tmp_path / "missing.txt")  # no size to sort by: still reported in place
    paths = [*samples, str(bad), missing, *samples]
    serial = run(capsys, "-f", fmt, "--jobs", "1", *paths)
    parallel = run(capsys, "-f", fmt, "--jobs", "2", *paths)
    assert parallel == serial
    assert serial[0] == 2  # bad.pdf and missing.txt failed in both runs
    assert serial[1].count("\n") > len(paths)  # plenty of records, not an empty run


@pytest.mark.parametrize(
    ("option", "value"), [("--jobs", "0"), ("--max-bytes", "0"), ("--max-bytes", "-5")]
)
def test_bad_option_values_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    code, out, err = run(capsys, option, value, str(SAMPLE_FILES[0]))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and option in err


# --- bad input -----------------------------------------------------------------------


def _pdf_with_text() -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is needed to build a test PDF")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text="Our cream may help hair growth. It is proven to work.")
    return bytes(pdf.output())


def _encrypted_pdf(tmp_path: Path) -> Path:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to encrypt a test PDF")
    reader = pypdf.PdfReader(io.BytesIO(_pdf_with_text()))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.txt"
    path.mkdir()
    return path


def _corrupt_docx_zip(tmp_path: Path) -> Path:
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "a zip, but not a Word document")
    return path


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp: tmp / "missing.txt", "no such file"),
    "directory": (_directory, "directory"),
    "empty": (_write("empty.txt", b""), "empty"),
    "whitespace": (_write("blank.md", b" \n\n\t  \r\n"), "empty"),
    "binary": (_write("nul.txt", b"Some text\x00\x01\x02 more text\x00"), "binary"),
    # Not UTF-8, and read as cp1252 it is nearly all non-ASCII: refused as not text.
    "bad-encoding": (_write("latin.txt", b"\xfa\xfb\xfc\xfd\xc0\xc1" * 40), "encoding"),
    # A UTF-16 byte-order mark followed by an odd number of bytes.
    "bad-utf16": (_write("u16.txt", b"\xff\xfeabc"), "encoding"),
    "extension": (_write("notes.xyz", b"Our cream may help.\n"), ".xyz"),
    "corrupt-pdf": (_write("x.pdf", b"\x89garbage\x00\x01 not a pdf" * 10), "PDF"),
    "truncated-pdf": (_write("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "PDF"),
    "encrypted-pdf": (_encrypted_pdf, "encrypted"),
    "corrupt-docx": (_write("x.docx", b"PK\x03\x04 this is not really a zip"), "DOCX"),
    "docx-without-document": (_corrupt_docx_zip, "DOCX"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_one_line_error_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    make, problem = BAD_INPUTS[kind]
    path = make(tmp_path)
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert err.startswith("claims: error: ") and str(path) in err
    assert problem.lower() in err.lower()
    assert "Traceback" not in err


def test_file_over_max_bytes_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Our cream may help hair growth.\n" * 100, encoding="utf-8")
    size = path.stat().st_size
    code, out, err = run(capsys, "--max-bytes", str(size - 1), str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and str(path) in err and "--max-bytes" in err
    code, out, err = run(capsys, "--max-bytes", str(size), str(path))
    assert (code, err) == (0, "")
    assert jsonl_records(out)


def test_the_unencrypted_pdf_used_above_annotates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Control for the encrypted-PDF case: the same PDF without encryption is fine."""
    path = tmp_path / "open.pdf"
    path.write_bytes(_pdf_with_text())
    code, out, err = run(capsys, "-f", "json", str(path))
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert "may help hair growth" in payload["document"]["text"]
    for c in payload["claims"]:
        check_offsets(payload["document"]["text"], c)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("kind", ["missing", "binary", "corrupt-pdf", "encrypted-pdf"])
def test_one_bad_file_among_good_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, jobs: str
) -> None:
    make, _ = BAD_INPUTS[kind]
    bad = make(tmp_path)
    first, last = SAMPLE_FILES[0], SAMPLE_FILES[-1]
    code, out, err = run(capsys, "-f", "json", "--jobs", jobs, str(first), str(bad), str(last))
    assert code == 2
    assert [d["document"]["name"] for d in json.loads(out)] == [first.name, last.name]
    errors = error_lines(err)
    assert len(errors) == 1 and str(bad) in errors[0]
    assert "1 of 3" in err and "Traceback" not in err


def _console_command() -> list[str]:
    script = Path(sys.executable).parent / "claims"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "claims.cli"]


def test_real_process_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "nul.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"garbage " * 20)
    good = SAMPLE_FILES[0]
    missing = tmp_path / "missing.md"
    proc = subprocess.run(
        [*_console_command(), "annotate", str(binary), str(good), str(pdf), str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = error_lines(proc.stderr)
    assert len(errors) == 3
    for path, line in zip((binary, pdf, missing), errors, strict=True):
        assert str(path) in line
    records = jsonl_records(proc.stdout)
    assert records and len({r["doc_id"] for r in records}) == 1


def _engine_crash(*args: object, **kwargs: object) -> Any:
    raise RuntimeError("simulated engine failure")


def test_engine_crash_on_a_file_is_contained(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An unexpected exception while annotating one file costs only that file."""
    good = tmp_path / "good.txt"
    good.write_text("Our tea may help you sleep.\n", encoding="utf-8")
    monkeypatch.setattr("claims.cli_annotate.annotate_file", _engine_crash)
    code, out, err = run(capsys, str(good))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and str(good) in err and "Traceback" not in err


def test_engine_crash_on_stdin_is_contained(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b"Our tea may help you sleep.\n")
    monkeypatch.setattr("claims.cli_annotate.annotate_extracted", _engine_crash)
    code, out, err = run(capsys, "-")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and "stdin" in err


def test_annotate_does_not_import_the_store_or_pandas() -> None:
    """`claims annotate` builds the whole parser; the store commands must not make every
    annotate run pay for importing SQLAlchemy and pandas (it cost ~0.35 s a run)."""
    code = (
        "import sys\n"
        "from claims.cli import main\n"
        "assert main(['annotate', '-']) == 0\n"
        "print(sorted(m for m in ('sqlalchemy', 'pandas') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input="Results may vary.", capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"
    assert '"text": "Results may vary."' in proc.stdout
