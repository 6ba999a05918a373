"""Lexicons are data: every shipped entry validates, and bad entries are refused."""

from __future__ import annotations

import re

import pytest

from claims.errors import LexiconError
from claims.lexicon import Lexicon, LexiconEntry, either_apostrophe
from claims.models import BOOSTER_CATEGORIES, CAVEAT_CATEGORIES
from claims.rules import RULES
from claims.tagging import booster_lexicon, caveat_lexicon, outcome_lexicon, type_lexicon


def test_shipped_lexicons_load_with_examples_and_categories() -> None:
    for lexicon in (caveat_lexicon(), booster_lexicon(), type_lexicon()):
        assert len(lexicon.entries) > 5
        for entry in lexicon.entries:
            assert entry.example and entry.category in lexicon.categories
    outcomes = outcome_lexicon().entries
    assert outcomes and all(e.example and e.category == "efficacy" for e in outcomes)
    caveat_categories = {e.category for e in caveat_lexicon().entries}
    assert caveat_categories == set(CAVEAT_CATEGORIES)
    assert {e.category for e in booster_lexicon().entries} == set(BOOSTER_CATEGORIES)


def test_entry_round_trips_through_dict() -> None:
    entry = caveat_lexicon().entries[0]
    assert LexiconEntry.from_dict(entry.to_dict()) == entry


def test_example_must_match_pattern() -> None:
    bad = LexiconEntry(pattern="perhaps", category="epistemic", example="no cue here")
    with pytest.raises(LexiconError, match="does not match"):
        Lexicon("t", [bad], CAVEAT_CATEGORIES, RULES)


def test_unknown_category_and_rule_are_refused() -> None:
    entry = LexiconEntry(pattern="maybe", category="vibes", example="maybe so")
    with pytest.raises(LexiconError, match="unknown category"):
        Lexicon("t", [entry], CAVEAT_CATEGORIES, RULES)
    entry = LexiconEntry(pattern="maybe", category="epistemic", example="maybe", rule="nope")
    with pytest.raises(LexiconError, match="unknown rule"):
        Lexicon("t", [entry], CAVEAT_CATEGORIES, RULES)


def test_bad_regex_is_refused() -> None:
    with pytest.raises(ValueError, match="does not compile"):
        LexiconEntry(pattern="(unclosed", category="modal", example="x")


def test_a_yaml_escape_that_became_a_control_character_is_refused() -> None:
    with pytest.raises(ValueError, match="control character '\\\\x08'"):
        LexiconEntry(pattern="miss\b", category="modal", example="miss")


def test_an_alternative_that_ends_in_a_space_is_refused() -> None:
    # a cue must end at a word edge, so "similar to " would match only before punctuation
    with pytest.raises(ValueError, match="ends in a space"):
        LexiconEntry(pattern="alike|similar to (?!the)", category="comparative", example="x")
    # with the space in a lookahead the same entry loads and finds its cue
    entry = LexiconEntry(
        pattern="similar to(?= (?!the))", category="modal", example="similar to other"
    )
    text = "It is similar to other pills, not similar to the one I had."
    hits = [
        text[m.start : m.end]
        for m in Lexicon("t", [entry], CAVEAT_CATEGORIES, RULES).finditer(text)
    ]
    assert hits == ["similar to"]


def test_longest_phrase_wins_and_rejected_match_falls_back() -> None:
    lexicon = Lexicon(
        "t",
        [
            LexiconEntry(pattern="may", category="modal", example="it may", rule="modal_may"),
            LexiconEntry(
                pattern="results may vary", category="limitation", example="results may vary"
            ),
        ],
        CAVEAT_CATEGORIES,
        RULES,
    )
    text = "Individual results may vary, and it may help; in May 2020 it did."
    hits = [(text[m.start : m.end], m.entry.category) for m in lexicon.finditer(text)]
    assert hits == [("results may vary", "limitation"), ("may", "modal")]


def test_words_are_matched_whole() -> None:
    lexicon = Lexicon(
        "t",
        [LexiconEntry(pattern="rats?|mice", category="modal", example="in rats")],
        CAVEAT_CATEGORIES,
        RULES,
    )
    assert list(lexicon.finditer("It was demonstrated in ratsbane.")) == []


def test_cues_at_the_text_start_and_right_after_another_cue_are_found() -> None:
    lexicon = Lexicon(
        "t",
        [
            LexiconEntry(pattern="may", category="modal", example="it may"),
            LexiconEntry(pattern="\\[\\d+\\]", category="frequency", example="as shown [2]"),
        ],
        CAVEAT_CATEGORIES,
        RULES,
    )
    text = "May help [1][2]; it may."
    hits = [text[m.start : m.end] for m in lexicon.finditer(text)]
    assert hits == ["May", "[1]", "[2]", "may"]
    # a scan that starts inside a word still needs a word edge before a cue
    assert [text[m.start : m.end] for m in lexicon.finditer(text, 1)] == ["[1]", "[2]", "may"]


def test_a_scan_compiles_nothing_after_the_lexicon_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cue at the text start is found by the one compiled scan: a forked worker
    inherits it and compiles nothing of its own."""
    lexicon = Lexicon(
        "t",
        [LexiconEntry(pattern="may|results may vary", category="modal", example="it may")],
        CAVEAT_CATEGORIES,
        RULES,
    )

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled during a scan")

    monkeypatch.setattr(re, "compile", no_compile)
    text = "Results may vary; it may."
    assert [(m.start, m.end) for m in lexicon.finditer(text)] == [(0, 16), (21, 24)]


def test_an_apostrophe_matches_the_typographic_one_too() -> None:
    entry = LexiconEntry(pattern="don't (?:yet )?know", category="status", example="we don't know")
    lexicon = Lexicon("t", [entry], CAVEAT_CATEGORIES, RULES)
    text = "We don’t yet know, and we don't know."
    assert [text[m.start : m.end] for m in lexicon.finditer(text)] == [
        "don’t yet know",
        "don't know",
    ]
    # inside a character class the pattern is left as written
    assert either_apostrophe("[\\w'-]+n't") == "[\\w'-]+n['’]t"


def test_case_twins_match_as_ignorecase_does() -> None:
    """The scan's first-letter classes hold every character IGNORECASE equates."""
    entry = LexiconEntry(pattern="skin|kelp", category="modal", example="skin")
    lexicon = Lexicon("t", [entry], CAVEAT_CATEGORIES, RULES)
    text = "A \u017fkin and \u212aelp, SKIN."  # long s, Kelvin sign
    expected = [m.span() for m in re.finditer(entry.regex(), text, re.IGNORECASE)]
    assert len(expected) == 3
    assert [(m.start, m.end) for m in lexicon.finditer(text)] == expected


def test_a_bad_shipped_entry_is_named_with_its_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from claims import lexicon

    bad = {"entries": [{"pattern": "(?<=we |I )x", "category": "modal", "example": "we x"}]}
    monkeypatch.setattr(lexicon, "read_packaged_yaml", lambda filename: bad)
    with pytest.raises(LexiconError) as caught:
        lexicon.load_entries("caveats.yaml")
    message = str(caught.value)
    assert message.startswith("lexicon caveats.yaml: entry 1: pattern: ")
    assert "does not compile: look-behind requires fixed-width pattern" in message
    assert "pydantic" not in message and "\n" not in message


def test_the_scan_enters_no_group() -> None:
    """sre clears every mark below a group it enters, so a scan through a leaf with the
    1,000th group costs ~1,000 writes at each word; the scan keeps no groups, and the
    leaf's own regex names which entry matched."""
    entries = [
        LexiconEntry(pattern="may", category="modal", example="may"),
        LexiconEntry(pattern="might|may not", category="modal", example="might"),
    ]
    lexicon = Lexicon("t", entries, CAVEAT_CATEGORIES, RULES)
    assert lexicon._regex.groups == 0
    text = "It may not, it might, it may."
    found = [(text[m.start : m.end], m.entry.pattern) for m in lexicon.finditer(text)]
    assert found == [("may not", "might|may not"), ("might", "might|may not"), ("may", "may")]
