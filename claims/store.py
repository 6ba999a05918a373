"""The persistent claim store: versioned documents, claim records, reviews and an audit log.

One SQL database (SQLite file by default, PostgreSQL via ``CLAIMS_DB_URL``) holds every
imported version of every document. Reviews are keyed by claim id, which is stable across
revisions, so a reviewer's decision follows an unchanged statement into the next version.
Every write runs in one transaction, so a failed save or import changes nothing.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    event,
    func,
    select,
    text,
    tuple_,
)
from sqlalchemy import cast as sa_cast
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from claims.errors import ClaimsError
from claims.export import REVIEW_COLUMNS as EXPORT_REVIEW_KEYS
from claims.ingest import DEFAULT_MAX_BYTES
from claims.models import (
    FRAME_COLUMNS,
    REVIEW_STATUSES,
    STRENGTHS,
    AnnotatedDocument,
    Claim,
    Document,
)

REVIEW_COLUMNS: tuple[str, ...] = (
    "doc_name",
    "doc_version",
    "status",
    "reviewer",
    "note",
    "strength_override",
    "links",
    "review_version",
    "updated_at",
)
MAX_NOTE_CHARS = 20_000
MAX_LINK_CHARS = 2_000
MAX_LINKS = 50
_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit

_VersionKey = tuple[str, int, str, datetime | None]  # doc_id, version, sha256, imported_at
_T = TypeVar("_T")


class StoreError(ClaimsError):
    """The database cannot be opened or a write failed for a reason outside the data."""


class ConflictError(ClaimsError):
    """Someone saved the claim's review since the version the editor started from."""


class ReviewError(ClaimsError):
    """An invalid review: unknown status, bad evidence link, unknown claim or reviewer."""


class UnknownDocumentError(ClaimsError):
    """No document (or no such version of it) is stored under that id."""


# --- Public records ---------------------------------------------------------------


class Review(BaseModel):
    """The review state of one claim; ``version`` 0 means it was never saved."""

    claim_id: str
    status: str = "unreviewed"
    reviewer: str | None = None
    note: str = ""
    strength_override: str | None = None
    links: list[str] = []
    version: int = 0
    updated_at: datetime | None = None


class AuditEntry(BaseModel):
    """One changed review field: who changed it, when, and from what to what."""

    id: int
    claim_id: str
    reviewer: str
    field: str
    old: str | None
    new: str | None
    at: datetime


class ImportResult(BaseModel):
    """What an import did; ``unchanged`` means the text matched the latest version."""

    doc_id: str
    name: str
    version: int
    added: int
    carried: int
    vanished: int
    unchanged: bool


class DocumentInfo(BaseModel):
    """The latest stored version of one document."""

    doc_id: str
    name: str
    source_format: str
    version: int
    imported_at: datetime
    n_claims: int
    sha256: str


# --- Schema -----------------------------------------------------------------------

metadata = MetaData()

documents_t = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("name", String(1024), nullable=False),
    Column("source_format", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
    PrimaryKeyConstraint("doc_id", "version", name="pk_documents"),
)

claims_t = Table(
    "claims",
    metadata,
    Column("doc_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("claim_id", String(64), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("section", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("record", JSON, nullable=False),
    PrimaryKeyConstraint("doc_id", "version", "claim_id", name="pk_claims"),
    ForeignKeyConstraint(
        ["doc_id", "version"], ["documents.doc_id", "documents.version"], name="fk_claims_doc"
    ),
    Index("ix_claims_doc_version_idx", "doc_id", "version", "idx"),
    Index("ix_claims_claim_id", "claim_id"),
)

reviews_t = Table(
    "reviews",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("status", String(32), nullable=False),
    Column("reviewer", String(200)),
    Column("note", Text, nullable=False, default=""),
    Column("strength_override", String(16)),
    Column("links", JSON, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_reviews_status", "status"),
)

audit_t = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(64), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("field", String(32), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_audit_claim_id", "claim_id", "id"),
)

meta_t = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)


# --- Helpers ----------------------------------------------------------------------


def default_url() -> str:
    """``CLAIMS_DB_URL`` if set, else the SQLite file ``./claims.db`` in the working folder."""
    url = os.environ.get("CLAIMS_DB_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{Path('claims.db').resolve()}"


_DOI = re.compile(r"^10\.\d{4,9}/[^\s]+$")
_DOI_PREFIX = re.compile(r"^(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_PMID = re.compile(r"^pmid\s*:?\s*(\d{1,9})$", re.IGNORECASE)
_NCT = re.compile(r"^nct\s*(\d{8})$", re.IGNORECASE)
_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$|^\[[0-9a-f:.]+\]$"
)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_NOT_IN_URI = re.compile(r'[<>"{}|\\^`\x00-\x20\x7f]')


def validate_link(link: str) -> str:
    """An evidence link in normal form, or ``ReviewError``.

    Accepted: a DOI (``10.1234/x``, ``doi:10.1234/x`` or a doi.org URL) -> ``doi:10.1234/x``;
    a PubMed id (``PMID: 12345678``) -> ``PMID:12345678``; a trial registry id
    (``NCT01234567``); an ``http(s)`` URL with a host. Anything else (``javascript:``,
    ``ftp://``, free text) is refused, because links end up as clickable HTML.
    """
    if not isinstance(link, str):
        raise ReviewError(f"evidence link must be text, not {type(link).__name__}")
    raw = link.strip()
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    if not raw:
        raise ReviewError("evidence link is empty")
    if len(raw) > MAX_LINK_CHARS:
        raise ReviewError(f"evidence link is longer than {MAX_LINK_CHARS} characters")
    doi = _DOI_PREFIX.sub("", raw, count=1)
    if _DOI.match(doi) and not _CONTROL.search(doi):
        return f"doi:{doi}"
    if m := _PMID.match(raw):
        return f"PMID:{int(m.group(1))}"
    if m := _NCT.match(raw):
        return f"NCT{m.group(1)}"
    if not re.match(r"https?://", raw, re.IGNORECASE):
        raise ReviewError(f"evidence link {shown!r} is not a DOI, PMID, NCT id or http(s) URL")
    if _NOT_IN_URI.search(raw):
        raise ReviewError(
            f"evidence link {shown!r} contains spaces or characters not allowed in a URL"
        )
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ReviewError(f"evidence link {shown!r} is not a valid URL") from None
    host = (parts.hostname or "").lower()
    if not host or not _HOST.match(host) or parts.username or parts.password:
        raise ReviewError(f"evidence link {shown!r} has no valid host")
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def link_url(link: str) -> str:
    """The https address a normalised evidence link resolves to (for clickable output)."""
    if link.startswith("doi:"):
        return "https://doi.org/" + link[4:]
    if link.startswith("PMID:"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{link[5:]}/"
    if link.startswith("NCT"):
        return f"https://clinicaltrials.gov/study/{link}"
    return link


def _utc(value: datetime | None) -> datetime | None:
    """Aware UTC datetime (SQLite hands back naive values that were stored as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterator[Sequence[_T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _audit_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps(value)
    return str(value)


def check_status(status: str) -> str:
    """``status`` if it is one of ``REVIEW_STATUSES``, else ``ReviewError``."""
    if status not in REVIEW_STATUSES:
        raise ReviewError(f"invalid status {status!r}; use one of: {', '.join(REVIEW_STATUSES)}")
    return status


def _check_reviewer(reviewer: str) -> str:
    name = reviewer.strip() if isinstance(reviewer, str) else ""
    if not name:
        raise ReviewError("a reviewer name is required")
    if len(name) > 200 or re.search(r"[\x00-\x1f\x7f]", name):
        raise ReviewError("reviewer name must be one line of at most 200 characters")
    return name


def _check_links(links: Sequence[str]) -> list[str]:
    out: list[str] = []
    for link in links:
        norm = validate_link(link)
        if norm not in out:
            out.append(norm)
    if len(out) > MAX_LINKS:
        raise ReviewError(f"at most {MAX_LINKS} evidence links per claim")
    return out


# --- The store --------------------------------------------------------------------


class Store:
    """A claim store on one database URL; cheap to query, safe for concurrent reviewers."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url if url is not None else default_url()
        self._records: dict[_VersionKey, dict[str, dict[str, Any]]] = {}
        self._cache_lock = threading.Lock()
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise StoreError(f"invalid database URL {self.url!r}") from None
        self._shown_url = parsed.render_as_string(hide_password=True)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            db = parsed.database
            if db and db != ":memory:" and not db.startswith("file:"):
                folder = Path(db).expanduser().parent
                if not folder.is_dir():
                    raise StoreError(f"cannot open database {self._shown_url}: no folder {folder}")
            kwargs["connect_args"] = {"timeout": 30}
        try:
            self.engine: Engine = create_engine(parsed, **kwargs)
        except (NoSuchModuleError, ModuleNotFoundError, ArgumentError) as exc:
            raise StoreError(f"cannot open database {self._shown_url}: {exc}") from None
        if self.is_sqlite:
            _sqlite_setup(self.engine)
        try:
            metadata.create_all(self.engine)
            with self._write() as conn:
                have = conn.execute(
                    select(meta_t.c.value).where(meta_t.c.key == "data_version")
                ).first()
                if have is None:
                    conn.execute(meta_t.insert().values(key="data_version", value=0))
        except IntegrityError:
            pass  # another process created the counter at the same moment
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self._shown_url}: {_short(exc)}") from None

    def __repr__(self) -> str:
        return f"Store({self._shown_url!r})"

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    # -- transactions ----------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite, so writers queue, not fail)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(claims_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for multi-query reads."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @staticmethod
    def _bump(conn: Connection) -> None:
        conn.execute(
            meta_t.update().where(meta_t.c.key == "data_version").values(value=meta_t.c.value + 1)
        )

    # -- documents -------------------------------------------------------------------

    def import_document(self, annotated: AnnotatedDocument) -> ImportResult:
        """Store a document as its next version (nothing new if the text is unchanged)."""
        doc = annotated.document
        for attempt in range(5):
            try:
                return self._import(annotated)
            except IntegrityError as exc:
                # a concurrent import of the same document took the version number
                if attempt == 4:
                    raise StoreError(f"{doc.name}: import failed: {_short(exc)}") from None
            except SQLAlchemyError as exc:
                raise StoreError(f"{doc.name}: import failed: {_short(exc)}") from None
        raise AssertionError("unreachable")

    def _import(self, annotated: AnnotatedDocument) -> ImportResult:
        doc = annotated.document
        with self._write() as conn:
            if conn.dialect.name == "postgresql":  # queue imports of the same document
                conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": doc.id})
            latest = conn.execute(
                select(documents_t.c.version, documents_t.c.sha256)
                .where(documents_t.c.doc_id == doc.id)
                .order_by(documents_t.c.version.desc())
                .limit(1)
            ).first()
            previous: set[str] = set()
            if latest is not None:
                previous = set(
                    conn.execute(
                        select(claims_t.c.claim_id).where(
                            claims_t.c.doc_id == doc.id, claims_t.c.version == latest.version
                        )
                    ).scalars()
                )
                if latest.sha256 == doc.sha256:
                    return ImportResult(
                        doc_id=doc.id,
                        name=doc.name,
                        version=latest.version,
                        added=0,
                        carried=len(previous),
                        vanished=0,
                        unchanged=True,
                    )
            version = 1 if latest is None else latest.version + 1
            conn.execute(
                documents_t.insert().values(
                    doc_id=doc.id,
                    version=version,
                    name=doc.name,
                    source_format=doc.source_format,
                    sha256=doc.sha256,
                    imported_at=_now(),
                    text=doc.text,
                )
            )
            rows = [
                {
                    "doc_id": doc.id,
                    "version": version,
                    "claim_id": c.id,
                    "idx": c.index,
                    "kind": c.kind,
                    "section": c.section,
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                    "record": c.record(),
                }
                for c in annotated.claims
            ]
            if rows:
                conn.execute(claims_t.insert(), rows)
            self._bump(conn)
        current = {c.id for c in annotated.claims}
        return ImportResult(
            doc_id=doc.id,
            name=doc.name,
            version=version,
            added=len(current - previous),
            carried=len(current & previous),
            vanished=len(previous - current),
            unchanged=False,
        )

    def import_file(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportResult:
        """Annotate a file and import it (``InputError`` on a bad file, nothing stored)."""
        from claims.annotate import annotate_file

        return self.import_document(annotate_file(Path(path), max_bytes=max_bytes))

    def list_documents(self) -> list[DocumentInfo]:
        """The latest version of every document, by name."""
        latest = (
            select(documents_t.c.doc_id, func.max(documents_t.c.version).label("version"))
            .group_by(documents_t.c.doc_id)
            .subquery()
        )
        counts = (
            select(claims_t.c.doc_id, claims_t.c.version, func.count().label("n"))
            .group_by(claims_t.c.doc_id, claims_t.c.version)
            .subquery()
        )
        d = documents_t
        query = (
            select(
                d.c.doc_id,
                d.c.name,
                d.c.source_format,
                d.c.version,
                d.c.imported_at,
                d.c.sha256,
                func.coalesce(counts.c.n, 0).label("n"),
            )
            .join(latest, (d.c.doc_id == latest.c.doc_id) & (d.c.version == latest.c.version))
            .outerjoin(counts, (d.c.doc_id == counts.c.doc_id) & (d.c.version == counts.c.version))
            .order_by(d.c.name, d.c.doc_id)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            DocumentInfo(
                doc_id=r.doc_id,
                name=r.name,
                source_format=r.source_format,
                version=r.version,
                imported_at=_utc(r.imported_at),
                n_claims=r.n,
                sha256=r.sha256,
            )
            for r in rows
        ]

    def get_document(self, doc_id: str, version: int | None = None) -> AnnotatedDocument:
        """A stored document with its claims (the latest version unless one is named)."""
        d = documents_t
        query = select(d).where(d.c.doc_id == doc_id)
        if version is None:
            query = query.order_by(d.c.version.desc()).limit(1)
        else:
            query = query.where(d.c.version == version)
        with self._read() as conn:
            row = conn.execute(query).first()
            if row is None:
                what = doc_id if version is None else f"{doc_id} version {version}"
                raise UnknownDocumentError(f"no stored document {what}")
            records = conn.execute(
                select(claims_t.c.record)
                .where(claims_t.c.doc_id == doc_id, claims_t.c.version == row.version)
                .order_by(claims_t.c.idx)
            ).scalars()
            claims = [Claim.model_validate(r) for r in records]
        document = Document(
            id=row.doc_id,
            name=row.name,
            source_format=row.source_format,
            sha256=row.sha256,
            text=row.text,
        )
        return AnnotatedDocument(document=document, claims=claims)

    def find_documents(self, name_or_id: str) -> list[DocumentInfo]:
        """Latest versions whose id or file name equals ``name_or_id`` (case-insensitive)."""
        key = name_or_id.strip().casefold()
        return [
            info
            for info in self.list_documents()
            if info.doc_id == name_or_id.strip()
            or info.name.casefold() == key
            or Path(info.name).stem.casefold() == key
        ]

    # -- the claims table ------------------------------------------------------------

    def claims_frame(self, doc_id: str | None = None) -> pd.DataFrame:
        """One row per claim of the latest version of each document, with its review.

        One query reads claim ids and reviews. Stored versions never change, so each
        version's parsed claim records are kept in memory after the first read: later
        calls (after every review save, say) parse no JSON. Treat list cells as read-only.
        """
        latest = select(
            documents_t.c.doc_id, func.max(documents_t.c.version).label("version")
        ).group_by(documents_t.c.doc_id)
        if doc_id is not None:
            latest = latest.where(documents_t.c.doc_id == doc_id)
        lv = latest.subquery()
        c, d, r = claims_t, documents_t, reviews_t
        query = (
            select(
                d.c.doc_id,
                d.c.version,
                d.c.sha256,
                d.c.imported_at,
                d.c.name,
                c.c.claim_id,
                r.c.status,
                r.c.reviewer,
                r.c.note,
                r.c.strength_override,
                r.c.links,
                r.c.version.label("review_version"),
                r.c.updated_at,
            )
            .select_from(lv)
            .join(d, (d.c.doc_id == lv.c.doc_id) & (d.c.version == lv.c.version))
            .join(c, (c.c.doc_id == lv.c.doc_id) & (c.c.version == lv.c.version))
            .outerjoin(r, r.c.claim_id == c.c.claim_id)
            .order_by(d.c.name, d.c.doc_id, c.c.idx)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
            keys = {(row[0], row[1], row[2], _utc(row[3])) for row in rows}
            with self._cache_lock:
                missing = [k for k in keys if k not in self._records]
            if missing:
                loaded = self._load_records(conn, missing)
                with self._cache_lock:
                    if doc_id is None:  # forget versions that are no longer the latest
                        self._records = {k: v for k, v in self._records.items() if k in keys}
                    self._records.update(loaded)
            with self._cache_lock:
                cache = dict(self._records)
        records = [cache[(row[0], row[1], row[2], _utc(row[3]))][row[5]] for row in rows]
        frame = pd.DataFrame(records, columns=list(FRAME_COLUMNS))
        frame["doc_name"] = [row[4] for row in rows]
        frame["doc_version"] = pd.Series([row[1] for row in rows], dtype="int64")
        frame["status"] = [row[6] or "unreviewed" for row in rows]
        frame["reviewer"] = pd.Series([row[7] for row in rows], dtype="object")
        frame["note"] = [row[8] or "" for row in rows]
        frame["strength_override"] = pd.Series([row[9] for row in rows], dtype="object")
        frame["links"] = pd.Series(
            [list(row[10]) if row[10] else [] for row in rows], dtype="object"
        )
        frame["review_version"] = pd.Series([row[11] or 0 for row in rows], dtype="int64")
        frame["updated_at"] = pd.Series([_utc(row[12]) for row in rows], dtype="object")
        return frame

    @staticmethod
    def _load_records(
        conn: Connection, keys: Sequence[_VersionKey]
    ) -> dict[_VersionKey, dict[str, dict[str, Any]]]:
        """Parsed claim records of the given document versions, by claim id.

        Records come back as JSON text and are parsed in one ``json.loads`` call.
        """
        by_version = {(k[0], k[1]): k for k in keys}
        out: dict[_VersionKey, dict[str, dict[str, Any]]] = {k: {} for k in keys}
        for chunk in _chunks(list(by_version)):
            rows = conn.execute(
                select(
                    claims_t.c.doc_id, claims_t.c.version, sa_cast(claims_t.c.record, Text)
                ).where(tuple_(claims_t.c.doc_id, claims_t.c.version).in_(chunk))
            ).all()
            parsed = json.loads("[" + ",".join(row[2] for row in rows) + "]")
            for row, record in zip(rows, parsed, strict=True):
                out[by_version[(row[0], row[1])]][record["id"]] = record
        return out

    # -- reviews ---------------------------------------------------------------------

    @staticmethod
    def _known_claims(conn: Connection, claim_ids: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for chunk in _chunks(claim_ids):
            known.update(
                conn.execute(
                    select(claims_t.c.claim_id).where(claims_t.c.claim_id.in_(chunk)).distinct()
                ).scalars()
            )
        return known

    @staticmethod
    def _review_from_row(claim_id: str, row: Any) -> Review:
        if row is None:
            return Review(claim_id=claim_id)
        return Review(
            claim_id=claim_id,
            status=row.status,
            reviewer=row.reviewer,
            note=row.note or "",
            strength_override=row.strength_override,
            links=list(row.links or []),
            version=row.version,
            updated_at=_utc(row.updated_at),
        )

    def get_review(self, claim_id: str) -> Review:
        """The claim's review; an ``unreviewed`` one at version 0 if never saved."""
        with self._read() as conn:
            row = conn.execute(select(reviews_t).where(reviews_t.c.claim_id == claim_id)).first()
            if row is None and not self._known_claims(conn, [claim_id]):
                raise ReviewError(f"unknown claim id {claim_id!r}")
        return self._review_from_row(claim_id, row)

    def reviews(self, claim_ids: Sequence[str] | None = None) -> dict[str, Review]:
        """Saved reviews by claim id (all, or those of ``claim_ids``); unsaved ones absent."""
        with self._read() as conn:
            if claim_ids is None:
                rows = list(conn.execute(select(reviews_t)))
            else:
                rows = []
                for chunk in _chunks(list(dict.fromkeys(claim_ids))):
                    rows.extend(
                        conn.execute(select(reviews_t).where(reviews_t.c.claim_id.in_(chunk)))
                    )
        return {row.claim_id: self._review_from_row(row.claim_id, row) for row in rows}

    def save_review(
        self,
        claim_id: str,
        *,
        reviewer: str,
        base_version: int,
        status: str | None = None,
        note: str | None = None,
        strength_override: str | None = None,
        clear_override: bool = False,
        links: list[str] | None = None,
    ) -> Review:
        """Save changed review fields if nobody saved since ``base_version``.

        Raises ``ConflictError`` (nothing written) when the stored version differs, and
        ``ReviewError`` for an invalid status, strength, link, reviewer or claim id. Writes
        one audit entry per changed field and bumps the version; a save that changes
        nothing writes nothing and returns the stored review.
        """
        name = _check_reviewer(reviewer)
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = check_status(status)
        if note is not None:
            if not isinstance(note, str) or len(note) > MAX_NOTE_CHARS:
                raise ReviewError(f"note must be text of at most {MAX_NOTE_CHARS} characters")
            changes["note"] = note
        if clear_override:
            changes["strength_override"] = None
        elif strength_override is not None:
            if strength_override not in STRENGTHS:
                raise ReviewError(
                    f"invalid strength {strength_override!r}; use one of: {', '.join(STRENGTHS)}"
                )
            changes["strength_override"] = strength_override
        if links is not None:
            changes["links"] = _check_links(links)
        try:
            with self._write() as conn:
                row = conn.execute(
                    select(reviews_t).where(reviews_t.c.claim_id == claim_id).with_for_update()
                ).first()
                if row is None and not self._known_claims(conn, [claim_id]):
                    raise ReviewError(f"unknown claim id {claim_id!r}")
                current = self._review_from_row(claim_id, row)
                if current.version != base_version:
                    raise ConflictError(
                        f"claim {claim_id} was saved by {current.reviewer or 'someone'} since "
                        f"version {base_version} (now version {current.version}); reload and retry"
                    )
                old = current.model_dump()
                changed = {k: v for k, v in changes.items() if old[k] != v}
                if not changed:
                    return current
                now = _now()
                new = {**old, **changed}
                values = {
                    "status": new["status"],
                    "reviewer": name,
                    "note": new["note"],
                    "strength_override": new["strength_override"],
                    "links": new["links"],
                    "version": base_version + 1,
                    "updated_at": now,
                }
                if row is None:
                    conn.execute(reviews_t.insert().values(claim_id=claim_id, **values))
                else:
                    done = conn.execute(
                        reviews_t.update()
                        .where(
                            reviews_t.c.claim_id == claim_id,
                            reviews_t.c.version == base_version,
                        )
                        .values(**values)
                    )
                    if done.rowcount != 1:
                        raise ConflictError(_raced(claim_id))
                conn.execute(
                    audit_t.insert(),
                    [
                        {
                            "claim_id": claim_id,
                            "reviewer": name,
                            "field": key,
                            "old": _audit_value(old[key]),
                            "new": _audit_value(value),
                            "at": now,
                        }
                        for key, value in changed.items()
                    ],
                )
                self._bump(conn)
        except IntegrityError:
            raise ConflictError(_raced(claim_id)) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"saving review of {claim_id} failed: {_short(exc)}") from None
        return Review(claim_id=claim_id, **values)

    def bulk_set_status(self, claim_ids: list[str], status: str, reviewer: str) -> int:
        """Set one status on many claims in one transaction; returns how many changed.

        Unknown claim ids refuse the whole batch (``ReviewError``); claims already in that
        status are left alone (no version bump, no audit entry).
        """
        check_status(status)
        name = _check_reviewer(reviewer)
        ids = list(dict.fromkeys(claim_ids))
        if not ids:
            return 0
        try:
            with self._write() as conn:
                unknown = set(ids) - self._known_claims(conn, ids)
                if unknown:
                    shown = ", ".join(sorted(unknown)[:3]) + (" ..." if len(unknown) > 3 else "")
                    raise ReviewError(f"unknown claim id(s): {shown}")
                existing: dict[str, tuple[str, int]] = {}
                for chunk in _chunks(ids):
                    for row in conn.execute(
                        select(reviews_t.c.claim_id, reviews_t.c.status, reviews_t.c.version)
                        .where(reviews_t.c.claim_id.in_(chunk))
                        .with_for_update()
                    ):
                        existing[row.claim_id] = (row.status, row.version)
                now = _now()
                inserts: list[dict[str, Any]] = []
                updates: list[dict[str, Any]] = []
                audits: list[dict[str, Any]] = []
                for cid in ids:
                    old_status, version = existing.get(cid, ("unreviewed", 0))
                    if old_status == status:
                        continue
                    audits.append(
                        {
                            "claim_id": cid,
                            "reviewer": name,
                            "field": "status",
                            "old": old_status,
                            "new": status,
                            "at": now,
                        }
                    )
                    if cid in existing:
                        updates.append({"b_id": cid, "b_version": version})
                    else:
                        inserts.append(
                            {
                                "claim_id": cid,
                                "status": status,
                                "reviewer": name,
                                "note": "",
                                "strength_override": None,
                                "links": [],
                                "version": 1,
                                "updated_at": now,
                            }
                        )
                if inserts:
                    conn.execute(reviews_t.insert(), inserts)
                if updates:
                    stmt = (
                        reviews_t.update()
                        .where(
                            reviews_t.c.claim_id == bindparam("b_id"),
                            reviews_t.c.version == bindparam("b_version"),
                        )
                        .values(
                            status=status,
                            reviewer=name,
                            version=reviews_t.c.version + 1,
                            updated_at=now,
                        )
                    )
                    done = conn.execute(stmt, updates)
                    sane = conn.dialect.supports_sane_multi_rowcount
                    if sane and done.rowcount != len(updates):
                        raise ConflictError("claims were saved by someone else meanwhile; retry")
                if audits:
                    conn.execute(audit_t.insert(), audits)
                    self._bump(conn)
        except IntegrityError:
            raise ConflictError("claims were saved by someone else meanwhile; retry") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"bulk status change failed: {_short(exc)}") from None
        return len(audits)

    def audit_log(self, claim_id: str | None = None, limit: int = 500) -> list[AuditEntry]:
        """Audit entries, newest first (of one claim, or of all)."""
        query = select(audit_t).order_by(audit_t.c.id.desc()).limit(max(0, limit))
        if claim_id is not None:
            query = query.where(audit_t.c.claim_id == claim_id)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            AuditEntry(
                id=r.id,
                claim_id=r.claim_id,
                reviewer=r.reviewer,
                field=r.field,
                old=r.old,
                new=r.new,
                at=_utc(r.at),
            )
            for r in rows
        ]

    def data_version(self) -> int:
        """A counter bumped by every write, in any process (for cache invalidation)."""
        with self._read() as conn:
            value = conn.execute(
                select(meta_t.c.value).where(meta_t.c.key == "data_version")
            ).scalar_one()
        return int(value)


def _plain(value: Any) -> Any:
    """A frame cell as a JSON-ready value (NaN -> None, arrays -> lists)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        return value.tolist()
    return value


def frame_records(frame: pd.DataFrame, extra: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Claim records (``Claim.record()`` keys), the ``extra`` columns and the review keys
    of a ``claims_frame``, in frame order: what the CSV and JSONL exports write.

    Columns the frame lacks are left out; a missing note is "" and missing links [].
    """
    wanted = (*FRAME_COLUMNS, *extra, *EXPORT_REVIEW_KEYS)
    keys = [k for k in wanted if k in frame]
    records = []
    for row in frame[keys].to_dict("records"):
        record = {str(k): _plain(v) for k, v in row.items()}
        if record.get("links") is None:
            record["links"] = []
        record["note"] = record.get("note") or ""
        records.append(record)
    return records


def frame_reviews(frame: pd.DataFrame) -> dict[str, Mapping[str, Any]]:
    """Review keys by claim id from a ``claims_frame`` (the ``reviews`` argument of reports)."""
    return {str(r["id"]): {k: r.get(k) for k in EXPORT_REVIEW_KEYS} for r in frame_records(frame)}


def _raced(claim_id: str) -> str:
    return f"claim {claim_id} was saved by someone else meanwhile; reload and retry"


def _short(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's background link."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _sqlite_setup(engine: Engine) -> None:
    """WAL journal, enforced foreign keys, and explicit BEGIN (IMMEDIATE for writes)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("claims_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
