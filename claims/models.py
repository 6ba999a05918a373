"""Data models shared by every stage: extracted text, units, tags and claim records.

Every tag carries ``start``/``end`` offsets into the document's extracted text, so
``doc_text[start:end] == text`` holds for highlighting, exports and tests alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # pandas is imported only where a frame is built
    import pandas as pd

UnitKind = Literal["statement", "heading", "question"]
BlockKind = Literal["heading", "paragraph", "list_item", "reference"]
CaveatCategory = Literal["modal", "epistemic", "status", "limitation", "frequency"]
BoosterCategory = Literal["certainty", "absolute", "promotional"]
Specificity = Literal["specific", "named", "vague"]
Design = Literal[
    "systematic_review",
    "rct",
    "clinical_trial",
    "observational",
    "case_report",
    "preclinical",
    "anecdotal",
    "expert_opinion",
    "unspecified",
]
Strength = Literal["strong", "moderate", "weak", "none"]
ClaimType = Literal[
    "efficacy", "safety", "mechanism", "comparative", "research", "background", "other"
]
Severity = Literal["high", "medium", "low"]
FlagCode = Literal[
    "needs_substantiation",
    "overstated",
    "vague_source",
    "comparative_claim",
    "inconsistent_certainty",
]

CAVEAT_CATEGORIES: tuple[CaveatCategory, ...] = get_args(CaveatCategory)
BOOSTER_CATEGORIES: tuple[BoosterCategory, ...] = get_args(BoosterCategory)
SPECIFICITIES: tuple[Specificity, ...] = get_args(Specificity)
DESIGNS: tuple[Design, ...] = get_args(Design)
STRENGTHS: tuple[Strength, ...] = get_args(Strength)
CLAIM_TYPES: tuple[ClaimType, ...] = get_args(ClaimType)
FLAG_CODES: tuple[FlagCode, ...] = get_args(FlagCode)
# Claim types that assert something about a treatment: what reviewers must substantiate.
SUBSTANTIVE_TYPES: frozenset[str] = frozenset({"efficacy", "safety", "mechanism", "comparative"})
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
# A reviewer's decision on a claim (the store keeps it; the CLI and dashboard offer it).
REVIEW_STATUSES: tuple[str, ...] = (
    "unreviewed",
    "approved",
    "needs_evidence",
    "revise",
    "rejected",
)


# --- Extraction (internal, hot path: plain dataclasses) -------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """A structural block of extracted text: heading, paragraph, list item or reference.

    ``level`` is the heading level (1 = title) for headings and 0 otherwise.
    ``label_end`` ends a bold run-in label that opens the block ("**Rebuild cartilage:**
    our injections ..."), so the label is known by its typography; 0 when there is none.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    label_end: int = 0


@dataclass(slots=True)
class ExtractedText:
    """Plain text of a document plus the structure the source format told us."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    source_format: str = "txt"


@dataclass(frozen=True, slots=True)
class Unit:
    """One segment to annotate: a statement, heading or question with its span."""

    kind: UnitKind
    start: int
    end: int
    section: str = ""


# --- Public records (pydantic) --------------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """A piece of the document text: ``doc_text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Caveat(Span):
    """A hedge cue: marks the statement as uncertain, limited or not established."""

    category: CaveatCategory


class Booster(Span):
    """A cue that raises certainty or promise beyond what is usually supportable."""

    category: BoosterCategory


class Evidence(Span):
    """A phrase presenting a source or study as support for the statement."""

    specificity: Specificity
    design: Design = "unspecified"


class TypeCue(Span):
    """The words that made the tagger assign a claim type."""

    claim_type: ClaimType


class Flag(_Record):
    """Something a reviewer should look at, with a one-line reason."""

    code: FlagCode
    severity: Severity
    message: str


class Claim(_Record):
    """One claim record: a statement, heading or question with all of its tags."""

    id: str
    doc_id: str
    index: int
    kind: UnitKind
    section: str
    text: str
    start: int
    end: int
    hedged: bool
    caveats: list[Caveat] = Field(default_factory=list)
    boosters: list[Booster] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_strength: Strength = "none"
    claim_types: list[ClaimType] = Field(default_factory=list)
    type_cues: list[TypeCue] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The JSON-ready record (what ``jsonl`` export writes)."""
        return self.model_dump(mode="json")


class Document(_Record):
    """A document after extraction: its stable id, name and extracted text."""

    id: str
    name: str
    source_format: str
    sha256: str
    text: str


class AnnotatedDocument(_Record):
    """A document and its claim records, in document order."""

    document: Document
    claims: list[Claim]

    def to_frame(self) -> pd.DataFrame:
        """One row per claim; list columns keep their structured values."""
        return claims_frame(self.claims)


FRAME_COLUMNS: tuple[str, ...] = tuple(Claim.model_fields)


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """A DataFrame of claim records with a fixed column order (also when empty)."""
    import pandas as pd

    rows = [c.record() for c in claims]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
