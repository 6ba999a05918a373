"""Named disambiguation rules that lexicon entries refer to by name.

Each rule answers "is this match really the cue?" from its neighbouring words. A rule
gets the document text, the match span and the span of the unit being tagged, and
returns True to keep the match. Names say what they rule out, so every decision can be
explained to a reviewer ("'May' is the month here").
"""

from __future__ import annotations

import re

from claims.lexicon import Rule

# a word, keeping a hyphen or an apostrophe inside it ("don't", "don’t")
_WORD = re.compile(r"[A-Za-z0-9%]+(?:[-'’][A-Za-z0-9]+)*")


def words_before(text: str, start: int, unit_start: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words right before ``start`` within the unit (a
    typographic apostrophe read as a plain one)."""
    lo = max(unit_start, start - 80)
    return [w.lower().replace("’", "'") for w in _WORD.findall(text, lo, start)[-n:]]


def words_after(text: str, end: int, unit_end: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words right after ``end`` within the unit (a
    typographic apostrophe read as a plain one)."""
    hi = min(unit_end, end + 80)
    return [w.lower().replace("’", "'") for w in _WORD.findall(text, end, hi)[:n]]


def next_char(text: str, end: int, unit_end: int) -> str:
    """The first non-space character after ``end`` in the unit ('' at its end)."""
    rest = text[end:unit_end].lstrip()
    return rest[:1]


_MONTH_BEFORE = {
    "in", "on", "since", "by", "until", "till", "from", "through", "of", "during",
    "last", "next", "this", "early", "late", "mid", "between", "and", "before", "after",
    "your", "our", "the", "a", "its", "their", "my",  # "YOUR MAY OFFER": a noun, no verb
}  # fmt: skip


def not_month(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'May' with a capital M next to a date or after 'in/since/...' is the month."""
    if text[s] != "M":
        return True
    before = words_before(text, s, us, 1)
    after = words_after(text, e, ue, 1)
    if after and (after[0].isdigit() or after[0] in {"and", "or", "through", "to"}):
        return False
    if before and (before[0] in _MONTH_BEFORE or before[0].isdigit()):
        return False
    return s != us or not after or after[0] not in {"i", "we"}


_PROHIBITED = {
    "use", "resell", "sell", "copy", "reproduce", "distribute", "redistribute", "share",
    "modify", "transfer", "publish", "post", "return", "exchange", "combine", "enter",
    "participate", "claim", "submit", "rent", "lend",
}  # fmt: skip
_PERMITTED_SUBJECTS = {"you", "users", "user", "customers", "customer", "members", "buyers"}


# "Opened bottles may not be returned", "Images may not be used without credit": a rule
_PROHIBITED_PASSIVE = {
    "used", "returned", "resold", "sold", "copied", "reproduced", "distributed",
    "redistributed", "shared", "modified", "transferred", "published", "posted", "exchanged",
    "combined", "redeemed", "refunded", "reused", "issued",
}  # fmt: skip
_RULE_CONTEXT = {"without", "after", "once", "unless", "except", "for", "under", "beyond", "if"}
# a purchase term is a rule wherever it stands ("Offers may not be combined.", "masks from
# other sellers may not be returned to us"); "The results may not be reproduced." is a hedge
_PURCHASE_PASSIVE = {"returned", "resold", "exchanged", "combined", "redeemed", "refunded"}
# What the terms of a sale govern: "Returns may not be accepted after 60 days", "the
# warranty may not be transferred", "unused sessions may not be carried over"
_SALE_TERMS = {
    "returns", "refunds", "warranty", "warranties", "guarantee", "offer", "offers",
    "discount", "discounts", "coupon", "coupons", "code", "codes", "voucher", "vouchers",
    "membership", "memberships", "subscription", "subscriptions", "cycles", "sessions",
    "credits", "points", "orders", "purchases", "packages",
}  # fmt: skip


def not_permission(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'you may (not) resell' states a rule or a permission, not uncertainty."""
    passive = words_after(text, e, ue, 4)
    if (
        len(passive) > 2
        and passive[:2] == ["not", "be"]
        and passive[2] in _PROHIBITED_PASSIVE
        and (passive[2] in _PURCHASE_PASSIVE or (len(passive) > 3 and passive[3] in _RULE_CONTEXT))
    ):
        return False  # "may not be returned after 30 days": a rule, said in the passive
    before = words_before(text, s, us, 1)
    if (
        len(passive) > 2
        and passive[:2] == ["not", "be"]
        and passive[2].endswith(("ed", "en"))  # a rule in the passive, not "be enough"
        and before
        and before[0] in _SALE_TERMS
    ):
        return False
    if not before or before[0] not in _PERMITTED_SUBJECTS:
        return True
    after = words_after(text, e, ue, 3)
    if after[:1] == ["not"]:
        after = after[1:]
    if after[:1] == ["also"]:
        after = after[1:]
    return not (after and after[0] in _PROHIBITED)


def modal_may(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'may' is a modal hedge unless it is the month or states a permission or rule."""
    return not_month(text, s, e, us, ue) and not_permission(text, s, e, us, ue)


def not_faq(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'Frequently Asked Questions' names a page section; it approximates nothing."""
    return words_after(text, e, ue, 1) != ["asked"]


def not_section_name(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """A unit that is only the cue ('Limitations') names a section; it limits nothing."""
    return bool(text[us:s].strip() or text[e:ue].strip(" :.\t\n"))


# What a group was less / more likely to do in a study: a measured outcome.
_GROUP_OUTCOMES = frozenset(
    {"develop", "die", "get", "need", "suffer", "report", "have", "experience", "respond",
     "survive", "relapse", "recover", "benefit"}
)  # fmt: skip


def likely_epistemic(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'likely' as the writer's inference ('is more likely to be a dimer'); 'were 26%
    less likely to develop dementia', 'half as likely to die' or 'more likely than men
    to develop' reports the risk of a group."""
    before = words_before(text, s, us, 3)
    if not before or before[-1] not in {"more", "less", "as"}:
        return True
    multiplier = any(w in {"half", "twice", "times"} for w in before[:-1])
    if before[-1] == "as" and not multiplier:
        return True  # "as likely as not"
    measured = multiplier or any(w.endswith("%") or w[:1].isdigit() for w in before[:-1])
    after = words_after(text, e, ue, 5)
    if after[:1] == ["than"] and "to" in after[2:4]:
        after = after[after.index("to", 2) :]  # "more likely than men to develop"
    return not (measured or (len(after) > 1 and after[1] in _GROUP_OUTCOMES))


def not_disbelief(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'I can't believe an app did this!' is amazement, not a belief held uncertain."""
    before = words_before(text, s, us, 2)
    return not (
        before[-1:] in (["can't"], ["cannot"], ["couldn't"])
        or before in (["can", "not"], ["could", "not"])
    )


def not_would_like(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'would (also) like/love to' and 'would you' are wishes or offers, not hypotheticals."""
    after = words_after(text, e, ue, 2)
    if after[:1] in (["also"], ["especially"], ["particularly"], ["further"]):
        after = after[1:]  # "We would also like to thank ..."
    return not (after and after[0] in {"like", "love", "you", "prefer", "rather"})


def not_could_not(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'could not be detected' reports a past inability, not speculation."""
    after = words_after(text, e, ue, 2)
    return not (after and after[0] in {"not", "no", "never"})


_RECOMMENDERS = {"dermatologists", "doctors", "physicians", "experts", "we", "i", "clinicians"}

# Who gives advice: "Optometrists suggest the 20-20-20 rule" is a recommendation.
_ADVISERS = _RECOMMENDERS | {
    "doctor", "dermatologist", "physician", "expert", "clinician", "optometrists",
    "optometrist", "dentists", "dentist", "pharmacist", "pharmacists", "nurse", "nurses",
    "dietitian", "dietitians", "nutritionist", "nutritionists", "coach", "trainer",
    "therapist", "society", "association", "academy", "college", "institute", "agency",
    "guidelines", "guidance", "team", "he", "she", "they",
}  # fmt: skip
# A title before an adviser's name: "Dr. Adler suggested"
_TITLES = {"Dr.", "Dr", "Prof.", "Professor", "Doctor"}

# Whom an instruction or advice is for: "you should consult", "suggested I cut back".
_ADVISED = {
    "you", "patients", "people", "women", "men", "users", "everyone", "anyone", "parents",
    "children", "clients", "customers", "individuals", "one", "they", "we", "i",
}  # fmt: skip
_TOLD = (_ADVISED - {"one"}) | {"he", "she", "adults", "readers"}  # not "suggest one model"

# What an inference suggests: "experts suggest a link between ...".
_INFERRED = {
    "link", "role", "association", "connection", "mechanism", "relationship", "possibility",
    "model", "cause", "benefit", "effect", "function", "involvement", "presence",
    "existence", "explanation", "pathway", "interaction", "requirement", "contribution",
}  # fmt: skip


_INSTRUCTORS = {"manufacturer", "manufacturers", "supplier", "suppliers", "vendor"}


_AMOUNTS = frozenset({"one", "two", "three", "four", "five", "half"})


# After "suggest that patients": what patients are or have, not what they should do.
_NOT_ADVICE_VERB = {"with", "who", "whose", "have", "has", "had", "are", "were", "is", "was",
                    "in", "on", "of", "from", "at", "may", "might", "could", "can", "would",
                    "will", "do", "did", "does", "taking", "treated"}  # fmt: skip


def _advice(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'suggest' said by an adviser about what to do: 'Optometrists suggest the
    20-20-20 rule', 'Dr. Adler suggested that patients keep a diary', 'My doctor
    suggested I cut back', 'recommends exercise and suggests manual therapy'."""
    after = words_after(text, e, ue, 4)
    if after[:1] and after[0] in _TOLD:  # "suggested I cut back": a clause, no 'that'
        return len(after) > 1 and after[1] not in _NOT_ADVICE_VERB
    before = text[us:s].split()
    last = before[-1].strip(",;:") if before else ""
    by_adviser = (
        last.lower() in _ADVISERS
        or (len(before) > 1 and before[-2] in _TITLES)  # "Dr. Adler suggested"
        or ("recommend" in text[us:s].lower() and last.lower() == "and")
    )
    if not by_adviser:
        return False
    if after[:1] == ["that"]:  # "suggested that patients keep a diary"
        return len(after) > 2 and after[1] in _TOLD and after[2] not in _NOT_ADVICE_VERB
    return not any(w.removesuffix("s") in _INFERRED for w in after[:4])


def suggest_not_recommend(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'suggest' meaning recommend ('doctors suggest combining ...') is not a hedge."""
    after = words_after(text, e, ue, 3)
    if (
        after[:1] == ["that"]
        and after[1:2] in (["future"], ["further"], ["larger"], ["new"])
        and after[2:] in (["trials"], ["studies"], ["research"], ["work"])
    ):
        return False  # "the authors suggest that future trials include women": advice
    if _advice(text, s, e, us, ue):
        return False
    if not after or after[0] == "that":
        return True
    if after[0].endswith("ing") or after[0] in {"you", "patients", "people", "users"}:
        return False
    before = words_before(text, s, us, 1)
    if before in (["we"], ["i"]) and (after[0].isdigit() or after[0] in _AMOUNTS):
        return False  # "we suggest one shot a day": a dose the copy advises
    if before[:1] == ["as"] and len(after) == 3 and after[:2] == ["by", "the"]:
        # "as suggested by the manufacturer": an instruction followed, not an inference
        return after[2] not in _INSTRUCTORS
    return not (before and before[0] in _RECOMMENDERS and after[0] == "to")


def not_noun_suggestion(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'suggestion(s)' as a proposal is kept only in 'a suggestion that'."""
    after = words_after(text, e, ue, 1)
    return after[:1] == ["that"]


_REFERENCE_AFTER = {
    "in", "by", "for", "with", "on", "at", "above", "below", "previously", "as",
}  # fmt: skip


# What points at a figure: "Arrows indicate the clones", "Error bars indicate SD".
_MARKERS = {
    "arrow", "arrows", "arrowhead", "arrowheads", "asterisk", "asterisks", "bar", "bars",
    "line", "lines", "box", "boxes", "bracket", "brackets", "dot", "dots", "star", "stars",
    "circle", "circles", "triangle", "triangles", "square", "squares", "numbers", "letters",
    "colour", "colours", "color", "colors", "shading", "symbols", "labels", "dashes",
    "outline", "outlines", "parentheses", "number", "lane", "lanes", "panel", "panels",
    "column", "columns", "row", "rows", "track", "tracks",
}  # fmt: skip
# A figure part named with its label: "Lanes 1-4 indicate", "Panel B indicates".
_LABEL = re.compile(r"[0-9]+(?:-[0-9]+)?|[a-z]")  # words_before lower-cases
# What a legend's numbers are: "Values indicate the mean of three experiments".
_STATISTIC = {
    "mean", "means", "median", "medians", "sd", "s", "sem", "se", "standard", "range",
    "ranges", "fold", "percentage", "percentages", "average", "averages", "95%",
}  # fmt: skip


def indicate_not_reference(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'as indicated in Fig. 2', 'indicated by arrows', 'indicated for' are not hedges,
    nor are figure keys ('Arrows indicate the clones', 'Lanes 1-4 indicate', 'Values
    indicate the mean', 'the positions are indicated') and 'the indicated times' (the
    ones named)."""
    before = words_before(text, s, us, 2)
    if before and before[-1] in {"as", "where", "unless", "otherwise", "when", "the"}:
        return False
    if before and before[-1] in _MARKERS and not before[0].endswith("cell"):
        return False  # "the dotted line indicates", but "cell lines, indicating that"
    if len(before) == 2 and before[0] in _MARKERS and _LABEL.fullmatch(before[1]):
        return False  # "Lanes 1-4 indicate extracts from untreated cells"
    after = words_after(text, e, ue, 2)
    word = text[s:e].lower()
    if word.startswith("indicated") and (not after or after[0] in _REFERENCE_AFTER):
        return False  # "as indicated in", "indicated by arrows", "are indicated as"
    named = after[1:2] if after[:1] == ["the"] else after[:1]
    if named and named[0] in _STATISTIC and not word.endswith("that"):
        return False  # "Values indicate the mean of three experiments"
    # "analysis indicated the expression of X" shows; "indicated that the ..." infers
    bare = word.startswith("indicated") and not word.endswith("that")
    return not (after and after[0] in {"the", "a", "an"} and bare)


_EMERGENCE_AFTER = {
    "in", "on", "at", "within", "after", "during", "as", "from", "only", "first", "when",
    "earlier", "later", "before", "upon", "following", "once",
}  # fmt: skip


def appear_seeming(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'appear(s) to / appears that / appears normal' seem; 'appeared in/at' is visibility."""
    after = words_after(text, e, ue, 1)
    if not after:
        return False
    return after[0] not in _EMERGENCE_AFTER


# "Consult your dentist about whether ...": what to ask, not an open question of evidence.
_ASK_ABOUT = re.compile(
    r"\b(?:consult|ask|talk|speak|check)\w*\b[^.;!?]{0,60}\babout\s*$", re.IGNORECASE
)


# "whether an OTC hearing aid is right for you": the reader's choice, not open evidence
_PERSONAL_CHOICE = re.compile(
    r"[^.;:!?]{0,60}?\b(?:right|suitable|a good (?:fit|choice|option|candidate)) for"
    r" (?:you|them|me|him|her|your\b)",
    re.IGNORECASE,
)


def whether_open_question(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'whether (or not)' opening an open question about an effect; not 'whether you ...'
    nor 'whether or not you ...' (regardless of what the reader does), nor the question
    a reader is told to ask ('consult your dentist about whether') or a choice of their
    own ('unsure whether a hearing aid is right for you')."""
    after = words_after(text, e, ue, 2)
    if after[:1] in (["you"], ["you're"]):
        return False
    if after[:2] == ["or", "not"]:  # the longer cue, 'whether or not', was refused here
        return False
    if _PERSONAL_CHOICE.match(text, e, ue):
        return False
    return _ASK_ABOUT.search(text, us, s) is None


_QUESTION_VERBS = {
    "determine", "determined", "determining", "test", "tested", "testing", "investigate",
    "investigated", "investigating", "examine", "examined", "examining", "ask", "asked",
    "know", "known", "unknown", "clear", "unclear", "prove", "establish", "assess",
    "assessed", "evaluate", "evaluated", "see", "explore", "explored", "wondered", "question",
    "questioned", "uncertain", "certain", "sure", "decide",
}  # fmt: skip


def if_indirect_question(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'to test/determine if X' is an open question like 'whether'; a conditional 'if' is not."""
    before = words_before(text, s, us, 1)
    return bool(before) and before[0] in _QUESTION_VERBS


def if_not_alternative(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """', if not the only,' leaves a stronger claim open; 'if not treated' is a condition."""
    if not text[us:s].rstrip().endswith(","):
        return False
    after = words_after(text, e, ue, 1)
    return bool(after) and after[0] in {
        "the", "all", "most", "exclusively", "solely", "entirely", "completely", "only",
        "identical", "more", "always", "primarily", "sole",
    }  # fmt: skip


_STAT = re.compile(
    r"\bp\s*[<=>≤≥]\s*0?\.\d|\b(?:95|99)\s*%\s*(?:CI|confidence)|\bstatistically\b"
    r"|\bodds ratio\b|\bhazard ratio\b|\bnot (?:statistically )?significant|\bno significant\b"
    r"|\bCI\s*[:,]?\s*-?\d",
    re.IGNORECASE,
)


def not_statistic(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'significant' inside a reported statistic reports a result; it is no booster."""
    return _STAT.search(text, us, ue) is None


_PURCHASE = re.compile(
    r"money[- ]back|satisfaction|refund|\btry\b|\btrial\b|\bpurchase|\border\b"
    r"|\breturn|\bincludes?\b|\bwarranty\b|guarantee\s*:\s*if\b",
    re.IGNORECASE,
)
_DAYS = re.compile(r"\d[- ]?days?\b", re.IGNORECASE)  # "a 30-day guarantee"


_TERMS_TITLE = re.compile(r"(?:our|the|a|your)?\s*(?:satisfaction\s+)?guarantee\s*:?", re.I)


def not_purchase_term(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'money-back guarantee', 'a 30-day guarantee', 'try it risk-free' are purchase
    terms, not promises, and so is a section named 'Our Guarantee'."""
    if _TERMS_TITLE.fullmatch(text, us, ue) is not None:
        return False
    around = text[max(us, s - 25) : min(ue, e + 25)]
    if _PURCHASE.search(around):
        return False
    # a number of days names the term of a guarantee ("a 30-day guarantee"), not what
    # is guaranteed ("Results in 7 days, guaranteed" promises the result)
    return _DAYS.search(around) is None or text[s:e].lower() == "guaranteed"


_INSTRUCTION_NEXT = {
    "dilute", "use", "apply", "consult", "check", "read", "follow", "store", "keep",
    "wash", "shake", "take", "exceed", "talk", "ask", "tell", "wear", "test", "rinse",
    "suggest", "recommend", "advise", "start", "begin",
}  # fmt: skip


# Verbs after an opening "Never" that promise rather than instruct ("Never worry again").
_PROMISED = {"again", "worry", "lose", "miss", "suffer", "struggle", "be", "feel", "have"}
# Verbs that end in "ed" without being past ("you never need a fingerstick again").
_NOT_PAST = {"need", "needs", "feed", "bleed", "speed", "succeed", "exceed", "proceed"}


# What an instruction tells the reader never to do, after "and": "... and never look
# into the lights" ("Results last and never fade" promises).
_DONT = {
    "look", "go", "leave", "share", "skip", "put", "touch", "swim", "drive", "plunge", "mix",
    "stare", "let", "rub", "pick", "squeeze", "double", "combine", "give", "reuse",
}  # fmt: skip


def outcome_promise(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'always/never' promise an outcome; not in instructions ('always dilute it',
    'Always arrive with clean hair', 'Never plunge alone', 'keep your eyes closed and
    never look into the lights') nor in what has happened ('she's never seen')."""
    after = words_after(text, e, ue, 2)
    if after[:1] in (["even"], ["ever"], ["once"]):
        after = after[1:]  # "friends never even noticed"
    after = after[:1]
    if after and after[0] in _INSTRUCTION_NEXT:
        return False
    before = words_before(text, s, us, 2)
    # opening an imperative ("works", "delivers" would not), or advice: "you should never
    # stop a medicine", "so never look into the lights", "... and never look"
    bare = bool(after) and not after[0].endswith("s") and after[0] not in _PROMISED
    if bare and (not before or before[-1] in {"should", "must", "so", "please"}):
        return False
    if before[-1:] == ["and"] and after and after[0] in _DONT:
        return False  # "keep your eyes closed and never look into the lights"
    if before and (before[-1] == "not" or before[-1].endswith("n't")):
        return False  # "they did not always carry over": a hedge, no promise
    # "have never had", "patients who never ..." compare groups, they promise nothing;
    # "she's never seen anything like it" tells what has happened.
    if before and (
        before[-1] in {"who", "that", "have", "has", "had"}
        or before[-1].endswith(("'s", "'ve", "'d"))
    ):
        return False
    # "That trial never measured hair loss": a past fact, not a promise
    return not (after and after[0].endswith("ed") and after[0] not in _NOT_PAST)


# "For best results," at the start of a sentence (after any opening quote or bullet)
_BEST_RESULTS_OPENER = re.compile(r"[\W_]*(for (?:the )?best results),", re.IGNORECASE)


def instruction_opener(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'For (the) best results,' opening its sentence: how to use a product, no promise
    ('Combine it with minoxidil for the best results' does promise)."""
    opener = _BEST_RESULTS_OPENER.match(text, us, ue)
    return opener is not None and opener.start(1) <= s < opener.end(1)


# A prohibition opening its statement, after any bullet or opening quote
_OPENING = re.compile(r"[\W_]*")


def _opens_statement(text: str, s: int, us: int, ue: int) -> bool:
    opening = _OPENING.match(text, us, ue)
    return opening is not None and opening.end() == s


def prohibition_opener(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'Never rub your eyes', 'Do not push the earpiece deeper': a prohibition opening
    its statement warns of a harm ('Patients who never ...' compare groups)."""
    return _opens_statement(text, s, us, ue)


def symptom_question(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'Stiff knees in the morning?', 'Tired by 3 p.m.?': a complaint opening a question
    describes the reader's condition; no product is asked about."""
    return _opens_statement(text, s, us, ue) and text[us:ue].rstrip(" \"'”’)").endswith("?")


# "works best", "suits you best": an adverb of how a thing works or fits
_BEST_AFTER_VERB = {
    "works", "work", "worked", "working", "suits", "suit", "fits", "fit", "do", "does", "did",
    "fare", "fared", "respond", "responded",
}  # fmt: skip
# "best practice", "best known", "my best friend", "the best predictor of success", "the
# best dose remains unclear": no outcome promised
_BEST_NOT = {
    "practice", "practices", "known", "suited", "to", "if", "friend", "friends", "predictor",
    "predictors", "dose", "dosage", "guess", "estimate", "estimates",
}  # fmt: skip


def best_outcome(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'the best results' promises; 'at best', 'best practice', 'best known' do not."""
    before = words_before(text, s, us, 4)
    after = words_after(text, e, ue, 1)
    if before[-1:] in (["at"], ["personal"]) or any(
        w in {"which", "what", "whichever"} for w in before
    ):
        # "at best"; "a personal best" (an athlete's record); "it remains unclear which
        # strains work best": a question
        return False
    if any(w in _BEST_AFTER_VERB for w in before[-2:]):
        return False  # "when treatment works best", "the brace that suits you best": how
    if text.startswith(("-supported", "-studied", "-known", "-documented", "-researched"), e):
        return False  # "the best-supported ways": how well a thing is studied
    if after[:1] == ["results"] and instruction_opener(text, s, e, us, ue):
        return False  # "For best results, apply twice daily": an instruction's opener
    return not (after and after[0] in _BEST_NOT)


_NATURAL_NOT = {
    "killer", "history", "course", "selection", "log", "logarithm", "language", "gas",
    "disaster", "disasters", "experiment", "variation", "resources", "light", "causes",
    "death", "law", "number", "numbers", "tooth", "teeth", "enamel", "color", "colour",
    "shade", "tone", "production", "process", "processes", "cycle", "ability", "defenses",
    "defences", "aging", "ageing", "healing", "contain", "contains", "occur", "occurs",
    "occurring", "produce", "produces", "produced", "present", "decline", "declines",
    "declining", "decreases", "falls", "drops", "slows", "changes", "diminishes", "fades",
    "option", "options", "laxative", "diuretic", "stimulant", "source", "sources",
}  # fmt: skip
# "your natural collagen", "made naturally by skeletal muscle": the body's own, how the
# body makes a thing; no selling point
_NOT_SOLD_NATURAL = {
    "your", "their", "its", "made", "produced", "found", "released", "present", "occurring",
    "occurs",
}  # fmt: skip


def natural_promotional(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'natural' as a selling point; not 'natural killer cells' or 'natural history', nor
    the body's own ('your skin's natural collagen')."""
    before = words_before(text, s, us, 1)
    if before and (before[0].endswith(("'s", "’s")) or before[0] in _NOT_SOLD_NATURAL):
        return False
    after = words_after(text, e, ue, 1)
    return not (after and after[0] in _NATURAL_NOT)


def established_certainty(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'established' as settled fact; not 'established in 1998' or 'established cell lines'."""
    after = words_after(text, e, ue, 1)
    if after and (after[0] in {"in", "by", "at", "on", "cell", "cells", "lines", "line"}):
        return False
    return not (after and after[0].isdigit())


def cure_promise(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'cures baldness' promises; 'no cure', 'a cure is not' and 'cure rates' do not."""
    before = words_before(text, s, us, 2)
    if before and before[-1] in {"no", "not", "without", "nor", "or"}:
        return False
    after = words_after(text, e, ue, 1)
    return not (after and after[0] in {"rate", "rates"})


# The state of the condition, not of the outcome: "even on completely bald patches".
_CONDITION_STATES = {
    "bald", "balding", "hairless", "bare", "blocked", "clogged", "damaged", "dead",
    "dormant", "inactive", "blind", "deaf", "paralysed", "paralyzed", "immobile",
}  # fmt: skip


def not_approximator(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'completely/totally' before a number is an approximator, and before the state of
    the condition ('completely bald') it describes the problem; neither is a booster, nor
    is a negated one ('if you are not completely satisfied')."""
    after = words_after(text, e, ue, 1)
    if after and (after[0][:1].isdigit() or after[0] in _CONDITION_STATES):
        return False
    return not_negated(text, s, e, us, ue)


def not_negated(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """A booster right after a negation is not a booster (negation makes it a caveat)."""
    before = words_before(text, s, us, 3)
    negations = {"not", "no", "never", "nor", "cannot"}
    return not any(w in negations or w.endswith("n't") for w in before)


# "hear clearly", "see clearly": how well a sense works, not how sure the copy is
_DEGREE = frozenset({"more", "so", "very", "less", "as", "most"})
_MANNER_OF = frozenset(
    {
        "hear", "hears", "heard", "hearing", "see", "sees", "saw", "seeing", "speak", "speaks",
        "spoke", "think", "thinks", "thinking", "read", "reads", "reading", "focus", "breathe",
        "understand", "talk", "write", "written", "labelled", "labeled", "marked", "explain",
        "explains", "explained", "communicate",
    }
)  # fmt: skip


def clearly_certain(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'clearly' boosts unless negated or it says how a sense works ('Hear Clearly Again',
    'think more clearly')."""
    before = words_before(text, s, us, 2)
    if before and before[-1] in _DEGREE:
        before = before[:-1]
    return not (before and before[-1] in _MANNER_OF) and not_negated(text, s, e, us, ue)


def significant_booster(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'significant(ly)' boosts unless negated or part of a reported statistic."""
    return not_negated(text, s, e, us, ue) and not_statistic(text, s, e, us, ue)


_OBSERVED = {
    "detected", "seen", "observed", "measured", "found", "visualized", "visualised",
    "documented", "demonstrated", "determined", "identified", "isolated", "generated",
    "obtained", "recovered", "reproduced", "confirmed", "shown", "noted", "recorded",
    "established", "distinguished", "localized", "precipitated", "immunoprecipitated",
}  # fmt: skip
_FACTIVE = {
    "showed", "shown", "show", "shows", "demonstrated", "demonstrate", "demonstrates",
    "confirmed", "found", "revealed", "observed", "established", "proved",
}  # fmt: skip
_NEGATIVE_SUBJECT = {"no", "none", "neither", "nor", "nothing"}
_ASSAYS = {
    "assays", "assay", "analysis", "analyses", "mutagenesis", "experiments",
    "emsa", "emsas", "blotting", "transfection", "transfections", "footprinting",
}  # fmt: skip
_HEDGE_VERBS = {
    "suggest", "suggests", "suggested", "suggesting", "propose", "proposed", "indicate",
    "indicates", "indicated", "indicating", "hypothesize", "hypothesized", "speculate",
    "whether", "if", "possible", "likely", "imply", "implies",
}  # fmt: skip


# "measured how long they could run": a subject of up to three words between
_HOW_MUCH = re.compile(
    r"\bhow (?:long|far|fast|much|many|well|often)\s+(?:[\w'’-]+\s+){1,3}$", re.I
)


def could_hedge(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'could' as possibility, not a reported past (in)ability of an experiment.

    Rejected: 'could not be detected', 'No X could be established', 'X could be
    detected/measured/seen' (what an assay managed to show) and 'we showed that X could
    bind' (a factive report of what happened).
    """
    if not not_could_not(text, s, e, us, ue):
        return False
    after = words_after(text, e, ue, 4)
    while after and after[0] in {"also", "only", "all", "still", "then", "readily", "easily"}:
        after = after[1:]
    if after[:1] == ["no"] or after[:2] == ["no", "longer"]:
        return False
    if after[:1] and after[0] in {"finally", "barely", "hardly", "scarcely", "suddenly"}:
        return False  # "I could finally wear my jeans": an ability gained or lost
    if _HOW_MUCH.search(text, max(us, s - 60), s):
        return False  # "measured how long they could run": an ability measured
    if after[:1] == ["be"] and len(after) > 1 and after[1] in _OBSERVED:
        return False
    clause = re.split(r"[,;:()]", text[us:s])[-1]
    words = [w.lower() for w in _WORD.findall(clause)]
    if words and words[0] in _NEGATIVE_SUBJECT:
        return False
    if words[-1:] in (["we"], ["i"]):
        return False  # "we could detect / restore", "I could feel it": what one managed
    if len(words) > 1 and words[-2] in {"wish", "wished", "wishes"}:
        return False  # "I wish I could have offered": a wish, not a possibility
    # "we found / mutagenesis demonstrated that ... could": the authors' own experiment
    # reports what happened, unless a hedge verb ("suggest") stands between. A third
    # party's finding ("a study found that it could reduce shedding") stays a caveat.
    head = [w.lower() for w in _WORD.findall(text, us, s)]
    for i in range(len(head) - 1, 0, -1):
        if head[i] in _HEDGE_VERBS:
            return True
        if head[i] == "that" and head[i - 1] in _FACTIVE:
            reporter = head[max(0, i - 4) : i - 1]
            return not any(w == "we" or w in _ASSAYS for w in reporter)
    return True


_POTENTIAL_NOUN_AFTER = {
    "of", "in", "is", "are", "was", "were", "and", "or", "as", "after", "changes",
    "change", "difference", "differences", "depolarization", "that", "than", "at", "with",
}  # fmt: skip
_POTENTIAL_NOUN_BEFORE = {
    "membrane", "oncogenic", "therapeutic", "proliferative", "metastatic", "redox",
    "differentiating", "developmental", "action", "resting", "growth", "inflammatory",
    "atherogenic", "tumorigenic", "leukemogenic", "transforming", "replicative", "own",
    "full", "its", "their", "his", "her", "our", "greatest",
}  # fmt: skip
_CAPACITY_VERBS = {"have", "has", "had", "having", "show", "shows", "showed", "hold", "holds"}


def potential_epistemic(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'potential' as 'possible' ('a potential role/treatment', 'have the potential to').

    The noun that names a capacity or a voltage is no hedge: 'membrane potential',
    'its oncogenic potential', 'the potential of these cells', 'a line with the
    potential to differentiate'. 'potentially' always hedges.
    """
    if text[s:e].lower().endswith("ly"):
        return True
    before = words_before(text, s, us, 2)
    after = words_after(text, e, ue, 1)
    if before and before[-1] in _POTENTIAL_NOUN_BEFORE:
        return False
    if after[:1] == ["to"]:
        # "stem cells have the potential to regenerate" (guide); "with the potential to" no
        return len(before) == 2 and before[1] == "the" and before[0] in _CAPACITY_VERBS
    if not after or after[0] in _POTENTIAL_NOUN_AFTER:
        return False
    return next_char(text, e, ue) not in {",", ".", ";", ":", ")", ""}


_AS_POSSIBLE_BEFORE = {"where", "wherever", "when", "whenever", "if"}
_EXHAUSTIVE = {
    "all", "every", "best", "highest", "lowest", "greatest", "largest", "smallest",
    "shortest", "longest", "fastest", "earliest", "strongest", "simplest", "widest",
}  # fmt: skip
_ANAPHORS = {"this", "these", "that", "those", "latter", "former", "such"}


def not_anaphoric(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'To test this hypothesis, we ...' points back at an idea stated elsewhere; the
    statement itself does not hedge. 'the hypothesis that X' and verbs stay cues."""
    word = text[s:e].lower()
    if not word.endswith(("sis", "ses", "ity", "ities")):
        return True  # "hypothesized", "hypothetical", "possible", "possibly"
    before = words_before(text, s, us, 1)
    # "the null hypothesis" is a statistical test's, not the authors' conjecture
    return not (before and (before[0] in _ANAPHORS or before[0] == "null"))


def possible_epistemic(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'possible(ly)' as 'may be so'; not 'as soon as possible', 'where possible' (a
    manner of working). 'it was possible to' stays a cue, as BioScope marks it."""
    if text[s:e].lower() != "possible":
        return not_anaphoric(text, s, e, us, ue)
    before = words_before(text, s, us, 3)
    if before[-1:] and before[-1] in _AS_POSSIBLE_BEFORE:
        return False
    if len(before) == 3 and before[0] == "as" and before[2] == "as":
        return False  # "as soon as possible", "as evenly as possible"
    # "all possible combinations", "the best possible fit": every one, not maybe
    return not (before and before[-1] in _EXHAUSTIVE)


_EMERGING_WHAT = {
    "evidence", "data", "research", "science", "studies", "study", "field", "fields",
    "therapy", "therapies", "treatment", "treatments", "technology", "technologies",
    "findings", "results", "area", "areas", "option", "options", "approach", "approaches",
    "literature", "trials", "work", "understanding", "picture", "concept", "concepts",
}  # fmt: skip


def emerging_research(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'emerging evidence', 'results are still emerging' is unsettled research;
    'newly emerging adults' and 'emerging from the pupal case' are biology."""
    if text[s:e].lower().startswith("still"):
        return True
    after = words_after(text, e, ue, 1)
    if after and after[0] in _EMERGING_WHAT:
        return True
    before = words_before(text, s, us, 1)
    predicate = bool(before) and before[0] in {"is", "are", "was", "were", "be", "been"}
    return predicate and (not after or next_char(text, e, ue) in {",", ".", ";", ":"})


_DATA_WORDS = {"data", "results", "result", "observations", "observation", "blots", "images"}


def not_data_aside(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'(data not shown)' says results were left out of the paper; it does not say a
    claim is unproven, as 'it has not been shown that ...' does."""
    if not text[s:e].lower().startswith("not "):
        return True  # "has not been shown", "have not been proven"
    before = text[max(us, s - 40) : s]
    if before.rstrip().endswith("("):
        return False
    words = words_before(text, s, us, 1)
    return not (words and words[0] in _DATA_WORDS)


_STATUS_NOUNS = {
    "treatment", "treatments", "therapy", "therapies", "drug", "drugs", "procedure",
    "procedures", "medicine", "medicines", "vaccine", "vaccines", "use", "option",
    "options", "product", "products", "technique", "techniques", "intervention",
    "interventions", "protocol", "protocols", "stage", "injections", "injection", "pill",
    "pills", "tablet", "tablets", "medication", "medications", "compound", "compounds",
    "shot", "shots", "jab", "jabs", "device", "devices", "implant", "implants",
}  # fmt: skip
# Words that end the look for a status noun after 'experimental' ('an experimental
# model of drug resistance' is methods).
_NOT_MODIFIERS = {
    "of", "for", "in", "on", "with", "and", "or", "to", "model", "models", "system",
    "systems", "conditions", "design", "data", "setup", "animals", "group", "groups",
}  # fmt: skip


_METHODS_TITLE = re.compile(
    r"experimental\s+(?:procedures?|design|methods?|section|setup|protocols?|details)[\s.:]*",
    re.IGNORECASE,
)


def experimental_status(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'still considered experimental', 'an experimental therapy' is unsettled status;
    'an experimental system / model / conditions' is a methods adjective, and a paper's
    'Experimental Procedures' heading names its methods section."""
    if text[s:e].lower() != "experimental":
        return True  # "still experimental", "considered experimental"
    if _METHODS_TITLE.fullmatch(text, s, ue) is not None and not text[us:s].strip():
        return False
    before = words_before(text, s, us, 1)
    if before and before[0] in {
        "is", "are", "was", "were", "be", "been", "remains", "remain", "as", "still",
        "considered", "largely", "highly", "purely",
    }:  # fmt: skip
        return True
    # "an experimental (once-daily) pill": the noun may follow a modifier or two
    for word in words_after(text, e, ue, 3):
        if word in _STATUS_NOUNS:
            return True
        if word in _NOT_MODIFIERS:
            return False
    return False


_RESEARCH_WORDS = {
    "research", "study", "studies", "trial", "trials", "testing", "investigation",
    "investigations", "work", "evaluation", "efforts", "clinical", "development",
}  # fmt: skip


_BEING_STUDIED = {
    "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "still",
    "currently", "now", "also", "presently", "actively", "already",
}  # fmt: skip


def under_study_status(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'the drug is (still) under investigation', 'a therapy under study' are unsettled
    research; 'the gene under study' is just the one a paper looks at."""
    before = words_before(text, s, us, 1)
    return not before or before[0] in _BEING_STUDIED or before[0] in _STATUS_NOUNS


def ongoing_research(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'research is ongoing', 'ongoing trials' is status; 'ongoing protein synthesis' is
    a biological process going on."""
    after = words_after(text, e, ue, 1)
    if not after or next_char(text, e, ue) in {",", ".", ";", ":", ")"}:
        return True
    return after[0] in _RESEARCH_WORDS or after[0] in {"and", "but", "to", "at", "in"}


def early_stage_research(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'early-stage research', '(the field is) at an early stage' are status; 'an early
    stage of differentiation' and 'early-stage cancer' are biology."""
    after = words_after(text, e, ue, 4)
    if after[:1] == ["of"]:
        return any(w in _RESEARCH_WORDS - {"development"} for w in after[1:])
    if after and after[0] in _RESEARCH_WORDS:
        return True
    if not text[s:e].lower().startswith(("at ", "in ")):
        return False
    before = words_before(text, s, us, 1)
    return bool(before) and before[0] in {
        "is", "are", "was", "were", "be", "still", "remains", "remain", "currently",
    }  # fmt: skip


def assume_belief(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'it is assumed that', 'of assumed significance' hold a belief; 'assumed the role'
    and 'assume responsibility' take something on."""
    if text[s:e].lower().endswith("that"):
        return True
    after = words_after(text, e, ue, 1)
    return not (
        after
        and after[0] in {"the", "a", "an", "responsibility", "control", "role", "roles", "its"}
    )


_INSTRUCTED = {
    "consult", "avoid", "talk", "tell", "contact", "discuss", "seek", "use", "apply", "take",
    "wait", "stop", "read", "always", "never", "check", "ask", "speak", "keep", "store",
    "wear", "follow", "not", "only",
}  # fmt: skip


# "It should be noted that ..." draws attention; it does not hedge what follows.
_REMARKED = {"noted", "emphasized", "emphasised", "stressed", "mentioned", "pointed", "borne"}


def should_epistemic(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'X should be considered / should reflect' infers; 'you should consult your
    doctor', 'should not be used', 'should be applied twice daily' instruct, and
    'it should be noted that' only draws attention."""
    before = words_before(text, s, us, 1)
    if before and before[0] in _ADVISED:
        return False
    after = words_after(text, e, ue, 2)
    if after[:1] == ["be"] and after[1:2] and after[1] in _REMARKED:
        return False
    if after[:1] and after[0] in _INSTRUCTED:
        return False
    return not (
        after[:1] == ["be"]
        and len(after) > 1
        and after[1]
        in {"applied", "taken", "used", "stored", "kept", "avoided", "consulted", "worn"}
    )


# Verbs of a physical or bodily process ('teaches your immune system', 'emits light',
# 'holds your jaw forward'): what they act on says how a product works.
_PROCESS_VERBS = {
    "block", "blocks", "blocked", "blocking", "inhibit", "inhibits", "inhibited",
    "inhibiting", "target", "targets", "targeted", "targeting", "release", "releases",
    "released", "releasing", "trigger", "triggers", "triggered", "triggering", "tell",
    "tells", "telling", "told", "teach", "teaches", "teaching", "taught", "train", "trains",
    "trained", "training", "signal", "signals", "signalled", "signaled", "send", "sends",
    "sending", "sent", "feed", "feeds", "feeding", "fuel", "fuels", "fuelled", "fueled",
    "convert", "converts", "converted", "calm", "calms", "calmed", "calming", "relax",
    "relaxes", "relaxed", "relaxing", "reach", "reaches", "reached", "reaching", "coat",
    "coats", "coated", "reset", "resets", "regulate", "regulates", "regulated",
    "regulating", "rebalance", "rebalances", "rebalanced", "modulate", "modulates",
    "modulated", "switch", "switches", "switched", "recycle", "recycles", "recycled",
    "power", "powers", "powered", "rebuild", "rebuilds", "rebuilt", "store", "stores",
    "stored", "restore", "restores", "restored", "restoring", "boost", "boosts", "boosted",
    "boosting", "kill", "kills", "killed", "killing", "absorbed", "emit", "emits",
    "emitted", "emitting", "deliver", "delivers", "delivered", "delivering", "generate",
    "generates", "generated", "generating", "produce", "produces", "produced", "producing",
    "hold", "holds", "held", "holding", "keep", "keeps", "kept",
    "keeping", "move", "moves", "moved", "moving", "pull", "pulls", "pulled", "push",
    "pushes", "pushed", "position", "positions", "positioned", "stretch", "stretches",
    "stretched", "stretching", "reshape", "reshapes", "reshaped", "reshaping", "realign",
    "realigns", "realigned", "realigning", "energise", "energises", "energised", "energize",
    "energizes", "energized", "flood", "floods", "flooded", "flooding", "strengthen",
    "strengthens", "strengthened", "strengthening", "seal", "seals", "sealed", "sealing",
    "support", "supports", "supported", "supporting", "raise", "raises", "raised",
    "suppress", "suppresses", "suppressed", "suppressing", "flush", "flushes", "flushed",
    "flushing", "draw", "draws", "drew", "drawing", "dissolve", "dissolves", "dissolved",
    "dissolving", "digest", "digests", "digested", "break", "breaks", "broke", "filter",
    "filters", "filtered", "filtering", "shrink", "shrinks", "shrank", "shrinking",
    "nourish", "nourishes", "nourished", "nourishing", "freeze", "freezes", "froze",
    "freezing", "crystallise", "crystallises", "crystallize", "crystallizes", "preserve",
    "preserves", "preserved", "preserving", "dampen", "dampens", "dampened", "dampening",
    "activate", "activates", "activated", "activating", "stimulate", "stimulates",
    "stimulated", "stimulating",
}  # fmt: skip
# A new clause, a comparison or a passive agent between the verb and the object: the object
# is not what the verb acts on ("a seizure triggered by light").
_CLAUSE_WORDS = {
    "but", "if", "when", "because", "while", "which", "that", "who", "so", "than", "as", "by",
    "and", "or",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")
# Before a process word, these make it a noun: "a building block of brain membranes".
_NOUN_MAKERS = {"a", "an", "the", "this", "its", "their", "your", "our", "building", "key"}


def after_process_verb(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """A body part, cell or signal is a mechanism cue only as the object of a process
    verb at most five words before it in the same clause ('calms your nervous system');
    'skin cells' or 'light therapy' alone says nothing of how a product works."""
    lo = max(us, s - 60)
    clause = _CLAUSE_BREAK.split(text[lo:s])[-1]
    words = [w.lower() for w in _WORD.findall(clause)[-6:]]
    for i in range(len(words) - 1, -1, -1):
        before = words[i - 1] if i else ""
        if words[i] == "by" and before == "absorbed":
            return True  # "absorbed by the mitochondria"
        if words[i] in _PROCESS_VERBS:
            # "a building block of ...": a noun; "does not regulate insulin": no process
            if before not in _NOUN_MAKERS and before not in {"not", "never", "no"}:
                return True
        elif words[i] in _CLAUSE_WORDS:
            return False
    return False


# What a testimonial says went away ("the swelling went down", "the ringing has faded").
_COMPLAINTS = {
    "swelling", "ringing", "buzzing", "pain", "ache", "aches", "stiffness", "soreness",
    "itching", "itchiness", "redness", "puffiness", "bloating", "cravings", "flashes",
    "flushes", "sweats", "migraine", "migraines", "headache", "headaches", "symptoms",
    "scar", "scars", "cholesterol", "pressure", "sugar", "a1c", "inflammation", "flare-ups",
    "breakouts", "acne", "eczema", "psoriasis", "rash", "wrinkles", "spots", "shedding",
    "snoring", "reflux", "heartburn", "anxiety", "fog", "plaques", "patches", "lesions",
    "blemishes", "pimples", "hives", "tinnitus", "cough", "congestion", "cramps", "tingling",
    "numbness", "tenderness", "pigmentation", "lines",
}  # fmt: skip


def after_complaint(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'went down', 'faded': an outcome only when a complaint or a reading went
    ('The ringing in my ears has faded'), not a light or a price."""
    return any(w in _COMPLAINTS for w in words_before(text, s, us, 5))


def settled_state(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'back to normal', 'off my pills': a state the person is now in ('is back to
    normal', 'I'm off my pills'), not an instruction ('never come off your pills')."""
    before = [w for w in words_before(text, s, us, 3) if w not in {"now", "finally", "all"}]
    last = before[-1] if before else ""
    return last in {"is", "are", "was", "were", "went", "came", "got", "been", "am"} or (
        last.endswith("'m")
    )


# Before "work", these make it the noun: "the work was funded", "more work is needed".
_WORK_NOUN_BEFORE = {
    "the", "earlier", "previous", "prior", "further", "more", "their", "our", "his", "her",
    "its", "new", "recent", "early", "much", "lab", "laboratory", "research", "clinical",
    "preclinical", "animal", "experimental", "published", "original", "scientific", "such",
}  # fmt: skip


def work_as_verb(text: str, s: int, e: int, us: int, ue: int) -> bool:
    """'work' as what a treatment does ('Does it work?'), not the research ('the work was
    funded by the MRC', 'more work is needed')."""
    before = words_before(text, s, us, 1)
    return not (before and before[0] in _WORK_NOUN_BEFORE)


RULES: dict[str, Rule] = {
    fn.__name__: fn
    for fn in (
        not_month,
        instruction_opener,
        modal_may,
        not_faq,
        not_section_name,
        likely_epistemic,
        not_permission,
        not_would_like,
        not_could_not,
        suggest_not_recommend,
        not_noun_suggestion,
        indicate_not_reference,
        appear_seeming,
        whether_open_question,
        if_indirect_question,
        if_not_alternative,
        could_hedge,
        potential_epistemic,
        not_disbelief,
        possible_epistemic,
        not_anaphoric,
        emerging_research,
        not_data_aside,
        experimental_status,
        under_study_status,
        ongoing_research,
        early_stage_research,
        assume_belief,
        should_epistemic,
        not_statistic,
        not_purchase_term,
        outcome_promise,
        best_outcome,
        natural_promotional,
        established_certainty,
        cure_promise,
        not_approximator,
        not_negated,
        clearly_certain,
        prohibition_opener,
        symptom_question,
        significant_booster,
        after_process_verb,
        after_complaint,
        settled_state,
        work_as_verb,
    )
}
