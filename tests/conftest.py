"""Shared fixtures: a fresh claim store on SQLite and (when configured) on PostgreSQL.

``store`` runs each test on a new SQLite file in ``tmp_path`` and, when
``CLAIMS_TEST_PG_URL`` is set, again on a new PostgreSQL schema that is dropped
afterwards. With ``CLAIMS_REQUIRE_PG=1`` a missing URL or server fails the postgres
run instead of skipping it, so CI cannot go green without PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claims import annotate_text
from claims.ids import claim_ids, doc_id_for
from claims.models import AnnotatedDocument, Booster, Caveat, Claim, Document
from claims.store import Store


def _pg_base_url(required: bool) -> str:
    url = os.environ.get("CLAIMS_TEST_PG_URL", "").strip()
    if not url:
        if required:
            pytest.fail("CLAIMS_REQUIRE_PG=1 but CLAIMS_TEST_PG_URL is not set")
        pytest.skip("PostgreSQL not configured: set CLAIMS_TEST_PG_URL to run the postgres suite")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a new, empty PostgreSQL schema (dropped afterwards)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    required = os.environ.get("CLAIMS_REQUIRE_PG") == "1"
    base = _pg_base_url(required)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except SQLAlchemyError as exc:
        admin.dispose()
        message = f"PostgreSQL at CLAIMS_TEST_PG_URL is unusable: {str(exc).splitlines()[0]}"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a fresh, empty database: SQLite file or PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.db'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A ``Store`` on a fresh database (see ``store_url``), closed after the test."""
    s = Store(store_url)
    try:
        yield s
    finally:
        s.close()


def build_document(text: str, name: str = "doc.txt") -> AnnotatedDocument:
    """An annotated document built by hand: one statement per non-empty line.

    For records the real pipeline cannot produce (e.g. text with control characters).

    "may" becomes a modal caveat and "proven" a certainty booster, so records carry
    nested tags with exact offsets, like the engine's output.
    """
    doc_id = doc_id_for(name)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    ids = claim_ids(doc_id, [text[s:e] for s, e in spans])
    claims: list[Claim] = []
    for i, ((s, e), cid) in enumerate(zip(spans, ids, strict=True)):
        sentence = text[s:e]
        caveats = [
            Caveat(text="may", start=s + m.start(), end=s + m.end(), category="modal")
            for m in re.finditer(r"\bmay\b", sentence)
        ]
        boosters = [
            Booster(text="proven", start=s + m.start(), end=s + m.end(), category="certainty")
            for m in re.finditer(r"\bproven\b", sentence)
        ]
        claims.append(
            Claim(
                id=cid,
                doc_id=doc_id,
                index=i,
                kind="statement",
                section="",
                text=sentence,
                start=s,
                end=e,
                hedged=bool(caveats),
                caveats=caveats,
                boosters=boosters,
                evidence_strength="none",
                claim_types=["efficacy"] if boosters else ["other"],
            )
        )
    document = Document(
        id=doc_id,
        name=name,
        source_format="txt",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
    )
    return AnnotatedDocument(document=document, claims=claims)


def annotate_document(text: str, name: str = "doc.txt") -> AnnotatedDocument:
    """A document annotated by the real pipeline (``claims.annotate_text``)."""
    return annotate_text(text, name=name)


@pytest.fixture
def make_doc() -> Callable[..., AnnotatedDocument]:
    """Factory of real annotated documents: ``make_doc(text, name)``."""
    return annotate_document


@pytest.fixture
def hand_doc() -> Callable[..., AnnotatedDocument]:
    """Factory of hand-built documents, for text the ingest layer would refuse."""
    return build_document
