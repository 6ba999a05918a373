"""First-character sets drive the lexicon's dispatch: they must never miss a start."""

from __future__ import annotations

import re

import pytest

from claims.regex_first import first_chars
from claims.tagging import booster_lexicon, caveat_lexicon, type_lexicon


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
    for lexicon in (caveat_lexicon(), booster_lexicon(), type_lexicon()):
        for entry in lexicon.entries:
            m = re.search(entry.regex(), entry.example, re.IGNORECASE)
            assert m is not None
            assert m.group(0)[0].lower() in first_chars(entry.body()), entry.pattern
            # and the combined, dispatched scan finds the same cue in the example
            hits = [(h.start, h.entry) for h in lexicon.finditer(entry.example)]
            assert any(s <= m.start() for s, _ in hits), entry.pattern
