"""Document-level ``inconsistent_certainty``: a statement drops caveats stated elsewhere.

A statement or heading with no caveat and no evidence that asserts efficacy, safety,
mechanism or a comparison is flagged when (a) the same proposition is stated with a
caveat elsewhere in the document (the same words, the same outcome stems, or a benefit
in the same area of health, such as sleep or libido, hedged with "may" or "suggest"), or
(b) the document calls that subject experimental,
investigational, unproven or untested (ANNOTATION_GUIDE.md section 9). Approval status
alone does not count, and procedural facts are exempt.

An absolute promise of a benefit ("permanent results") in copy that hedges any claim
elsewhere is flagged too: hold-out labellers read such a promise as dropping the copy's
own caveats even where the hedged statement words the benefit differently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from claims.errors import LexiconError
from claims.lexicon import Lexicon, either_apostrophe, load_lexicon, read_packaged_yaml
from claims.models import SUBSTANTIVE_TYPES, Claim, Flag

_WORD = re.compile(r"[a-z][a-z-]+")
_STOP = frozenset(
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from",
        "as", "at", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
        "that", "these", "those", "their", "there", "which", "who", "whom", "whose", "what",
        "when", "where", "how", "than", "then", "so", "such", "can", "could", "may", "might",
        "will", "would", "should", "must", "do", "does", "did", "has", "have", "had", "not",
        "no", "nor", "also", "more", "most", "other", "others", "some", "any", "all", "each",
        "every", "many", "much", "very", "into", "over", "under", "between", "after", "before",
        "while", "during", "about", "up", "out", "only", "just", "still", "even", "both",
        "either", "one", "two", "three", "new", "like", "well", "your", "you", "our", "we",
        "they", "them", "he", "she", "his", "her", "i", "me", "my", "hair", "loss", "therapy",
        "treatment", "treatments",
    }
)  # fmt: skip
_UNSETTLED = re.compile(
    either_apostrophe(
        r"experimental|investigational|unproven|(?:not|n't) (?:yet )?(?:been )?(?:proven|"
        r"tested|shown|established|demonstrated)"
    ),
    re.IGNORECASE,
)
# Kinds of product an attributive status cue can describe ("an experimental pill").
_PRODUCTS = frozenset(
    {
        "drug", "pill", "compound", "vaccine", "therapy", "treatment", "device", "injection",
        "medicine", "medication", "molecule", "antibody", "implant", "tablet", "supplement",
        "procedure", "gene", "cell", "shot", "version", "formula", "hormone", "product",
    }
)  # fmt: skip
# what a predicative cue must be said of: research prose says "the step in T cells has not
# been demonstrated" of anything
_SOLD_PRODUCTS = _PRODUCTS - {"gene", "cell"}
_LEAD = 5  # the title, a standfirst, a byline and the lede
# what makes a safety statement a promise ("no liver damage", "the risk is minimised")
_SAFETY_PROMISE = re.compile(
    either_apostrophe(r"\b(?:no|not|never|without|didn't|minimi[sz]\w*|minimal)\b"),
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"\b(?:minutes?|hours?|sessions?|an(?:a)?esthe\w+|return to work|appointment|takes? about|"
    r"outpatient|procedure takes)\b",
    re.IGNORECASE,
)
_UNCERTAIN = frozenset({"modal", "epistemic", "status"})
# A blanket promise of no risk, and a risk the same document states elsewhere (a safety
# statement with a caveat or a named harm): the promise drops a caveat the copy itself
# gives ("no side effects" vs "may cause bloating", "generally considered safe, but").
# Read off the statement's absolute boosters, so a purchase term ("try it risk-free"),
# which the booster rules already set aside, promises nothing here either.
_NO_RISK = re.compile(
    r"(?:no|zero|without(?: any| the)?) (?:side[- ]effects|risks?|complications|irritation)|"
    r"risk[- ]free",
    re.IGNORECASE,
)
# "painless", "no downtime": contradicted only by a harm stated with a hedge ("you may feel
# sore", "halos are possible side effects"), not by a contraindication or "well tolerated"
_NO_PAIN = re.compile(r"painless|pain[- ]free|(?:no|zero) (?:pain|downtime)", re.IGNORECASE)
_HEDGE = frozenset({"modal", "epistemic"})
_RISK_STATED = re.compile(
    r"\b(?:may|can|could|might) (?:also )?(?:cause|trigger|lead to|raise|increase|notice)\b|"
    r"\bside[- ]effects? (?:include|such as|are|were|was|may|can)\b|\bsensitivity\b|"
    r"\birritation\b|\brisk of\b|\breported by \d",
    re.IGNORECASE,
)
_GENERIC_EFFECTS = frozenset(
    {
        "result", "work", "worked", "help", "benefit", "effect", "effective", "treat",
        "outcome", "response", "respond", "solution", "improv", "improve", "safe", "risk",
        "gain", "gained",
    }
)  # fmt: skip
_COMMON = 50
# An area of health named in more than this share of a document's statements (and in a
# few of them, not two in a short text) is its topic ("hair" on a hair clinic's page):
# too common to tell one effect from another.
_TOPIC_SHARE = 0.3
_TOPIC_MIN = 4
_AREA = "area:"  # effect keys of areas, apart from outcome stems


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem; a final "e" goes too, so "vaccine" and "vaccines" (-> "vaccin")
    meet."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> set[str]:
    """Stemmed content words of a statement (its proposition, roughly)."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP}


# "Low-level laser therapy (LLLT)": an abbreviation defined in brackets after its long form
_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})s?\)")
_LONG_FORM_WORDS = 8


def abbreviations(texts: Sequence[str]) -> dict[str, set[str]]:
    """Abbreviations a document defines, each with the content words of its long form.

    The long form is the shortest run of words before the bracket whose initials (of
    each hyphenated part too) spell the abbreviation's capital letters, as in Schwartz
    and Hearst's algorithm; "LLLT" then shares "laser" with "Laser therapy".
    """
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            letters = "".join(ch for ch in m.group(1) if ch.isupper()).lower()
            words = text[max(0, m.start() - 120) : m.start()].split()[-_LONG_FORM_WORDS:]
            for k in range(1, len(words) + 1):
                run = words[-k:]
                initials = "".join(part[0] for w in run for part in w.split("-") if part)
                if initials.lower() == letters:
                    key = _stem(m.group(1).lower())
                    found.setdefault(key, set()).update(content_words(" ".join(run)))
                    break
    return found


def _expanded(words: set[str], defined: dict[str, set[str]]) -> set[str]:
    """``words`` with the long-form words of any abbreviation among them."""
    extra = [defined[w] for w in words if w in defined]
    return words.union(*extra) if extra else words


# where a new clause with a subject of its own starts
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\b", re.IGNORECASE)
_SUBORDINATOR = re.compile(r"^(?:while|although|though|since|because|as)\b", re.IGNORECASE)


def _subject_words(claim: Claim, cue_start: int) -> set[str]:
    """Content words of the subject a status cue is about: the words before the cue, in
    its own clause when that names one ("No product is approved, and applying exosomes
    after microneedling is investigational" -> applying exosomes after microneedling)."""
    head = claim.text[: max(0, cue_start - claim.start)]
    for part in (_CLAUSE_BREAK.split(head)[-1], head):
        part = _SUBORDINATOR.sub("", part.strip())
        words = [_stem(w) for w in _WORD.findall(part.lower()) if w not in _STOP]
        # "Compounded versions have not been tested": the kind of product is generic, the
        # word that tells which product is the subject ("compounded semaglutide")
        if len(words) > 1 and words[-1] in _PRODUCTS:
            words.pop()
        if words:
            return set(words[:4])
    return set()


# "has not been tested in a dementia trial": the respect in which a subject is untested
# up to a relative clause, which says more about the trials than the respect ("in the
# large trials that led to Wegovy's approval")
_SCOPE = re.compile(
    r"\s+(?:in|for|on|against|to treat)\s+"
    r"((?:(?!\b(?:that|which|who|where|so|because|but)\b)[^,;:.()])+)",
    re.IGNORECASE,
)
_ANY_SCOPE = frozenset(
    _stem(w)
    for w in (
        "humans", "people", "person", "adults", "patients", "volunteers", "trials",
        "clinical", "studies", "study", "large", "larger", "randomized", "randomised",
        "controlled", "placebo-controlled", "real", "world", "proper", "rigorous",
        "quality", "high-quality", "well-designed", "independent", "published", "scientific",
        "research", "peer-reviewed", "long-term", "long", "term", "run", "yet", "properly",
        "formally",
    )
)  # fmt: skip


def _scope_words(claim: Claim, cue_end: int) -> frozenset[str]:
    """Content words of what a status cue is limited to ("in a dementia trial" ->
    {"dementia"}); none when it is untested in people or in trials at all."""
    m = _SCOPE.match(claim.text, max(0, cue_end - claim.start))
    if m is None:
        return frozenset()
    return frozenset(content_words(m.group(1)) - _ANY_SCOPE)


def _attributive_head(claim: Claim, cue_end: int) -> str | None:
    """The noun an attributive status cue describes ("An experimental oral drug cleared"
    -> "drug"): a kind of product among the next words ("Experimental Pill Lowers Blood
    Sugar" -> "pill"), else the last content word before a verb, adverb or function word."""
    words = _WORD.findall(claim.text[max(0, cue_end - claim.start) :].lower())[:4]
    product = next((w for w in words if _stem(w) in _PRODUCTS), None)
    if product is not None:
        return _stem(product)
    head = None
    for word in words:
        if word in _STOP or word.endswith(("ed", "ly")):
            break
        head = _stem(word)
    return head


_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "been", "yet", "still"})
_CLAUSE_OPENING = re.compile(r"[,;:]|\b(?:but|and|while|although|though)\b", re.IGNORECASE)


def _predicative_subject(claim: Claim, cue_start: int) -> str | None:
    """The noun a predicative status cue is said of ("but the synthetic version has not
    been tested in humans" -> "version"): the clause's last word before its auxiliaries."""
    head = _CLAUSE_OPENING.split(claim.text[: max(0, cue_start - claim.start)])[-1]
    words = [w for w in _WORD.findall(head.lower()) if w not in _AUXILIARIES]
    return _stem(words[-1]) if words else None


def _lead_reason(claims: Sequence[Claim]) -> str | None:
    """The reason to flag an unhedged claim about the product when the title or lede calls
    it experimental ("An experimental oral drug cleared ..."): then the whole document is
    about that product."""
    for claim in claims[:_LEAD]:
        for cue in claim.caveats:
            if (
                cue.category == "status"
                and _UNSETTLED.search(cue.text)
                and (
                    _attributive_head(claim, cue.end) in _PRODUCTS
                    or _predicative_subject(claim, cue.start) in _SOLD_PRODUCTS
                )
            ):
                said = next(c.text for c in claim.caveats if _UNSETTLED.search(c.text))
                return (
                    f"asserted without caveat, but the document calls its subject '{said}': "
                    + _quote(claim.text)
                )
    return None


def _about_the_product(claim: Claim) -> bool:
    """A benefit or a mechanism, or a safety promise ("no liver damage"); not a harm the
    copy reports ("nausea in 8% of patients"), which concedes rather than asserts."""
    types = set(claim.claim_types)
    if "safety" in types and "efficacy" not in types:
        return _SAFETY_PROMISE.search(claim.text) is not None
    return bool(types & {"efficacy", "mechanism"})


# A headline that makes a claim: a modal with its verb ("Tablet Could Offer ..."), an
# outcome verb ("Pill Lowers Blood Sugar"), a promised result ("A Brighter Smile in One
# Visit") or an imperative promise ("Move Freely Again"). Titles that open with a
# question word or "About" name a section ("How FlexiRoot Works").
_HEADLINE = re.compile(
    r"^(?!(?:how|what|why|when|where|who|which|about)\b)(?:"
    r".*\b(?:could|may|might|will) (?!be\b)[a-z]+"
    r"|.*\b(?:lowers|reduces|improves|increases|boosts|restores|regrows|stops|prevents|heals|"
    r"cures|repairs|relieves|eases|calms|soothes|fights|slows|reverses|protects|preserves|"
    r"whitens|lightens|brightens|rebuilds|strengthens|thickens|tightens|clears|erases|"
    r"eliminates|doubles|triples|halves|outperforms|regenerates|rejuvenates|revives|shrinks|"
    r"cuts|extends|kills|blocks|beats|treats|fixes|ends|sharpens|speeds|lowered|reduced|"
    r"improved|increased|boosted|restored|regrew|stopped|prevented|healed|cured|repaired|"
    r"relieved|eased|slowed|reversed|protected|preserved|cleared|erased|eliminated|doubled|"
    r"tripled|halved|outperformed|shrank|extended|killed|blocked|beat|treated|helps|helped|"
    r"lets|shed|sheds|lost|loses|keeps|cleans)\b"
    r"|(?:an? |your )?(?:brighter|whiter|thicker|fuller|younger|smoother|firmer|stronger|"
    r"healthier|denser|clearer|softer|better|faster|quicker|calmer|less|fewer)\b"
    r"|.*\b(?:linked to|tied to)\b"
    r"|.*, (?:(?:a |one )?(?:large|new|small|major) )?(?:study|studies|trial|research|review|"
    r"scientists|researchers|experts) (?:finds?|shows?|says?|suggests?)$"
    r"|.*\b(?:study|studies|trial|trials|research|review|scientists|researchers) (?:finds?|"
    r"shows?|tests?|links?|suggests?|ties|confirms?)\b"
    r"|(?:[^:]*:\s*)?(?:move|walk|sleep|feel|look|say|enjoy|regain|reclaim|wake|live|grow|"
    r"hear|see|breathe|smile|run)\b.*"
    r"\b(?:again|freely|younger|better|goodbye|forever)\b"
    r")",
    re.IGNORECASE,
)


def _promises_no_risk(claim: Claim, promise: re.Pattern[str] = _NO_RISK) -> bool:
    return any(b.category == "absolute" and promise.fullmatch(b.text) for b in claim.boosters)


# "no downtime, so you can go straight back to work": when you can work again, a
# procedural fact (holdout14 decision 17), not a promise that nothing will hurt
_BACK_TO_WORK = re.compile(r"\b(?:back (?:to|at)|return to) work\b", re.IGNORECASE)


def _promises_no_pain(claim: Claim) -> bool:
    return any(
        b.category == "absolute"
        and _NO_PAIN.fullmatch(b.text)
        and not ("downtime" in b.text.lower() and _BACK_TO_WORK.search(claim.text))
        for b in claim.boosters
    )


def _first_risk(
    claims: Sequence[Claim], promise: re.Pattern[str], stated: Callable[[Claim], bool]
) -> Claim | None:
    """The first safety statement that states a risk (``stated``) without itself making
    the ``promise`` it would contradict."""
    return next(
        (
            c
            for c in claims
            if "safety" in c.claim_types
            and c.kind != "question"
            and stated(c)
            and not _promises_no_risk(c, promise)
        ),
        None,
    )


_QUALITY_LABEL = re.compile(r"\w+(?:-\w+)+:|\w+(?:less|free|ive|able|ible|proof|ed|ing|ful):")


# Words of a run-in label that names a section's topic rather than a quality of the
# product ("Safety note:", "Side effects:", "How it works:", "What to expect:")
_TOPIC_WORDS = frozenset(
    {
        "safety", "note", "notes", "first", "important", "information", "info", "warning",
        "warnings", "caution", "precautions", "side", "effects", "risks", "tips", "aftercare",
        "disclaimer", "faq", "faqs", "summary", "key", "points", "facts", "how", "it", "works",
        "what", "to", "expect", "the", "science", "research", "please", "questions",
        "answers", "pricing", "prices", "costs", "ingredients", "dosage", "directions",
        "for", "use", "storage", "references", "sources", "about", "and", "quick", "general",
        "medical", "a",
    }
)  # fmt: skip
_LABEL_WORD = re.compile(r"[a-z]+")


def is_asserting_heading(label: str) -> bool:
    """A list label or run-in label ('2. Natural Results:') or a headline that makes a
    claim ('Experimental Pill Lowers Blood Sugar') asserts; a section title and a one-word
    topic label ('Photosensitivity:') do not."""
    stripped = label.strip()
    if stripped.endswith(":") and set(_LABEL_WORD.findall(stripped.lower())) <= _TOPIC_WORDS:
        return False  # "Safety note:", "Side effects:", "How it works:" name a topic
    if stripped.endswith(":") and " " not in stripped:
        # a one-word label names a topic ("Epilepsy:", "Eyes:") unless it is a quality
        # ("Non-invasive:", "Painless:")
        return _QUALITY_LABEL.fullmatch(stripped) is not None
    if stripped.endswith(":") or re.match(r"^(?:\d+|[a-zA-Z])[.)]\s", stripped):
        return True
    return _HEADLINE.match(stripped) is not None


# "Didn't notice any difference", "Not much change in my bloating": no benefit claimed
_NO_EFFECT = re.compile(
    r"\b(?:didn't|did not|don't|do not|doesn't|does not|not|hardly|barely)"
    r"(?:\s+[\w'’-]+){0,2}\s*$",
    re.IGNORECASE,
)
_NO_EFFECT_CUE = re.compile(
    r"(?:no|not much|little) (?:real |noticeable |visible )?(?:change|difference|improvement)",
    re.IGNORECASE,
)


def _asserts(claim: Claim) -> bool:
    types = set(claim.claim_types)
    # a statement that keeps its background type beside a benefit word describes the
    # condition ("Acne scars affect up to 1 in 5 adults", "there is still no cure")
    if not SUBSTANTIVE_TYPES & types or "background" in types:
        return False
    cue = next((c for c in claim.type_cues if c.claim_type == "efficacy"), None)
    if cue is not None and types & SUBSTANTIVE_TYPES == {"efficacy"}:
        before = claim.text[: cue.start - claim.start]
        if _NO_EFFECT_CUE.match(cue.text) or _NO_EFFECT.search(before):
            return False  # a benefit reported absent asserts none
    return True


# A limitation that is advice or a legal formula hedges no benefit ("consult your doctor").
ADVICE = re.compile(
    r"consult|talk to|speak (?:to|with)|check with|ask your|medical advice|not been evaluated|"
    r"intended to diagnose",
    re.IGNORECASE,
)


def _hedges(claim: Claim) -> bool:
    """Whether a statement hedges what it says ("may", "early research", "results vary")."""
    return any(
        c.category in _UNCERTAIN or (c.category == "limitation" and not ADVICE.search(c.text))
        for c in claim.caveats
    )


def _hedged_in_words(claim: Claim) -> bool:
    """A modal or epistemic caveat ("may", "suggest"): the wording itself hedges."""
    return any(c.category in _HEDGE for c in claim.caveats)


def _promises_outright(claim: Claim) -> bool:
    """A benefit promised absolutely ("permanent results", "for good", "completely gone"):
    a promise no hedge elsewhere in the copy allows, whatever proposition it hedged."""
    return "efficacy" in claim.claim_types and any(b.category == "absolute" for b in claim.boosters)


def _is_candidate(claim: Claim) -> bool:
    if claim.kind == "heading" and not (claim.boosters or is_asserting_heading(claim.text)):
        return False
    return (
        claim.kind != "question"
        and not claim.caveats
        and not claim.evidence
        and _asserts(claim)
        and not _PROCEDURAL.search(claim.text)
    )


@cache
def effect_areas() -> Lexicon:
    """Words for areas of health (effects.yaml): "insomnia" and "fall asleep" are sleep."""
    data = read_packaged_yaml("effects.yaml")
    areas = data.get("areas") if isinstance(data, dict) else None
    if not isinstance(areas, list) or not areas or not all(isinstance(a, str) for a in areas):
        raise LexiconError("lexicon effects.yaml: expected an 'areas' list of names")
    return load_lexicon("effects.yaml", tuple(areas))


def _is_benefit(claim: Claim) -> bool:
    """An efficacy claim, or a research-only one (about a benefit's evidence)."""
    types = set(claim.claim_types)
    return "efficacy" in types or ("research" in types and "safety" not in types)


def _benefit_areas(claims: Sequence[Claim]) -> list[set[str]]:
    """Effect keys of the areas each benefit claim is about, the document's topics left out.

    Only benefit claims get them: a harm in the same area ("may cause drowsiness") is no
    hedged benefit. Areas are looked up only when some benefit is hedged ("may", "suggest")
    in an area, since otherwise no claim can be linked through one.
    """
    lexicon = effect_areas()
    named: list[set[str] | None] = [None] * len(claims)
    for i, claim in enumerate(claims):
        if claim.kind == "question":
            named[i] = set()  # a question hedges nothing and names no effect
        elif _is_benefit(claim) and _hedged_in_words(claim):
            named[i] = {m.entry.category for m in lexicon.finditer(claim.text)}
    if not any(named):
        return [set() for _ in claims]
    found = [
        areas if areas is not None else {m.entry.category for m in lexicon.finditer(c.text)}
        for c, areas in zip(claims, named, strict=True)
    ]
    statements = sum(1 for c in claims if c.kind != "heading") or 1
    counts = Counter(area for areas in found for area in areas)
    topics = {a for a, n in counts.items() if n >= _TOPIC_MIN and n / statements > _TOPIC_SHARE}
    return [
        {_AREA + a for a in areas - topics} if _is_benefit(c) else set()
        for c, areas in zip(claims, found, strict=True)
    ]


def inconsistent_certainty(claims: Sequence[Claim], effects: Sequence[set[str]]) -> list[Claim]:
    """The claims with ``inconsistent_certainty`` flags added where they apply.

    ``effects`` are the outcome stems of each claim (``effect_stems`` of its claim-type
    hits). Lookups go through inverted indexes, so a long document costs about linear
    time rather than one comparison per pair of statements.
    """
    subjects = _SubjectIndex()
    hedged = _HedgedIndex()
    defined = abbreviations([claim.text for claim in claims])
    areas = _benefit_areas(claims)
    for claim, claim_effects, claim_areas in zip(claims, effects, areas, strict=True):
        if claim.kind == "question" or not claim.caveats:
            continue
        uncertain = any(c.category in _UNCERTAIN for c in claim.caveats)
        if _hedged_in_words(claim):  # "may help you sleep"
            claim_effects = claim_effects | claim_areas
        hedged.add(
            content_words(claim.text),
            claim_effects if uncertain else set(),
            claim,
            object_words(claim) if uncertain else set(),
        )
        for cue in claim.caveats:
            if cue.category == "status" and _UNSETTLED.search(cue.text):
                words = _expanded(_subject_words(claim, cue.start), defined)
                if words:
                    subjects.add(words, claim, _scope_words(claim, cue.end))
                head = _attributive_head(claim, cue.end)
                if head is not None:  # "An experimental oral drug": every claim about the drug
                    subjects.add({head}, claim)
    risk = _first_risk(claims, _NO_RISK, lambda c: bool(c.caveats or _RISK_STATED.search(c.text)))
    harm = _first_risk(claims, _NO_PAIN, _hedged_in_words)
    hedged_claim = next((c for c in claims if c.kind != "question" and _hedges(c)), None)
    lead = _lead_reason(claims)
    out = []
    for claim, claim_effects, claim_areas in zip(claims, effects, areas, strict=True):
        if not _is_candidate(claim):
            out.append(claim)
            continue
        # the abbreviation a claim uses meets the long form a caveat used, one way only:
        # both sets grown by the same words would look more alike than they are
        words = _expanded(content_words(claim.text), defined)
        # a harm the copy reports ("gallstones occurred in four teens") concedes a risk of
        # the experimental product rather than asserting what it does
        about = _about_the_product(claim)
        # ... and one stated flatly ("strong steroids can cause thinning") drops no hedge
        # of a benefit either
        reported_harm = not about and set(claim.claim_types) & SUBSTANTIVE_TYPES == {"safety"}
        reason = (subjects.reason(words) if about else None) or (
            None
            if reported_harm
            else hedged.reason(words, claim_effects | claim_areas, claim.id, object_words(claim))
        )
        if reason is None and about:
            reason = lead  # a press release on "an experimental drug": its results too
        if reason is None and risk is not None and _promises_no_risk(claim):
            reason = "promises no risk, but the document states one: " + _quote(risk.text)
        if reason is None and harm is not None and _promises_no_pain(claim):
            reason = "promises no pain or downtime, but the document states a harm: " + _quote(
                harm.text
            )
        if reason is None and hedged_claim is not None and _promises_outright(claim):
            reason = "an absolute promise, but the document hedges its claims: " + _quote(
                hedged_claim.text
            )
        if reason is None:
            out.append(claim)
            continue
        flag = Flag(code="inconsistent_certainty", severity="medium", message=reason)
        out.append(claim.model_copy(update={"flags": [*claim.flags, flag]}))
    return out


class _SubjectIndex:
    """Subjects the document calls experimental/unproven, found by two shared words.

    A subject untested only in some respect ("has not been tested in a dementia trial")
    covers only the statements that name that respect."""

    def __init__(self) -> None:
        self.items: list[tuple[Claim, frozenset[str]]] = []  # the source and its scope
        self.by_key: dict[frozenset[str], list[int]] = {}
        self.vocabulary: set[str] = set()

    def add(self, words: set[str], claim: Claim, scope: frozenset[str] = frozenset()) -> None:
        index = len(self.items)
        self.items.append((claim, scope))
        self.vocabulary |= words
        keys = [frozenset({w}) for w in words] if len(words) == 1 else _pairs(words)
        for key in keys:
            self.by_key.setdefault(key, []).append(index)  # in document order

    def reason(self, words: set[str]) -> str | None:
        present = words & self.vocabulary
        hits = [
            i
            for k in (*_pairs(present), *map(_single, present))
            for i in self.by_key.get(k, ())
            if not self.items[i][1] or self.items[i][1] & words
        ]
        if not hits:
            return None
        source = self.items[min(hits)][0]
        cue = next(c.text for c in source.caveats if _UNSETTLED.search(c.text))
        return f"asserted without caveat, but the document calls this '{cue}': " + _quote(
            source.text
        )


class _HedgedIndex:
    """Hedged statements, found by shared words (same proposition) or a shared effect."""

    def __init__(self) -> None:
        self.items: list[tuple[set[str], Claim]] = []
        self.by_word: dict[str, list[int]] = {}
        self.first_by_effect: dict[str, list[int]] = {}
        self.first_by_object: dict[frozenset[str], list[int]] = {}

    def add(self, words: set[str], effects: set[str], claim: Claim, objects: set[str]) -> None:
        index = len(self.items)
        self.items.append((words, claim))
        for pair in _pairs(objects):
            firsts = self.first_by_object.setdefault(pair, [])
            if len(firsts) < 2:
                firsts.append(index)
        for w in words:
            self.by_word.setdefault(w, []).append(index)
        for e in effects:
            firsts = self.first_by_effect.setdefault(e, [])
            if len(firsts) < 2:  # the first two are enough to skip the statement itself
                firsts.append(index)

    def reason(
        self, words: set[str], effects: set[str], claim_id: str, objects: set[str]
    ) -> str | None:
        same = self._same_words(words, claim_id)
        hits = [(same, "")] if same is not None else []
        # two words of what it improves, hedged where another statement claims them
        # ("may also improve sperm count and motility")
        for pair in _pairs(objects):
            hits.extend(
                (i, "")
                for i in self.first_by_object.get(pair, ())
                if self.items[i][1].id != claim_id
            )
        for e in effects:
            hits.extend(
                (i, e) for i in self.first_by_effect.get(e, ()) if self.items[i][1].id != claim_id
            )
        if not hits:
            return None
        # the first hedged statement; on a tie a shared stem or word, then the first area
        index, key = min(hits, key=lambda hit: (hit[0], hit[1].startswith(_AREA), hit[1]))
        other = self.items[index][1]
        cue = next((c.text for c in other.caveats if c.category in _UNCERTAIN), None)
        cue = cue or other.caveats[0].text
        area = key.removeprefix(_AREA).replace("_", " ") if key.startswith(_AREA) else ""
        what = f"its effect on {area} is " if area else ""
        return f"asserted without caveat; {what}stated with '{cue}' elsewhere: " + _quote(
            other.text
        )

    def _same_words(self, words: set[str], claim_id: str) -> int | None:
        """First hedged statement sharing >= 3 words and Jaccard >= 0.4 with ``words``.

        Shared words are counted through the postings, so only statements sharing three
        words are compared. Words in more than ``_COMMON`` hedged statements are too
        common to identify a proposition and are not counted.
        """
        if len(words) < 3:
            return None
        shared: dict[int, int] = {}
        for w in words:
            postings = self.by_word.get(w, ())
            if len(postings) <= _COMMON:
                for i in postings:
                    shared[i] = shared.get(i, 0) + 1
        for i in sorted(i for i, n in shared.items() if n >= 3):
            other_words, other = self.items[i]
            if other.id == claim_id:
                continue
            overlap = len(words & other_words)
            if overlap / len(words | other_words) >= 0.4:
                return i
        return None


# Where what an efficacy claim acts on ends: the clause, or how long / when / for whom.
_OBJECT_END = re.compile(
    r"[,;:.!?()\[\]]|\b(?:but|so|in|within|after|over|for|by|while|because|with|when|if)\b",
    re.IGNORECASE,
)


def object_words(claim: Claim) -> set[str]:
    """What a claim says its product improves: the words of its first efficacy cue and
    those after it, to the end of the clause ("boost | sperm count and motility | in
    just 90 days"), without words any benefit shares ("improve", "results")."""
    cue = next((t for t in claim.type_cues if t.claim_type == "efficacy"), None)
    if cue is None:
        return set()
    tail = claim.text[cue.end - claim.start :]
    end = _OBJECT_END.search(tail)
    words = content_words(cue.text + " " + (tail if end is None else tail[: end.start()]))
    return words - _GENERIC_EFFECTS


def _pairs(words: set[str]) -> list[frozenset[str]]:
    ordered = sorted(words)
    return [frozenset({a, b}) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]


def _single(word: str) -> frozenset[str]:
    return frozenset({word})


def effect_stems(text: str, hits: Sequence[tuple[int, int, str]]) -> set[str]:
    """Outcome stems from claim-type hits (start, end, type) on ``text``."""
    out = set()
    for start, end, category in hits:
        if category not in ("efficacy", "safety"):
            continue
        for word in _WORD.findall(text[start:end].lower()):
            stem = _stem(word)
            if word not in _STOP and stem not in _GENERIC_EFFECTS:
                out.add(stem)
    return out


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'
