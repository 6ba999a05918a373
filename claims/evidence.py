"""Evidence mentions: phrases that present a source or study as support.

A mention is a source noun phrase ("One study published in the Journal of Stem Cells",
"Research", "Dr. Lee") that a reporting frame presents as support ("found", "according
to", "published in"), or a citation identifier ("[2]", "(Lee et al., 2021)", a DOI).
Its specificity says whether a reader can retrieve the source; its design says what
kind of study it is. Ongoing research without a result is no mention (it is a caveat).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from claims.lexicon import Lexicon, load_lexicon
from claims.models import DESIGNS, Design, Evidence, Specificity, Strength

# When several design words apply, the first in this order wins: a population of mice
# or a single case caps the evidence whatever else the phrase says.
DESIGN_PRIORITY: tuple[Design, ...] = (
    "preclinical",
    "case_report",
    "systematic_review",
    "rct",
    "observational",
    "clinical_trial",
    "anecdotal",
    "expert_opinion",
)
_SOURCE_KINDS = ("research", "researchers", "experts", "people")
_FRAME_KINDS = ("verb", "people_verb", "lead")

# Identifier formats (not cue words): a reader can retrieve the exact source.
_IDENTIFIER = re.compile(
    # the leading lookahead lets the scan skip every position no identifier can start at
    r"(?=[\[(A-Zdh1])(?:"
    r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"
    r"|\((?:see |e\.g\.,? )?[A-Z][\w'’-]+(?:\s+(?:et al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)?,?\s+"
    r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z&][\w.'’-]*|of|and|in)){0,6},\s+)?"  # a journal
    r"(?:19|20)\d{2}[a-z]?(?:\s*[;,]\s*[^()]{0,80}?(?:19|20)\d{2}[a-z]?)*\)"
    r"|\b[A-Z][\w'’-]+ et al\.?,? \(?(?:19|20)\d{2}[a-z]?\)?"
    r"|(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?\b10\.\d{4,9}/[^\s\])>,;]*[^\s\])>,;.]"
    r"|\bPMID:?\s*\d{5,9}\b|\bNCT\d{8}\b"
    r"|https?://[^\s)\]>]*[^\s)\]>.,;])"
)
_NUMBERED = re.compile(r"\[(\d{1,3})")
_DOCTOR = re.compile(r"(?=[DP])\b(?:Dr|Prof|Professor)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# What an expert does when quoted ("said Dr. Lee", "she added", "Mehta acknowledged").
_SPOKE = (
    r"said|says|explained|explains|noted|notes|added|adds|told|cautioned|warned|stressed|"
    r"emphasi[sz]ed|pointed out|acknowledged|suggested|argued|agreed|wrote|"
    r"called(?= (?:it|them|this|that|these|the (?:findings|results|data|study|trial)))"
)
_SPEECH = re.compile(rf"\b(?:{_SPOKE}|explain|note|add|according to|recommends?)\b")
_SPEECH_VERBS = rf"(?:also\s+)?(?:{_SPOKE})\b"
# "Dr. Rachel Moyo, a geriatrician at St. Mary's Hospital, said": speech after the
# apposition that says who the expert is, however long.
_AFTER_APPOSITION = re.compile(rf",[^,;\"“”\n]{{1,120}}?,\s*{_SPEECH_VERBS}")
# "She added that ...": a pronoun reporting what the expert quoted before said.
_PRONOUN_SPEECH = re.compile(rf"(?=[SsHh])\b(?:[Ss]he|[Hh]e)(?=\s+{_SPEECH_VERBS})")
# "Mehta acknowledged", "Kowalski suggested": an expert quoted before, by surname.
_SURNAME_SPEECH = re.compile(rf"(?=[A-Z])\b([A-Z][a-z'’-]+)(?=\s+{_SPEECH_VERBS})")
# "The cohort study, published on May 5, 2025 in the journal Neurology, followed ...":
# publication details identify a study without presenting a result.
_PUBLISHED = re.compile(
    r"(?=[pP])\b[Pp]ublished\b[^.;]{0,40}?\bin (?:the )?(?:journal )?[A-Z][\w&'’-]+"
)
# "The difference was significant in the trial": a result the study cited before reports.
# Not who took part in it: "a teacher who took part in the trial", "a specialist who was
# not involved in the study" describe a person, not the study's result.
_IN_THE_STUDY = re.compile(
    r"(?=[Ii])(?<!involved )(?<!part )(?<!participated )(?<!enrolled )(?<!participating )"
    r"\b[Ii]n ((?:the|this|that) (?:trial|study|analysis|review))\b"
)
# Research the authors call for reports no result: "The authors suggest that future
# trials include more women."
_FUTURE_RESEARCH = re.compile(
    r"(?=[sruc])\b(?:suggest|recommend|urge|call for|calls for)\w*\s+(?:that\s+)?"
    r"(?:future|further|larger|longer|more|new)\s+(?:trials|studies|research|work)\b",
    re.IGNORECASE,
)
# Research someone plans to do reports no result, so it is no evidence (guide section 4).
PLANNED_RESEARCH = re.compile(
    r"(?=[paihwPAIHW])\b(?:(?:plans?|planning|aims?|intends?|hopes?) to (?:analy[sz]e|study|"
    r"test|investigate|examine|assess|explore|evaluate|determine|find out|look at|(?:start|begin|"
    r"launch|run|conduct|carry out)(?= (?:[\w-]+ ){0,4}?(?:trials?|stud(?:y|ies))\b))|will "
    r"(?:analy[sz]e|study|test|investigate|examine|assess|explore|evaluate)\b)",
    re.IGNORECASE,
)
_WE = re.compile(
    r"(?=[wo])\b(?:we|our (?:study|analysis|trial|review|data|results|findings))\s+(?:have\s+)?"
    r"(?:found|find|observed|show(?:ed)?|demonstrate[ds]?|report(?:ed)?|identified|conclude[ds]?)\b",
    re.IGNORECASE,
)
_THIS_STUDY = re.compile(
    r"\b(?:this|the present|the current)\s+(?:systematic review|meta-analysis|review|study|trial|"
    r"randomi[sz]ed[\w ,-]{0,40}?trial|cohort study|analysis)\b",
    re.IGNORECASE,
)
# research still under way is a status caveat, not evidence: "an ongoing trial (NCT...)"
_UNDER_WAY = re.compile(r"(?:an?|the|our|this|one) (?:ongoing|planned|upcoming|future)\b", re.I)
_UNDER_WAY_BEFORE = re.compile(r"\b(?:ongoing|planned|upcoming|future)\b[\w -]{0,30}\(?\s*$", re.I)
_IN_A_FRAME = re.compile(
    r"(?:In|From)\s+(?:(?:a|an|one|two|three|the|this|that|these|those|their|our|several|[\d,]+)\s+"
    r"(?:[\w'’-]+,?\s+){0,7}?(?:study|studies|trials?|meta-analysis|review|analysis|survey|experiment)"
    r"|(?:[\w-]+\s+){0,2}?(?:studies|trials|experiments)"  # "In studies in rats,"
    r"|(?:lab|laboratory|clinical|independent|third-party|human)\s+tests)"  # not "blood tests"
    r"(?:\s+(?:of|in|on|with|involving|at|by|published in|from)\s+(?:[^,;()]|,(?=\d{3}\b)){1,80}?)?"
    r"(?:\s*\([^()]*\)|\s*\[\d[^\]]*\])?(?=\s*,(?!\d{3}\b))"  # not "of 1,468 women"
)
_MODIFIER = re.compile(
    r"^(?:a|an|the|one|two|three|four|five|six|several|many|numerous|some|multiple|various|"
    r"recent|new|newer|latest|our|this|these|those|that|their|his|her|its|independent|published|"
    r"peer-reviewed|large|larger|small|landmark|major|leading|clinical|scientific|medical|human|"
    r"animal|mouse|laboratory|lab|in-vitro|phase|early|further|other|previous|prior|more|most|same|"
    r"well-designed|controlled|[\w-]+(?:ed|al|ic|ive|ary|ory|ous|ing)|\d[\d,.-]*(?:-[a-z]+)?|"
    r"[IVX]+|and|&|[a-z]+-(?:blind|term|scale|world|long|year|month|week|day)|university|"
    r"government|consumer|pilot|cohort|population|registry|twin|industry|"
    r"skin|sleep|hair|health|beauty|nutrition|fitness|eye|heart|gut|foot|pain|weight-loss|"
    r"[A-Z][\w.&'’-]*)$"
)
_POST = re.compile(
    r"\s+(?:published(?: in| online| by)?|conducted (?:at|by|in)|led by|from|at|by|of|in|"
    r"involving|on|with|lasting|spanning|covering|for(?=\s+[A-Z]))\s+"
)
_AND = re.compile(r"\s+and\s+")  # "Laboratory studies in rats and cell cultures suggest"
# who was studied and how: "A study of 500 people treated with the drug found"
_TREATED = re.compile(
    r"\s+(?:treated|taking|given|receiving|using|who (?:took|received|used|had|were given))\s+"
)
# A comma ends the tail, except inside a name that lists ("of Allergy, Asthma & Immunology").
_TAIL_STOP = re.compile(
    r",(?!\d{3}\b)(?!(?:\s[A-Z][\w'’-]*,)*\s[A-Z][\w'’-]*\s(?:&|and)\s[A-Z])|[;:()\[\]]|"
    r"\s(?:that|which|who|and(?! (?:more than |over |nearly |almost |about )?\d)|has|have|had|"
    r"is|are|was|were|does|do|did|found|finds?|show\w*|"
    r"demonstrat\w*|reveal\w*|report\w*|suggest\w*|indicat\w*|conclud\w*|confirm\w*|says?|said|"
    r"recommend\w*|advise[sd]?|warn\w*|believe[sd]?|supports?|supported|discover(?:s|ed)?|"
    r"hint(?:s|ed)?|backs? up|backed up|swears? by|point(?:s|ed)? to)\b"
)
_NAME_AND = re.compile(r" and [A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z]+$")
_TAIL_NAME = re.compile(
    r"\b(?:[A-Z0-9][\w.&'’-]*|mice|rats|adults|patients|men|women|participants|"
    r"trials|studies|RCTs|people|children|athletes|teens|teenagers|adolescents|seniors|infants|"
    r"babies|subjects|individuals|families|couples|mothers|girls|boys|kids|veterans|"
    r"[a-z]+(?:ers|ists))\b"  # runners, cyclists, smokers, wearers
)
_PHRASE_BREAKS = frozenset(
    {
        "that", "which", "who", "and", "in", "from", "on", "at", "of", "for", "to", "with",
        "by", "as", "than", "while", "when", "if", "but", "or",
    }
)  # fmt: skip
_ING_NOUNS = frozenset(
    {
        "finding", "findings", "setting", "meeting", "training", "morning", "evening",
        "nothing", "something", "thing", "everything", "anything", "being",
    }
)  # fmt: skip
_LEFT_BREAKS = _PHRASE_BREAKS | _ING_NOUNS
_NOT_NAMES = frozenset(
    {
        "a", "an", "the", "one", "two", "three", "this", "these", "that", "some", "several",
        "many", "most", "recent", "new", "our", "their", "research", "studies", "study",
        "trial", "trials", "data", "evidence", "science", "researchers", "scientists",
        "experts", "doctors", "dermatologists", "clinical", "scientific", "early", "in",
        "from", "according", "i", "we", "it", "they",
    }
)  # fmt: skip
_LEAD_NAME = re.compile(
    r"\s+((?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:[A-Z][\w.&'’-]*|\d{4})"
    r"(?:\s+(?:of|for|and|&|on|the|in|[A-Z][\w.&'’-]*|\d{4}))*(?:\s*\([^()]*\))?)"
)
_PAREN = re.compile(r"\([^()]{1,100}\)")
# "clinically tested" appeals to testing nobody can look up: a vague mention.
_TESTED = re.compile(
    r"\b(?:clinically|dermatologically|dermatologist|doctor|scientifically|laboratory|lab)[- ]"
    r"(?:tested|studied|evaluated)\b",
    re.IGNORECASE,
)
# "pharmacist-recommended", "doctor-approved": experts vouch for it, none is named
_VOUCHED = re.compile(
    r"\b(?:doctor|dermatologist|pharmacist|dentist|pediatrician|paediatrician|physician|"
    r"allergist|chiropractor|nutritionist|dietitian|vet|veterinarian|therapist|expert)s?[- ]"
    r"(?:recommended|approved|endorsed|trusted)\b",
    re.IGNORECASE,
)


def is_appeal(mention: str) -> bool:
    """Whether a mention is an appeal printed as a label ("clinically tested",
    "doctor-recommended"): a product title makes it as a claim of its own."""
    return bool(_TESTED.fullmatch(mention) or _VOUCHED.fullmatch(mention))


_APPEALS = frozenset({"tested", "vouched"})
_KIND_DESIGN: dict[str, Design] = {
    "experts": "expert_opinion",
    "vouched": "expert_opinion",
    "people": "anecdotal",
    "speaker": "expert_opinion",
    "surname": "expert_opinion",
}
RUN_DESCRIPTION = re.compile(
    r"(?=[fsre])\b(?:funded by|sponsored by|registered (?:as|under|at|with|on)|enrolled|"
    r"recruited|randomly (?:assigned|allocated))\b",
    re.IGNORECASE,
)
# the words RUN_DESCRIPTION needs, tested as substrings first: few statements hold one
_RUN_WORDS = ("unded by", "ponsored by", "egistered", "nrolled", "ecruited", "andomly")


def describes_a_run(text: str, us: int, ue: int) -> bool:
    """Whether the unit says how a study was run (who funded it, whom it enrolled)."""
    return (
        any(text.find(word, us, ue) >= 0 for word in _RUN_WORDS)
        and RUN_DESCRIPTION.search(text, us, ue) is not None
    )


_QUANTIFIER_OF = re.compile(
    r"\b(?:(?:very )?many|most|some|all|several|a few|thousands|hundreds|millions|majority|"
    r"decades|years)"
    r" of\s+$",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"(?i)(?:the|this|these|those|their|that|she|he|they)\b(?:\s+\w+){0,2}\s*$"
)
# A statement about the study cited before: its source takes that study's design.
_BACK_SUBJECT = re.compile(
    r"(?:The|These|Those|This|Its|Their)\s+(?:findings|results|data|study|trial|work|research"
    r"|analysis)\b"
)
_JOURNAL_YEAR = re.compile(r"published in (?:the )?[A-Z][\w&'’ -]{2,80}? in (?:19|20)\d{2}\b")
_JOURNAL = re.compile(
    r"\b(?:Journal|Lancet|JAMA|BMJ|NEJM|Nature|Science|Cell|Annals|Archives)\b|\bjournal [A-Z]"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# "published on Monday in The Lancet Neurology": the year is the article's own date
_PUBLISHED_LATELY = re.compile(
    r"published (?:today|yesterday|this week|last week|(?:on )?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday))\b"
)
# "published in Dermatologic Surgery": a capitalised title after "published in" is a
# journal, whether or not its name says so
_PUBLISHED_IN = re.compile(
    r"\bpublished (?:\w+ )?in (?:the )?(?:journal )?[A-Z][\w&'’-]+(?: [A-Z][\w&'’-]+)*"
)


@dataclass(frozen=True)
class EvidenceContext:
    """What a statement's evidence needs from the rest of the document.

    ``own_design`` is asked for only when a statement reports the document's own
    analyses ("we found"), so it is a function, computed at most once per document.
    """

    references: Mapping[int, Design]
    own_design: Callable[[], Design]
    previous: Evidence | None = None  # the last study or body cited ("the trial")
    speaker: Evidence | None = None  # the last named expert quoted ("she added")
    surnames: Mapping[str, Evidence] = field(default_factory=dict)  # "Mehta acknowledged"
    footnote: tuple[Specificity, Design] | None = None  # what "smoother*" points to
    dated: bool = False  # a year in the document's dateline or byline

    def after(self, evidence: Sequence[Evidence]) -> EvidenceContext:
        """The context for the next statement, once ``evidence`` has been cited."""
        ctx = self
        for ev in evidence:
            words = ev.text.split()
            person = ev.specificity == "named" and len(words) > 1 and words[-1][:1].isupper()
            if ev.design == "expert_opinion" and ev.specificity == "named":
                ctx = replace(ctx, speaker=ev)
            elif ev.design != "expert_opinion":
                ctx = replace(ctx, previous=ev)
            if person and (ev.design == "expert_opinion" or _DOCTOR.fullmatch(ev.text)):
                # "said Dr. Hannah Reyes" about mouse results: "Reyes said" later is her too
                ctx = replace(ctx, surnames={**ctx.surnames, words[-1]: ev})
        return ctx


def is_dated(text: str) -> bool:
    """True when the document opens with a date (a news dateline or a byline)."""
    return _YEAR.search(text, 0, 400) is not None


def lazy_document_design(text: str) -> Callable[[], Design]:
    """``document_design(text)``, computed on first use and remembered."""
    memo: list[Design] = []

    def get() -> Design:
        if not memo:
            memo.append(document_design(text))
        return memo[0]

    return get


def design_lexicon() -> Lexicon:
    """Study-design words (evidence_designs.yaml)."""
    return load_lexicon("evidence_designs.yaml", DESIGNS)


def source_lexicon() -> Lexicon:
    """Source nouns (evidence_sources.yaml)."""
    return load_lexicon("evidence_sources.yaml", _SOURCE_KINDS)


def frame_lexicon() -> Lexicon:
    """Reporting frames (evidence_frames.yaml)."""
    return load_lexicon("evidence_frames.yaml", _FRAME_KINDS)


def _leads() -> Lexicon:
    """The frames that precede a source ('according to', 'published in')."""
    return frame_lexicon().subset(frozenset({"lead"}))


def design_of(text: str, start: int = 0, end: int | None = None) -> Design | None:
    """The design the words in ``text[start:end]`` state, by ``DESIGN_PRIORITY``."""
    found = {m.entry.category for m in design_lexicon().finditer(text, start, end)}
    for design in DESIGN_PRIORITY:
        if design in found:
            return design
    return None


def strength_of(ev: Evidence) -> Strength:
    """Evidence strength of one mention (ANNOTATION_GUIDE.md section 5)."""
    if ev.design in ("preclinical", "anecdotal", "case_report", "expert_opinion"):
        return "weak"
    if ev.specificity == "specific":
        return "strong" if ev.design in ("systematic_review", "rct") else "moderate"
    if ev.specificity == "named" and ev.design in ("systematic_review", "rct"):
        return "moderate"
    return "weak"


_STRENGTH_RANK = {"none": 0, "weak": 1, "moderate": 2, "strong": 3}
_SPECIFICITY_RANK = {"vague": 0, "named": 1, "specific": 2}


def best_mention(mentions: list[Evidence]) -> Evidence | None:
    """The mention giving the highest strength; ties go to the more specific one."""
    if not mentions:
        return None
    return max(
        mentions,
        key=lambda ev: (_STRENGTH_RANK[strength_of(ev)], _SPECIFICITY_RANK[ev.specificity]),
    )


def strength(mentions: list[Evidence]) -> Strength:
    """Strength of a statement from its best mention; ``none`` without one."""
    best = best_mention(mentions)
    return "none" if best is None else strength_of(best)


# An asterisk right after a word, a figure or a sentence's full stop ("looked smoother*",
# "92%*", "in 2 weeks.*") points to a note.
_MARKED = re.compile(r"(?<=[\w%).])\*+(?=[\s.,;:!?)\"”]|$)")
# No space after the asterisk: "* Item" is a plain-text bullet, not a note.
_NOTE_START = re.compile(r"\*+[A-Z0-9]")


def is_footnote(text: str, start: int, end: int) -> bool:
    """A unit that is the note an asterisk points to ("*Consumer perception study ...")."""
    return _NOTE_START.match(text, start, end) is not None


def footnote_source(text: str, notes: list[tuple[int, int]]) -> tuple[Specificity, Design] | None:
    """What an asterisk in the document cites: the first note's design, and whether a reader
    could retrieve it (an identifier or a journal and year) or not (an in-house survey)."""
    if not notes:
        return None
    s, e = notes[0]
    design = design_of(text, s, e) or "unspecified"
    retrievable = _IDENTIFIER.search(text, s, e) or (
        _JOURNAL.search(text, s, e) and _YEAR.search(text, s, e)
    )
    return ("specific" if retrievable else "vague"), design


def reference_designs(text: str, entries: list[tuple[int, int]]) -> dict[int, Design]:
    """Design stated by each numbered reference-list entry ("[3] Lee ... randomized ...")."""
    out: dict[int, Design] = {}
    for i, (s, e) in enumerate(entries, start=1):
        m = re.match(r"\s*\[?(\d{1,3})[\].)]", text[s:e])
        number = int(m.group(1)) if m else i
        out[number] = design_of(text, s, e) or "unspecified"
    return out


def document_design(text: str) -> Design:
    """The design a study document states about itself near its start (for 'we found')."""
    head = text[:1500]
    m = _THIS_STUDY.search(head)
    if m is not None:
        return design_of(head, m.start(), m.end()) or "unspecified"
    return design_of(head) or "unspecified"


_ALNUM = re.compile(r"[^\W_]")


def _has_name(text: str, s: int, e: int, unit_start: int) -> bool:
    """True when ``text[s:e]`` contains a proper name (not just a capitalised first word)."""
    lead = _ALNUM.search(text, unit_start, e)  # none past the mention can matter
    opening = lead.start() if lead else -1  # the unit's first word, after stars or quotes
    for m in re.finditer(r"[A-Z][\w&'’-]*", text[s:e]):
        word = m.group(0)
        if s + m.start() == opening or word.lower() in _NOT_NAMES:
            continue
        if len(word) == 1:
            continue
        if _MODIFIER.match(word.lower()) and is_title_case(text, unit_start, e):
            continue  # "Large Trial Finds": a headline capitalises its modifiers too
        return True
    return False


# a word of a name or a headline ("O'Brien", "Hair-Growth")
NAME_WORD = re.compile(r"[\w'’-]+")


def is_title_case(text: str, start: int, end: int) -> bool:
    """More than half the words of ``text[start:end]`` capitalised: a headline, not
    prose."""
    words = NAME_WORD.findall(text, start, end)
    return not words or sum(w[0].isupper() for w in words) * 2 > len(words)


# a word of a noun phrase; a number keeps its thousands commas ("more than 1,400 patients")
_NP_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|[\w.&'’-]+")


# "repeat the test as your doctor recommends": who sets a schedule, not a source
_AS_DIRECTED = re.compile(r"\bas (?:your|their) $", re.IGNORECASE)


def _extend_left(text: str, head_start: int, unit_start: int) -> int:
    """Start of the noun phrase whose head starts at ``head_start``."""
    pos = head_start
    lo = max(unit_start, head_start - 120)
    words = list(_NP_WORD.finditer(text[lo:head_start]))
    for m in reversed(words):
        # punctuation between words ends the phrase; only a comma after a participle
        # does not ("a randomized, placebo-controlled trial")
        separator = text[lo + m.end() : pos].strip(" ")
        if separator and not (separator == "," and m.group(0).endswith("ed")):
            break
        word = m.group(0).rstrip(".")
        if not _MODIFIER.match(word) or word.lower() in _LEFT_BREAKS:
            break
        pos = lo + m.start()
    quantifier = _QUANTIFIER_OF.search(text, max(unit_start, pos - 40), pos)
    return quantifier.start() if quantifier else pos


def _extend_right(text: str, head_end: int, unit_end: int) -> int:
    """End of the noun phrase after its head: a 'published in X' tail and an identifier."""
    end = head_end
    m = _POST.match(text, end, unit_end)
    if m is not None:
        # the tail runs to the reporting verb or clause break; keep it up to its last name
        limit = min(unit_end, m.end() + 120)
        stop = _TAIL_STOP.search(text, m.end(), limit)
        while stop is not None and _joins_a_name(text, stop.start()):
            stop = _TAIL_STOP.search(text, stop.end(), limit)  # inside a body's name
        tail_end = stop.start() if stop else limit
        last = None
        for w in _TAIL_NAME.finditer(text, m.end(), tail_end):
            last = w
        if last is not None:
            end = last.end()
        after_tail = _skip_spaces(text, tail_end, unit_end)
        if _IDENTIFIER.match(text, after_tail, unit_end):
            end = after_tail  # "a trial published this week [1]"
    pos = _skip_spaces(text, end, unit_end)
    ident = _IDENTIFIER.match(text, pos, unit_end)
    if ident is not None:
        return ident.end()
    paren = _PAREN.match(text, pos, unit_end)
    if paren is not None and _IDENTIFIER.search(paren.group(0)):
        return paren.end()  # "the trial (NCT01234567)"
    return end


def _joins_a_name(text: str, pos: int) -> bool:
    """An "and" at ``pos`` between two capitalised words of a body's name ("Parenteral and
    Enteral Nutrition"), not one that ends the name ("the fruit fly and African ...")."""
    return bool(
        _NAME_AND.match(text, pos) and _CAPITALISED_BEFORE.search(text, max(0, pos - 30), pos)
    )


def _skip_spaces(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] == " ":
        pos += 1
    return pos


def _frame_after(text: str, end: int, unit_start: int, unit_end: int, people: bool) -> bool:
    """A reporting verb right after the phrase ('found', or 'report' for people)."""
    pos = _skip_spaces(text, end, unit_end)
    kinds = frozenset({"people_verb"} if people else {"verb"})
    return frame_lexicon().match_at(text, pos, unit_start, unit_end, kinds) is not None


# What a study's team did before it reported ("A team at Oxford followed 2,000 adults and
# found ..."): the team is the source, and "found" its reporting verb.
_RESEARCH_ACT = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:followed|tracked|studied|surveyed|recruited|enrolled|gave|"
    r"tested|compared|analy[sz]ed|reviewed|examined|randomi[sz]ed|asked|treated|monitored|"
    r"measured|looked at|pooled|assigned|scanned|interviewed)\b"
)
_SENTENCE_BREAK = re.compile(r"[.;:!?]")
_NAMED_TAIL = re.compile(  # "at Oxford", "of Sports Nutrition", "led by Dr. Lee"
    r"\s+(?:at|from|of|in|led by)\s+(?:the\s+)?[A-Z][\w.&'’-]*"
    r"(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w.&'’-]*)*"
)


def _acted_then_reported(text: str, end: int, us: int, ue: int, people: bool) -> int | None:
    """The end of the source phrase (with a name after it: "researchers at Stanford")
    when a research action follows it, then 'and' and a reporting verb."""
    named = _NAMED_TAIL.match(text, end, ue)
    for phrase_end in (end, named.end()) if named else (end,):
        act = _RESEARCH_ACT.match(text, phrase_end, ue)
        if act is None:
            continue
        limit = min(ue, act.end() + 120)
        stop = _SENTENCE_BREAK.search(text, act.end(), limit)
        limit = stop.start() if stop else limit
        if any(
            _frame_after(text, a.end(), us, ue, people)
            for a in _AND.finditer(text, act.end(), limit)
        ):
            return phrase_end
    return None


def _through_tail(text: str, end: int, us: int, ue: int, people: bool) -> int:
    """``end`` moved over a lower-case tail when a reporting verb follows it ("Other
    studies of fish oil pills have produced")."""
    tail = _POST.match(text, end, ue) or _AND.match(text, end, ue)
    if tail is None and not people:  # a study's subjects, not people reporting themselves
        tail = _TREATED.match(text, end, ue)
    if tail is None:
        return end
    stop = _TAIL_STOP.search(text, tail.end(), min(ue, tail.end() + 80))
    if stop is not None and stop.group(0) == " and":  # "in rats and cell cultures suggest"
        after = stop.end()
        stop = _TAIL_STOP.search(text, after, min(ue, after + 60))
        if stop is not None and stop.start() == after:
            return end  # "an analysis of X and supports the concept": a second verb
    if stop is None or stop.group(0) in ",;:()[]":
        return end
    return stop.start() if _frame_after(text, stop.start(), us, ue, people) else end


# "Funding came from the National Institutes of Health": who paid, not a source of support
_FUNDED = re.compile(r"\b(?:funding|grants?|financial support|money)\s*$", re.IGNORECASE)


def _after_funding(text: str, unit_start: int, lead_start: int) -> bool:
    """Whether the lead at ``lead_start`` says where money came from."""
    return _FUNDED.search(text, max(unit_start, lead_start - 30), lead_start) is not None


def _frame_before(text: str, start: int, unit_start: int) -> bool:
    lo = max(unit_start, start - 30)
    return any(
        not text[m.end : start].strip() and not _after_funding(text, unit_start, m.start)
        for m in _leads().finditer(text, lo, start)
    )


def _classify(
    text: str,
    s: int,
    e: int,
    us: int,
    ue: int,
    source_kind: str,
    ctx: EvidenceContext,
    preclinical: bool,
) -> Evidence:
    """Specificity and design of the mention ``text[s:e]``; ``preclinical`` when its
    statement's population is animals or cells ("in mice")."""
    span = text[s:e]
    ident = _IDENTIFIER.search(text, s, e)
    design = "preclinical" if preclinical else design_of(text, s, e)
    if design is None:
        design = _KIND_DESIGN.get(source_kind)
    specificity: Specificity
    if ident is not None:
        specificity = "specific"
        numbered = _NUMBERED.match(ident.group(0))
        if numbered and design is None:
            design = ctx.references.get(int(numbered.group(1)))
    elif (
        _JOURNAL_YEAR.search(text, max(us, s - 20), e)  # "(published in) Fertility and ... in 2016"
        or (
            (_JOURNAL.search(span) or _PUBLISHED_IN.search(span))
            and (_YEAR.search(text, us, ue) or (ctx.dated and _PUBLISHED_LATELY.search(span)))
        )
    ):
        specificity = "specific"  # journal plus year plus topic can be retrieved
    elif source_kind not in _APPEALS and _has_name(text, s, e, us):
        # an appeal names nobody, even in a Title Case heading ("Clinically Tested")
        specificity = "named"
    elif source_kind == "speaker" and ctx.speaker is not None:
        specificity, design = ctx.speaker.specificity, ctx.speaker.design  # "she added"
    elif source_kind == "footnote" and ctx.footnote is not None:
        specificity, design = ctx.footnote
    elif source_kind == "surname" and span in ctx.surnames:
        specificity, design = ctx.surnames[span].specificity, ctx.surnames[span].design
    elif ctx.previous is not None and _BACK_REFERENCE.match(span):
        # "the trial", "the researchers": the source mentioned before
        specificity = ctx.previous.specificity
        design = design if preclinical else ctx.previous.design
    else:
        specificity = "vague"
    if source_kind == "tested" and design in (None, "expert_opinion"):
        design = "clinical_trial"  # "dermatologist-tested": tested on people, by someone
    if design is None and ctx.previous is not None and _BACK_SUBJECT.match(text, us, ue):
        design = ctx.previous.design  # "The findings were published in ... (Okafor, 2025)"
    return Evidence(
        text=span, start=s, end=e, specificity=specificity, design=design or "unspecified"
    )


_REGISTRY_ID = re.compile(r"(?=N)\bNCT\d{8}\b")


def identified_study(
    text: str, us: int, ue: int, ctx: EvidenceContext, run: RunMention
) -> Evidence | None:
    """The study a run description identifies ("The trial (NCT05123456) enrolled 212
    adults"): no support there, but a later "the trial" can be looked up. ``run`` is
    ``run_mention`` of the unit."""
    if run == "only":
        cited = _mentions(text, us, ue, ctx, [], run_only=True)
        if cited:
            return cited[0]
    inherited = None
    ident = _REGISTRY_ID.search(text, us, ue)
    if ident is not None and run != "none":
        # "The trial (NCT...) enrolled": the trial the lead described, now identified
        inherited = ctx.previous.design if ctx.previous else None
    else:
        ident = _PUBLISHED.search(text, us, ue)
        if ident is None or _YEAR.search(text, us, ue) is None:
            return None
    stated = {design_of(text, us, ue), inherited}
    design = next((d for d in DESIGN_PRIORITY if d in stated), "unspecified")
    return Evidence(
        text=ident.group(0),
        start=ident.start(),
        end=ident.end(),
        specificity="specific",
        design=design,
    )


# what a study found or measured: a statement with none of these only says how it ran
_RESULT = re.compile(
    r"\b(?:found|find|finds|show\w*|report\w*|conclude\w*|demonstrat\w*|observed|"
    r"suggest\w*|indicat\w*|reveal\w*|confirm\w*|support\w*|hint\w*|link\w*|(?-i:may|might)|lost|"
    r"gained|fell|rose|improved|reduced|cut|lowered|raised|more|less|fewer|lower|higher|better|"
    r"worse|than|vs\.?|versus|compared|difference|significant\w*)\b|\d+(?:\.\d+)? ?%",
    re.IGNORECASE,
)


# a study or its subjects: a run description names one
_STUDIED = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|team|researchers|authors|participants|volunteers|patients|"
    r"people|adults|men|women|children|teens|subjects|half|groups?)\b",
    re.IGNORECASE,
)


# What a unit says of how a study ran: nothing, that beside a result, or only that
RunMention = Literal["none", "with_result", "only"]


def run_mention(text: str, us: int, ue: int) -> RunMention:
    """'In the ASPREE trial (McNeil et al., 2018), 19,114 adults were randomly assigned to
    aspirin or placebo' is ``only`` how a study ran, with no result the citation could
    support. Computed once per unit: evidence and claim types both read it."""
    if not describes_a_run(text, us, ue):
        return "none"
    if (
        _RESULT.search(text, us, ue) is None
        and _STUDIED.search(text, us, ue) is not None  # not "a physio registered with the HCPC"
    ):
        return "only"
    return "with_result"


def find_evidence(
    text: str,
    us: int,
    ue: int,
    ctx: EvidenceContext,
    negated: list[tuple[int, int]],
    run: RunMention,
) -> list[Evidence]:
    """Evidence mentions in the unit ``text[us:ue]``, in order, one per source.

    ``negated`` spans are caveats such as "no evidence" or "has not been shown": a
    source phrase inside one is not presented as support. ``run`` is ``run_mention`` of
    the unit: a statement that only says how a study ran cites it in support of nothing
    (``identified_study`` keeps it for a later "the trial").
    """
    if run == "only":
        return []
    return _mentions(text, us, ue, ctx, negated, run_only=run != "none")


def _mentions(
    text: str,
    us: int,
    ue: int,
    ctx: EvidenceContext,
    negated: list[tuple[int, int]],
    run_only: bool,
) -> list[Evidence]:
    spans: list[tuple[int, int, str]] = []  # (start, end, source kind)

    def add(s: int, e: int, kind: str) -> None:
        if any(ns <= s < ne or s <= ns < e for ns, ne in negated):
            return
        if _UNDER_WAY.match(text, s, e) or _UNDER_WAY_BEFORE.search(text, max(us, s - 45), s):
            return
        for i, (os_, oe, _) in enumerate(spans):
            if s < oe and os_ < e:  # overlapping: keep the union, once
                spans[i] = (min(s, os_), max(e, oe), kind if e - s > oe - os_ else spans[i][2])
                return
        spans.append((s, e, kind))

    def supports(ident: re.Match[str] | None) -> bool:
        # "registered as NCT04567890", "The trial (NCT05123456) enrolled 212 adults":
        # how the study was run names its registry id, which supports nothing there
        return ident is not None and not (run_only and not ident.group(0).startswith(("[", "(")))

    sources = list(source_lexicon().finditer(text, us, ue))
    if sources and _FUTURE_RESEARCH.search(text, us, ue):
        sources = []  # the authors call for research: they report no result here
    for m in sources:
        kind = m.entry.category
        if kind == "experts" and _AS_DIRECTED.search(text, max(us, m.start - 8), m.start):
            continue
        s = _extend_left(text, m.start, us)
        e = _extend_right(text, m.end, ue)
        people = kind == "people"
        e = _through_tail(text, e, us, ue, people)
        if (
            _frame_after(text, e, us, ue, people)
            or _frame_before(text, s, us)
            or supports(_IDENTIFIER.search(text, m.end, e))
        ):
            add(s, e, kind)
        else:  # "Researchers at Stanford tracked 500 runners and found ..."
            acted = _acted_then_reported(text, m.end, us, ue, people)
            if acted is not None:
                add(s, acted, kind)
    lowered = text[us:ue].lower()
    if any(w in lowered for w in ("tested", "studied", "evaluated")):
        for tested in _TESTED.finditer(text, us, ue):  # rare: searched only when it can match
            add(tested.start(), tested.end(), "tested")
    if any(w in lowered for w in ("recommended", "approved", "endorsed", "trusted")):
        for vouched in _VOUCHED.finditer(text, us, ue):
            add(vouched.start(), vouched.end(), "vouched")
    frame = _IN_A_FRAME.match(text, us, ue)
    if frame is not None:
        add(_skip_spaces(text, us + frame.group(0).index(" ") + 1, ue), frame.end(), "research")
    _lead_names(text, us, ue, add)
    for doc in _DOCTOR.finditer(text, us, ue):
        if _SPEECH.search(
            text, max(us, doc.start() - 40), min(ue, doc.end() + 40)
        ) or _AFTER_APPOSITION.match(text, doc.end(), ue):
            add(doc.start(), doc.end(), "experts")
    if ctx.speaker is not None and not PLANNED_RESEARCH.search(text, us, ue):
        for pronoun in _PRONOUN_SPEECH.finditer(text, us, ue):
            add(pronoun.start(), pronoun.end(), "speaker")
    if ctx.surnames:
        for name in _SURNAME_SPEECH.finditer(text, us, ue):
            if name.group(1) in ctx.surnames:
                add(name.start(1), name.end(1), "surname")
    if ctx.footnote is not None:
        for star in _MARKED.finditer(text, us, ue):
            add(star.start(), star.end(), "footnote")
    if ctx.previous is not None:
        for back in _IN_THE_STUDY.finditer(text, us, ue):
            add(back.start(1), back.end(1), "research")
    for own in _WE.finditer(text, us, ue):
        words = own.group(0).split()
        length = len(words[0]) + (len(words[1]) + 1 if words[0].lower() == "our" else 0)
        add(own.start(), own.start() + length, "own")
    for ident in _IDENTIFIER.finditer(text, us, ue):
        if supports(ident):
            add(ident.start(), ident.end(), "marker")
    spans = _with_appositions(text, sorted(spans))
    preclinical = bool(spans) and design_of(text, us, ue) == "preclinical"
    out = []
    for s, e, kind in spans:
        if kind == "own":
            out.append(
                Evidence(
                    text=text[s:e], start=s, end=e, specificity="specific", design=ctx.own_design()
                )
            )
        else:
            out.append(_classify(text, s, e, us, ue, kind, ctx, preclinical))
    return out


_RENAMED = re.compile(r", (?=an? )|, published (?:online )?(?:in|by) ", re.IGNORECASE)


def _with_appositions(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One source named twice in a row is one mention: "the HEARMIND trial, a randomized
    study of 977 adults [1]", "a trial of 240 adults, published in the Journal of ..."."""
    out: list[tuple[int, int, str]] = []
    for s, e, kind in spans:
        if out:
            ps, pe, pkind = out[-1]
            gap = _RENAMED.match(text, pe)
            if gap is not None and gap.end() == s:
                out[-1] = (ps, e, kind if e - s > pe - ps else pkind)
                continue
        out.append((s, e, kind))
    return out


def _lead_names(text: str, us: int, ue: int, add: Callable[[int, int, str], None]) -> None:
    """'according to the American Academy of Dermatology': the named body after a lead."""
    for m in _leads().finditer(text, us, ue):
        if _after_funding(text, us, m.start):
            continue
        name = _LEAD_NAME.match(text, m.end, ue)
        if name is not None:
            end = name.end(1)
            while text[end - 1] in ".," or text[end - 4 : end] in {" the", " and", " of"}:
                end -= 1 if text[end - 1] in ".," else 4
            add(name.start(1), end, "research")
