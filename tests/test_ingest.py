"""Tests for claims.ingest: every format, every bad-input case, offsets and samples."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import InputError
from claims.ingest import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_FORMATS,
    extract_bytes,
    extract_file,
    extract_string,
    format_for,
)
from claims.models import ExtractedText

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def check_blocks(extracted: ExtractedText) -> list[tuple[str, int, str]]:
    """Assert the block invariants and return (kind, level, text) per block."""
    text = extracted.text
    assert "\r" not in text
    previous_end = 0
    out: list[tuple[str, int, str]] = []
    for block in extracted.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        assert block.start >= previous_end, "blocks overlap or are out of order"
        previous_end = block.end
        assert block.kind in ("heading", "paragraph", "list_item", "reference")
        assert block.label_end == 0 or text[block.start : block.label_end].endswith(":")
        if block.kind == "heading":
            assert 1 <= block.level <= 6
        else:
            assert block.level == 0
        out.append((block.kind, block.level, text[block.start : block.end]))
    return out


def error_of(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    """The user-facing message, checked to be a single line."""
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# --- format_for ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "txt"),
        ("a.TEXT", "txt"),
        ("a.md", "md"),
        ("a.markdown", "md"),
        ("a.htm", "html"),
        ("page.HTML", "html"),
        ("a.pdf", "pdf"),
        ("a.docx", "docx"),
    ],
)
def test_format_for_extensions(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt
    assert fmt in SUPPORTED_FORMATS


@pytest.mark.parametrize("name", ["a.doc", "a.rtf", "README", "archive.tar.gz"])
def test_format_for_unsupported(name: str) -> None:
    with pytest.raises(InputError, match="unsupported file type") as excinfo:
        format_for(Path(name))
    error_of(excinfo)


# --- txt ------------------------------------------------------------------------

TXT = (
    "Hair Restoration Today\n"
    "\n"
    "PRP may help some patients. Results vary.\n"
    "It takes about an hour.\n"
    "\n"
    "Key benefits:\n"
    "- No surgery\n"
    "- Little downtime\n"
    "\n"
    "Disclaimer\n"
    "Individual results may vary. This is not medical advice.\n"
    "\n"
    "References\n"
    "[1] Lee S, et al. Oral minoxidil. J Clin Dermatol. 2021.\n"
    "[2] Patel R. A mouse study. Exp Dermatol. 2018.\n"
)


def test_txt_text_is_kept_exactly_and_blocks_found() -> None:
    extracted = extract_string(TXT)
    assert extracted.text == TXT
    assert extracted.source_format == "txt"
    assert check_blocks(extracted) == [
        ("heading", 1, "Hair Restoration Today"),
        ("paragraph", 0, "PRP may help some patients. Results vary.\nIt takes about an hour."),
        ("paragraph", 0, "Key benefits:"),
        ("list_item", 0, "No surgery"),
        ("list_item", 0, "Little downtime"),
        ("heading", 2, "Disclaimer"),
        ("paragraph", 0, "Individual results may vary. This is not medical advice."),
        ("heading", 2, "References"),
        ("reference", 0, "[1] Lee S, et al. Oral minoxidil. J Clin Dermatol. 2021."),
        ("reference", 0, "[2] Patel R. A mouse study. Exp Dermatol. 2018."),
    ]


def test_txt_hard_wrapped_paragraph_is_not_split_into_heading() -> None:
    text = "Hair loss affects millions of people and\nhas many causes, including genetics.\n"
    assert check_blocks(extract_string(text)) == [("paragraph", 0, text.strip())]


def test_txt_last_short_line_is_not_a_heading() -> None:
    text = "First paragraph here.\n\nThank you for reading"
    assert [kind for kind, _, _ in check_blocks(extract_string(text))] == [
        "paragraph",
        "paragraph",
    ]


def test_txt_crlf_and_lone_cr_become_newlines() -> None:
    data = b"Title Line\r\n\r\nFirst sentence.\rSecond sentence.\r\n"
    extracted = extract_bytes(data, "txt", "crlf.txt")
    assert extracted.text == "Title Line\n\nFirst sentence.\nSecond sentence.\n"
    assert check_blocks(extracted)[1] == ("paragraph", 0, "First sentence.\nSecond sentence.")


def test_txt_utf8_bom_is_stripped() -> None:
    extracted = extract_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 text.", "txt", "bom.txt")
    assert extracted.text == "Café text."


def test_txt_utf16_with_bom() -> None:
    data = "Körper und Haar.\r\nZweite Zeile.".encode("utf-16")  # writes a BOM
    assert extract_bytes(data, "txt", "u16.txt").text == "Körper und Haar.\nZweite Zeile."


def test_txt_latin1_and_cp1252_fallback() -> None:
    data = "Caf\u00e9 cr\u00e8me \u201cnatural\u201d \u2013 na\u00efve.".encode("cp1252")
    extracted = extract_bytes(data, "txt", "legacy.txt")
    assert extracted.text == "Café crème “natural” – naïve."
    latin1 = "Ma\u00efs \u00e0 la cr\u00e8me.".encode("latin-1")
    assert extract_bytes(latin1, "txt", "latin1.txt").text == "Maïs à la crème."


def test_txt_utf8_with_a_stray_cp1252_byte_keeps_utf8_characters() -> None:
    data = "Caf\u00e9 na\u00efve ".encode() + b"\x93quoted\x94 \xe9t\xe9"
    assert extract_bytes(data, "txt", "mixed.txt").text == "Café naïve “quoted” été"


def test_txt_offsets_index_the_decoded_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes("\ufeffHeading Here\r\n\r\nBody text \u2014 caf\u00e9.\r\n".encode())
    extracted = extract_file(path)
    expected = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    assert extracted.text == expected
    assert check_blocks(extracted) == [
        ("heading", 1, "Heading Here"),
        ("paragraph", 0, "Body text — café."),
    ]


# --- markdown -------------------------------------------------------------------

MD = """---
title: Front matter is dropped
---

# Main *Title*

Intro with **bold**, a [link text](https://example.com), ![alt words](x.png)
and `code span`. &amp; entity.

## Benefits
- First *benefit*
- Second benefit

1. Step one
2. Step two

| Ingredient | Amount |
|---|---|
| Biotin | 5 mg |

<div class="note"><p>HTML block <b>text</b></p><script>bad()</script></div>

### References

1. Lee et al. 2021.
"""


def test_markdown_visible_text_and_blocks() -> None:
    extracted = extract_string(MD, "md", "ad.md")
    assert extracted.source_format == "md"
    assert "Front matter" not in extracted.text
    assert "*" not in extracted.text and "](" not in extracted.text
    assert "bad()" not in extracted.text
    assert check_blocks(extracted) == [
        ("heading", 1, "Main Title"),
        (
            "paragraph",
            0,
            "Intro with bold, a link text, alt words\nand code span. & entity.",
        ),
        ("heading", 2, "Benefits"),
        ("list_item", 0, "First benefit"),
        ("list_item", 0, "Second benefit"),
        ("list_item", 0, "Step one"),
        ("list_item", 0, "Step two"),
        ("paragraph", 0, "Ingredient | Amount"),
        ("paragraph", 0, "Biotin | 5 mg"),
        ("paragraph", 0, "HTML block text"),
        ("heading", 3, "References"),
        ("reference", 0, "Lee et al. 2021."),
    ]


def test_markdown_separators_follow_source_adjacency() -> None:
    extracted = extract_string("# Title\nText right below.\n\n- a\n- b\n\nAfter.", "md")
    assert extracted.text == "Title\nText right below.\n\na\nb\n\nAfter."


def test_markdown_without_visible_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no visible text") as excinfo:
        extract_string("<!-- only a comment -->\n", "md", "c.md")
    error_of(excinfo)


# --- html -----------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Head title</title><style>p { color: red }</style>
<script>var tracking = 1;</script></head>
<body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
<div role="navigation">Breadcrumbs here</div>
<div id="cookieBanner"><p>We use cookies.</p><button>Accept</button></div>
<div class="gdpr-cookie-notice">Cookie settings</div>
<h1>PRP   Hair
   Therapy</h1>
<p>Thinning hair &amp; <a href="https://x.example/evil">our clinic</a> can help.<br>
Results&nbsp;vary.</p>
<ul><li>No surgery</li><li>Fast <em>recovery</em></li></ul>
<h3>FAQ</h3>
<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
<template><p>Template text</p></template><noscript>Enable JS</noscript>
<svg><text>SVG label</text></svg><iframe src="x">Frame text</iframe>
<p hidden>Hidden text</p><p style="display: none">Invisible text</p>
<!-- a comment -->
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<footer><p>Individual results may vary. This is not medical advice.</p></footer>
</body></html>
"""


def test_html_visible_text_and_blocks() -> None:
    extracted = extract_string(HTML, "html", "page.html")
    assert extracted.source_format == "html"
    assert check_blocks(extracted) == [
        ("heading", 1, "PRP Hair Therapy"),
        ("paragraph", 0, "Thinning hair & our clinic can help.\nResults vary."),
        ("list_item", 0, "No surgery"),
        ("list_item", 0, "Fast recovery"),
        ("heading", 3, "FAQ"),
        ("paragraph", 0, "<script>alert(1)</script>"),
        ("paragraph", 0, "Cell one"),
        ("paragraph", 0, "Cell two"),
        ("paragraph", 0, "Individual results may vary. This is not medical advice."),
    ]


@pytest.mark.parametrize(
    "dropped",
    [
        "Head title",
        "color: red",
        "tracking",
        "Home",
        "Breadcrumbs",
        "cookies",
        "Cookie settings",
        "Template text",
        "Enable JS",
        "SVG label",
        "Frame text",
        "Hidden text",
        "Invisible text",
        "a comment",
        "evil",
    ],
)
def test_html_drops_chrome_scripts_and_invisible_text(dropped: str) -> None:
    assert dropped not in extract_string(HTML, "html").text


def test_html_list_items_are_on_adjacent_lines() -> None:
    assert "No surgery\nFast recovery" in extract_string(HTML, "html").text


def test_html_double_br_splits_blocks() -> None:
    extracted = extract_string("<p>One line<br><br>Next part</p>", "html")
    assert check_blocks(extracted) == [("paragraph", 0, "One line"), ("paragraph", 0, "Next part")]


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет мир</p></body></html>'
    extracted = extract_bytes(page.encode("koi8-r"), "html", "ru.html")
    assert extracted.text == "Привет мир"


def test_html_deep_nesting_does_not_overflow() -> None:
    page = "<div>" * 3000 + "Deep text." + "</div>" * 3000
    assert extract_string(page, "html").text == "Deep text."


def test_html_loose_text_soft_hyphens_and_paragraphs_in_list_items() -> None:
    page = "<body>Loose <b>text</b><p>regen&shy;erative hair</p>tail<li><p>P1</p><p>P2</p></li>"
    assert check_blocks(extract_string(page, "html")) == [
        ("paragraph", 0, "Loose text"),
        ("paragraph", 0, "regenerative hair"),
        ("paragraph", 0, "tail"),
        ("list_item", 0, "P1"),
        ("list_item", 0, "P2"),
    ]


def test_html_cp1252_without_declaration() -> None:
    data = "<p>Caf\u00e9 \u201cnatural\u201d</p>".encode("cp1252")
    assert extract_bytes(data, "html", "legacy.html").text == "Café “natural”"


def test_html_without_visible_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no visible text") as excinfo:
        extract_string("<html><head><title>x</title></head><body> </body></html>", "html")
    error_of(excinfo)


# --- pdf ------------------------------------------------------------------------

LONG_PARAGRAPH = (
    "Platelet-rich plasma therapy may help some patients with thinning hair. The treatment "
    "is considered investigational and results vary between individuals. A small pilot "
    "trial reported improvements in hair density after three sessions, but more research is "
    "needed before firm conclusions can be drawn about the regen-"
)


END = "Short end."


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A text PDF built with fpdf2: each page is a list of paragraphs (blank line between)."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is needed to build PDF fixtures")
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=12)
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    pdf.output(str(path))
    return path


def test_pdf_text_layer_paragraphs_and_dehyphenation(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "doc.pdf",
        [
            ["Hair Loss Treatments", LONG_PARAGRAPH, "erative effects of the plasma.", END],
            ["Page two starts a new paragraph here."],
        ],
    )
    extracted = extract_file(path)
    assert extracted.source_format == "pdf"
    blocks = check_blocks(extracted)
    assert blocks[0] == ("heading", 1, "Hair Loss Treatments")
    assert blocks[1][0] == "paragraph"
    assert blocks[1][2].startswith("Platelet-rich plasma therapy may help")
    assert blocks[1][2].endswith("about the regenerative effects of the plasma.")
    assert "\n" not in blocks[1][2]
    assert blocks[2:] == [
        ("paragraph", 0, "Short end."),
        ("paragraph", 0, "Page two starts a new paragraph here."),
    ]


def test_pdf_heading_and_bullets_without_blank_lines(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is needed to build PDF fixtures")
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    body = LONG_PARAGRAPH.replace("the regen-", "its effects.")
    item = "Minimal downtime, most patients are back at work the same day"
    for line in (body, "Key Benefits", "\x95 No surgery required", f"\x95 {item} visit", body):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")  # no gaps between blocks
    path = tmp_path / "tight.pdf"
    pdf.output(str(path))
    blocks = check_blocks(extract_file(path))
    assert [(kind, level) for kind, level, _ in blocks] == [
        ("paragraph", 0),
        ("heading", 2),
        ("list_item", 0),
        ("list_item", 0),
        ("paragraph", 0),
    ]
    assert blocks[2][2] == "No surgery required"
    assert blocks[3][2] == f"{item} visit"
    assert blocks[0][2] == blocks[4][2] == body


def test_pdf_encrypted_is_an_error(tmp_path: Path) -> None:
    import pypdf

    source = make_pdf(tmp_path / "plain.pdf", [["Secret text in a locked file."]])
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="encrypted PDF") as excinfo:
        extract_file(locked)
    error_of(excinfo)


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    import pypdf

    source = make_pdf(tmp_path / "plain.pdf", [["Readable despite encryption."]])
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    extracted = extract_bytes(buffer.getvalue(), "pdf", "open.pdf")
    assert extracted.text == "Readable despite encryption."


def test_pdf_corrupt_is_an_error(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf", [["Some text."]]).read_bytes()
    for data in (b"%PDF-1.7\n" + bytes(range(256)) * 4, good[: len(good) // 3], b"not a pdf"):
        with pytest.raises(InputError, match="not a readable PDF") as excinfo:
            extract_bytes(data, "pdf", "bad.pdf")
        error_of(excinfo)


def test_pdf_without_text_layer_is_an_error(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is needed to build PDF fixtures")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scanned" page: graphics, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match=r"no text layer \(scanned PDF\?\)") as excinfo:
        extract_file(path)
    error_of(excinfo)


# --- docx -----------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    """A DOCX with title, headings, lists, a merged table cell and a line break."""
    docx = pytest.importorskip("docx", reason="python-docx is needed for DOCX fixtures")
    document = docx.Document()
    document.add_heading("Clinic Leaflet", 0)
    document.add_heading("About PRP", 1)
    paragraph = document.add_paragraph("PRP may help some patients. ")
    paragraph.add_run("Results vary.").bold = True
    document.add_paragraph("No surgery", style="List Bullet")
    document.add_paragraph("Little downtime", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Sessions"
    table.cell(0, 1).text = "Three"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Prices on request."
    document.add_heading("Safety", 2)
    document.add_paragraph("Mild soreness\tis common.").add_run().add_break()
    document.add_paragraph("")
    document.save(str(path))
    return path


def test_docx_styles_lists_and_tables(tmp_path: Path) -> None:
    extracted = extract_file(make_docx(tmp_path / "leaflet.docx"))
    assert extracted.source_format == "docx"
    assert check_blocks(extracted) == [
        ("heading", 1, "Clinic Leaflet"),
        ("heading", 1, "About PRP"),
        ("paragraph", 0, "PRP may help some patients. Results vary."),
        ("list_item", 0, "No surgery"),
        ("list_item", 0, "Little downtime"),
        ("paragraph", 0, "Sessions"),
        ("paragraph", 0, "Three"),
        ("paragraph", 0, "Prices on request."),
        ("heading", 2, "Safety"),
        ("paragraph", 0, "Mild soreness is common."),
    ]
    assert "No surgery\nLittle downtime" in extracted.text


def test_docx_hyperlink_text_is_kept(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx is needed for DOCX fixtures")
    from docx.oxml import OxmlElement

    document = docx.Document()
    paragraph = document.add_paragraph("See ")
    link, run, text = OxmlElement("w:hyperlink"), OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "the trial"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(" for details.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert (
        extract_bytes(buffer.getvalue(), "docx", "link.docx").text == "See the trial for details."
    )


def test_docx_corrupt_is_an_error(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx").read_bytes()
    for data in (b"PK\x03\x04 not really a zip", good[: len(good) // 2], b"plain words"):
        with pytest.raises(InputError, match="not a readable DOCX") as excinfo:
            extract_bytes(data, "docx", "bad.docx")
        error_of(excinfo)


def test_docx_without_text_is_an_error(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx is needed for DOCX fixtures")
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError, match="empty document") as excinfo:
        extract_file(path)
    error_of(excinfo)


# --- bad input --------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as excinfo:
        extract_file(tmp_path / "absent.txt")
    assert error_of(excinfo).startswith(str(tmp_path / "absent.txt"))


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory") as excinfo:
        extract_file(folder)
    error_of(excinfo)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_named_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="not a regular file") as excinfo:
        extract_file(pipe)
    error_of(excinfo)


@pytest.mark.parametrize("fmt", SUPPORTED_FORMATS)
@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_and_whitespace_only(tmp_path: Path, fmt: str, data: bytes) -> None:
    path = tmp_path / f"empty.{fmt}"
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty") as excinfo:
        extract_file(path)
    error_of(excinfo)


def test_whitespace_only_string() -> None:
    with pytest.raises(InputError, match="empty document") as excinfo:
        extract_string(" \n\n ")
    error_of(excinfo)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_binary_with_nul_bytes(fmt: str) -> None:
    with pytest.raises(InputError, match="binary") as excinfo:
        extract_bytes(b"GIF89a\x00\x01\x02\x00 header", fmt, f"image.{fmt}")
    error_of(excinfo)


def test_undecodable_garbage() -> None:
    rng = random.Random(7)
    data = bytes(rng.choice(range(1, 256)) for _ in range(4000))
    with pytest.raises(InputError) as excinfo:
        extract_bytes(data, "txt", "garbage.txt")
    message = error_of(excinfo)
    assert "invalid encoding" in message or "binary" in message


def test_invalid_encoding_after_utf8_bom() -> None:
    with pytest.raises(InputError, match="invalid encoding") as excinfo:
        extract_bytes(b"\xef\xbb\xbfgood start \xff\xfe\xfd bad", "txt", "bad.txt")
    error_of(excinfo)


def test_unsupported_extension_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_text("{\\rtf1 text}")
    with pytest.raises(InputError, match="unsupported file type") as excinfo:
        extract_file(path)
    error_of(excinfo)


def test_unsupported_format_names() -> None:
    with pytest.raises(InputError, match="unsupported format"):
        extract_bytes(b"text", "rtf", "x")
    with pytest.raises(InputError, match="must be given as bytes"):
        extract_string("text", "pdf")
    assert extract_string("Some *text*.", ".markdown").text == "Some text."


def test_larger_than_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Hair grows. " * 200)
    with pytest.raises(InputError, match="use --max-bytes to raise it") as excinfo:
        extract_file(path, max_bytes=1000)
    assert "1000 bytes limit" in error_of(excinfo)
    assert extract_file(path, max_bytes=5000).text.startswith("Hair grows.")
    with pytest.raises(InputError, match="larger than the 20 MB limit"):
        extract_bytes(b"x" * (DEFAULT_MAX_BYTES + 1), "txt", "huge.txt")


# --- invariants and samples -------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .?:-*#<>/\n\r\t\u00e9[]1"), max_size=200))
def test_txt_keeps_text_and_blocks_are_valid(text: str) -> None:
    try:
        extracted = extract_string(text, "txt")
    except InputError:
        assert not text.strip()
        return
    assert extracted.text == text.replace("\r\n", "\n").replace("\r", "\n")
    check_blocks(extracted)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["md", "html"]),
    st.text(alphabet=st.sampled_from("ab .-*#<>/=\"'&;\n|`[]()!1lipu"), max_size=200),
)
def test_markup_blocks_are_valid(fmt: str, text: str) -> None:
    try:
        extracted = extract_string(text, fmt)
    except InputError:
        return
    blocks = check_blocks(extracted)
    assert blocks
    for _, _, block_text in blocks:
        assert block_text == block_text.strip() and "\n\n" not in block_text


@pytest.mark.parametrize(
    "name", ["clinic_prp_hair.html", "supplement_ad.md", "study_news.txt", "clinic_faq.txt"]
)
def test_samples_extract(name: str) -> None:
    extracted = extract_file(SAMPLES / name)
    blocks = check_blocks(extracted)
    kinds = {kind for kind, _, _ in blocks}
    assert "heading" in kinds and "paragraph" in kinds
    assert len(extracted.text) > 800


def test_sample_html_content() -> None:
    extracted = extract_file(SAMPLES / "clinic_prp_hair.html")
    text = extracted.text
    assert "Individual results may vary. This is not medical advice." in text
    assert "<script>alert(1)</script>" in text
    for chrome in ("Book a Consultation", "cookies", "dataLayer", "font-family"):
        assert chrome not in text
    blocks = check_blocks(extracted)
    assert ("heading", 1, "PRP Hair Restoration at Brightwell") in blocks
    assert ("paragraph", 0, "Is PRP painful?") in blocks
    assert sum(kind == "list_item" for kind, _, _ in blocks) == 4


def test_sample_markdown_content() -> None:
    extracted = extract_file(SAMPLES / "supplement_ad.md")
    blocks = check_blocks(extracted)
    assert "layout: product" not in extracted.text
    assert ("list_item", 0, "Take two capsules daily with food.") in blocks
    assert ("paragraph", 0, "Biotin | 5,000 mcg") in blocks
    assert "These statements have not been evaluated by the Food and Drug" in extracted.text


def test_sample_study_news_references() -> None:
    extracted = extract_file(SAMPLES / "study_news.txt")
    blocks = check_blocks(extracted)
    references = [text for kind, _, text in blocks if kind == "reference"]
    assert [ref[:3] for ref in references] == ["[1]", "[2]"]
    assert blocks[-3] == ("heading", 2, "References")


def test_a_declaration_the_parser_rejects_is_kept_as_text() -> None:
    # html.parser raises on "<![1" (found by the property test above); the page still reads
    assert extract_string("<p>Hi <![1 there</p>", "html").text == "Hi <![1 there"
    assert extract_string("<![1", "html").text == "<![1"
    assert extract_string("<!doctype html><p>Fine.</p>", "html").text == "Fine."


def test_a_disclaimer_after_an_html_reference_list_is_a_paragraph_again() -> None:
    html = (
        "<h1>Clinic</h1><p>It works [1].</p><h4>References</h4>"
        "<p>[1] Snyder PJ, et al. Testosterone in older men. N Engl J Med. 2016;374:611-24.</p>"
        "<p>This page is for general information only and is not medical advice.</p>"
        "<p>&copy; 2025 Summit Men&rsquo;s Health</p>"
    )
    extracted = extract_string(html, fmt="html", source="page.html")
    kinds = [(b.kind, extracted.text[b.start : b.end][:24]) for b in extracted.blocks]
    assert kinds[-3:] == [
        ("reference", "[1] Snyder PJ, et al. Te"),
        ("paragraph", "This page is for general"),
        ("paragraph", "© 2025 Summit Men’s Heal"),
    ]


def test_the_supplement_disclaimer_after_a_markdown_reference_list_is_body_text() -> None:
    md = (
        "# Formula\n\nIt works [1].\n\n## References\n\n"
        "1. Smits RM, et al. Antioxidants for male subfertility. Cochrane. 2019;3:CD007411.\n\n"
        "*These statements have not been evaluated by the Food and Drug Administration. "
        "This product is not intended to diagnose, treat, cure, or prevent any disease.*\n"
    )
    extracted = extract_string(md, fmt="md", source="page.md")
    kinds = [(b.kind, extracted.text[b.start : b.end][:24]) for b in extracted.blocks]
    assert kinds[-2:] == [
        ("reference", "Smits RM, et al. Antioxi"),
        ("paragraph", "These statements have no"),
    ]


def _labels(extracted: ExtractedText) -> list[str]:
    check_blocks(extracted)
    text = extracted.text
    return [text[b.start : b.label_end] for b in extracted.blocks if b.label_end]


def test_a_bold_run_in_label_is_marked_in_html() -> None:
    html = (
        "<ul><li><strong>Rebuild cartilage:</strong> our injections help.</li>"
        "<li><b>Walk out the same day</b>: there is no downtime.</li>"
        "<li>Plain: no label here.</li><li><strong>Bold</strong> words: no label.</li></ul>"
        "<p>Text <strong>in the middle:</strong> no label.</p>"
    )
    assert _labels(extract_string(html, fmt="html", source="p.html")) == [
        "Rebuild cartilage:",
        "Walk out the same day:",
    ]


def test_a_bold_run_in_label_is_marked_in_markdown() -> None:
    md = "- **Wake up without the fog:** most readers say so.\n- Plain: no label.\n"
    assert _labels(extract_string(md, fmt="md", source="p.md")) == ["Wake up without the fog:"]


def test_a_bold_run_in_label_is_marked_in_docx() -> None:
    docx = pytest.importorskip("docx", reason="python-docx is needed for DOCX fixtures")
    document = docx.Document()
    paragraph = document.add_paragraph(style="List Bullet")
    paragraph.add_run("Your own cells:").bold = True
    paragraph.add_run(" no risk of rejection.")
    document.add_paragraph("Plain: no label.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert _labels(extract_bytes(buffer.getvalue(), "docx", "b.docx")) == ["Your own cells:"]
