"""Document-level ``inconsistent_certainty``: a statement drops caveats stated elsewhere.

A statement or heading with no caveat and no evidence that asserts efficacy, safety,
mechanism or a comparison is flagged when (a) the same proposition is stated with a
caveat elsewhere in the document, or (b) the document calls that subject experimental,
investigational, unproven or untested (ANNOTATION_GUIDE.md section 9). Approval status
alone does not count, and procedural facts are exempt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.models import Claim, Flag

_WORD = re.compile(r"[a-z][a-z-]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "as",
        "at",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "there",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "how",
        "than",
        "then",
        "so",
        "such",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "must",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "not",
        "no",
        "nor",
        "also",
        "more",
        "most",
        "other",
        "others",
        "some",
        "any",
        "all",
        "each",
        "every",
        "many",
        "much",
        "very",
        "into",
        "over",
        "under",
        "between",
        "after",
        "before",
        "while",
        "during",
        "about",
        "up",
        "out",
        "only",
        "just",
        "still",
        "even",
        "both",
        "either",
        "one",
        "two",
        "three",
        "new",
        "like",
        "well",
        "your",
        "you",
        "our",
        "we",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "i",
        "me",
        "my",
        "hair",
        "loss",
        "therapy",
        "treatment",
        "treatments",
    ]
)
_UNSETTLED = re.compile(
    r"experimental|investigational|unproven|not (?:yet )?(?:been )?(?:proven|tested|shown|"
    r"established|demonstrated)",
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"\b(?:minutes?|hours?|sessions?|an(?:a)?esthe\w+|return to work|appointment|takes? about|"
    r"outpatient|procedure takes)\b",
    re.IGNORECASE,
)
_UNCERTAIN = frozenset({"modal", "epistemic", "status"})
_GENERIC_EFFECTS = frozenset(
    {
        "result",
        "work",
        "worked",
        "help",
        "benefit",
        "effect",
        "effective",
        "treat",
        "outcome",
        "response",
        "respond",
        "solution",
        "improv",
        "improve",
        "safe",
        "risk",
        "gain",
        "gained",
    }
)
_ASSERTED = frozenset({"efficacy", "safety", "mechanism", "comparative"})


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Stemmed content words of a statement (its proposition, roughly)."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP}


def _subject_words(claim: Claim, cue_start: int) -> set[str]:
    """Content words of the subject a status cue is about: the words before the cue."""
    head = claim.text[: max(0, cue_start - claim.start)]
    head = re.sub(r"^(?:while|although|though|since|because|as)\b", "", head.strip(), flags=re.I)
    words = [_stem(w) for w in _WORD.findall(head.lower()) if w not in _STOP]
    return set(words[:4])


def is_asserting_heading(label: str) -> bool:
    """A list label or run-in label ('2. Natural Results:') asserts; a section title not."""
    stripped = label.strip()
    return stripped.endswith(":") or bool(re.match(r"^(?:\d+|[a-zA-Z])[.)]\s", stripped))


def _is_candidate(claim: Claim) -> bool:
    if claim.kind == "heading" and not (claim.boosters or is_asserting_heading(claim.text)):
        return False
    return (
        claim.kind != "question"
        and not claim.caveats
        and not claim.evidence
        and bool(_ASSERTED & set(claim.claim_types))
        and not _PROCEDURAL.search(claim.text)
    )


def inconsistent_certainty(doc_text: str, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with ``inconsistent_certainty`` flags added where they apply."""
    subjects: list[tuple[set[str], Claim]] = []
    hedged: list[tuple[set[str], Claim]] = []
    for claim in claims:
        if claim.kind == "question" or not claim.caveats:
            continue
        hedged.append((content_words(claim.text), claim))
        for cue in claim.caveats:
            if cue.category == "status" and _UNSETTLED.search(cue.text):
                words = _subject_words(claim, cue.start)
                if words:
                    subjects.append((words, claim))
    out = []
    for claim in claims:
        if not _is_candidate(claim):
            out.append(claim)
            continue
        words = content_words(claim.text)
        reason = _match_subject(words, subjects) or _match_hedged(words, hedged, claim)
        if reason is None:
            out.append(claim)
            continue
        flag = Flag(code="inconsistent_certainty", severity="medium", message=reason)
        out.append(claim.model_copy(update={"flags": [*claim.flags, flag]}))
    return out


def _match_subject(words: set[str], subjects: list[tuple[set[str], Claim]]) -> str | None:
    for subject, source in subjects:
        need = min(len(subject), 2)
        if len(subject & words) >= need:
            cue = next(c.text for c in source.caveats if _UNSETTLED.search(c.text))
            return f"asserted without caveat, but the document calls this '{cue}': " + _quote(
                source.text
            )
    return None


def effect_words(text: str) -> set[str]:
    """Stems of the specific outcomes a statement names ('shedding', 'thickens', 'risk')."""
    from claims.tagging import type_lexicon  # tagging imports this module

    out = set()
    for m in type_lexicon().finditer(text):
        if m.entry.category not in ("efficacy", "safety"):
            continue
        for word in _WORD.findall(text[m.start : m.end].lower()):
            stem = _stem(word)
            if word not in _STOP and stem not in _GENERIC_EFFECTS:
                out.add(stem)
    return out


def _match_hedged(
    words: set[str], hedged: list[tuple[set[str], Claim]], claim: Claim
) -> str | None:
    effects: set[str] | None = None
    for other_words, other in hedged:
        if other.id == claim.id:
            continue
        shared = words & other_words
        union = words | other_words
        same = len(shared) >= 3 and len(shared) / len(union) >= 0.4
        if not same and any(c.category in _UNCERTAIN for c in other.caveats):
            # the same effect stated with a hedge: "You may notice less shedding"
            effects = effect_words(claim.text) if effects is None else effects
            same = bool(effects & effect_words(other.text))
        if same:
            cue = next((c.text for c in other.caveats if c.category in _UNCERTAIN), None)
            cue = cue or other.caveats[0].text
            return f"asserted without caveat; stated with '{cue}' elsewhere: " + _quote(other.text)
    return None


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'
