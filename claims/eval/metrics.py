"""Precision / recall / F1 arithmetic and span overlap, shared by every scorer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (0.0 when undefined, so reports never divide by zero)."""

    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        """Rounded figures for JSON output."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def share(part: int, whole: int) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0 (an empty class scores nothing)."""
    return part / whole if whole else 0.0


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> PRF:
    """P = tp_pred / n_pred, R = tp_gold / n_gold, F1 their harmonic mean.

    Precision and recall take separate true-positive counts because overlap matching is
    not one-to-one: one long gold cue can be covered by two predicted cues.
    """
    p = share(tp_pred, n_pred)
    r = share(tp_gold, n_gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f)


@dataclass(slots=True)
class Counts:
    """Running counts for one scored class: predicted/gold totals and their hits."""

    n_pred: int = 0
    tp_pred: int = 0
    n_gold: int = 0
    tp_gold: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another set of counts into this one (micro-averaging)."""
        self.n_pred += other.n_pred
        self.tp_pred += other.tp_pred
        self.n_gold += other.n_gold
        self.tp_gold += other.tp_gold

    def add_matched(self, n_gold: int, n_pred: int, matched: int) -> None:
        """Count a one-to-one comparison: ``matched`` items are both gold and predicted."""
        self.n_gold += n_gold
        self.n_pred += n_pred
        self.tp_gold += matched
        self.tp_pred += matched

    def score(self) -> PRF:
        """P/R/F1 of the accumulated counts."""
        return prf(self.tp_pred, self.n_pred, self.tp_gold, self.n_gold)

    def as_dict(self) -> dict[str, float | int]:
        """Counts plus rounded P/R/F1, for JSON output."""
        out: dict[str, float | int] = {"n_pred": self.n_pred, "n_gold": self.n_gold}
        out.update(self.score().as_dict())
        return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the half-open spans ``[a0, a1)`` and ``[b0, b1)`` share a character."""
    return a[0] < b[1] and b[0] < a[1]
