"""First-character sets drive the lexicon's dispatch: they must never miss a start."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from claims.lexicon import Lexicon, LexiconEntry
from claims.regex_first import ends_in_space, first_chars, first_pairs, start_prefixes
from claims.tagging import booster_lexicon, caveat_lexicon, outcome_lexicon, type_lexicon


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("may", {"m"}),
        ("(?:still )?(?:considered )?experimental", {"s", "c", "e"}),
        ("100 ?%|\\$\\s?\\d", {"1", "$"}),
        ("(?:\\d+ ?%|one in \\w+) of", {*"0123456789", "o"}),
    ],
)
def test_first_chars(pattern: str, expected: set[str]) -> None:
    assert first_chars(pattern) == expected


def test_every_shipped_example_starts_with_an_allowed_character() -> None:
    for lexicon in (caveat_lexicon(), booster_lexicon(), type_lexicon(), outcome_lexicon()):
        for entry in lexicon.entries:
            m = re.search(entry.regex(), entry.example, re.IGNORECASE)
            assert m is not None
            assert m.group(0)[0].lower() in first_chars(entry.body()), entry.pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:may)", {"m": {"a"}}),
        ("(?:(?:still )?experimental)", {"s": {"t"}, "e": {"x"}}),
        ("(?:a|ab|b)", {"a": {"", "b"}, "b": {""}}),
        ("(?:(?:a\\w*)b)", {"a": {"", "b"}}),  # after \w* anything may follow
        ("(?:\\d+ ?%)", {d: {""} for d in "0123456789"}),  # a digit, then anything
        ("(?:\\w+ x)", None),  # any word character: nothing to dispatch on
    ],
)
def test_first_pairs(pattern: str, expected: dict[str, set[str]] | None) -> None:
    assert first_pairs(pattern) == expected


def test_dispatch_never_hides_an_entry() -> None:
    """Wherever a single entry matches, the dispatched combined regex matches there too."""
    for lexicon in (caveat_lexicon(), booster_lexicon(), type_lexicon(), outcome_lexicon()):
        text = " | " + " | ".join(e.example for e in lexicon.entries)
        for entry in lexicon.entries:
            for m in re.finditer(entry.regex(), text, re.IGNORECASE):
                found = lexicon._scan(text, m.start(), len(text))
                assert found is not None, entry.pattern
                assert found.start == m.start(), entry.pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:reduce|relief)", {"red", "rel"}),
        ("(?:re\\w*)", {"re"}),  # a shorter prefix: anything may follow it
        ("(?:gi)", {"gi"}),  # the whole match is shorter than three letters
        ("(?:\\w+ x)", set("abcdefghijklmnopqrstuvwxyz0123456789$[(_#")),
    ],
)
def test_start_prefixes(pattern: str, expected: set[str]) -> None:
    assert start_prefixes(pattern, 3) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("similar to (?!the)", True),  # the lookahead does not move the end
        ("(?:a |b )", True),
        ("a\\s+", True),
        ("a[ ]", True),
        ("similar to(?= (?!the))", False),  # the space inside the lookahead
        ("(?:a |b)", False),  # one branch ends in a word
        ("a(?: b)?", False),
        ("a\\b", False),
        # an optional tail after a space: every match still ends in one
        ("knows (?:yet )?(?:for sure |exactly )?(?=whether)", True),
        ("knows(?: yet)?(?: for sure)?(?= whether)", False),
        ("a (?:b)?", False),
    ],
)
def test_ends_in_space(pattern: str, expected: bool) -> None:
    assert ends_in_space(pattern) is expected


def test_a_crowded_branch_split_by_its_third_letter_keeps_longest_first() -> None:
    words = ["reduce", "relief", "repair", "restore", "regrow", "renew", "rebuild"]
    entries = [LexiconEntry(pattern=w, category="efficacy", example=w) for w in words]
    entries += [
        LexiconEntry(pattern="re\\w*", category="research", example="revisit"),
        LexiconEntry(pattern="reduce the risk", category="safety", example="reduce the risk"),
    ]
    lexicon = Lexicon("t", entries, ["efficacy", "research", "safety"])
    text = "Reduce the risk, reduce pain, renew skin, revisit it, rewind. Re"
    found = [(text[m.start : m.end], m.entry.category) for m in lexicon.finditer(text)]
    assert found == [
        ("Reduce the risk", "safety"),
        ("reduce", "efficacy"),
        ("renew", "efficacy"),
        ("revisit", "research"),
        ("rewind", "research"),
        ("Re", "research"),  # two letters at the end of the span, no third to branch on
    ]


def test_the_dispatched_regex_is_the_same_in_every_process() -> None:
    """Set order changes with PYTHONHASHSEED; the combined pattern must not."""
    code = (
        "import hashlib; from claims.tagging import type_lexicon, caveat_lexicon;"
        "print(hashlib.md5((type_lexicon()._regex.pattern"
        " + caveat_lexicon()._regex.pattern).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_a_cue_at_the_text_start_is_found_as_anywhere_else() -> None:
    """Position 0 has no character before it for the scan to consume: its own branch
    must choose the same entry the scan chooses after a space."""
    for lexicon in (caveat_lexicon(), booster_lexicon(), type_lexicon(), outcome_lexicon()):
        for entry in lexicon.entries:
            text = entry.example
            at_start = [(m.start, m.end, m.entry) for m in lexicon.finditer(text)]
            shifted = [(m.start - 1, m.end - 1, m.entry) for m in lexicon.finditer(" " + text)]
            assert at_start == shifted, entry.example
