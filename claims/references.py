"""What names a list of references or labels one entry, and what opens an entry: one
vocabulary for extraction, segmentation and tagging.

Entries under such a heading resolve citation markers; they are no claims of their own.
"""

from __future__ import annotations

import re

# A heading over a list of references ("References", "Sources", "5. Literature").
_REFERENCE_HEADING = re.compile(
    r"(?:\d{1,2}[.)]?\s*)?(?:references?|bibliography|sources|works cited|citations"
    r"|literature cited|literature|footnotes|notes|endnotes)\s*:?",
    re.IGNORECASE,
)
# A label before one reference ("Citation:", "Source:", "Journal reference:"): what
# follows it is an entry, but it opens no list that later paragraphs belong to.
_ENTRY_LABEL = re.compile(
    r"(?:(?:journal |full )?(?:citations?|references?)|sources?)\s*:?", re.IGNORECASE
)
# The number that opens a reference entry: "[1]", "1.", "1)", "(1)".
NUMBER_MARKER = r"(?:\[\d{1,4}\]|\(?\d{1,4}[.)]|\(\d{1,4}\))"
# What opens an entry of a reference list: its number, or a bullet.
ENTRY_START = re.compile(rf"[^\S\n]*(?:{NUMBER_MARKER}|[-*•])\s")


def is_reference_heading(text: str) -> bool:
    """True for a heading such as "References", "Sources:", "5. Literature" or "Notes"."""
    return _REFERENCE_HEADING.fullmatch(text.strip()) is not None


def in_reference_section(section: str) -> bool:
    """True when the innermost heading of a section path ("A > References") names a list
    of references or labels one ("A > Citation:")."""
    last = section.rpartition(" > ")[2]
    return is_reference_heading(last) or _ENTRY_LABEL.fullmatch(last.strip()) is not None
