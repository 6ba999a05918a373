"""Tests for claims.segment: sentence boundaries, headings, questions and sections."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import LexiconError
from claims.ingest.plain import extract_plain
from claims.models import Block, ExtractedText, Unit
from claims.segment import load_abbreviations, parse_abbreviations, segment

STEM_CELL = Path("/work/shared/examples/stem_cell_hair_restoration.txt")


def units_of(text: str, blocks: list[Block] | None = None, fmt: str = "txt") -> list[Unit]:
    return segment(ExtractedText(text, blocks or [], fmt))


def texts(text: str, blocks: list[Block] | None = None) -> list[str]:
    return [text[u.start : u.end] for u in units_of(text, blocks)]


def labelled(text: str, blocks: list[Block] | None = None) -> list[tuple[str, str, str]]:
    """(kind, text, section) of every unit."""
    return [(u.kind, text[u.start : u.end], u.section) for u in units_of(text, blocks)]


# --- Sentence boundaries (table-driven) ---------------------------------------------

BOUNDARY_CASES: list[tuple[str, list[str]]] = [
    # plain sentences
    ("Hair grows. It falls out.", ["Hair grows.", "It falls out."]),
    ("One! Two? Three.", ["One!", "Two?", "Three."]),
    ("It works!! Really?! Yes.", ["It works!!", "Really?!", "Yes."]),
    ("No final punctuation here", ["No final punctuation here"]),
    # abbreviations and titles
    (
        "Some oils, e.g. rosemary, help. Others do not.",
        ["Some oils, e.g. rosemary, help.", "Others do not."],
    ),
    ("Use a serum, i.e. a liquid. Apply daily.", ["Use a serum, i.e. a liquid.", "Apply daily."]),
    ("Dr. Smith treated him. It worked.", ["Dr. Smith treated him.", "It worked."]),
    ("Mr. Jones and Mrs. Lee agreed. Good.", ["Mr. Jones and Mrs. Lee agreed.", "Good."]),
    ("Prof. Adams leads the trial.", ["Prof. Adams leads the trial."]),
    ("Minoxidil vs. finasteride was tested.", ["Minoxidil vs. finasteride was tested."]),
    ("It took approx. three months.", ["It took approx. three months."]),
    ("We saw approx. 40 patients. All improved.", ["We saw approx. 40 patients.", "All improved."]),
    (
        "Vitamins, minerals, etc. are listed. Take them daily.",
        ["Vitamins, minerals, etc. are listed.", "Take them daily."],
    ),
    (
        "Use oils, serums, etc. The choice is yours.",
        ["Use oils, serums, etc.", "The choice is yours."],
    ),
    ("As shown in Fig. 2 hair grew.", ["As shown in Fig. 2 hair grew."]),
    ("See Fig. 2. Hair grew back.", ["See Fig. 2.", "Hair grew back."]),
    ("Patient No. 5 responded. Others did not.", ["Patient No. 5 responded.", "Others did not."]),
    ("The answer is no. Then we stopped.", ["The answer is no.", "Then we stopped."]),
    ("See p. 12 for details.", ["See p. 12 for details."]),
    ("Cf. the earlier trial.", ["Cf. the earlier trial."]),
    ("He visited St. John's clinic.", ["He visited St. John's clinic."]),
    # acronyms with periods
    (
        "The U.S. Food and Drug Administration warned.",
        ["The U.S. Food and Drug Administration warned."],
    ),
    ("It is sold in the U.S. The price is high.", ["It is sold in the U.S.", "The price is high."]),
    ("It is sold in the U.S. in two forms.", ["It is sold in the U.S. in two forms."]),
    ("He has a Ph.D. The degree helps.", ["He has a Ph.D.", "The degree helps."]),
    ("She earned a Ph.D. in biology.", ["She earned a Ph.D. in biology."]),
    # times
    ("Clinic opens at 5 a.m. daily.", ["Clinic opens at 5 a.m. daily."]),
    (
        "Clinic opens at 5 a.m. Patients queue early.",
        ["Clinic opens at 5 a.m.", "Patients queue early."],
    ),
    ("It closes at 6 p.m. on Fridays.", ["It closes at 6 p.m. on Fridays."]),
    ("It closes at 6 p.m.", ["It closes at 6 p.m."]),
    # a time zone after "a.m." / "p.m." carries the sentence on
    (
        "The winner is picked at 9 a.m. ET. Good luck.",
        ["The winner is picked at 9 a.m. ET.", "Good luck."],
    ),
    ("Doors open at 8 p.m. Pacific time.", ["Doors open at 8 p.m. Pacific time."]),
    # a short bracketed aside after a full stop belongs to that sentence
    (
        "Sleep improved in most users. (Smith et al., 2019) It lasted.",
        ["Sleep improved in most users. (Smith et al., 2019)", "It lasted."],
    ),
    ('"It changed my life!" (@kate_runs)', ['"It changed my life!" (@kate_runs)']),
    (
        "It lasted. (ABSTRACT TRUNCATED AT 250 WORDS)",
        ["It lasted.", "(ABSTRACT TRUNCATED AT 250 WORDS)"],
    ),
    (
        "It works. (See the table below.) Really.",
        ["It works.", "(See the table below.)", "Really."],
    ),
    # initials
    ("J. K. Smith wrote it. It sold well.", ["J. K. Smith wrote it.", "It sold well."]),
    ("The study by A. B. Jones found gains.", ["The study by A. B. Jones found gains."]),
    ("Take vitamin D. The dose matters.", ["Take vitamin D.", "The dose matters."]),
    # decimals, money, percentages
    ("Take 2.5 mg daily. Stop after 3.5 weeks.", ["Take 2.5 mg daily.", "Stop after 3.5 weeks."]),
    ("It costs $1.50 per dose. Cheap.", ["It costs $1.50 per dose.", "Cheap."]),
    ("Density rose 12.5%. That is modest.", ["Density rose 12.5%.", "That is modest."]),
    ("It was seen in 2019. 30 patients joined.", ["It was seen in 2019.", "30 patients joined."]),
    # e-mails, URLs, DOIs
    ("Email info@example.com for details.", ["Email info@example.com for details."]),
    (
        "Write to info@example.co.uk. We reply fast.",
        ["Write to info@example.co.uk.", "We reply fast."],
    ),
    (
        "See https://example.com/a.b for more. Thanks.",
        ["See https://example.com/a.b for more.", "Thanks."],
    ),
    ("Visit www.example.org. It helps.", ["Visit www.example.org.", "It helps."]),
    (
        "The paper is doi:10.1000/xyz.123 online. Read it.",
        ["The paper is doi:10.1000/xyz.123 online.", "Read it."],
    ),
    ("Cited as doi:10.1000/xyz.123. Next one.", ["Cited as doi:10.1000/xyz.123.", "Next one."]),
    # quotations and parentheses
    ("He said, 'It works.' Then he left.", ["He said, 'It works.'", "Then he left."]),
    ('She said "It works." Then she left.', ['She said "It works."', "Then she left."]),
    ("Results vary (see above.) and may fade.", ["Results vary (see above.) and may fade."]),
    ("Results vary (see above.) Ask us.", ["Results vary (see above.)", "Ask us."]),
    (
        "The trial (It ran in 2019. It had 40 people.) was small. Next.",
        ["The trial (It ran in 2019. It had 40 people.) was small.", "Next."],
    ),
    ("He asked 'Is it safe?' and waited.", ["He asked 'Is it safe?' and waited."]),
    # ellipses
    ("We waited... Then it grew.", ["We waited...", "Then it grew."]),
    ("We waited... and waited.", ["We waited... and waited."]),
    ("Hope… Then growth.", ["Hope…", "Then growth."]),
    # citations
    (
        "Gains were seen (Smith et al., 2019). Later too.",
        ["Gains were seen (Smith et al., 2019).", "Later too."],
    ),
    ("Smith et al. found gains. Others did not.", ["Smith et al. found gains.", "Others did not."]),
    ("Smith et al. (2019) found gains.", ["Smith et al. (2019) found gains."]),
    (
        "This was shown by Jones et al. The effect held.",
        ["This was shown by Jones et al.", "The effect held."],
    ),
    ("It regrows hair.[1] Next, we test.", ["It regrows hair.[1]", "Next, we test."]),
    ("It regrows hair.[1,2] Next, we test.", ["It regrows hair.[1,2]", "Next, we test."]),
    ("It regrows hair.[3-5] Next, we test.", ["It regrows hair.[3-5]", "Next, we test."]),
    ("It regrows hair. [4] Next, we test.", ["It regrows hair. [4]", "Next, we test."]),
    # glued words and lower-case continuation
    (
        "Patients who receivedstem cell injections showed gains.",
        ["Patients who receivedstem cell injections showed gains."],
    ),
    (
        "It moved to another,stem cell injections need no incisions.",
        ["It moved to another,stem cell injections need no incisions."],
    ),
    ("The dose was low. but it worked.", ["The dose was low. but it worked."]),
    # numbered and lettered lists
    ("1. Wash the scalp.\n2. Apply the serum.", ["1. Wash the scalp.", "2. Apply the serum."]),
    ("a) Wash the scalp\nb) Apply the serum", ["a) Wash the scalp", "b) Apply the serum"]),
    ("(a) Wash the scalp\n(b) Apply the serum", ["(a) Wash the scalp", "(b) Apply the serum"]),
    ("a. Wash it. Dry it.\nb. Apply it.", ["a. Wash it.", "Dry it.", "b. Apply it."]),
    (
        "Steps to follow\n- Wash the scalp\n- Apply the serum",
        ["Steps to follow", "- Wash the scalp", "- Apply the serum"],
    ),
    ("Use (a) oil and (b) serum. Then rest.", ["Use (a) oil and (b) serum.", "Then rest."]),
    ("Do this\n1. Wash the scalp\n2. Rinse it", ["Do this", "1. Wash the scalp", "2. Rinse it"]),
    # line breaks
    (
        "The serum works on\nthinning hair. It is safe.",
        ["The serum works on\nthinning hair.", "It is safe."],
    ),
    ("It works.\nIt is safe.", ["It works.", "It is safe."]),
    # biomedical prose: names ending in a capital, lower-case symbols, inline numbering
    (
        "It activates NF-kappa B. NF-kappa B binds DNA.",
        ["It activates NF-kappa B.", "NF-kappa B binds DNA."],
    ),
    ("It was found in B cells. p53 was absent.", ["It was found in B cells.", "p53 was absent."]),
    ("It rose in vivo. mRNA levels fell.", ["It rose in vivo.", "mRNA levels fell."]),
    (
        "It was seen in vitro. 2. Flow cytometry confirmed it.",
        ["It was seen in vitro.", "2. Flow cytometry confirmed it."],
    ),
    ("Cohen, P. S., and Lee, J. wrote it.", ["Cohen, P. S., and Lee, J. wrote it."]),
    (
        "A stray (bracket] in a name. It rose 4-fold. Then (it fell.)",
        ["A stray (bracket] in a name.", "It rose 4-fold.", "Then (it fell.)"],
    ),
    # questions
    ("Is it safe? Yes, mostly.", ["Is it safe?", "Yes, mostly."]),
    ("Does it hurt?[2] Rarely.", ["Does it hurt?[2]", "Rarely."]),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDARY_CASES)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_enough_boundary_cases() -> None:
    assert len(BOUNDARY_CASES) >= 60


# --- Units, kinds and sections --------------------------------------------------------


def test_question_kind() -> None:
    kinds = [(u.kind) for u in units_of("Is it safe? It is. Why? (We asked.)")]
    assert kinds == ["question", "statement", "question", "statement"]


def test_plain_text_headings_and_sections() -> None:
    text = (
        "Stem Cells for Hair\n\n"
        "Hair loss is common. It affects millions.\n\n"
        "Benefits\n\n"
        "1. Non-Invasive:\nNo incisions are needed. Recovery is quick.\n"
        "2. Natural Results:\nThe hair is your own.\n\n"
        "Conclusion\n\n"
        "It may help."
    )
    assert labelled(text) == [
        ("heading", "Stem Cells for Hair", ""),
        ("statement", "Hair loss is common.", "Stem Cells for Hair"),
        ("statement", "It affects millions.", "Stem Cells for Hair"),
        ("heading", "Benefits", "Stem Cells for Hair"),
        ("heading", "1. Non-Invasive:", "Stem Cells for Hair > Benefits"),
        (
            "statement",
            "No incisions are needed.",
            "Stem Cells for Hair > Benefits > 1. Non-Invasive:",
        ),
        ("statement", "Recovery is quick.", "Stem Cells for Hair > Benefits > 1. Non-Invasive:"),
        ("heading", "2. Natural Results:", "Stem Cells for Hair > Benefits"),
        (
            "statement",
            "The hair is your own.",
            "Stem Cells for Hair > Benefits > 2. Natural Results:",
        ),
        ("heading", "Conclusion", "Stem Cells for Hair"),
        ("statement", "It may help.", "Stem Cells for Hair > Conclusion"),
    ]


def test_run_in_label_is_heading_then_statements() -> None:
    text = (
        "Research\n\nEarly Studies: Research has shown gains. One study found more.\n"
        "Next Steps: Trials are ongoing."
    )
    assert labelled(text) == [
        ("heading", "Research", ""),
        ("heading", "Early Studies:", "Research"),
        ("statement", "Research has shown gains.", "Research > Early Studies:"),
        ("statement", "One study found more.", "Research > Early Studies:"),
        ("heading", "Next Steps:", "Research"),
        ("statement", "Trials are ongoing.", "Research > Next Steps:"),
    ]


def test_colon_inside_a_sentence_is_not_a_label() -> None:
    text = "Intro.\n\nThe results were clear: patients improved."
    assert labelled(text)[1] == ("statement", "The results were clear: patients improved.", "")


def test_sentence_case_run_in_label_without_a_verb_is_a_heading() -> None:
    text = "Intro.\n\nBetter than pills: Unlike sleeping pills, it is gentle."
    assert labelled(text)[1:] == [
        ("heading", "Better than pills:", ""),
        ("statement", "Unlike sleeping pills, it is gentle.", "Better than pills:"),
    ]


@pytest.mark.parametrize(
    "text", ["The results were clear: Patients improved.", "Here's the deal: It works."]
)
def test_a_clause_before_a_colon_is_not_a_label(text: str) -> None:
    assert labelled("Intro.\n\n" + text)[1] == ("statement", text, "")


def test_a_run_in_label_may_hold_one_comma() -> None:
    text = (
        "Intro.\n\nSame results, lower price: It costs less.\n\n"
        "However, the results: Patients improved."
    )
    assert labelled(text)[1:] == [
        ("heading", "Same results, lower price:", ""),
        ("statement", "It costs less.", "Same results, lower price:"),
        ("statement", "However, the results: Patients improved.", "Same results, lower price:"),
    ]


def test_an_all_capitals_run_in_label_may_be_longer() -> None:
    text = (
        "Intro.\n\n- SAY GOODBYE TO DIGITAL EYE STRAIN: Our lenses filter blue light.\n"
        '- BETTER THAN CLEAR "BLUE LIGHT" LENSES: Clear lenses block less.\n\n'
        "Six words before a colon here: It stays one sentence."
    )
    units = segment(extract_plain(text))  # as a .txt listing: bullets become list items
    assert [(u.kind, text[u.start : u.end]) for u in units[1:]] == [
        ("heading", "SAY GOODBYE TO DIGITAL EYE STRAIN:"),
        ("statement", "Our lenses filter blue light."),
        ("heading", 'BETTER THAN CLEAR "BLUE LIGHT" LENSES:'),
        ("statement", "Clear lenses block less."),
        ("statement", "Six words before a colon here: It stays one sentence."),
    ]


def test_a_run_in_label_may_open_with_a_figure() -> None:
    text = "Intro.\n\n- 100% natural: No hormones and no side effects.\n- 2019: A good year."
    units = segment(extract_plain(text))
    assert [(u.kind, text[u.start : u.end]) for u in units[1:]] == [
        ("heading", "100% natural:"),
        ("statement", "No hormones and no side effects."),
        ("statement", "2019: A good year."),
    ]


def test_a_quote_keeps_its_attribution() -> None:
    text = (
        'Intro.\n\n"My knees feel younger!" - Linda R., Tucson\n\n"It works." - and then it failed.'
    )
    assert [u[1] for u in labelled(text)[1:]] == [
        '"My knees feel younger!" - Linda R., Tucson',
        '"It works."',
        "- and then it failed.",
    ]


def test_an_attribution_ends_its_line_before_the_next_review() -> None:
    text = 'Intro.\n\n"Gone for good!" - Mark T., Portland\n"Not much change yet." - Dana R., Salem'
    assert [u[1] for u in labelled(text)[1:]] == [
        '"Gone for good!" - Mark T., Portland',
        '"Not much change yet." - Dana R., Salem',
    ]


def test_an_attribution_may_end_with_an_initial_or_join_two_names() -> None:
    text = (
        'Intro.\n\n"Best spray ever. I have not sneezed since April!" – Dana K.\n\n'
        '"We got pregnant." – Jenna and Marco, Salem\n\n"It works." - It does not.'
    )
    assert [u[1] for u in labelled(text)[1:]] == [
        '"Best spray ever.',
        'I have not sneezed since April!" – Dana K.',
        '"We got pregnant." – Jenna and Marco, Salem',
        '"It works."',
        "- It does not.",
    ]


def test_a_reviewers_name_in_brackets_stays_with_the_quote_on_its_line() -> None:
    text = 'Intro.\n\n"It changed my life!" (Sarah, 42, Leeds)\n(Verified buyer)'
    assert [u[1] for u in labelled(text)[1:]] == [
        '"It changed my life!" (Sarah, 42, Leeds)',
        "(Verified buyer)",
    ]


def test_a_social_media_handle_is_a_speakers_label() -> None:
    text = "Replies\n\n@jess_on_the_go: Is it safe while breastfeeding?\n\nEmail x@y.com: now."
    assert [u[:2] for u in labelled(text)] == [
        ("heading", "Replies"),
        ("heading", "@jess_on_the_go:"),
        ("question", "Is it safe while breastfeeding?"),
        ("statement", "Email x@y.com: now."),
    ]


def test_a_speaker_with_a_title_is_a_label() -> None:
    text = (
        "Transcript\n\nHOST: Welcome back.\n\nDR. LINDQVIST: Thanks for having me.\n\n"
        "Prof. Alvarez: It depends."
    )
    assert [u[:2] for u in labelled(text)] == [
        ("heading", "Transcript"),
        ("heading", "HOST:"),
        ("statement", "Welcome back."),
        ("heading", "DR. LINDQVIST:"),
        ("statement", "Thanks for having me."),
        ("heading", "Prof. Alvarez:"),
        ("statement", "It depends."),
    ]


def test_a_full_stop_of_another_abbreviation_makes_no_label() -> None:
    text = "Intro.\n\nAcme Inc. Customers: Read this first."
    assert ("heading", "Acme Inc. Customers:") not in [u[:2] for u in labelled(text)]


def test_colon_before_lower_case_is_not_a_label() -> None:
    text = "Bcl-2: a repressor of cell death. It is known."
    assert [u.kind for u in units_of(text)] == ["statement", "statement"]


def test_faq_letters_are_not_labels() -> None:
    text = "Q: Is it safe? A: Yes, mostly."
    assert labelled(text) == [
        ("question", "Q: Is it safe?", ""),
        ("statement", "A: Yes, mostly.", ""),
    ]


def test_long_line_ending_in_colon_is_a_statement() -> None:
    text = "While stem cell therapy is still experimental, several trials explore it:"
    assert labelled(text) == [("statement", text, "")]


def test_markdown_like_blocks_give_levels() -> None:
    # What a Markdown extractor produces for:
    # "# Title / intro / ## Benefits / - Thicker hair / ### Safety / Rare side effects. / ## FAQ"
    parts = [
        ("heading", "Title", 1),
        ("paragraph", "Intro text here.", 0),
        ("heading", "Benefits", 2),
        ("list_item", "Thicker hair", 0),
        ("list_item", "Less Shedding: Fewer hairs fall.", 0),
        ("heading", "Safety", 3),
        ("paragraph", "Rare side effects.", 0),
        ("heading", "Is it safe?", 2),
        ("paragraph", "Mostly.", 0),
    ]
    text, blocks = "", []
    for kind, body, level in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(body), level))  # type: ignore[arg-type]
        text += body
    assert labelled(text, blocks) == [
        ("heading", "Title", ""),
        ("statement", "Intro text here.", "Title"),
        ("heading", "Benefits", "Title"),
        ("statement", "Thicker hair", "Title > Benefits"),
        ("heading", "Less Shedding:", "Title > Benefits"),
        ("statement", "Fewer hairs fall.", "Title > Benefits > Less Shedding:"),
        ("heading", "Safety", "Title > Benefits"),
        ("statement", "Rare side effects.", "Title > Benefits > Safety"),
        ("question", "Is it safe?", "Title"),
        ("statement", "Mostly.", "Title > Is it safe?"),
    ]


def test_html_like_heading_block_inside_text_with_bold_pseudo_heading() -> None:
    text = "Guide\n\nOverview\n\nIt helps. It is new."
    blocks = [
        Block("heading", 0, 5, 1),
        Block("paragraph", 7, 15),
        Block("paragraph", 17, len(text)),
    ]
    assert labelled(text, blocks) == [
        ("heading", "Guide", ""),
        ("heading", "Overview", "Guide"),
        ("statement", "It helps.", "Guide > Overview"),
        ("statement", "It is new.", "Guide > Overview"),
    ]


def test_table_rows_are_statements_not_headings() -> None:
    text = "Ingredients\n\nBiotin | 5,000 mcg\nZinc | 15 mg\n\nTake daily."
    assert labelled(text) == [
        ("heading", "Ingredients", ""),
        ("statement", "Biotin | 5,000 mcg", "Ingredients"),
        ("statement", "Zinc | 15 mg", "Ingredients"),
        ("statement", "Take daily.", "Ingredients"),
    ]


def test_reference_blocks_are_one_unit_each() -> None:
    text = "It works.[1]\n\nReferences\n\n1. Smith J, Lee K. Stem cells. J Derm. 2019;12:3-9."
    blocks = [
        Block("paragraph", 0, 12),
        Block("heading", 14, 24, 2),
        Block("reference", 26, len(text)),
    ]
    assert labelled(text, blocks) == [
        ("statement", "It works.[1]", ""),
        ("heading", "References", ""),
        ("statement", "1. Smith J, Lee K. Stem cells. J Derm. 2019;12:3-9.", "References"),
    ]


def test_a_reference_entry_outside_a_references_section_is_one_unit() -> None:
    text = (
        "A randomized trial [1] found it works.\n\n"
        "[1] Lind M, Cho R. LASIK versus PRK: a randomized trial. J Refract Surg. "
        "2019;35(4):212-219.\n\n"
        "Citation: Reyes H, et al. Oral compound restores memory in mice. Neuron. "
        "2025;113(9):1402-1418. doi:10.1016/j.neuron.2025.04.017"
    )
    assert labelled(text) == [
        ("statement", "A randomized trial [1] found it works.", ""),
        (
            "statement",
            "[1] Lind M, Cho R. LASIK versus PRK: a randomized trial. J Refract Surg. "
            "2019;35(4):212-219.",
            "",
        ),
        ("heading", "Citation:", ""),
        (
            "statement",
            "Reyes H, et al. Oral compound restores memory in mice. Neuron. "
            "2025;113(9):1402-1418. doi:10.1016/j.neuron.2025.04.017",
            "Citation:",
        ),
    ]


def test_a_journal_reference_label_opens_one_entry_like_citation() -> None:
    text = (
        "Journal reference: Nwosu A, et al. Base editing in sickle cell disease. Blood. "
        "2025;145(22):2401-2412. doi:10.1182/blood.2025026117"
    )
    assert labelled(text) == [
        ("heading", "Journal reference:", ""),
        (
            "statement",
            "Nwosu A, et al. Base editing in sickle cell disease. Blood. "
            "2025;145(22):2401-2412. doi:10.1182/blood.2025026117",
            "Journal reference:",
        ),
    ]


def test_a_citation_label_opens_no_reference_list_for_the_paragraphs_after_it() -> None:
    text = (
        "Results\n\nCitation: Reyes H, et al. Oral compound. Neuron. 2025;113(9):1402-1418."
        "\n\nMedia contact: Jo Ellis, News Office."
    )
    assert labelled(text)[-2:] == [
        ("heading", "Media contact:", "Results"),
        ("statement", "Jo Ellis, News Office.", "Results > Media contact:"),
    ]


def test_a_numbered_sentence_without_a_volume_or_doi_is_split_as_usual() -> None:
    assert texts("[1] It works. It lasts.") == ["[1] It works.", "It lasts."]
    assert texts("2. Apply twice daily. Rinse well.") == ["2. Apply twice daily.", "Rinse well."]


def test_a_reference_entry_numbered_with_a_full_stop_is_one_unit() -> None:
    entry = (
        "1. Harlow J, Mensah K, et al. Digital CBT for insomnia: a randomized trial. "
        "J Sleep Res. 2023;32(5):e13891."
    )
    assert texts(f"Our app helps.\n\n{entry}") == ["Our app helps.", entry]


def test_reference_section_in_plain_text() -> None:
    text = (
        "It works.[1] It lasts.[2]\n\nReferences\n\n"
        "1. Smith J, Lee K. Stem cells and hair. J Derm. 2019;12:3-9.\n"
        "2. Park S. Follicle biology. Nature Med. 2020;4:1-2."
    )
    units = texts(text)
    assert units[-2:] == [
        "1. Smith J, Lee K. Stem cells and hair. J Derm. 2019;12:3-9.",
        "2. Park S. Follicle biology. Nature Med. 2020;4:1-2.",
    ]
    assert units[2] == "References"


def test_a_page_notice_after_the_references_is_body_text_again() -> None:
    text = (
        "It works.[1]\n\nReferences\n\n"
        "1. Smith J. Stem cells. J Derm. 2019;12:3-9.\n"
        "2. Park S. Follicles. Nat Med. 2020;4:1-2.\n\n"
        "This page is for general information only. Individual results may vary.\n\n"
        "Call us to book a visit."
    )
    units = labelled(text)
    assert units[3] == ("statement", "2. Park S. Follicles. Nat Med. 2020;4:1-2.", "References")
    assert units[4:] == [
        ("statement", "This page is for general information only.", ""),
        ("statement", "Individual results may vary.", ""),
        ("statement", "Call us to book a visit.", ""),
    ]
    # a References heading found only at segmentation (no reference blocks) ends the same way
    blocks = [Block("paragraph", 0, 12), Block("heading", 14, 24, 2)]
    rest = text.index("1. Smith")
    blocks += [
        Block("paragraph", rest, text.index("\n\nThis")),
        Block("paragraph", text.index("This"), text.index("\n\nCall")),
    ]
    got = labelled(text, blocks)
    assert got[3][1:] == ("2. Park S. Follicles. Nat Med. 2020;4:1-2.", "References")
    assert got[4][1:] == ("This page is for general information only.", "")


def test_a_reference_entry_with_notice_words_in_its_title_stays_an_entry() -> None:
    entry = "1. Lee A. Why results may vary between clinics. J Clin. 2021;3:1-9."
    text = f"It works.[1]\n\nReferences\n\n{entry}"
    assert labelled(text)[-1] == ("statement", entry, "References")


def test_blocks_limit_what_is_segmented_and_bad_blocks_are_safe() -> None:
    text = "Menu Home About\n\nReal text here. More text."
    body = text.index("Real")
    assert texts(text, [Block("paragraph", body, len(text))]) == [
        "Real text here.",
        "More text.",
    ]
    # overlapping, unsorted and out-of-range blocks neither raise nor overlap
    odd = [Block("paragraph", 20, 999), Block("paragraph", -5, 25), Block("heading", 3, 3, 1)]
    units = units_of(text, odd)
    assert all(0 <= u.start < u.end <= len(text) for u in units)
    assert all(a.end <= b.start for a, b in itertools.pairwise(units))


def test_empty_and_blank_text() -> None:
    assert units_of("") == []
    assert units_of(" \n\n\t ") == []


# --- The stem cell article -------------------------------------------------------------


@pytest.fixture(scope="module")
def stem_cell() -> tuple[str, list[Unit]]:
    if not STEM_CELL.exists():
        pytest.skip(f"example article not available: {STEM_CELL}")
    text = STEM_CELL.read_text(encoding="utf-8")
    return text, units_of(text)


def _unit(article: tuple[str, list[Unit]], starts_with: str) -> Unit:
    text, units = article
    found = [u for u in units if text[u.start : u.end].startswith(starts_with)]
    assert len(found) == 1, starts_with
    return found[0]


def test_stem_cell_headings(stem_cell: tuple[str, list[Unit]]) -> None:
    text, units = stem_cell
    headings = [text[u.start : u.end] for u in units if u.kind == "heading"]
    assert headings == [
        "Hair Restoration using Stem Cell Therapy",
        "How Stem Cell Therapy Works for Hair Restoration",
        "1. Activation of Dormant Hair Follicles:",
        "2. Regeneration of Hair Follicles:",
        "3. Enhancing Hair Follicle Growth Cycles:",
        "4. Improving Scalp Health:",
        "Research and Clinical Trials on Stem Cell Hair Restoration",
        "Early Studies:",
        "Combination Therapies:",
        "Ongoing Trials:",
        "Benefits of Stem Cell Hair Restoration",
        "1. Non-Invasive:",
        "2. Natural Results:",
        "3. Promotes Overall Scalp Health:",
        "4. Potential for Long-Term Results:",
        "Conclusion",
    ]


def test_stem_cell_glued_sentence_and_sections(stem_cell: tuple[str, list[Unit]]) -> None:
    text, units = stem_cell
    glued = _unit(stem_cell, "One study published in the Journal of Stem Cells")
    assert text[glued.start : glued.end] == (
        "One study published in the Journal of Stem Cells found that patients who "
        "receivedstem cell injections showed significant improvement in hair thickness "
        "and density after several months."
    )
    title = "Hair Restoration using Stem Cell Therapy"
    research = f"{title} > Research and Clinical Trials on Stem Cell Hair Restoration"
    assert glued.section == f"{research} > Early Studies:"
    assert glued.kind == "statement"
    assert _unit(stem_cell, "Early Studies:").section == research
    non_invasive = _unit(stem_cell, "1. Non-Invasive:")
    assert non_invasive.kind == "heading"
    assert non_invasive.section == f"{title} > Benefits of Stem Cell Hair Restoration"
    offer = _unit(stem_cell, "Stem cell therapy offers a non-surgical option")
    assert offer.section == f"{title} > Benefits of Stem Cell Hair Restoration > 1. Non-Invasive:"
    assert _unit(stem_cell, "Stem cell therapy for hair restoration is an exciting").section == (
        f"{title} > Conclusion"
    )
    assert sum(1 for u in units if u.kind == "statement") == 34
    assert all(u.kind != "question" for u in units)


# --- Lexicon loading -------------------------------------------------------------------


def test_packaged_abbreviations_load() -> None:
    abbreviations = load_abbreviations()
    assert "e.g" in abbreviations.never
    assert "no" in abbreviations.numeric
    assert "the" in abbreviations.openers


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("- just a list", "expected a mapping"),
        ("never: [dr]\nnumeric: [p]\nfinal: [etc]\nambiguous: [al]", "'openers' must be"),
        ("never: [dr]\nnumeric: [p]\nfinal: [etc]\nambiguous: [al]\nopeners: [no]", "not a string"),
        ("never: [Dr.]\nnumeric: [p]\nfinal: [etc]\nambiguous: [al]\nopeners: [the]", "lower case"),
        ("never: [dr]\nnumeric: [dr]\nfinal: [etc]\nambiguous: [al]\nopeners: [the]", "both"),
        (
            "never: [dr]\nnumeric: [p]\nfinal: [etc]\nambiguous: [al]\nopeners: [the]\nx: [y]",
            "unknown",
        ),
    ],
)
def test_bad_abbreviation_data_is_rejected(data: str, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem):
        parse_abbreviations(yaml.safe_load(data), "test.yaml")


# --- Properties --------------------------------------------------------------------------

_ALPHABET = st.sampled_from([*"aZ. !?:;,()[]'\"\n\t-1…e.g5$@/", "Dr.", " U.S. ", "\n\n", "et al."])


def _check(text: str, units: list[Unit]) -> None:
    previous_end = 0
    for unit in units:
        assert 0 <= previous_end <= unit.start < unit.end <= len(text)
        piece = text[unit.start : unit.end]
        assert piece == piece.strip() and piece
        assert unit.kind in ("statement", "heading", "question")
        previous_end = unit.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text, units_of(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_punctuation_heavy_text_never_raises(text: str) -> None:
    _check(text, units_of(text))


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=200),
    st.lists(
        st.tuples(
            st.sampled_from(["heading", "paragraph", "list_item", "reference"]),
            st.integers(-10, 250),
            st.integers(-10, 250),
            st.integers(0, 6),
        ),
        max_size=8,
    ),
)
def test_arbitrary_blocks_never_raise(
    text: str, raw_blocks: list[tuple[str, int, int, int]]
) -> None:
    blocks = [Block(k, s, e, lv) for k, s, e, lv in raw_blocks]  # type: ignore[arg-type]
    _check(text, units_of(text, blocks))


def test_a_letters_closing_line_is_its_own_unit() -> None:
    text = (
        "Intro.\n\nTo your health,\nDr. Maya Okafor, ND\n\n"
        "Results were good,\nbut not for all.\n\nIn the end, we found\nMore work is needed."
    )
    assert [u[1] for u in labelled(text)[1:]] == [
        "To your health,",
        "Dr. Maya Okafor, ND",
        "Results were good,\nbut not for all.",
        "In the end, we found\nMore work is needed.",
    ]


def test_a_bold_run_in_label_is_a_heading_whatever_case_follows() -> None:
    text = "Intro.\n\nRebuild cartilage: our injections help.\n\nPlain: no label here."
    blocks = [
        Block("paragraph", 0, 6),
        Block("list_item", 8, 47, label_end=26),
        Block("paragraph", 49, 70),
    ]
    units = segment(ExtractedText(text, blocks, "html"))
    assert [(u.kind, text[u.start : u.end], u.section) for u in units[1:]] == [
        ("heading", "Rebuild cartilage:", ""),
        ("statement", "our injections help.", "Rebuild cartilage:"),
        ("statement", "Plain: no label here.", "Rebuild cartilage:"),  # as any label's
    ]
