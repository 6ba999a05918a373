"""Each rule and exception of the annotation guide, on the real tagger."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims import annotate_file, annotate_text
from claims.tagging import tag_sentence


def caveats(sentence: str) -> list[tuple[str, str]]:
    return [(c.text, c.category) for c in tag_sentence(sentence).caveats]


def boosters(sentence: str) -> list[tuple[str, str]]:
    return [(b.text, b.category) for b in tag_sentence(sentence).boosters]


def flag_codes(sentence: str) -> dict[str, str]:
    return {f.code: f.severity for f in tag_sentence(sentence).flags}


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("These cells may replace damaged cells.", "may", "modal"),
        ("Stem cells might also help extend the anagen phase.", "might", "modal"),
        ("Stem cells are believed to promote growth.", "believed", "epistemic"),
        ("Early results suggest that the serum works.", "suggest", "epistemic"),
        ("The effect appears to depend on the dose.", "appears to", "epistemic"),
        ("Stem cell therapy is still considered experimental.", "experimental", "status"),
        ("More research is needed.", "More research is needed", "status"),
        ("The treatment is not FDA-approved.", "not FDA-approved", "status"),
        ("Not everyone responds to treatment.", "Not everyone", "limitation"),
        ("TRT is not right for every man.", "not right for every man", "limitation"),
        ("Peels are not the right choice for every skin type.", "every skin type", "limitation"),
        ("Follicles often enter a resting phase.", "often", "frequency"),
        ("Results tend to fade after a year.", "tend to", "frequency"),
        ("It is unclear whether the effect lasts.", "whether", "epistemic"),
        ("No supplement can guarantee a pregnancy.", "No supplement can guarantee", "limitation"),
        ("See a urologist if you have been trying for a year.", "See a urologist", "limitation"),
        ("Talk to a hearing professional first.", "Talk to a hearing professional", "limitation"),
        ("One idea is that it helps mitochondria waste less oxygen.", "One idea is", "epistemic"),
        ("Research on nitrate and recovery is limited.", "is limited", "status"),
    ],
)
def test_caveat_categories(sentence: str, cue: str, category: str) -> None:
    found = caveats(sentence)
    assert any(cue in text and cat == category for text, cat in found), found


def test_month_may_is_not_a_caveat() -> None:
    assert caveats("The clinic opened in May 2021.") == []
    assert caveats("YOUR MAY OFFER") == []  # after a determiner: a noun, no modal verb
    assert caveats("Results were published on 5 May.") == []
    assert caveats("Results may take months.") == [("may", "modal")]


def test_can_and_cannot_are_capability_not_caveats() -> None:
    assert caveats("Stem cells can stimulate follicles.") == []
    assert caveats("The device cannot replace lost follicles.") == []


def test_you_may_not_resell_is_a_rule_not_a_hedge() -> None:
    assert caveats("You may not resell this product.") == []
    # ...but "you may not see results" admits a limit
    assert caveats("You may not see results for months.")[0][1] == "limitation"


def test_quantifiers_and_approximators_are_not_caveats() -> None:
    assert caveats("Many patients and some doctors use it; about 40% improve.") == []
    assert caveats("If you qualify, results come in as little as 8 weeks.") == []


def test_stock_disclaimer_is_one_limitation_cue() -> None:
    assert caveats("Individual results may vary.") == [
        ("Individual results may vary", "limitation")
    ]
    sentence = "This product is not intended to diagnose, treat, cure, or prevent any disease."
    found = caveats(sentence)
    assert len(found) == 1 and found[0][1] == "limitation"
    assert boosters(sentence) == []  # its "cure" is no booster
    assert tag_sentence(sentence).claim_types == ["other"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("It has not been proven to regrow hair.", "has not been proven"),
        ("There is no guarantee of results.", "no guarantee"),
        ("There is no evidence that it works.", "no evidence"),
    ],
)
def test_negated_boosters_are_caveats(sentence: str, cue: str) -> None:
    found = caveats(sentence)
    assert any(cue.lower() in text.lower() for text, _ in found), found
    assert {cat for _, cat in found} <= {"status", "limitation"}
    assert boosters(sentence) == []


def test_significant_booster_only_outside_a_statistic() -> None:
    assert boosters("Patients showed significant improvement.") == [("significant", "certainty")]
    assert boosters("The difference was not significant (p = 0.21).") == []
    assert boosters("Hair counts rose significantly (p < 0.01).") == []


def test_suggest_as_recommend_is_not_a_caveat() -> None:
    assert caveats("Dermatologists suggest combining it with minoxidil.") == []
    assert caveats("We suggest one shot a day for 3 to 5 days beforehand.") == []
    assert caveats("We suggest a role for the kinase.") == [("suggest", "epistemic")]
    assert caveats("These data suggest that it acts on follicles.") == [("suggest", "epistemic")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the terms of a sale, in the passive: a rule
        ("Returns may not be accepted after 60 days.", []),
        ("The warranty may not be transferred to a new owner.", []),
        ("Sessions may not be enough for everyone.", [("may", "modal")]),
        ("The results may not be transferred to humans.", [("may", "modal")]),
        # amazement, a reader's own choice, an ability measured
        ("I can't believe an app did this!", []),
        ("To find out whether knee replacement is right for you, call us.", []),
        (
            "It is unclear whether the drug is right for children.",
            [("is unclear", "status"), ("whether", "epistemic")],
        ),
        ("The team then measured how long the mice could run on a treadmill.", []),
        (
            "We do not know how long the effect lasts or whether it could cause harm.",
            [("do not know", "status"), ("whether", "epistemic"), ("could", "modal")],
        ),
    ],
)
def test_rules_amazement_and_choices_are_no_caveats(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert caveats(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Optometrists suggest the 20-20-20 rule as well.",
        "Dr. Adler suggested that patients keep a headache diary for a month.",
        "My doctor ran blood tests and suggested I cut back on work.",
        "NICE recommends exercise first and suggests manual therapy only as part of a package.",
        "The American Cancer Society suggests a blood test only for people who avoid screening.",
        "We suggest that patients keep a diary.",
    ],
)
def test_advice_an_adviser_suggests_is_not_a_caveat(sentence: str) -> None:
    assert caveats(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We suggest that patients with lupus have a higher risk of infection.",
        "Recent studies suggest that patients with low vitamin D have more infections.",
        "Experts suggest a link between gut bacteria and mood.",
        "Smith et al. suggested a role for IL-2 in this process.",
        "T3 enhanced the action of RA, suggesting cooperative action of the two receptors.",
        "These data also suggest one possible explanation for the toxicity.",
    ],
)
def test_an_inference_suggested_stays_a_caveat(sentence: str) -> None:
    assert "suggest" in [t.lower()[:7] for t, c in caveats(sentence) if c == "epistemic"]


def test_booster_categories_and_hundred_percent_natural() -> None:
    found = boosters("Our 100% natural formula is clinically proven and guaranteed.")
    assert ("100%", "absolute") in found
    assert ("natural", "promotional") in found
    assert ("clinically proven", "certainty") in found
    assert ("guaranteed", "absolute") in found
    assert ("permanent", "absolute") in boosters("It gives permanent results.")
    assert ("breakthrough", "promotional") in boosters("A breakthrough for hair loss.")


def test_purchase_terms_and_instructions_are_not_boosters() -> None:
    assert boosters("Try it risk-free with our 60-day money-back guarantee.") == []
    assert boosters("Always read the label before use.") == []
    assert ("always", "absolute") in boosters("It always works.")


def test_ongoing_trials_are_status_not_evidence() -> None:
    claim = tag_sentence("Various clinical trials are being conducted to assess the safety.")
    assert claim.evidence == []
    assert [c.category for c in claim.caveats] == ["status"]
    assert claim.claim_types == ["research"]


def test_named_study_is_weak_and_flagged() -> None:
    claim = tag_sentence(
        "One study published in the Journal of Stem Cells found that patients who "
        "receivedstem cell injections showed significant improvement in hair thickness."
    )
    assert [(e.text, e.specificity) for e in claim.evidence] == [
        ("One study published in the Journal of Stem Cells", "named")
    ]
    assert claim.evidence_strength == "weak"
    codes = {f.code: f.severity for f in claim.flags}
    assert codes["needs_substantiation"] == "high"
    assert "overstated" in codes and "vague_source" in codes


def test_specific_rct_is_strong_and_unflagged() -> None:
    claim = tag_sentence(
        "In a randomized, placebo-controlled trial of 120 adults (Lee et al., 2021), "
        "the treated group gained 18 hairs/cm² more than placebo."
    )
    assert claim.evidence[0].specificity == "specific"
    assert claim.evidence[0].design == "rct"
    assert claim.evidence[0].text.startswith("a randomized")
    assert claim.evidence_strength == "strong"
    assert claim.flags == []
    assert "comparative" not in claim.claim_types  # a comparison with placebo is efficacy


@pytest.mark.parametrize(
    ("sentence", "specificity", "design"),
    [
        ("Research has demonstrated that it regrows hair.", "vague", "unspecified"),
        ("Studies show that biotin helps.", "vague", "unspecified"),
        ("A 2015 study found that it helps.", "vague", "unspecified"),
        ("Many of our customers report thicker hair.", "vague", "anecdotal"),
        ("Experts agree that it blocks DHT.", "vague", "expert_opinion"),
        ("Obesity specialists generally agree that diet helps.", "vague", "expert_opinion"),
        ('"It works," said Dr. Maria Lopez of Stanford.', "named", "expert_opinion"),
        ("According to the American Academy of Dermatology, it helps.", "named", "unspecified"),
        (
            "The American Heart Association says walking lowers blood pressure.",
            "named",
            "unspecified",
        ),
        (
            "Dr. Rachel Moyo, a geriatrician at St. Mary's Hospital in Leeds, said it works.",
            "named",
            "expert_opinion",
        ),
        ('Dr. Aisha Okonjo called the findings "a real breakthrough."', "named", "expert_opinion"),
        (
            "The American Academy of Allergy, Asthma & Immunology does not recommend IgG tests.",
            "named",
            "unspecified",
        ),
        ("Some practitioners believe a leaky gut drives fatigue.", "vague", "expert_opinion"),
        ("A laboratory study [2] showed regrowth in mice.", "specific", "preclinical"),
        ("The trial (NCT01234567) showed denser hair.", "specific", "clinical_trial"),
        (
            "A meta-analysis of 14 RCTs (Smith et al., 2019) found benefit.",
            "specific",
            "systematic_review",
        ),
        ("A study of 12 club runners found faster race times.", "vague", "unspecified"),
        ("A trial in 300 smokers showed that it works.", "vague", "clinical_trial"),
    ],
)
def test_evidence_specificity_and_design(sentence: str, specificity: str, design: str) -> None:
    claim = tag_sentence(sentence)
    assert claim.evidence, sentence
    best = claim.evidence[0]
    assert (best.specificity, best.design) == (specificity, design)
    assert sentence[best.start : best.end] == best.text


@pytest.mark.parametrize(
    "sentence",
    [
        "In the HEARMIND trial, a randomized study of 977 adults [1], hearing aids helped.",
        "In a randomized trial of 240 adults, published in the Journal of Sleep Research in"
        " 2023, it helped.",
    ],
)
def test_a_source_and_its_apposition_are_one_mention(sentence: str) -> None:
    claim = tag_sentence(sentence)
    assert [(e.specificity, e.design) for e in claim.evidence] == [("specific", "rct")]
    assert claim.evidence_strength == "strong"


def test_preclinical_evidence_is_weak_however_specific() -> None:
    assert (
        tag_sentence("A laboratory study [2] showed regrowth in mice.").evidence_strength == "weak"
    )


def test_citation_marker_after_full_stop_is_evidence() -> None:
    claim = tag_sentence("Minoxidil prolongs the growth phase.[1]")
    assert [(e.text, e.specificity) for e in claim.evidence] == [("[1]", "specific")]


def test_hedged_claim_without_evidence_is_medium() -> None:
    assert flag_codes("Stem cells may enhance blood flow to the scalp.") == {
        "needs_substantiation": "medium"
    }


def test_comparative_claim_flags() -> None:
    codes = flag_codes("Unlike hair transplant surgery, stem cell injections require no incisions.")
    assert codes == {"needs_substantiation": "high", "comparative_claim": "medium"}


def test_questions_carry_no_tags() -> None:
    claim = tag_sentence("Is it proven to work?")
    assert claim.kind == "question"
    assert claim.caveats == [] and claim.boosters == [] and claim.flags == []
    assert claim.claim_types  # still says what it asks about


def test_instructions_section_names_and_conditions_are_not_boosters() -> None:
    assert boosters("Always arrive with clean, dry hair.") == []
    assert boosters("Never plunge alone.") == []
    assert boosters("Never worry about thinning hair again.") == [("Never", "absolute")]
    assert boosters("OUR GUARANTEE") == []
    assert boosters("Guaranteed to regrow hair.") == [("Guaranteed", "absolute")]
    assert boosters("Yes, it regrows hair even on completely bald patches.") == []
    assert boosters("It completely restores hair.") == [("completely", "absolute")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Keep your eyes closed and never look directly into the lights.", []),
        ("Set the volume low, and never go above 60% with earbuds.", []),
        ("My cardiologist says she's never seen anything like it.", []),
        ("Their friends never even noticed they were wearing aligners.", []),
        ("Our serum works fast and never irritates the skin.", [("never", "absolute")]),
        ("Your results last and never fade.", [("never", "absolute")]),
        ("With Veloxa you never have to worry about thinning.", [("never", "absolute")]),
    ],
)
def test_never_in_advice_or_in_what_happened_is_no_promise(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert boosters(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "not always" admits exceptions; a lasting harm and the only side effect
        # promise nothing
        ("Results in animals did not always carry over to people.", []),
        ("It doesn't always work the first time.", []),
        ("Loud sound through earbuds can cause permanent hearing loss.", []),
        ("A laser can permanently damage your eyes.", []),
        ("Mild warmth is usually the only side effect.", []),
        ("Surgery is no longer the only way to get there.", []),
        # guards: the promises themselves
        ("It always works.", [("always", "absolute")]),
        ("Enjoy permanent results.", [("permanent", "absolute")]),
        ("It is the only treatment that works.", [("the only", "promotional")]),
    ],
)
def test_exceptions_harms_and_side_effects_are_no_promise(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert boosters(sentence) == expected


def test_a_personal_best_is_an_athletes_record_not_a_booster() -> None:
    assert boosters("No supplement can guarantee a personal best.") == []
    assert boosters("The best results come with daily use.") == [("best", "promotional")]


def test_clearly_is_certainty_unless_it_says_how_a_sense_works() -> None:
    assert boosters("Hear Clearly Again") == []
    assert boosters("It helps you think more clearly.") == []
    assert boosters("The results clearly show regrowth.") == [("clearly", "certainty")]
    assert boosters("The data more clearly show the benefit.") == [("clearly", "certainty")]


def types(sentence: str) -> list[str]:
    return list(tag_sentence(sentence).claim_types)


@pytest.mark.parametrize(
    "sentence",
    [
        "Magnesium relaxes tense muscles and calms a racing mind.",
        "Melatonin shortened the time to fall asleep by about 7 minutes.",
        "Thousands of happy customers report deeper, more restful sleep.",
        "Volunteers who took the gummies slept 25 minutes longer than before.",
        "Our blend supports healthy sleep.",
        "Build lean muscle and burn stubborn belly fat",
        "Studies suggest that TRT can add about 1 to 2 kg of lean muscle.",
        "Get Your Drive Back With Doctor-Led Testosterone Therapy",
        "A monthly pill might one day delay frailty and dementia.",
        "Grip strength was 35% higher at 24 months.",
        "It raises your own testosterone.",
        "My patients tell me they feel like themselves again.",
        "Most of our patients feel a difference within the first two weeks.",
        "Six weeks in, her migraines had stopped and her brain fog had completely lifted.",
        '"My reflux is gone for good after four weeks!"',
        '"No change in my numbers after four months."',
        '"My count went from 8 million to 31 million in 12 weeks."',
        "Aligners give adults the smile they want.",
        "Our aligners straighten teeth in months.",
        '"After two years of trying, my wife got pregnant in our third month."',
        "The shot cut severe illness in older adults by 94%.",
        "Kayla went down two jean sizes after three sessions.",
        "My jeans fit better now.",
        "Shave seconds off your 5K time.",
        "Appetite drops within the first week.",
        "Real energy that lasts all week",
        "The lenses shield your retinas from screen damage.",
        "LDL cholesterol fell 38% at one year.",
        "Time-to-exhaustion went up by almost two minutes.",
        "Patients on the drug were hospitalised half as often.",
        "Participants needed fewer puffs of their rescue inhaler.",
        "She has been seizure-free for 18 months.",
        "Most patients are walking without a cane within two weeks.",
        "Two capsules a day and the afternoon slump is history.",
        "Within a week, most users say the ringing is barely noticeable.",
        "Ninety percent of patients were satisfied with their new smile.",
        "Participants' blood sugar stayed in range 80% of the day.",
        "Skin looked visibly plumper after four weeks.",
        "Sharper recall, faster reactions, better decisions.",
        "Nine out of ten wearers understood more words in noisy rooms.",
        "The mask firms, lifts and brightens in just 10 minutes a day.",
        "Mice given the compound lived 25% longer.",
        "Our members drop an average of 22 pounds in their first 12 weeks.",
        "No more waking up at 3 a.m. with your mind racing.",
        "Your memory will be as sharp as it was at 40.",
        '"Within a month my plaques had faded."',
        "My wife says I no longer ask her to repeat everything.",
        "My coach says my power numbers have never been better.",
        "Shave 20 seconds or more off your 5K.",
        "Took four minutes off my marathon PB in Berlin.",
        "You can enjoy conversations with family and friends again.",
        "The noise cancelling may not remove all background sound.",
        "How long do veneers last?",
        "Is it worth trying?",
        "Once the fat cells are gone, will they come back?",
    ],
)
def test_outcomes_beyond_hair_and_skin_are_efficacy(sentence: str) -> None:
    assert "efficacy" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not take more than 2 gummies in 24 hours.",
        "The gummies may cause drowsiness, so do not drive after taking them.",
        "Consult your doctor if you take blood thinners or other medication.",
        "The treatment is not suitable for people who take light-sensitising medication.",
        "Our gummies are non-habit-forming.",
        "You can return to work immediately after each session.",
        "Do not start TRT if you have untreated prostate cancer.",
        "Do not combine it with alcohol.",
        "Skipping checkups may lead to problems such as root shortening.",
        "Tell your dentist right away if a tooth feels loose.",
        "Some men get heartburn.",
        "There is a small risk of infection.",
        "Do not take it with sildenafil, because your blood pressure could drop too far.",
        "Never plunge alone.",
        "Never rub your eyes in the first month, because this can dislodge the flap.",
        "- Do not push the earpiece deeper than the dome allows.",
    ],
)
def test_warnings_and_downtime_are_safety(sentence: str) -> None:
    assert "safety" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Don't take our word for it.",
        "Never miss a workout again.",
        "Patients who never smoked did better.",
        '"Never racing without it again."',
        "Do not start your subscription until the welcome email arrives.",
    ],
)
def test_a_prohibition_warns_only_when_it_opens_and_forbids_a_harm(sentence: str) -> None:
    assert "safety" not in types(sentence)


def test_a_stock_disclaimer_alone_and_a_refund_offer_are_other() -> None:
    assert types("Consult your doctor.") == ["other"]
    assert types("Not happy? Get your money back within 30 days.") == ["other"]
    assert types("Do not start your subscription until the welcome email arrives.") == ["other"]
    assert types("If the gummies do not help you sleep, we will refund every penny.") == ["other"]
    assert "efficacy" not in types("Light energy only, with no drugs or chemicals.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Obesity rates rose 10% in a decade.",
        "Prices went up by 5% last year.",
        "People blink up to 60% less often while staring at a screen.",
        "Do not drive without your glasses.",
        "Take time off work.",
        "Come back next week for your second session.",
    ],
)
def test_a_number_that_moved_is_no_outcome_for_a_rate_a_price_or_a_habit(sentence: str) -> None:
    assert "efficacy" not in types(sentence)


def test_risk_factors_for_a_disease_are_no_harm_of_the_product() -> None:
    sentence = "Hearing aids helped only people with other risk factors for dementia."
    assert "safety" not in types(sentence)


def test_a_race_against_the_clock_is_an_outcome_not_a_trial() -> None:
    assert types("Cyclists rode 2.8% faster in a 10 km time trial.") == ["efficacy"]
    assert "research" in types("Cyclists rode 2.8% faster in the trial.")


def test_getting_pregnant_is_an_outcome_and_pregnancy_a_warning() -> None:
    assert "safety" not in types("Will it help us get pregnant?")
    assert "safety" in types("Do not use if you are pregnant.")


def test_mixed_results_comment_on_the_research() -> None:
    assert "research" in types("It may improve motility, but the results are mixed.")


def test_what_a_comparison_compares_is_typed_too() -> None:
    assert types("Laser therapy is more effective than minoxidil.") == ["efficacy", "comparative"]
    assert types("It is less invasive than surgery.") == ["safety", "comparative"]


def test_clinically_tested_is_vague_evidence_unless_negated() -> None:
    claim = tag_sentence("The serum is clinically tested and works better than retinol.")
    assert [(e.text, e.specificity, e.design) for e in claim.evidence] == [
        ("clinically tested", "vague", "clinical_trial")
    ]
    assert claim.evidence_strength == "weak"
    assert "vague_source" in flag_codes("The serum is clinically tested.")
    untested = tag_sentence("This serum has not been clinically tested.")
    assert untested.evidence == []
    assert [c.category for c in untested.caveats] == ["status"]


def test_an_adverb_between_a_source_and_its_verb_keeps_the_frame() -> None:
    claim = tag_sentence("Doctors increasingly recommend herbal options for hot flushes.")
    assert [(e.text, e.specificity) for e in claim.evidence] == [("Doctors", "vague")]


def test_a_headline_capitalises_its_modifiers_without_naming_a_source() -> None:
    claim = tag_sentence("Once-Weekly Insulin Works as Well as Daily Shots, Large Trial Finds")
    assert [(e.text, e.specificity) for e in claim.evidence] == [("Large Trial", "vague")]
    named = tag_sentence("Harvard Medical School Study Finds Walking Lowers Blood Pressure")
    assert [e.specificity for e in named.evidence] == ["named"]


def test_a_title_that_is_itself_the_appeal_keeps_it_as_evidence() -> None:
    # a section title cites nothing, but "A Clinically Tested Formula" makes the appeal
    doc = annotate_text("A Clinically Tested Formula\n\nWhat the Research Says\n\nIt works.\n")
    title, section, _ = doc.claims
    assert [(e.text, e.specificity) for e in title.evidence] == [("Clinically Tested", "vague")]
    assert "vague_source" in [f.code for f in title.flags]
    assert section.evidence == []


def test_planned_and_ongoing_research_is_status() -> None:
    planned = tag_sentence("She said the team plans to analyse whether higher doses help.")
    assert ("plans to analyse", "status") in [(c.text, c.category) for c in planned.caveats]
    ongoing = tag_sentence("Researchers are now investigating whether collagen supports joints.")
    assert ("are now investigating", "status") in [(c.text, c.category) for c in ongoing.caveats]
    assert ongoing.claim_types == ["research"]


def test_warning_cues_need_their_risk_context() -> None:
    assert "safety" not in types("If you have thinning hair, try our serum.")
    assert "safety" not in types("Stem cells interact with follicle cells.")
    assert "safety" in types("It may interact with blood thinners.")
    assert "safety" in types("If you have a heart condition, do not plunge.")
    assert "efficacy" not in types("A lower dose was used.")


def test_a_pronoun_reporting_the_quoted_expert_takes_their_evidence() -> None:
    doc = annotate_text(
        "Dr. Mary Lee, a dermatologist, said the serum thickens hair.\n\n"
        '"It is also gentle on the scalp," she said.\n\n'
        "She said the team plans to study it in men.\n",
        name="quote.txt",
    )
    quoted, pronoun, planned = doc.claims
    assert [(e.text, e.specificity, e.design) for e in quoted.evidence] == [
        ("Dr. Mary Lee", "named", "expert_opinion")
    ]
    assert [(e.text, e.specificity, e.design) for e in pronoun.evidence] == [
        ("she", "named", "expert_opinion")
    ]
    assert "vague_source" in [f.code for f in pronoun.flags]
    assert planned.evidence == []  # planned research reports no result
    alone = annotate_text("He said the serum thickens hair.\n", name="alone.txt")
    assert alone.claims[0].evidence == []  # nobody quoted before: no source to refer to


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An experimental once-daily pill lowered blood sugar.", [("experimental", "status")]),
        ("We used an experimental model of drug resistance.", []),
        ("These results are very encouraging.", [("encouraging", "epistemic")]),
        ("Stem cells signal, encouraging the growth of new hair.", []),
        (
            "We need larger and longer studies before calling it a cure.",
            [("We need larger and longer studies", "status")],
        ),
        ("A phase 3 trial is being planned.", [("being planned", "status")]),
        (
            "It may help, although the research on it is mixed.",
            [("may", "modal"), ("the research on it is mixed", "status")],
        ),
        (
            "Do not change your medication without talking to your doctor.",
            [("talking to your doctor", "limitation")],
        ),
        ("Results last two years, depending on your diet.", [("depending on your", "limitation")]),
        ("We cannot exclude that some protein remains.", [("cannot exclude", "epistemic")]),
        ("It is plausible that LMP-1 acts directly.", [("plausible", "epistemic")]),
        ('"I wish I could have offered it to my patients," he adds.', []),
        ("Limitations", []),
        ("The trial had limitations.", [("limitations", "limitation")]),
        # someone else's word, or the writer's guess
        ("The town was reportedly founded by Norse settlers.", [("reportedly", "epistemic")]),
        ("Supposedly, the tea melts belly fat.", [("Supposedly", "epistemic")]),
        ("Some people claim that the water heals.", [("claim that", "epistemic")]),
        (
            "It is supposed that some effects are due to the membrane.",
            [("It is supposed that", "epistemic")],
        ),
        ("You are supposed to take it with food.", []),
        ("The serum claims to regrow hair.", []),
        ("The exact cause remains a mystery.", [("remains a mystery", "status")]),
        ("Experts disagree about the right dose.", [("Experts disagree", "status")]),
    ],
)
def test_caveat_paraphrases_and_look_alikes(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert caveats(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # web copy writes the negation contracted
        ("It hasn't been proven to work.", [("hasn't been proven", "status")]),
        ("It isn't a cure.", [("isn't a cure", "limitation")]),
        ("It isn't a substitute for medical care.", [("isn't a substitute for", "limitation")]),
        ("It isn't suitable for children.", [("isn't suitable for", "limitation")]),
        ("It isn't FDA-approved.", [("isn't FDA-approved", "status")]),
        ("It isn't well understood.", [("isn't well understood", "status")]),
        ("It's unclear how long the effect lasts.", [("unclear", "status")]),
        ("Results aren't guaranteed.", [("aren't guaranteed", "limitation")]),
        ("It's no magic bullet.", [("no magic bullet", "limitation")]),
        # the state of research in everyday words
        ("It's too soon to say.", [("too soon to say", "status")]),
        ("The jury is still out.", [("jury is still out", "status")]),
        ("Only time will tell.", [("Only time will tell", "status")]),
        ("Experts remain divided.", [("Experts remain divided", "status")]),
        ("Scientists are still working out how it works.", [("still working out", "status")]),
        ("The findings need to be confirmed.", [("need to be confirmed", "status")]),
        ("Larger studies are needed.", [("Larger studies are needed", "status")]),
        (
            "It may help, though the studies were small.",
            [("may", "modal"), ("studies were small", "status")],
        ),
        ("Your mileage may vary.", [("Your mileage may vary", "limitation")]),
        ("Some people notice a difference; others don't.", [("others don't", "limitation")]),
        ("I think the hype runs ahead of the evidence.", [("I think", "epistemic")]),
        ("It clears plaques in many people.", [("in many people", "frequency")]),  # as labelled
        ("No diet has been proven to prevent flares.", [("No diet has been proven", "status")]),
        ("We need the phase 3 data first.", [("need the phase 3 data", "status")]),
        ("The treatment is still in development.", [("still in development", "status")]),
        ("Evidence in humans is lacking.", [("in humans is lacking", "status")]),
        ("These findings have yet to be replicated.", [("yet to be replicated", "status")]),
        ("It is not licensed for this use.", [("not licensed for", "status")]),
        ("The study has not been peer-reviewed.", [("not been peer-reviewed", "status")]),
        (
            "It has not been independently verified.",
            [("not been independently verified", "status")],
        ),
        ("Scientists are still debating it.", [("are still debating", "status")]),
        ("The science is still evolving.", [("still evolving", "status")]),
        ("There are no head-to-head trials.", [("no head-to-head trials", "status")]),
        ("So far it has only been tested in mice.", [("only been tested in mice", "status")]),
        ("Only a handful of studies exist.", [("Only a handful of studies", "status")]),
        ("Results depend on your skin type.", [("Results depend on", "limitation")]),
        ("Outcomes vary.", [("Outcomes vary", "limitation")]),
        ("Effects are temporary.", [("Effects are temporary", "limitation")]),
        ("The effect is modest.", [("effect is modest", "limitation")]),
        ("It cannot reverse existing damage.", [("cannot reverse", "limitation")]),
        (
            "It does not treat the underlying cause.",
            [("does not treat the underlying cause", "limitation")],
        ),
        ("It is not intended for children under 12.", [("not intended for", "limitation")]),
        ("Only works on mild cases.", [("Only works on", "limitation")]),
        ("Some users see no change at all.", [("Some users see no", "limitation")]),
        ("The robot is a tool, not a miracle.", [("not a miracle", "limitation")]),
        ("See an audiologist before you start.", [("See an audiologist", "limitation")]),
        ("Contact your doctor if your urine turns dark.", [("Contact your doctor", "limitation")]),
        ("Ask your doctor to recheck your TSH.", []),  # a service asked for, no judgement
        ("Call the clinic if you feel faint.", [("Call the clinic", "limitation")]),
        ("Call the clinic to book.", []),
        ("Severe episodes were rare in both groups.", [("rare", "frequency")]),
        ("For some it can take up to 3 months.", [("For some", "limitation")]),
        ("For some time, nothing helped.", []),
        ("Talk to their diabetes team first.", [("Talk to their diabetes team", "limitation")]),
        ("It is something we won't know for ten years.", [("won't know", "status")]),
        ("We cannot say how much came from the app.", [("cannot say", "status")]),
        ("Registry data do not yet show it.", [("do not yet show", "status")]),
        ("The patients did not show symptoms.", []),
        # a frequency word stays its own cue
        ("Results are often modest.", [("often", "frequency")]),
        # look-alikes: a body that develops, mice that lack a gene, a licensed clinic
        ("The rash is still developing.", []),
        ("Mice lacking the gene were smaller.", []),
        ("Our nurses are licensed in all 50 states.", []),
        ("People with psoriasis are more likely to have heart disease.", []),
        # research prose: a group that behaves otherwise is no limitation
        ("Some mutants expel the protein, while others do not expel it.", []),
    ],
)
def test_contracted_and_everyday_caveats(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert caveats(sentence) == expected


def test_whether_a_reader_should_ask_about_is_no_open_question() -> None:
    assert caveats("Consult your dentist about whether whitening or veneers suit you.") == [
        ("Consult your dentist", "limitation")
    ]
    assert caveats("It is unclear whether A or B is better.") == [
        ("is unclear", "status"),
        ("whether", "epistemic"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the open question's cue is 'whether' (the guide's), not the 'or' of its options
        ("Whether the drips brighten skin or hydrate it is unknown.", ["Whether", "is unknown"]),
        ("We tested whether IL-4 or IL-13 blocks it.", ["whether"]),
        # BioScope marks 'whether or not' whole
        ("We questioned whether or not IL-10 affected it.", ["whether or not"]),
        ("It is not known whether or not the gains last.", ["is not known", "whether or not"]),
        # regardless of what the reader does: no open question
        ("Take it with food, whether or not you feel sick.", []),
        ("Whether you're 30 or 60, the dose is the same.", []),
    ],
)
def test_whether_is_the_cue_of_an_open_question(sentence: str, expected: list[str]) -> None:
    assert [text for text, _ in caveats(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It gives you the relief without the risk.", [("without the risk", "absolute")]),
        ("If you are not completely satisfied, return the bottles.", []),
        ("If you aren’t completely satisfied, return the bottles.", []),  # typographic
        ("Veneers are matched to your natural tooth color.", []),
        ("The package includes our shade guarantee: if you are unhappy, we redo it.", []),
        ("My best friend says her bald spot filled in.", []),
        ("The hormone is made naturally by skeletal muscle.", []),
        ("If you want a natural option, rosemary oil is cheap.", []),
        # a booster named as a word, not used; a label quoted as making the claim keeps it
        ("Be wary of any product that calls itself a miracle.", []),
        ("The words “100% natural” on a label tell you nothing.", []),
        ('Terms like "clinically proven" and "guaranteed" have no legal meaning.', []),
        ("The bottle says “clinically proven”.", [("clinically proven", "certainty")]),
        # a number of days is the term of a guarantee only when it names the guarantee
        ("Results you can see in just 7 days, guaranteed.", [("guaranteed", "absolute")]),
        ("Every order comes with a 60-day guarantee.", []),
        ("It absolutely works.", [("absolutely", "certainty")]),
        ("Absolutely not.", []),
        ("The site is absolutely required for binding.", []),
        (
            "It is hands down the best formula.",
            [("hands down", "certainty"), ("best", "promotional")],
        ),
        ("Doctors call it a medical marvel.", [("medical marvel", "promotional")]),
        (
            "The world's first pioneering device.",
            [("world's first", "promotional"), ("pioneering", "promotional")],
        ),
        ("It is not magic.", []),
        ("Our infusions are side-effect free.", [("side-effect free", "absolute")]),
    ],
)
def test_booster_paraphrases_and_look_alikes(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert boosters(sentence) == expected


def test_a_registry_id_in_a_run_description_is_no_evidence_but_identifies_the_trial() -> None:
    doc = annotate_text(
        "A randomized trial led by researchers at Lakeshore University found it works.\n\n"
        "The double-blind trial (NCT05123456) enrolled 212 adults.\n\n"
        "In the trial, HbA1c fell by 0.9 points.\n\n"
        "The findings were published today in Diabetes Care (Okafor et al., 2025).\n",
        name="release.txt",
    )
    lead, run, result, published = doc.claims
    assert [(e.specificity, e.design) for e in lead.evidence] == [("named", "rct")]
    assert run.evidence == []
    assert [(e.text, e.specificity, e.design) for e in result.evidence] == [
        ("the trial", "specific", "rct")
    ]
    assert result.evidence_strength == "strong"
    assert [(e.specificity, e.design) for e in published.evidence] == [("specific", "rct")]


def test_a_citation_in_a_run_description_is_no_evidence_but_identifies_the_trial() -> None:
    doc = annotate_text(
        "In the ASPREE trial (McNeil et al., 2018), 19,114 healthy older adults were randomly "
        "assigned to take 100 mg of aspirin or a placebo every day.\n\n"
        "The trial found that aspirin did not prolong disability-free survival.\n\n"
        "In the HEARWELL trial [2], 212 adults were randomly assigned to the app or to hearing "
        "aids, and those using the app scored 5% lower.\n\n"
        "Some smaller studies suggest that glucosamine may ease pain, but many of them were "
        "funded by supplement makers.\n",
        name="news.txt",
    )
    run, result, run_with_result, funded = doc.claims
    assert run.evidence == []  # how the trial ran: the citation supports no claim there
    assert [(e.text, e.specificity) for e in result.evidence] == [("The trial", "specific")]
    assert [e.text for e in run_with_result.evidence] == ["the HEARWELL trial [2]"]
    assert funded.evidence != []  # "funded by" beside a finding: the studies still support


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # how a study ran reports no result: research only, even when it names a harm
        (
            "Between May 2021 and August 2023, the team enrolled 12 adults who had had at "
            "least four severe pain crises a year (NCT04871234).",
            ["research"],
        ),
        # guards: a result beside the run description, and a practitioner's registration
        (
            "Participants were randomly assigned to take 25 mg or placebo, and those on the "
            "drug may sleep better.",
            ["efficacy", "research"],
        ),
        ("A 45-minute assessment with a physiotherapist registered with the HCPC.", ["other"]),
    ],
)
def test_how_a_study_ran_is_research(sentence: str, expected: list[str]) -> None:
    assert sorted(types(sentence)) == expected


def test_who_took_part_in_the_trial_or_calls_for_future_trials_cites_no_result() -> None:
    doc = annotate_text(
        "In the VIVID trial (Lee et al., 2021), 300 adults took the pill.\n\n"
        '"I got my life back," said Carla Mendes, a teacher who took part in the trial.\n\n'
        "Dr. Ben Adler, who was not involved in the study, said the results are encouraging.\n\n"
        "The authors suggest that future trials include more women.\n\n"
        "In the trial, weight fell by 15%.\n",
        name="release.txt",
    )
    _, patient, expert, authors, result = doc.claims
    assert patient.evidence == []
    assert [e.text for e in expert.evidence] == ["Dr. Ben Adler"]
    assert authors.evidence == []
    assert [(e.text, e.specificity) for e in result.evidence] == [("the trial", "specific")]


def test_the_trial_refers_to_the_study_not_to_the_expert_quoted_since() -> None:
    doc = annotate_text(
        "A randomized trial (Marsh et al., 2019) found that sensitivity fell.\n\n"
        '"It is gentle," said Dr. Priya Nair.\n\n'
        "Most side effects reported in the trial were mild.\n",
        name="clinic.txt",
    )
    assert [(e.text, e.specificity, e.design) for e in doc.claims[2].evidence] == [
        ("the trial", "specific", "rct")
    ]


def test_in_that_study_points_back_at_the_study_cited_before() -> None:
    doc = annotate_text(
        "In a clinical study (Sorensen et al., 2016), turmeric reduced knee pain.\n\n"
        "In that study, pain scores fell in both groups.\n",
        name="email.txt",
    )
    assert [(e.text, e.specificity) for e in doc.claims[1].evidence] == [("that study", "specific")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # outcomes in other health fields than hair and skin
        ("Boswellia may further ease swelling and stiffness.", ["efficacy"]),
        ("I can finally kneel in my garden again without wincing.", ["efficacy"]),
        ("Porcelain veneers often last 10 to 15 years.", ["efficacy"]),
        ("In the trial, HbA1c fell by 0.9 points.", ["efficacy"]),
        ("We combine two treatments to give you the smile you have always wanted.", ["efficacy"]),
        # harms a trial reports, and warnings
        ("Nausea was reported by 8% of patients on the higher dose.", ["safety"]),
        ("Veneers require removing enamel, so the procedure cannot be reversed.", ["safety"]),
        ("Always talk to your doctor before stopping a prescribed medication.", ["safety"]),
        ("Never take more than four capsules in 24 hours.", ["safety"]),
        ("Turmeric can increase the risk of bleeding.", ["safety"]),
        ("Peroxide whitening does not damage healthy enamel.", ["safety"]),
        # the procedure's name is no outcome
        ("Book now and get in-office whitening for $399.", ["other"]),
        # how it works, how a study was run, what it could not settle
        ("It works by activating an enzyme that helps the liver sense glucose.", ["mechanism"]),
        ("Participants were randomly assigned to take 25 mg or placebo.", ["research"]),
        ("The trial was small, so it cannot show whether the benefit lasts.", ["research"]),
        ("The trial was small, so it can’t show whether the benefit lasts.", ["research"]),
        # product descriptions, credentials, the stock formula
        ("An experimental once-daily pill lowered blood sugar.", ["efficacy"]),
        ("It was developed by a retired surgeon who spent 30 years treating joints.", ["other"]),
        ("Results vary from patient to patient.", ["other"]),
        ("Results vary, and not everyone will notice the same improvement.", ["efficacy"]),
        ("It relieved knee pain about as well as ibuprofen.", ["efficacy", "comparative"]),
        ("More than 32 million adults live with osteoarthritis.", ["background"]),
    ],
)
def test_claim_types_beyond_the_first_domains(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a comparison that is untested is research (guide section 9)
        ("There is no evidence that longer sessions work better.", ["research"]),
        ("The trial could not show that the drip works better than salt water.", ["research"]),
        (
            "Whether breathing exercises can replace medication has not been tested, "
            "so do not stop your pills without talking to your doctor.",
            ["research", "safety"],
        ),
        # guards: a comparison that was made, and an untested claim that compares nothing
        (
            "The trial showed that the drip works better than salt water.",
            ["comparative", "efficacy"],
        ),
        ("There is no good evidence that IVF raises the risk of cancer.", ["research", "safety"]),
    ],
)
def test_an_untested_comparison_is_research(sentence: str, expected: list[str]) -> None:
    assert sorted(types(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a condition's yearly toll is background (prevalence), also beside a benefit
        ("More than 700,000 knee replacements are performed each year in the U.S.", ["background"]),
        ("About 4,000 people die of the disease every year.", ["background"]),
        (
            "RSV sends thousands of older adults to the hospital every year, "
            "and a single shot clearly keeps most of them out.",
            ["background", "efficacy"],
        ),
        # guards: what a clinic does each year, and what a product kills
        ("Our clinic treats more than 9,000 new patients a year.", ["efficacy"]),
        ("The spray kills 99.9% of germs in seconds.", ["efficacy"]),
    ],
)
def test_a_yearly_toll_is_background(sentence: str, expected: list[str]) -> None:
    assert sorted(types(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "mechanism"),
    [
        # a cause offered for an effect says how it comes about
        ("Some people sleep better, possibly because they feel less anxious.", True),
        ("Polyps shed less DNA, which is thought to be why the test misses them.", True),
        ("This may explain why some patients relapse.", True),
        ("Unlike fertility drugs, acupuncture works with your body.", True),
        # guards: a plain reason, and "because" with no hedge before it
        ("Book early because places fill up fast.", False),
        ("It is popular because it is cheap.", False),
    ],
)
def test_a_cause_offered_for_an_effect_is_mechanism(sentence: str, mechanism: bool) -> None:
    assert ("mechanism" in types(sentence)) is mechanism


@pytest.mark.parametrize(
    ("sentence", "mechanism"),
    [
        # a disease or a side effect named by inflammation, and a product free of hormones
        ("Rarely, drugs of this kind may cause inflammation of the pancreas.", False),
        ("The test is not for people with inflammatory bowel disease.", False),
        ("No hormones, no prescriptions and no side effects.", False),
        ("Serenova is hormone-free, a safe alternative to hormones.", False),
        # guards: what inflammation and hormones do, and acting like a hormone
        ("Zombie cells release inflammatory signals that damage nearby tissue.", True),
        ("Do not take it if you have had breast cancer, because it may act like oestrogen.", True),
    ],
)
def test_inflammation_and_hormones_as_names(sentence: str, mechanism: bool) -> None:
    assert ("mechanism" in types(sentence)) is mechanism


@pytest.mark.parametrize(
    ("sentence", "comparative"),
    [
        # "instead of" / "rather than" an action, a price or a place, and the only side
        # effect: nothing is set against another treatment
        ("Mild warmth is usually the only side effect.", False),
        ("I fall asleep in 10 minutes now instead of lying awake for an hour!", False),
        ("Your first lab panel is $49 instead of $129.", False),
        ("It works best when you use it every morning, rather than only on bad days.", False),
        ("It is thought to act on serotonin receptors rather than on oestrogen itself.", False),
        # how it differs from another, and its price as a multiple of another's
        ("How is Virilis different from clomiphene?", True),
        ("A month's supply costs about $320, roughly twice the price of daily insulin.", True),
        ("Readings during exercise may differ from a fingerstick.", False),
        # guards: another treatment, or the only one that works
        ("Try acupuncture rather than painkillers.", True),
        ("Your body gets the full dose instead of the fraction a pill provides.", True),
        ("It is the only treatment that works.", True),
    ],
)
def test_what_sets_it_against_another_treatment(sentence: str, comparative: bool) -> None:
    assert ("comparative" in types(sentence)) is comparative


@pytest.mark.parametrize(
    "sentence",
    [
        "Hearing loss usually creeps up slowly over years.",
        "Your thyroid is a butterfly-shaped gland at the base of your neck.",
        "The gut is home to trillions of bacteria.",
        "Nitrate is found naturally in leafy greens and beetroot.",
        "Around 42% of American adults have obesity.",
        "Adrenal fatigue is not a recognised medical diagnosis.",
        "Your gut lining renews itself every few days.",
        "Cortisol is released in response to stress.",
        "HOW COMMON IS IT?",
        "WHAT TRIGGERS A FLARE?",
    ],
)
def test_facts_about_the_body_and_the_condition_are_background(sentence: str) -> None:
    assert types(sentence) == ["background"]


def test_a_headline_that_makes_a_claim_is_typed_and_flagged_like_a_statement() -> None:
    doc = annotate_text(
        "Experimental Pill Lowers Blood Sugar\n\nThe pill was tested.\n\n"
        "How FlexiRoot Works\n\nIt binds a receptor.\n\n"
        "A Brighter Smile in One Visit\n\nBook today.\n",
        name="headlines.txt",
    )
    headline, _, section, _, promise, _ = doc.claims
    assert headline.kind == section.kind == promise.kind == "heading"
    assert headline.claim_types == ["efficacy"]
    assert [f.code for f in headline.flags] == ["needs_substantiation"]
    assert section.flags == []
    assert promise.claim_types == ["efficacy"]
    assert "needs_substantiation" in [f.code for f in promise.flags]


def test_a_headline_promising_less_of_a_complaint_or_a_faster_result_asserts(
    tmp_path: Path,
) -> None:
    page = tmp_path / "headlines.md"
    page.write_text(
        "## Less hunger, fewer cravings\n\nText.\n\n## Faster race times:\n\nText.\n\n"
        "## Less is more\n\nText.\n\n## Weekly Shot Helped Adults Shed 22% of Their Weight\n\n"
        "Text.\n\n## What Helped Me\n\nText.\n\n## ClearTone Echo: Hear Clearly Again\n\nText.\n",
        encoding="utf-8",
    )
    doc = annotate_file(page)
    hunger, _, race, _, motto, _, shed, _, story, _, hear, _ = doc.claims
    assert hunger.kind == race.kind == motto.kind == shed.kind == story.kind == "heading"
    assert hunger.claim_types == race.claim_types == shed.claim_types == ["efficacy"]
    assert hear.kind == "heading" and hear.claim_types == ["efficacy"]
    assert motto.claim_types == story.claim_types == ["other"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Probiotics banish bloating and gas within days.", ["efficacy"]),
        ("It eases pain, stiffness and swelling.", ["efficacy"]),
        ("Some users report mild bloating at first.", ["safety"]),
        ("Calmer bowels:", ["efficacy"]),
        ("It usually takes about four weeks to notice a difference.", ["efficacy"]),
        ("Your gut and your brain talk through hormones and immune signals.", ["mechanism"]),
        ("Probiotics reduce anxiety by restoring balance to the gut.", ["efficacy", "mechanism"]),
    ],
)
def test_symptoms_a_product_relieves_are_efficacy_not_harms(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_paraphrased_limits_of_the_evidence_and_of_permanence() -> None:
    assert caveats("The evidence for mood is much thinner.") == [
        ("The evidence for mood is much thinner", "status")
    ]
    assert caveats("However, the quality of many of the included trials was low.") == [
        ("the quality of many of the included trials was low", "status")
    ]
    assert ("considered", "epistemic") in caveats("Probiotics are generally considered safe.")
    assert boosters("Probiotics can cure IBS for good.") == [
        ("cure", "absolute"),
        ("for good", "absolute"),
    ]
    assert boosters("It remains unclear which strains work best.") == []
    assert boosters("For best results, put them on two hours before bed.") == []
    assert types("For the best results, apply twice daily.") == ["other"]
    assert boosters("I always suggest starting with foods that naturally contain them.") == []


def test_a_promise_of_no_side_effects_is_inconsistent_with_a_risk_stated_elsewhere() -> None:
    doc = annotate_text(
        "Probiotics are generally considered safe, but talk to your doctor first if you "
        "have a weakened immune system.\n\n"
        "They are completely natural, so there are no side effects.\n",
        name="blog.txt",
    )
    assert "inconsistent_certainty" in [f.code for f in doc.claims[1].flags]
    alone = annotate_text("There are no side effects.\n", name="alone.txt")
    assert "inconsistent_certainty" not in [f.code for f in alone.claims[0].flags]
    offer = annotate_text(
        "It may cause mild bloating.\n\nIt works fast, and you can try it risk-free for 30 days.\n",
        name="offer.txt",
    )
    assert "inconsistent_certainty" not in [f.code for f in offer.claims[1].flags]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("People with more omega-3 were 21% less likely to develop dementia.", []),
        ("Adults who ate the most K2 were roughly half as likely to die of heart disease.", []),
        ("Patients with more mutations were more likely to respond.", []),
        ("The variant is as likely as not to be benign.", [("likely", "epistemic")]),
        ("The protein is more likely to act as a dimer.", [("likely", "epistemic")]),
        ("The results are really encouraging.", [("encouraging", "epistemic")]),
        ("We cannot promise the same results.", [("cannot promise", "limitation")]),
        ("An observational study cannot prove cause and effect.", [("cannot prove", "status")]),
        ("Other studies have produced mixed results.", [("mixed results", "status")]),
        (
            "With no control group, it cannot show that the monitor caused it.",
            [("cannot show", "status")],
        ),
        (
            "The trial could not show that the drip works better than salt water.",
            [("could not show", "status")],
        ),
        ("The trial was too short to show the drug is safe.", [("too short to show", "status")]),
        ("There were too few studies to judge its effect.", [("too few studies", "status")]),
        (
            "But 72 weeks is not long enough to know what happens later.",
            [("not long enough to know", "status")],
        ),
        ("Most trials were of low quality.", [("low quality", "status")]),
        ("One lower number doesn't tell us the K2 did it.", [("doesn't tell us", "status")]),
        ("Nobody knows exactly what causes IBS.", [("Nobody knows exactly", "status")]),
        ("Nobody knows whether it works.", [("Nobody knows", "status"), ("whether", "epistemic")]),
        # a result reported, or an experiment that failed: no state of research
        ("The trial did not show a benefit over placebo.", []),
        ("We could not confirm the expression of the protein.", []),
    ],
)
def test_news_wording_of_limits(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert caveats(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Higher omega-3 levels were linked to a lower dementia risk.", ["efficacy"]),
        ("Lose up to 15% of your body weight with weekly injections.", ["efficacy"]),
        ("87% saw fewer visible fine lines.", ["efficacy"]),
        ("Weight often comes back after stopping.", ["efficacy"]),
        ("Retinol can make your skin more sensitive to the sun.", ["safety"]),
        ("Stop using the serum if irritation lasts more than a week.", ["safety"]),
        ("Stop your injections and get medical help if you have stomach pain.", ["safety"]),
        ("About 982,000 people in the UK are living with dementia.", ["background"]),
        ("Other studies have produced mixed results.", ["research"]),
    ],
)
def test_claim_types_in_news_and_product_copy(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_a_news_article_keeps_its_sources_apart() -> None:
    doc = annotate_text(
        "The cohort study, published on May 5, 2025 in the journal Neurology, followed "
        "112,400 adults.\n\n"
        "Participants with more omega-3 had a lower risk, the researchers reported.\n\n"
        '"The results are encouraging," said lead author Dr. Rahul Mehta.\n\n'
        "That is a limitation, Mehta acknowledged, because diets change.\n\n"
        "Other studies of fish oil pills have produced mixed results.\n\n"
        "The FDA has warned about dosing errors.\n",
        name="news.txt",
    )
    published, reported, _quoted, surname, others, fda = doc.claims
    assert published.evidence == []  # publication details present no result
    assert [(e.text, e.specificity, e.design) for e in reported.evidence] == [
        ("the researchers", "specific", "observational")
    ]
    assert [(e.text, e.specificity, e.design) for e in surname.evidence] == [
        ("Mehta", "named", "expert_opinion")
    ]
    assert [(e.text, e.specificity) for e in others.evidence] == [
        ("Other studies of fish oil pills", "vague")
    ]
    assert [(e.text, e.specificity) for e in fda.evidence] == [("The FDA", "named")]


def test_rare_and_magic_fix_paraphrases() -> None:
    assert caveats("Serious complications are rare.") == [("rare", "frequency")]
    assert caveats("It is a rare disease.") == []
    assert caveats("Manipulation is one tool, not a magic fix.") == [
        ("not a magic fix", "limitation")
    ]


def test_group_risk_and_advice_look_alikes_stay_narrow() -> None:
    assert caveats("Adults with more omega-3 were less likely to develop dementia.") == []
    assert caveats("This form is more likely to be a dimer.") == [("likely", "epistemic")]
    assert caveats("These findings suggest that new therapies may work.") == [
        ("suggest", "epistemic"),
        ("may", "modal"),
    ]
    assert caveats("The authors suggest that future trials include more women.") == []


def test_an_asterisk_cites_the_note_it_points_to() -> None:
    doc = annotate_text(
        "Our serum works fast.\n\n"
        "- 92% said their skin looked smoother*\n"
        "- The serum costs $40.\n\n"
        "*Consumer perception study of 104 women who used the serum for 28 days.\n",
        name="listing.txt",
    )
    _, smoother, price, note = doc.claims
    assert [(e.text, e.specificity, e.design) for e in smoother.evidence] == [
        ("*", "vague", "observational")
    ]
    assert "vague_source" in [f.code for f in smoother.flags]
    assert price.evidence == []
    assert note.claim_types == ["other"] and note.evidence == [] and note.flags == []
    plain = annotate_text("Results in 2*3 weeks.\n", name="plain.txt")
    assert plain.claims[0].evidence == []  # no note, no citation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exercise therapy is an established treatment for chronic low back pain.", ["efficacy"]),
        ("There is no downtime, so you can go straight back to work.", ["safety"]),
        ("Our chiropractors are the best in the city.", ["comparative"]),
    ],
)
def test_clinic_wording_types(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_lower_back_is_a_place_not_a_reduction() -> None:
    assert "efficacy" not in types("Lower back pain affects four in five adults.")


def test_the_bodys_own_natural_is_no_selling_point() -> None:
    assert boosters("It rebuilds your skin's natural collagen.") == []
    assert boosters("Our natural formula works.") == [("natural", "promotional")]
    assert boosters("It works without the irritation.") == [("without the irritation", "absolute")]


@pytest.mark.parametrize(
    "sentence",
    [
        "ClearSight drops sharpen your vision in just two weeks.",
        "It quiets tinnitus so you can finally enjoy silence.",
        "Our formula clears brain fog and sharpens focus.",
        "Students remembered 30% more words after eight weeks.",
        "The shot keeps older adults out of hospital.",
        "Say goodbye to heartburn after every meal.",
        "The patch eliminates cravings.",
        "Smokers who used the gum were twice as likely to quit.",
        "The inhaler makes breathing easier during exercise.",
        "The gel shrinks cold sores overnight.",
        "Hot flashes drop by half within a month.",
        "The supplement eases hot flashes and night sweats.",
        "The drug slowed cognitive decline by 27% over 18 months.",
        "Mice given the compound had fewer amyloid plaques.",
        "The therapy lifts depression in weeks.",
        "Patients felt less anxious after four sessions.",
        "Fertility rates doubled among couples who took it.",
        "You'll never need reading glasses again.",
        "The mouthwash kills 99.9% of germs that cause bad breath.",
        "Kids who take the gummies get sick less often.",
        "The laser treatment frees you from glasses and contacts.",
        "Our blend supports memory and mental clarity.",
        "People who meditated daily had lower cortisol levels.",
        "With our treatment, you will never see halos around headlights again.",
        "Our patients tell us that driving at night feels easier.",
        "In the trial, 94% of patients achieved 20/20 vision.",
    ],
)
def test_efficacy_in_fields_the_lexicon_was_not_built_on(sentence: str) -> None:
    # change verbs, what a person can do or feel afterwards and group outcomes are
    # efficacy whatever the field; these sentences were written before the entry
    assert "efficacy" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our laser caps are FDA-cleared for androgenetic alopecia.",  # approval, not effect
        "Apply 3-4 drops to clean, dry skin in the evening.",  # drops of serum
        "Patients had more side effects on the higher dose.",  # a harm, not a benefit
        "Never apply it again after a reaction.",  # an instruction, not a promise
    ],
)
def test_look_alikes_of_field_independent_efficacy(sentence: str) -> None:
    assert "efficacy" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kiss your cravings goodbye.",
        "Put an end to sleepless nights.",
        "Melt away stubborn belly fat.",
        "Gets rid of cellulite.",
        "Turns back the clock on ageing.",
        "Take back control of your bladder.",
        "Reclaim your youthful vitality.",
        "You'll be back on the court in weeks.",
        "Your knees will thank you.",
        "I can finally play with my grandkids.",
        "I haven't had a migraine since March.",
        "My doctor took me off my blood pressure pills.",
        "Lower your blood pressure naturally.",
        "Speeds up your metabolism.",
        "Maintains normal blood sugar levels.",
        "Patients lost an average of 12% of their body weight.",
        "Clearer skin in 14 days.",
        "No more sleepless nights.",
        "Tighten loose skin without surgery.",
        "Chew steak again with confidence.",
        "Couples conceived within six months.",
        "Stay asleep longer and wake refreshed.",
        "Shed the pounds without counting calories.",
        "His A1c came down from 8.1 to 6.4.",
        "Unlike crash diets, you keep the weight off.",
    ],
)
def test_benefit_idioms_are_efficacy(sentence: str) -> None:
    # written from common marketing idioms before their entries, none from a gold set
    assert "efficacy" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Take back control of your schedule with online booking.",  # not health
        "Reclaim your free sample today.",
        "You can finally order online.",
        "Maintain a healthy diet while taking this product.",  # advice
        "You can eat again once the numbness wears off.",  # recovery time
        "Sessions last longer for larger areas.",
        "Patients will be asked to stay regular with their appointments.",
        "Return to normal activities after 24 hours.",
    ],
)
def test_look_alikes_of_benefit_idioms(sentence: str) -> None:
    assert "efficacy" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Works twice as fast as retinol.",
        "Half the price of in-office whitening.",
        "A gentler option than chemical peels.",
        "Other clinics charge twice as much.",
        "Most hearing aids cost thousands; ours costs $299.",
        "Lasts longer than veneers.",
        "It gives a small reduction in pain, similar to other recommended treatments.",
        "The results are similar to those of surgery.",
        "Say goodbye to love handles without ever going under the knife.",
        "It can mean years of active life without an operation.",
        "A perfect smile in 4 months, no braces.",
        "If your crowding is severe, braces may work better for you.",
        "The gepants are easier to tolerate than older preventives.",
        "IV vitamin C reaches blood levels 30 times higher than the same dose by mouth.",
    ],
)
def test_implicit_and_price_comparisons_are_comparative(sentence: str) -> None:
    assert "comparative" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Blue light suppressed melatonin for twice as long as green light.",  # no treatment
        "You'll lose more weight than with diet and exercise alone.",  # a group comparison
        "Many clinics use this technique.",
        "My new brace is similar to the one I had before.",
        "Rosacea looks similar to acne.",  # a likeness between conditions
        "The site is similar to the site recognized by USF.",
        "No heat, no needles, no side effects and no downtime.",  # what it lacks: safety
        "There is no surgery involved.",
    ],
)
def test_look_alikes_of_implicit_comparisons(sentence: str) -> None:
    assert "comparative" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Helps your body make more collagen.",
        "Stem cells turn into new cartilage cells.",
        "The implant fuses with your jawbone over three months.",
        "Red light energises the mitochondria in your cells.",
        "The formula works at the cellular level.",
        "Zinc tightens the junctions between gut cells.",
        "Hyperbaric oxygen floods your tissues with oxygen.",
    ],
)
def test_how_a_product_works_through_the_body_is_mechanism(sentence: str) -> None:
    assert "mechanism" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The gel soaks through the skin to reach the inflamed joint.",
        "The tea flushes toxins out through your kidneys.",
        "Retinol speeds up the rate at which skin sheds old cells.",
        "The cream draws moisture into the outer layer of skin.",
        "Probiotics strengthen the lining of the gut.",
        "The shockwaves break up calcium deposits in the tendon.",
        "Once inside the body, the enzyme digests the protein clumps.",
        "Omega-3s are built into the membranes of brain cells.",
        "It works at the root of the problem, not just the symptoms.",
        "The cold crystallises fat cells, which your body then clears away.",
        "The lenses filter up to 99% of blue light from screens.",
        "CoQ10 is thought to support the mitochondria that power each egg.",
        "Nitrate from beetroot is converted to nitric oxide, which widens blood vessels.",
        "The device picks out speech and turns down background noise.",
        "Probiotic strains compete with harmful bacteria for space on the gut wall.",
        "Senolytics selectively kill ageing cells that have stopped dividing.",
        "Creatine tops up the energy reserves your neurons draw on.",
        "The microphones send sound to a processor that amplifies the frequencies you miss.",
        "The patch delivers nicotine slowly through the skin.",
        "The antibody latches onto amyloid and flags it for removal by immune cells.",
        "Hyaluronic acid draws water into the skin.",
        "Zinc interferes with the virus's ability to multiply.",
        "The algorithm learns which sounds you want to hear and adapts over time.",
        "Vitamin K2 directs calcium into your bones rather than your arteries.",
        "Cold exposure switches on brown fat.",
        "Aspirin thins the blood.",
        "Senna is a natural laxative.",
    ],
)
def test_what_a_product_does_to_tissue_and_chemistry_is_mechanism(sentence: str) -> None:
    assert "mechanism" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Statins lower cholesterol by slowing how much your liver makes.",
        "Cold water narrows the blood vessels near your skin.",
        "The patch releases a steady dose of nicotine through the skin over 24 hours.",
        "The brace shifts weight off the damaged side of the knee.",
        "Compression pushes fluid back toward the heart.",
        "Electrolytes pull water into your cells.",
        "Vibration loosens mucus so it is easier to cough up.",
        "Sunscreen absorbs UV rays before they reach deeper skin.",
        "Exfoliating acids speed up skin turnover.",
    ],
)
def test_how_a_process_is_carried_out_and_what_moves_where_are_mechanism(
    sentence: str,
) -> None:
    assert "mechanism" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # protecting, repairing or clearing an organ is the benefit itself
        "Laboratory studies suggest that creatine could protect brain cells after a concussion.",
        "A 2019 study in mice found that stem cells helped repair damaged cartilage.",
        "Rhodiola might help clear brain fog during stressful periods.",
        # a measured level that falls is an outcome
        "In one trial, ashwagandha lowered morning cortisol by about 23%.",
    ],
)
def test_benefits_to_an_organ_are_not_mechanism(sentence: str) -> None:
    assert "mechanism" not in types(sentence)


def test_a_complaint_a_benefit_acts_on_is_no_safety_claim() -> None:
    """Relief from pain is the benefit; pain the product causes is a harm."""
    for sentence in (
        "Say goodbye to knee pain:",
        "Pain relief:",
        "Game changer for my screen headaches.",
        "Say goodbye to bloating, gas and urgent bathroom trips",
    ):
        assert types(sentence) == ["efficacy"], sentence
    assert "safety" in types("The cream may cause mild pain at the injection site.")
    assert "safety" in types("It relieves pain but can cause drowsiness.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Melatonin tells your body it is time to sleep.",
        "The spray coats the back of the throat to trap viruses.",
        "Statins work in the liver to lower cholesterol production.",
        "The laser heats the deeper layers of the skin.",
        "Antihistamines stop histamine from attaching to cells.",
        "The tablets neutralise stomach acid on contact.",
        "Compression stockings squeeze the leg veins to keep blood moving.",
        "Nicotine replacement eases withdrawal by giving you a lower dose of nicotine.",
        "Retinoids speed up the rate at which skin cells divide.",
        "The probiotic strain outcompetes harmful bacteria for food.",
        "Creatine helps your muscles regenerate energy during short bursts.",
        "The laser creates tiny channels in the skin.",
        "The supplement supplies the building blocks your joints need.",
        "The coil produces a magnetic field that stimulates nerves.",
        "Antacids raise the pH of your stomach.",
        "Zinc lozenges may stop the virus from multiplying in your throat.",
        "Cold water triggers the release of noradrenaline.",
    ],
)
def test_how_a_product_acts_in_plain_verbs_is_mechanism(sentence: str) -> None:
    assert "mechanism" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tell your doctor about any other medicines.",
        "Heat the oil before you apply it.",
        "Our nurses work in the clinic on Saturdays.",
    ],
)
def test_plain_verbs_about_people_or_chores_are_no_mechanism(sentence: str) -> None:
    assert "mechanism" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your skin absorbs only a fraction of a collagen cream.",
        "Drips put vitamins straight into your veins.",
        "Magnesium spray supports your body’s own repair after a hard session.",
        "Expect a little bloating for a week while your gut adjusts.",
        "Light soreness is a sign that your teeth are moving.",
        "The laser destroys a share of the fat cells under the skin.",
        "Amylin acts on a reward circuit that governs cravings.",
        "An injection reaches blood levels four times higher than a tablet.",
        "The earbuds separate voices from background chatter.",
    ],
)
def test_uptake_adjustment_and_targets_in_plain_words_are_mechanism(sentence: str) -> None:
    assert "mechanism" in types(sentence)


def test_an_outcome_that_is_the_mechanism_itself_is_both() -> None:
    # the outcome scan is held back by a mechanism word unless the outcome names it
    assert types("It raises your own testosterone without shutting down sperm production.") == [
        "efficacy",
        "mechanism",
    ]


def test_a_certainty_booster_on_a_mechanism_asserts_an_outcome() -> None:
    assert types("Clinically proven to reset your adrenal glands.") == ["efficacy", "mechanism"]


def test_helping_the_body_is_a_benefit_and_a_mechanism() -> None:
    assert types("Helps your body make more healthy sperm.") == ["efficacy", "mechanism"]


@pytest.mark.parametrize(
    "sentence",
    [
        "What is tinnitus?",
        "Symptoms include ringing, buzzing or hissing in one or both ears.",
        "Risk factors include smoking, diabetes and gum disease.",
        "Sickle cell disease is an inherited blood disorder.",
        "Magnesium is involved in more than 300 reactions in the body.",
        "Nobody knows exactly what causes tinnitus.",
    ],
)
def test_what_a_condition_is_and_how_it_shows_is_background(sentence: str) -> None:
    assert types(sentence) == ["background"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tinnitus is the perception of sound when no external sound is present.",
        "Posture problems are increasingly common among office workers.",
        "Eczema often starts in childhood.",
        "Sleep apnea is often undiagnosed.",
        "Menopause usually happens between the ages of 45 and 55.",
        "Women are twice as likely as men to develop migraines.",
        "Anxiety and insomnia often feed each other.",
        "Symptoms often flare after a stomach bug.",
    ],
)
def test_how_a_condition_usually_runs_and_whom_it_strikes_is_background(sentence: str) -> None:
    assert types(sentence) == ["background"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Psoriasis causes thick, scaly patches on the elbows and knees.",
        "Migraine attacks can last up to three days.",
        "Rosacea usually causes redness across the cheeks and nose.",
        "Shingles damages the nerves under the skin.",
        "Common symptoms of an underactive thyroid include tiredness and weight gain.",
        "Low testosterone can cause fatigue, low sex drive and weaker erections.",
        "Osteoarthritis wears away the cartilage that cushions the joint.",
        "Sleep apnea raises the risk of high blood pressure.",
    ],
)
def test_what_a_condition_does_is_background_not_a_benefit_or_harm(sentence: str) -> None:
    claim = tag_sentence(sentence)
    assert claim.claim_types == ["background"]
    assert not claim.flags  # no product claim to substantiate
    assert any(cue.claim_type == "background" for cue in claim.type_cues)


@pytest.mark.parametrize(
    "sentence",
    [
        "Acne causes scarring, and our cream fades it fast.",
        "Homeopathy can cause confusion.",
        "Our cream calms redness within a week.",
    ],
)
def test_a_condition_beside_a_product_or_a_therapy_still_makes_a_claim(sentence: str) -> None:
    assert set(types(sentence)) & {"efficacy", "safety"}


def test_it_after_a_statement_about_a_condition_is_the_condition() -> None:
    doc = annotate_text(
        "Low testosterone is a common condition in older men. It can cause fatigue, low "
        "sex drive and weaker erections.\n\nOur gel is applied once a day. It can cause "
        "mild redness where you apply it.",
        name="low_t.txt",
    )
    by_text = {c.text: c for c in doc.claims}
    condition = by_text["It can cause fatigue, low sex drive and weaker erections."]
    assert condition.claim_types == ["background"]
    assert not condition.flags
    # after a statement about the product, "It" is the product and its harm is safety
    assert "safety" in by_text["It can cause mild redness where you apply it."].claim_types


@pytest.mark.parametrize(
    "sentence",
    [
        "As we age, our cells make less energy, and this drink restores it.",
        "Your skin thins with age, and this cream thickens it.",
    ],
)
def test_what_the_body_loses_with_age_is_background_beside_a_claim(sentence: str) -> None:
    assert set(types(sentence)) == {"background", "efficacy"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sugar spikes are thought to drive cravings and afternoon slumps.",
        "The idea behind our program is that the brain can learn to ignore the sound.",
        "The theory is that a steady dose keeps levels flat all week.",
        "Magnesium is believed to help the nerves relax.",
    ],
)
def test_the_idea_a_treatment_rests_on_and_how_it_is_believed_to_act_is_mechanism(
    sentence: str,
) -> None:
    assert "mechanism" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Turmeric contains curcumin, a natural compound that calms swelling.",
        "Green tea contains catechins, plant compounds which act as antioxidants.",
        "The new drug binds tightly and reversibly to a protein in the blood.",
    ],
)
def test_what_an_ingredient_holds_that_acts_and_binding_are_mechanism(sentence: str) -> None:
    assert "mechanism" in types(sentence)


def test_a_belief_about_acting_leaves_the_benefit_word_its_own_cue() -> None:
    claim = tag_sentence("Magnesium is believed to help the nerves relax.")
    assert {(cue.text, cue.claim_type) for cue in claim.type_cues} >= {
        ("believed to", "mechanism"),
        ("help", "efficacy"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Egg freezing is the best way to protect your fertility.",
        "Best hangover cure in Austin!",
        "Our plan is the best treatment for stubborn belly fat.",
    ],
)
def test_the_best_way_or_cure_ranks_a_treatment_above_others(sentence: str) -> None:
    claim = tag_sentence(sentence)
    assert {"comparative", "efficacy"} <= set(claim.claim_types)
    assert "comparative_claim" in {f.code for f in claim.flags}


def test_the_best_way_to_reach_a_clinic_is_no_comparison() -> None:
    assert types("The best way to reach us is by phone.") == ["other"]


def test_a_finding_about_who_develops_a_disease_is_not_background() -> None:
    # "less likely to develop" after a study is the treatment's result, not prevalence
    assert types(
        "Adults with more omega-3 in their blood were less likely to develop dementia."
    ) != ["background"]


@pytest.mark.parametrize(
    "sentence",
    [
        "What is PRP therapy?",
        "What are the side effects?",
        "What is the recovery like?",
        "What is included?",
    ],
)
def test_questions_about_the_treatment_are_not_background(sentence: str) -> None:
    assert "background" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sore heels after your morning run?",
        "Bloated by mid-afternoon, every afternoon?",
        "Restless legs keeping you up every night?",
        "Why does your skin get drier in winter?",
    ],
)
def test_a_complaint_opening_a_question_is_background(sentence: str) -> None:
    assert types(sentence) == ["background"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Stiff competition keeps our prices low.",  # no question
        "Will it ease sore heels?",  # the complaint does not open the question
    ],
)
def test_a_complaint_word_elsewhere_is_not_a_background_question(sentence: str) -> None:
    assert "background" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Irisin is made naturally by working muscle.",
        "Migraines are often triggered by bright light and skipped meals.",
        "Cramps usually fade first in the calves.",
        "There is no single test for fibromyalgia.",
        "Around 30% of U.S. adults have high blood pressure.",
        "Your thyroid is a small, butterfly-shaped gland at the front of your neck.",
    ],
)
def test_how_the_body_works_and_how_common_a_condition_is_are_background(
    sentence: str,
) -> None:
    assert types(sentence) == ["background"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Your thyroid releases two hormones into the blood.",
        "The liver and kidneys produce this enzyme.",
    ],
)
def test_what_an_organ_makes_is_background_beside_how_it_works(sentence: str) -> None:
    assert sorted(types(sentence)) == ["background", "mechanism"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Each capsule holds 20 billion live cultures.",
        "About 40% of people taking the drug felt sick.",
        "Can this cream affect my sleep?",
        "Two treatment cycles cost $900.",
        "The trial, known as CLEAR-2, enrolled 300 adults.",
        "Mice were tested at six months of age.",
    ],
)
def test_counts_cycles_and_names_outside_a_condition_are_not_background(sentence: str) -> None:
    assert "background" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Acne scars affect up to 1 in 10 adults.",
        "Fewer than half of the people who qualify get screened.",
        "Hair grows in a growth cycle with three phases.",
    ],
)
def test_how_many_a_condition_touches_stays_background(sentence: str) -> None:
    assert "background" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The new stool test picks up about 70% of early cancers.",
        "Spots bowel cancer early.",
        "Misses most small polyps.",
        "Smokers who quit were half as likely to die of a stroke.",
        "There was no real difference in calcium build-up.",
        "Her calcium score came down to 240.",
        "Omega-3 keeps your arteries clear.",
        "This tea keeps plaque out of your arteries.",
    ],
)
def test_what_a_test_finds_and_a_risk_halved_are_efficacy(sentence: str) -> None:
    assert "efficacy" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "How does the drip compare with oral vitamins?",
        "MRI is the most sensitive scan for this injury.",
        "Many patients swap their pills for our patch.",
        "Walking is the single best thing you can do for your back.",
    ],
)
def test_a_test_ranked_or_swapped_for_another_is_comparative(sentence: str) -> None:
    assert "comparative" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Many patients choose us over hospital clinics because of shorter waits.",
        "Why settle for generic vitamins when you can have a personalised pack?",
        "Outlasts ordinary moisturisers by up to 12 hours.",
        "In head-to-head tests, it relieved itching sooner.",
    ],
)
def test_choosing_over_settling_for_and_outlasting_are_comparative(sentence: str) -> None:
    assert "comparative" in types(sentence)


def test_not_a_substitute_for_advice_is_no_comparison() -> None:
    assert "comparative" not in types("This leaflet is not a substitute for medical advice.")


def test_do_not_ignore_a_result_is_no_prohibition() -> None:
    assert "safety" not in types("Do not ignore a positive result: book the follow-up.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Some users notice a metallic taste for the first few days.",
        "Not for use in children under 12.",
        "Keep the ring away from heat sources.",
        "Women who are trying to conceive should avoid this supplement.",
        "The gel can stain clothing and bedding.",
        "A small number of people feel lightheaded afterwards.",
        "Avoid alcohol while taking these tablets.",
        "You might feel a little sore the next morning.",
        "It won't interact with your other medicines.",
        "Patients on dialysis need a lower dose.",
        "The device shuts off automatically if it overheats.",
        "Seek emergency care if your lips or tongue swell.",
        "One patient was admitted to hospital with pancreatitis.",
        "Ask first before combining it with St John’s wort.",
        "No hospital stay, no general anaesthetic.",
        "Most of my patients are back at work within a day or two.",
        "Walk out the same day:",
        "Our oil will never get you high.",
        "Daily use may still cause a positive drug test.",
        "You may feel bloated and have mild cramps during stimulation.",
        "Call the clinic straight away if you feel short of breath.",
        "Nobody should change their insulin dose on their own.",
        "Never stop or lower your levothyroxine on your own.",
    ],
)
def test_warnings_and_sensations_in_plain_words_are_safety(sentence: str) -> None:
    assert "safety" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Feel sick of dieting? Try our plan.",
        "Keep your skin looking young.",
        "Welcome back to the office!",  # no recovery time
        "Prices are high this season.",
    ],
)
def test_look_alikes_of_warnings_are_not_safety(sentence: str) -> None:
    assert "safety" not in types(sentence)


def test_pilot_in_capitals_is_a_name_unless_it_heads_a_study() -> None:
    assert caveats("Expression of PILOT, a transcription factor, needs two signals.") == []
    assert caveats("RESULTS OF A PILOT STUDY") == [("PILOT STUDY", "status")]
    assert caveats("A small pilot study found less pain.") == [("pilot study", "status")]


def test_not_a_guarantee_is_a_limitation_not_a_booster() -> None:
    sentence = "Our before-and-after photos are not a guarantee of your results."
    assert caveats(sentence) == [("not a guarantee", "limitation")]
    assert boosters(sentence) == []
    assert "overstated" not in flag_codes(sentence)


def test_a_benefit_it_is_not_yet_known_whether_a_test_gives_is_research() -> None:
    sentence = (
        "It is not yet known whether the blood test lowers deaths from bowel cancer, "
        "because no study has followed people long enough."
    )
    assert types(sentence) == ["research"]


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        (
            "Few teens took part, so results for them are less certain.",
            "are less certain",
            "status",
        ),
        ("There is a theoretical risk of infection.", "theoretical risk", "epistemic"),
        ("The basic idea is that the gel cools the nerve.", "The basic idea is", "epistemic"),
        ("The app is not a replacement for therapy.", "not a replacement for", "limitation"),
    ],
)
def test_more_hedges_in_other_words(sentence: str, cue: str, category: str) -> None:
    assert (cue, category) in caveats(sentence)


def test_results_said_to_be_less_certain_are_about_the_research() -> None:
    assert types("Few teens took part, so results for them are less certain.") == ["research"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ice helps most in the first hour, which is when it works best.",
        "Choose the brace that suits you best.",
        "The patients who do best are the ones who use it consistently.",
        "I always tell patients that the best predictor of success is your age.",
        "CBD may ease anxiety for some people, but the best dose remains unclear.",
    ],
)
def test_best_as_how_a_thing_works_or_fits_is_no_booster(sentence: str) -> None:
    assert boosters(sentence) == []


def test_best_as_a_ranked_product_is_a_booster() -> None:
    assert boosters("Creatine is the best supplement you can take.") == [("best", "promotional")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Calm Energy Bundle costs $89 a month.",
        "I now sell them together as the Deep Sleep Duo through my shop.",
    ],
)
def test_a_benefit_word_inside_a_product_name_claims_nothing(sentence: str) -> None:
    assert "efficacy" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Calm Your Gut in Seven Days",  # a title-case headline promises
        "Since starting the drips I haven’t had a single cold.",
    ],
)
def test_a_headline_and_a_cold_never_caught_are_efficacy(sentence: str) -> None:
    assert "efficacy" in types(sentence)


def test_a_trend_in_a_condition_is_background() -> None:
    assert "background" in types("The number of people with diabetes has tripled since 1990.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hay fever is an allergic reaction to pollen.",
        "About one in five babies cries for more than three hours a day.",
        "The plantar fascia is a thick band of tissue that runs along the sole of your foot.",
        "Pollen counts are usually highest on warm, dry, windy days.",
        "Grass pollen peaks in June and July.",
        "Most cases of colic get better on their own.",
    ],
)
def test_a_season_a_natural_course_and_anatomy_are_background(sentence: str) -> None:
    assert "background" in types(sentence)


def test_a_product_that_helps_the_body_make_something_is_no_background() -> None:
    assert "background" not in types("Our serum helps your skin make more collagen.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The injection site may turn red and feel warm.",
        "It may make your skin burn more easily in the sun.",
        "Keep the mask away from your eyes.",
        "Serious reactions are very rare.",
        "Your gums may feel tender for a day or two.",
    ],
)
def test_a_reaction_a_sore_site_and_sun_sensitivity_are_safety(sentence: str) -> None:
    assert "safety" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You may feel a mild tingling during treatment.",
        "Three patients who took the drug developed gallstones.",
        "Long-term effects are not yet known.",
        "Every infusion is nurse-supervised.",
        "Our nurses are trained to spot any reaction.",
    ],
)
def test_sensations_harms_developed_and_supervision_are_safety(sentence: str) -> None:
    assert "safety" in types(sentence)


def test_long_term_effects_are_a_safety_question_not_a_benefit() -> None:
    assert "efficacy" not in types("Long-term effects are not yet known.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Softer scars:", ["efficacy"]),  # scars a treatment softens are no harm
        ("Rolling scars look shallower after a full course.", ["efficacy"]),
        ("Picking at flaking skin can cause scarring.", ["safety"]),
        ("Most patients are back at work within a week.", ["safety"]),  # downtime
        ("Micro-injuries are thought to stimulate new collagen.", ["mechanism"]),
        ("The wounds trigger your body's natural healing response.", ["mechanism"]),
        ("Dark patches may develop in darker skin tones.", ["safety"]),
        ("In rare cases, a vein can become inflamed.", ["safety"]),
        ("The package costs $2,400 (vs. $2,850 if booked separately).", ["other"]),
    ],
)
def test_skin_procedure_wording_types(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("You may be a good candidate if you have rolling acne scars.", ["other"]),
        ("Wash and apply the healing ointment twice a day.", ["other"]),
        ("About 1 in 5 U.S. children and teens has obesity.", ["background"]),
        ("Some of them told us they could finally keep up in gym class.", ["efficacy"]),
        ("I felt brand new forty minutes later.", ["efficacy"]),
        ("Three sessions and my brain fog lifted completely.", ["efficacy"]),
        ("Our longevity drip supports cellular energy and healthy aging.", ["efficacy"]),
        ("Better egg quality:", ["efficacy"]),
        ("Better blood pressure, too", ["efficacy"]),
    ],
)
def test_drip_news_and_clinic_wording_types(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Higher success rates:",
        "Regular sessions build a rich, receptive lining for implantation",
        "I'm back to 6 a.m. pickleball and my knees barely ache.",
    ],
)
def test_fertility_and_testimonial_outcomes_are_efficacy(sentence: str) -> None:
    assert types(sentence) == ["efficacy"]


@pytest.mark.parametrize(
    "sentence",
    [
        "This oil regrew my hair.",
        "The patch stopped my cravings.",
        "It knocked out my cold in two days.",
        "My energy came back within a week.",
        "My skin has never looked better.",
        "My focus is razor sharp now.",
        "The ringing in my ears has faded.",
        "My cholesterol went down 40 points.",
        "My blood pressure is back to normal.",
        "My hot flashes are a thing of the past.",
        "My migraines went from weekly to once a month.",
        "I'm off my reflux medication now.",
        "I haven't woken up with back pain since.",
        "Our formula supercharges your metabolism.",
        "Patients given the vaccine were 80% less likely to be hospitalized.",
        "Nine in ten users said their skin felt softer.",
        "Our customers sleep an extra hour a night.",
        "It puts you back in control of your digestion.",
        "Finally, a natural answer to ringing ears.",
        "Quiet the noise and reclaim your peace.",
        "Support for crystal-clear hearing.",
        "Scores on a memory test held steady.",
        "Fewer patients needed surgery.",
        "Moves you from tired to wired in minutes.",
        "Keeps joints flexible and mobile.",
        "Eight out of ten patients were pain-free at one year.",
        "The injections delayed the need for knee replacement.",
        "I wear them every evening and haven't had one since March.",
        "Hundreds of readers say the bundle gave them their life back.",
        "No more 3 p.m. crash.",
        "All-day energy:",
        "Most readers say their brain fog lifts within the first week.",
        "Freedom from glasses.",
        "You'll be sleeping through the night in days.",
        "Hot flushes became rare by the third week.",
        "Eight out of ten users said their joints felt looser.",
        "The drops bring back your sense of smell.",
        "Our patients need fewer painkillers after surgery.",
        "My migraines went from four a month to one.",
        "Within a month my A1c dropped below 6.",
        "It knocked my cold out in a day.",
        "Breathe freely through the night.",
        "Keeps your smile white between dentist visits.",
        "Keeps your blood sugar steady all afternoon.",
        "Say hello to smooth, touchable legs.",
        "Step out of the bath with baby-soft skin.",
        "Nine out of ten users reported softer skin.",
        "No more squinting at menus.",
        "Stay sharp through back-to-back meetings.",
        "Tame frizz for up to 72 hours.",
        "Makes stairs easy again.",
        "My son's eczema has not flared since March.",
        "Your hair will shine within weeks.",
        "See the difference in your first week.",
        "Supports a healthy pregnancy.",
        "Over 20 months, 11 of the 12 adults had no severe pain crises.",
        "Our treatments work fast.",
        "Does this work for everyone?",
        "If you had a stroke: then aspirin cuts the risk of another, so do not stop taking it.",
        "Daily aspirin does more harm than good for people like you.",
        "My flushes stopped completely in a month.",
        "My migraines disappeared.",
        "Now I sleep all night.",
        "It took two months, but the sweats are milder.",
    ],
)
def test_a_testimonials_outcome_in_other_words_is_efficacy(sentence: str) -> None:
    assert "efficacy" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Never come off your blood pressure pills without asking your doctor.",
        "The light faded after a minute.",
        "She came back for a second appointment.",
        "I haven't tried it since.",
        "The gene has not been studied since 1990.",
        "Paper prescriptions became rare after 2010.",
        "Bring back your receipt for a refund.",
        "The price went from 50 dollars a month to 30.",
        "Keep the device dry.",  # an instruction, not what the product keeps
        "Keeping your blood sugar steady matters.",
        "Say hello to our new nurse, Anna.",
        "See the difference between the two plans below.",
        "The clinic has not changed its prices since March.",
        "The patient had no seizures before the study.",  # a history, not an outcome
        "The bus stopped outside the clinic.",
        "The weather is milder this week.",
        "Hormone stimulation is not suitable for women with a history of blood clots.",
        "Call the clinic straight away if you gain more than 1 kg in a day.",
        "The work was funded by the Medical Research Council.",  # the research, not a verb
        "Earlier work in mice found the same.",
        # the condition of a warning, or the help it sends for, is no benefit
        "Call your doctor right away if you gain more than 2 pounds in a day.",
        "Stop use and ask a doctor if your symptoms do not improve after 7 days.",
        "Serious allergic reactions are rare; get emergency help if your throat swells.",
    ],
)
def test_what_went_away_or_came_back_is_no_outcome_without_a_complaint(sentence: str) -> None:
    assert "efficacy" not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Most people tolerate it well.", "safety"),
        ("It may interact with antidepressants.", "safety"),
        ("It's free from the jitters and crash of coffee.", "safety"),
        ("Why pay for Botox when this cream does the same job?", "comparative"),
        ("Nothing else on the market comes close.", "comparative"),
        ("Pills only mask the pain; our therapy fixes the cause.", "comparative"),
        ("Laser clinics charge five times as much.", "comparative"),
        ("Where other creams sit on the surface, ours goes deeper.", "comparative"),
        ("You get the benefits of surgery without the scalpel.", "comparative"),
        ("Alzheimer's disease begins years before symptoms appear.", "background"),
        ("Psoriasis is not contagious.", "background"),
        ("Plaque builds up in the arteries over decades.", "background"),
        ("There is no cure for tinnitus.", "background"),
    ],
)
def test_safety_comparison_and_background_in_other_words(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


def test_a_group_more_likely_than_another_to_develop_a_condition_is_background() -> None:
    claim = tag_sentence("Women are more likely than men to develop osteoporosis.")
    assert claim.claim_types == ["background"]
    assert claim.caveats == []
    # the writer's inference about a molecule stays a hedge
    assert caveats("The protein is more likely than the mutant to bind DNA.") == [
        ("likely", "epistemic")
    ]


def test_a_study_cited_for_its_result_does_not_make_the_statement_about_research() -> None:
    cited = tag_sentence(
        "In the randomized STEP 1 trial, published in the New England Journal of Medicine in"
        " 2021, adults taking semaglutide lost an average of 14.9% of their body weight."
    )
    assert cited.evidence and cited.claim_types == ["efficacy"]
    # going on about the research after the result keeps it
    quality = tag_sentence(
        "A 2019 meta-analysis reported higher pregnancy rates with herbs, but most of the"
        " included trials were small."
    )
    assert "research" in quality.claim_types
    ranked = tag_sentence(
        "Rosemary oil has the best evidence of the bunch: one small trial of 100 people"
        " (Panahi et al., 2015) found that it increased hair counts."
    )
    assert "research" in ranked.claim_types


def test_who_funded_a_study_is_about_the_research() -> None:
    assert types("The trial was funded by the National Cancer Institute.") == ["research"]


def test_talking_to_a_pediatrician_is_a_limitation() -> None:
    claim = tag_sentence("Parents should talk to their pediatrician about the risks.")
    assert [(c.text, c.category) for c in claim.caveats] == [
        ("talk to their pediatrician", "limitation")
    ]


def test_alternatives_listed_in_a_consent_form_are_no_comparison() -> None:
    assert "comparative" not in types("The doctor explained the risks and alternatives.")


def test_a_journal_without_the_word_journal_and_a_year_is_specific() -> None:
    claim = tag_sentence(
        "A 2021 meta-analysis of 12 studies published in Dermatologic Surgery found that "
        "most patients improved."
    )
    assert [(e.specificity, e.design) for e in claim.evidence] == [
        ("specific", "systematic_review")
    ]


def test_a_body_whose_name_joins_words_with_and_or_for_is_a_named_source() -> None:
    claim = tag_sentence(
        "The American Society for Parenteral and Enteral Nutrition recommends IV vitamins "
        "mainly for people who cannot absorb nutrients."
    )
    assert [(e.text, e.specificity) for e in claim.evidence] == [
        ("The American Society for Parenteral and Enteral Nutrition", "named")
    ]
    # an "and" that leaves the name ends it
    other = tag_sentence("It rests on computational analysis of the fruit fly and African genomes.")
    assert "African" not in " ".join(e.text for e in other.evidence)


def test_studying_at_the_cellular_level_is_no_mechanism() -> None:
    assert "mechanism" not in types(
        "In vivo, anergy has mainly been studied at the cellular level."
    )


def test_an_outcome_after_a_mechanism_counts_only_as_what_it_does_for_the_reader() -> None:
    # "feel lighter" is an outcome shape; research prose names processes, not benefits
    assert types("Friendly bacteria crowd out gas-producing microbes, so you feel lighter.") == [
        "efficacy",
        "mechanism",
    ]
    assert "efficacy" not in types(
        "Overexpression of JunD eliminates the need for receptor activation."
    )


def test_easing_pressure_is_how_it_works() -> None:
    assert types("The idea behind manipulation is that it eases pressure on nerves.") == [
        "mechanism"
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("It is too early to say whether it will help people.", "too early to say", "status"),
        (
            "These results have not yet been repeated in other labs.",
            "have not yet been repeated",
            "status",
        ),
        ("The team plans to start a phase 1 safety trial next year.", "plans to start", "status"),
        ("A trial will follow, pending FDA clearance.", "pending FDA clearance", "status"),
        ("Black cohosh may ease hot flashes in some women.", "in some women", "limitation"),
        ("Even if it works, it would not be a cure.", "not be a cure", "limitation"),
    ],
)
def test_caveats_from_press_releases_and_newsletters(
    sentence: str, cue: str, category: str
) -> None:
    assert (cue, category) in caveats(sentence)


def test_a_negated_cure_keeps_its_modal_and_is_no_booster() -> None:
    assert caveats("It would not be a cure.") == [
        ("would", "modal"),
        ("not be a cure", "limitation"),
    ]
    assert boosters("It would not be a cure.") == []


def test_a_planned_trial_is_research_not_safety() -> None:
    assert types("The team plans to start a phase 1 safety trial in volunteers.") == ["research"]
    assert caveats("We plan to start treatment early.") == []  # no study: a plan of care


def test_a_numbered_reference_entry_outside_a_references_section_is_no_claim() -> None:
    doc = annotate_text(
        "A randomized trial [1] found that LASIK and PRK gave similar vision.\n\n"
        "[1] Lind M, Cho R. LASIK versus PRK: a randomized trial. J Refract Surg. "
        "2019;35(4):212-219.\n",
        name="page.txt",
    )
    claim, entry = doc.claims
    assert [(e.text, e.design) for e in claim.evidence] == [("A randomized trial [1]", "rct")]
    assert claim.evidence_strength == "strong"
    assert entry.claim_types == ["other"] and entry.evidence == [] and entry.flags == []


@pytest.mark.parametrize(
    ("sentence", "design"),
    [
        ("In studies in rats, red clover slowed bone loss.", "preclinical"),
        ("In animal studies, it slowed bone loss.", "preclinical"),
        ("In clinical trials, it eased hot flashes.", "clinical_trial"),
    ],
)
def test_in_studies_without_an_article_is_a_vague_mention(sentence: str, design: str) -> None:
    claim = tag_sentence(sentence)
    assert [(e.specificity, e.design) for e in claim.evidence] == [("vague", design)]
    assert claim.evidence_strength == "weak"


def test_mixed_trial_results_do_not_hide_the_benefit_they_qualify() -> None:
    # "results" names the research, not a benefit; the benefit is "ease hot flashes"
    claim = tag_sentence("Black cohosh may ease hot flashes, but the trial results are mixed.")
    assert claim.claim_types == ["efficacy", "research"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rarely, black cohosh has been linked to liver problems.", ["safety"]),
        ("Gentle on your body:", ["safety"]),
        ("Hormone therapy is not suitable for everyone.", ["safety"]),  # a treatment's name
        ("Hormones regulate the hair cycle.", ["mechanism"]),
    ],
)
def test_harms_and_treatment_names_outside_the_first_fields(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_disease_complication_is_no_treatment_harm() -> None:
    assert "safety" not in types("Uncontrolled blood sugar can lead to kidney failure.")


def test_call_your_doctor_is_the_consult_formula() -> None:
    assert ("call your doctor", "limitation") in caveats("Stop and call your doctor if it stings.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Always talk to your reproductive endocrinologist before adding a herb.",
            [("talk to your reproductive endocrinologist", "limitation")],
        ),
        (
            "Talk to us before you start, especially if you take other medicines.",
            [("Talk to us", "limitation")],
        ),
        (
            "Sudden hearing loss is a medical emergency, so seek care the same day.",
            [("seek care", "limitation")],
        ),
        ("Talk to us today about our plans.", []),
        ("Researchers seek treatment targets in the pathway.", []),
    ],
)
def test_the_consult_formula_in_other_words(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert caveats(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "mention", "specificity", "design"),
    [
        ("My readers often tell me their squat went up.", "My readers", "vague", "anecdotal"),
        ("Some patients find acupuncture relaxing.", "Some patients", "vague", "anecdotal"),
        (
            "Laboratory studies in rats and cell cultures suggest that it protects brain cells.",
            "Laboratory studies in rats and cell cultures",
            "vague",
            "preclinical",
        ),
        (
            "In healthy adults, studies lasting up to five years have found no kidney damage.",
            "studies lasting up to five years",
            "vague",
            "unspecified",
        ),
        (
            "It is cheap and backed by decades of research.",
            "decades of research",
            "vague",
            "unspecified",
        ),
        (
            "In a retrospective study of 1,468 women who thawed their eggs (Brannigan et al., "
            "2021), 85% had a live birth.",
            "a retrospective study of 1,468 women who thawed their eggs (Brannigan et al., 2021)",
            "specific",
            "observational",
        ),
        (
            "In a randomized trial of 2,191 older adults, fish oil did nothing.",
            "a randomized trial of 2,191 older adults",
            "vague",
            "rct",
        ),
        (
            "In a randomized trial of more than 2,000 women (Shi et al., 2018), rates matched.",
            "a randomized trial of more than 2,000 women (Shi et al., 2018)",
            "specific",
            "rct",
        ),
        (
            "A systematic review of 19 studies and more than 1,400 patients (Harlow et al., 2019)"
            " found a 21.6% reduction.",
            "A systematic review of 19 studies and more than 1,400 patients (Harlow et al., 2019)",
            "specific",
            "systematic_review",
        ),
        ("The NHS says there is little evidence.", "The NHS", "named", "unspecified"),
        (
            "The World Health Organization estimates that 1 in 4 people will be affected.",
            "The World Health Organization",
            "named",
            "unspecified",
        ),
        ("In lab tests, the extract killed 99% of bacteria.", "lab tests", "vague", "preclinical"),
        (
            "Scientists have discovered that sauna use lowers blood pressure.",
            "Scientists",
            "vague",
            "unspecified",
        ),
        (
            "Many dermatologists swear by this serum.",
            "Many dermatologists",
            "vague",
            "expert_opinion",
        ),
        ("Nutritionists love it for gut health.", "Nutritionists", "vague", "expert_opinion"),
        (
            "Many physiotherapists rely on it for knee pain.",
            "Many physiotherapists",
            "vague",
            "expert_opinion",
        ),
        (
            "Decades of research back up these benefits.",
            "Decades of research",
            "vague",
            "unspecified",
        ),
        (
            "Early research hints that it protects nerve cells.",
            "Early research",
            "vague",
            "unspecified",
        ),
        ("Studies point to a benefit for knee pain.", "Studies", "vague", "unspecified"),
        (
            "Research from top universities supports the use of ashwagandha.",
            "Research from top universities",
            "vague",
            "unspecified",
        ),
        ("A 12-week trial found that it works.", "A 12-week trial", "vague", "clinical_trial"),
        ("A university study showed it works.", "A university study", "vague", "unspecified"),
        ("A double-blind trial found fewer colds.", "A double-blind trial", "vague", "rct"),
        (
            "Researchers at Stanford tracked 500 runners and found fewer injuries.",
            "Researchers at Stanford",
            "named",
            "unspecified",
        ),
        (
            "A team at Oxford followed 2,000 adults and found that walking lowered blood pressure.",
            "A team at Oxford",
            "named",
            "unspecified",
        ),
        (
            "The International Society of Sports Nutrition reviewed studies lasting up to five"
            " years and found no kidney harm.",
            "The International Society of Sports Nutrition",
            "named",
            "unspecified",
        ),
        (
            "A study of 500 people treated with the drug showed fewer falls.",
            "A study of 500 people treated with the drug",
            "vague",
            "unspecified",
        ),
    ],
)
def test_evidence_phrasings_from_blogs_and_clinic_pages(
    sentence: str, mention: str, specificity: str, design: str
) -> None:
    claim = tag_sentence(sentence)
    assert [(e.text, e.specificity, e.design) for e in claim.evidence] == [
        (mention, specificity, design)
    ]


def test_a_second_verb_after_and_belongs_to_the_clauses_subject() -> None:
    """'this is the first report of X and suggests ...': 'this' suggests it; 'report'
    is no source presented as support."""
    claim = tag_sentence(
        "This represents the first report of the factor in endothelial cells and suggests"
        " mechanisms by which the drug could act."
    )
    assert claim.evidence == []
    cultures = tag_sentence("Studies in rats and cell cultures suggest that it protects nerves.")
    assert [e.text for e in cultures.evidence] == ["Studies in rats and cell cultures"]


def test_a_studys_subjects_are_no_source_of_their_own() -> None:
    """'people who took X reported less anxiety' are the subjects of the cited study."""
    claim = tag_sentence(
        "A pilot study [3] found that people who took a probiotic for eight weeks reported"
        " less anxiety."
    )
    assert [e.text for e in claim.evidence] == ["A pilot study [3]"]
    assert tag_sentence("The researchers measured blood flow.").evidence == []


def test_an_ongoing_trial_with_its_registry_id_is_status_not_evidence() -> None:
    claim = tag_sentence("We offer it only within an ongoing clinical trial (NCT05123987).")
    assert claim.evidence == [] and claim.evidence_strength == "none"
    assert ("ongoing", "status") in caveats("We offer it only within an ongoing clinical trial.")
    finished = tag_sentence("In the phase 3 trial (NCT01234567), it lowered blood sugar.")
    assert [e.specificity for e in finished.evidence] == ["specific"]


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("A review of six trials found that results were mixed.", "results were mixed", "status"),
        (
            "It may help, but evidence in humans is limited.",
            "evidence in humans is limited",
            "status",
        ),
        ("The brain benefits are exciting but still early.", "still early", "status"),
        ("There is no clear evidence that it raises birth rates.", "no clear evidence", "status"),
        (
            "No randomized trial has yet shown that it works.",
            "No randomized trial has yet shown",
            "status",
        ),
        ("CBD may ease anxiety for some people.", "for some people", "limitation"),
        ("The research on it is a mixed bag.", "a mixed bag", "status"),
        ("Nobody knows yet whether it can regrow hair.", "Nobody knows yet", "status"),
        ("It hasn't been tested in clinical trials yet.", "hasn't been tested", "status"),
        ("Not suitable if you're pregnant.", "Not suitable if", "limitation"),
        ("Everyone's body is different!", "Everyone's body is different", "limitation"),
        ("It is also developing an experimental shot.", "experimental", "status"),
    ],
)
def test_caveats_from_blogs_and_clinic_pages(sentence: str, cue: str, category: str) -> None:
    assert (cue, category) in caveats(sentence)


def test_how_often_compared_is_no_frequency_cue() -> None:
    assert caveats("People blink up to 60% less often while staring at a screen.") == []
    assert caveats("Side effects often fade.") == [("often", "frequency")]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("A 2018 meta-analysis reached a similar conclusion.", "A 2018 meta-analysis"),
        ("The CDC does not currently recommend a second dose.", "The CDC"),
    ],
)
def test_conclusions_and_withheld_recommendations_present_a_source(
    sentence: str, mention: str
) -> None:
    assert [e.text for e in tag_sentence(sentence).evidence] == [mention]


def test_never_with_a_past_verb_and_for_good_reason_promise_nothing() -> None:
    assert boosters("That trial never measured hair loss itself.") == []
    assert boosters("You will never lose hair again.") == [("never", "absolute")]
    assert boosters("There is good reason for good sleep.") == []
    assert boosters("Lose weight for good, without dieting.") == [("for good", "absolute")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Retinol is a form of vitamin A.", ["background"]),
        ("Omega-3 fatty acids are found in oily fish and walnuts.", ["background"]),
        ("Your body makes about 1 g of creatine a day.", ["background"]),
        ("Omega-3s are a key building block of brain cell membranes.", ["background"]),
        (
            "Melatonin is the hormone your body releases to signal sleep.",
            ["mechanism", "background"],
        ),
        ("It is the only treatment that works.", ["efficacy", "comparative"]),
    ],
)
def test_definitions_and_what_the_body_makes_are_background(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("My panic attacks are completely gone!", ["efficacy"]),
        ("Our live birth rate per embryo transfer is 58% for women under 35.", ["efficacy"]),
        ("With our protocol, CoQ10 gives you more mature eggs.", ["efficacy"]),
        ("If you already have kidney disease, talk to your doctor first.", ["safety"]),
        ("The offer is gone.", ["other"]),
        ("Success rates updated May 1, 2025.", ["other"]),  # a page date, no outcome
        # two treatments compared (guide section 6), as holdout6 labels it
        (
            "Fresh and frozen transfers led to similar live birth rates.",
            ["efficacy", "comparative"],
        ),
    ],
)
def test_success_rates_and_warnings_from_a_clinic_page(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_call_your_doctor_right_away_is_a_warning() -> None:
    assert "safety" in types("Call your doctor right away if your belly swells.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bladeless LASIK is significantly safer than blade-based LASIK.",
            ["safety", "comparative"],
        ),
        ("Creatine monohydrate is the most researched sports supplement.", ["comparative"]),
        ("VitaStrand works faster than any other hair vitamin.", ["efficacy", "comparative"]),
        ("Patients recovered faster than those on placebo.", ["efficacy"]),  # a group comparison
        ("It is most effective when taken with food.", ["efficacy"]),  # no superlative
    ],
)
def test_evaluative_comparatives_and_superlatives(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("Opened bottles may not be returned after 30 days.", False),
        ("Images may not be used without credit to the university.", False),
        ("Offers may not be combined.", False),
        ("Refunds may not be issued once production has started.", False),
        ("Results may not be reproduced in humans.", True),  # possibility, not a rule
        ("The results may not be reproduced.", True),
        ("Copies may not be reproduced without permission.", False),
        ("It may not be distributed evenly in the brain.", True),
    ],
)
def test_may_not_in_a_passive_rule_is_no_hedge(sentence: str, hedged: bool) -> None:
    assert (("may", "modal") in caveats(sentence)) is hedged


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            "CHICAGO (May 12, 2025) - It cleared plaques in mice, according to a study by "
            "researchers at Midland State published today in the journal Neuron.",
            "a study by researchers at Midland State published today in the journal Neuron",
        ),
        (
            "A registry study of 100,000 IVF cycles, published in Fertility and Sterility in "
            "2016, found that rates fell with age.",
            "Fertility and Sterility in 2016",
        ),
    ],
)
def test_a_journal_with_the_year_in_its_sentence_is_specific(sentence: str, mention: str) -> None:
    assert [(e.text, e.specificity) for e in tag_sentence(sentence).evidence] == [
        (mention, "specific")
    ]
    # the guide's worked example: a journal without a year stays named
    named = tag_sentence("One study published in the Journal of Stem Cells found it works.")
    assert [e.specificity for e in named.evidence] == ["named"]


def test_a_scientist_quoted_about_mouse_results_is_known_by_surname_later() -> None:
    doc = annotate_text(
        '"The plaques disappeared in the treated mice," said Dr. Hannah Reyes.\n\n'
        '"We believe this is a breakthrough," Reyes said.\n',
        name="release.txt",
    )
    first, later = doc.claims
    assert [(e.text, e.design) for e in first.evidence] == [("Dr. Hannah Reyes", "preclinical")]
    assert [(e.text, e.specificity) for e in later.evidence] == [("Reyes", "named")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a physical or bodily process, named in the words of any field
        (
            "The mouthpiece holds your lower jaw forward, which keeps your airway open.",
            ["mechanism"],
        ),
        ("The vaccine teaches your immune system to recognise the virus.", ["mechanism"]),
        ("Caffeine blocks adenosine, the chemical that makes you feel sleepy.", ["mechanism"]),
        ("The mask emits light at 630 nanometres.", ["mechanism"]),
        (
            "During a fast, insulin levels drop and your body switches to burning fat.",
            ["mechanism"],
        ),
        ("The gel forms a protective barrier over the wound.", ["mechanism"]),
        # the verb that names the process still promises the benefit
        (
            "Ashwagandha calms your nervous system, so you fall asleep faster.",
            ["efficacy", "mechanism"],
        ),
        ("Statins lower cholesterol by reducing the production of it.", ["efficacy", "mechanism"]),
        # "works by" names a mechanism only before what it does
        ("It works by blocking an enzyme.", ["mechanism"]),
        # a body part or an energy is a mechanism cue only as what a process verb acts on
        ("Red light is absorbed by the mitochondria.", ["mechanism"]),
        ("The drug preserves the insulin-producing beta cells.", ["efficacy", "mechanism"]),
        ("Biologics dampen part of the immune system.", ["mechanism"]),
        ("Boosts motility so more sperm reach the egg.", ["efficacy", "mechanism"]),
        ("The vaccine raised antibody levels tenfold.", ["mechanism"]),
        # protecting an organ is the benefit itself
        ("A good diet may help protect the ageing brain.", ["efficacy"]),
        ("Light therapy is popular with teenagers.", ["other"]),
        ("Do not use it if you have had a seizure triggered by light.", ["safety"]),
        ("It develops when the body does not use insulin well.", ["background"]),
        ("Keep taking statins and report muscle pain to your doctor.", ["safety"]),
        # instructions and logistics are not processes
        ("Book by calling our front desk.", ["other"]),
        ("Store the capsules in a cool, dry place.", ["other"]),
        ("The mouthpiece comes in one size and is shipped in a travel case.", ["other"]),
    ],
)
def test_mechanism_shapes_from_any_field(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lasts longer than any other mouthguard on the market.", ["comparative"]),
        ("It is gentler on the stomach than ibuprofen.", ["comparative"]),
        ("No other app has been tested in as many patients.", ["comparative"]),
        ("America's leading sleep app", ["comparative"]),
        ("Is compounded semaglutide the same as Wegovy?", ["comparative"]),
        ("Traditional braces take up to two years.", ["comparative"]),
        # a product ranked above the others is claimed to work; a rank alone names no
        # outcome (holdout10, holdout14 and holdout16 label "#1 ..." comparative + other)
        ("The #1 dermatologist-recommended LED mask", ["comparative"]),
        ("Better than pills:", ["efficacy", "comparative"]),
        ("Our birth rate is well above the national average.", ["efficacy", "comparative"]),
        # quantities, prices and doses are not another treatment
        ("The app costs less than $10 a month.", ["other"]),
        ("The number one cause of hair loss is genetics.", ["background"]),
    ],
)
def test_comparative_shapes_name_the_alternative(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_what_a_study_found_is_an_efficacy_claim() -> None:
    found = "A review of 97 studies (Ramos et al., 2016) found that 99.5% of eyes reached 20/40."
    assert types(found) == ["efficacy"]
    # no study mention: nothing was found, and a planned study finds nothing yet
    assert types("99.5% of eyes reached 20/40.") == ["other"]
    assert "efficacy" not in types("Researchers plan to study whether 20/40 is reached (NCT0123).")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A randomized phase 3 trial is planned.", [("planned", "status")]),
        ("Your treatment is planned around your schedule.", []),
        (
            "The trial was not designed to prove that the vaccine works.",
            [("not designed to prove", "status")],
        ),
        (
            "NV-208 is not available outside clinical trials.",
            [("available outside clinical trials", "status")],
        ),
        ("The app has not been reviewed by the FDA.", [("not been reviewed by the FDA", "status")]),
        ("We cannot be sure the benefit will last.", [("cannot be sure", "epistemic")]),
        ("Scientists are not yet sure why it works.", [("not yet sure", "epistemic")]),
        (
            "Patients with lupus may not be suitable for the vaccine.",
            [("may", "modal"), ("not be suitable for", "limitation")],
        ),
        (
            "It is not intended to diagnose or treat any disease.",
            [("is not intended to diagnose or treat any disease", "limitation")],
        ),
        # a purchase term in the passive is a rule wherever it stands
        ("Masks bought elsewhere may not be returned to us.", []),
        ("The results may not be reproduced.", [("may", "modal")]),
    ],
)
def test_caveats_from_a_press_release_and_a_device_listing(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert caveats(sentence) == expected


def test_never_in_advice_and_naturally_in_ageing_promise_nothing() -> None:
    assert boosters("You should never stop a prescribed medicine on your own.") == []
    assert boosters("It may strain the eyes, so never look directly into the lights.") == []
    assert boosters("You will never lose hair again.") == [("never", "absolute")]
    assert boosters("Collagen naturally declines with age.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Start your free trial", ["other"]),
        ("The combination also extends survival in advanced melanoma.", ["efficacy"]),
        ("Nice mask, but I didn't see much difference.", ["efficacy"]),
        ("Fewer anxious thoughts in just 2 weeks", ["efficacy"]),
        ("The researchers reported no treatment-related deaths.", ["safety"]),
        ("Bright LED light may strain or damage the eyes.", ["safety"]),
        ("Red light is absorbed by the mitochondria in your skin cells.", ["mechanism"]),
        ("Can MindLoop replace my therapist?", ["comparative"]),
        (
            "Experts agree that LED therapy is one of the safest treatments.",
            ["safety", "comparative"],
        ),
        ("Clinic results at home:", ["efficacy", "comparative"]),
        ("These are the best results we have seen.", ["efficacy", "comparative"]),
        ("Combine it with minoxidil for the best results.", ["efficacy"]),
    ],
)
def test_types_from_a_press_release_and_a_device_listing(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_section_title_is_other_and_a_news_headline_asserts() -> None:
    doc = annotate_text(
        "How it works\n\nThe cap sits on your head.\n\nWhat the research shows\n\n"
        "One trial ran.\n\nNew Trial Tests Vitamin D Against Winter Colds\n\nIt ran.\n",
        name="page.txt",
    )
    headings = [(c.text, c.claim_types) for c in doc.claims if c.kind == "heading"]
    assert headings == [
        ("How it works", ["other"]),
        ("What the research shows", ["other"]),
        ("New Trial Tests Vitamin D Against Winter Colds", ["research"]),
    ]


def test_evidence_in_a_press_release_and_a_device_listing() -> None:
    def found(sentence: str) -> list[tuple[str, str, str]]:
        return [(e.text, e.specificity, e.design) for e in tag_sentence(sentence).evidence]

    # an author-year citation that names the journal between the two
    assert found("Earlier work in mice (Chen et al., Cancer Cell, 2021) showed a response.") == [
        ("Earlier work in mice (Chen et al., Cancer Cell, 2021)", "specific", "preclinical")
    ]
    # more kinds of expert, a field before the noun, and 'trusted by' as a lead
    assert found("Our psychologists suggest doing each lesson daily.") == [
        ("Our psychologists", "vague", "expert_opinion")
    ]
    assert found("Trusted by skin experts across the country.") == [
        ("skin experts", "vague", "expert_opinion")
    ]
    assert found("Our skin is thin.") == []


def test_an_asterisk_after_a_full_stop_points_to_its_note() -> None:
    doc = annotate_text(
        "Reduces fine lines by 35% in 2 weeks.*\n\n*Based on a survey of 32 women.\n",
        name="listing.txt",
    )
    claim = doc.claims[0]
    assert [(e.text, e.specificity) for e in claim.evidence] == [("*", "vague")]
    assert claim.evidence_strength == "weak"


@pytest.mark.parametrize(
    "sentence",
    [
        # the claim is the question research is asking, or what a trial could not show
        "Whether a self-guided app works as well as a therapist is still being studied.",
        "The trial was not designed to prove that the vaccine works.",
        # what an approval covers is a fact about its status, not the copy's own claim
        "LumiRenew Pro is FDA-cleared for the treatment of mild acne.",
    ],
)
def test_statements_about_the_state_of_the_evidence_are_research(sentence: str) -> None:
    assert types(sentence) == ["research"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Small studies suggest it may help with high stress, but more research is needed.",
        "Experimental drug also lowered blood pressure, but long-term effects are unknown",
        "No diet has been proven to prevent flares, although losing weight may help.",
        "Zinc may shorten a cold by a day; its effect on flu has not been tested.",
    ],
)
def test_a_claim_in_a_clause_of_its_own_keeps_its_type_beside_unsettled_research(
    sentence: str,
) -> None:
    assert {"efficacy", "research"} <= set(types(sentence))


def test_an_unsettled_clause_pointing_back_makes_the_whole_statement_about_research() -> None:
    sentence = (
        "A leaky gut may also drive fatigue and brain fog, although this has not been proven."
    )
    assert types(sentence) == ["research"]
    assert types("It may shorten colds, but that has not been shown in trials.") == ["research"]


def test_a_one_word_label_names_a_topic_unless_it_is_a_quality() -> None:
    doc = annotate_text(
        "Warnings\n\n- Photosensitivity: Some medicines make skin sensitive to light.\n"
        "- Non-invasive: No needles and no surgery.\n",
        name="listing.md",
    )
    labels = {c.text: c.claim_types for c in doc.claims if c.text.endswith(":")}
    assert labels == {"Photosensitivity:": ["other"], "Non-invasive:": ["safety"]}


def test_a_label_of_topic_words_names_a_section_and_claims_nothing() -> None:
    doc = annotate_text(
        "Safety note:\nDo not use it if you are pregnant.\n\n"
        "Side effects:\nSome people get a mild headache.\n\n"
        "Pain relief:\nMost users feel better within a week.\n",
        name="leaflet.txt",
    )
    labels = {c.text: (c.claim_types, c.flags) for c in doc.claims if c.text.endswith(":")}
    assert labels["Safety note:"] == (["other"], [])
    assert labels["Side effects:"] == (["other"], [])
    assert labels["Pain relief:"][0] == ["efficacy"]  # a benefit, not a topic


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Whether a spray and a tablet together work better is still debated.",
            [("Whether", "epistemic"), ("still debated", "status")],
        ),
        ("New Pill Cuts Migraine Days, but Questions Remain", [("Questions Remain", "status")]),
        (
            "Kestrel has applied to the FDA, and a decision is expected in March.",
            [("decision is expected", "status")],
        ),
        (
            "On its own it is not a weight-loss treatment.",
            [("not a weight-loss treatment", "limitation")],
        ),
        (
            "No trial has compared it directly with the older injections.",
            [("No trial has compared", "status")],
        ),
    ],
)
def test_caveats_from_a_pharmacy_listing_and_drug_news(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert caveats(sentence) == expected


def test_boosters_from_a_pharmacy_listing_and_drug_news() -> None:
    # a day in a product name is no purchase term; "need" is no past verb
    assert boosters("ALL-DAY ALLERGY RELIEF, GUARANTEED") == [("GUARANTEED", "absolute")]
    assert boosters("Try it for 30 days, guaranteed.") == []
    assert ("never", "absolute") in boosters("It is accurate, so you never need a fingerstick.")
    assert boosters("The key to lasting weight loss.") == [("lasting weight loss", "absolute")]
    assert boosters("It is already clear that it is safer.") == [
        ("It is already clear that", "certainty")
    ]
    assert boosters("The #1 allergy spray brand") == [("#1", "promotional")]  # the whole mark
    assert boosters("Ranked #1 by users") == [("#1", "promotional")]
    assert boosters("Call #12 or press 1 now.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Stop use and ask a doctor if you have frequent nosebleeds.", ["safety"]),
        ("Long-term use at high doses can affect the eyes.", ["safety"]),
        ("Will the sensor irritate my skin?", ["safety"]),
        ("If you have diabetes, ask your doctor first.", ["safety"]),
        ("My afternoon crashes are gone and I've lost 6 kg.", ["efficacy"]),
        ("Sharper focus and steadier energy all day", ["efficacy"]),
        ("Fewer migraine days from the first month", ["efficacy"]),
        ("Accuracy can be lower on the first day of wear.", ["efficacy"]),
        ("The offer is gone.", ["other"]),
        ("It is the safest long-term option.", ["safety", "comparative"]),
        # side effects compared with placebo are safety, not efficacy
        ("Side effects were nausea (7% vs. 3% on placebo) and tiredness.", ["safety"]),
    ],
)
def test_types_from_a_pharmacy_listing_and_a_wearable_page(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Anxiety scores fell within the first month in 79% of patients.", ["efficacy"]),
        ("Antihistamine tablets start working within an hour.", ["efficacy"]),
        ("Black cohosh can cut hot flash frequency by up to half.", ["efficacy"]),
        ("Participants lost an average of 1.2 kg in four weeks.", ["efficacy"]),
        # a cut that is not an outcome, and a score that only exists
        ("Cut the patch by 20% before use.", ["other"]),
        ("Scores range from 0 to 10.", ["other"]),
    ],
)
def test_measured_outcomes_that_moved_are_efficacy(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_a_possessive_study_and_a_quoted_first_word_are_no_names() -> None:
    def found(sentence: str) -> list[tuple[str, str]]:
        return [(e.text, e.specificity) for e in tag_sentence(sentence).evidence]

    assert found("In the manufacturer’s accuracy study, readings were close.") == [
        ("the manufacturer’s accuracy study", "vague")
    ]
    assert found("★★★★★ “My allergist says it is the safest option.”") == [
        ("My allergist", "vague")
    ]


def test_a_drug_news_article_dated_in_its_byline() -> None:
    doc = annotate_text(
        "New Pill Cuts Migraine Days\n\nBy Maya Lindqvist · June 10, 2025\n\n"
        "The pill cut migraine days, according to a trial published on Monday in The "
        "Lancet Neurology.\n\n"
        "The trial randomly assigned 1,420 adults to the pill or a placebo (NCT05678912).\n\n"
        "The researchers also found that the benefit came within four weeks.\n",
        name="news.txt",
    )
    cited, _, again = doc.claims[-3:]
    # the byline dates "published on Monday": journal plus year plus topic
    assert [(e.specificity, e.design) for e in cited.evidence] == [("specific", "clinical_trial")]
    # "randomly assigned" makes the trial an RCT, so a back-reference to it is strong
    assert [(e.text, e.design) for e in again.evidence] == [("The researchers", "rct")]
    assert again.evidence_strength == "strong"


def test_a_drug_that_blocks_a_named_molecule_and_allergies_treated() -> None:
    assert types("The drug blocks CGRP, a protein released during a migraine.") == ["mechanism"]
    assert types("It blocks the way.") == ["other"]
    assert types("ALL-DAY ALLERGY RELIEF, GUARANTEED") == ["efficacy"]
    assert types("Do not use if you are allergic to any ingredient.") == ["safety"]


def test_a_product_vouched_for_by_unnamed_experts_cites_a_vague_source() -> None:
    for sentence, mention in [
        ("The #1 pharmacist-recommended allergy spray brand", "pharmacist-recommended"),
        ("Doctor-approved formula for kids.", "Doctor-approved"),
    ]:
        claim = tag_sentence(sentence)
        assert [(e.text, e.specificity, e.design) for e in claim.evidence] == [
            (mention, "vague", "expert_opinion")
        ]
    assert tag_sentence("FDA-approved for adults.").evidence == []


def test_a_disclaimer_after_the_references_is_tagged_like_body_text() -> None:
    doc = annotate_text(
        "It works.[1]\n\nReferences\n\n1. Smith J. Stem cells. J Derm. 2019;12:3-9.\n\n"
        "This page is not medical advice. Individual results may vary."
    )
    last = doc.claims[-2:]
    assert [c.section for c in last] == ["", ""]
    assert [[(v.text, v.category) for v in c.caveats] for c in last] == [
        [("is not medical advice", "limitation")],
        [("Individual results may vary", "limitation")],
    ]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Our guests report sharper focus.", "Our guests"),
        ("Loads of listeners tell me it helps them sleep.", "listeners"),
        ("Some athletes say their legs feel fresher the next day.", "Some athletes"),
        ("Many parents tell us their kids sleep better.", "Many parents"),
    ],
)
def test_an_audience_reporting_is_a_vague_anecdotal_source(sentence: str, mention: str) -> None:
    assert [(e.text, e.specificity, e.design) for e in tag_sentence(sentence).evidence] == [
        (mention, "vague", "anecdotal")
    ]


def test_what_no_product_has_been_shown_to_do_is_about_the_research() -> None:
    assert types("No diet has been proven to prevent flares.") == ["research"]
    assert types("It hasn't been proven to prevent colds.") == ["research"]


def test_a_measurement_or_ones_own_estimate_is_no_source() -> None:
    assert tag_sentence("In blood tests, levels were normal.").evidence == []
    assert tag_sentence("We estimate the cost at 40 dollars.").evidence == []


def test_a_schedule_set_as_your_doctor_recommends_is_no_source() -> None:
    assert tag_sentence("Repeat the scan as your doctor recommends.").evidence == []
    assert [e.text for e in tag_sentence("Your doctor recommends it.").evidence] == ["Your doctor"]


def test_a_body_s_name_or_a_naming_verb_alone_is_no_source() -> None:
    assert tag_sentence("Our Institute offers free parking.").evidence == []
    assert (
        tag_sentence("We use a compound called NAD+, developed by Dr. Lee in 2010.").evidence == []
    )


def test_what_a_study_saw_is_a_result_it_reports() -> None:
    doc = annotate_text(
        "The TRAVERSE trial (Lincoff et al., 2023) found no rise in heart attacks.\n\n"
        "The same trial saw slightly more atrial fibrillation in men on testosterone.\n\n"
        "Patients saw results in two weeks."
    )
    second, third = doc.claims[1:]
    assert [(e.text, e.specificity) for e in second.evidence] == [("The same trial", "specific")]
    assert third.evidence == []  # people "saw" an outcome: the claim itself


@pytest.mark.parametrize(
    "sentence",
    [
        "Results are expected next spring.",
        "Nobody has compared the two treatments head to head.",
        "It is not yet clear how long the effect lasts.",
        "Funding came from the National Institutes of Health.",
    ],
)
def test_what_is_still_open_or_who_paid_is_about_the_research(sentence: str) -> None:
    assert types(sentence) == ["research"]


def test_nobody_has_tested_it_is_a_status_caveat() -> None:
    assert ("Nobody has tested", "status") in caveats("Nobody has tested it in children.")


def test_who_funded_a_study_is_no_source_of_support() -> None:
    assert tag_sentence("Funding came from the National Institutes of Health.").evidence == []
    named = tag_sentence("According to the National Institutes of Health, it helps.").evidence
    assert [e.text for e in named] == ["the National Institutes of Health"]


def test_a_dose_that_protected_people_is_a_benefit() -> None:
    sentence = (
        "A single dose protected adults over 60 through their first winter, but it is not yet"
        " clear how long the protection lasts."
    )
    assert types(sentence) == ["efficacy", "research"]


def test_a_journal_after_writing_in_is_a_named_source() -> None:
    claim = tag_sentence("Writing in the BMJ, the authors concluded that the test is accurate.")
    assert [(e.text, e.specificity) for e in claim.evidence] == [
        ("the BMJ", "named"),
        ("the authors", "vague"),
    ]
    assert tag_sentence("Writing in her diary helps her sleep.").evidence == []
