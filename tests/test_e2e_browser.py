"""End-to-end test of the dashboard in headless Chromium (Playwright + `streamlit run`).

Filters, opens a claim by selecting its table row, saves a review, reloads and sees it
kept; then uploads documents carrying <script>/onerror/javascript: payloads and checks
that their document view shows the text and runs nothing. Skips when Debian's chromium
is absent, unless CLAIMS_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claims.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 30_000

HOSTILE_TXT = (
    "Hostile notes\n\n"
    "This serum may regrow hair <script>window.__pwned=1</script> in weeks.\n\n"
    "It is clinically proven <img src=x onerror=window.__pwned=1> by experts.\n\n"
    'Visit <a href="javascript:window.__pwned=1">our page</a> today.\n'
)
HOSTILE_HTML = (
    "<html><head><title>Offer</title><script>window.__pwned=1</script></head><body>"
    "<h1>Safety page</h1>"
    "<p>Our tonic &lt;script&gt;window.__pwned=1&lt;/script&gt; may help thinning hair.</p>"
    '<p><a href="javascript:window.__pwned=1">Click here</a> to order.</p>'
    "</body></html>"
)


def _need(what: str, reason: str) -> None:
    if os.environ.get("CLAIMS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"CLAIMS_REQUIRE_BROWSER=1 but {what}: {reason}")
    pytest.skip(f"{what}: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A running `streamlit run app.py` on a free port and a fresh SQLite store."""
    if not CHROMIUM.exists():
        _need("no browser", f"{CHROMIUM} is absent (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _need("no Playwright", "the playwright package is not installed")
    port = _free_port()
    db_url = f"sqlite:///{tmp_path / 'e2e.db'}"
    env = {**os.environ, "CLAIMS_DB_URL": db_url, "PYTHONPATH": str(ROOT)}
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("streamlit did not start: " + (tmp_path / "server.log").read_text())
            time.sleep(0.3)
        yield base, db_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_idle(page: Any) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT_MS
    )
    page.wait_for_timeout(300)


def _select_option(page: Any, label: str, option: str) -> None:
    """Pick an option of the st.selectbox labelled ``label`` (retrying if a rerun
    re-rendered the widget while its menu was opening)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        box.click()
        try:
            choice.click(timeout=3_000)
            break
        except Exception:  # menu closed by a rerun: try again
            page.keyboard.press("Escape")
            _wait_idle(page)
    else:
        raise AssertionError(f"could not choose {option!r} in {label!r}")
    _wait_idle(page)
    expect_value = page.get_by_role("combobox", name=label, exact=True)
    assert expect_value.input_value() == option


def test_review_flow_and_hostile_documents(server: tuple[str, str], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, db_url = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            page.goto(base)
            expect(page.get_by_role("heading", name="Claim review")).to_be_visible(timeout=WAIT_MS)
            grid = page.locator('[data-testid="stDataFrame"]').first
            expect(grid).to_be_visible(timeout=WAIT_MS)
            _wait_idle(page)
            total = len(Store(db_url).claims_frame())
            assert total > 0, "the bundled samples were not imported"

            # Filter: search text goes into the URL and narrows the table.
            search = page.get_by_label("Search text")
            search.fill("clinically proven")
            search.press("Enter")
            _wait_idle(page)
            expect(page).to_have_url(lambda_url("q=clinically+proven"), timeout=WAIT_MS)
            expect(page.get_by_text(f"{total} of {total} claims match")).to_have_count(
                0, timeout=WAIT_MS
            )
            caption = page.get_by_text("claims match the filters")
            shown = int(caption.inner_text().split(" of ")[0])
            assert 0 < shown < total

            # Open the first row's claim by selecting it in the grid.
            box = grid.bounding_box()
            assert box is not None
            page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
            _wait_idle(page)
            expect(page).to_have_url(lambda_url("claim="), timeout=WAIT_MS)
            expect(page.get_by_text("Save review")).to_be_visible(timeout=WAIT_MS)
            claim_id = page.url.split("claim=")[1].split("&")[0]
            mark = page.locator("mark.hl-booster").first
            expect(mark).to_be_visible()

            # Save a review through the form.
            page.get_by_label("Reviewer name").fill("Dr E2E")
            page.get_by_label("Reviewer name").press("Enter")
            _wait_idle(page)
            _select_option(page, "Status", "needs_evidence")
            page.get_by_label("Note").fill("Which trial supports this?")
            page.get_by_role("button", name="Save review").click()
            _wait_idle(page)
            expect(page.get_by_text("Saved (version 1).")).to_be_visible(timeout=WAIT_MS)
            page.screenshot(path=str(tmp_path / "review_saved.png"), full_page=True)
            review = Store(db_url).get_review(claim_id)
            assert (review.status, review.reviewer) == ("needs_evidence", "Dr E2E")

            # Reload: the URL reopens the claim and the saved review is shown.
            page.reload()
            expect(page.get_by_label("Note")).to_have_value(
                "Which trial supports this?", timeout=WAIT_MS
            )
            status_box = page.get_by_test_id("stForm").get_by_role("combobox", name="Status")
            expect(status_box).to_have_value("needs_evidence")
            assert "q=clinically+proven" in page.url

            # Upload hostile documents through the sidebar.
            txt = tmp_path / "hostile.txt"
            txt.write_text(HOSTILE_TXT, encoding="utf-8")
            html_doc = tmp_path / "hostile_page.html"
            html_doc.write_text(HOSTILE_HTML, encoding="utf-8")
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                [str(txt), str(html_doc)]
            )
            expect(page.get_by_text("hostile.txt: imported version 1")).to_be_visible(
                timeout=WAIT_MS
            )
            expect(page.get_by_text("hostile_page.html: imported version 1")).to_be_visible(
                timeout=WAIT_MS
            )
            docs = {d.name: d.doc_id for d in Store(db_url).list_documents()}

            for name, visible in (
                ("hostile.txt", ["<script>window.__pwned=1</script>", "onerror=window"]),
                ("hostile_page.html", ["<script>window.__pwned=1</script>", "Click here"]),
            ):
                page.goto(f"{base}/?doc={docs[name]}")
                expect(page.get_by_role("heading", name="Claim review")).to_be_visible(
                    timeout=WAIT_MS
                )
                _wait_idle(page)
                page.get_by_role("tab", name="Document").click()
                view = page.locator(".claims-doc").first
                expect(view).to_be_visible(timeout=WAIT_MS)
                text = view.inner_text()
                for piece in visible:
                    assert piece in text, (name, piece, text)
                assert view.locator("script, img, iframe").count() == 0
                assert page.evaluate("typeof window.__pwned") == "undefined"
                # No anchor produced from document text carries a javascript: URL.
                hrefs = view.locator("a").evaluate_all("els => els.map(e => e.href)")
                assert hrefs and all("?" in h and "claim=" in h for h in hrefs)
                assert not any(h.lower().startswith("javascript") for h in hrefs)
            page.screenshot(path=str(tmp_path / "document_view.png"), full_page=True)

            # A claim in the document view links to its detail (same tab).
            page.locator(".claims-doc a.claim").first.click()
            expect(page).to_have_url(lambda_url("claim="), timeout=WAIT_MS)
            expect(page.get_by_text("Save review")).to_be_visible(timeout=WAIT_MS)
            _wait_idle(page)
            expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=WAIT_MS)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            page.screenshot(path=str(tmp_path / "claim_detail.png"), full_page=True)
            assert not errors, errors
        finally:
            browser.close()


def lambda_url(fragment: str) -> Any:
    """A URL matcher for ``expect(page).to_have_url``: the URL contains ``fragment``."""
    import re

    return re.compile(".*" + re.escape(fragment) + ".*")
