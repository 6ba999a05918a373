"""Tagging: caveats, boosters, evidence, strength, claim types and flags per unit.

Works on the document text with unit spans, so every tag's offsets index the document.
Document-level knowledge (reference list designs, the document's own study design, the
previous evidence mention, inconsistent certainty) is gathered here too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from claims.consistency import (
    ADVICE,
    effect_stems,
    inconsistent_certainty,
    is_asserting_heading,
)
from claims.evidence import (
    NAME_WORD,
    PLANNED_RESEARCH,
    EvidenceContext,
    RunMention,
    best_mention,
    find_evidence,
    footnote_source,
    identified_study,
    is_appeal,
    is_dated,
    is_footnote,
    is_title_case,
    lazy_document_design,
    reference_designs,
    run_mention,
    strength_of,
)
from claims.lexicon import Lexicon, either_apostrophe, load_lexicon
from claims.models import (
    BOOSTER_CATEGORIES,
    CAVEAT_CATEGORIES,
    CLAIM_TYPES,
    SUBSTANTIVE_TYPES,
    Booster,
    BoosterCategory,
    Caveat,
    CaveatCategory,
    Claim,
    ClaimType,
    Evidence,
    Flag,
    Strength,
    TypeCue,
    Unit,
)
from claims.references import in_reference_section
from claims.segment import is_reference_entry

_STRONG_BACKGROUND = re.compile(
    r"affect|million|prevalen|common condition|is a common|caused by|causes? of|occur|characteri|"
    r"\d+ ?% of|percent of|one in|known as|defined as|form of|type of|kind of|building block|"
    r"found in|your body|the body|\b(?:is|are) (?:a|an|the|one) |"
    r"(?:made|produced|released|secreted) |\b(?:make|produce|release|secrete)s?\b|"
    r"(?:doubled|tripled|quadrupled) (?:since|in the)|with age\b|as (?:we|you) (?:age|get older)|"
    r"(?:each|every|per) year\b",
    re.IGNORECASE,
)
# What a condition does: how it runs, what it causes or damages, whom it strikes.
_CONDITION_VERB = (
    r"(?:(?:often|usually|typically|commonly|also|can|may|sometimes|mostly|rarely|tends to|"
    r"tend to) )*"
    r"(?:causes?|damages?|lasts?|continues?|includes?|wears? away|raises?|"
    r"leads? to|triggers?|develops?|starts?|affects?|makes?|comes? with|progress(?:es)?|"
    r"destroys?|attacks?|spreads?|(?:is|are) (?:often |strongly |closely )?linked to)\b"
)
_CONDITION_SUBJECT = re.compile(
    r"(?:common |typical |early |the |other )?(?:symptoms|signs|warning signs) of "
    r"(?:[\w'-]+ ){1,4}?(?:include|includes|are|can include|may include|often include)\b|"
    r"(?:(?:common |typical |early |the )?(?:symptoms|signs) of (?:an? |the )?)?"
    r"(?:(?:low|high|chronic|severe|untreated|mild|adult|teen|childhood|seasonal|type [12]) )?"
    r"(?:[\w'-]*(?:itis|osis|iasis|emia|aemia|oma|(?<!homeo)(?<!naturo)(?<!osteo)pathy|algia)|"
    r"acne|eczema|rosacea|migraines?|"
    r"asthma|diabetes|obesity|gout|shingles|tinnitus|insomnia|sleep apnea|depression|anxiety|"
    r"dementia|alzheimer's(?: disease)?|parkinson's(?: disease)?|rsv|flu|influenza|"
    r"hypothyroidism|hyperthyroidism|low testosterone|low t|menopause|hair loss|hearing loss|"
    r"(?:[\w'-]+ )?(?:disease|disorder|syndrome|deficiency|cancer|attacks|flares?|"
    r"flare-ups|episodes))"
    r"(?: (?:in|of) [\w'-]+(?: [\w'-]+)?)? " + _CONDITION_VERB,
    re.IGNORECASE,
)
# "It can cause fatigue" after a statement about the condition: the condition again
_CONDITION_AGAIN = re.compile(
    r"(?:it|this condition|the condition|this disease|the disease) " + _CONDITION_VERB,
    re.IGNORECASE,
)
# A product or treatment named in the same statement: its effect is then the claim.
_TREATED = re.compile(
    r"\b(?:our|we|you can|therap(?:y|ies)|creams?|supplements?|drugs?|"
    r"medicines?|medications?|products?|devices?|apps?|programs?|serums?|pills?|injections?|"
    r"vaccines?|shots?|lasers?|surgery|helps?|relie\w*|treat\w*|formula)\b",
    re.IGNORECASE,
)
_GROUP_COMPARISON = re.compile(
    r"placebo|control group|controls\b|baseline|untreated|lower dose|higher dose|sham|"
    r"than (?:those|people|participants|patients|volunteers|subjects) (?:who|given|taking|on)\b|"
    r"than before\b|between (?:the )?(?:two )?groups",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:no|not|unproven|limited|insufficient|little|lack\w*|weak|inconclusive|mixed)\b",
    re.IGNORECASE,
)
# the stock formulas: "results may vary" and advice or a legal notice
_STOCK = re.compile(rf"results may vary|{ADVICE.pattern}", re.IGNORECASE)
# "Results vary from patient to patient." on its own is the stock formula (other); a
# limit written into a benefit claim ("Results vary, and not everyone ...") is efficacy.
_STOCK_SENTENCE = re.compile(
    r"(?:individual )?results (?:may |can |will )?vary(?: from (?:person|patient|client|user)"
    r" to (?:person|patient|client|user))?\.?",
    re.IGNORECASE,
)
# "The trial was small, so it cannot show whether the benefit lasts", "It is not yet known
# whether it lowers deaths": what a study could not settle is a statement about the research.
_CANNOT_SETTLE = re.compile(
    either_apostrophe(
        r"\b(?:cannot|can't|can not|could not|did not|does not|do not) (?:yet )?(?:show|tell|"
        r"say|prove|confirm|establish|determine|answer) whether\b|"
        r"\b(?:not|n't) (?:yet )?known whether\b"
    ),
    re.IGNORECASE,
)
# "An experimental pill lowered blood sugar": the word describes the product, and the
# statement is about its effect, not about the state of research.
_ATTRIBUTIVE_STATUS = re.compile(
    r"(?:experimental|investigational)\s+(?:[\w-]+\s+){0,2}?(?:drug|pill|tablet|therapy|"
    r"treatment|medication|medicine|vaccine|compound|procedure)s?\b",
    re.IGNORECASE,
)
_CREDENTIALS = re.compile(
    r"(?=[dfcrbsyDFCRBSY])\b(?:(?:developed|formulated|created|founded) by|retired|board-certified|"
    r"spent \d+ years|years of experience)\b",
    re.IGNORECASE,
)
_RESEARCH_AIM = re.compile(
    r"\bto (?:assess|evaluate|investigate|study|determine|test|examine|explore|compare|measure|"
    r"analy[sz]e)\b|\b(?:investigating|studying|testing|exploring|examining) whether\b",
    re.IGNORECASE,
)
_UNSETTLED = re.compile(
    either_apostrophe(
        r"(?:not|n't) (?:yet )?(?:been )?(?:\w+ly )?(?:proven|shown|established|tested|"
        r"demonstrated)|\bno (?:[\w-]+ ){1,3}?(?:has|have) (?:yet |ever )?been (?:\w+ly )?"
        r"(?:proven|shown)|unclear|unknown|(?:less |un)certain\b|more research|"
        r"further (?:research|studies)|"
        r"unproven|(?:not|n't) yet approved|"
        r"(?:not|n't) (?:yet |fully |entirely )?clear\b|"
        r"(?:nobody|no one) (?:has|have) (?:yet |ever )?(?:tested|compared|studied|shown|proven)|"
        r"(?:mixed|conflicting|inconsistent|contradictory) (?:results|findings|evidence|data)|"
        r"not (?:designed|powered) to"
    ),
    re.IGNORECASE,
)
_WORKS_BY = re.compile(r"works? by\b", re.IGNORECASE)
_SO_YOU = re.compile(r"\bso (?:that )?your?\b", re.IGNORECASE)  # "..., so you feel lighter"
_INDICATION = re.compile(
    r"(?=[FfCcAa])\b(?:FDA[- ])?(?:cleared|approved)(?: by the FDA)? (?:for|to treat)\b",
    re.IGNORECASE,
)
# the leading lookaheads here let a search skip every position no match can start at
_FUNDING = re.compile(
    r"(?=[fspFSP])\b(?:(?:funded|sponsored|paid for|financed) by|funding (?:came|comes) from)\b",
    re.IGNORECASE,
)
_COMPARED = frozenset({"efficacy", "safety"})  # what a comparison can be about
_BETTER = re.compile(
    r"better|best(?! in\b)|outperform|superior|beats?\b"
    r"|most (?:proven|effective|powerful|potent|successful|advanced)",
    re.IGNORECASE,
)
# what a study found: "found that", "showed a", "reported 30% fewer"; a statement
# already typed (or about the condition itself) needs no finding to type it
_NOT_A_FINDING = SUBSTANTIVE_TYPES | {"background"}
_OUTCOME_TYPES = SUBSTANTIVE_TYPES - {"mechanism"}  # what a certainty booster can vouch for
_REPORTED = frozenset({"efficacy", "safety"})  # results a cited study can report
_CLAUSE_END = re.compile(r"[:;]")
_CONTRAST = re.compile(r"[:;]|\b(?:but|although|though|whereas)\b")
# a status caveat saying a claim lacks support ("no evidence", "could not show")
_NO_EVIDENCE = re.compile(
    either_apostrophe(
        r"no (?:[\w-]+ )?evidence|(?:cannot|can't|can not|could not|couldn't) (?:yet )?show"
    ),
    re.IGNORECASE,
)
# "..., although this has not been proven": the clause is about the one before it
_ANAPHOR = re.compile(
    r",? (?:this|that|these|those|none of (?:this|these|them|it))\b", re.IGNORECASE
)
_OUTCOME_REACH = 40  # how far before a mechanism word an outcome naming it may start
_FINDING = re.compile(
    r"\b(?:found|showed|shown|demonstrated|reported|observed|concluded|confirmed)"
    r"(?: (?:that|a|an|no|some|more|less|fewer|higher|lower|better|similar)\b|(?= \d))",
    re.IGNORECASE,
)
# Words named as words, not used: "calls itself a miracle", "the words “100% natural”",
# "terms like "proven" and "guaranteed"". The writer quotes the booster to discuss it.
_MENTION_FRAME = re.compile(
    r"(?:\b(?:words?|terms?|phrases?|buzzwords?)(?: like| such as)?|\bcalls? (?:itself|themselves)"
    r"(?: an?)?)\s*$",
    re.IGNORECASE,
)
_OPEN_QUOTE = re.compile(r"[\"“][^\"“”]*$")  # the quotation a position is inside
_QUOTED_LIST = re.compile(r"(?:[\"“][^\"“”]*[\"”]\s*(?:,|and|or)?\s*)+$")  # "a", "b" and
# A refund offer ("If it does not help, we will refund every penny") is an offer (other);
# matched on the statement's type cues of category "other".
_OFFER = re.compile(r"refund|money[- ]back", re.IGNORECASE)
# Who qualifies for a treatment ("You may be a good candidate if you have acne scars")
# says nothing of what it does: the conditions it names are no outcome.
_ELIGIBLE = re.compile(r"(?:good|ideal|right|suitable|great) candidate", re.IGNORECASE)
_APPROVAL = re.compile(r"(?=[facrFACR])\b(?:FDA|approv\w+|cleared|registered)\b", re.IGNORECASE)


def caveat_lexicon() -> Lexicon:
    """Hedge cues (caveats.yaml)."""
    return load_lexicon("caveats.yaml", CAVEAT_CATEGORIES)


def booster_lexicon() -> Lexicon:
    """Booster cues (boosters.yaml)."""
    return load_lexicon("boosters.yaml", BOOSTER_CATEGORIES)


def type_lexicon() -> Lexicon:
    """Claim-type cues (claim_types.yaml)."""
    return load_lexicon("claim_types.yaml", CLAIM_TYPES)


def outcome_lexicon() -> Lexicon:
    """Efficacy shapes from any field (outcomes.yaml), for statements with no efficacy word."""
    return load_lexicon("outcomes.yaml", CLAIM_TYPES)


def find_caveats(text: str, start: int, end: int) -> list[Caveat]:
    """Caveats in ``text[start:end]`` with document offsets."""
    return [
        Caveat.model_construct(
            text=text[m.start : m.end],
            start=m.start,
            end=m.end,
            category=cast(CaveatCategory, m.entry.category),
        )
        for m in caveat_lexicon().finditer(text, start, end)
    ]


def _mentioned(text: str, start: int, at: int) -> bool:
    """The word at ``at`` is named as a word ("calls itself a miracle"), not used."""
    head = text[max(start, at - 120) : at]
    quote = _OPEN_QUOTE.search(head)
    if quote:
        head = _QUOTED_LIST.sub("", head[: quote.start()])
    return _MENTION_FRAME.search(head) is not None


def find_boosters(text: str, start: int, end: int, caveats: Sequence[Caveat]) -> list[Booster]:
    """Boosters in ``text[start:end]``; one inside a caveat ("no guarantee") or one
    only named as a word ("the words “100% natural”") is dropped."""
    out = []
    for m in booster_lexicon().finditer(text, start, end):
        if any(c.start < m.end and m.start < c.end for c in caveats):
            continue
        if _mentioned(text, start, m.start):
            continue
        out.append(
            Booster.model_construct(
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                category=cast(BoosterCategory, m.entry.category),
            )
        )
    return out


def _outcomes_around(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Outcomes that contain one of ``spans``, looked for only from just before each
    span: research prose is full of mechanism words."""
    found: list[tuple[int, int, str]] = []
    for s, e in spans:
        for m in outcome_lexicon().finditer(text, max(start, s - _OUTCOME_REACH), end):
            if m.start > s:
                break  # outcomes further on cannot contain this span
            if m.end >= e:
                found.append((m.start, m.end, "efficacy"))
                break
    return sorted(set(found))


def _in_a_name(text: str, start: int, end: int, pos: int) -> bool:
    """Whether the capitalised word at ``pos`` of sentence-case prose is part of a
    product's name ("the Calm Energy Bundle costs $89"): a name says what a thing is
    called, not what it does."""
    before = NAME_WORD.findall(text, max(start, pos - 30), pos)
    after = NAME_WORD.match(text, pos)
    following = NAME_WORD.search(text, after.end() if after else pos, end)
    return (
        bool(before)
        and (before[-1][0].isupper() or (following is not None and following.group()[0].isupper()))
        and text[pos - 2 : pos] not in (". ", "! ", "? ")
    )


# Complaints a product is said to relieve; as a safety word each names a harm, but the
# target of a benefit ("Say goodbye to knee pain", "Pain relief") is no harm.
_SYMPTOMS = frozenset(
    {
        "pain", "bloating", "headache", "headaches", "migraine", "migraines", "swelling",
        "itching", "heartburn", "discomfort", "cramps", "cramping", "stiffness", "soreness",
        "nausea", "redness", "irritation", "gas", "constipation", "diarrhea", "diarrhoea",
    }
)  # fmt: skip
# what may stand between a benefit and its target: a few words, no clause break
_BETWEEN = re.compile(r"(?:(?!\b(?:but|although|though|while|whereas|and)\b)[^,.;:!?()]){0,40}")


# a warning that sends the reader for help
_WARNING = re.compile(
    r"\b(?:(?:call|see|ask|contact|tell|consult) (?:your|a) (?:doctor|GP|physician|pharmacist|"
    r"nurse|dentist)|(?:call|contact) (?:the|our) clinic|stop (?:use|using|taking)|"
    r"seek (?:medical|emergency|urgent)|"
    r"get (?:emergency|medical|urgent) (?:help|care|attention)|emergency room)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:if|unless|when|whenever)\b", re.IGNORECASE)
_HELP_SOUGHT = re.compile(r"(?:get|seek|emergency|medical) $", re.IGNORECASE)  # "get ... help"
_CLAUSE_STOP = re.compile(r"[;:.]")


def _in_conditional(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` follows an "if"/"when" in its sentence, with no clause break
    between ("if your symptoms do not improve"), or is the help a warning sends for."""
    if text.startswith("help", pos) and _HELP_SOUGHT.search(text, max(start, pos - 12), pos):
        return True
    conditions = [m.end() for m in _CONDITIONAL.finditer(text, start, pos)]
    return bool(conditions) and _CLAUSE_STOP.search(text, conditions[-1], pos) is None


def _without_treated_symptoms(
    text: str, hits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The hits less the complaints an efficacy hit acts on: a benefit's target, just
    after it ("Say goodbye to knee pain") or just before ("Pain relief", "pain-free")."""
    benefits = [(s, e) for s, e, cat in hits if cat == "efficacy"]

    def treated(s: int, e: int) -> bool:
        for bs, be in benefits:
            if (bs < e and s < be) or 0 <= bs - e <= 2:
                return True
            gap = _BETWEEN.match(text, be, s) if be <= s else None
            if gap is not None and gap.end() == s and len(text[be:s].split()) <= 4:
                return True
        return False

    return [
        h
        for h in hits
        if not (h[2] == "safety" and text[h[0] : h[1]].lower() in _SYMPTOMS and treated(h[0], h[1]))
    ]


def _outside_clauses(
    text: str,
    start: int,
    end: int,
    hits: list[tuple[int, int, str]],
    spans: Sequence[tuple[int, int]],
    dropped: frozenset[str],
) -> list[tuple[int, int, str]]:
    """The hits except those of a ``dropped`` type in a clause holding one of ``spans``;
    a clause that points back ("although this has not been proven") joins the one
    before."""
    bounds = [
        start,
        *(
            m.start()
            for m in _CONTRAST.finditer(text, start, end)
            if not _ANAPHOR.match(text, m.end())
        ),
        end,
    ]
    clauses = {bisect_right(bounds, s) for s, _ in spans}
    return [h for h in hits if h[2] not in dropped or bisect_right(bounds, h[0]) not in clauses]


def find_types(
    text: str,
    start: int,
    end: int,
    kind: str,
    caveats: Sequence[Caveat],
    boosters: Sequence[Booster] = (),
    evidence: Sequence[Evidence] = (),
    asserting: bool = True,
    after_background: bool = False,
    run: RunMention = "none",
) -> tuple[list[ClaimType], list[TypeCue], set[str]]:
    """Claim types, the first words that triggered each (after the guide's decisions),
    and the outcome stems the statement names (for ``inconsistent_certainty``).

    ``after_background``: the statement before was background, so "It" may be the
    condition it described. ``run``: what the statement says of how a study ran."""
    hits = [(m.start, m.end, m.entry.category) for m in type_lexicon().finditer(text, start, end)]
    if any(
        cat == "efficacy" and text[s].isupper() and s > start for s, _, cat in hits
    ) and not is_title_case(text, start, end):
        hits = [h for h in hits if not (h[2] == "efficacy" and _in_a_name(text, start, end, h[0]))]
    if all(cat != "efficacy" or text.startswith(("result", "Result"), s) for s, _, cat in hits):
        # "It quiets the ringing", "Patients felt calmer": an effect in a field whose
        # outcome words claim_types.yaml lacks. Scanned only for a statement with no
        # efficacy word.
        mechanisms = [(s, e) for s, e, cat in hits if cat == "mechanism"]
        if not mechanisms or _SO_YOU.search(text, start, end):
            more = [
                (m.start, m.end, "efficacy") for m in outcome_lexicon().finditer(text, start, end)
            ]
        else:
            # Half the sentences of research prose name a mechanism, and there the scan
            # finds processes ("eliminates the requirement"), not benefits. An outcome
            # counts there only when what the mechanism does for the reader follows
            # ("crowd out microbes, so you feel lighter", above) or it is the mechanism
            # itself ("It raises your own testosterone").
            more = _outcomes_around(text, start, end, mechanisms)
        if more:
            hits = sorted(hits + more)
    if any(cat == "safety" for _, _, cat in hits) and any(cat == "efficacy" for _, _, cat in hits):
        hits = _without_treated_symptoms(text, hits)
        if _WARNING.search(text, start, end) is not None:
            # "Call your doctor if you gain more than 2 pounds", "Stop use if your symptoms
            # do not improve": the condition for a warning, not a promised benefit
            hits = [
                h for h in hits if not (h[2] == "efficacy" and _in_conditional(text, start, h[0]))
            ]
    effects = effect_stems(text, hits)
    # study words inside an evidence mention name the support, not the subject
    hits = [
        h
        for h in hits
        if not (h[2] == "research" and any(ev.start <= h[0] < ev.end for ev in evidence))
    ]
    # "more effective than", "less invasive than": what is compared is a type too
    for s, e, cat in list(hits):
        if cat == "comparative":
            dimensions = type_lexicon().subset(_COMPARED)
            hits.extend((m.start, m.end, m.entry.category) for m in dimensions.finditer(text, s, e))
            if _BETTER.match(text, s, e):
                # "Better than pills", "the best supplement you can take": a product
                # ranked above others is claimed to work
                hits.append((s, e, "efficacy"))
    how = next(
        (s for s, e, cat in hits if cat == "mechanism" and _WORKS_BY.match(text, s, e)), None
    )
    if how is not None and all(s > how for s, _, cat in hits if cat == "efficacy"):
        # "It works by activating an enzyme that helps the liver sense glucose": what
        # follows "works by" describes the mechanism, not a benefit of its own
        hits = [h for h in hits if h[2] != "efficacy"]
    found = {cat for _, _, cat in hits}
    if "comparative" in found and _GROUP_COMPARISON.search(text, start, end):
        # a comparison with placebo, doses or patient groups is efficacy; of side effects
        # ("nausea (7% vs. 3% on placebo)"), it is safety
        into = "safety" if "safety" in found and "efficacy" not in found else "efficacy"
        hits = [(s, e, into if cat == "comparative" else cat) for s, e, cat in hits]
    stock = any(c.category == "limitation" and _STOCK.search(c.text) for c in caveats) or bool(
        _STOCK_SENTENCE.fullmatch(text, start, end)
    )
    unsettled = [
        (c.start, c.end) for c in caveats if c.category == "status" and _UNSETTLED.search(c.text)
    ]
    if text.find(" whether", start, end) >= 0:  # the rare case, tested cheaply first
        unsettled += [m.span() for m in _CANNOT_SETTLE.finditer(text, start, end)]
    elif text.startswith(("Whether ", "whether "), start) and any(
        c.category == "status" for c in caveats
    ):
        # "Whether an app works as well as a therapist is still being studied": the
        # claim is the open question the research is asking
        unsettled.append((start, start + len("Whether")))
    limited = any(c.category == "limitation" for c in caveats)
    if "research" in found or unsettled:
        # "Results from these trials are still emerging": results of research, not a benefit
        efficacy = [text[s:e].lower() for s, e, cat in hits if cat == "efficacy"]
        if all(word.startswith("result") for word in efficacy):
            hits = [h for h in hits if h[2] != "efficacy"]
        # "trials are being conducted to assess the safety ...": topics of research
        if any(c.category == "status" for c in caveats) and _RESEARCH_AIM.search(text, start, end):
            hits = [h for h in hits if h[2] not in SUBSTANTIVE_TYPES]
    planned = PLANNED_RESEARCH.search(text, start, end)
    if planned is not None:
        # "the team plans to analyse whether ...": planned research reports no result
        hits = [h for h in hits if h[2] not in SUBSTANTIVE_TYPES]
        hits.append((planned.start(), planned.end(), "research"))
    indication = (
        _INDICATION.search(text, start, end)
        if text.find("pproved", start, end) >= 0 or text.find("leared", start, end) >= 0
        else None  # the rare case, tested cheaply first
    )
    if indication is not None:
        # "FDA-cleared for the treatment of acne": what follows names what the approval
        # covers, a fact about its status, not an efficacy claim of the copy's own
        hits = [h for h in hits if not (h[2] == "efficacy" and h[0] >= indication.end())]
        hits.append((indication.start(), indication.end(), "research"))
    if unsettled and not limited:
        # "X has not been proven to prevent colds": a statement about the evidence. A
        # benefit in a clause of its own stays ("It may shorten colds, but more research
        # is needed") unless the unsettled clause points back at it ("although this has
        # not been proven")
        hits = _outside_clauses(text, start, end, hits, unsettled, SUBSTANTIVE_TYPES)
        hits.append((*unsettled[0], "research"))
    elif "comparative" in found:
        untested = unsettled + [
            (c.start, c.end)
            for c in caveats
            if c.category == "status" and _NO_EVIDENCE.fullmatch(c.text)
        ]
        if untested:
            # "There is no evidence that it works better", "Whether breathwork can replace
            # medication has not been tested": a comparison that is untested is research
            # (guide section 9), also beside advice
            hits = _outside_clauses(
                text, start, end, hits, untested, frozenset({"comparative", "efficacy"})
            )
            hits.append((*untested[0], "research"))
    found = {cat for _, _, cat in hits}
    research = [(s, e) for s, e, cat in hits if cat == "research"]
    if (
        research
        and found & SUBSTANTIVE_TYPES
        and all(_ATTRIBUTIVE_STATUS.match(text, s, end) for s, _ in research)
    ):
        hits = [h for h in hits if h[2] != "research"]
        found.discard("research")
    if not found & _OUTCOME_TYPES and any(b.category == "certainty" for b in boosters):
        # "Clinically Proven Hydration", "clinically proven to reset your adrenal glands":
        # a certainty booster asserts an outcome, also of a mechanism
        b = next(b for b in boosters if b.category == "certainty")
        hits.append((b.start, b.end, "efficacy"))
        found.add("efficacy")
    if evidence and not found & _NOT_A_FINDING and not unsettled and planned is None:
        # "A review of 97 studies found that 99.5% of eyes reached 20/40": what a
        # study found about the treatment is an efficacy claim, however it is worded
        finding = _FINDING.search(text, evidence[0].start, end)
        if finding is not None:
            hits.append((finding.start(), finding.end(), "efficacy"))
            found.add("efficacy")
    keep: set[str] = set(found)
    if evidence and found & _REPORTED and not any(c.category == "status" for c in caveats):
        # "In the STEP 1 trial, adults lost 14.9% of their body weight": a study cited for
        # its result supports the claim; the statement is not about the research itself,
        # unless it says more about the research after the result ("..., but most studies
        # were small") or in a clause of its own ("the best evidence of the bunch: one
        # small trial ...")
        reported = min(s for s, _, cat in hits if cat in _REPORTED)
        cited = evidence[0].start
        if all(
            s < reported and not _CLAUSE_END.search(text, s, cited)
            for s, _, cat in hits
            if cat == "research"
        ):
            keep.discard("research")
    asserted = bool(found & SUBSTANTIVE_TYPES)
    if asserted or "research" in found:
        keep.discard("other")
        strong_background = any(
            cat == "background" and _STRONG_BACKGROUND.search(text, s, e) for s, e, cat in hits
        )
        if not strong_background:
            keep.discard("background")
    offer_or_eligibility = any(
        cat == "other" and (_OFFER.match(text, s, e) or _ELIGIBLE.match(text, s, e))
        for s, e, cat in hits
    )
    if (stock or offer_or_eligibility) and not found & {"safety"}:
        keep = {"other"}
    elif (
        "research" in found and _APPROVAL.search(text, start, end) and not found & SUBSTANTIVE_TYPES
    ):
        keep = {"research"}
    elif _FUNDING.search(text, start, end) and not evidence and not asserted:
        keep = {"research"}  # who paid for a study: how the research was done
    elif run == "only":
        keep = {"research"}  # "the team enrolled 12 adults who had pain crises": no result
    elif not evidence and not found & {"safety"} and _CREDENTIALS.search(text, start, end):
        keep = {"other"}  # who made it: "developed by a surgeon who spent 30 years treating"
    if (
        (keep & _REPORTED or keep <= {"other"})
        and not evidence
        and (
            subject := _CONDITION_SUBJECT.match(text, start, end)
            or (_CONDITION_AGAIN.match(text, start, end) if after_background else None)
        )
        is not None
        and not _TREATED.search(text, subject.end(), end)
    ):
        # "Psoriasis causes thick, scaly patches", "Common signs of an underactive thyroid
        # include tiredness": what a condition does is a fact about it, not a product's
        # benefit or harm
        keep = (keep - _REPORTED - {"other"}) | {"background"}
        hits.append((subject.start(), subject.end(), "background"))
    if kind == "heading" and not asserting and not boosters:
        keep = set()  # a section title asserts nothing by itself
    if not keep:
        keep = {"other"}
    first: dict[str, TypeCue] = {}
    for s, e, cat in hits:
        if cat in keep and cat not in first:
            first[cat] = TypeCue.model_construct(
                text=text[s:e], start=s, end=e, claim_type=cast(ClaimType, cat)
            )
    types = [t for t in CLAIM_TYPES if t in keep]
    return types, sorted(first.values(), key=lambda c: c.start), effects


def flags_for(
    types: Sequence[str],
    caveats: Sequence[Caveat],
    boosters: Sequence[Booster],
    best: Evidence | None,
    level: Strength,
    asserting: bool,
) -> list[Flag]:
    """Review flags of one statement or heading (ANNOTATION_GUIDE.md section 7).

    ``best`` is the statement's best evidence mention and ``level`` its strength;
    ``asserting`` is False for a section title, which needs no substantiation by itself.
    """
    flags: list[Flag] = []
    claimish = asserting or bool(boosters)
    checked = [t for t in types if t in ("efficacy", "safety", "comparative")]
    if checked and level in ("none", "weak") and claimish:
        what = "/".join(checked)
        support = "no evidence" if level == "none" else "only weak evidence"
        if caveats:
            cue = caveats[0].text
            flags.append(
                Flag(
                    code="needs_substantiation",
                    severity="medium",
                    message=f"{what} claim with {support}; hedged by '{cue}', but a hedge is "
                    "not a disclaimer",
                )
            )
        else:
            flags.append(
                Flag(
                    code="needs_substantiation",
                    severity="high",
                    message=f"{what} claim with {support} and no caveat",
                )
            )
    strong = [b for b in boosters if b.category in ("certainty", "absolute")]
    if strong and level != "strong":
        words = ", ".join(f"'{b.text}'" for b in strong)
        flags.append(
            Flag(
                code="overstated",
                severity="high" if level in ("none", "weak") else "medium",
                message=f"{words} ({strong[0].category}) with {level} evidence",
            )
        )
    if best is not None and best.specificity in ("vague", "named"):
        flags.append(
            Flag(
                code="vague_source",
                severity="medium" if best.specificity == "vague" else "low",
                message=f"best source '{best.text}' is {best.specificity}: "
                "the reader cannot retrieve it",
            )
        )
    if "comparative" in types and level != "strong" and claimish:
        flags.append(
            Flag(
                code="comparative_claim",
                severity="medium",
                message=f"comparison with another treatment backed by {level} evidence",
            )
        )
    return flags


def tag_document(text: str, units: Sequence[Unit], ids: Sequence[str], doc_id: str) -> list[Claim]:
    """Claim records for every unit, in order, with document-level flags added."""
    # entries of a reference list resolve markers; they are no claims of their own
    refs = {
        i
        for i, u in enumerate(units)
        if u.kind != "heading"
        and (in_reference_section(u.section) or is_reference_entry(text, u.start, u.end))
    }
    # "*Consumer perception study of 104 women": the note an asterisk points to; like a
    # reference entry it is no claim of its own
    notes = {i for i, u in enumerate(units) if is_footnote(text, u.start, u.end)}
    ctx = EvidenceContext(
        references=reference_designs(text, [(units[i].start, units[i].end) for i in sorted(refs)]),
        own_design=lazy_document_design(text),
        footnote=footnote_source(text, [(units[i].start, units[i].end) for i in sorted(notes)]),
        dated=is_dated(text),
    )
    claims: list[Claim] = []
    effects: list[set[str]] = []
    for index, (unit, claim_id) in enumerate(zip(units, ids, strict=True)):
        reference = index in refs or index in notes
        after_background = bool(claims) and "background" in claims[-1].claim_types
        run = run_mention(text, unit.start, unit.end)
        claim, claim_effects = _tag_unit(
            text, unit, claim_id, doc_id, index, ctx, reference, run, after_background
        )
        ctx = ctx.after(claim.evidence)
        if not claim.evidence:
            study = identified_study(text, unit.start, unit.end, ctx, run)
            if study is not None:
                ctx = replace(ctx, previous=study)
        claims.append(claim)
        effects.append(claim_effects)
    return inconsistent_certainty(claims, effects)


def _tag_unit(
    text: str,
    unit: Unit,
    claim_id: str,
    doc_id: str,
    index: int,
    ctx: EvidenceContext,
    is_reference: bool,
    run: RunMention,
    after_background: bool = False,
) -> tuple[Claim, set[str]]:
    s, e = unit.start, unit.end
    base = {
        "id": claim_id,
        "doc_id": doc_id,
        "index": index,
        "kind": unit.kind,
        "section": unit.section,
        "text": text[s:e],
        "start": s,
        "end": e,
    }
    if is_reference:
        return Claim(**base, hedged=False, claim_types=["other"]), set()
    caveats = find_caveats(text, s, e)
    boosters = find_boosters(text, s, e, caveats)
    negated = [(c.start, c.end) for c in caveats if _NEGATION.search(c.text)]
    evidence = find_evidence(text, s, e, ctx, negated, run)
    asserting = is_asserting_heading(text[s:e]) if unit.kind == "heading" else True
    if unit.kind == "heading" and not asserting:
        # A section title ("What the Research Says") labels a section; it cites nothing
        # unless it carries an identifier, or is itself the appeal ("A Clinically Tested
        # Formula")
        evidence = [ev for ev in evidence if ev.specificity == "specific" or is_appeal(ev.text)]
    types, type_cues, effects = find_types(
        text, s, e, unit.kind, caveats, boosters, evidence, asserting, after_background, run
    )
    if unit.kind == "question":
        claim = Claim(**base, hedged=False, claim_types=types, type_cues=type_cues)
        return claim, effects
    best = best_mention(evidence)
    level: Strength = "none" if best is None else strength_of(best)
    flags = flags_for(types, caveats, boosters, best, level, asserting)
    claim = Claim(
        **base,
        hedged=bool(caveats),
        caveats=caveats,
        boosters=boosters,
        evidence=evidence,
        evidence_strength=level,
        claim_types=types,
        type_cues=type_cues,
        flags=flags,
    )
    return claim, effects


def tag_sentence(sentence: str) -> Claim:
    """Tag one sentence on its own (used by evaluation on sentence corpora)."""
    unit = Unit("question" if sentence.rstrip().endswith("?") else "statement", 0, len(sentence))
    ctx = EvidenceContext(references={}, own_design=lambda: "unspecified")
    run = run_mention(sentence, 0, len(sentence))
    claim, _ = _tag_unit(sentence, unit, "s", "s", 0, ctx, False, run)
    return claim
