"""Summary figures of a (filtered) claim frame: metrics and small chart tables.

All functions take a frame from ``filters.prepare_frame`` and return plain numbers or
small DataFrames ready for ``st.metric`` / ``st.bar_chart``.
"""

from __future__ import annotations

import pandas as pd

from claims.models import FLAG_CODES, STRENGTHS

NO_SECTION = "(no section)"
OTHER_SECTIONS = "(other sections)"


def metrics(frame: pd.DataFrame) -> dict[str, int]:
    """Headline counts: claims, statements, hedged, flagged, high severity, reviewed."""
    return {
        "claims": len(frame),
        "statements": int((frame["kind"] == "statement").sum()),
        "hedged": int(frame["hedged"].astype(bool).sum()),
        "flagged": int((frame["n_flags"] > 0).sum()),
        "high": int((frame["worst_severity"] == "high").sum()),
        "reviewed": int((frame["status"] != "unreviewed").sum()),
    }


def strength_by_section(frame: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Claim counts per section (rows) and evidence strength (columns, fixed order).

    Sections beyond the ``top`` largest are pooled so the chart stays readable.
    """
    if frame.empty:
        return pd.DataFrame(columns=list(STRENGTHS), dtype="int64")
    sections = frame["section"].fillna("").astype(str).replace("", NO_SECTION)
    keep = sections.value_counts().index[:top]
    sections = sections.where(sections.isin(keep), OTHER_SECTIONS)
    table = pd.crosstab(sections, frame["strength"])
    table = table.reindex(columns=list(STRENGTHS), fill_value=0)
    table.index.name = "section"
    order = table.sum(axis=1).sort_values(ascending=False).index
    return table.loc[order]


def flags_by_code(frame: pd.DataFrame) -> pd.DataFrame:
    """How many claims carry each flag code (all codes listed, zero included)."""
    counts = [
        int(frame["flag_key"].str.contains(f"|{code}|", regex=False).sum()) for code in FLAG_CODES
    ]
    return pd.DataFrame({"claims": counts}, index=pd.Index(list(FLAG_CODES), name="flag"))


def hedged_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Statements with and without caveats, by evidence strength."""
    statements = frame[frame["kind"] == "statement"]
    label = statements["hedged"].astype(bool).map({True: "hedged", False: "not hedged"})
    table = pd.crosstab(label, statements["strength"]) if len(statements) else pd.DataFrame()
    table = table.reindex(
        index=["hedged", "not hedged"], columns=list(STRENGTHS), fill_value=0
    ).fillna(0)
    table.index.name = "statements"
    return table.astype("int64")
