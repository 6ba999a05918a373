"""The hand-labelled gold set: file format, loader, and a scorer in the guide's terms.

Format: one ``<doc>.gold.json`` per document, next to its source ``<doc>.txt`` (or
``.md`` / ``.html``)::

    {"document": "<source file name>",
     "statements": [
       {"text": "<the statement as in the extracted text>",
        "kind": "statement" | "heading" | "question",
        "caveats":  [{"text": "may", "category": "modal"}],
        "boosters": [{"text": "100%", "category": "absolute"}],
        "evidence": [{"text": "[1]", "specificity": "specific", "design": "rct"}],
        "evidence_strength": "strong" | "moderate" | "weak" | "none",
        "claim_types": ["efficacy", ...],
        "flags": ["needs_substantiation", ...]}]}

Statements are listed in document order, one per claim record the guide asks for
(ANNOTATION_GUIDE.md). Every key but ``text`` is optional (empty lists, ``statement``,
``none``). A cue's ``text`` must occur in its statement (case and whitespace are
ignored, whole words); when the same words occur more than once, ``"occurrence": n``
(1-based) says which one is meant. Evidence has no ``category``: its specificity is its
category and ``design`` defaults to ``unspecified``.

Scoring: gold and predicted statements are aligned in order by normalised text (exact
first, then the most similar one left in the same gap). Segmentation P/R/F1 counts exact
matches only. Cues are located by text inside the aligned predicted statement and match
a predicted cue of the same category whose span overlaps (not one-to-one: a predicted
cue is correct when it overlaps a gold cue, a gold cue is found when a predicted cue
overlaps it). Cues of unaligned statements count as misses / false alarms. Evidence
strength accuracy is over aligned statements; claim types (micro) and flags (per code)
are P/R/F1 over statement-label pairs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, get_args

from claims.errors import ClaimsError, InputError
from claims.eval.metrics import Counts, overlaps, share
from claims.ids import normalise
from claims.models import (
    BOOSTER_CATEGORIES,
    CAVEAT_CATEGORIES,
    CLAIM_TYPES,
    DESIGNS,
    FLAG_CODES,
    SPECIFICITIES,
    STRENGTHS,
    Booster,
    Caveat,
    Claim,
    Evidence,
    Flag,
    UnitKind,
)

KINDS: tuple[UnitKind, ...] = get_args(UnitKind)
CUE_GROUPS: tuple[str, ...] = ("caveat", "booster", "evidence")
_GROUP_KEYS = {"caveat": "caveats", "booster": "boosters", "evidence": "evidence"}
_GROUP_CATEGORIES: dict[str, tuple[str, ...]] = {
    "caveat": CAVEAT_CATEGORIES,
    "booster": BOOSTER_CATEGORIES,
    "evidence": SPECIFICITIES,
}
FUZZY_ALIGN = 0.6  # minimum similarity to pair statements that differ in segmentation


@dataclass(frozen=True, slots=True)
class GoldCue:
    """A labelled cue: its words, category (specificity for evidence), design, occurrence."""

    text: str
    category: str
    design: str = "unspecified"
    occurrence: int = 1


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One labelled statement, heading or question."""

    text: str
    kind: str = "statement"
    cues: dict[str, tuple[GoldCue, ...]] = field(default_factory=dict)
    evidence_strength: str = "none"
    claim_types: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold file and the source document it labels."""

    gold_path: Path
    source: Path
    statements: tuple[GoldStatement, ...]


def find_cue(statement: str, cue: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th whole-word, case/space-insensitive match of ``cue``."""
    words = cue.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    if re.match(r"\w", words[0][0]):
        pattern = r"(?<!\w)" + pattern
    if re.match(r"\w", words[-1][-1]):
        pattern += r"(?!\w)"
    for n, m in enumerate(re.finditer(pattern, statement, re.IGNORECASE), start=1):
        if n == occurrence:
            return m.start(), m.end()
    return None


def _need(cond: bool, where: str, problem: str) -> None:
    if not cond:
        raise InputError(where, problem)


def _str_list(raw: Any, where: str, key: str, allowed: Sequence[str]) -> frozenset[str]:
    value = raw.get(key, [])
    _need(isinstance(value, list), where, f"'{key}' must be a list")
    for v in value:
        _need(v in allowed, where, f"'{key}' has unknown value {v!r}")
    return frozenset(value)


def _parse_statement(raw: Any, where: str) -> GoldStatement:
    _need(isinstance(raw, dict), where, "a statement must be a JSON object")
    text = raw.get("text")
    _need(isinstance(text, str) and bool(text.strip()), where, "'text' must be non-empty")
    assert isinstance(text, str)
    known = {"text", "kind", "evidence_strength", "claim_types", "flags", "note"}
    unknown = set(raw) - known - set(_GROUP_KEYS.values())
    _need(not unknown, where, f"unknown keys {sorted(unknown)}")
    kind = raw.get("kind", "statement")
    _need(kind in KINDS, where, f"unknown kind {kind!r}")
    cues: dict[str, tuple[GoldCue, ...]] = {}
    for group, key in _GROUP_KEYS.items():
        items = raw.get(key, [])
        _need(isinstance(items, list), where, f"'{key}' must be a list")
        parsed = []
        for item in items:
            ok = isinstance(item, dict) and isinstance(item.get("text"), str)
            _need(ok, where, f"each of '{key}' needs a 'text'")
            cat = item.get("specificity" if group == "evidence" else "category")
            _need(cat in _GROUP_CATEGORIES[group], where, f"{key} {item['text']!r}: bad category")
            design = item.get("design", "unspecified")
            _need(design in DESIGNS, where, f"{key} {item['text']!r}: unknown design {design!r}")
            occ = item.get("occurrence", 1)
            _need(isinstance(occ, int) and occ >= 1, where, "'occurrence' must be an int >= 1")
            found = find_cue(text, item["text"], occ) is not None
            _need(found, where, f"{key} {item['text']!r} (occurrence {occ}) not in the statement")
            parsed.append(GoldCue(item["text"], cat, design, occ))
        cues[group] = tuple(parsed)
    strength = raw.get("evidence_strength", "none")
    _need(strength in STRENGTHS, where, f"unknown evidence_strength {strength!r}")
    return GoldStatement(
        text=text,
        kind=kind,
        cues=cues,
        evidence_strength=strength,
        claim_types=_str_list(raw, where, "claim_types", CLAIM_TYPES),
        flags=_str_list(raw, where, "flags", FLAG_CODES),
    )


def load_gold_file(path: str | Path) -> GoldDocument:
    """Read and validate one ``.gold.json`` file; ``InputError`` names the bad statement."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON ({exc})") from None
    _need(isinstance(raw, dict), str(path), "top level must be a JSON object")
    name = raw.get("document")
    _need(isinstance(name, str) and bool(name), str(path), "'document' must name the source")
    source = path.parent / str(name)
    _need(source.is_file(), str(path), f"source document {name!r} not found next to it")
    items = raw.get("statements")
    _need(isinstance(items, list) and bool(items), str(path), "'statements' must be non-empty")
    statements = tuple(
        _parse_statement(item, f"{path} statement {i}") for i, item in enumerate(items, start=1)
    )
    return GoldDocument(path, source, statements)


def load_gold_dir(directory: str | Path) -> list[GoldDocument]:
    """Every ``*.gold.json`` in ``directory`` (sorted by name)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(str(directory), "not a directory")
    files = sorted(directory.glob("*.gold.json"))
    if not files:
        raise InputError(str(directory), "no *.gold.json files")
    return [load_gold_file(f) for f in files]


# --- predictions ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredCueSpan:
    """A predicted cue relative to its statement's text."""

    group: str
    category: str
    start: int
    end: int
    text: str
    design: str = "unspecified"


def pred_cues(claim: Claim) -> list[PredCueSpan]:
    """A claim's caveats, boosters and evidence with statement-relative offsets."""
    out = [
        PredCueSpan("caveat", c.category, c.start - claim.start, c.end - claim.start, c.text)
        for c in claim.caveats
    ]
    out += [
        PredCueSpan("booster", b.category, b.start - claim.start, b.end - claim.start, b.text)
        for b in claim.boosters
    ]
    out += [
        PredCueSpan(
            "evidence", e.specificity, e.start - claim.start, e.end - claim.start, e.text, e.design
        )
        for e in claim.evidence
    ]
    return out


def _gold_spans(s: GoldStatement, group: str, start: int) -> list[tuple[GoldCue, str, int, int]]:
    """Each gold cue of ``group`` with its words as written and its document offsets."""
    out = []
    for cue in s.cues.get(group, ()):
        found = find_cue(s.text, cue.text, cue.occurrence)
        assert found is not None  # checked when loaded
        a, b = found
        out.append((cue, s.text[a:b], start + a, start + b))
    return out


def perfect_prediction(doc: GoldDocument) -> list[Claim]:
    """Claims built from the gold labels themselves (a scorer self-check: all 1.0)."""
    claims: list[Claim] = []
    start = 0  # statements laid end to end, a blank line apart
    for i, s in enumerate(doc.statements):
        caveats = [
            Caveat(text=t, start=a, end=b, category=c.category)
            for c, t, a, b in _gold_spans(s, "caveat", start)
        ]
        claims.append(
            Claim(
                id=f"gold{i}",
                doc_id="gold",
                index=i,
                kind=s.kind,
                section="",
                text=s.text,
                start=start,
                end=start + len(s.text),
                hedged=bool(caveats),
                caveats=caveats,
                boosters=[
                    Booster(text=t, start=a, end=b, category=c.category)
                    for c, t, a, b in _gold_spans(s, "booster", start)
                ],
                evidence=[
                    Evidence(text=t, start=a, end=b, specificity=c.category, design=c.design)
                    for c, t, a, b in _gold_spans(s, "evidence", start)
                ],
                evidence_strength=s.evidence_strength,
                claim_types=sorted(s.claim_types),
                flags=[Flag(code=f, severity="medium", message="gold") for f in sorted(s.flags)],
            )
        )
        start += len(s.text) + 2
    return claims


# --- alignment and scoring ------------------------------------------------------


def align(gold: Sequence[str], pred: Sequence[str]) -> list[tuple[int, int, bool]]:
    """Pairs ``(gold index, pred index, exact)`` in order; unpaired items are left out.

    Exact pairs come from a longest-matching-blocks diff of normalised texts; in each gap
    between them a gold statement pairs with the most similar remaining predicted one
    (similarity >= ``FUZZY_ALIGN``), keeping order.
    """
    g = [normalise(t) for t in gold]
    p = [normalise(t) for t in pred]
    pairs: list[tuple[int, int, bool]] = []
    matcher = SequenceMatcher(None, g, p, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k, True) for k in range(i2 - i1)]
            continue
        next_j = j1
        for i in range(i1, i2):
            best, best_j = FUZZY_ALIGN, -1
            for j in range(next_j, j2):
                ratio = SequenceMatcher(None, g[i], p[j], autojunk=False).ratio()
                if ratio >= best:
                    best, best_j = ratio, j
            if best_j >= 0:
                pairs.append((i, best_j, False))
                next_j = best_j + 1
    return pairs


@dataclass(slots=True)
class GoldReport:
    """Every count the gold scorer keeps, plus mismatch notes for ``--details``."""

    documents: int = 0
    segmentation: Counts = field(default_factory=Counts)
    cues: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {g: {c: Counts() for c in _GROUP_CATEGORIES[g]} for g in CUE_GROUPS}
    )
    cue_spans: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in CUE_GROUPS})
    strength_correct: int = 0
    strength_total: int = 0
    kind_correct: int = 0
    design_correct: int = 0
    design_total: int = 0
    claim_types: Counts = field(default_factory=Counts)
    type_counts: dict[str, Counts] = field(
        default_factory=lambda: {t: Counts() for t in CLAIM_TYPES}
    )
    flags: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FLAG_CODES})
    notes: list[str] = field(default_factory=list)
    engine_errors: list[str] = field(default_factory=list)

    def group_counts(self, group: str) -> Counts:
        """Micro-averaged counts over the categories of one cue group."""
        total = Counts()
        for c in self.cues[group].values():
            total.add(c)
        return total

    def overall_cues(self) -> Counts:
        """Micro-averaged counts over caveats, boosters and evidence."""
        total = Counts()
        for g in CUE_GROUPS:
            total.add(self.group_counts(g))
        return total

    def overall_cue_f1(self) -> float:
        """The single figure ``--min-f1`` checks."""
        return self.overall_cues().score().f1

    def flag_counts(self) -> Counts:
        """Micro-averaged flag counts over all codes."""
        total = Counts()
        for c in self.flags.values():
            total.add(c)
        return total

    def strength_accuracy(self) -> float:
        """Share of aligned statements whose evidence strength is right."""
        return share(self.strength_correct, self.strength_total)

    def kind_accuracy(self) -> float:
        """Share of aligned statements whose kind (statement/heading/question) is right."""
        return share(self.kind_correct, self.strength_total)

    def design_accuracy(self) -> float:
        """Share of found evidence mentions whose study design is right."""
        return share(self.design_correct, self.design_total)

    def as_dict(self) -> dict[str, Any]:
        """Machine-readable scores (``--json``)."""
        return {
            "documents": self.documents,
            "engine_errors": self.engine_errors,
            "segmentation": self.segmentation.as_dict(),
            "kind_accuracy": round(self.kind_accuracy(), 4),
            "cues": {
                g: {
                    "overall": self.group_counts(g).as_dict(),
                    "span_only": self.cue_spans[g].as_dict(),
                    "categories": {c: n.as_dict() for c, n in self.cues[g].items()},
                }
                for g in CUE_GROUPS
            },
            "overall_cues": self.overall_cues().as_dict(),
            "evidence_design_accuracy": round(self.design_accuracy(), 4),
            "evidence_strength_accuracy": round(self.strength_accuracy(), 4),
            "aligned_statements": self.strength_total,
            "claim_types": self.claim_types.as_dict(),
            "claim_types_by_type": {t: c.as_dict() for t, c in self.type_counts.items()},
            "flags": {
                "overall": self.flag_counts().as_dict(),
                "codes": {f: c.as_dict() for f, c in self.flags.items()},
            },
        }


def _score_pair(
    report: GoldReport, g: GoldStatement | None, claim: Claim | None, label: str
) -> None:
    """Score one aligned pair; ``None`` on either side means the other is unaligned."""
    preds = pred_cues(claim) if claim is not None else []
    for group in CUE_GROUPS:
        gold_cues = g.cues.get(group, ()) if g is not None else ()
        gspans: list[tuple[GoldCue, tuple[int, int] | None]] = [
            (c, find_cue(claim.text, c.text, c.occurrence) if claim is not None else None)
            for c in gold_cues
        ]
        pgroup = [p for p in preds if p.group == group]
        span_counts = report.cue_spans[group]
        for cue, span in gspans:
            counts = report.cues[group][cue.category]
            counts.n_gold += 1
            span_counts.n_gold += 1
            hits = [p for p in pgroup if span is not None and overlaps(span, (p.start, p.end))]
            if hits:
                span_counts.tp_gold += 1
            if any(p.category == cue.category for p in hits):
                counts.tp_gold += 1
            else:
                got = ", ".join(f"{p.text!r}({p.category})" for p in hits) or "nothing"
                report.notes.append(
                    f"{label}: missed {group} {cue.text!r}({cue.category}); got {got}"
                )
            if group == "evidence" and hits:
                report.design_total += 1
                report.design_correct += any(p.design == cue.design for p in hits)
        for p in pgroup:
            counts = report.cues[group].setdefault(p.category, Counts())
            counts.n_pred += 1
            span_counts.n_pred += 1
            hits_g = [c for c, s in gspans if s is not None and overlaps(s, (p.start, p.end))]
            if hits_g:
                span_counts.tp_pred += 1
            if any(c.category == p.category for c in hits_g):
                counts.tp_pred += 1
            else:
                report.notes.append(f"{label}: extra {group} {p.text!r}({p.category})")
    gold_types = g.claim_types if g is not None else frozenset()
    pred_types = frozenset(claim.claim_types) if claim is not None else frozenset()
    report.claim_types.add_matched(len(gold_types), len(pred_types), len(gold_types & pred_types))
    for t in gold_types | pred_types:
        in_gold, in_pred = t in gold_types, t in pred_types
        report.type_counts[t].add_matched(in_gold, in_pred, in_gold and in_pred)
    gold_flags = g.flags if g is not None else frozenset()
    pred_flags = frozenset(f.code for f in claim.flags) if claim is not None else frozenset()
    for code in gold_flags | pred_flags:
        in_gold, in_pred = code in gold_flags, code in pred_flags
        report.flags.setdefault(code, Counts()).add_matched(in_gold, in_pred, in_gold and in_pred)
    if g is not None and claim is not None:
        report.strength_total += 1
        report.strength_correct += g.evidence_strength == claim.evidence_strength
        report.kind_correct += g.kind == claim.kind
        if g.evidence_strength != claim.evidence_strength:
            report.notes.append(
                f"{label}: strength {claim.evidence_strength}, gold {g.evidence_strength}"
            )
        if gold_types != pred_types:
            report.notes.append(f"{label}: types {sorted(pred_types)}, gold {sorted(gold_types)}")
        if gold_flags != pred_flags:
            report.notes.append(f"{label}: flags {sorted(pred_flags)}, gold {sorted(gold_flags)}")


def score_document(report: GoldReport, doc: GoldDocument, claims: Sequence[Claim]) -> None:
    """Add one document's comparison to ``report``."""
    report.documents += 1
    gold = doc.statements
    pairs = align([s.text for s in gold], [c.text for c in claims])
    exact = sum(1 for _, _, ex in pairs if ex)
    report.segmentation.add_matched(len(gold), len(claims), exact)
    paired_g = {i for i, _, _ in pairs}
    paired_p = {j for _, j, _ in pairs}
    name = doc.source.name
    for i, j, _ in pairs:
        _score_pair(report, gold[i], claims[j], f"{name} #{i + 1} {gold[i].text[:50]!r}")
    for i, s in enumerate(gold):
        if i not in paired_g:
            report.notes.append(f"{name} #{i + 1}: gold statement not segmented: {s.text!r}")
            _score_pair(report, s, None, f"{name} #{i + 1}")
    for j, c in enumerate(claims):
        if j not in paired_p:
            report.notes.append(f"{name}: extra predicted statement: {c.text!r}")
            _score_pair(report, None, c, f"{name} pred {j + 1}")


def engine_prediction(doc: GoldDocument) -> list[Claim]:
    """The engine's claims for the gold document's source file."""
    from claims import annotate_file

    return list(annotate_file(doc.source).claims)


def score_gold_dir(
    docs: Sequence[GoldDocument],
    predict: Callable[[GoldDocument], Sequence[Claim]] | None = None,
) -> GoldReport:
    """Score predictions (the engine by default) against every gold document."""
    report = GoldReport()
    for doc in docs:
        try:
            claims = (predict or engine_prediction)(doc)
        except ClaimsError:
            raise
        except Exception as exc:  # an engine bug: score as no output, report it loudly
            report.engine_errors.append(f"{doc.source.name}: {type(exc).__name__}: {exc}")
            claims = []
        score_document(report, doc, claims)
    return report


def _line(label: str, counts: Counts) -> str:
    s = counts.score()
    return (
        f"  {label:<32} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
        f"   (gold {counts.n_gold}, pred {counts.n_pred})"
    )


def format_gold_report(report: GoldReport, details: bool = False) -> str:
    """Human-readable gold-set scores, optionally with every mismatch."""
    lines = [f"gold set: {report.documents} documents, {report.segmentation.n_gold} statements"]
    lines += [f"  ENGINE ERROR (scored as no output) {e}" for e in report.engine_errors]
    lines.append(_line("segmentation (exact)", report.segmentation))
    for group in CUE_GROUPS:
        lines.append(_line(f"{group} (all categories)", report.group_counts(group)))
        lines.append(_line(f"{group} span only", report.cue_spans[group]))
        for cat, counts in report.cues[group].items():
            if counts.n_gold or counts.n_pred:
                lines.append(_line(f"  {group}/{cat}", counts))
    lines.append(_line("OVERALL cues", report.overall_cues()))
    if report.design_total:
        lines.append(
            f"  evidence design accuracy         {report.design_accuracy():.3f}"
            f"   ({report.design_total} matched mentions)"
        )
    lines.append(
        f"  evidence strength accuracy       {report.strength_accuracy():.3f}"
        f"   ({report.strength_total} aligned statements)"
    )
    lines.append(_line("claim types (micro)", report.claim_types))
    for ctype, counts in report.type_counts.items():
        if counts.n_gold or counts.n_pred:
            lines.append(_line(f"  type/{ctype}", counts))
    lines.append(_line("flags (micro)", report.flag_counts()))
    for code, counts in report.flags.items():
        if counts.n_gold or counts.n_pred:
            lines.append(_line(f"  flag/{code}", counts))
    if details:
        notes = Counter(report.notes)
        lines.append("mismatches:")
        lines += [f"  {n}" + (f" (x{k})" if k > 1 else "") for n, k in notes.items()]
    return "\n".join(lines)
