"""The one vocabulary for reference lists that extraction, segmentation and tagging share."""

from __future__ import annotations

import pytest

from claims.references import ENTRY_START, in_reference_section, is_reference_heading


@pytest.mark.parametrize(
    "heading",
    [
        "References",
        "Sources:",
        "5. Literature",
        "Works Cited",
        "notes",
        " Citations ",
        "Links",  # a podcast's show notes
        "Further reading",
    ],
)
def test_reference_headings(heading: str) -> None:
    assert is_reference_heading(heading)


@pytest.mark.parametrize("heading", ["Our Sources of Pride", "Reference Range", "Side notes"])
def test_headings_that_only_contain_the_word_are_not_reference_lists(heading: str) -> None:
    assert not is_reference_heading(heading)


def test_a_label_before_one_reference_is_no_list_heading_but_its_entry_is_no_claim() -> None:
    for label in ("Citation:", "Source:", "Journal reference:"):
        assert not is_reference_heading(label)
        assert in_reference_section(f"Press release > {label}")


def test_only_the_innermost_heading_of_a_section_path_counts() -> None:
    assert in_reference_section("Vitamin D and Colds > References")
    assert not in_reference_section("References > Vitamin D and Colds")


@pytest.mark.parametrize(
    "line", ["[12] Lee A.", "3. Lee A.", "3) Lee A.", "(3) Lee A.", "- Lee A."]
)
def test_entry_starts(line: str) -> None:
    assert ENTRY_START.match(line)


@pytest.mark.parametrize("line", ["2019 was a good year.", "Lee A. 2019;35:212.", "3.5 mg daily"])
def test_lines_without_an_entry_marker(line: str) -> None:
    assert ENTRY_START.match(line) is None
