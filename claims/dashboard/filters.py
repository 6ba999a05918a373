"""Claim filters: the derived frame they run on, vectorised filtering, query strings.

A filtered view is shareable by link: ``to_query`` turns filters into query-string
parameters (comma-separated values) and ``from_query`` reads them back, dropping
unknown values with a note instead of failing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, get_args

import pandas as pd

from claims.highlight import mapping_items
from claims.models import (
    BOOSTER_CATEGORIES,
    CAVEAT_CATEGORIES,
    CLAIM_TYPES,
    FLAG_CODES,
    REVIEW_STATUSES,
    SEVERITIES,
    STRENGTHS,
    UnitKind,
)

UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)
NONE = "none"  # filter value meaning "has no such tag"

# Query-string key -> allowed values for multi-value filters.
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": UNIT_KINDS,
    "type": CLAIM_TYPES,
    "caveat": (*CAVEAT_CATEGORIES, NONE),
    "booster": (*BOOSTER_CATEGORIES, NONE),
    "strength": STRENGTHS,
    "flag": (*FLAG_CODES, NONE),
    "severity": SEVERITIES,
    "status": REVIEW_STATUSES,
}
MAX_QUERY_CHARS = 200


@dataclass(frozen=True, slots=True)
class Filters:
    """The dashboard's filter state; empty tuples / None / "" mean "no restriction"."""

    doc: str | None = None
    kind: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    caveat: tuple[str, ...] = ()
    booster: tuple[str, ...] = ()
    strength: tuple[str, ...] = ()
    flag: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    section: str | None = None
    q: str = ""

    def is_empty(self) -> bool:
        """True when no filter restricts the claims."""
        return self == Filters()


QUERY_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Filters))


def _values(raw: Any) -> list[str]:
    """Query-string value(s) as a flat list of comma-separated parts."""
    items = raw if isinstance(raw, list | tuple) else [raw]
    out: list[str] = []
    for item in items:
        if item is None:
            continue
        out.extend(p.strip() for p in str(item).split(",") if p.strip())
    return out


def _last(raw: Any) -> str:
    """A single-valued parameter (the last one when repeated), trimmed and bounded."""
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else ""
    return str(raw or "").strip()[:MAX_QUERY_CHARS]


def from_query(params: Mapping[str, Any]) -> tuple[Filters, list[str]]:
    """Filters from query parameters, plus a note for every value that was ignored."""
    notes: list[str] = []
    kwargs: dict[str, Any] = {}
    for key, allowed in CHOICES.items():
        if key not in params:
            continue
        chosen: list[str] = []
        for value in _values(params[key]):
            if value in allowed:
                if value not in chosen:
                    chosen.append(value)
            else:
                notes.append(f"ignored unknown {key} {value!r} in the link")
        kwargs[key] = tuple(chosen)
    for key in ("doc", "section"):
        if key in params:
            kwargs[key] = _last(params[key]) or None
    if "q" in params:
        kwargs["q"] = _last(params["q"])
    return Filters(**kwargs), notes


def to_query(filters: Filters) -> dict[str, str]:
    """Query parameters for the filters (only the keys that restrict something)."""
    out: dict[str, str] = {}
    for key in QUERY_KEYS:
        value = getattr(filters, key)
        if isinstance(value, tuple):
            if value:
                out[key] = ",".join(value)
        elif value:
            out[key] = str(value)
    return out


def with_values(filters: Filters, **changes: Any) -> Filters:
    """A copy with some fields changed (lists become tuples)."""
    clean: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()}
    return replace(filters, **clean)


# --- The derived frame ------------------------------------------------------------


def _strings(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [value]
    try:
        return [str(v) for v in value]
    except TypeError:
        return []


def _key(values: Iterable[str]) -> str:
    """A membership key like ``|modal|epistemic|`` (``|`` when empty)."""
    return "|" + "".join(f"{v}|" for v in values)


def _tags_text(items: list[Mapping[str, Any]], *label_keys: str) -> str:
    """Tags readable at a glance: ``may (modal); believed (epistemic)``."""
    parts = []
    for item in items:
        label = ", ".join(str(item.get(k, "")) for k in label_keys)
        parts.append(f"{item.get('text', '')} ({label})")
    return "; ".join(parts)


def prepare_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns that filters, tables and charts use (one pass per row).

    Columns added: ``*_key`` membership keys, readable ``*_txt`` tag columns,
    ``strength`` (the reviewer's override when set, else the annotated strength),
    ``worst_severity``, ``n_flags`` and ``search`` (the claim text, lower-cased).
    """
    out = frame.copy()
    caveats = [mapping_items(v) for v in out["caveats"]]
    boosters = [mapping_items(v) for v in out["boosters"]]
    evidence = [mapping_items(v) for v in out["evidence"]]
    flags = [mapping_items(v) for v in out["flags"]]
    types = [_strings(v) for v in out["claim_types"]]
    out["caveat_key"] = [_key(str(c.get("category")) for c in cs) for cs in caveats]
    out["booster_key"] = [_key(str(b.get("category")) for b in bs) for bs in boosters]
    out["flag_key"] = [_key(str(f.get("code")) for f in fs) for fs in flags]
    out["severity_key"] = [_key(str(f.get("severity")) for f in fs) for fs in flags]
    out["type_key"] = [_key(ts) for ts in types]
    out["caveats_txt"] = [_tags_text(cs, "category") for cs in caveats]
    out["boosters_txt"] = [_tags_text(bs, "category") for bs in boosters]
    out["evidence_txt"] = [_tags_text(es, "specificity", "design") for es in evidence]
    out["flags_txt"] = [
        "; ".join(f"{f.get('code')} ({f.get('severity')})" for f in fs) for fs in flags
    ]
    out["types_txt"] = [", ".join(ts) for ts in types]
    out["n_flags"] = pd.Series([len(fs) for fs in flags], index=out.index, dtype="int64")
    out["worst_severity"] = [
        next((s for s in SEVERITIES if f"|{s}|" in key), "") for key in out["severity_key"]
    ]
    if "status" not in out:
        out["status"] = "unreviewed"
    out["status"] = out["status"].fillna("unreviewed")
    if "strength_override" in out:
        override = out["strength_override"]
        out["strength"] = override.where(
            override.notna() & (override != ""), out["evidence_strength"]
        )
    else:
        out["strength"] = out["evidence_strength"]
    out["search"] = out["text"].astype(str).str.lower()
    return out


def _has_any(column: pd.Series, values: tuple[str, ...]) -> pd.Series:
    """Rows whose membership key contains any value (``none``: the key is empty)."""
    mask = pd.Series(False, index=column.index)
    real = [v for v in values if v != NONE]
    if real:
        pattern = r"\|(?:" + "|".join(re.escape(v) for v in real) + r")\|"
        mask |= column.str.contains(pattern, regex=True)
    if NONE in values:
        mask |= column == "|"
    return mask


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of a ``prepare_frame`` frame that pass every filter (vectorised).

    Values within one filter are alternatives (any of); different filters all apply.
    """
    mask = pd.Series(True, index=frame.index)
    if filters.doc:
        mask &= frame["doc_id"] == filters.doc
    if filters.kind:
        mask &= frame["kind"].isin(filters.kind)
    if filters.strength:
        mask &= frame["strength"].isin(filters.strength)
    if filters.status:
        mask &= frame["status"].isin(filters.status)
    if filters.section is not None:
        mask &= frame["section"] == filters.section
    for key, column in (
        ("type", "type_key"),
        ("caveat", "caveat_key"),
        ("booster", "booster_key"),
        ("flag", "flag_key"),
        ("severity", "severity_key"),
    ):
        values: tuple[str, ...] = getattr(filters, key)
        if values:
            mask &= _has_any(frame[column], values)
    if filters.q:
        mask &= frame["search"].str.contains(filters.q.lower(), regex=False)
    return frame[mask]
