"""Claim review dashboard: filter, read and review claim records stored by claims.store.

Run with ``streamlit run app.py``. The store URL comes from ``CLAIMS_DB_URL`` (else
``./claims.db``); an empty store is filled with the bundled samples on first start.
Filters live in the query string so a filtered view can be shared by link, and
``?claim=<id>`` opens a claim's detail. All HTML shown is built by claims.highlight from
escaped document text.
"""

from __future__ import annotations

import hashlib
import html
import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from claims.dashboard.filters import (
    CHOICES,
    QUERY_KEYS,
    Filters,
    apply_filters,
    from_query,
    prepare_frame,
    to_query,
)
from claims.dashboard.summary import flags_by_code, hedged_counts, metrics, strength_by_section
from claims.dashboard.table import (
    TABLE_COLUMNS,
    export_payloads,
    paragraph_bounds,
    table_frame,
)
from claims.errors import ClaimsError
from claims.highlight import claim_html, document_html, legend_html, render_span, styled
from claims.ingest import SUPPORTED_FORMATS
from claims.models import STRENGTHS, AnnotatedDocument
from claims.store import REVIEW_STATUSES, ConflictError, Store, default_url

SAMPLES_DIR = Path(__file__).parent / "data" / "samples"
SAMPLE_PATTERNS = tuple(f"*.{fmt}" for fmt in SUPPORTED_FORMATS)
UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
STRENGTH_COLORS: Any = ["#15803d", "#84cc16", "#f59e0b", "#d1d5db"]  # strong..none
NO_OVERRIDE = "(as annotated)"
ALL = "\x00all"  # selectbox value for "no restriction" (None would show as unselected)
FILTER_LABELS = {
    "kind": "Kind",
    "type": "Claim type",
    "caveat": "Caveat category",
    "booster": "Booster category",
    "strength": "Evidence strength",
    "flag": "Flag",
    "severity": "Flag severity",
    "status": "Review status",
}


# --- data access (cached) ----------------------------------------------------------


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """One Store (engine + pool) per database URL for the whole server process."""
    return Store(url)


@st.cache_data(show_spinner="Loading claims…", max_entries=4)
def load_frame(url: str, data_version: int) -> pd.DataFrame:
    """The prepared claims frame; ``data_version`` in the key makes writes invalidate it."""
    return prepare_frame(get_store(url).claims_frame())


@st.cache_data(show_spinner=False, max_entries=32)
def load_document(url: str, doc_id: str, version: int) -> AnnotatedDocument:
    """One stored document version (immutable, so cached by its version)."""
    return get_store(url).get_document(doc_id, version)


def import_samples(store: Store) -> list[str]:
    """Import every bundled sample into an empty store; returns one-line problems."""
    problems = []
    files = sorted(p for pattern in SAMPLE_PATTERNS for p in SAMPLES_DIR.glob(pattern))
    for path in files:
        try:
            store.import_file(path)
        except ClaimsError as exc:
            problems.append(str(exc))
        except Exception as exc:  # an engine bug must not hide the other samples
            problems.append(f"{path.name}: internal error ({type(exc).__name__}: {exc})")
    return problems


def signed_in_name() -> str | None:
    """The name or email of a user signed in through Streamlit auth, if it is configured."""
    try:
        info = st.user.to_dict()
    except Exception:  # auth not configured or not available in this runtime
        return None
    if not info.get("is_logged_in"):
        return None
    name = info.get("name") or info.get("email")
    return str(name) if name else None


# --- sidebar -----------------------------------------------------------------------


def init_filter_state() -> None:
    """On a session's first run, copy the query-string filters into widget state."""
    if st.session_state.get("_filters_loaded"):
        return
    filters, notes = from_query(st.query_params.to_dict())
    for key in CHOICES:
        st.session_state[f"f_{key}"] = list(getattr(filters, key))
    st.session_state["f_doc"] = filters.doc or ALL
    st.session_state["f_section"] = ALL if filters.section is None else filters.section
    st.session_state["f_q"] = filters.q
    st.session_state["_filter_notes"] = notes
    st.session_state["_filters_loaded"] = True


def upload_box(store: Store) -> None:
    """Upload and import documents; a bad file shows its one-line error."""
    files = st.sidebar.file_uploader(
        "Add documents", type=UPLOAD_TYPES, accept_multiple_files=True, key="upload"
    )
    done: set[str] = st.session_state.setdefault("_imported_uploads", set())
    for file in files or []:
        if file.file_id in done:
            continue
        done.add(file.file_id)
        name = Path(file.name).name or "upload.txt"
        try:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(file.getvalue())
                result = store.import_file(path)
        except ClaimsError as exc:
            # Name the file as the user knows it, not by its temporary path.
            problem = str(exc).replace(str(path), name)
            st.session_state.setdefault("_upload_msgs", []).append(("error", problem))
            continue
        except Exception as exc:  # an engine bug: still one line, never a traceback
            problem = f"{name}: internal error ({type(exc).__name__}: {exc})"
            st.session_state.setdefault("_upload_msgs", []).append(("error", problem))
            continue
        if result.unchanged:
            msg = f"{result.name}: unchanged, still version {result.version}"
        else:
            msg = (
                f"{result.name}: imported version {result.version} "
                f"({result.added} new, {result.carried} kept, {result.vanished} gone)"
            )
        st.session_state.setdefault("_upload_msgs", []).append(("success", msg))
    for level, msg in st.session_state.pop("_upload_msgs", []):
        (st.sidebar.error if level == "error" else st.sidebar.success)(msg)


def sidebar(store: Store, frame: pd.DataFrame) -> tuple[Filters, str]:
    """Document picker, upload, reviewer and filters; returns the filters and reviewer."""
    sb = st.sidebar
    sb.header("Claims")
    docs = {d.doc_id: d for d in store.list_documents()}
    if st.session_state.get("f_doc") not in (ALL, *docs):
        st.session_state["f_doc"] = ALL
    sb.selectbox(
        "Document",
        [ALL, *sorted(docs, key=lambda d: docs[d].name.casefold())],
        format_func=lambda d: "All documents" if d == ALL else docs[d].name,
        key="f_doc",
    )
    upload_box(store)

    who = signed_in_name()
    if who:
        sb.caption(f"Reviewing as **{who}** (signed in)")
        reviewer = who
    else:
        reviewer = sb.text_input("Reviewer name", key="reviewer", max_chars=100).strip()

    sb.subheader("Filters")
    sb.text_input("Search text", key="f_q", max_chars=200)
    for key, label in FILTER_LABELS.items():
        sb.multiselect(label, list(CHOICES[key]), key=f"f_{key}")
    doc_id = st.session_state.get("f_doc") or ALL
    scope = frame if doc_id == ALL else frame[frame["doc_id"] == doc_id]
    sections = sorted({str(s) for s in scope["section"] if s})
    current = st.session_state.get("f_section") or ALL
    if current != ALL and current not in sections:
        sections.append(current)
    sb.selectbox(
        "Section",
        [ALL, *sections],
        format_func=lambda s: "All sections" if s == ALL else s,
        key="f_section",
    )
    sb.button("Clear filters", on_click=clear_filters)
    for note in st.session_state.pop("_filter_notes", []):
        sb.warning(note)
    section = st.session_state.get("f_section") or ALL
    filters = Filters(
        doc=None if doc_id == ALL else doc_id,
        section=None if section == ALL else section,
        q=str(st.session_state.get("f_q") or "").strip(),
        **{key: tuple(st.session_state.get(f"f_{key}") or ()) for key in CHOICES},
    )
    sync_query(filters)
    return filters, reviewer


def clear_filters() -> None:
    """Reset every filter widget (a callback, so it runs before the widgets exist)."""
    for key in CHOICES:
        st.session_state[f"f_{key}"] = []
    st.session_state["f_section"] = ALL
    st.session_state["f_q"] = ""


def sync_query(filters: Filters) -> None:
    """Write the filters into the URL (keeping ``claim``) so the view can be shared."""
    wanted = to_query(filters)
    for key in QUERY_KEYS:
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


# --- main area ---------------------------------------------------------------------


def summary(view: pd.DataFrame) -> None:
    """Counts and small charts of the filtered claims."""
    m = metrics(view)
    cols = st.columns(6)
    cols[0].metric("Claims", m["claims"])
    cols[1].metric("Statements", m["statements"])
    cols[2].metric("Hedged", m["hedged"])
    cols[3].metric("Flagged", m["flagged"])
    cols[4].metric("High severity", m["high"])
    cols[5].metric("Reviewed", m["reviewed"])
    if view.empty:
        return
    with st.expander("Charts", expanded=False):
        c1, c2, c3 = st.columns(3)
        c1.caption("Evidence strength by section")
        c1.bar_chart(strength_by_section(view), horizontal=True, color=STRENGTH_COLORS, sort=False)
        c2.caption("Flags by code")
        c2.bar_chart(flags_by_code(view), horizontal=True, sort=False)
        c3.caption("Statements: hedged vs not, by evidence strength")
        c3.bar_chart(hedged_counts(view), horizontal=True, color=STRENGTH_COLORS, sort=False)


def claims_table(view: pd.DataFrame, filters: Filters) -> str | None:
    """The filtered claims table; returns the id of a row the user just selected."""
    ids = view["id"].tolist()
    state_key = hashlib.sha1(
        json.dumps([to_query(filters), ids[:1], ids[-1:], len(ids)]).encode()
    ).hexdigest()[:12]
    key = f"table_{state_key}"
    event = st.dataframe(
        table_frame(view),
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height="auto",
        column_config={
            **TABLE_COLUMNS,
            "text": st.column_config.TextColumn("Claim", width="large"),
            "number": st.column_config.NumberColumn("#", width="small"),
        },
    )
    rows = list(event.selection.rows) if event is not None else []
    selected = str(ids[rows[0]]) if rows and 0 <= rows[0] < len(ids) else None
    seen = st.session_state.get("_table_seen")
    st.session_state["_table_seen"] = (key, selected)
    if seen == (key, selected):
        return None
    if selected is None:
        if seen is not None and seen[0] == key and seen[1] is not None:
            return ""  # the user cleared the selection
        return None
    return selected


def review_form(store: Store, row: pd.Series, reviewer: str) -> None:
    """Status, note, strength override and evidence links, saved with base_version."""
    cid = str(row["id"])
    review = store.get_review(cid)
    base_key = f"rv_base_{cid}"
    keys = {f: f"rv_{f}_{cid}" for f in ("status", "note", "strength", "links")}
    if base_key not in st.session_state:
        st.session_state[base_key] = review.version
        st.session_state[keys["status"]] = review.status
        st.session_state[keys["note"]] = review.note
        st.session_state[keys["strength"]] = review.strength_override or NO_OVERRIDE
        st.session_state[keys["links"]] = "\n".join(review.links)
    with st.form(f"review_form_{cid}"):
        st.selectbox("Status", list(REVIEW_STATUSES), key=keys["status"])
        st.selectbox(
            "Evidence strength (reviewer)", [NO_OVERRIDE, *STRENGTHS], key=keys["strength"]
        )
        st.text_area("Note", key=keys["note"], height=90)
        st.text_area("Evidence links (DOI, PMID, NCT id or URL; one per line)", key=keys["links"])
        submitted = st.form_submit_button("Save review", type="primary")
    if submitted:
        save_review(store, cid, reviewer, base_key, keys)
    conflict = st.session_state.get(f"rv_conflict_{cid}")
    if conflict:
        st.error(conflict)
        if st.button("Use their version as my base (keep my input)", key=f"rv_rebase_{cid}"):
            st.session_state[base_key] = store.get_review(cid).version
            st.session_state.pop(f"rv_conflict_{cid}", None)
            st.rerun()
    for msg in st.session_state.pop(f"rv_saved_{cid}", []):
        st.success(msg)


def save_review(store: Store, cid: str, reviewer: str, base_key: str, keys: dict[str, str]) -> None:
    """Save the form; a conflict keeps the typed input and explains what happened."""
    if not reviewer:
        st.warning("Enter your reviewer name in the sidebar before saving.")
        return
    strength = st.session_state[keys["strength"]]
    links = [x.strip() for x in str(st.session_state[keys["links"]]).splitlines() if x.strip()]
    try:
        saved = store.save_review(
            cid,
            reviewer=reviewer,
            base_version=int(st.session_state[base_key]),
            status=st.session_state[keys["status"]],
            note=str(st.session_state[keys["note"]]),
            strength_override=None if strength == NO_OVERRIDE else strength,
            clear_override=strength == NO_OVERRIDE,
            links=links,
        )
    except ConflictError:
        latest = store.get_review(cid)
        st.session_state[f"rv_conflict_{cid}"] = (
            f"Not saved: {latest.reviewer or 'someone'} saved this claim since you opened it "
            f"(now status '{latest.status}', note {latest.note[:80]!r}). Your input is kept "
            "below; compare, then use their version as your base and save again."
        )
        return
    except ClaimsError as exc:
        st.error(f"Not saved: {exc}")
        return
    st.session_state[base_key] = saved.version
    st.session_state.pop(f"rv_conflict_{cid}", None)
    st.session_state[f"rv_saved_{cid}"] = [f"Saved (version {saved.version})."]
    st.rerun()


def claim_detail(store: Store, url: str, row: pd.Series, reviewer: str) -> None:
    """Highlighted sentence, flags with reasons, paragraph, review form and history."""
    doc = load_document(url, str(row["doc_id"]), int(row["doc_version"]))
    text = doc.document.text
    record = {str(k): v for k, v in row.items()}
    st.subheader(f"Claim {int(row['index']) + 1} of {doc.document.name}")
    st.caption(
        f"{row['kind']} · section: {row['section'] or '—'} · evidence: "
        f"{row['evidence_strength']}"
        + (f" (reviewer: {row['strength']})" if row["strength"] != row["evidence_strength"] else "")
        + f" · types: {row['types_txt'] or '—'} · id {row['id']}"
    )
    st.html(styled(legend_html() + f"<p>{claim_html(text, record)}</p>"))
    flags = record.get("flags") or []
    if len(flags):
        for flag in flags:
            line = f"**{flag['code']}** ({flag['severity']}): {flag['message']}"
            (st.error if flag["severity"] == "high" else st.warning)(line, icon=":material/flag:")
    else:
        st.info("No flags.")
    tags = [
        ("Caveats", row["caveats_txt"]),
        ("Boosters", row["boosters_txt"]),
        ("Evidence", row["evidence_txt"]),
    ]
    st.html(
        styled(
            "<ul>"
            + "".join(
                f"<li><b>{label}:</b> {html.escape(str(value))}</li>"
                for label, value in tags
                if value
            )
            + "</ul>"
        )
    )
    lo, hi = paragraph_bounds(text, int(row["start"]), int(row["end"]))
    with st.expander("Surrounding paragraph", expanded=True):
        before = render_span(text, lo, int(row["start"]), [])
        after = render_span(text, int(row["end"]), hi, [])
        st.html(
            styled(
                f'<div class="claims-doc">{before}<span class="claim selected">'
                f"{claim_html(text, record)}</span>{after}</div>"
            )
        )
    review_form(store, row, reviewer)
    history = store.audit_log(str(row["id"]), limit=100)
    with st.expander(f"Review history ({len(history)})", expanded=bool(history)):
        if history:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "at": h.at,
                            "reviewer": h.reviewer,
                            "field": h.field,
                            "old": h.old,
                            "new": h.new,
                        }
                        for h in history
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
        else:
            st.caption("No changes yet.")


def document_view(
    url: str, frame: pd.DataFrame, view: pd.DataFrame, filters: Filters, selected: str | None
) -> None:
    """The whole document with every claim highlighted and linked to its detail."""
    doc_ids = list(dict.fromkeys(view["doc_id"])) or list(dict.fromkeys(frame["doc_id"]))
    if not doc_ids:
        st.info("No documents.")
        return
    names = dict(zip(frame["doc_id"], frame["doc_name"], strict=False))
    default = 0
    if selected is not None:
        hit = frame.loc[frame["id"] == selected, "doc_id"]
        if len(hit) and hit.iloc[0] in doc_ids:
            default = doc_ids.index(hit.iloc[0])
    doc_id = st.selectbox(
        "Document to read", doc_ids, index=default, format_func=lambda d: names.get(d, d)
    )
    rows = frame[frame["doc_id"] == doc_id]
    doc = load_document(url, str(doc_id), int(rows["doc_version"].iloc[0]))
    only = st.toggle("Highlight only the filtered claims", value=False)
    shown = view[view["doc_id"] == doc_id] if only else rows
    st.caption("Click a claim to open its detail. Underline = evidence strength; tint = flags.")
    records = shown.to_dict("records")
    params = to_query(filters)

    def link(claim_id: str) -> str:
        return "?" + urlencode({**params, "claim": claim_id})

    body = document_html(doc.document.text, records, link=link, selected=selected)
    st.html(styled(legend_html(document=True) + body))


def bulk_and_export(store: Store, url: str, view: pd.DataFrame, reviewer: str) -> None:
    """Bulk status change (with confirmation) and downloads of the filtered set."""
    st.subheader("Bulk review")
    c1, c2 = st.columns([2, 1])
    status = c1.selectbox(
        "New status for all filtered claims", list(REVIEW_STATUSES), key="bulk_status"
    )
    if c2.button(f"Set status of {len(view)} claims…", disabled=view.empty):
        st.session_state["_bulk"] = {"status": status, "ids": view["id"].tolist()}
    pending = st.session_state.get("_bulk")
    if pending:
        st.warning(
            f"Set the status of {len(pending['ids'])} claims to '{pending['status']}'? "
            "This is recorded in each claim's history."
        )
        b1, b2 = st.columns(2)
        if b1.button("Confirm", type="primary"):
            if not reviewer:
                st.error("Enter your reviewer name in the sidebar first.")
            else:
                try:
                    n = store.bulk_set_status(pending["ids"], pending["status"], reviewer)
                except ClaimsError as exc:
                    st.error(f"Not changed: {exc}")
                else:
                    st.session_state.pop("_bulk", None)
                    st.session_state["_bulk_done"] = f"Changed {n} claims to '{pending['status']}'."
                    st.rerun()
        if b2.button("Cancel"):
            st.session_state.pop("_bulk", None)
            st.rerun()
    if msg := st.session_state.pop("_bulk_done", None):
        st.success(msg)

    st.subheader("Export the filtered claims")
    versions = dict(zip(view["doc_id"], view["doc_version"], strict=False))
    exports = export_payloads(view, lambda d: load_document(url, d, int(versions[d])))
    cols = st.columns(len(exports))
    for col, (label, (name, mime, make)) in zip(cols, exports.items(), strict=True):
        col.download_button(
            label, data=make, file_name=name, mime=mime, on_click="ignore", disabled=view.empty
        )


def main() -> None:
    """Lay out the dashboard for one script run."""
    st.set_page_config(page_title="Claim review", page_icon=":material/fact_check:", layout="wide")
    url = default_url()
    try:
        store = get_store(url)
    except ClaimsError as exc:
        st.error(str(exc))
        st.stop()
    if not st.session_state.get("_samples_checked"):
        st.session_state["_samples_checked"] = True
        if not store.list_documents():
            with st.spinner("Importing the bundled samples…"):
                for problem in import_samples(store):
                    st.warning(f"Sample not imported: {problem}")
    init_filter_state()
    frame = load_frame(url, store.data_version())
    filters, reviewer = sidebar(store, frame)
    # Uploads and saves change the data: reload (cached by version) after the sidebar.
    frame = load_frame(url, store.data_version())
    view = apply_filters(frame, filters)

    st.title("Claim review")
    summary(view)
    tab_claims, tab_doc, tab_bulk = st.tabs(["Claims", "Document", "Bulk & export"])
    with tab_claims:
        st.caption(
            f"{len(view)} of {len(frame)} claims match the filters. Select a row to review it."
        )
        picked = claims_table(view, filters)
        if picked == "":
            st.query_params.pop("claim", None)
        elif picked:
            st.query_params["claim"] = picked
        selected = st.query_params.get("claim")
        if selected:
            match = frame[frame["id"] == selected]
            if match.empty:
                st.warning(
                    "That claim is not in the store (or not in the latest document version)."
                )
            else:
                claim_detail(store, url, match.iloc[0], reviewer)
    with tab_doc:
        document_view(url, frame, view, filters, selected or None)
    with tab_bulk:
        bulk_and_export(store, url, view, reviewer)


main()
