"""The named caveat disambiguation rules, each on real sentences from both of its sides.

Sentences come from BioScope abstracts (the dev split) and from health marketing copy of
the kind the guide describes. Each test runs the full caveat lexicon, so it checks the
entry, its pattern and its rule together.
"""

from __future__ import annotations

import pytest

from claims.rules import RULES
from claims.tagging import find_caveats


def cues(sentence: str) -> list[tuple[str, str]]:
    """(cue text lower-cased, category) of every caveat in the sentence."""
    return [(c.text.lower(), c.category) for c in find_caveats(sentence, 0, len(sentence))]


def words(sentence: str) -> set[str]:
    """The cue texts alone."""
    return {text for text, _ in cues(sentence)}


def test_every_new_rule_is_registered() -> None:
    for name in (
        "could_hedge",
        "potential_epistemic",
        "experimental_status",
        "ongoing_research",
        "early_stage_research",
        "should_epistemic",
        "if_indirect_question",
        "if_not_alternative",
        "assume_belief",
    ):
        assert RULES[name].__name__ == name


# --- could_hedge -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Coordinate inhibition of the transcription of genes for inflammatory cytokines could"
        " provide a strategy for therapy of diseases with inflammatory pathogenesis.",
        "We conclude that NF-kappa B activation could constitute one of the mechanisms.",
        "These results suggest that we could not rule out a role for AP-1, which could matter.",
        "Stem cell injections could lead to thicker hair.",
        "Dr. Smith's 2019 study found that it could reduce shedding in women.",
        "Looking back, I think the cream could have caused the rash.",
    ],
)
def test_could_as_possibility_is_modal(sentence: str) -> None:
    assert ("could", "modal") in cues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No relationship could be established between glucocorticoid receptor binding and"
        " antidepressant medication.",
        "No modification of c-myc expression could be detected on treatment with histamine.",
        "In PMA-treated THP-1 cells we could detect three major transcription initiation sites.",
        "The changes could be detected within 30 min of heat shock.",
        "We found that expression of a constitutively active form of calcineurin could"
        " substitute for Ca2+ ionophore.",
        "The production of IFN-gamma could not be induced by exogenous IL-12.",
        # a testimonial's ability gained or lost, not a possibility
        "After two weeks my bloating was gone and I could finally wear my jeans again.",
        "Two years ago I could barely climb the stairs.",
        "Some of them told us they could finally keep up in gym class.",
        "Within days I could feel the difference.",
    ],
)
def test_could_reporting_past_ability_is_no_caveat(sentence: str) -> None:
    assert "could" not in words(sentence)


# --- potential_epistemic -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "These results identify a potential role for IL-7 signaling pathways in transformation.",
        "Stem cells have the potential to regenerate hair follicles.",
        "Exosomes are a potential treatment for thinning hair.",
        "Stem cell therapy offers the potential for non-invasive, natural hair growth.",
        "Potential for Long-Term Results:",
        "Activated B cells play a potentially important role in the pathogenesis.",
    ],
)
def test_potential_as_possible_is_epistemic(sentence: str) -> None:
    assert any(text.startswith("potential") and cat == "epistemic" for text, cat in cues(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Charybdotoxin-sensitive, Ca(2+)-dependent membrane potential changes are not involved"
        " in human T or B cell activation.",
        "To further unravel the tal-1 oncogenic potential, a strain of transgenic mice was bred.",
        "M-TAT is a cytokine-dependent cell line with the potential to differentiate along the"
        " erythroid lineage.",
        "Inhibition of GATA-3 activity has therapeutic potential in the treatment of asthma.",
    ],
)
def test_potential_as_a_noun_is_no_caveat(sentence: str) -> None:
    assert not any(text.startswith("potential") for text in words(sentence))


# --- experimental_status -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Stem cell therapy is still considered experimental.",
        "PRP for hair loss is experimental.",
        "This is an experimental treatment that is not FDA-approved.",
    ],
)
def test_experimental_status(sentence: str) -> None:
    assert any("experimental" in text and cat == "status" for text, cat in cues(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "In summary, we derived an experimental system that allows us to dissect the function"
        " of GATA-1 in red cell development.",
        "Although MKK3, MKK4, and MKK6 all activated p38 MAPk in experimental models, only MKK3"
        " was found to activate recombinant p38.",
    ],
)
def test_experimental_methods_adjective_is_no_caveat(sentence: str) -> None:
    assert not any("experimental" in text for text in words(sentence))


# --- ongoing_research --------------------------------------------------------------


def test_ongoing_research_is_status() -> None:
    assert ("ongoing", "status") in cues("While research is still ongoing, results look good.")
    assert ("ongoing", "status") in cues("Ongoing trials are testing exosomes for alopecia.")


def test_ongoing_biological_process_is_no_caveat() -> None:
    sentence = (
        "The addition of cycloheximide completely blocked the VitD3 induction of CD14 mRNA"
        " expression, indicating that the induction was dependent on ongoing protein synthesis."
    )
    assert "ongoing" not in words(sentence)


# --- early_stage_research ----------------------------------------------------------


def test_early_stage_of_research_is_status() -> None:
    found = cues("Research on this therapy is at an early stage.")
    assert any("early stage" in text and cat == "status" for text, cat in found)
    assert any(cat == "status" for _, cat in cues("This is early-stage research in mice."))


@pytest.mark.parametrize(
    "sentence",
    [
        "GPIIb is produced in megakaryocytes at an early stage of the differentiation.",
        "This phenomenon is correlated with inhibition of GATA1 induction in the early stages of"
        " erythropoietic differentiation.",
        "Patients with early-stage breast cancer were enrolled.",
    ],
)
def test_early_stage_in_biology_is_no_caveat(sentence: str) -> None:
    assert not any("early" in text for text in words(sentence))


# --- should_epistemic --------------------------------------------------------------


def test_should_as_inference_is_modal() -> None:
    sentence = (
        "However, as NF-kappa B is ubiquitous, yet another T-cell-specific factor which"
        " synergizes with NF-kappa B should be considered."
    )
    assert ("should", "modal") in cues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You should consult your doctor before starting treatment.",
        "The serum should be applied twice daily to a clean scalp.",
        "This product should not be used during pregnancy.",
    ],
)
def test_should_as_advice_is_no_caveat(sentence: str) -> None:
    assert "should" not in words(sentence)


# --- if_indirect_question / if_not_alternative --------------------------------------


def test_if_after_test_or_determine_is_an_open_question() -> None:
    sentence = (
        "We investigated cardiac infarction patients over a 12-day period to test if"
        " glucocorticoid receptor binding is altered in this disease."
    )
    assert ("if", "epistemic") in cues(sentence)
    assert ("if", "epistemic") in cues("We wished to determine if this interaction is direct.")


@pytest.mark.parametrize(
    "sentence",
    [
        "TNF-alpha mRNA was inhibited even if IL-10 was added up to 8 h after stimulation.",
        "If you are not satisfied, simply return the product.",
        "Patients were classified as steroid resistant if they failed to increase > 15%.",
    ],
)
def test_conditional_if_is_no_caveat(sentence: str) -> None:
    assert not any(text.startswith("if") for text in words(sentence))


def test_if_not_leaves_a_stronger_claim_open() -> None:
    sentence = "The AP-1 site represents a major, if not the only, site of PKC responsiveness."
    assert ("if not", "epistemic") in cues(sentence)
    assert "if not" not in words("Hair loss gets worse if not treated early.")


# --- assume_belief -----------------------------------------------------------------


def test_assumed_as_belief_is_epistemic() -> None:
    sentence = "It is assumed that the receptor mediates the effect."
    assert ("assumed that", "epistemic") in cues(sentence)
    assert ("assumed", "epistemic") in cues(
        "Antibodies of assumed (although not documented) clinical significance were used."
    )


def test_assumed_as_taking_on_is_no_caveat() -> None:
    assert "assumed" not in words("The nurse assumed the role of coordinator for the trial.")


# --- indicate_not_reference (changed) -----------------------------------------------


def test_indicated_that_before_a_determiner_is_kept() -> None:
    sentence = (
        "DNA-binding assays with cotranslated forms of EBF indicated that the protein interacts"
        " with its site as a homodimer."
    )
    assert ("indicated that", "epistemic") in cues(sentence)


def test_indicated_with_a_noun_object_is_no_caveat() -> None:
    sentence = "Northern blot analysis indicated the expression of human PEBP2 alpha A."
    assert not any(text.startswith("indicated") for text in words(sentence))


# --- appear_seeming (extended) --------------------------------------------------------


def test_appeared_when_is_emergence() -> None:
    sentence = "However, this factor appeared when these CML patients achieved remission."
    assert "appeared" not in words(sentence)
    assert ("appears to", "epistemic") in cues("The effect appears to depend on dose.")


# --- plain new entries ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("These results imply a potential role of C5a in regulating leukocytes.", "imply"),
        ("An acquired form of resistance to glucocorticoids was suspected.", "suspected"),
        ("Its exact mechanism of action is not known.", "is not known"),
        ("These studies support the idea that superoxide plays a role.", "support the idea"),
        (
            "An additional role for GR-mediated transrepression cannot be excluded.",
            "cannot be excluded",
        ),
        ("The open reading frame is predicted to encode a protein.", "is predicted to"),
        (
            "The U937 cells fail to differentiate, apparently due to desensitization.",
            "apparently due to",
        ),
    ],
)
def test_new_epistemic_and_status_entries(sentence: str, cue: str) -> None:
    assert cue in words(sentence)


def test_apparently_describing_a_group_is_no_caveat() -> None:
    sentence = "We measured receptors in leukocytes of 145 apparently healthy volunteers."
    assert not any("apparent" in text for text in words(sentence))


# --- wording of full research papers (methods, results, figure legends) ------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Expression was detected in all samples (data not shown).",
        "Similar results were obtained with the second allele (not shown).",
        "Similar results were obtained in three experiments (data not shown; see Methods).",
        "The same shift was seen in the mutant, data not shown.",
    ],
)
def test_data_not_shown_is_no_caveat(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It has not been shown that the protein binds DNA directly.",
        "The serum was not shown to regrow hair in any trial.",
        "Its benefit for hair loss has not been proven.",
    ],
)
def test_not_shown_as_missing_evidence_is_status(sentence: str) -> None:
    assert [category for _, category in cues(sentence)] == ["status"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cells were treated with PMA for the indicated times.",
        "The positions of the primers are indicated.",
        "Arrows indicate the position of the mutant clones.",
        "Error bars indicate the standard deviation of three experiments.",
        "The arrowhead indicates the anterior boundary of expression.",
        "The dotted line indicates the midline.",
        "Flies were raised at 25 degrees unless otherwise indicated.",
        "Lanes 1-4 indicate extracts from untreated cells.",
        "Panel B indicates the loading control.",
        "Values indicate the mean of three independent experiments.",
        "Numbers above the bars indicate fold induction over the empty vector.",
        "Results are indicated as percentages of the control.",
    ],
)
def test_indicate_as_figure_key_is_no_caveat(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("These values indicate that the affinity is high.", "indicate that"),
        ("The mean scores indicate a role for IL-2 in this response.", "indicate"),
        ("Lanes of evidence indicate a common origin.", "indicate"),
    ],
)
def test_indicate_after_a_figure_word_that_infers_is_kept(sentence: str, cue: str) -> None:
    assert cues(sentence) == [(cue, "epistemic")]


def test_indicating_after_cell_lines_is_kept() -> None:
    sentence = (
        "The element is not activated upon infection of established EBV-negative B-cell"
        " lines, indicating that EBV fails to drive these cells to a lymphoblastoid phenotype."
    )
    assert cues(sentence) == [("indicating that", "epistemic")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Embryos were fixed as soon as possible after collection.",
        "Where possible, the same antibody lots were used.",
        "Whenever possible, sibling controls were used.",
        "Apply the serum as evenly as possible.",
    ],
)
def test_possible_as_manner_of_working_is_no_caveat(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It is possible that the two proteins interact.",
        "It was not possible to reconstitute dioxin receptor function with these proteins.",
        "As a possible explanation, the cells may migrate.",
    ],
)
def test_possible_as_may_be_so_is_epistemic(sentence: str) -> None:
    assert [category for text, category in cues(sentence) if "possib" in text] == ["epistemic"]


def test_emerging_research_is_status_and_emerging_flies_are_not() -> None:
    assert cues("Emerging evidence links the gut to skin health.") == [("emerging", "status")]
    assert cues("Results from these trials are still emerging.") == [("still emerging", "status")]
    assert cues("Newly emerging adults were collected and aged for three days.") == []
    assert cues("TCF-1 is unique among the newly emerging family of HMG proteins.") == []


def test_should_be_noted_only_draws_attention() -> None:
    assert cues("It should be noted that all constructs were sequenced.") == []
    assert cues("It should be emphasized that the two alleles differ in strength.") == []
    assert cues("The mutation should disrupt binding if the model is correct.") == [
        ("should", "modal")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "To test this hypothesis, light-chain gene structure was examined in pre-B cells.",
        "Consistent with this hypothesis, the short life span was ameliorated.",
        "To test this latter possibility, a chimeric receptor was constructed.",
        "The lack of steroid binding of these mutants supports this hypothesis.",
    ],
)
def test_pointing_back_at_a_hypothesis_is_no_caveat(sentence: str) -> None:
    assert cues(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("We have tested the hypothesis that activation events occur in T cells.", "hypothesis"),
        (
            "This observation raised the possibility that CIITA acts directly.",
            "possibility",
        ),
        ("An alternative possibility is that the receptor is anchored.", "possibility"),
        ("We hypothesized that the factor is required.", "hypothesized"),
    ],
)
def test_a_hypothesis_stated_here_is_epistemic(sentence: str, cue: str) -> None:
    assert (cue, "epistemic") in cues(sentence)


def test_suggested_by_the_manufacturer_is_an_instruction() -> None:
    assert cues("RNA was extracted as suggested by the manufacturer.") == []
    assert cues("As suggested by the data, binding is weak.") == [("suggested", "epistemic")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The drug is still under investigation for hair loss.",
        "Stem cell therapy for baldness is under investigation.",
        "A new treatment under study at two clinics regrew hair in mice.",
    ],
)
def test_under_investigation_as_research_status(sentence: str) -> None:
    assert [category for _, category in cues(sentence)] == ["status"]


def test_the_gene_under_study_is_no_caveat() -> None:
    assert cues("The gene under study is expressed in the gut.") == []
    assert cues("All regions under investigation were sequenced twice.") == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The mechanism has remained elusive.", "remained elusive"),
        ("How this works remains to be elucidated.", "remains to be elucidated"),
        ("Its function is yet to be understood.", "yet to be understood"),
        ("These boundaries are not clearly delineated.", "not clearly delineated"),
    ],
)
def test_paraphrases_of_remains_unclear_are_status(sentence: str, cue: str) -> None:
    assert cues(sentence) == [(cue, "status")]


def test_suspect_as_a_verb_only() -> None:
    assert cues("We suspect that the receptor is cleaved.") == [("suspect that", "epistemic")]
    assert cues("The clinic removed a suspect lesion.") == []


def test_methods_title_null_hypothesis_and_all_possible_are_no_caveats() -> None:
    assert cues("Experimental Procedures") == []
    assert cues("The treatment is still experimental.") == [("still experimental", "status")]
    assert cues("We rejected the null hypothesis.") == []
    assert cues("All possible combinations were tested.") == []
    assert cues("The highest possible dose was given.") == []
    assert cues("We suggest possible mechanisms.") == [
        ("suggest", "epistemic"),
        ("possible", "epistemic"),
    ]


def test_it_is_thought_that_is_epistemic() -> None:
    assert cues("It had previously been thought that ZEBRA acts alone.") == [
        ("thought that", "epistemic")
    ]
    assert cues("We thought that was odd.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We would like to thank Dr. Smith for the antibody.", []),
        ("We would also like to thank J. Doe for technical assistance.", []),
        ("Would you like a free consultation?", []),
        ("This would mean fewer sessions.", [("would", "modal")]),
        ("It would also explain the delay.", [("would", "modal")]),
    ],
)
def test_would_like_is_a_wish_not_a_hypothetical(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert cues(sentence) == expected
