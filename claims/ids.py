"""Stable identifiers: the same statement in a revised document keeps its id."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import PurePath

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form of a statement, used for identity."""
    return _SPACE.sub(" ", text).strip().casefold()


def doc_id_for(name: str) -> str:
    """Document id from its name (file name without folders), stable across revisions."""
    base = PurePath(name).name or name
    digest = hashlib.sha1(base.encode("utf-8")).hexdigest()[:10]
    return f"d{digest}"


def claim_ids(doc_id: str, texts: list[str]) -> list[str]:
    """Ids for statements in document order: doc id + normalised text + occurrence number.

    Edits elsewhere in the document leave an unchanged statement's id alone; the n-th
    repeat of the same text gets the n-th id.
    """
    seen: Counter[str] = Counter()
    ids = []
    for text in texts:
        norm = normalise(text)
        occurrence = seen[norm]
        seen[norm] += 1
        key = f"{doc_id}\x00{norm}\x00{occurrence}".encode()
        ids.append("c" + hashlib.sha1(key).hexdigest()[:15])
    return ids
